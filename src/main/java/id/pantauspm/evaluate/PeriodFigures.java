package id.pantauspm.evaluate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.Measure;
import id.pantauspm.period.Basis;
import id.pantauspm.period.Period;

/**
 * Turns what a region reported, period by period, into the figures that are evaluated
 * (spm-domain.md section 4, Periods, as amended by issue 8):
 * <ul>
 * <li>a quarter's, semester's or month's figure is <b>year to date</b>: a flow (people served, rupiah
 * spent) reported year to date is taken as it is; one reported for the period alone is added to the
 * year-to-date figure of the period before; the basis of each value is what the office declared, or
 * the rule version's default for the period kind ({@code period_basis} in rules.yaml);</li>
 * <li>a stock (the target population, items available) is the latest report of the year so far;</li>
 * <li>a year is its own report; a measure it lacks, or a year nobody reported, is the year-end figure
 * (TW4 year to date, else S2, else December).</li>
 * </ul>
 * A flow that cannot be brought to year to date (a quarter-only figure whose earlier quarters are
 * missing) is left out, never understated.
 */
public final class PeriodFigures {

    /**
     * One reported value: the amount, the basis the office declared (null: not declared, the rule
     * version's default applies) and the id of the stored value it came from, for findings to point at.
     */
    public record Reported(BigDecimal amount, Basis declared, long valueId) {

        public static Reported of(BigDecimal amount) {
            return new Reported(amount, null, 0);
        }
    }

    /**
     * A sign that a value's basis is not what it was taken for, for the receipt of the file it came
     * from and the data-quality page.
     *
     * @param kind      YTD_DECREASES: a year-to-date figure lower than the one of the period before;
     *                  SUM_BEYOND_TARGET: period-only figures that add up beyond the target population
     *                  although none alone exceeds it, as year-to-date figures would;
     *                  NEEDS_EARLIER_PERIOD: a period-only figure that cannot be used because the year-to-date
     *                  figure of the period before it (referencePeriod) was not reported
     * @param period    the period of the value concerned
     * @param valueId   the stored value concerned
     * @param amount    its amount
     * @param reference the earlier year-to-date figure (YTD_DECREASES) or the target population (SUM_BEYOND_TARGET)
     * @param sum       SUM_BEYOND_TARGET: the year-to-date figure the period-only values add up to
     */
    public record BasisFinding(String kind, String measureCode, Period period, long valueId, BigDecimal amount,
                               Period referencePeriod, BigDecimal reference, BigDecimal sum) {
    }

    /**
     * The values evaluated for one period.
     *
     * @param covered  the reported periods whose values this figure uses
     * @param missing  reported periods it would need (earlier periods under a period-only figure) but that were not reported
     * @param derived  true for a year made from its year-end figure rather than reported as a year
     * @param findings signs that a basis was contradicted, among the values this figure uses
     * @param origins  per measure, the stored value the figure's amount was last taken from (for a flow
     *                 added up, the value of the latest period), so a finding can point at its file
     * @param unresolved flows this period reported that could not be brought to year to date (a
     *                 period-only figure whose earlier period is missing): reported, but not usable
     */
    public record Figure(Period period, Map<String, BigDecimal> values, List<Period> covered, List<Period> missing,
                         boolean derived, List<BasisFinding> findings, Map<String, Long> origins, Set<String> unresolved) {
    }

    private static final List<Period.Kind> YEAR_END_ORDER = List.of(Period.Kind.QUARTER, Period.Kind.SEMESTER,
            Period.Kind.MONTH);

    private final Catalogue catalogue;

