package id.pantauspm.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.Indicator;
import id.pantauspm.catalogue.ServiceType;
import id.pantauspm.evaluate.Trends;
import id.pantauspm.period.Period;
import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.store.ResultRepository;
import id.pantauspm.store.ResultRepository.FieldRow;
import id.pantauspm.store.ResultRepository.RegionRow;
import id.pantauspm.store.ResultRepository.TrendRow;

/**
 * The stored results as flat tables, one per level of detail and scope, for the workbook
 * ({@link XlsxReport}) and the CSV files ({@link CsvExport}): both write the same rows from here.
 *
 * <p>A province's roll-up over its kabupaten/kota gets tables of its own rather than a scope column
 * beside the regions' own results: its counts are sums of the regencies' counts, so a sum over a
 * table that held both would count every person twice. The roll-up tables have the same columns
 * (the services table adds how many kabupaten/kota are summed), so a tool can put them together.
 *
 * <p>Rows are made as they are read ({@link Table#rows()} is a fresh stream each time) so thousands
 * of rows are never held twice. A value that cannot be computed is null: an empty cell, never 0.
 */
public final class ResultTables {

    /** How a column's values are stored and shown. */
    public enum Type {
        /** Words in the report language. */
        TEXT,
        /** An identifier such as 33.74 or 2026-TW3: always text, never a number. */
        CODE,
        /** A whole number such as a rank or a count of fields (Integer). */
        INTEGER,
        /** A count of people or units (BigDecimal), shown with thousands separators. */
        COUNT,
        /** A percentage or an index, 0.00 (BigDecimal). */
        PERCENT,
        /** A difference of two indices in points, signed (BigDecimal). */
        CHANGE,
        /** An indicator's value in its own unit (BigDecimal): percent, count, rupiah or other. */
        NUMBER,
        /** Yes or no (Boolean): words in the workbook, true/false in CSV. */
        BOOLEAN
    }

    /**
     * A column: {@code id} is the CSV header and the key of the workbook header
     * ({@code workbook.col.<id>}); a column only for tools is left out of the workbook.
     */
    public record Column(String id, Type type, boolean inWorkbook) {

        static Column of(String id, Type type) {
            return new Column(id, type, true);
        }

        static Column csvOnly(String id, Type type) {
            return new Column(id, type, false);
        }
    }

    /** An indicator value given in percent: a {@link Type#NUMBER} cell that is shown as a percentage. */
    public record Percent(BigDecimal value) {
    }

