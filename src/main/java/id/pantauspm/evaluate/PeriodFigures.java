package id.pantauspm.evaluate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.Measure;
import id.pantauspm.period.Period;

/**
 * Turns what a region reported, period by period, into the figures that are evaluated
 * (spm-domain.md, Periods): a quarter's figure is cumulative from January (flows such as people
 * served add up over the quarters so far; stocks such as the target population take the latest
 * report), and a year without its own report is derived once all its quarters are in.
 */
public final class PeriodFigures {

    /**
     * The values evaluated for one period.
     *
     * @param covered the reported periods this figure adds up (for a quarter: the quarters so far)
     * @param missing the periods it should add up but that were not reported
     * @param derived true for a year made from its quarters rather than reported as a year
     */
    public record Figure(Period period, Map<String, BigDecimal> values, List<Period> covered, List<Period> missing,
                         boolean derived) {
    }

    private final Catalogue catalogue;

    public PeriodFigures(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** @param reported the active values of one region, by the period they were reported for */
    public List<Figure> assemble(Map<Period, Map<String, BigDecimal>> reported) {
        TreeMap<Period, Map<String, BigDecimal>> byPeriod = new TreeMap<>(reported);
        List<Figure> figures = new ArrayList<>();
        Map<Integer, Boolean> yearReported = new HashMap<>();
        for (Period p : byPeriod.keySet()) {
            if (p.kind() == Period.Kind.YEAR) {
                yearReported.put(p.year(), true);
            }
        }
        for (Period p : byPeriod.keySet()) {
            figures.add(p.kind() == Period.Kind.YEAR ? year(p, byPeriod) : cumulative(p, byPeriod));
        }
        // Years that no office reported as a year, but whose every quarter is in.
        for (int year : byPeriod.keySet().stream().map(Period::year).distinct().toList()) {
            if (yearReported.containsKey(year)) {
                continue;
            }
            List<Period> quarters = parts(Period.year(year), Period.Kind.QUARTER, 4);
            if (quarters.stream().allMatch(byPeriod::containsKey)) {
                Map<String, BigDecimal> values = combine(quarters, byPeriod);
                figures.add(new Figure(Period.year(year), values, quarters, List.of(), true));
            }
        }
        figures.sort((a, b) -> a.period().compareTo(b.period()));
        return figures;
    }

    /** A quarter, semester or month: cumulative from the first of its kind in the year. */
    private Figure cumulative(Period p, TreeMap<Period, Map<String, BigDecimal>> byPeriod) {
        List<Period> sofar = new ArrayList<>();
        for (int n = 1; n <= p.number(); n++) {
            sofar.add(new Period(p.year(), p.kind(), n));
        }
        List<Period> covered = sofar.stream().filter(byPeriod::containsKey).toList();
        List<Period> missing = sofar.stream().filter(x -> !byPeriod.containsKey(x)).toList();
        return new Figure(p, combine(covered, byPeriod), covered, missing, false);
    }

    /**
     * A reported year: its own values; a measure it lacks is taken from its quarters when all four
     * reported it (a flow adds up, a stock takes the fourth quarter).
     */
    private Figure year(Period p, TreeMap<Period, Map<String, BigDecimal>> byPeriod) {
        Map<String, BigDecimal> values = new LinkedHashMap<>(byPeriod.get(p));
        List<Period> quarters = parts(p, Period.Kind.QUARTER, 4);
        if (quarters.stream().allMatch(byPeriod::containsKey)) {
            combine(quarters, byPeriod).forEach(values::putIfAbsent);
        }
        return new Figure(p, values, List.of(p), List.of(), false);
    }

    /** Adds up flows and takes the latest stock over the given periods, oldest first. */
    private Map<String, BigDecimal> combine(List<Period> periods, Map<Period, Map<String, BigDecimal>> byPeriod) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (Period part : periods) {
            for (Map.Entry<String, BigDecimal> e : byPeriod.get(part).entrySet()) {
                boolean flow = catalogue.measure(e.getKey()).map(m -> m.accumulation() == Measure.Accumulation.SUM).orElse(false);
                values.merge(e.getKey(), e.getValue(), flow ? BigDecimal::add : (older, newer) -> newer);
            }
        }
        // A flow only adds up when every period reported it: a gap would understate the total.
        for (String code : List.copyOf(values.keySet())) {
            boolean flow = catalogue.measure(code).map(m -> m.accumulation() == Measure.Accumulation.SUM).orElse(false);
            if (flow && periods.stream().anyMatch(part -> !byPeriod.get(part).containsKey(code))) {
                values.remove(code);
            }
        }
        return values;
    }

    private static List<Period> parts(Period year, Period.Kind kind, int count) {
        List<Period> parts = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            parts.add(new Period(year.year(), kind, n));
        }
        return parts;
    }
}