    public PeriodFigures(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The same, for values without a declared basis or origin (tests, roll-ups). */
    public List<Figure> assembleAmounts(Map<Period, Map<String, BigDecimal>> reported) {
        Map<Period, Map<String, Reported>> wrapped = new TreeMap<>();
        reported.forEach((p, values) -> {
            Map<String, Reported> m = new LinkedHashMap<>();
            values.forEach((code, amount) -> m.put(code, Reported.of(amount)));
            wrapped.put(p, m);
        });
        return assemble(wrapped);
    }

    /** @param reported the active values of one region, by the period they were reported for */
    public List<Figure> assemble(Map<Period, Map<String, Reported>> reported) {
        TreeMap<Period, Map<String, Reported>> byPeriod = new TreeMap<>(reported);
        List<Figure> figures = new ArrayList<>();
        Set<Integer> years = new TreeSet<>();
        for (Period p : byPeriod.keySet()) {
            years.add(p.year());
            if (p.kind() != Period.Kind.YEAR) {
                figures.add(subYear(p, byPeriod));
            }
        }
        for (int year : years) {
            Period y = Period.year(year);
            Optional<Figure> yearEnd = yearEnd(year, byPeriod);
            if (byPeriod.containsKey(y)) {
                figures.add(reportedYear(y, byPeriod.get(y), yearEnd));
            } else {
                yearEnd.ifPresent(end -> figures.add(new Figure(y, end.values(), end.covered(), end.missing(), true,
                        end.findings(), end.origins(), end.unresolved())));
            }
        }
        figures.sort((a, b) -> a.period().compareTo(b.period()));
        return figures.stream().map(this::withSums).toList();
    }

    /**
     * A measure the catalogue defines as the sum of others ({@code sum_of}: PU-K02's houses served are the
     * houses reached by its three access routes) takes that sum when the office reported every part but
     * not the measure itself; a figure the office reported always stands.
     */
    private Figure withSums(Figure f) {
        Map<String, BigDecimal> values = null;
        for (Measure m : sumMeasures()) {
            if (f.values().containsKey(m.code())) {
                continue;
            }
            BigDecimal total = BigDecimal.ZERO;
            for (String part : m.sumOf()) {
                BigDecimal v = f.values().get(part);
                if (v == null) {
                    total = null;
                    break;
                }
                total = total.add(v);
            }
            if (total != null) {
                if (values == null) {
                    values = new LinkedHashMap<>(f.values());
                }
                values.put(m.code(), total);
            }
        }
        return values == null ? f : new Figure(f.period(), java.util.Collections.unmodifiableMap(values), f.covered(),
                f.missing(), f.derived(), f.findings(), f.origins(), f.unresolved());
    }

    private List<Measure> sumMeasures;

    private List<Measure> sumMeasures() {
        if (sumMeasures == null) {
            sumMeasures = catalogue.measures().stream().filter(m -> !m.sumOf().isEmpty()).toList();
        }
        return sumMeasures;
    }

    /** The figure of the year's last quarter (else semester, else month), when that period was reported. */
    private Optional<Figure> yearEnd(int year, TreeMap<Period, Map<String, Reported>> byPeriod) {
        for (Period.Kind kind : YEAR_END_ORDER) {
            Period last = new Period(year, kind, count(kind));
            if (byPeriod.containsKey(last)) {
                return Optional.of(subYear(last, byPeriod));
            }
        }
        return Optional.empty();
    }

    /** A reported year: its own values; a measure it lacks is taken from the year-end figure. */
    private Figure reportedYear(Period y, Map<String, Reported> own, Optional<Figure> yearEnd) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Map<String, Long> origins = new LinkedHashMap<>();
        own.forEach((code, r) -> {
            if (r.amount() != null) {
                values.put(code, r.amount());
                origins.put(code, r.valueId());
            }
        });
        Set<Period> covered = new LinkedHashSet<>(List.of(y));
        yearEnd.ifPresent(end -> {
            boolean used = false;
            for (Map.Entry<String, BigDecimal> e : end.values().entrySet()) {
                if (values.putIfAbsent(e.getKey(), e.getValue()) == null) {
                    used = true;
                    origins.put(e.getKey(), end.origins().get(e.getKey()));
                }
            }
            if (used) {
                covered.addAll(end.covered());
            }
        });
        return new Figure(y, values, List.copyOf(covered), List.of(), false, List.of(), origins, Set.of());
    }

