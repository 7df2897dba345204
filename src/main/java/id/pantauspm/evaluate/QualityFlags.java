package id.pantauspm.evaluate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import id.pantauspm.catalogue.Measure;
import id.pantauspm.period.Period;

/**
 * Figures worth a second look (spm-domain.md section 7, "outliers that look like data errors"),
 * found once by the evaluation for the data-quality page and the receipt of the file a figure came
 * from. Fed every region's own service results, period by period; {@link #flags()} adds the checks
 * that compare regions and periods.
 * <ul>
 * <li>SERVED_ABOVE_TARGET: more served than the target population (amount served, reference the target, extra the percent);</li>
 * <li>ABOVE_POPULATION: a target population above the region's population (reference the population);</li>
 * <li>OUT_OF_LINE: a target population whose share of the population lies more than {@code factor} times from the
 *     median share of the other regions reporting the service in the period (amount and reference in percent);</li>
 * <li>JUMP: a target population more than {@code factor} times higher or lower than in the previous period of the
 *     same kind (reference the earlier figure, referencePeriod its period);</li>
 * <li>YTD_DECREASES, SUM_BEYOND_TARGET: see {@link PeriodFigures.BasisFinding}.</li>
 * </ul>
 */
public final class QualityFlags {

    /**
     * One flag. {@code valueId} is the stored value concerned (null when none is one value). The
     * meaning of amount, reference and extra depends on the kind (see the class comment).
     */
    public record Flag(String regionCode, String periodCode, String serviceCode, String measureCode, String kind, Long valueId,
                       BigDecimal amount, BigDecimal reference, String referencePeriod, BigDecimal extra) {
    }

    private record Target(String region, long population, Period period, String service, BigDecimal target, Long valueId) {
    }

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Fewer regions than this reporting a service make no median worth comparing with. */
    private static final int MIN_REGIONS_FOR_MEDIAN = 3;

    private final BigDecimal factor;
    private final List<Flag> flags = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    /** @param factor how many times off a target population must be to be flagged (pantau.quality-jump-factor) */
    public QualityFlags(BigDecimal factor) {
        this.factor = factor;
    }

    /** The evaluation's basis findings on one region's figures. */
    public void add(String region, List<PeriodFigures.BasisFinding> findings) {
        for (PeriodFigures.BasisFinding f : findings) {
            flags.add(new Flag(region, f.period().code(), serviceOf(f.measureCode()), f.measureCode(), f.kind(), f.valueId(),
                    f.amount(), f.reference(), f.referencePeriod() == null ? null : f.referencePeriod().code(), f.sum()));
        }
    }

    /**
     * A region's own result for one service and period.
     *
     * @param population the region's population, 0 when unknown
     * @param origins    the stored value each measure of the figure came from
     */
    public void add(String region, long population, Period period, ServiceResult s, Map<String, Long> origins) {
        String targetCode = Measure.code(s.serviceCode(), Measure.TARGET_POPULATION);
        String servedCode = Measure.code(s.serviceCode(), Measure.SERVED);
        if (s.warnings().contains(ServiceResult.Warning.SERVED_ABOVE_TARGET)) {
            flags.add(new Flag(region, period.code(), s.serviceCode(), servedCode, "SERVED_ABOVE_TARGET", origins.get(servedCode),
                    s.served(), s.targetPopulation(), null, s.recipientAchievementUncapped()));
        }
        if (s.targetPopulation() == null) {
            return;
        }
        Long targetValue = origins.get(targetCode);
        if (population > 0 && s.targetPopulation().compareTo(BigDecimal.valueOf(population)) > 0) {
            flags.add(new Flag(region, period.code(), s.serviceCode(), targetCode, "ABOVE_POPULATION", targetValue,
                    s.targetPopulation(), BigDecimal.valueOf(population), null, null));
        }
        if (s.targetPopulation().signum() > 0) { // nobody to serve is a status of its own, not an outlier
            targets.add(new Target(region, population, period, s.serviceCode(), s.targetPopulation(), targetValue));
        }
    }

    /** Every flag, with the comparisons across regions and periods, in region, period, service order. */
    public List<Flag> flags() {
        List<Flag> all = new ArrayList<>(flags);
        all.addAll(outOfLine());
        all.addAll(jumps());
        all.sort(Comparator.comparing(Flag::regionCode).thenComparing(Flag::periodCode)
                .thenComparing(f -> f.serviceCode() == null ? "" : f.serviceCode()).thenComparing(Flag::kind));
        return all;
    }

    private List<Flag> outOfLine() {
        List<Flag> out = new ArrayList<>();
        Map<String, List<Target>> byServicePeriod = new LinkedHashMap<>();
        targets.stream().filter(t -> t.population() > 0)
                .forEach(t -> byServicePeriod.computeIfAbsent(t.service() + "|" + t.period().code(), k -> new ArrayList<>()).add(t));
        for (List<Target> group : byServicePeriod.values()) {
            if (group.size() < MIN_REGIONS_FOR_MEDIAN) {
                continue;
            }
            List<BigDecimal> shares = group.stream().map(QualityFlags::share).sorted().toList();
            BigDecimal median = shares.get(shares.size() / 2);
            if (median.signum() == 0) {
                continue;
            }
            for (Target t : group) {
                BigDecimal share = share(t);
                if (outOfLine(share, median)) {
                    out.add(new Flag(t.region(), t.period().code(), t.service(), Measure.code(t.service(), Measure.TARGET_POPULATION),
                            "OUT_OF_LINE", t.valueId(), percent(share), percent(median), null, null));
                }
            }
        }
        return out;
    }

    private List<Flag> jumps() {
        List<Flag> out = new ArrayList<>();
        Map<String, TreeMap<Period, Target>> series = new LinkedHashMap<>();
        targets.forEach(t -> series.computeIfAbsent(t.region() + "|" + t.service() + "|" + t.period().kind(), k -> new TreeMap<>())
                .put(t.period(), t));
        for (TreeMap<Period, Target> s : series.values()) {
            Target previous = null;
            for (Target t : s.values()) {
                if (previous != null && previous.target().signum() > 0
                        && outOfLine(t.target().divide(previous.target(), MC), BigDecimal.ONE)) {
                    out.add(new Flag(t.region(), t.period().code(), t.service(), Measure.code(t.service(), Measure.TARGET_POPULATION),
                            "JUMP", t.valueId(), t.target(), previous.target(), previous.period().code(), null));
                }
                previous = t;
            }
        }
        return out;
    }

    private boolean outOfLine(BigDecimal ratio, BigDecimal reference) {
        BigDecimal r = ratio.divide(reference, MC);
        return r.compareTo(factor) > 0 || r.compareTo(BigDecimal.ONE.divide(factor, MC)) < 0;
    }

    private static BigDecimal share(Target t) {
        return t.target().divide(BigDecimal.valueOf(t.population()), MC);
    }

    private static BigDecimal percent(BigDecimal share) {
        return share.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }

    private static String serviceOf(String measureCode) {
        int dot = measureCode.indexOf('.');
        return dot < 0 ? null : measureCode.substring(0, dot);
    }
}
