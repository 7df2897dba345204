package id.pantauspm.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import id.pantauspm.evaluate.QualityFlags;
import id.pantauspm.period.Period;
import id.pantauspm.store.ResultRepository;
import id.pantauspm.store.ResultRepository.FieldRow;
import id.pantauspm.store.ResultRepository.IndicatorRow;
import id.pantauspm.store.ResultRepository.MutuRow;
import id.pantauspm.store.ResultRepository.ReportingRow;
import id.pantauspm.store.ResultRepository.TrendRow;
import id.pantauspm.store.ResultRepository.RegionRow;
import id.pantauspm.store.ResultRepository.ServiceRow;

/**
 * The stored results, read once per report run and looked up by region, period and scope, for
 * every report format (HTML, PDF, XLSX) to draw from the same numbers.
 */
public final class ReportData {

    public static final String OWN = "OWN";
    public static final String ROLLUP = "ROLLUP";
    public static final String NATIONAL = "NATIONAL";
    /** The region code the country's roll-up is stored under. */
    public static final String NATIONAL_CODE = id.pantauspm.evaluate.RegionEvaluation.NATIONAL_CODE;

    /** One scope of a period for a region: the region's own services, or a province's roll-up. */
    public record Part(RegionRow region, List<FieldRow> fields, Map<String, List<ServiceRow>> servicesByField,
                       List<IndicatorRow> indicators) {

        /** A field where no service has a single number: shown as one line, not an empty table. */
        public boolean hasData(String field) {
            return servicesByField.getOrDefault(field, List.of()).stream()
                    .anyMatch(s -> s.targetPopulation() != null || s.served() != null);
        }

        /** Some index of the field is the recipient achievement alone, for lack of mutu data. */
        public boolean withoutQuality(String field) {
            return servicesByField.getOrDefault(field, List.of()).stream()
                    .anyMatch(s -> s.warnings() != null && s.warnings().contains("INDEX_WITHOUT_QUALITY"));
        }

        public List<ServiceRow> services() {
            return servicesByField.values().stream().flatMap(List::stream).toList();
        }

        /** The same part with its fields, and the services under them, in the given order (the catalogue's: PP 2/2018). */
        public Part inOrder(List<String> fieldCodes) {
            Comparator<String> byOrder = Comparator.comparingInt(
                    (String c) -> fieldCodes.indexOf(c) < 0 ? Integer.MAX_VALUE : fieldCodes.indexOf(c)).thenComparing(c -> c);
            List<FieldRow> orderedFields = fields.stream().sorted(Comparator.comparing(FieldRow::fieldCode, byOrder)).toList();
            Map<String, List<ServiceRow>> orderedServices = new LinkedHashMap<>();
            servicesByField.keySet().stream().sorted(byOrder).forEach(f -> orderedServices.put(f, servicesByField.get(f)));
            return new Part(region, orderedFields, orderedServices, indicators);
        }
    }

    private final Map<String, RegionRow> regions;
    private final Map<String, List<FieldRow>> fields;
    private final Map<String, List<ServiceRow>> services;
    private final Map<String, List<IndicatorRow>> indicators;
    private final Map<String, List<RegionRow>> ownRegionsOfPeriod;
    private final Map<String, List<ServiceRow>> ownServicesOfPeriod;
    private final List<String> ownPeriods;
    private final List<String> allPeriods;
    /** The community satisfaction index (IKM) beside the results; set once by {@link #withIkm}. */
    private IkmData ikm = IkmData.none();
    private final List<QualityFlags.Flag> flags;
    private final Map<String, List<TrendRow>> trends;
    private final Map<String, List<MutuRow>> mutu;
    private final Map<String, List<ReportingRow>> reporting;
    private final List<ReportingRow> allReporting;
    /** The offices' notes by region|period, read on first use ({@link #notes}). */
    private Map<String, List<id.pantauspm.store.ValueRepository.Note>> notes;
    /** Kabupaten/kota's ranks, by region|period|subject|within; set by {@link #withRanks}. */
    private Map<String, ResultRepository.RankRow> ranks = Map.of();

    public ReportData(List<RegionRow> regions, List<FieldRow> fields, List<ServiceRow> services, List<IndicatorRow> indicators) {
        this(regions, fields, services, indicators, List.of(), List.of(), List.of(), List.of());
    }