    /**
     * A quarter, semester or month: stocks as last reported this year (by any period kind ending on or
     * before it: an S1 target population stands in TW3), flows year to date.
     */
    private Figure subYear(Period p, TreeMap<Period, Map<String, Reported>> byPeriod) {
        List<Period> sofar = byPeriod.keySet().stream()
                .filter(x -> x.kind() != Period.Kind.YEAR && x.year() == p.year() && !x.lastDay().isAfter(p.lastDay()))
                .sorted(java.util.Comparator.comparing(Period::lastDay).thenComparing(x -> x.kind() == p.kind() ? 1 : 0))
                .toList();
        Set<Period> covered = new TreeSet<>();
        Set<Period> missing = new TreeSet<>();
        Set<String> unresolved = new TreeSet<>();
        List<BasisFinding> findings = new ArrayList<>();
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Map<String, Long> origins = new LinkedHashMap<>();
        Set<String> codes = new LinkedHashSet<>();
        sofar.forEach(x -> codes.addAll(byPeriod.get(x).keySet()));
        for (String code : codes) {
            if (isFlow(code)) {
                if (reportedAt(byPeriod, p, code) == null) {
                    continue; // a flow of an earlier period says nothing of this one
                }
                Chain chain = yearToDate(code, p, byPeriod);
                if (chain.value != null) {
                    values.put(code, chain.value);
                    origins.put(code, reportedAt(byPeriod, p, code).valueId());
                    covered.addAll(chain.used);
                } else {
                    unresolved.add(code);
                    Reported r = reportedAt(byPeriod, p, code);
                    Period earlier = chain.missing.isEmpty() ? null : chain.missing.get(0);
                    findings.add(new BasisFinding("NEEDS_EARLIER_PERIOD", code, p, r.valueId(), r.amount(), earlier, null, null));
                }
                missing.addAll(chain.missing);
            } else {
                for (int i = sofar.size() - 1; i >= 0; i--) { // the latest report so far stands
                    Reported r = reportedAt(byPeriod, sofar.get(i), code);
                    if (r != null) {
                        values.put(code, r.amount());
                        origins.put(code, r.valueId());
                        covered.add(sofar.get(i));
                        break;
                    }
                }
            }
        }
        if (byPeriod.containsKey(p)) {
            covered.add(p);
            findings.addAll(findings(p, byPeriod, values));
        }
        return new Figure(p, values, List.copyOf(covered), List.copyOf(missing), false, List.copyOf(findings), origins,
                Set.copyOf(unresolved));
    }

    private record Chain(BigDecimal value, List<Period> used, List<Period> missing) {
    }

    /**
     * A flow's year-to-date figure at {@code p}: the value itself when it is year to date, or the
     * period alone added to the year-to-date figure at the end of the period before, taken from any
     * period kind that ends there (TW2, S1 or June for a TW3). Unknown (null) when the value is absent,
     * or no earlier year-to-date figure can be had; {@code missing} then names the period wanted.
     */
    private Chain yearToDate(String code, Period p, TreeMap<Period, Map<String, Reported>> byPeriod) {
        Reported r = reportedAt(byPeriod, p, code);
        if (r == null) {
            return new Chain(null, List.of(), byPeriod.containsKey(p) ? List.of() : List.of(p));
        }
        if (basis(r, p) == Basis.YEAR_TO_DATE || p.number() == 1) {
            return new Chain(r.amount(), List.of(p), List.of());
        }
        Period before = new Period(p.year(), p.kind(), p.number() - 1);
        Chain best = null;
        for (Period candidate : endingWith(before, byPeriod)) {
            Chain earlier = yearToDate(code, candidate, byPeriod);
            if (earlier.value != null) {
                List<Period> used = new ArrayList<>(earlier.used);
                used.add(p);
                return new Chain(earlier.value.add(r.amount()), used, List.of());
            }
            if (best == null) {
                best = earlier;
            }
        }
        return new Chain(null, List.of(), best == null || best.missing.isEmpty() ? List.of(before) : best.missing);
    }

