package id.pantauspm.dhis2;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import id.pantauspm.evaluate.PeriodFigures;
import id.pantauspm.period.Period;
import id.pantauspm.store.ResultRepository;
import id.pantauspm.store.ResultRepository.FieldRow;
import id.pantauspm.store.ResultRepository.IndicatorRow;
import id.pantauspm.store.ResultRepository.RegionRow;
import id.pantauspm.store.ResultRepository.ServiceRow;
import id.pantauspm.store.ValueRepository;

/**
 * One period's stored figures as DHIS2 values, through a mapping: the values offices sent (as
 * received: a quarter's flow is the quarter's) and the results Pantau computed for the region itself
 * (scope OWN; a quarter's results are cumulative since January, as in the report). Province
 * roll-ups are left out: DHIS2 aggregates its own org unit tree. Figures without a mapping, and
 * regions without an org unit, are counted, not guessed.
 */
public final class Dhis2Export {

    private static final String OWN = "OWN";

    private final ValueRepository values;
    private final ResultRepository results;

    public Dhis2Export(ValueRepository values, ResultRepository results) {
        this.values = values;
        this.results = results;
    }

    /**
     * @param values           what is exported, grouped by region in code order
     * @param unmappedCodes    codes with a stored figure for the period but no data element in the mapping
     * @param unmappedRegions  regions with figures but no org unit
     */
    public record Collected(Period period, List<Dhis2Value> values, TreeSet<String> unmappedCodes,
                            TreeSet<String> unmappedRegions) {
        public long orgUnits() {
            return values.stream().map(Dhis2Value::orgUnit).distinct().count();
        }
    }

    public Collected collect(Period period, Dhis2Mapping mapping) {
        String code = period.code();
        List<Dhis2Value> out = new ArrayList<>();
        TreeSet<String> unmappedCodes = new TreeSet<>();
        TreeSet<String> unmappedRegions = new TreeSet<>();
        Collector c = new Collector(mapping, out, unmappedCodes, unmappedRegions);

        values.forEachRegion((region, byPeriod) -> {
            Map<String, PeriodFigures.Reported> measured = byPeriod.get(code);
            if (measured != null) {
                measured.forEach((measure, r) -> c.add(region, mapping.values().get(measure), r.amount(), measure));
            }
        });
        for (IndicatorRow i : results.indicators()) {
            if (code.equals(i.periodCode()) && OWN.equals(i.scope()) && i.value() != null) {
                c.add(i.regionCode(), mapping.indicators().get(i.indicatorCode()), i.value(), i.indicatorCode());
            }
        }
        for (ServiceRow s : results.services()) {
            if (code.equals(s.periodCode()) && OWN.equals(s.scope())) {
                Map<String, Dhis2Target> figures = mapping.services().getOrDefault(s.serviceCode(), Map.of());
                c.addIfComputed(s.regionCode(), figures.get("index"), s.index(), s.serviceCode() + " index");
                c.addIfComputed(s.regionCode(), figures.get("recipient"), s.recipient(), s.serviceCode() + " recipient");
                c.addIfComputed(s.regionCode(), figures.get("quality"), s.quality(), s.serviceCode() + " quality");
            }
        }
        for (FieldRow f : results.fields()) {
            if (code.equals(f.periodCode()) && OWN.equals(f.scope())) {
                c.addIfComputed(f.regionCode(), mapping.fields().get(f.fieldCode()), f.index(), f.fieldCode() + " index");
            }
        }
        for (RegionRow r : results.regions()) {
            if (code.equals(r.periodCode()) && OWN.equals(r.scope())) {
                c.addIfComputed(r.regionCode(), mapping.regionIndex(), r.index(), "SPM index");
            }
        }
        out.sort(java.util.Comparator.comparing(Dhis2Value::regionCode));
        return new Collected(period, List.copyOf(out), unmappedCodes, unmappedRegions);
    }

    private record Collector(Dhis2Mapping mapping, List<Dhis2Value> out, TreeSet<String> unmappedCodes,
                             TreeSet<String> unmappedRegions) {

        void add(String region, Dhis2Target target, BigDecimal amount, String source) {
            if (target == null) {
                unmappedCodes.add(source);
                return;
            }
            mapping.orgUnit(region).ifPresentOrElse(ou -> out.add(new Dhis2Value(region, ou, target, amount, source)),
                    () -> unmappedRegions.add(region));
        }

        /** A result that could not be computed (missing data) is not a zero: nothing is sent. */
        void addIfComputed(String region, Dhis2Target target, BigDecimal amount, String source) {
            if (amount != null) {
                add(region, target, amount, source);
            }
        }
    }
}