    /**
     * The evaluation's results, as stored: every number a report shows comes from here.
     *
     * @param flags     data-quality flags
     * @param trends    indices against comparable earlier periods
     * @param mutu      mutu items with their gaps
     * @param reporting when each region's data arrived, against the deadline
     */
    public ReportData(List<RegionRow> regions, List<FieldRow> fields, List<ServiceRow> services, List<IndicatorRow> indicators,
                      List<QualityFlags.Flag> flags, List<TrendRow> trends, List<MutuRow> mutu, List<ReportingRow> reporting) {
        this.flags = List.copyOf(flags);
        this.trends = trends.stream().collect(Collectors.groupingBy(t -> key(t.regionCode(), t.periodCode(), t.scope())));
        this.mutu = mutu.stream().collect(Collectors.groupingBy(m -> key(m.regionCode(), m.periodCode(), m.scope())));
        this.reporting = reporting.stream().collect(Collectors.groupingBy(r -> key(r.regionCode(), r.periodCode(), OWN)));
        this.allReporting = List.copyOf(reporting);
        this.regions = regions.stream().collect(Collectors.toMap(r -> key(r.regionCode(), r.periodCode(), r.scope()), r -> r));
        this.fields = fields.stream().collect(Collectors.groupingBy(f -> key(f.regionCode(), f.periodCode(), f.scope())));
        this.services = services.stream().collect(Collectors.groupingBy(s -> key(s.regionCode(), s.periodCode(), s.scope()),
                LinkedHashMap::new, Collectors.toList()));
        this.indicators = indicators.stream().collect(Collectors.groupingBy(i -> key(i.regionCode(), i.periodCode(), i.scope())));
        this.ownRegionsOfPeriod = regions.stream().filter(r -> OWN.equals(r.scope())).collect(Collectors.groupingBy(RegionRow::periodCode));
        this.ownServicesOfPeriod = services.stream().filter(s -> OWN.equals(s.scope())).collect(Collectors.groupingBy(ServiceRow::periodCode));
        this.ownPeriods = newestFirst(regions.stream().filter(r -> OWN.equals(r.scope())).map(RegionRow::periodCode));
        this.allPeriods = newestFirst(regions.stream().filter(r -> !NATIONAL.equals(r.scope())).map(RegionRow::periodCode));
    }

    public static ReportData load(ResultRepository results) {
        return load(results, null, null);
    }

    /**
     * The results of one period and/or one region only (null: all); a province keeps its roll-up.
     * For `pantau report --period P --region CODE`.
     */
    public static ReportData load(ResultRepository results, String period, String region) {
        java.util.function.BiPredicate<String, String> keep = (r, p) ->
                (period == null || period.equals(p)) && (region == null || region.equals(r));
        return loadRows(results, keep).withRanks(results.ranks().stream()
                .filter(r -> keep.test(r.regionCode(), r.periodCode())).toList());
    }

    private static ReportData loadRows(ResultRepository results, java.util.function.BiPredicate<String, String> keep) {
        return new ReportData(
                results.regions().stream().filter(r -> keep.test(r.regionCode(), r.periodCode())).toList(),
                results.fields().stream().filter(r -> keep.test(r.regionCode(), r.periodCode())).toList(),
                results.services().stream().filter(r -> keep.test(r.regionCode(), r.periodCode())).toList(),
                results.indicators().stream().filter(r -> keep.test(r.regionCode(), r.periodCode())).toList(),
                results.flags().stream().filter(r -> keep.test(r.regionCode(), r.periodCode())).toList(),
                results.trends().stream().filter(r -> keep.test(r.regionCode(), r.periodCode())).toList(),
                results.mutu().stream().filter(r -> keep.test(r.regionCode(), r.periodCode())).toList(),
                results.reporting().stream().filter(r -> keep.test(r.regionCode(), r.periodCode())).toList());
    }

    /** These results with the kabupaten/kota's stored ranks (evaluate.Ranking). */
    public ReportData withRanks(List<ResultRepository.RankRow> rows) {
        this.ranks = rows.stream().collect(Collectors.toMap(
                r -> r.regionCode() + "|" + r.periodCode() + "|" + r.subject() + "|" + r.within(), r -> r, (a, b) -> a));
        return this;
    }