    /** The reported periods ending when {@code p} ends: {@code p} itself first, then quarters, semesters, months. */
    private static List<Period> endingWith(Period p, TreeMap<Period, Map<String, Reported>> byPeriod) {
        List<Period> out = new ArrayList<>();
        if (byPeriod.containsKey(p)) {
            out.add(p);
        }
        for (Period x : byPeriod.keySet()) {
            if (!x.equals(p) && x.kind() != Period.Kind.YEAR && x.lastDay().equals(p.lastDay())) {
                out.add(x);
            }
        }
        return out;
    }

    /** Findings on the values of period {@code p} (flows only), given its assembled figure. */
    private List<BasisFinding> findings(Period p, TreeMap<Period, Map<String, Reported>> byPeriod,
                                        Map<String, BigDecimal> figure) {
        List<BasisFinding> found = new ArrayList<>();
        Map<String, Reported> own = byPeriod.get(p);
        for (Map.Entry<String, Reported> e : own.entrySet()) {
            String code = e.getKey();
            Reported r = e.getValue();
            if (!isFlow(code) || r.amount() == null) {
                continue;
            }
            if (basis(r, p) == Basis.YEAR_TO_DATE && p.number() > 1) {
                Period before = new Period(p.year(), p.kind(), p.number() - 1);
                Chain earlier = yearToDate(code, before, byPeriod);
                if (earlier.value != null && r.amount().compareTo(earlier.value) < 0) {
                    found.add(new BasisFinding("YTD_DECREASES", code, p, r.valueId(), r.amount(), before, earlier.value, null));
                }
            }
            if (basis(r, p) == Basis.PERIOD_ONLY && p.number() > 1) {
                BigDecimal sum = figure.get(code);
                BigDecimal target = targetPopulationFor(code, figure);
                if (sum != null && target != null && sum.compareTo(target) > 0 && eachAtMostAndRising(code, p, byPeriod, target)) {
                    found.add(new BasisFinding("SUM_BEYOND_TARGET", code, p, r.valueId(), r.amount(), null, target, sum));
                }
            }
        }
        return found;
    }

    /** Every period-only value so far lies within the target and none falls: the shape of year-to-date figures. */
    private boolean eachAtMostAndRising(String code, Period p, TreeMap<Period, Map<String, Reported>> byPeriod,
                                        BigDecimal target) {
        BigDecimal previous = null;
        for (int n = 1; n <= p.number(); n++) {
            Reported r = reportedAt(byPeriod, new Period(p.year(), p.kind(), n), code);
            if (r == null || r.amount().compareTo(target) > 0 || (previous != null && r.amount().compareTo(previous) < 0)) {
                return false;
            }
            previous = r.amount();
        }
        return true;
    }

    /** The SASARAN of the service a TERLAYANI belongs to; null for other flows. */
    private BigDecimal targetPopulationFor(String code, Map<String, BigDecimal> figure) {
        return catalogue.measure(code)
                .filter(m -> m.localCode().equals(Measure.SERVED))
                .map(m -> figure.get(Measure.code(m.serviceCode(), Measure.TARGET_POPULATION)))
                .orElse(null);
    }

    private Basis basis(Reported r, Period p) {
        if (r.declared() != null) {
            return r.declared();
        }
        return catalogue.ruleSetFor(p.lastDay()).defaultBasis(p.kind());
    }

    private boolean isFlow(String code) {
        return catalogue.measure(code).map(m -> m.accumulation() == Measure.Accumulation.SUM).orElse(false);
    }

    private static Reported reportedAt(Map<Period, Map<String, Reported>> byPeriod, Period p, String code) {
        Map<String, Reported> values = byPeriod.get(p);
        if (values == null) {
            return null;
        }
        Reported r = values.get(code);
        return r == null || r.amount() == null ? null : r;
    }

    private static int count(Period.Kind kind) {
        return switch (kind) {
            case YEAR -> 1;
            case SEMESTER -> 2;
            case QUARTER -> 4;
            case MONTH -> 12;
        };
    }
}
