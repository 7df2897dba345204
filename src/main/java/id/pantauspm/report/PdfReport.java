package id.pantauspm.report;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import id.pantauspm.progress.Counter;
import id.pantauspm.progress.Progress;
import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.Field;
import id.pantauspm.catalogue.Measure;
import id.pantauspm.catalogue.ServiceType;
import id.pantauspm.evaluate.Trends;
import id.pantauspm.period.Period;
import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.store.ResultRepository;
import id.pantauspm.store.ResultRepository.FieldRow;
import id.pantauspm.store.ResultRepository.IndicatorRow;
import id.pantauspm.store.ResultRepository.TrendRow;
import id.pantauspm.store.ResultRepository.RegionRow;
import id.pantauspm.store.ResultRepository.ServiceRow;
import id.pantauspm.store.ValueRepository;

/**
 * The printable report: one A4 PDF per region and period with the region's own results, for the
 * head of region or of dinas (spm-domain.md, "Who reads what"): a cover, a one-page summary read
 * first, the results per field with a chart, the offices' notes, the budget, a province's roll-up
 * and the full tables. Only the newest period of each kind per region is printed, so that a run
 * over years of history stays fast; the HTML report keeps every period.
 */
public final class PdfReport {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PdfReport.class);

    static {
        // PDFBox compresses every page and font stream at zlib's default level: a fifth of a national night's PDF
        // time went into deflate. The fastest level makes the text and vector charts' streams a little larger and
        // takes a fraction of the time; -Dorg.apache.pdfbox.filter.deflatelevel=N still chooses another.
        if (System.getProperty(org.apache.pdfbox.filter.Filter.SYSPROP_DEFLATELEVEL) == null) {
            System.setProperty(org.apache.pdfbox.filter.Filter.SYSPROP_DEFLATELEVEL, "1");
        }
    }

    private static final String FONT_FAMILY = "DejaVu Sans";
    private static final int WORST = 3;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ITemplateEngine templates;
    private final ResultRepository results;
    private final ValueRepository values;
    private final Catalogue catalogue;
    private final RegionDirectory regions;
    private final ReportFormat fmt;
    private final ChartRenderer charts = new ChartRenderer();
    private final Signer signer;
    private final id.pantauspm.catalogue.RegionPlans plans;

    private static final int MAX_THREADS = 4;
    private static byte[] regularFont;
    private static byte[] boldFont;
    private static byte[] srgb;

    public PdfReport(ITemplateEngine templates, ResultRepository results, ValueRepository values, Catalogue catalogue,
                     RegionDirectory regions, ReportFormat fmt) {
        this(templates, results, values, catalogue, regions, fmt, Signer.NONE, null);
    }

    /** @param signer who signs (settings {@code pantau.report.signer.*}); {@link Signer#NONE}: lines to fill in by hand */
    public PdfReport(ITemplateEngine templates, ResultRepository results, ValueRepository values, Catalogue catalogue,
                     RegionDirectory regions, ReportFormat fmt, Signer signer, id.pantauspm.catalogue.RegionPlans plans) {
        this.signer = signer == null ? Signer.NONE : signer;
        this.plans = plans == null ? id.pantauspm.catalogue.RegionPlans.none() : plans;
        this.templates = templates;
        this.results = results;
        this.values = values;
        this.catalogue = catalogue;
        this.regions = regions;
        this.fmt = fmt;
    }

    /** A region and period to print. */
    record Target(String region, String period) {
        String key() {
            return ReportData.key(region, period, ReportData.OWN);
        }
    }

    // ---- what the template shows -------------------------------------------------------------

    /**
     * Who signs, from the settings. With {@code region} set, the name is printed only on that region's
     * reports; every other report gets dotted lines, since a name must never sign for another government.
     */
    public record Signer(String name, String position, String nip, String place, String region) {
        public static final Signer NONE = new Signer(null, null, null, null, null);

        boolean signsFor(String regionCode) {
            return name != null && !name.isBlank() && (region == null || region.isBlank() || region.strip().equals(regionCode));
        }
    }

    /** The signature block as printed: a null name or NIP is a dotted line to fill in. */
    public record Signature(String placeAndDate, String position, String name, String nip) {
    }

    /**
     * A service in the regulation's table: target, realisation and achievement (the computed and the one
     * the office reported), budget, personnel (the SDM mutu items: available of needed), problems and solutions.
     */
    public record ServiceLine(ServiceRow row, List<String> personnel, String problem, String solution) {
    }

    /** A kabupaten/kota in its province's report: its own IP-SPM and place among the province's, or null when it sent nothing. */
    public record RegencyLine(String code, String name, RegionRow row, Integer rank, Integer rankedOf) {
    }

    /** A comparison with an earlier period of the same kind; {@code arrow} is ▲, ▼ or =. */
    public record Trend(String against, String arrow, String difference, String css) {
    }

    /** A field on the summary page, with its trends in the order of {@link Document#comparedWith()}. */
    public record FieldLine(String code, FieldRow row, boolean hasData, List<Trend> trends) {
    }

    /** A field's results page: its row, services, chart (drawn as vector graphics, or null) and the warnings below the table. */
    public record FieldSection(FieldRow row, List<ServiceRow> services, ChartObjects.Drawing chart, boolean withoutQuality,
                               List<String> remarks, List<ServiceLine> lines) {
    }

    /** An office's note (keterangan) on one reported number; {@code period} is set when it is not the report's. */
    public record NoteLine(String measureCode, String measureName, String serviceCode, String period, String note) {
    }

    /** Budget of one service (or the total, with a null service); amounts in rupiah. */
    public record BudgetLine(String serviceCode, BigDecimal planned, BigDecimal spent, BigDecimal spentPct) {
    }

    /** A province's roll-up over its kabupaten/kota. */
    public record Rollup(ReportData.Part part, List<FieldSection> fields) {
    }

    /** Everything one PDF shows. */
    public record Document(String title, Region region, String provinceName, String periodCode, String periodLabel,
                           String generatedOn, ReportData.Part own, List<String> comparedWith, List<String> notCompared,
                           List<Trend> regionTrends,
                           List<FieldLine> fieldLines, List<String> fieldsWithoutData, List<ServiceRow> worst,
                           List<ServiceRow> notComputable, List<ServiceRow> aboveTarget, List<FieldSection> fieldSections,
                           List<NoteLine> notes, List<BudgetLine> budget, BudgetLine budgetTotal, Rollup rollup,
                           List<ServiceRow> appendix, long withoutQuality, List<IkmPages.UnitLine> ikm,
                           String government, String addressee, Signature signature, List<ServiceRow> stages,
                           List<ServiceLine> problems, List<RegencyLine> regencies, List<ServiceRow> notReported,
                           boolean examplePlans) {

        /** Whether the region sent its own figures for the period (a province may have only its kabupaten/kota's). */
        public boolean hasOwn() {
            return own != null;
        }
    }

    // ---- writing -------------------------------------------------------------------------------

    /**
     * Writes the PDFs into {@code folder}, replaced whole, and returns them. The HTML report's folder
     * is rebuilt before, so a PDF of a period that is no longer the newest does not linger.
     */
    public List<Path> write(Path folder) throws IOException {
        return write(ReportData.load(results), folder);
    }

    /** The same from results already read (the HTML report's, when both are written in one run). */
    public List<Path> write(ReportData rows, Path folder) throws IOException {
        long start = System.nanoTime();
        List<Target> targets = targets(rows);

        Path staging = folder.resolveSibling(folder.getFileName() + ".new");
        HtmlReport.deleteTree(staging);
        Files.createDirectories(staging);
        // Each document is laid out on its own, so the work is spread over the processors; the
        // fonts' metrics are read once for all of them.
        FontMetrics metrics = new FontMetrics();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pdf-report");
            t.setDaemon(true);
            return t;
        });
        List<Path> written = new ArrayList<>();
        Counter pdfs = Progress.counter("pdfs", targets.size());
        try {
            List<Future<Path>> files = new ArrayList<>();
            for (Target t : targets) {
                List<NoteLine> notes = notes(rows, t); // database reads stay on the step's thread
                files.add(pool.submit(() -> {
                    Path file = writeOne(rows, t, notes, staging, metrics, PublishedFiles.none());
                    pdfs.increment();
                    return folder.resolve(file.getFileName().toString());
                }));
            }
            for (Future<Path> f : files) {
                written.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("PDF report interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("PDF report: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
        HtmlReport.deleteTree(folder);
        Files.createDirectories(folder.getParent());
        Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        log.info(fmt.msg("log.pdf.done", written.size(), (System.nanoTime() - start) / 1_000_000_000, threads, folder.toString()));
        return written;
    }

    /**
     * Writes the PDFs of the regions in {@code rows} into {@code folder}, which exists and may hold other regions' PDFs,
     * one after another on the calling thread: the nightly job's partitioned step calls this once per province, its
     * partitions running side by side. {@code rows} may be restricted to the province ({@link ReportData#loadProvince}).
     *
     * @return the PDFs written
     * @throws IOException when a PDF cannot be written (a full disk: the step fails, the run folder is discarded)
     */
    public List<Path> writeInto(ReportData rows, Path folder, Counter pdfs) throws IOException {
        return writeInto(rows, folder, pdfs, PublishedFiles.none());
    }

    /**
     * The same, copying from the last published report each PDF whose document is unchanged (same figures, words
     * and names; only the day it would be made differs) instead of drawing it again.
     *
     * @param published the files of the last published report and their fingerprints; receives this run's
     */
    public List<Path> writeInto(ReportData rows, Path folder, Counter pdfs, PublishedFiles published) throws IOException {
        Files.createDirectories(folder);
        FontMetrics metrics = new FontMetrics();
        List<Path> written = new ArrayList<>();
        for (Target t : targets(rows)) {
            written.add(writeOne(rows, t, notes(rows, t), folder, metrics, published));
            pdfs.increment();
        }
        return written;
    }

    /**
     * One region and period's PDF, laid out with its charts, into {@code folder}: copied from the last published report
     * when {@code published} holds the same document, drawn otherwise. Returns the file.
     */
    private Path writeOne(ReportData rows, Target t, List<NoteLine> notes, Path folder, FontMetrics metrics,
            PublishedFiles published) throws IOException {
        ChartObjects charts = new ChartObjects();
        Document doc = document(rows, t, notes, charts);
        Path file = folder.resolve(fileName(doc));
        if (!published.copied(folder.getFileName() + "/" + file.getFileName(), published.fingerprint(doc), file)) {
            render(doc, file, metrics, charts);
        }
        return file;
    }

    /** How many PDFs a complete report of these results holds (the report-regions step's progress). */
    public static int targetCount(ReportData rows) {
        return targets(rows).size();
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Per region, the newest year, semester and quarter with its own results: the reports that are
     * signed and sent on (quarterly to e-SPM, yearly with the LPPD). Months get no PDF; their figures
     * are in the pages and the workbook.
     */
    static List<Target> targets(ReportData rows) {
        List<Target> targets = new ArrayList<>();
        for (String region : rows.regionCodes()) {
            // A province's report holds its own services and its kabupaten/kota's roll-up: printed when it has either.
            List<String> own = rows.allPeriods().stream().filter(p -> rows.region(region, p, ReportData.OWN) != null
                            || rows.region(region, p, ReportData.ROLLUP) != null)
                    .filter(p -> Period.parse(p).orElseThrow().kind() != Period.Kind.MONTH).toList();
            Set<String> newest = HtmlReport.newestOfEachKind(own);
            own.stream().filter(newest::contains).forEach(p -> targets.add(new Target(region, p)));
        }
        return targets;
    }

    String fileName(Document doc) {
        return fileName(fmt, doc.region(), doc.periodCode());
    }

    /** The PDF's file name, for the files and for the index page's links to them. */
    static String fileName(ReportFormat fmt, Region region, String period) {
        String name = fmt.msg("pdf.file_name", region.code(), region.name(), period);
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "-") + ".pdf";
    }

    // ---- the document --------------------------------------------------------------------------

    /** @param charts receives the document's charts, drawn by {@link #render} where the XHTML places them */
    Document document(ReportData rows, Target t, List<NoteLine> allNotes, ChartObjects charts) {
        Region region = regions.find(t.region()).orElseThrow();
        ReportData.Part own = rows.part(t.region(), t.period(), ReportData.OWN);
        Period period = Period.parse(t.period()).orElseThrow();
        String periodLabel = fmt.period(t.period());

        // Problems and solutions are the offices' answers per service (measures PERMASALAHAN, SOLUSI); every
        // other note stays a note.
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, String> solutions = new LinkedHashMap<>();
        List<NoteLine> notes = new ArrayList<>();
        for (NoteLine n : allNotes) {
            String local = n.measureCode().substring(n.measureCode().indexOf('.') + 1);
            String text = n.period() == null ? n.note() : n.note() + " (" + n.period() + ")";
            if (local.equals(PROBLEM)) {
                problems.merge(n.serviceCode(), text, (a, b) -> b + "\n" + a);
            } else if (local.equals(SOLUTION)) {
                solutions.merge(n.serviceCode(), text, (a, b) -> b + "\n" + a);
            } else {
                notes.add(n);
            }
        }

        // Trends, as the evaluation stored them: against the previous period of the same kind and the same
        // period a year before, where the earlier figure exists.
        Map<String, List<TrendRow>> stored = rows.trends(t.region(), t.period(), ReportData.OWN);
        List<String> compared = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        for (Period p : Trends.comparable(period)) {
            if (own != null && rows.region(t.region(), p.code(), ReportData.OWN) != null) {
                compared.add(p.code());
            } else {
                notCompared.add(shortPeriod(p.code()));
            }
        }
        List<Trend> regionTrends = compared.stream().map(p -> trend(p, change(stored, Trends.REGION, p))).toList();

        List<FieldLine> fieldLines = new ArrayList<>();
        List<String> withoutData = new ArrayList<>();
        List<FieldSection> sections = new ArrayList<>();
        List<ServiceRow> services = own == null ? List.of() : orderedServices(own);
        if (own != null) {
            for (FieldRow f : ordered(own.fields())) {
                List<Trend> trends = compared.stream().map(p -> trend(p, change(stored, f.fieldCode(), p))).toList();
                boolean hasData = own.hasData(f.fieldCode());
                fieldLines.add(new FieldLine(f.fieldCode(), f, hasData, trends));
                if (!hasData) {
                    withoutData.add(fmt.field(f.fieldCode()));
                }
                // Every field has its table in the regulation's shape, reported or not: an empty one says what is missing.
                ChartObjects.Drawing chart = hasData ? charts.add(chart(own, f, region, periodLabel)) : null;
                sections.add(section(rows, own, f, chart, problems, solutions));
            }
        }

        // The three weakest services, as the evaluation chose them.
        List<ServiceRow> worst = own == null ? List.of() : own.region().weakest().stream()
                .map(code -> services.stream().filter(s -> s.serviceCode().equals(code)).findFirst().orElse(null))
                .filter(Objects::nonNull).toList();
        // Services that could not be computed in a field that has data: a partial submission.
        List<ServiceRow> notComputable = services.stream()
                .filter(s -> "NOT_COMPUTABLE".equals(s.status()) && own.hasData(s.fieldCode())).toList();
        List<ServiceRow> notReported = services.stream().filter(s -> "NOT_REPORTED".equals(s.status())).toList();
        List<ServiceRow> aboveTarget = services.stream().filter(s -> hasWarning(s, "SERVED_ABOVE_TARGET")).toList();

        List<BudgetLine> budgetLines = own == null ? List.of() : budgetLines(own);
        BudgetLine total = budgetLines.stream().filter(l -> l.planned() != null && l.spent() != null).count() < 2 ? null
                : new BudgetLine(null, own.region().budgetPlanned(), own.region().budgetSpent(), own.region().budgetPct());

        Rollup rollup = null;
        List<RegencyLine> regencies = new ArrayList<>();
        ReportData.Part rolled = rows.part(t.region(), t.period(), ReportData.ROLLUP);
        if (rolled != null) {
            List<FieldSection> rolledFields = ordered(rolled.fields()).stream().filter(f -> rolled.hasData(f.fieldCode()))
                    .map(f -> section(rows, rolled, f, null, Map.of(), Map.of())).toList();
            rollup = new Rollup(rolled, rolledFields);
        }
        if (region.isProvince()) {
            for (Region r : regions.regenciesOf(region.code())) {
                RegionRow row = rows.region(r.code(), t.period(), ReportData.OWN);
                ResultRepository.RankRow rank = rows.rank(r.code(), t.period(), Trends.REGION, "PROVINCE");
                regencies.add(new RegencyLine(r.code(), r.name(), row, rank == null ? null : rank.rank(),
                        rank == null ? null : rank.of()));
            }
            // Reported first, best place first; then those that sent nothing, in code order.
            regencies.sort(Comparator.comparing((RegencyLine l) -> l.row() == null)
                    .thenComparing(RegencyLine::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(RegencyLine::code));
        }

        List<ServiceRow> stages = services.stream().filter(ServiceRow::hasStages).toList();
        List<ServiceLine> problemLines = services.stream()
                .filter(s -> problems.containsKey(s.serviceCode()) || solutions.containsKey(s.serviceCode()))
                .map(s -> new ServiceLine(s, List.of(), problems.get(s.serviceCode()), solutions.get(s.serviceCode()))).toList();
        boolean examplePlans = services.stream().anyMatch(s -> s.planTarget() != null)
                && plans.exampleFor(t.region(), period.year());

        String title = fmt.msg("pdf.title_full", region.name(), periodLabel);
        String province = region.isProvince() ? null : fmt.region(region.provinceCode());
        return new Document(title, region, province, t.period(), periodLabel, fmt.date(LocalDate.now()), own,
                compared.stream().map(this::shortPeriod).toList(), notCompared, regionTrends, fieldLines, withoutData, worst,
                notComputable, aboveTarget, sections, notes, budgetLines, total, rollup, services,
                services.stream().filter(s -> hasWarning(s, "INDEX_WITHOUT_QUALITY")).count(),
                rows.ikm().newestUpTo(t.region(), t.period()).stream().map(u -> IkmPages.line(fmt, rows.ikm(), u)).toList(),
                government(region), addressee(region), signature(region), stages, problemLines, regencies, notReported,
                examplePlans);
    }

    /** Whether a region's plans for a year come from the example file (reports then call them examples). */
    public boolean examplePlans(String region, int year) {
        return plans.exampleFor(region, year);
    }

    static final String PROBLEM = "PERMASALAHAN";
    static final String SOLUTION = "SOLUSI";

    /** "PEMERINTAH KABUPATEN SLEMAN", as a regional government names itself on a report's cover. */
    String government(Region region) {
        String name = region.name();
        if (region.isProvince()) {
            return fmt.msg(name.startsWith("Daerah Istimewa") ? "pdf.government.special" : "pdf.government.province", name)
                    .toUpperCase(fmt.locale());
        }
        return fmt.msg("pdf.government", name).toUpperCase(fmt.locale());
    }

    /** To whom the report goes: a bupati/wali kota reports to the gubernur, a gubernur to the Minister (Permendagri 59/2021). */
    private String addressee(Region region) {
        return region.isProvince() ? fmt.msg("pdf.addressee.minister")
                : fmt.msg("pdf.addressee.governor", fmt.region(region.provinceCode()));
    }

    /** The head of the region's title: "Bupati Sleman", "Wali Kota Yogyakarta", "Gubernur Jawa Tengah". */
    private String headOf(Region region) {
        String name = region.name();
        if (region.isProvince()) {
            return fmt.msg("pdf.head.province", name);
        }
        boolean city = region.level() == Region.Level.KOTA;
        String bare = name.replaceFirst("^(Kabupaten|Kota)\\s+", "");
        return fmt.msg(city ? "pdf.head.city" : "pdf.head.regency", bare);
    }

    private Signature signature(Region region) {
        boolean signs = signer.signsFor(region.code());
        String place = signs && signer.place() != null && !signer.place().isBlank() ? signer.place().strip()
                : region.name().replaceFirst("^(Kabupaten|Kota|Provinsi)\\s+", "");
        String position = signs && signer.position() != null && !signer.position().isBlank() ? signer.position().strip()
                : headOf(region);
        String nip = signs && signer.nip() != null && !signer.nip().isBlank() ? signer.nip().strip() : null;
        return new Signature(place + ", " + fmt.date(LocalDate.now()), position, signs ? signer.name().strip() : null, nip);
    }

    /** The stored change of a subject's index against an earlier period; null when there is none to compare. */
    private static BigDecimal change(Map<String, List<TrendRow>> stored, String subject, String against) {
        return stored.getOrDefault(subject, List.of()).stream().filter(r -> r.comparedPeriod().equals(against))
                .map(TrendRow::change).findFirst().orElse(null);
    }

    private Trend trend(String against, BigDecimal diff) {
        String label = shortPeriod(against);
        if (diff == null) {
            return new Trend(label, "", "–", "flat");
        }
        int sign = diff.signum();
        String arrow = sign > 0 ? "▲" : sign < 0 ? "▼" : "=";
        String text = (sign > 0 ? "+" : sign < 0 ? "−" : "") + fmt.pct(diff.abs());
        return new Trend(label, arrow, text, sign > 0 ? "up" : sign < 0 ? "down" : "flat");
    }

    /** A period in a few words, for table headings: "TW II 2026", "2025". */
    String shortPeriod(String code) {
        Period p = Period.parse(code).orElseThrow();
        String roman = new String[] {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}[p.number() - 1];
        return fmt.msg("pdf.period_short." + p.kind().name(), String.valueOf(p.year()), p.number(), roman);
    }

    private FieldSection section(ReportData rows, ReportData.Part part, FieldRow f, ChartObjects.Drawing chart, Map<String, String> problems,
                                 Map<String, String> solutions) {
        List<ServiceRow> services = part.servicesByField().getOrDefault(f.fieldCode(), List.of());
        List<String> remarks = new ArrayList<>();
        for (ServiceRow s : services) {
            if (s.warnings() == null || s.warnings().isBlank()) {
                continue;
            }
            for (String w : s.warnings().split(",")) {
                if (!"INDEX_WITHOUT_QUALITY".equals(w)) {
                    remarks.add(s.serviceCode() + ": " + fmt.msg("warning." + w));
                }
            }
        }
        List<ResultRepository.MutuRow> mutu = rows.mutu(part.region().regionCode(), part.region().periodCode(), part.region().scope());
        List<ServiceLine> lines = new ArrayList<>();
        for (ServiceRow s : services) {
            List<String> personnel = new ArrayList<>();
            for (ResultRepository.MutuRow m : mutu) {
                if (!m.serviceCode().equals(s.serviceCode())) {
                    continue;
                }
                catalogue.service(s.serviceCode()).flatMap(st -> st.mutu().stream()
                                .filter(i -> i.code().equals(m.itemCode()) && "sdm".equals(i.category())).findFirst())
                        .ifPresent(i -> personnel.add(fmt.msg("pdf.personnel_line", i.name().in(fmt.locale()),
                                fmt.count(m.available()), fmt.count(m.needed()))));
            }
            lines.add(new ServiceLine(s, personnel, problems.get(s.serviceCode()), solutions.get(s.serviceCode())));
        }
        return new FieldSection(f, services, chart, part.withoutQuality(f.fieldCode()), remarks, lines);
    }

    /** A field's bar chart, laid out at 760 pixels wide (the HTML page's PNG) and drawn into the PDF as vector graphics. */
    private ChartObjects.Drawing chart(ReportData.Part own, FieldRow f, Region region, String periodLabel) {
        List<ServiceRow> charted = own.servicesByField().getOrDefault(f.fieldCode(), List.of()).stream()
                .filter(s -> s.targetPopulation() != null || s.served() != null).toList();
        List<ChartRenderer.Bar> bars = charted.stream()
                .map(s -> new ChartRenderer.Bar(fmt.serviceShort(s.serviceCode()), s.recipient(), s.category())).toList();
        return new ChartObjects.Drawing("chart-" + f.fieldCode(), charts.barChart(fmt.field(f.fieldCode()) + " · " + region.name()
                + " · " + periodLabel, fmt.msg("chart.recipient_axis"), fmt.msg("chart.target"), bars, true,
                fmt.chartLegend(own.region().periodCode(), charted.stream().map(ServiceRow::planTarget).toList())),
                760, 150 + 22 * Math.max(1, bars.size()));
    }

    private List<FieldRow> ordered(List<FieldRow> fields) {
        Map<String, Integer> order = new HashMap<>();
        List<Field> all = catalogue.fields();
        for (int i = 0; i < all.size(); i++) {
            order.put(all.get(i).code(), i);
        }
        return fields.stream().sorted(Comparator.comparing((FieldRow f) -> order.getOrDefault(f.fieldCode(), Integer.MAX_VALUE))
                .thenComparing(FieldRow::fieldCode)).toList();
    }

    private List<ServiceRow> orderedServices(ReportData.Part part) {
        List<ServiceRow> out = new ArrayList<>();
        for (FieldRow f : ordered(part.fields())) {
            out.addAll(part.servicesByField().getOrDefault(f.fieldCode(), List.of()));
        }
        // Services of a field without a field row (should not happen): kept, at the end.
        part.services().stream().filter(s -> !out.contains(s)).forEach(out::add);
        return out;
    }

    private static boolean hasWarning(ServiceRow s, String warning) {
        return s.warnings() != null && List.of(s.warnings().split(",")).contains(warning);
    }

    // ---- notes and budget, from what the offices reported --------------------------------------

    /** The offices' notes on every period the figure covers (a cumulative quarter: the quarters so far). */
    /**
     * The offices' problems and solutions for a region and period, per service code: [problem, solution],
     * either null; for the region pages, which show what the PDF shows.
     */
    public Map<String, String[]> problemsAndSolutions(ReportData rows, String region, String period) {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (NoteLine n : notes(rows, new Target(region, period))) {
            String local = n.measureCode().substring(n.measureCode().indexOf('.') + 1);
            int slot = local.equals(PROBLEM) ? 0 : local.equals(SOLUTION) ? 1 : -1;
            if (slot < 0) {
                continue;
            }
            String text = n.period() == null ? n.note() : n.note() + " (" + n.period() + ")";
            String[] pair = out.computeIfAbsent(n.serviceCode(), k -> new String[2]);
            pair[slot] = pair[slot] == null ? text : text + "\n" + pair[slot];
        }
        return out;
    }

    private List<NoteLine> notes(ReportData rows, Target t) {
        RegionRow row = rows.region(t.region(), t.period(), ReportData.OWN);
        if (row == null) {
            return List.of(); // a province with only its kabupaten/kota's roll-up: no notes of its own
        }
        List<String> covered = row.periodsCovered() == null || row.periodsCovered().isBlank() ? List.of(t.period())
                : List.of(row.periodsCovered().split(","));
        Map<String, Integer> serviceOrder = new HashMap<>();
        int i = 0;
        for (Field f : catalogue.fields()) {
            for (ServiceType s : f.services()) {
                serviceOrder.put(s.code(), i++);
            }
        }
        List<NoteLine> notes = new ArrayList<>();
        for (String p : covered) {
            for (ValueRepository.Note n : rows.notes(t.region(), p, values::notes)) {
                String code = n.measureCode();
                String note = n.note() == null ? "" : n.note().strip();
                if (note.isEmpty()) {
                    continue;
                }
                Measure m = catalogue.measure(code).orElse(null);
                String service = m != null ? m.serviceCode() : code.contains(".") ? code.substring(0, code.indexOf('.')) : code;
                String name = m != null ? m.name().in(fmt.locale()) : code;
                notes.add(new NoteLine(code, name, service, p.equals(t.period()) ? null : shortPeriod(p), note));
            }
        }
        notes.sort(Comparator.comparing((NoteLine n) -> serviceOrder.getOrDefault(n.serviceCode(), Integer.MAX_VALUE))
                .thenComparing(NoteLine::measureCode));
        return notes;
    }

    /** The budget of each service that reported one, as the evaluation holds it (spending year to date). */
    private List<BudgetLine> budgetLines(ReportData.Part own) {
        List<BudgetLine> lines = new ArrayList<>();
        for (ServiceRow s : orderedServices(own)) {
            if (s.budgetPlanned() != null || s.budgetSpent() != null) {
                lines.add(new BudgetLine(s.serviceCode(), s.budgetPlanned(), s.budgetSpent(), s.budgetPct()));
            }
        }
        return lines;
    }

    // ---- rendering -----------------------------------------------------------------------------

    String xhtml(Document doc) {
        Context c = new Context(fmt.locale());
        c.setVariable("fmt", fmt);
        c.setVariable("doc", doc);
        c.setVariable("pageFooter", pageCounterCss(fmt.msg("pdf.page_of", "\u0000", "\u0001")));
        c.setVariable("footerLeft", cssString(doc.region().name() + " · " + doc.periodLabel()));
        c.setVariable("bands", catalogue.ruleSets().get(catalogue.ruleSets().size() - 1).bands());
        c.setVariable("cat", CATEGORY_STYLE);
        return templates.process("report/pdf/region", c);
    }

    /** "Halaman {0} dari {1}" as a CSS content value with the page counters in place of the arguments. */
    static String pageCounterCss(String message) {
        StringBuilder css = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (char ch : message.toCharArray()) {
            if (ch == '\u0000' || ch == '\u0001') {
                if (!text.isEmpty()) {
                    css.append(cssString(text.toString())).append(' ');
                    text.setLength(0);
                }
                css.append(ch == '\u0000' ? "counter(page) " : "counter(pages) ");
            } else {
                text.append(ch);
            }
        }
        if (!text.isEmpty()) {
            css.append(cssString(text.toString()));
        }
        return css.toString().strip();
    }

    private static String cssString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\3C ").replace("&", "\\26 ") + "\"";
    }

    void render(Document doc, Path file, FontMetrics metrics, ChartObjects charts) throws IOException {
        PdfLog.install();
        String html = xhtml(doc);
        try (OutputStream out = Files.newOutputStream(file); org.apache.pdfbox.pdmodel.PDDocument target =
                new org.apache.pdfbox.pdmodel.PDDocument()) {
            PdfRendererBuilder pdf = new PdfRendererBuilder();
            pdf.usePDDocument(target);
            pdf.useFastMode();
            // PDF/A-2u: every font embedded (the bundled DejaVu Sans), text extractable as Unicode,
            // and none of the PDF base-14 fonts that would otherwise be mapped to system fonts.
            pdf.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_U);
            pdf.useColorProfile(srgb());
            pdf.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, metrics);
            pdf.useFont(LatinFont.supplier(target, false), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            pdf.useFont(LatinFont.supplier(target, true), FONT_FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            pdf.withProducer("Pantau SPM");
            pdf.useObjectDrawerFactory(charts); // the charts as vector graphics, not images
            pdf.withHtmlContent(html, file.getParent().toUri().toString());
            pdf.toStream(out);
            pdf.run();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e instanceof IOException io ? io : new IOException("PDF " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The bundled DejaVu Sans, embedded as a subset, with its glyph substitutions (GSUB) off: PDFBox would otherwise
     * rewrite every string shown through the font's Latin rules, a sixth of a PDF's time, for ligatures that lose letters
     * from the text layer a reader searches and copies (apache/pdfbox GsubWorkerForLatin).
     * <p>
     * The parsed font is kept by each thread for the documents it draws one after another (PDType0Font.load with a
     * TrueTypeFont leaves it open and to its caller; the document reads its subset from it when saved, on the same
     * thread): parsing it again for each PDF was 4% of the report-regions step. A TrueTypeFont reads its tables lazily
     * from one buffer, so it is never shared between threads.
     */
    private static final class LatinFont {
        private static final ThreadLocal<org.apache.fontbox.ttf.TrueTypeFont[]> PARSED =
                ThreadLocal.withInitial(() -> new org.apache.fontbox.ttf.TrueTypeFont[2]);

        private LatinFont() {
        }

        /** The regular or bold font, to be embedded as a subset into {@code target}. */
        static com.openhtmltopdf.pdfboxout.PDFontSupplier supplier(org.apache.pdfbox.pdmodel.PDDocument target, boolean bold)
                throws IOException {
            return new com.openhtmltopdf.pdfboxout.PDFontSupplier(
                    org.apache.pdfbox.pdmodel.font.PDType0Font.load(target, parsed(bold), true));
        }

        private static org.apache.fontbox.ttf.TrueTypeFont parsed(boolean bold) throws IOException {
            org.apache.fontbox.ttf.TrueTypeFont[] fonts = PARSED.get();
            int i = bold ? 1 : 0;
            if (fonts[i] == null) {
                fonts[i] = new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(font(bold)));
                fonts[i].setEnableGsub(false);
            }
            return fonts[i];
        }
    }

    /** A category's colour as a cell's background, with text that stays readable on it (white on dark colours). */
    public static final class CategoryStyle {
        public String of(String category) {
            java.awt.Color c = Categories.color(category);
            double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
            return "background:" + Categories.hex(category) + ";color:" + (luminance < 128 ? "#ffffff" : "#000000");
        }
    }

    private static final CategoryStyle CATEGORY_STYLE = new CategoryStyle();

    /** Font metrics shared by the documents of one run (openhtmltopdf's cache, made safe for threads). */
    static final class FontMetrics implements FSCacheEx<String, FSCacheValue> {
        private final Map<String, FSCacheValue> store = new ConcurrentHashMap<>();

        @Override
        public void put(String key, FSCacheValue value) {
            store.put(key, value);
        }

        @Override
        public FSCacheValue get(String key, Callable<? extends FSCacheValue> loader) {
            return store.computeIfAbsent(key, k -> {
                try {
                    return loader.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        @Override
        public FSCacheValue get(String key) {
            return store.get(key);
        }
    }

    /** The bundled fonts, read once: every PDF embeds the subset it uses. */
    private static synchronized byte[] font(boolean bold) {
        if (regularFont == null) {
            regularFont = resource("/fonts/DejaVuSans.ttf");
            boldFont = resource("/fonts/DejaVuSans-Bold.ttf");
        }
        return bold ? boldFont : regularFont;
    }

    private static synchronized byte[] srgb() {
        if (srgb == null) {
            srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        }
        return srgb;
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfReport.class.getResourceAsStream(name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
