package id.pantauspm.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import id.pantauspm.catalogue.CategoryBand;
import id.pantauspm.catalogue.IkmRegime;
import id.pantauspm.catalogue.IkmRules;
import id.pantauspm.period.Period;
import id.pantauspm.store.IkmResultRepository;
import id.pantauspm.store.IkmResultRepository.UnitRow;
import id.pantauspm.store.IkmResultRepository.UnsurRow;
import id.pantauspm.store.SubmissionRepository;

/**
 * The stored community satisfaction index (IKM) results, read once per report run, for the IKM
 * pages, the PDF section and the workbook to draw from the same numbers; with the rules for the
 * names of regimes, unsur and bands, and the file each survey came from.
 */
public final class IkmData {

    /** Reads the IKM results of a period and/or region (null: all), as a report run needs them. */
    @FunctionalInterface
    public interface Loader {
        IkmData load(String period, String region);
    }

    private final IkmRules rules;
    private final List<UnitRow> units;
    private final Map<String, List<UnsurRow>> unsur;
    private final Map<Long, String> sources;

    public IkmData(IkmRules rules, List<UnitRow> units, List<UnsurRow> unsur, Map<Long, String> sources) {
        this.rules = rules;
        this.units = List.copyOf(units);
        this.unsur = unsur.stream().collect(Collectors.groupingBy(u -> key(u.regionCode(), u.unitKey(), u.periodCode()),
                LinkedHashMap::new, Collectors.toList()));
        this.sources = Map.copyOf(sources);
    }

    public static IkmData none() {
        return new IkmData(null, List.of(), List.of(), Map.of());
    }

    /** The results of one period and/or region (null: all), with the file names of their surveys. */
    public static IkmData load(IkmResultRepository results, IkmRules rules, SubmissionRepository submissions, String period,
                               String region) {
        java.util.function.BiPredicate<String, String> keep = (r, p) ->
                (period == null || period.equals(p)) && (region == null || region.equals(r));
        List<UnitRow> units = results.units().stream().filter(u -> keep.test(u.regionCode(), u.periodCode())).toList();
        if (units.isEmpty()) {
            return new IkmData(rules, List.of(), List.of(), Map.of());
        }
        Map<Long, String> sources = new LinkedHashMap<>();
        submissions.finished().forEach(s -> sources.put(s.id(), s.fileName()));
        return new IkmData(rules, units, results.unsur().stream().filter(u -> keep.test(u.regionCode(), u.periodCode())).toList(),
                sources);
    }

    private static String key(String region, String unit, String period) {
        return region + "|" + unit + "|" + period;
    }

    public boolean isEmpty() {
        return units.isEmpty();
    }

    public List<UnitRow> units() {
        return units;
    }

    /** Regions with a surveyed unit, by code. */
    public List<String> regionCodes() {
        return units.stream().map(UnitRow::regionCode).collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }

    public boolean hasRegion(String region) {
        return units.stream().anyMatch(u -> u.regionCode().equals(region));
    }

    /** Periods with an IKM, newest first. */
    public List<String> periods() {
        return newestFirst(units.stream().map(UnitRow::periodCode).distinct().toList());
    }

    /** A region's periods with an IKM, newest first. */
    public List<String> periods(String region) {
        return newestFirst(units.stream().filter(u -> u.regionCode().equals(region)).map(UnitRow::periodCode).distinct().toList());
    }

    private static List<String> newestFirst(List<String> periods) {
        return periods.stream().sorted(Comparator.comparing((String p) -> Period.parse(p).orElseThrow()).reversed()).toList();
    }

