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
    private final int deadlineDay;
    private final BigDecimal jumpFactor;
    private final ChartRenderer charts = new ChartRenderer();

    public SitePages(ITemplateEngine templates, Catalogue catalogue, RegionDirectory regions, SubmissionRepository submissions,
                     ValueRepository values, ReportFormat fmt, int deadlineDay, BigDecimal jumpFactor) {
        this.pages = new PageRenderer(templates, fmt);
        this.catalogue = catalogue;
        this.regions = regions;
        this.submissions = submissions;
        this.values = values;
        this.fmt = fmt;
        this.deadlineDay = deadlineDay;
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

    public record ServicePeriod(String code, String label, List<ServiceLine> ranking, List<RollupLine> rollups, String chart) {
    }

    private void writeServicePages(ReportData data, Path folder) throws IOException {
        Files.createDirectories(folder.resolve("layanan"));
        for (ServiceType service : catalogue.services()) {
            List<ServicePeriod> sections = new ArrayList<>();
            for (String period : data.periods()) {
                List<ServiceRow> rows = data.services(period).stream()
                        .filter(s -> s.serviceCode().equals(service.code()) && (s.targetPopulation() != null || s.served() != null))
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
                String chart = "charts/layanan-" + service.code() + "-" + period + ".png";
                List<ChartRenderer.Bar> bars = ranking.stream().filter(l -> l.row().recipient() != null).limit(30)
                        .map(l -> new ChartRenderer.Bar(l.regionName(), l.row().recipient(), l.row().category())).toList();
                charts.barChart(folder.resolve(chart), service.code() + " · " + fmt.period(period), fmt.msg("chart.recipient_axis"),
                        fmt.msg("chart.target"), bars, true, 640, 90 + 28 * Math.max(1, bars.size()));
                sections.add(new ServicePeriod(period, fmt.period(period), ranking, rollups, "../" + chart));
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
        Map<String, List<Arrival>> arrivalsByPeriod = submissions.arrivals().stream()
                .collect(Collectors.groupingBy(Arrival::periodCode));
        List<PeriodReporting> periods = new ArrayList<>();
        for (String periodCode : data.periods()) {
            Period period = Period.parse(periodCode).orElseThrow();
            LocalDate deadline = deadline(period);
            Map<String, Map<String, Arrival>> byRegion = new TreeMap<>();
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
                    Map<String, Arrival> fields = byRegion.get(r.code());
                    if (fields == null) {
                        missing.add(r.name());
                        continue;
                    }
                    Map<String, String> status = new LinkedHashMap<>();
                    boolean anyLate = false;
                    for (String field : catalogue.fields().stream().map(f -> f.code()).toList()) {
                        Arrival a = fields.get(field);
                        if (a == null) {
                            status.put(field, "MISSING");
                        } else {
                            boolean onTime = !a.last().atZone(ZoneId.systemDefault()).toLocalDate().isAfter(deadline);
                            anyLate |= !onTime;
                            status.put(field, onTime ? "ON_TIME" : "LATE");
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

    /**
     * When a period's report is due: a quarter (or semester, month) on the configured day of the month
     * after it (Permendagri 59/2021 practice: the 20th); a year with the LPPD, three months after it.
     */
    LocalDate deadline(Period period) {
        return deadline(period, deadlineDay);
    }

    static LocalDate deadline(Period period, int deadlineDay) {
        if (period.kind() == Period.Kind.YEAR) {
            return period.lastDay().plusMonths(3);
        }
        LocalDate next = period.lastDay().plusMonths(1);
        return next.withDayOfMonth(Math.min(deadlineDay, next.lengthOfMonth()));
    }

    // ---------------------------------------------------------------- data quality

    /** A figure worth a second look, with why. */
    public record Flag(String regionCode, String regionName, String periodCode, String serviceCode, String kind, String detail) {
    }

    public record SubmissionLine(Finished submission, List<String> problems, int moreProblems) {
    }

    private void writeDataQuality(ReportData data, Path folder) throws IOException {
        List<Flag> flags = new ArrayList<>();
        Map<String, Map<String, ServiceRow>> byRegionService = new LinkedHashMap<>();
        Map<String, List<BigDecimal>> sharesOfPopulation = new LinkedHashMap<>();
        for (String period : data.periods()) {
            for (ServiceRow s : data.services(period)) {
                if (s.warnings() != null && s.warnings().contains("SERVED_ABOVE_TARGET")) {
                    flags.add(flag(s, "ABOVE_100", fmt.pct(s.recipientUncapped()) + "%"));
                }
                Region region = regions.find(s.regionCode()).orElse(null);
                if (s.targetPopulation() != null && region != null && region.population() > 0) {
                    if (s.targetPopulation().compareTo(BigDecimal.valueOf(region.population())) > 0) {
                        flags.add(flag(s, "ABOVE_POPULATION", fmt.count(s.targetPopulation()) + " > " + fmt.count(BigDecimal.valueOf(region.population()))));
                    }
                    sharesOfPopulation.computeIfAbsent(s.serviceCode() + "|" + period, k -> new ArrayList<>())
                            .add(s.targetPopulation().divide(BigDecimal.valueOf(region.population()), MC));
                }
                byRegionService.computeIfAbsent(s.regionCode() + "|" + s.serviceCode(), k -> new TreeMap<>()).put(period, s);
            }
        }
        // SASARAN far from what other regions report for the same service, relative to population.
        for (String period : data.periods()) {
            for (ServiceRow s : data.services(period)) {
                List<BigDecimal> shares = sharesOfPopulation.get(s.serviceCode() + "|" + period);
                Region region = regions.find(s.regionCode()).orElse(null);
                if (shares == null || shares.size() < 3 || s.targetPopulation() == null || region == null || region.population() == 0) {
                    continue;
                }
                BigDecimal median = shares.stream().sorted().toList().get(shares.size() / 2);
                BigDecimal share = s.targetPopulation().divide(BigDecimal.valueOf(region.population()), MC);
                if (median.signum() > 0 && outOfLine(share, median)) {
                    flags.add(flag(s, "OUT_OF_LINE", fmt.pct(share.multiply(HUNDRED)) + "% / " + fmt.pct(median.multiply(HUNDRED)) + "%"));
                }
            }
        }
        // Jumps against the previous period of the same kind.
        for (Map<String, ServiceRow> series : byRegionService.values()) {
            ServiceRow previous = null;
            Period previousPeriod = null;
            for (Map.Entry<String, ServiceRow> e : series.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(Comparator.comparing(p -> Period.parse(p).orElseThrow()))).toList()) {
                Period p = Period.parse(e.getKey()).orElseThrow();
                ServiceRow s = e.getValue();
                if (previous != null && previousPeriod.kind() == p.kind() && previous.targetPopulation() != null
                        && s.targetPopulation() != null && previous.targetPopulation().signum() > 0 && outOfLine(
                        s.targetPopulation().divide(previous.targetPopulation(), MC), BigDecimal.ONE)) {
                    flags.add(flag(s, "JUMP", fmt.count(previous.targetPopulation()) + " (" + previousPeriod.code() + ") \u2192 "
                            + fmt.count(s.targetPopulation())));
                }
                previous = s;
                previousPeriod = p;
            }
        }
        ReceiptWriter words = new ReceiptWriter(fmt.messages(), fmt.locale());
        List<SubmissionLine> lines = new ArrayList<>();
        for (Finished f : submissions.finished()) {
            List<String> problems = f.rejected() + f.warned() > 0 || f.status() != id.pantauspm.store.Submission.Status.INGESTED
                    ? values.problems(f.id()).stream().filter(p -> p.severity() != id.pantauspm.ingest.Problem.Severity.NOTE)
                    .map(words::describe).toList() : List.of();
            lines.add(new SubmissionLine(f, problems.stream().limit(10).toList(), Math.max(0, problems.size() - 10)));
        }
        Context page = context();
        page.setVariable("flags", flags);
        page.setVariable("submissions", lines);
        page.setVariable("jumpFactor", fmt.count(jumpFactor));
        render("report/quality", page, folder.resolve("kualitas-data.html"));
    }

    private boolean outOfLine(BigDecimal ratio, BigDecimal reference) {
        BigDecimal r = ratio.divide(reference, MC);
        return r.compareTo(jumpFactor) > 0 || r.compareTo(BigDecimal.ONE.divide(jumpFactor, MC)) < 0;
    }

    private Flag flag(ServiceRow s, String kind, String detail) {
        return new Flag(s.regionCode(), fmt.region(s.regionCode()), s.periodCode(), s.serviceCode(), kind, detail);
    }

    private Context context() {
        return pages.context();
    }

    private void render(String template, Context context, Path file) throws IOException {
        pages.render(template, context, file);
    }
}
