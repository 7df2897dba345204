package id.pantauspm.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.Level;
import id.pantauspm.catalogue.ServiceType;
import id.pantauspm.period.Period;
import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.store.ResultRepository.ServiceRow;
import id.pantauspm.store.ResultRepository;
import id.pantauspm.store.SubmissionRepository;
import id.pantauspm.store.SubmissionRepository.Arrival;
import id.pantauspm.store.SubmissionRepository.Finished;
import id.pantauspm.store.ValueRepository;

/**
 * The pages beside the summary and the region pages: one per service (regions ranked, provincial
 * and national roll-ups), completeness and timeliness of reporting, and data quality.
 */
public final class SitePages implements ReportSite.Part {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PageRenderer pages;
    private final Catalogue catalogue;
    private final RegionDirectory regions;
    private final SubmissionRepository submissions;
    private final ValueRepository values;
    private final ReportFormat fmt;
    private final id.pantauspm.evaluate.ReportingCalendar calendar;
    private final BigDecimal jumpFactor;
    private final ChartRenderer charts = new ChartRenderer();

    public SitePages(ITemplateEngine templates, Catalogue catalogue, RegionDirectory regions, SubmissionRepository submissions,
                     ValueRepository values, ReportFormat fmt, id.pantauspm.evaluate.ReportingCalendar calendar, BigDecimal jumpFactor) {
        this.pages = new PageRenderer(templates, fmt);
        this.catalogue = catalogue;
        this.regions = regions;
        this.submissions = submissions;
        this.values = values;
        this.fmt = fmt;
        this.calendar = calendar;
        this.jumpFactor = jumpFactor;
    }

    @Override
    public void write(ReportData data, Path folder) throws IOException {
        writeServicePages(data, folder);
        writeCompleteness(data, folder);
        writeDataQuality(data, folder);
    }

    // ---------------------------------------------------------------- services

    /** A region's line on a service page. */
    public record ServiceLine(int rank, String regionCode, String regionName, ServiceRow row) {
    }

    /**
     * A roll-up line: a province's sums, or the country's, with how many of its kabupaten/kota the sums
     * include; the category is the evaluation's, absent below the rule version's minimum coverage.
     */
    public record RollupLine(String name, BigDecimal targetPopulation, BigDecimal served, BigDecimal recipient, String category,
                             Integer regencies, Integer regenciesTotal) {
    }

    /** @param chart the ranking chart, drawn for the newest period of each kind only (null for the others) */
    public record ServicePeriod(String code, String label, List<ServiceLine> ranking, List<RollupLine> rollups, String chart) {
    }

    private void writeServicePages(ReportData data, Path folder) throws IOException {
        Files.createDirectories(folder.resolve("layanan"));
        // as on the index: a chart for the newest year, semester, quarter and month; the tables cover every period (ten
        // years of months drew a chart per service and month, most of a night's report step)
        java.util.Set<String> charted = HtmlReport.chartedPeriods(data);
        for (ServiceType service : catalogue.services()) {
            List<ServicePeriod> sections = new ArrayList<>();
            Map<String, List<ServiceRow>> ofService = data.ownResultsOfService(service.code());
            for (String period : data.periods()) {
                List<ServiceRow> rows = ofService.getOrDefault(period, List.of()).stream()
                        .filter(s -> s.targetPopulation() != null || s.served() != null)
                        .sorted(Comparator.comparing(ServiceRow::recipient, Comparator.nullsLast(Comparator.reverseOrder()))
                                .thenComparing(ServiceRow::regionCode))
                        .toList();
                if (rows.isEmpty()) {
                    continue;
                }
                List<ServiceLine> ranking = new ArrayList<>();
                int rank = 0;
                for (ServiceRow r : rows) {
                    ranking.add(new ServiceLine(r.recipient() == null ? 0 : ++rank, r.regionCode(), fmt.region(r.regionCode()), r));
                }
                List<RollupLine> rollups = new ArrayList<>();
                if (service.level() == Level.KABKOTA) {
                    for (Region province : regions.provinces()) {
                        rollupLine(data.part(province.code(), period, ReportData.ROLLUP), service.code(), province.name())
                                .ifPresent(rollups::add);
                    }
                    rollupLine(data.part(ReportData.NATIONAL_CODE, period, ReportData.NATIONAL), service.code(),
                            fmt.msg("report.national")).ifPresent(rollups::add);
                }
                String chart = null;
                if (charted.contains(period)) {
                    chart = "charts/layanan-" + service.code() + "-" + period + ".svg";
                    List<ChartRenderer.Bar> bars = ranking.stream().filter(l -> l.row().recipient() != null).limit(30)
                            .map(l -> new ChartRenderer.Bar(l.regionName(), l.row().recipient(), l.row().category())).toList();
                    charts.barChart(folder.resolve(chart), fmt.msg("chart.ranking_title", service.code(),
                                    fmt.service(service.code()), fmt.period(period)), fmt.msg("chart.recipient_axis"),
                            fmt.msg("chart.target"), bars, true, 720, 130 + 28 * Math.max(1, bars.size()),
                            fmt.chartLegend(period, List.of()));
                    chart = "../" + chart;
                }
                sections.add(new ServicePeriod(period, fmt.period(period), ranking, rollups, chart));
            }
            Context page = context();
            page.setVariable("service", service);
            page.setVariable("sections", sections);
            render("report/service", page, folder.resolve("layanan").resolve(service.code() + ".html"));
        }
    }