    /**
     * One table: a sheet of the workbook and a CSV file.
     *
     * @param id        the CSV file name without extension, the same in every language
     * @param key       the sheet's message keys: {@code workbook.sheet.<key>}, {@code workbook.about.<key>}
     * @param indexColumn the column coloured by the category bands, or null
     * @param frozenColumns columns kept in view when scrolling right (the region's code and name)
     */
    public record Table(String id, String key, List<Column> columns, String indexColumn, int frozenColumns,
                        Supplier<Stream<Object[]>> rowSource, Function<String, Stream<Object[]>> ofPeriod) {

        /** A table whose rows are not listed by result period (the IKM's). */
        Table(String id, String key, List<Column> columns, String indexColumn, int frozenColumns,
              Supplier<Stream<Object[]>> rowSource) {
            this(id, key, columns, indexColumn, frozenColumns, rowSource, null);
        }

        /** A table listing the results period by period, in the order of {@code periods}. */
        Table(String id, String key, List<Column> columns, String indexColumn, int frozenColumns, List<String> periods,
              Function<String, Stream<Object[]>> ofPeriod) {
            this(id, key, columns, indexColumn, frozenColumns, () -> periods.stream().flatMap(ofPeriod), ofPeriod);
        }

        public Stream<Object[]> rows() {
            return rowSource.get();
        }

        public int column(String columnId) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).id().equals(columnId)) {
                    return i;
                }
            }
            return -1;
        }
    }

    public static final String SCOPE = "scope";
    public static final String CATEGORY = "category";
    public static final String RULE_VERSION = "rule_version";

    private final ReportData data;
    private final Catalogue catalogue;
    private final RegionDirectory regions;
    private final ReportFormat fmt;
    private final Map<String, Indicator> indicators;
    private final List<String> regionCodes;
    /** Fields (and their services) in PP 2/2018 order, as every output lists them. */
    private final List<String> fieldOrder;
    private final Map<String, String> periodLabels = new HashMap<>();
    private final List<Table> tables;

    private ResultTables(ReportData data, Catalogue catalogue, RegionDirectory regions, ReportFormat fmt) {
        this.data = data;
        this.catalogue = catalogue;
        this.regions = regions;
        this.fmt = fmt;
        this.indicators = catalogue.services().stream().flatMap(s -> s.indicators().stream())
                .collect(Collectors.toMap(Indicator::code, i -> i, (a, b) -> a));
        this.regionCodes = List.copyOf(data.regionCodes());
        this.fieldOrder = catalogue.fields().stream().map(f -> f.code()).toList();
        List<Table> all = new ArrayList<>();
        all.add(regionTable("wilayah", "regions", ReportData.OWN));
        all.add(fieldTable("bidang", "fields", ReportData.OWN));
        all.add(serviceTable("layanan", "services", ReportData.OWN));
        all.add(indicatorTable("indikator", "indicators", ReportData.OWN));
        all.add(regionTable("gabungan-provinsi", "rollup_regions", ReportData.ROLLUP));
        all.add(fieldTable("gabungan-bidang", "rollup_fields", ReportData.ROLLUP));
        all.add(serviceTable("gabungan-layanan", "rollup_services", ReportData.ROLLUP));
        all.add(indicatorTable("gabungan-indikator", "rollup_indicators", ReportData.ROLLUP));
        all.add(ikmTable());
        all.add(ikmUnsurTable());
        this.tables = List.copyOf(all);
    }

    public static ResultTables of(ReportData data, Catalogue catalogue, RegionDirectory regions, ReportFormat fmt) {
        return new ResultTables(data, catalogue, regions, fmt);
    }

    public List<Table> tables() {
        return tables;
    }

    public ReportFormat format() {
        return fmt;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** Periods with any result, newest first. */
    public List<String> periods() {
        return data.allPeriods();
    }

    /** The rule versions the stored results were computed with, in the catalogue's order. */
    public List<String> ruleVersions() {
        Set<String> used = new LinkedHashSet<>();
        for (String period : data.allPeriods()) {
            for (String scope : List.of(ReportData.OWN, ReportData.ROLLUP)) {
                regionRows(period, scope).forEach(r -> used.add(r.ruleVersion()));
            }
        }
        List<String> ordered = new ArrayList<>();
        catalogue.ruleSets().stream().map(r -> r.version()).filter(used::contains).forEach(ordered::add);
        used.stream().filter(v -> !ordered.contains(v)).forEach(ordered::add);
        return ordered;
    }

    // ---- the tables -------------------------------------------------------------------------

    private static List<Column> regionColumns() {
        return List.of(Column.csvOnly(SCOPE, Type.CODE), Column.of("region_code", Type.CODE), Column.of("region_name", Type.TEXT),
                Column.of("province_name", Type.TEXT), Column.of("region_level", Type.TEXT),
                Column.of("period_code", Type.CODE), Column.of("period_label", Type.TEXT));
    }

    private Object[] regionCells(String scope, String regionCode, String period) {
        Optional<Region> region = regions.find(regionCode);
        return new Object[] {scope, regionCode, fmt.region(regionCode),
                region.map(r -> fmt.region(r.provinceCode())).orElse(null),
                region.map(r -> fmt.msg("workbook.level." + r.level().name())).orElse(null),
                period, periodLabels.computeIfAbsent(period, fmt::period)};
    }

    private Table regionTable(String id, String key, String scope) {
        List<Column> columns = new ArrayList<>(regionColumns());
        columns.addAll(List.of(Column.of("rank", Type.INTEGER), Column.of("region_index", Type.PERCENT),
                Column.of(CATEGORY, Type.TEXT), Column.csvOnly("category_code", Type.CODE),
                Column.of("services_reported", Type.INTEGER), Column.of("services_due", Type.INTEGER),
                Column.of("provisional_index", Type.PERCENT), Column.of("regions_reporting", Type.INTEGER),
                Column.of("regions_total", Type.INTEGER), Column.of("periods_covered", Type.CODE), Column.of("periods_missing", Type.CODE),
                Column.of("derived", Type.BOOLEAN), Column.of("previous_period", Type.CODE),
                Column.of("previous_index", Type.PERCENT), Column.of("change_previous", Type.CHANGE),
                Column.of("last_year_index", Type.PERCENT), Column.of("change_last_year", Type.CHANGE),
                Column.of(RULE_VERSION, Type.CODE)));
        return new Table(id, key, List.copyOf(columns), "region_index", 2, data.allPeriods(), period -> {
            List<RegionRow> ranked = regionRows(period, scope);
            data.focusOn(period); // every region of the period, read once
            int[] rank = {0};
            return ranked.stream().map(r -> {
                String previous = previousPeriod(period).orElse(null);
                Map<String, List<TrendRow>> trends = data.trends(r.regionCode(), period, scope);
                TrendRow againstPrevious = previous == null ? null : trend(trends, Trends.REGION, previous);
                TrendRow againstLastYear = lastYear(period).map(p -> trend(trends, Trends.REGION, p)).orElse(null);
                // A kabupaten/kota's rank is the evaluation's (equal indices share it); a province is never ranked among
                // kabupaten/kota; results without stored ranks (a roll-up) are counted in order.
                ResultRepository.RankRow stored = ReportData.OWN.equals(scope)
                        ? data.rank(r.regionCode(), period, Trends.REGION, "NATIONAL") : null;
                boolean province = ReportData.OWN.equals(scope) && regions.find(r.regionCode()).map(Region::isProvince).orElse(false);
                Integer place = stored != null ? Integer.valueOf(stored.rank()) : province || r.index() == null ? null : ++rank[0];
                return concat(regionCells(scope, r.regionCode(), period), new Object[] {
                        place, r.index(), categoryName(r.category()), r.category(),
                        r.servicesComputed(), r.servicesDue(), r.provisionalIndex(), r.regionsReporting(), r.regionsTotal(),
                        r.periodsCovered(), r.periodsMissing(), r.derived(), previous,
                        earlier(againstPrevious), change(againstPrevious), earlier(againstLastYear), change(againstLastYear),
                        r.ruleVersion()});
            });
        });
    }

    private Table fieldTable(String id, String key, String scope) {
        List<Column> columns = new ArrayList<>(regionColumns());
        columns.addAll(List.of(Column.of("field_code", Type.CODE), Column.of("field_name", Type.TEXT),
                Column.of("field_index", Type.PERCENT), Column.of(CATEGORY, Type.TEXT), Column.csvOnly("category_code", Type.CODE),
                Column.of("services_reported", Type.INTEGER), Column.of("services_due", Type.INTEGER),
                Column.of("services_total", Type.INTEGER), Column.of("provisional_index", Type.PERCENT),
                Column.of("previous_index", Type.PERCENT), Column.of("change_previous", Type.CHANGE),
                Column.of("last_year_index", Type.PERCENT), Column.of("change_last_year", Type.CHANGE),
                Column.of(RULE_VERSION, Type.CODE)));
        return new Table(id, key, List.copyOf(columns), "field_index", 2, data.allPeriods(), listed -> parts(listed, scope).flatMap(part -> {
            String region = part.region().regionCode();
            String period = part.region().periodCode();
            Map<String, List<TrendRow>> trends = data.trends(region, period, scope);
            String previous = previousPeriod(period).orElse(null);
            String lastYear = lastYear(period).orElse(null);
            Object[] head = regionCells(scope, region, period);
            return part.fields().stream().map(f -> {
                TrendRow againstPrevious = previous == null ? null : trend(trends, f.fieldCode(), previous);
                TrendRow againstLastYear = lastYear == null ? null : trend(trends, f.fieldCode(), lastYear);
                return concat(head, new Object[] {
                        f.fieldCode(), fmt.field(f.fieldCode()), f.index(), categoryName(f.category()), f.category(),
                        f.servicesComputed(), f.servicesDue(), f.servicesTotal(), f.provisionalIndex(), earlier(againstPrevious), change(againstPrevious),
                        earlier(againstLastYear), change(againstLastYear), part.region().ruleVersion()});
            });
        }));
    }

    private Table serviceTable(String id, String key, String scope) {
        boolean rollup = ReportData.ROLLUP.equals(scope);
        List<Column> columns = new ArrayList<>(regionColumns());
        columns.addAll(List.of(Column.of("field_code", Type.CODE), Column.of("service_code", Type.CODE),
                Column.of("service_name", Type.TEXT), Column.of("target_population", Type.COUNT), Column.of("served", Type.COUNT),
                Column.of("still_to_serve", Type.COUNT), Column.of("recipient_pct_uncapped", Type.PERCENT),
                Column.of("recipient_pct", Type.PERCENT), Column.of("plan_target", Type.PERCENT),
                Column.of("quality_pct", Type.PERCENT), Column.of("mutu_items", Type.INTEGER),
                Column.of("service_index", Type.PERCENT), Column.of(CATEGORY, Type.TEXT), Column.csvOnly("category_code", Type.CODE),
                // issue 11: what the PDF and the pages show beside the index, the same fields everywhere
                Column.of("reported_pct", Type.PERCENT), Column.of("budget_planned", Type.COUNT),
                Column.of("budget_spent", Type.COUNT), Column.of("budget_pct", Type.PERCENT),
                Column.of("stage1_pct", Type.PERCENT), Column.of("stage2_pct", Type.PERCENT),
                Column.of("stage3_pct", Type.PERCENT), Column.of("stage4_pct", Type.PERCENT),
                Column.of("status", Type.TEXT), Column.csvOnly("status_code", Type.CODE), Column.of("warnings", Type.TEXT),
                Column.csvOnly("warning_codes", Type.CODE)));
        if (rollup) {
            columns.add(Column.of("regions_included", Type.INTEGER));
            columns.add(Column.of("regions_total", Type.INTEGER));
        }
        columns.add(Column.of(RULE_VERSION, Type.CODE));
        return new Table(id, key, List.copyOf(columns), "service_index", 2, data.allPeriods(), listed -> parts(listed, scope).flatMap(part -> {
            Object[] head = regionCells(scope, part.region().regionCode(), part.region().periodCode());
            return part.services().stream().map(s -> {
                List<Object> cells = new ArrayList<>(Arrays.asList(head));
                cells.addAll(Arrays.asList(s.fieldCode(), s.serviceCode(), fmt.service(s.serviceCode()), s.targetPopulation(),
                        s.served(), s.stillToServe(), s.recipientUncapped(), s.recipient(), s.planTarget(), s.quality(),
                        s.mutuItems(), s.index(), categoryName(s.category()), s.category(),
                        s.reportedPct(), s.budgetPlanned(), s.budgetSpent(), s.budgetPct(), s.stage1(), s.stage2(), s.stage3(),
                        s.stage4(), statusName(s.status()), s.status(),
                        warningNames(s.warnings()), blankToNull(s.warnings())));
                if (rollup) {
                    cells.add(s.regionsIncluded());
                    cells.add(s.regionsTotal());
                }
                cells.add(s.ruleVersion());
                return cells.toArray();
            });
        }));
    }

    /**
     * The community satisfaction index (IKM) of every unit surveyed, per period: its band, sample,
     * gaps, repeats left out, change against its previous survey, what the rounded weight would
     * give, and the file it came from. Beside the SPM results, never mixed with their categories.
     */
    private Table ikmTable() {
        IkmData ikm = data.ikm();
        List<Column> columns = List.of(Column.of("region_code", Type.CODE), Column.of("region_name", Type.TEXT),
                Column.of("province_name", Type.TEXT), Column.of("period_code", Type.CODE), Column.of("period_label", Type.TEXT),
                Column.of("unit_name", Type.TEXT), Column.csvOnly("unit_key", Type.CODE), Column.of("ikm_regime", Type.TEXT),
                Column.csvOnly("ikm_regime_code", Type.CODE), Column.of("respondents", Type.INTEGER), Column.of("ikm", Type.PERCENT),
                Column.of("ikm_band", Type.TEXT), Column.csvOnly("ikm_band_code", Type.CODE), Column.of("population", Type.COUNT),
                Column.of("sample_required", Type.INTEGER), Column.of("sample_adequate", Type.BOOLEAN),
                Column.of("unanswered_items", Type.INTEGER), Column.of("excluded_answers", Type.INTEGER),
                Column.of("previous_period", Type.CODE), Column.of("previous_ikm", Type.PERCENT),
                Column.of("change_previous", Type.CHANGE), Column.of("shortcut_ikm", Type.PERCENT),
                Column.of("shortcut_band", Type.CODE), Column.csvOnly("ikm_exact", Type.CODE), Column.of("source_file", Type.TEXT),
                Column.of("ikm_rules_version", Type.CODE));
        return new Table("ikm", "ikm_units", columns, null, 2, () -> ikm.periods().stream().flatMap(period ->
                ikm.regionCodes().stream().flatMap(region -> ikm.units(region, period).stream().map(u -> {
                    Optional<Region> r = regions.find(region);
                    return new Object[] {region, fmt.region(region), r.map(x -> fmt.region(x.provinceCode())).orElse(null), period,
                            periodLabels.computeIfAbsent(period, fmt::period), u.unitName(), u.unitKey(),
                            ikm.regimeName(u.regime(), fmt.locale()), u.regime(), u.respondents(), u.ikm(),
                            u.band() == null ? null : ikm.bandName(u.regime(), u.band(), fmt.locale()), u.band(),
                            u.population() == null ? null : BigDecimal.valueOf(u.population()), u.sampleRequired(), u.sampleAdequate(),
                            u.unansweredItems(), u.excludedAnswers(), u.previousPeriod(), u.previousIkm(), u.changePrevious(),
                            u.shortcutIkm(), u.shortcutBand(), u.ikmExact(), ikm.source(u.submissionId()), u.rulesVersion()};
                }))));
    }

    /** Every unsur of every unit surveyed: answers, sum, mean score (NRR), NRR x 25, band and rank from the weakest. */
    private Table ikmUnsurTable() {
        IkmData ikm = data.ikm();
        List<Column> columns = List.of(Column.of("region_code", Type.CODE), Column.of("region_name", Type.TEXT),
                Column.of("period_code", Type.CODE), Column.of("unit_name", Type.TEXT), Column.csvOnly("unit_key", Type.CODE),
                Column.of("unsur_code", Type.CODE), Column.of("unsur_name", Type.TEXT), Column.of("weakness_rank", Type.INTEGER),
                Column.of("answers", Type.INTEGER), Column.of("score_sum", Type.INTEGER), Column.of("nrr", Type.NUMBER),
                Column.of("nrr_converted", Type.PERCENT), Column.of("ikm_band", Type.TEXT), Column.csvOnly("ikm_band_code", Type.CODE));
        return new Table("ikm-unsur", "ikm_unsur", columns, null, 2, () -> ikm.periods().stream().flatMap(period ->
                ikm.regionCodes().stream().flatMap(region -> ikm.units(region, period).stream().flatMap(u -> ikm.unsur(u).stream()
                        .map(s -> new Object[] {region, fmt.region(region), period, u.unitName(), u.unitKey(), s.unsurCode(),
                                ikm.unsurName(u.regime(), s.unsur(), fmt.locale()), s.weaknessRank(), s.answers(), s.scoreSum(), s.nrr(),
                                s.converted(), s.band() == null ? null : ikm.bandName(u.regime(), s.band(), fmt.locale()), s.band()})))));
    }

    private Table indicatorTable(String id, String key, String scope) {
        List<Column> columns = new ArrayList<>(regionColumns());
        columns.addAll(List.of(Column.of("field_code", Type.CODE), Column.of("service_code", Type.CODE),
                Column.of("indicator_code", Type.CODE), Column.of("indicator_name", Type.TEXT), Column.of("unit", Type.TEXT),
                Column.of("indicator_value", Type.NUMBER), Column.of("target", Type.NUMBER),
                Column.of("indicator_plan", Type.NUMBER)));
        return new Table(id, key, List.copyOf(columns), null, 2, data.allPeriods(), listed -> parts(listed, scope).flatMap(part -> {
            Object[] head = regionCells(scope, part.region().regionCode(), part.region().periodCode());
            return part.indicators().stream().map(i -> {
                Indicator definition = indicators.get(i.indicatorCode());
                String unit = definition == null ? null : definition.unit();
                Function<BigDecimal, Object> number = v -> v != null && "persen".equalsIgnoreCase(unit) ? new Percent(v) : v;
                return concat(head, new Object[] {
                        catalogue.service(i.serviceCode()).map(ServiceType::fieldCode).orElse(null), i.serviceCode(),
                        i.indicatorCode(), definition == null ? null : definition.name().in(fmt.locale()), unit,
                        number.apply(i.value()), number.apply(i.target()), number.apply(i.planTarget())});
            });
        }));
    }

    // ---- lookups ------------------------------------------------------------------------------

    /** Regions' results of a scope in a period, best index first, those without an index last. */
    private List<RegionRow> regionRows(String period, String scope) {
        if (ReportData.OWN.equals(scope)) {
            return data.ranking(period);
        }
        return regionCodes.stream().map(code -> data.region(code, period, scope)).filter(Objects::nonNull)
                .sorted(Comparator.comparing(RegionRow::index, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(RegionRow::regionCode))
                .toList();
    }

    /** Every region's results of a scope in a period, regions by code. */
    private Stream<ReportData.Part> parts(String period, String scope) {
        data.focusOn(period); // every region of the period, read once
        return regionCodes.stream().map(code -> data.part(code, period, scope)).filter(Objects::nonNull)
                .map(p -> p.inOrder(fieldOrder));
    }

    /**
     * Hands every row of every table to {@code sink}, each table's rows in their order, going through the results
     * period by period: each period's results are read once for all the tables (and all the formats the sink writes),
     * not once per table and format. Tables not listed by result period (IKM) follow.
     */
    public void forEachRow(java.util.function.BiConsumer<Table, Object[]> sink) {
        for (String period : data.allPeriods()) {
            for (Table table : tables) {
                if (table.ofPeriod() != null) {
                    try (Stream<Object[]> rows = table.ofPeriod().apply(period)) {
                        rows.forEach(row -> sink.accept(table, row));
                    }
                }
            }
        }
        for (Table table : tables) {
            if (table.ofPeriod() == null) {
                try (Stream<Object[]> rows = table.rows()) {
                    rows.forEach(row -> sink.accept(table, row));
                }
            }
        }
    }

    /**
     * The period a figure is compared with: the one of the same kind just before it. Quarters,
     * semesters and months are cumulative from January, so they compare only within their year
     * (the first quarter has no previous period); a year compares with the year before.
     */
    static Optional<String> previousPeriod(String code) {
        Period p = Period.parse(code).orElseThrow();
        if (p.kind() == Period.Kind.YEAR) {
            return Optional.of(Period.year(p.year() - 1).code());
        }
        return p.number() == 1 ? Optional.empty() : Optional.of(new Period(p.year(), p.kind(), p.number() - 1).code());
    }

    /** The same period a year earlier (for a year: the year before). */
    static Optional<String> lastYear(String code) {
        Period p = Period.parse(code).orElseThrow();
        try {
            return Optional.of(new Period(p.year() - 1, p.kind(), p.number()).code());
        } catch (IllegalArgumentException outOfRange) {
            return Optional.empty();
        }
    }

    /** The evaluation's trend of a subject against one earlier period, or null. */
    private static TrendRow trend(Map<String, List<TrendRow>> trends, String subject, String against) {
        return trends.getOrDefault(subject, List.of()).stream().filter(t -> t.comparedPeriod().equals(against)).findFirst()
                .orElse(null);
    }

    private static BigDecimal earlier(TrendRow t) {
        return t == null ? null : t.earlier();
    }

    private static BigDecimal change(TrendRow t) {
        return t == null ? null : t.change();
    }

    private String categoryName(String code) {
        return code == null ? null : fmt.category(code);
    }

    private String statusName(String code) {
        return code == null ? null : fmt.msg("status." + code);
    }

    private String warningNames(String codes) {
        if (codes == null || codes.isBlank()) {
            return null;
        }
        return Arrays.stream(codes.split(",")).map(String::trim).filter(w -> !w.isEmpty())
                .map(w -> fmt.msg("warning." + w)).collect(Collectors.joining("; "));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