    /**
     * A kabupaten/kota's place by a subject (REGION, a field or a service code) among those of its
     * province ({@code within} PROVINCE) or of the country (NATIONAL); null when it is not ranked.
     */
    public ResultRepository.RankRow rank(String region, String period, String subject, String within) {
        return ranks.get(region + "|" + period + "|" + subject + "|" + within);
    }

    /** These results with the IKM of the units surveyed beside them (read once per report run, before any format). */
    public ReportData withIkm(IkmData ikmData) {
        this.ikm = ikmData;
        return this;
    }

    /**
     * The notes offices wrote beside a region's values of one period, in measure order. Every note is read
     * with one call of {@code all} the first time any format asks, then kept for the rest of the run.
     */
    public synchronized List<id.pantauspm.store.ValueRepository.Note> notes(String region, String period,
            java.util.function.Supplier<List<id.pantauspm.store.ValueRepository.Note>> all) {
        if (notes == null) {
            notes = all.get().stream().collect(Collectors.groupingBy(n -> n.regionCode() + "|" + n.periodCode()));
        }
        return notes.getOrDefault(region + "|" + period, List.of());
    }

    /** The community satisfaction index (IKM) of the units surveyed; empty when none was. */
    public IkmData ikm() {
        return ikm;
    }

    private static List<String> newestFirst(java.util.stream.Stream<String> periods) {
        return periods.distinct().sorted(Comparator.comparing((String p) -> Period.parse(p).orElseThrow()).reversed()).toList();
    }

    static String key(String region, String period, String scope) {
        return region + "|" + period + "|" + scope;
    }

    /** Periods with a region's own results, newest first. */
    public List<String> periods() {
        return ownPeriods;
    }

    /** Periods with any result (roll-ups included), newest first. */
    public List<String> allPeriods() {
        return allPeriods;
    }

    /** Every region with a result of any scope (the country's roll-up is not a region). */
    public Set<String> regionCodes() {
        return regions.values().stream().filter(r -> !NATIONAL.equals(r.scope())).map(RegionRow::regionCode)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Regions' own results in a period, best index first, regions without an index last. */
    public List<RegionRow> ranking(String period) {
        return ownRegionsOfPeriod.getOrDefault(period, List.of()).stream()
                .sorted(Comparator.comparing(RegionRow::index, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(RegionRow::regionCode))
                .toList();
    }

    /** Every region's own results for every service in a period. */
    public List<ServiceRow> services(String period) {
        return ownServicesOfPeriod.getOrDefault(period, List.of());
    }

    public RegionRow region(String region, String period, String scope) {
        return regions.get(key(region, period, scope));
    }

    /** A region's results of one scope and period, or null when there are none. */
    public Part part(String region, String period, String scope) {
        RegionRow row = regions.get(key(region, period, scope));
        if (row == null) {
            return null;
        }
        Map<String, List<ServiceRow>> byField = services.getOrDefault(key(region, period, scope), List.of()).stream()
                .collect(Collectors.groupingBy(ServiceRow::fieldCode, LinkedHashMap::new, Collectors.toList()));
        return new Part(row, fields.getOrDefault(key(region, period, scope), List.of()), byField,
                indicators.getOrDefault(key(region, period, scope), List.of()));
    }

    /** A region's trends in a period and scope: subject (REGION, a field or a service) to its comparisons, the closer first. */
    public Map<String, List<TrendRow>> trends(String region, String period, String scope) {
        return trends.getOrDefault(key(region, period, scope), List.of()).stream()
                .collect(Collectors.groupingBy(TrendRow::subject, LinkedHashMap::new, Collectors.toList()));
    }

    /** A region's mutu items with their gaps, in service and item order. */
    public List<MutuRow> mutu(String region, String period, String scope) {
        return mutu.getOrDefault(key(region, period, scope), List.of());
    }

    /** When a region's data for a period arrived, per field, against the deadline. */
    public List<ReportingRow> reporting(String region, String period) {
        return reporting.getOrDefault(key(region, period, OWN), List.of());
    }

    /** Every region's arrivals, for the completeness page. */
    public List<ReportingRow> reporting() {
        return allReporting;
    }

    /** The evaluation's data-quality flags, in region, period, service order. */
    public List<QualityFlags.Flag> flags() {
        return flags;
    }

    public List<FieldRow> fields(String region, String period) {
        return fields.getOrDefault(key(region, period, OWN), List.of());
    }
}