    /** A service's line of a stored roll-up, when some kabupaten/kota entered its sums. */
    private static java.util.Optional<RollupLine> rollupLine(ReportData.Part part, String service, String name) {
        if (part == null) {
            return java.util.Optional.empty();
        }
        return part.services().stream()
                .filter(s -> s.serviceCode().equals(service) && s.regionsIncluded() != null && s.regionsIncluded() > 0)
                .findFirst().map(s -> new RollupLine(name, s.targetPopulation(), s.served(), s.recipient(), s.category(),
                        s.regionsIncluded(), s.regionsTotal()));
    }

    // ---------------------------------------------------------------- completeness

    /** One region's reporting for a period: per field, when its data arrived and whether on time. */
    public record RegionReporting(String code, String name, Map<String, String> statusByField, boolean anything) {
    }

    public record ProvinceReporting(String code, String name, int expected, int reported, int late,
                                    List<RegionReporting> regions, List<String> missing) {
    }

    public record PeriodReporting(String code, String label, String deadline, List<ProvinceReporting> provinces,
                                  int provincesSilent) {
    }

    private void writeCompleteness(ReportData data, Path folder) throws IOException {
        Map<String, List<ResultRepository.ReportingRow>> arrivalsByPeriod = data.reporting().stream()
                .collect(Collectors.groupingBy(ResultRepository.ReportingRow::periodCode));
        List<PeriodReporting> periods = new ArrayList<>();
        for (String periodCode : data.periods()) {
            Period period = Period.parse(periodCode).orElseThrow();
            LocalDate deadline = calendar.deadline(period);
            Map<String, Map<String, ResultRepository.ReportingRow>> byRegion = new TreeMap<>();
            arrivalsByPeriod.getOrDefault(periodCode, List.of())
                    .forEach(a -> byRegion.computeIfAbsent(a.regionCode(), k -> new TreeMap<>()).put(a.fieldCode(), a));
            List<ProvinceReporting> provinces = new ArrayList<>();
            int silent = 0;
            for (Region province : regions.provinces()) {
                List<Region> members = new ArrayList<>();
                members.add(province);
                members.addAll(regions.regenciesOf(province.code()));
                if (members.stream().noneMatch(r -> byRegion.containsKey(r.code()))) {
                    silent++;
                    continue;
                }
                List<RegionReporting> lines = new ArrayList<>();
                List<String> missing = new ArrayList<>();
                int late = 0;
                for (Region r : members) {
                    Map<String, ResultRepository.ReportingRow> fields = byRegion.get(r.code());
                    if (fields == null) {
                        missing.add(r.name());
                        continue;
                    }
                    Map<String, String> status = new LinkedHashMap<>();
                    boolean anyLate = false;
                    for (String field : catalogue.fields().stream().map(f -> f.code()).toList()) {
                        ResultRepository.ReportingRow a = fields.get(field);
                        if (a == null) {
                            status.put(field, "MISSING");
                        } else {
                            anyLate |= !a.onTime();
                            status.put(field, a.onTime() ? "ON_TIME" : "LATE");
                        }
                    }
                    late += anyLate ? 1 : 0;
                    lines.add(new RegionReporting(r.code(), r.name(), status, true));
                }
                provinces.add(new ProvinceReporting(province.code(), province.name(), members.size(), lines.size(), late,
                        lines, missing));
            }
            periods.add(new PeriodReporting(periodCode, fmt.period(periodCode), fmt.date(deadline), provinces, silent));
        }
        Context page = context();
        page.setVariable("periods", periods);
        page.setVariable("fieldCodes", catalogue.fields().stream().map(f -> f.code()).toList());
        render("report/completeness", page, folder.resolve("kelengkapan.html"));
    }

