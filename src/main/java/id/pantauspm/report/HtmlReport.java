package id.pantauspm.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.HashSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import id.pantauspm.progress.Counter;
import id.pantauspm.progress.Progress;
import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.Field;
import id.pantauspm.period.Period;
import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.store.ResultRepository;
import id.pantauspm.store.SubmissionRepository;
import id.pantauspm.store.ValueRepository;
import id.pantauspm.store.ResultRepository.FieldRow;
import id.pantauspm.store.ResultRepository.RegionRow;
import id.pantauspm.store.ResultRepository.ServiceRow;

/**
 * The static HTML report: a summary across regions per period and a page per region, with SVG
 * charts, all in one folder that opens offline. Written beside the target and swapped in whole.
 */
public final class HtmlReport {

    private final PageRenderer pages;
    private final ResultRepository results;
    private final Catalogue catalogue;
    private final RegionDirectory regions;
    private final ReportFormat fmt;
    private static final int RANKING_BARS = 30;
    /** Beyond this many regions a heat table image is too tall to read; the colour table on the page stays. */
    private static final int HEAT_TABLE_REGIONS = 60;

    private final ChartRenderer charts = new ChartRenderer();
    private final id.pantauspm.evaluate.ReportingCalendar calendar;
    /** The PDFs' reader of the offices' problems and solutions (null: none shown). */
    private final PdfReport pdf;
    /** pantau.chase.regions: who must report (see {@link #expecting}). */
    private List<String> chaseScope = List.of();

    public HtmlReport(ITemplateEngine templates, ResultRepository results, Catalogue catalogue, RegionDirectory regions,
                      ReportFormat fmt) {
        this(templates, results, catalogue, regions, fmt, new id.pantauspm.evaluate.ReportingCalendar(20, java.time.ZoneId.systemDefault()),
                null);
    }

    /** @param calendar when each period's report is due, for the index page's status line */
    public HtmlReport(ITemplateEngine templates, ResultRepository results, Catalogue catalogue, RegionDirectory regions,
                      ReportFormat fmt, id.pantauspm.evaluate.ReportingCalendar calendar, PdfReport pdf) {
        this.calendar = calendar;
        this.pdf = pdf;
        this.pages = new PageRenderer(templates, fmt);
        this.results = results;
        this.catalogue = catalogue;
        this.regions = regions;
        this.fmt = fmt;
    }

    /** A region's line in a period's ranking. */
    public record RegionLine(int rank, String code, String name, String province, BigDecimal index, String category,
                             int servicesComputed, int servicesDue, Map<String, FieldRow> fields) {
    }

    /** One period on the summary page: kabupaten/kota ranked among themselves, provinces apart (their own 14 services). */
    public record PeriodView(String code, String label, String ruleVersion, List<RegionLine> ranking,
                             Map<String, Long> categoryCounts, List<String> serviceCharts, String heatTable,
                             List<RegionLine> provinces) {
    }

    /** "Triwulan III 2026: 4 dari 552 wilayah melapor; batas 20 Oktober 2026 telah lewat". */
    public record StatusLine(String code, String label, int reported, int total, String deadline, boolean passed) {
    }

    /** A link on the index page: a region's page, a PDF, the workbook. */
    public record Link(String label, String href, String code) {
    }

    /** A province with its page (when it has one) and its kabupaten/kota that have results. */
    public record ProvinceLinks(Link province, List<Link> regencies) {
    }

    /** One period on a region page; own or rollup may be null; trends by service code, "" for the region. */
    public record RegionPeriod(String code, String label, ReportData.Part own, ReportData.Part rollup, String chart,
                               Map<String, List<Trend>> trends, List<MutuGap> mutuGaps, List<Reporting> reporting,
                               Extras extras) {
    }

    /**
     * What a region page shows beside the index, as the PDF does: its PDF, its place among the province's
     * kabupaten/kota, the three weakest services, budget in rupiah, stages, problems and solutions; for a
     * province, its kabupaten/kota (who reported, their ranks per field and service).
     */
    public record Extras(String pdf, ResultRepository.RankRow rank, List<ServiceRow> weakest, List<ServiceRow> budget,
                         List<ServiceRow> stages, List<Problem> problems, ProvinceView province, boolean examplePlans) {
    }