    /**
     * A region's units in a period, the lowest IKM first (the units needing attention), those that
     * could not be computed last.
     */
    public List<UnitRow> units(String region, String period) {
        return units.stream().filter(u -> u.regionCode().equals(region) && u.periodCode().equals(period))
                .sorted(Comparator.comparing(UnitRow::ikm, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(UnitRow::unitName))
                .toList();
    }

    /**
     * For a report of period {@code upTo}: each unit's newest IKM of the same year ending on or before
     * it (a 2026 report shows 2026 surveys; a third-quarter report the first semester's), lowest first.
     */
    public List<UnitRow> newestUpTo(String region, String upTo) {
        Period end = Period.parse(upTo).orElseThrow();
        Map<String, UnitRow> newest = new LinkedHashMap<>();
        units.stream().filter(u -> u.regionCode().equals(region))
                .filter(u -> {
                    Period p = Period.parse(u.periodCode()).orElseThrow();
                    return p.year() == end.year() && !p.lastDay().isAfter(end.lastDay());
                })
                .sorted(Comparator.comparing(u -> Period.parse(u.periodCode()).orElseThrow()))
                .forEach(u -> newest.put(u.unitKey(), u));
        return newest.values().stream().sorted(Comparator.comparing(UnitRow::ikm, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(UnitRow::unitName)).toList();
    }

    /** A unit's unsur, the weakest first (the regulation's order for those nobody answered, last). */
    public List<UnsurRow> weakestFirst(UnitRow unit) {
        return unsur.getOrDefault(key(unit.regionCode(), unit.unitKey(), unit.periodCode()), List.of()).stream()
                .sorted(Comparator.comparing(UnsurRow::weaknessRank, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingInt(UnsurRow::unsur))
                .toList();
    }

    /** A unit's unsur in the regulation's order. */
    public List<UnsurRow> unsur(UnitRow unit) {
        return unsur.getOrDefault(key(unit.regionCode(), unit.unitKey(), unit.periodCode()), List.of());
    }

    public List<UnsurRow> allUnsur() {
        return unsur.values().stream().flatMap(List::stream).toList();
    }

    public Optional<IkmRegime> regime(String code) {
        return rules == null ? Optional.empty() : rules.regime(code);
    }

    /** The regimes the stored results were computed under, in the rules' order. */
    public List<IkmRegime> regimesUsed() {
        if (rules == null) {
            return List.of();
        }
        return rules.regimes().stream().filter(r -> units.stream().anyMatch(u -> u.regime().equals(r.code()))).toList();
    }

    public String regimeName(String code, Locale locale) {
        return regime(code).map(r -> r.name().in(locale)).orElse(code);
    }

    public String unsurName(String regime, int number, Locale locale) {
        return regime(regime).filter(r -> number >= 1 && number <= r.unsurCount()).map(r -> r.unsur(number).name().in(locale))
                .orElse("U" + number);
    }

    public Optional<CategoryBand> band(String regime, String code) {
        return code == null ? Optional.empty()
                : regime(regime).flatMap(r -> r.bands().stream().filter(b -> b.code().equals(code)).findFirst());
    }

    /** "B Baik", the band's letter and name as the regulation writes them. */
    public String bandName(String regime, String code, Locale locale) {
        return band(regime, code).map(b -> b.code() + " " + b.name().in(locale)).orElse(code == null ? "" : code);
    }

    /** The file a unit's survey came from. */
    public String source(long submissionId) {
        return sources.getOrDefault(submissionId, "");
    }

    public String rulesVersion() {
        return rules == null ? null : rules.version();
    }

    /** Units of the period whose sample falls short of the Krejcie-Morgan minimum. */
    public long smallSamples(List<UnitRow> rows) {
        return rows.stream().filter(u -> Boolean.FALSE.equals(u.sampleAdequate())).count();
    }

    /** Counts per band code, in the order of the regime's bands. */
    public Map<String, Long> bandCounts(List<UnitRow> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (IkmRegime r : regimesUsed()) {
            r.bands().forEach(b -> counts.putIfAbsent(b.code(), 0L));
        }
        rows.stream().map(UnitRow::band).filter(Objects::nonNull).forEach(b -> counts.merge(b, 1L, Long::sum));
        return counts;
    }
}
