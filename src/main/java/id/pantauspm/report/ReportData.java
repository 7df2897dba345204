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

    /**
     * Where the results come from: the database, or rows in memory (tests). Each read is of one region (every
     * period) or one period (every region); null means any.
     */
    public interface Source {
        List<RegionRow> regions();

        List<FieldRow> fields(String region, String period);

        List<ServiceRow> services(String region, String period);

        List<IndicatorRow> indicators(String region, String period);

        List<TrendRow> trends(String region, String period);

        List<MutuRow> mutu(String region, String period);

        List<ReportingRow> reporting(String region, String period);

        List<ResultRepository.RankRow> ranks(String region, String period);

        /** Every region's own results of one service, in every period. */
        List<ServiceRow> ownResultsOfService(String serviceCode);

        List<QualityFlags.Flag> flags();

        /** The province these results are restricted to (its code; its kabupaten/kota are P.xx), or null for all. */
        default String onlyProvince() {
            return null;
        }
    }

    /** Regions whose detailed results are kept at once: a province page reads its kabupaten/kota (38 at most). */
    private static final int REGIONS_KEPT = 48;
    /** Periods whose every region's results are kept at once (the index page, the service pages, the workbook). */
    private static final int PERIODS_KEPT = 2;

    private final Source source;
    /** Every region's headline row of every period and scope: one small row each, kept for the whole run. */
    private final Map<String, RegionRow> regions;
    private final Map<String, List<RegionRow>> ownRegionsOfPeriod;
    private final Set<String> regionCodes;
    private final List<String> ownPeriods;
    private final List<String> allPeriods;
    /** The detailed results (fields, services, indicators, trends, mutu, arrivals, ranks), read by region or by period. */
    private final Map<String, Slice> byRegion = lru(REGIONS_KEPT);
    private final Map<String, Slice> byPeriod = lru(PERIODS_KEPT);
    /** The community satisfaction index (IKM) beside the results; set once by {@link #withIkm}. */
    private IkmData ikm = IkmData.none();
    private List<QualityFlags.Flag> flags;
    /** The offices' notes by region|period, read on first use ({@link #notes}). */
    private Map<String, List<id.pantauspm.store.ValueRepository.Note>> notes;

    public ReportData(List<RegionRow> regions, List<FieldRow> fields, List<ServiceRow> services, List<IndicatorRow> indicators) {
        this(regions, fields, services, indicators, List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Results held in memory (tests, and the arrivals-only data of the chase list): every number a report shows comes
     * from here.
     *
     * @param flags     data-quality flags
     * @param trends    indices against comparable earlier periods
     * @param mutu      mutu items with their gaps
     * @param reporting when each region's data arrived, against the deadline
     */
    public ReportData(List<RegionRow> regions, List<FieldRow> fields, List<ServiceRow> services, List<IndicatorRow> indicators,
                      List<QualityFlags.Flag> flags, List<TrendRow> trends, List<MutuRow> mutu, List<ReportingRow> reporting) {
        this(new InMemory(regions, fields, services, indicators, flags, trends, mutu, reporting));
    }

    /** Results read from {@code source} as the formats ask for them; only the regions' headline rows are read at once. */
    public ReportData(Source source) {
        this.source = source;
        List<RegionRow> rows = source.regions();
        this.regions = rows.stream().collect(Collectors.toMap(r -> key(r.regionCode(), r.periodCode(), r.scope()), r -> r));
        this.ownRegionsOfPeriod = rows.stream().filter(r -> OWN.equals(r.scope())).collect(Collectors.groupingBy(RegionRow::periodCode));
        TreeSet<String> codes = rows.stream().filter(r -> !NATIONAL.equals(r.scope())).map(RegionRow::regionCode)
                .collect(Collectors.toCollection(TreeSet::new));
        this.regionCodes = java.util.Collections.unmodifiableSortedSet(codes);
        this.ownPeriods = newestFirst(rows.stream().filter(r -> OWN.equals(r.scope())).map(RegionRow::periodCode));
        this.allPeriods = newestFirst(rows.stream().filter(r -> !NATIONAL.equals(r.scope())).map(RegionRow::periodCode));
    }

    public static ReportData load(ResultRepository results) {
        return load(results, null, null);
    }

    /**
     * The results of one period and/or one region only (null: all); a province keeps its roll-up.
     * For `pantau report --period P --region CODE`. Nothing but the regions' headline rows is read here.
     */
    public static ReportData load(ResultRepository results, String period, String region) {
        return new ReportData(new Stored(results, period, region, null));
    }

    /**
     * The results of one province and its kabupaten/kota only, every period: what one partition of the nightly job's
     * report-regions step writes (a province's page and PDF list its kabupaten/kota).
     */
    public static ReportData loadProvince(ResultRepository results, String provinceCode) {
        return new ReportData(new Stored(results, null, null, provinceCode));
    }

    /** These results with the kabupaten/kota's stored ranks (evaluate.Ranking), for results held in memory. */
    public ReportData withRanks(List<ResultRepository.RankRow> rows) {
        if (!(source instanceof InMemory memory)) {
            throw new IllegalStateException("ranks are read from the database");
        }
        synchronized (this) {
            memory.ranks = List.copyOf(rows);
            byRegion.clear();
            byPeriod.clear();
        }
        return this;
    }

    /**
     * A kabupaten/kota's place by a subject (REGION, a field or a service code) among those of its
     * province ({@code within} PROVINCE) or of the country (NATIONAL); null when it is not ranked.
     */
    public ResultRepository.RankRow rank(String region, String period, String subject, String within) {
        return slice(region, period).ranks().get(region + "|" + period + "|" + subject + "|" + within);
    }

    /** These results with the IKM of the units surveyed beside them (read once per report run, before any format). */
    public ReportData withIkm(IkmData ikmData) {
        this.ikm = ikmData;
        return this;
    }

    /**
     * The notes offices wrote beside a region's values of one period, in measure order. The notes of every region
     * these results cover are read with one call of {@code read} the first time any format asks, then kept for the
     * rest of the run.
     *
     * @param read the notes of a province and its kabupaten/kota, or of every region when given null: a report-regions
     *             partition reads its province's only (reading every note of the country in each of the 38 partitions,
     *             a scan of every stored value, was a third of a night's region pages with nine quarters stored)
     */
    public synchronized List<id.pantauspm.store.ValueRepository.Note> notes(String region, String period,
            java.util.function.Function<String, List<id.pantauspm.store.ValueRepository.Note>> read) {
        if (notes == null) {
            notes = read.apply(source.onlyProvince()).stream().collect(Collectors.groupingBy(n -> n.regionCode() + "|" + n.periodCode()));
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
        return regionCodes;
    }

    /** Regions' own results in a period, best index first, regions without an index last. */
    public List<RegionRow> ranking(String period) {
        return ownRegionsOfPeriod.getOrDefault(period, List.of()).stream()
                .sorted(Comparator.comparing(RegionRow::index, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(RegionRow::regionCode))
                .toList();
    }

    /** Every region's own results for every service in a period (read with the period's other results). */
    public List<ServiceRow> services(String period) {
        return periodSlice(period).services().values().stream().flatMap(List::stream)
                .filter(s -> OWN.equals(s.scope())).toList();
    }

    /** Every region's own results of one service, by period (newest first): what a service page lists; not kept. */
    public Map<String, List<ServiceRow>> ownResultsOfService(String serviceCode) {
        Map<String, List<ServiceRow>> byPeriod = new LinkedHashMap<>();
        allPeriods.forEach(p -> byPeriod.put(p, new java.util.ArrayList<>()));
        source.ownResultsOfService(serviceCode).forEach(s -> byPeriod.computeIfAbsent(s.periodCode(), p -> new java.util.ArrayList<>()).add(s));
        byPeriod.values().removeIf(List::isEmpty);
        return byPeriod;
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
        Slice slice = slice(region, period);
        String key = key(region, period, scope);
        Map<String, List<ServiceRow>> byField = slice.services().getOrDefault(key, List.of()).stream()
                .collect(Collectors.groupingBy(ServiceRow::fieldCode, LinkedHashMap::new, Collectors.toList()));
        return new Part(row, slice.fields().getOrDefault(key, List.of()), byField, slice.indicators().getOrDefault(key, List.of()));
    }

    /** A region's trends in a period and scope: subject (REGION, a field or a service) to its comparisons, the closer first. */
    public Map<String, List<TrendRow>> trends(String region, String period, String scope) {
        return slice(region, period).trends().getOrDefault(key(region, period, scope), List.of()).stream()
                .collect(Collectors.groupingBy(TrendRow::subject, LinkedHashMap::new, Collectors.toList()));
    }

    /** A region's mutu items with their gaps, in service and item order. */
    public List<MutuRow> mutu(String region, String period, String scope) {
        return slice(region, period).mutu().getOrDefault(key(region, period, scope), List.of());
    }

    /** When a region's data for a period arrived, per field, against the deadline. */
    public List<ReportingRow> reporting(String region, String period) {
        return slice(region, period).reporting().getOrDefault(key(region, period, OWN), List.of());
    }

    /** Every region's arrivals, for the completeness page and the chase list: read anew at each call, not kept. */
    public List<ReportingRow> reporting() {
        return source.reporting(null, null);
    }

    /** The evaluation's data-quality flags, in region, period, service order. */
    public synchronized List<QualityFlags.Flag> flags() {
        if (flags == null) {
            flags = List.copyOf(source.flags());
        }
        return flags;
    }

    public List<FieldRow> fields(String region, String period) {
        return slice(region, period).fields().getOrDefault(key(region, period, OWN), List.of());
    }

    /**
     * Reads every region's detailed results of {@code period} at once (each table on first use) and keeps them for the
     * look-ups that follow, so that a format going through one period region by region (the index page, the service
     * pages, the workbook) reads each table once per period instead of once per region. The regions kept from
     * earlier look-ups are let go.
     *
     * @return this, for chaining
     */
    public ReportData focusOn(String period) {
        synchronized (this) {
            byRegion.clear(); // going through periods now: the regions read for pages before are not looked at again
        }
        periodSlice(period);
        return this;
    }

    // ---- reading by region or by period -------------------------------------------------------------

    /**
     * The detailed results holding a region's figures of a period: the period's, when a format is going through a
     * period region by region (kept by {@link #periodSlice}), else the region's, read whole and kept for the next
     * look-ups (a region page goes through every period of one region).
     */
    private synchronized Slice slice(String region, String period) {
        Slice ofPeriod = byPeriod.get(period);
        if (ofPeriod != null) {
            return ofPeriod;
        }
        return byRegion.computeIfAbsent(region, r -> new Slice(r, null));
    }

    /** Every region's detailed results of one period, kept for the look-ups that follow. */
    private synchronized Slice periodSlice(String period) {
        return byPeriod.computeIfAbsent(period, p -> new Slice(null, p));
    }

    /**
     * Results of one region or one period, each table read from the source on first use: a page that shows no
     * trends does not read them. Every map is keyed region|period|scope (ranks: region|period|subject|within).
     */
    private final class Slice {
        private final String region;
        private final String period;
        private Map<String, List<FieldRow>> fields;
        private Map<String, List<ServiceRow>> services;
        private Map<String, List<IndicatorRow>> indicators;
        private Map<String, List<TrendRow>> trends;
        private Map<String, List<MutuRow>> mutu;
        private Map<String, List<ReportingRow>> reporting;
        private Map<String, ResultRepository.RankRow> ranks;

        Slice(String region, String period) {
            this.region = region;
            this.period = period;
        }

        Map<String, List<FieldRow>> fields() {
            synchronized (ReportData.this) {
                if (fields == null) {
                    fields = source.fields(region, period).stream()
                            .collect(Collectors.groupingBy(f -> key(f.regionCode(), f.periodCode(), f.scope())));
                }
                return fields;
            }
        }

        Map<String, List<ServiceRow>> services() {
            synchronized (ReportData.this) {
                if (services == null) {
                    services = source.services(region, period).stream().collect(Collectors.groupingBy(
                            s -> key(s.regionCode(), s.periodCode(), s.scope()), LinkedHashMap::new, Collectors.toList()));
                }
                return services;
            }
        }

        Map<String, List<IndicatorRow>> indicators() {
            synchronized (ReportData.this) {
                if (indicators == null) {
                    indicators = source.indicators(region, period).stream()
                            .collect(Collectors.groupingBy(i -> key(i.regionCode(), i.periodCode(), i.scope())));
                }
                return indicators;
            }
        }

        Map<String, List<TrendRow>> trends() {
            synchronized (ReportData.this) {
                if (trends == null) {
                    trends = source.trends(region, period).stream()
                            .collect(Collectors.groupingBy(t -> key(t.regionCode(), t.periodCode(), t.scope())));
                }
                return trends;
            }
        }

        Map<String, List<MutuRow>> mutu() {
            synchronized (ReportData.this) {
                if (mutu == null) {
                    mutu = source.mutu(region, period).stream()
                            .collect(Collectors.groupingBy(m -> key(m.regionCode(), m.periodCode(), m.scope())));
                }
                return mutu;
            }
        }

        Map<String, List<ReportingRow>> reporting() {
            synchronized (ReportData.this) {
                if (reporting == null) {
                    reporting = source.reporting(region, period).stream()
                            .collect(Collectors.groupingBy(r -> key(r.regionCode(), r.periodCode(), OWN)));
                }
                return reporting;
            }
        }

        Map<String, ResultRepository.RankRow> ranks() {
            synchronized (ReportData.this) {
                if (ranks == null) {
                    ranks = source.ranks(region, period).stream().collect(Collectors.toMap(
                            r -> r.regionCode() + "|" + r.periodCode() + "|" + r.subject() + "|" + r.within(), r -> r, (a, b) -> a));
                }
                return ranks;
            }
        }
    }

    private static <V> Map<String, V> lru(int entries) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > entries;
            }
        };
    }

    /**
     * The stored results, read through the repository; {@code onlyPeriod}, {@code onlyRegion} restrict them (null: all),
     * {@code onlyProvince} to a province and its kabupaten/kota.
     */
    private record Stored(ResultRepository results, String onlyPeriod, String onlyRegion, String onlyProvince) implements Source {

        private boolean inProvince(String region) {
            return onlyProvince == null || region.equals(onlyProvince) || region.startsWith(onlyProvince + ".");
        }

        /** Whether a read of (region, period) can hold anything within the restriction. */
        private boolean empty(String region, String period) {
            return onlyRegion != null && region != null && !onlyRegion.equals(region)
                    || onlyPeriod != null && period != null && !onlyPeriod.equals(period)
                    || region != null && !inProvince(region);
        }

        private String r(String region) {
            return region != null ? region : onlyRegion;
        }

        private String p(String period) {
            return period != null ? period : onlyPeriod;
        }

        /** A read of every region (of a period) keeps the province's only. */
        private <T> List<T> kept(List<T> rows, java.util.function.Function<T, String> region) {
            return onlyProvince == null ? rows : rows.stream().filter(x -> inProvince(region.apply(x))).toList();
        }

        @Override
        public List<RegionRow> regions() {
            return results.regions().stream().filter(r -> !empty(r.regionCode(), r.periodCode())).toList();
        }

        @Override
        public List<FieldRow> fields(String region, String period) {
            return empty(region, period) ? List.of() : kept(results.fields(r(region), p(period)), FieldRow::regionCode);
        }

        @Override
        public List<ServiceRow> services(String region, String period) {
            return empty(region, period) ? List.of() : kept(results.services(r(region), p(period)), ServiceRow::regionCode);
        }

        @Override
        public List<IndicatorRow> indicators(String region, String period) {
            return empty(region, period) ? List.of() : kept(results.indicators(r(region), p(period)), IndicatorRow::regionCode);
        }

        @Override
        public List<TrendRow> trends(String region, String period) {
            return empty(region, period) ? List.of() : kept(results.trends(r(region), p(period)), TrendRow::regionCode);
        }

        @Override
        public List<MutuRow> mutu(String region, String period) {
            return empty(region, period) ? List.of() : kept(results.mutu(r(region), p(period)), MutuRow::regionCode);
        }

        @Override
        public List<ReportingRow> reporting(String region, String period) {
            return empty(region, period) ? List.of() : kept(results.reporting(r(region), p(period)), ReportingRow::regionCode);
        }

        @Override
        public List<ResultRepository.RankRow> ranks(String region, String period) {
            return empty(region, period) ? List.of() : kept(results.ranks(r(region), p(period)), ResultRepository.RankRow::regionCode);
        }

        @Override
        public List<ServiceRow> ownResultsOfService(String serviceCode) {
            return results.ownResultsOfService(serviceCode).stream().filter(s -> !empty(s.regionCode(), s.periodCode())).toList();
        }

        @Override
        public List<QualityFlags.Flag> flags() {
            return results.flags().stream().filter(f -> !empty(f.regionCode(), f.periodCode())).toList();
        }
    }

    /** Rows held in memory, filtered as the database would. */
    private static final class InMemory implements Source {
        private final List<RegionRow> regions;
        private final List<FieldRow> fields;
        private final List<ServiceRow> services;
        private final List<IndicatorRow> indicators;
        private final List<QualityFlags.Flag> flags;
        private final List<TrendRow> trends;
        private final List<MutuRow> mutu;
        private final List<ReportingRow> reporting;
        private List<ResultRepository.RankRow> ranks = List.of();

        InMemory(List<RegionRow> regions, List<FieldRow> fields, List<ServiceRow> services, List<IndicatorRow> indicators,
                 List<QualityFlags.Flag> flags, List<TrendRow> trends, List<MutuRow> mutu, List<ReportingRow> reporting) {
            this.regions = List.copyOf(regions);
            this.fields = List.copyOf(fields);
            this.services = List.copyOf(services);
            this.indicators = List.copyOf(indicators);
            this.flags = List.copyOf(flags);
            this.trends = List.copyOf(trends);
            this.mutu = List.copyOf(mutu);
            this.reporting = List.copyOf(reporting);
        }

        private static <T> List<T> of(List<T> rows, java.util.function.Function<T, String> region,
                                      java.util.function.Function<T, String> period, String r, String p) {
            return rows.stream().filter(x -> (r == null || r.equals(region.apply(x))) && (p == null || p.equals(period.apply(x))))
                    .toList();
        }

        @Override
        public List<RegionRow> regions() {
            return regions;
        }

        @Override
        public List<FieldRow> fields(String r, String p) {
            return of(fields, FieldRow::regionCode, FieldRow::periodCode, r, p);
        }

        @Override
        public List<ServiceRow> services(String r, String p) {
            return of(services, ServiceRow::regionCode, ServiceRow::periodCode, r, p);
        }

        @Override
        public List<IndicatorRow> indicators(String r, String p) {
            return of(indicators, IndicatorRow::regionCode, IndicatorRow::periodCode, r, p);
        }

        @Override
        public List<TrendRow> trends(String r, String p) {
            return of(trends, TrendRow::regionCode, TrendRow::periodCode, r, p);
        }

        @Override
        public List<MutuRow> mutu(String r, String p) {
            return of(mutu, MutuRow::regionCode, MutuRow::periodCode, r, p);
        }

        @Override
        public List<ReportingRow> reporting(String r, String p) {
            return of(reporting, ReportingRow::regionCode, ReportingRow::periodCode, r, p);
        }

        @Override
        public List<ResultRepository.RankRow> ranks(String r, String p) {
            return of(ranks, ResultRepository.RankRow::regionCode, ResultRepository.RankRow::periodCode, r, p);
        }

        @Override
        public List<ServiceRow> ownResultsOfService(String serviceCode) {
            return services.stream().filter(s -> s.serviceCode().equals(serviceCode) && OWN.equals(s.scope())).toList();
        }

        @Override
        public List<QualityFlags.Flag> flags() {
            return flags;
        }
    }
}