    /** A service's problem and solution as the office wrote them (either may be null). */
    public record Problem(String serviceCode, String problem, String solution) {
    }

    /** A province's kabupaten/kota in a period. */
    public record ProvinceView(int reported, int total, List<RegencyLine> regencies, List<String> fieldCodes,
                               List<ServiceRanking> services) {
    }

    /** A kabupaten/kota on its province's page: its IP-SPM and field indices with ranks (null: sent nothing). */
    public record RegencyLine(String code, String name, RegionRow row, ResultRepository.RankRow rank,
                              Map<String, FieldRow> fields, Map<String, ResultRepository.RankRow> fieldRanks) {
    }

    /** One service's kabupaten/kota, best first, as "1. Kabupaten Sleman 95,20". */
    public record ServiceRanking(String serviceCode, List<String> places) {
    }

    /** Writes the HTML pages and their charts into an empty {@code staging} folder; returns the summary page. */
    public Path write(ReportData rows, Path staging) throws IOException {
        Path summary = writeSummary(rows, staging);
        writeRegionPages(rows, chartedPeriods(rows), staging, Progress.counter(PAGES, rows.regionCodes().size()));
        return summary;
    }

    /**
     * The summary page (index.html) with its charts and the style sheet, into {@code staging}; the region pages are
     * {@link #writeRegionPages}'s (the nightly job writes them per province, in a partitioned step).
     *
     * @return the summary page
     */
    public Path writeSummary(ReportData rows, Path staging) throws IOException {
        Files.createDirectories(staging.resolve("charts"));
        Files.createDirectories(staging.resolve("wilayah"));
        copyResource("/static/report/style.css", staging.resolve("style.css"));
        List<String> periods = rows.periods();
        List<String> fieldCodes = catalogue.fields().stream().map(Field::code).toList();

        Set<String> charted = chartedPeriods(rows);
        List<PeriodView> views = new ArrayList<>();
        // The annual figure (the LPPD's) first, then the semester, the quarter, the month; newest first in each.
        List<String> byKind = periods.stream().sorted(Comparator.comparing((String p) -> Period.parse(p).orElseThrow().kind())
                .thenComparing(p -> Period.parse(p).orElseThrow(), Comparator.reverseOrder())).toList();
        for (String period : byKind) {
            views.add(periodView(period, rows, staging, charted.contains(period)));
        }
        Context summary = context();
        summary.setVariable("periods", views);
        summary.setVariable("status", statusLines(rows, charted));
        summary.setVariable("finder", finder(rows));
        summary.setVariable("downloads", downloads(rows));
        summary.setVariable("fieldCodes", fieldCodes);
        summary.setVariable("services", catalogue.services());
        summary.setVariable("bands", catalogue.ruleSets().get(catalogue.ruleSets().size() - 1).bands());
        render("report/summary", summary, staging.resolve("index.html"));
        return staging.resolve("index.html");
    }

    /** The unit the region pages are counted in, on the step's progress. */
    public static final String PAGES = "pages";

    /**
     * A page per region of {@code rows} (wilayah/&lt;code&gt;.html, with its charts), into {@code staging}, which
     * exists and may hold other regions' pages; each page is counted on {@code pages} (the step's progress, {@link #PAGES}).
     * {@code rows} may be one province and its kabupaten/kota ({@link ReportData#loadProvince}): a page reads only its
     * own region's results (a province's, its kabupaten/kota's too), so it comes out the same either way.
     *
     * @param charted the periods whose charts are drawn: {@link #chartedPeriods} of all the results, not of a province's
     */
    public void writeRegionPages(ReportData rows, Set<String> charted, Path staging, Counter pages) throws IOException {
        Files.createDirectories(staging.resolve("charts"));
        Files.createDirectories(staging.resolve("wilayah"));
        Set<String> pdfTargets = PdfReport.targets(rows).stream().map(t -> t.region() + "|" + t.period())
                .collect(Collectors.toSet());
        for (String regionCode : rows.regionCodes()) {
            writeRegionPage(regionCode, rows.allPeriods(), charted, pdfTargets, rows, staging);
            pages.increment();
        }
    }