    // ---------------------------------------------------------------- data quality

    /** A figure worth a second look, as the evaluation flagged it, with its numbers said for the reader. */
    public record Flag(String regionCode, String regionName, String periodCode, String serviceCode, String kind, String detail) {
    }

    public record SubmissionLine(Finished submission, List<String> problems, int moreProblems) {
    }

    /** Two different values for one figure in a night's files: neither is used (NightReconciler). */
    public record ConflictLine(String fileName, String problem) {
    }

    /** Problems shown per file on the data-quality page; the receipt has them all. */
    private static final int PROBLEMS_SHOWN = 10;

    private void writeDataQuality(ReportData data, Path folder) throws IOException {
        List<Flag> flags = data.flags().stream()
                .map(f -> new Flag(f.regionCode(), fmt.region(f.regionCode()), f.periodCode(), f.serviceCode(), f.kind(), detail(f)))
                .toList();
        ReceiptWriter words = new ReceiptWriter(fmt.messages(), fmt.locale());
        List<SubmissionLine> lines = new ArrayList<>();
        for (Finished f : submissions.finished()) {
            if (f.rejected() + f.warned() > 0 || f.status() != id.pantauspm.store.Submission.Status.INGESTED) {
                ValueRepository.ProblemsShown shown = values.problemsShown(f.id(), PROBLEMS_SHOWN);
                lines.add(new SubmissionLine(f, shown.first().stream().map(words::describe).toList(),
                        Math.max(0, shown.total() - PROBLEMS_SHOWN)));
            } else {
                lines.add(new SubmissionLine(f, List.of(), 0));
            }
        }
        List<ConflictLine> conflicts = values.conflicts().stream()
                .map(c -> new ConflictLine(c.fileName(), words.describe(c.problem()))).toList();
        Context page = context();
        page.setVariable("flags", flags);
        page.setVariable("conflicts", conflicts);
        page.setVariable("submissions", lines);
        page.setVariable("jumpFactor", fmt.count(jumpFactor));
        render("report/quality", page, folder.resolve("kualitas-data.html"));
    }

    /** The flag's numbers in words: what was found against what. */
    private String detail(id.pantauspm.evaluate.QualityFlags.Flag f) {
        return switch (f.kind()) {
            case "SERVED_ABOVE_TARGET" -> fmt.count(f.amount()) + " / " + fmt.count(f.reference()) + " = " + fmt.pct(f.extra()) + "%";
            case "ABOVE_POPULATION" -> fmt.count(f.amount()) + " > " + fmt.count(f.reference());
            case "OUT_OF_LINE" -> fmt.pct(f.amount()) + "% / " + fmt.pct(f.reference()) + "%";
            case "JUMP", "YTD_DECREASES" -> fmt.count(f.reference()) + " (" + fmt.period(f.referencePeriod()) + ") \u2192 "
                    + fmt.count(f.amount());
            case "SUM_BEYOND_TARGET" -> fmt.count(f.extra()) + " > " + fmt.count(f.reference());
            case "NEEDS_EARLIER_PERIOD" -> fmt.count(f.amount()) + " (" + fmt.period(f.referencePeriod()) + " ?)";
            default -> "";
        };
    }

    private Context context() {
        return pages.context();
    }

    private void render(String template, Context context, Path file) throws IOException {
        pages.render(template, context, file);
    }
}