    /** The periods whose charts are drawn: the newest year, semester, quarter and month with results. */
    public static Set<String> chartedPeriods(ReportData rows) {
        return newestOfEachKind(rows.periods());
    }

    /**
     * Charts are drawn for the newest year, quarter, semester and month only: the tables cover every
     * period, and drawing thousands of charts for months long past would slow the nightly run.
     */
    static Set<String> newestOfEachKind(List<String> periodsNewestFirst) {
        Map<Period.Kind, String> newest = new LinkedHashMap<>();
        for (String code : periodsNewestFirst) {
            newest.putIfAbsent(Period.parse(code).orElseThrow().kind(), code);
        }
        return new HashSet<>(newest.values());
    }

    private PeriodView periodView(String period, ReportData rows, Path out, boolean withCharts) throws IOException {
        List<RegionRow> ofPeriod = rows.focusOn(period).ranking(period);
        List<RegionLine> ranking = new ArrayList<>();
        List<RegionLine> provinceLines = new ArrayList<>();
        for (RegionRow r : ofPeriod) {
            Map<String, FieldRow> fields = new LinkedHashMap<>();
            rows.fields(r.regionCode(), period).forEach(f -> fields.put(f.fieldCode(), f));
            Region region = regions.find(r.regionCode()).orElseThrow();
            // The rank the evaluation stored: kabupaten/kota among themselves, equal indices sharing a rank.
            ResultRepository.RankRow rank = rows.rank(r.regionCode(), period, id.pantauspm.evaluate.Trends.REGION, "NATIONAL");
            RegionLine line = new RegionLine(rank == null ? 0 : rank.rank(), r.regionCode(), region.name(),
                    fmt.region(region.provinceCode()), r.index(), r.category(), r.servicesComputed(), r.servicesDue(), fields);
            (region.isProvince() ? provinceLines : ranking).add(line);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        catalogue.ruleSets().get(catalogue.ruleSets().size() - 1).bands()
                .forEach(b -> counts.put(b.code(), ofPeriod.stream().filter(r -> b.code().equals(r.category())).count()));

        // Regions ranked for each service that has at least one computed result in the period.
        List<String> serviceCharts = new ArrayList<>();
        Map<String, List<ServiceRow>> byService = rows.services(period).stream()
                .collect(Collectors.groupingBy(ServiceRow::serviceCode, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<ServiceRow>> e : withCharts ? byService.entrySet() : Set.<Map.Entry<String, List<ServiceRow>>>of()) {
            List<ServiceRow> ranked = e.getValue().stream().filter(s -> s.recipient() != null)
                    .sorted(Comparator.comparing(ServiceRow::recipient).reversed().thenComparing(ServiceRow::regionCode)).toList();
            if (ranked.isEmpty()) {
                continue;
            }
            if (ranked.size() > RANKING_BARS) {
                // A chart of 500 bars reads as nothing: show the best and the worst, the table has the rest.
                List<ServiceRow> ends = new ArrayList<>(ranked.subList(0, RANKING_BARS / 2));
                ends.addAll(ranked.subList(ranked.size() - RANKING_BARS / 2, ranked.size()));
                ranked = ends;
            }
            String file = "charts/ranking-" + e.getKey() + "-" + period + ".svg";
            List<ChartRenderer.Bar> bars = ranked.stream()
                    .map(s -> new ChartRenderer.Bar(fmt.region(s.regionCode()), s.recipient(), s.category())).toList();
            charts.barChart(out.resolve(file), fmt.msg("chart.ranking_title", e.getKey(), fmt.service(e.getKey()), fmt.period(period)),
                    fmt.msg("chart.recipient_axis"), fmt.msg("chart.target"), bars, true, 720, 130 + 28 * bars.size(),
                    fmt.chartLegend(period, List.of()));
            serviceCharts.add(file);
        }
        String ruleVersion = ofPeriod.stream().map(RegionRow::ruleVersion).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining(", "));
        String heat = null;
        if (withCharts && !ranking.isEmpty() && ranking.size() <= HEAT_TABLE_REGIONS) {
            heat = "charts/heat-" + period + ".svg";
            List<Field> fieldList = catalogue.fields();
            String[][] cells = new String[ranking.size()][fieldList.size()];
            for (int r = 0; r < ranking.size(); r++) {
                for (int f = 0; f < fieldList.size(); f++) {
                    FieldRow fr = ranking.get(r).fields().get(fieldList.get(f).code());
                    // a field with no service reported is a blank cell, as on the table, not a Belum Tuntas one
                    cells[r][f] = fr == null || fr.servicesComputed() == 0 ? null : fr.category();
                }
            }
            List<String> bandOrder = catalogue.ruleSets().get(catalogue.ruleSets().size() - 1).bands().stream()
                    .map(b -> b.code()).toList();
            charts.heatTable(out.resolve(heat), fmt.msg("report.heat_table") + " · " + fmt.period(period),
                    ranking.stream().map(RegionLine::name).toList(), fieldList.stream().map(f -> f.code()).toList(), cells,
                    bandOrder, 720);
        }
        return new PeriodView(period, fmt.period(period), ruleVersion, ranking, counts, serviceCharts, heat, provinceLines);
    }

    /**
     * Per period of the newest of each kind: how many of the regions that must report did, and whether the deadline has
     * passed. The regions that must report are the chase list's (evaluate.ChaseList.expectedRegions: pantau.chase.regions,
     * else every province anything arrived from with all its kabupaten/kota), so the index and the chase list count alike.
     */
    private List<StatusLine> statusLines(ReportData rows, Set<String> newest) {
        Set<String> expected = id.pantauspm.evaluate.ChaseList.expectedRegions(regions, chaseScope, rows.regionCodes()).stream()
                .map(Region::code).collect(Collectors.toSet());
        List<StatusLine> lines = new ArrayList<>();
        rows.periods().stream().filter(newest::contains).forEach(p -> {
            Period period = Period.parse(p).orElseThrow();
            LocalDate deadline = calendar.deadline(period);
            int reported = (int) rows.ranking(p).stream().filter(r -> expected.contains(r.regionCode())).count();
            lines.add(new StatusLine(p, fmt.period(p), reported, expected.size(), fmt.date(deadline),
                    LocalDate.now().isAfter(deadline)));
        });
        return lines;
    }

    /** The regions that must report, as pantau.chase.regions sets them (empty: every province anything arrived from). */
    public HtmlReport expecting(List<String> chaseRegions) {
        this.chaseScope = chaseRegions == null ? List.of() : List.copyOf(chaseRegions);
        return this;
    }

    /** Every region with a page, under its province, to jump to one's own. */
    private List<ProvinceLinks> finder(ReportData rows) {
        Map<String, List<Link>> byProvince = new java.util.TreeMap<>();
        for (String code : rows.regionCodes()) {
            Region r = regions.find(code).orElseThrow();
            List<Link> list = byProvince.computeIfAbsent(r.provinceCode(), k -> new ArrayList<>());
            if (!r.isProvince()) {
                list.add(new Link(r.name(), "wilayah/" + code + ".html", code));
            }
        }
        List<ProvinceLinks> out = new ArrayList<>();
        byProvince.forEach((province, list) -> out.add(new ProvinceLinks(new Link(fmt.region(province),
                rows.regionCodes().contains(province) ? "wilayah/" + province + ".html" : null, province), list)));
        return out;
    }

    /** The PDFs (one per region and newest period of each kind) and the workbook, as the report folder holds them. */
    private List<Link> downloads(ReportData rows) {
        List<Link> links = new ArrayList<>();
        for (PdfReport.Target t : PdfReport.targets(rows)) {
            Region r = regions.find(t.region()).orElseThrow();
            String file = PdfReport.fileName(fmt, r, t.period());
            links.add(new Link(r.name() + " · " + fmt.period(t.period()), "pdf/" + pathSegment(file), t.region()));
        }
        return links;
    }

    /** A file name as a relative URL (spaces and the like escaped). */
    static String pathSegment(String name) {
        return java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void writeRegionPage(String regionCode, List<String> periods, Set<String> charted, Set<String> pdfTargets,
                                 ReportData rows, Path out) throws IOException {
        List<RegionPeriod> sections = new ArrayList<>();
        for (String period : periods) {
            ReportData.Part own = ppOrder(rows.part(regionCode, period, ReportData.OWN));
            ReportData.Part rollup = ppOrder(rows.part(regionCode, period, ReportData.ROLLUP));
            if (own == null && rollup == null) {
                continue;
            }
            String chart = null;
            if (own != null && charted.contains(period)) {
                chart = "charts/region-" + regionCode + "-" + period + ".svg";
                List<ServiceRow> withData = own.servicesByField().values().stream().flatMap(List::stream)
                        .filter(s -> s.targetPopulation() != null || s.served() != null).toList(); // services with any data
                List<ChartRenderer.Bar> bars = withData.stream()
                        .map(s -> new ChartRenderer.Bar(fmt.serviceShort(s.serviceCode()), s.recipient(), s.category()))
                        .toList();
                charts.barChart(out.resolve(chart), fmt.region(regionCode) + " · " + fmt.period(period),
                        fmt.msg("chart.recipient_axis"), fmt.msg("chart.target"), bars, true, 900, 150 + 24 * Math.max(1, bars.size()),
                        fmt.chartLegend(period, withData.stream().map(ServiceRow::planTarget).toList()));
                chart = "../" + chart;
            }
            sections.add(new RegionPeriod(period, fmt.period(period), own, rollup, chart, trends(rows, regionCode, period, own),
                    mutuGaps(rows, regionCode, period), reporting(rows, regionCode, period),
                    extras(rows, regionCode, period, own, pdfTargets)));
        }
        Context page = context();
        page.setVariable("trendChart", trendChart(regionCode, periods, rows, out));
        page.setVariable("versionsNote", versionsNote(regionCode, periods, rows));
        page.setVariable("region", regions.find(regionCode).orElseThrow());
        page.setVariable("provinceName", fmt.region(regions.find(regionCode).orElseThrow().provinceCode()));
        page.setVariable("sections", sections);
        page.setVariable("ikmPage", rows.ikm().hasRegion(regionCode) ? "../ikm/" + regionCode + ".html" : null);
        render("report/region", page, out.resolve("wilayah").resolve(regionCode + ".html"));
    }

    /** The part with its fields and services in the catalogue's order (PP 2/2018), as every output lists them. */
    private ReportData.Part ppOrder(ReportData.Part part) {
        return part == null ? null : part.inOrder(catalogue.fields().stream().map(Field::code).toList());
    }

    private Extras extras(ReportData rows, String regionCode, String period, ReportData.Part own, Set<String> pdfTargets) {
        Region region = regions.find(regionCode).orElseThrow();
        String pdfFile = pdfTargets.contains(regionCode + "|" + period)
                ? "../pdf/" + pathSegment(PdfReport.fileName(fmt, region, period)) : null;
        List<ServiceRow> ordered = new ArrayList<>();
        if (own != null) {
            for (Field f : catalogue.fields()) {
                ordered.addAll(own.servicesByField().getOrDefault(f.code(), List.of()));
            }
        }
        List<ServiceRow> weakest = own == null ? List.of() : own.region().weakest().stream()
                .map(c -> ordered.stream().filter(s -> s.serviceCode().equals(c)).findFirst().orElse(null))
                .filter(Objects::nonNull).toList();
        List<ServiceRow> budget = ordered.stream().filter(s -> s.budgetPlanned() != null || s.budgetSpent() != null).toList();
        List<ServiceRow> stages = ordered.stream().filter(ServiceRow::hasStages).toList();
        List<Problem> problems = new ArrayList<>();
        if (own != null && pdf != null) {
            Map<String, String[]> found = pdf.problemsAndSolutions(rows, regionCode, period);
            for (ServiceRow s : ordered) {
                String[] pair = found.get(s.serviceCode());
                if (pair != null) {
                    problems.add(new Problem(s.serviceCode(), pair[0], pair[1]));
                }
            }
        }
        ProvinceView province = null;
        if (region.isProvince()) {
            List<String> fieldCodes = catalogue.fields().stream().map(Field::code).toList();
            List<RegencyLine> lines = new ArrayList<>();
            for (Region r : regions.regenciesOf(regionCode)) {
                RegionRow row = rows.region(r.code(), period, ReportData.OWN);
                Map<String, FieldRow> fields = new LinkedHashMap<>();
                Map<String, ResultRepository.RankRow> fieldRanks = new LinkedHashMap<>();
                if (row != null) {
                    rows.fields(r.code(), period).forEach(f -> fields.put(f.fieldCode(), f));
                    fieldCodes.forEach(f -> {
                        ResultRepository.RankRow rr = rows.rank(r.code(), period, f, "PROVINCE");
                        if (rr != null) {
                            fieldRanks.put(f, rr);
                        }
                    });
                }
                lines.add(new RegencyLine(r.code(), r.name(), row,
                        rows.rank(r.code(), period, id.pantauspm.evaluate.Trends.REGION, "PROVINCE"), fields, fieldRanks));
            }
            lines.sort(Comparator.comparing((RegencyLine l) -> l.row() == null)
                    .thenComparing(l -> l.rank() == null ? Integer.MAX_VALUE : l.rank().rank()).thenComparing(RegencyLine::code));
            List<ServiceRanking> services = new ArrayList<>();
            for (Field f : catalogue.fields()) {
                for (id.pantauspm.catalogue.ServiceType st : f.services()) {
                    if (st.level() != id.pantauspm.catalogue.Level.KABKOTA) {
                        continue;
                    }
                    List<String> places = new ArrayList<>();
                    lines.stream().filter(l -> l.row() != null)
                            .map(l -> new Object[] {l, rows.rank(l.code(), period, st.code(), "PROVINCE")})
                            .filter(o -> o[1] != null)
                            .sorted(Comparator.comparingInt(o -> ((ResultRepository.RankRow) o[1]).rank()))
                            .forEach(o -> {
                                RegencyLine l = (RegencyLine) o[0];
                                BigDecimal index = rows.part(l.code(), period, ReportData.OWN).services().stream()
                                        .filter(s -> s.serviceCode().equals(st.code())).findFirst().map(ServiceRow::index).orElse(null);
                                places.add(((ResultRepository.RankRow) o[1]).rank() + ". " + l.name() + " " + fmt.pct(index));
                            });
                    if (!places.isEmpty()) {
                        services.add(new ServiceRanking(st.code(), places));
                    }
                }
            }
            int reported = (int) lines.stream().filter(l -> l.row() != null).count();
            province = new ProvinceView(reported, lines.size(), lines, fieldCodes, services);
        }
        ResultRepository.RankRow rank = region.isProvince() ? null
                : rows.rank(regionCode, period, id.pantauspm.evaluate.Trends.REGION, "PROVINCE");
        boolean examplePlans = pdf != null && ordered.stream().anyMatch(s -> s.planTarget() != null)
                && pdf.examplePlans(regionCode, Period.parse(period).orElseThrow().year());
        return new Extras(pdfFile, rank, weakest, budget, stages, problems, province, examplePlans);
    }

    /**
     * The region index and each field's index across the periods of the newest kind (years, or
     * quarters of the newest year: cumulative quarters only compare within a year); null with fewer than two.
     */
    private String trendChart(String region, List<String> periods, ReportData rows, Path out) throws IOException {
        List<Period> own = periods.stream().filter(p -> rows.region(region, p, ReportData.OWN) != null)
                .map(p -> Period.parse(p).orElseThrow()).sorted().toList();
        if (own.isEmpty()) {
            return null;
        }
        Period newest = own.get(own.size() - 1);
        List<Period> series = own.stream().filter(p -> p.kind() == newest.kind()
                && (p.kind() == Period.Kind.YEAR || p.year() == newest.year())).toList();
        if (series.size() < 2) {
            return null;
        }
        List<String> labels = series.stream().map(Period::code).toList();
        List<ChartRenderer.Series> lines = new ArrayList<>();
        lines.add(new ChartRenderer.Series(fmt.msg("report.region_index"),
                series.stream().map(p -> rows.region(region, p.code(), ReportData.OWN).index()).toList()));
        for (Field f : catalogue.fields()) {
            List<BigDecimal> values = series.stream().map(p -> rows.fields(region, p.code()).stream()
                    .filter(r -> r.fieldCode().equals(f.code())).findFirst().map(ResultRepository.FieldRow::index).orElse(null)).toList();
            if (values.stream().anyMatch(java.util.Objects::nonNull)) {
                lines.add(new ChartRenderer.Series(fmt.field(f.code()), values));
            }
        }
        String file = "charts/trend-" + region + ".svg";
        charts.lineChart(out.resolve(file), fmt.region(region) + " · " + fmt.msg("report.trend"), fmt.msg("report.region_index"),
                fmt.msg("chart.target"), labels, lines, 900, 340);
        return "../" + file;
    }

    /**
     * When the region's periods were judged under more than one rule version (a trend across 2023 and 2024:
     * Permenkes 4/2019 items, then 6/2024), a note naming each version with its periods; null otherwise.
     */
    private String versionsNote(String region, List<String> periods, ReportData rows) {
        Map<String, List<String>> byVersion = new LinkedHashMap<>();
        periods.stream().map(p -> Period.parse(p).orElseThrow()).sorted().forEach(p -> {
            ResultRepository.RegionRow row = rows.region(region, p.code(), ReportData.OWN);
            if (row != null && row.ruleVersion() != null) {
                byVersion.computeIfAbsent(row.ruleVersion(), v -> new ArrayList<>()).add(fmt.period(p.code()));
            }
        });
        if (byVersion.size() < 2) {
            return null;
        }
        String each = byVersion.entrySet().stream().map(e -> fmt.msg("report.versions.each", e.getKey(), String.join(", ", e.getValue())))
                .collect(java.util.stream.Collectors.joining("; "));
        return fmt.msg("report.versions.note", each);
    }

    /** A mutu item reported for a service: needed, available and what is still missing. */
    public record MutuGap(String serviceCode, String item, String unit, BigDecimal needed, BigDecimal available, BigDecimal gap) {
    }

    /** When a field's data for the period arrived, in how many files, and whether before the deadline. */
    public record Reporting(String fieldCode, String first, String last, int files, boolean onTime, String deadline) {
    }

    /** The evaluation's gaps of the region's mutu items, with the items' names. */
    private List<MutuGap> mutuGaps(ReportData rows, String region, String period) {
        List<MutuGap> gaps = new ArrayList<>();
        for (ResultRepository.MutuRow m : rows.mutu(region, period, ReportData.OWN)) {
            catalogue.service(m.serviceCode()).flatMap(s -> s.mutu().stream().filter(i -> i.code().equals(m.itemCode())).findFirst())
                    .ifPresent(item -> gaps.add(new MutuGap(m.serviceCode(), item.name().in(fmt.locale()), item.unit(), m.needed(),
                            m.available(), m.gap())));
        }
        return gaps;
    }

    private List<Reporting> reporting(ReportData rows, String region, String period) {
        return rows.reporting(region, period).stream().map(a -> new Reporting(a.fieldCode(),
                fmt.date(a.first().atZone(java.time.ZoneId.systemDefault()).toLocalDate()),
                fmt.date(a.last().atZone(java.time.ZoneId.systemDefault()).toLocalDate()), a.files(), a.onTime(),
                fmt.date(a.deadline()))).toList();
    }

    /** A change of an index against an earlier comparable period: arrow, signed difference, which period. */
    public record Trend(String arrow, String difference, String against, boolean up) {
    }

    /**
     * Against the previous period of the same kind in the same year (a cumulative TW3 against TW2) and
     * the same period a year before: the only comparable figures (spm-domain.md, Periods).
     */
    private Map<String, List<Trend>> trends(ReportData rows, String region, String period, ReportData.Part own) {
        Map<String, List<Trend>> trends = new LinkedHashMap<>();
        if (own == null) {
            return trends;
        }
        rows.trends(region, period, ReportData.OWN).forEach((subject, list) -> trends.put(
                id.pantauspm.evaluate.Trends.REGION.equals(subject) ? "" : subject,
                list.stream().map(t -> trend(t.change(), t.comparedPeriod())).toList()));
        return trends;
    }

    private Trend trend(BigDecimal change, String against) {
        String arrow = change.signum() > 0 ? "\u25B2" : change.signum() < 0 ? "\u25BC" : "=";
        return new Trend(arrow, (change.signum() > 0 ? "+" : "") + fmt.pct(change), fmt.period(against), change.signum() >= 0);
    }

    private Context context() {
        return pages.context();
    }

    private void render(String template, Context context, Path file) throws IOException {
        pages.render(template, context, file);
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = HtmlReport.class.getResourceAsStream(resource)) {
            Files.copy(Objects.requireNonNull(in, resource), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
