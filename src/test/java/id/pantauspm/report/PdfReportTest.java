package id.pantauspm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.NumberFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import id.pantauspm.period.Period;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;

/** The PDF report as an official receives it: the real job on the bundled samples, read back with PDFBox. */
@DisplayName("The PDF report")
class PdfReportTest {

    private static final Locale ID = Locale.forLanguageTag("id-ID");

    @TempDir
    static Path temp;

    static PantauHome home;
    static JdbcTemplate db;
    static Path pdfs;

    @BeforeAll
    static void runOnSamples() {
        TestDatabase database = TestDatabase.h2(temp);
        home = new PantauHome(temp.resolve("home"), database).samplesMode();
        home.run();
        db = jdbc(database);
        pdfs = home.reports().resolve("latest/pdf");
    }

    static JdbcTemplate jdbc(TestDatabase database) {
        return new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(), database.password()));
    }

    @Test
    @DisplayName("one PDF per region for the newest year and the newest quarter it has own results for")
    void oneFilePerRegionAndNewestPeriodOfEachKind() throws IOException {
        try (Stream<Path> files = Files.list(pdfs)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).containsExactly(
                    "Laporan SPM 33 Jawa Tengah 2025.pdf",
                    "Laporan SPM 33 Jawa Tengah 2026-TW3.pdf",
                    "Laporan SPM 33.02 Kabupaten Banyumas 2025.pdf",
                    "Laporan SPM 33.02 Kabupaten Banyumas 2026-TW3.pdf",
                    "Laporan SPM 33.19 Kabupaten Kudus 2025.pdf",
                    "Laporan SPM 33.74 Kota Semarang 2025.pdf",
                    "Laporan SPM 33.74 Kota Semarang 2026-TW3.pdf",
                    "Laporan SPM 34 Daerah Istimewa Yogyakarta 2025.pdf",
                    "Laporan SPM 34 Daerah Istimewa Yogyakarta 2026-TW3.pdf",
                    "Laporan SPM 34.03 Kabupaten Gunungkidul 2025.pdf",
                    "Laporan SPM 34.04 Kabupaten Sleman 2025.pdf",
                    "Laporan SPM 34.04 Kabupaten Sleman 2026-TW3.pdf",
                    "Laporan SPM 34.71 Kota Yogyakarta 2025.pdf",
                    "Laporan SPM 34.71 Kota Yogyakarta 2026-TW3.pdf");
        }
        // Provinces 33 and 34 have no results of their own in the samples, but their kabupaten/kota's: a PDF each,
        // with each kabupaten/kota's IP-SPM (issue 11).
        assertThat(home.reports().resolve("latest/pdf.new")).doesNotExist();
    }

    @Test
    @DisplayName("Kota Semarang 2025: cover, introduction, summary, a page per field, stages and budget, problems, closing, appendix")
    void semarangYear() throws IOException {
        Path file = pdfs.resolve("Laporan SPM 33.74 Kota Semarang 2025.pdf");
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            int pages = pdf.getNumberOfPages();
            // cover, introduction, summary, six fields (landscape), stages and budget, IKM, problems, closing, appendix
            assertThat(pages).isBetween(14, 20);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isBetween(595f, 596f); // A4 portrait, in points
            assertThat(pdf.getPage(0).getMediaBox().getHeight()).isBetween(841f, 842f);
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Laporan Penerapan SPM Kota Semarang Tahun 2025");

            String cover = text(pdf, 1, 1);
            assertThat(cover).contains("Laporan Penerapan SPM", "Kota Semarang", "Provinsi Jawa Tengah", "Tahun 2025",
                    "Versi aturan: 2026.3").containsPattern("Dibuat \\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus"
                    + "|September|Oktober|November|Desember) \\d{4}");
            assertThat(cover).doesNotContain("Halaman");

            String summary = page(pdf, "Ringkasan");
            // IP-SPM over the six fields, the four not reported counting 0: (85.22 + 80.10) / 6 = 27.55 Belum Tuntas;
            // over the two reported fields only, provisionally: (85.22 + 80.10) / 2 = 82.66
            assertThat(summary).contains("Ringkasan", "IP-SPM (Indeks Pencapaian SPM) 27,55 Belum Tuntas",
                    "15 dari 29 jenis pelayanan dasar sudah dilaporkan", "82,66", "Tiga layanan dengan indeks terendah",
                    "KES-K08 Pelayanan kesehatan penderita", "58,18 Belum Tuntas 372.937 155.962", // the name wraps in its cell
                    "Belum ada data periode pembanding (2024)", "Halaman 3 dari " + pages);
            // every computed field with its index and category, as the database holds them
            for (Map<String, Object> f : computedFields("33.74", "2025")) {
                assertThat(summary).contains(fieldName(f) + " " + pct(f.get("field_index")) + " " + categoryName(f));
            }
            String all = text(pdf, 1, pages);
            for (int page = 2; page <= pages; page++) {
                assertThat(all).contains("Halaman " + page + " dari " + pages);
            }
            // PP 2/2018 order: Pendidikan first, then Kesehatan; each in the regulation's table
            assertThat(page(pdf, "2. Kesehatan")).contains("2. Kesehatan: 85,22 Tuntas Madya", "KES-K06", "1.105.964",
                    "Target", "Realisasi", "Permasalahan", "Solusi");
            assertThat(page(pdf, "1. Pendidikan")).contains("1. Pendidikan: 80,10 Tuntas Madya", "PEND-K03");
            assertThat(all).contains("305.706");
            // The sample surveys' IKM, lowest first (make-ikm-samples.py): Kedungmundu 76.62, Halmahera 82.30, Disdukcapil 88.38.
            assertThat(page(pdf, "Indeks Kepuasan Masyarakat unit layanan")).contains("Indeks Kepuasan Masyarakat unit layanan", "Puskesmas Kedungmundu", "76,62",
                    "150 / 368", "Puskesmas Halmahera", "82,30", "+6,05", "Disdukcapil Kota Semarang", "88,38", "A Sangat baik");
            // The offices' notes are notes (not problems): listed apart, with the figure they are written on.
            assertThat(page(pdf, "Catatan lain perangkat daerah")).contains("Permasalahan dan solusi",
                    "Kekurangan tenaga bidan di 3 puskesmas", "KES-K01.TERLAYANI", "PKBM terbatas di kecamatan pinggiran");
            assertThat(page(pdf, "Tahapan penerapan SPM")).contains("Anggaran", "1.555.000.000", "1.343.523.600", "86,40");
            assertThat(page(pdf, "Penutup")).contains("Wali Kota Semarang", "(.........................................)");
            assertThat(text(pdf, pages - 1, pages)).contains("Lampiran: tabel lengkap", "TRANTIB-K05",
                    "Belum dilaporkan", "Belum dapat");
        }
    }

    @Test
    @DisplayName("a quarter says its figures are cumulative and which quarters were not reported")
    void semarangQuarter() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pdfs.resolve("Laporan SPM 33.74 Kota Semarang 2026-TW3.pdf").toFile())) {
            assertThat(text(pdf, 1, 1)).contains("Triwulan III tahun 2026 (kumulatif sejak Januari)");
            String summary = page(pdf, "Ringkasan");
            // year to date: TW1 and TW2 are not needed, so none is said to be missing
            assertThat(summary).contains("12 dari 29 jenis pelayanan dasar sudah dilaporkan",
                    "Belum ada data periode pembanding (TW II 2026, TW III 2025)").doesNotContain("Belum dilaporkan: 2026-TW");
            for (Map<String, Object> f : computedFields("33.74", "2026-TW3")) {
                assertThat(summary).contains(fieldName(f) + " " + pct(f.get("field_index")) + " " + categoryName(f));
            }
            // the spending reported up to September, against the planned budget
            assertThat(text(pdf, 1, pdf.getNumberOfPages())).contains("1.570.000.000", "1.045.535.000", "66,59",
                    "Realisasi s.d. 30 September 2026");
        }
    }

    @Test
    @DisplayName("a partial submission says what could not be computed (Gunungkidul 2025, KES-K12)")
    void partialSubmission() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pdfs.resolve("Laporan SPM 34.03 Kabupaten Gunungkidul 2025.pdf").toFile())) {
            String summary = page(pdf, "Ringkasan");
            assertThat(summary).contains("Kabupaten Gunungkidul",
                    "KES-K12 Pelayanan kesehatan orang dengan risiko terinfeksi HIV: tidak dapat dihitung",
                    // the 11 health services reported add up to 925.16; over all 12: 77.10 Pratama (84.11 over 11)
                    "Kesehatan 77,10 Tuntas Pratama 11 / 12", "Pendidikan 77,84 Tuntas Pratama 3 / 3");
            assertThat(summary.indexOf("Pendidikan 77,84")).isLessThan(summary.indexOf("Kesehatan 77,10")); // PP 2/2018 order
            // the office's own note on it, among the obstacles, with the measure it is written on
            String all = text(pdf, 1, pdf.getNumberOfPages());
            assertThat(all).contains("Data tes HIV dari RSUD belum direkap", "KES-K12.SASARAN",
                    "akses sulit di wilayah karst selatan");
        }
    }

    @Test
    @DisplayName("embeds its fonts (DejaVu Sans), so Indonesian text and names with accents read back")
    void embeddedFonts() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pdfs.resolve("Laporan SPM 33.02 Kabupaten Banyumas 2026-TW3.pdf").toFile())) {
            Set<String> fonts = new HashSet<>();
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName().replaceAll("^[A-Z]{6}\\+", ""));
                }
            }
            assertThat(fonts).containsExactlyInAnyOrder("DejaVuSans", "DejaVuSans-Bold");
            assertThat(text(pdf, 1, pdf.getNumberOfPages())).contains("dr. René Kusuma", "Pelayanan kesehatan");
        }
    }

    @Test
    @DisplayName("a field's chart is drawn as vector graphics, its words in DejaVu Sans and extractable, no bitmap")
    void chartsAreVectorGraphics() throws Exception {
        Path file = pdfs.resolve("Laporan SPM 33.74 Kota Semarang 2025.pdf");
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            int chartPage = -1;
            String title = "Kesehatan · Kota Semarang · Tahun 2025";
            for (int p = 1; p <= pdf.getNumberOfPages() && chartPage < 0; p++) {
                if (text(pdf, p, p).contains(title)) {
                    chartPage = p;
                }
            }
            assertThat(chartPage).as("a page with the chart titled " + title).isPositive();
            String words = text(pdf, chartPage, chartPage);
            // The chart's axis, target line and a bar's value label read back as text (a bitmap has no words):
            // KES-K01's recipient achievement as stored, to one decimal in Indonesian.
            BigDecimal k01 = db.queryForObject("select recipient_pct from service_result where region_code = '33.74' "
                    + "and period_code = '2025' and scope = 'OWN' and service_code = 'KES-K01'", BigDecimal.class);
            assertThat(words).contains("Capaian penerima (%)", "Standar 100%", "KES-K01",
                    k01.setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ','));
            // No image anywhere on the page; the chart is a form of vector drawing, its text in the embedded DejaVu Sans.
            List<String> images = new java.util.ArrayList<>();
            Set<String> fonts = new HashSet<>();
            int forms = xobjects(pdf.getPage(chartPage - 1).getResources(), images, fonts);
            assertThat(images).isEmpty();
            assertThat(forms).isPositive();
            assertThat(fonts).contains("DejaVuSans").allMatch(f -> f.startsWith("DejaVuSans"));
            // For a look: the page as poppler draws it, in target/.
            Path pdftoppm = Path.of("/usr/bin/pdftoppm");
            if (Files.isExecutable(pdftoppm)) {
                Process p = new ProcessBuilder(pdftoppm.toString(), "-png", "-r", "60", "-f", String.valueOf(chartPage), "-l",
                        String.valueOf(chartPage), file.toString(), PantauHome.PROJECT.resolve("target/report-pdf-chart").toString())
                        .redirectErrorStream(true).start();
                assertThat(p.waitFor()).isZero();
            }
        }
    }

    /** Counts the form XObjects under these resources, noting images and the (embedded) fonts the forms use. */
    private static int xobjects(org.apache.pdfbox.pdmodel.PDResources resources, List<String> images, Set<String> fonts)
            throws IOException {
        int forms = 0;
        if (resources == null) {
            return 0;
        }
        for (var name : resources.getXObjectNames()) {
            var x = resources.getXObject(name);
            if (x instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
                images.add(name.getName());
            } else if (x instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                forms++;
                for (var f : form.getResources() == null ? List.<org.apache.pdfbox.cos.COSName>of() : form.getResources().getFontNames()) {
                    PDFont font = form.getResources().getFont(f);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName().replaceAll("^[A-Z]{6}\\+", ""));
                }
                forms += xobjects(form.getResources(), images, fonts);
            }
        }
        return forms;
    }

    @Test
    @DisplayName("the summary page renders: page 2 as PNG in target/ for a look")
    void summaryPageRenders() throws Exception {
        Path file = pdfs.resolve("Laporan SPM 33.74 Kota Semarang 2025.pdf");
        Path png = PantauHome.PROJECT.resolve("target/report-pdf-summary.png");
        Files.createDirectories(png.getParent());
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(1, 60);
            javax.imageio.ImageIO.write(page, "png", png.toFile());
            assertThat(page.getWidth()).isBetween(495, 497); // 210 mm at 60 dpi
            assertThat(distinctColours(page)).isGreaterThan(50); // text, category colours: not a blank page
        }
        // pdftoppm (poppler) is the second opinion when present: the same page as another reader draws it.
        Path pdftoppm = Path.of("/usr/bin/pdftoppm");
        if (Files.isExecutable(pdftoppm)) {
            Process p = new ProcessBuilder(pdftoppm.toString(), "-png", "-r", "60", "-f", "3", "-l", "3", file.toString(),
                    PantauHome.PROJECT.resolve("target/report-pdf-poppler").toString()).redirectErrorStream(true).start();
            assertThat(p.waitFor()).isZero();
        }
    }

    @Test
    @DisplayName("writes one PDF per region and province with results: the samples' 10 regions and 4 provinces")
    void onePdfPerRegionAndProvince() throws IOException {
        // Speed is the benchmark's business (bench/run.sh, README "A national night"), not a timed assertion here.
        try (ConfigurableApplicationContext context = home.start()) {
            PdfReport pdf = context.getBean(PdfReport.class);
            Path out = temp.resolve("again/pdf");
            Files.createDirectories(out.getParent());
            List<Path> written = pdf.write(out);
            assertThat(written).hasSize(14).allSatisfy(p -> assertThat(p).exists().isNotEmptyFile());
        }
    }

    @Test
    @DisplayName("a whole report run reads the offices' notes with one query, not one per region and period")
    void notesAreReadOncePerReportRun() throws IOException {
        try (ConfigurableApplicationContext context = home.start()) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            // H2 counts the executions of each statement while this is on.
            jdbc.execute("set query_statistics_max_entries 100000");
            jdbc.execute("set query_statistics true");
            try {
                Path reports = temp.resolve("notes-once");
                context.getBean(ReportSite.class).publish(reports, null, null);
                // 14 PDFs, the region pages and the e-SPM draft each ask for the notes of up to three quarters:
                // one query serves them all.
                List<Map<String, Object>> notesQueries = jdbc.queryForList("select sql_statement, execution_count "
                        + "from information_schema.query_statistics where lower(sql_statement) like '%note is not null%'");
                assertThat(notesQueries).singleElement()
                        .satisfies(q -> assertThat(((Number) q.get("execution_count")).intValue()).isEqualTo(1));
                // and the notes are still there: Semarang's, in its PDF (as semarangYear reads them)
                try (PDDocument pdf = Loader.loadPDF(reports.resolve("latest/pdf/Laporan SPM 33.74 Kota Semarang 2025.pdf")
                        .toFile())) {
                    assertThat(text(pdf, 1, pdf.getNumberOfPages())).contains("Kekurangan tenaga bidan di 3 puskesmas",
                            "PKBM terbatas di kecamatan pinggiran");
                }
            } finally {
                jdbc.execute("set query_statistics false");
            }
        }
    }

    @Test
    @DisplayName("a province's PDFs read the notes of that province and its kabupaten/kota only, and all of them")
    void aProvinceReadsItsOwnNotes() {
        try (ConfigurableApplicationContext context = home.start()) {
            id.pantauspm.store.ValueRepository values = context.getBean(id.pantauspm.store.ValueRepository.class);
            List<id.pantauspm.store.ValueRepository.Note> all = values.notes(null);
            // the bundled samples' notes are Jawa Tengah's (33.xx) and DI Yogyakarta's (34.xx)
            assertThat(all).extracting(id.pantauspm.store.ValueRepository.Note::regionCode)
                    .anyMatch(r -> r.startsWith("33.")).anyMatch(r -> r.startsWith("34."));
            assertThat(values.notes("33")).isNotEmpty()
                    .isEqualTo(all.stream().filter(n -> n.regionCode().equals("33") || n.regionCode().startsWith("33.")).toList());
            assertThat(values.notes("3")).isEmpty(); // "3" is no province: 33.74 is not one of its kabupaten/kota
            assertThat(values.notes("34")).isNotEmpty().allSatisfy(n -> assertThat(n.regionCode()).startsWith("34."));
        }
    }

    @Test
    @DisplayName("page numbers are written with the bundle's words around CSS page counters")
    void pageCounter() {
        assertThat(PdfReport.pageCounterCss("Halaman \u0000 dari \u0001")).isEqualTo("\"Halaman \" counter(page) \" dari \" counter(pages)");
        assertThat(PdfReport.pageCounterCss("\u0000/\u0001")).isEqualTo("counter(page) \"/\" counter(pages)");
    }

    @Test
    @DisplayName("every pdf.* word is in both bundles")
    void bothBundlesHaveTheSameKeys() throws IOException {
        assertThat(keys("i18n/report_en.properties")).isNotEmpty().isEqualTo(keys("i18n/report.properties"));
    }

    /** Trends, a province with its roll-up, and English: the samples plus a few more files. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("with earlier periods and a province's own results, in English")
    class Extended {

        PantauHome extended;
        JdbcTemplate extendedDb;
        Path pdfs;

        @BeforeAll
        void run() {
            TestDatabase database = TestDatabase.h2(temp.resolve("extended-db"));
            extended = new PantauHome(temp.resolve("extended"), database).samplesMode().with("--pantau.lang=en");
            String header = "kode_wilayah,periode,kode_data,nilai,keterangan\n";
            // Kota Semarang 2024: lower than 2025 in health (one service of 12), higher in education (all three at 95%).
            extended.write("semarang 2024.csv", header
                    + "33.74,2024,KES-K01.SASARAN,28000,\n33.74,2024,KES-K01.TERLAYANI,22400,\n"
                    + "33.74,2024,PEND-K01.SASARAN,20000,\n33.74,2024,PEND-K01.TERLAYANI,19000,\n"
                    + "33.74,2024,PEND-K02.SASARAN,240000,\n33.74,2024,PEND-K02.TERLAYANI,228000,\n"
                    + "33.74,2024,PEND-K03.SASARAN,2000,\n33.74,2024,PEND-K03.TERLAYANI,1900,\n");
            // Kota Semarang TW3 2025: the same quarter a year before the newest.
            extended.write("semarang tw3 2025.csv", header
                    + "33.74,2025-TW3,KES-K01.SASARAN,28678,\n33.74,2025-TW3,KES-K01.TERLAYANI,14339,\n");
            // DI Yogyakarta's own provincial services in 2025, beside its kabupaten/kota roll-up.
            extended.write("diy 2025.csv", header
                    + "34,2025,PEND-P01.SASARAN,150000,\n34,2025,PEND-P01.TERLAYANI,141000,Sekolah menengah swasta belum lapor\n"
                    + "34,2025,PEND-P02.SASARAN,4000,\n34,2025,PEND-P02.TERLAYANI,3400,\n"
                    + "34,2025,KES-P01.SASARAN,1200,\n34,2025,KES-P01.TERLAYANI,1250,\n");
            extended.run();
            extendedDb = jdbc(database);
            pdfs = extended.reports().resolve("latest/pdf");
        }

        BigDecimal index(String region, String period, String field) {
            return field == null
                    ? extendedDb.queryForObject("select region_index from region_result where region_code = ? and period_code = ? "
                            + "and scope = 'OWN'", BigDecimal.class, region, period)
                    : extendedDb.queryForObject("select field_index from field_result where region_code = ? and period_code = ? "
                            + "and scope = 'OWN' and field_code = ?", BigDecimal.class, region, period, field);
        }

        @Test
        @DisplayName("the index against the year before, with an arrow and the difference")
        void trendAgainstTheYearBefore() throws IOException {
            try (PDDocument pdf = Loader.loadPDF(pdfs.resolve("SPM Report 33.74 Kota Semarang 2025.pdf").toFile())) {
                String summary = page(pdf, "Summary");
                BigDecimal now = index("33.74", "2025", null);
                BigDecimal before = index("33.74", "2024", null);
                assertThat(summary).contains("Against 2024 " + arrow(now, before) + " " + signed(now, before, Locale.ENGLISH));
                BigDecimal health = index("33.74", "2025", "KES");
                BigDecimal healthBefore = index("33.74", "2024", "KES");
                assertThat(health.compareTo(healthBefore)).isPositive();
                assertThat(summary).contains("vs 2024", "▲ " + signed(health, healthBefore, Locale.ENGLISH));
                BigDecimal education = index("33.74", "2025", "PEND");
                BigDecimal educationBefore = index("33.74", "2024", "PEND");
                assertThat(education.compareTo(educationBefore)).isNegative();
                assertThat(summary).contains("▼ " + signed(education, educationBefore, Locale.ENGLISH));
            }
        }

        @Test
        @DisplayName("a quarter against the same quarter a year before")
        void quarterAgainstTheSameQuarterAYearBefore() throws IOException {
            try (PDDocument pdf = Loader.loadPDF(pdfs.resolve("SPM Report 33.74 Kota Semarang 2026-TW3.pdf").toFile())) {
                String summary = page(pdf, "Summary");
                assertThat(summary).contains("Against Q3 2025", "No figures to compare with yet (Q2 2026)");
            }
        }

        @Test
        @DisplayName("a province with its own results shows its kabupaten/kota roll-up in a section of its own")
        void provinceWithRollup() throws IOException {
            Path file = pdfs.resolve("SPM Report 34 Daerah Istimewa Yogyakarta 2025.pdf");
            try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                String all = text(pdf, 1, pdf.getNumberOfPages());
                assertThat(all).contains("Kabupaten/kota combined", "PEND-P01", "Sekolah menengah swasta belum lapor",
                        pct(index("34", "2025", null), Locale.ENGLISH));
                BigDecimal rollup = extendedDb.queryForObject("select region_index from region_result where region_code = '34' "
                        + "and period_code = '2025' and scope = 'ROLLUP'", BigDecimal.class);
                assertThat(all.substring(all.indexOf("Kabupaten/kota combined"))).contains(pct(rollup, Locale.ENGLISH), "KES-K01");
                assertThat(text(pdf, 1, 1)).doesNotContain("Province of"); // a province is not in a province
                // KES-P01 reaches 100 (more served than the target): not among the services needing attention
                String summary = page(pdf, "Summary");
                String worst = summary.substring(summary.indexOf("lowest index"), summary.indexOf("Completeness"));
                assertThat(worst).contains("PEND-P02", "PEND-P01").doesNotContain("KES-P01");
                assertThat(summary.replaceAll("\\s+", " ")).contains("KES-P01 Health care for people affected",
                        "at risk of disaster: more served than the target population, check the data.");
            }
        }

        @Test
        @DisplayName("every word in English with pantau.lang=en")
        void english() throws IOException {
            try (PDDocument pdf = Loader.loadPDF(pdfs.resolve("SPM Report 34.03 Kabupaten Gunungkidul 2025.pdf").toFile())) {
                String all = text(pdf, 1, pdf.getNumberOfPages());
                assertThat(all).contains("SPM Implementation Report", "Year 2025", "Summary", "Page 2 of",
                        "Other notes of the regional offices", "Problems and solutions", "Budget", "Appendix: full tables",
                        "KES-K12", "not computable", "Generated ", "GOVERNMENT OF KABUPATEN GUNUNGKIDUL", "Closing");
                assertThat(all).doesNotContain("Ringkasan", "Halaman", "Kendala", "Lampiran", "Anggaran", "Dibuat",
                        "dapat dihitung", "Belum ada", "Pendahuluan", "Penutup");
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The text of the first page (from the second on) that holds the words: pages found by their heading, not their number. */
    static String page(PDDocument pdf, String words) throws IOException {
        for (int p = 2; p <= pdf.getNumberOfPages(); p++) {
            String t = text(pdf, p, p);
            if (t.contains(words)) {
                return t;
            }
        }
        throw new AssertionError("no page with \"" + words + "\"");
    }

    static String text(PDDocument pdf, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(pdf).replaceAll("[ \\t]+", " ");
    }

    private static List<Map<String, Object>> computedFields(String region, String period) {
        List<Map<String, Object>> rows = db.queryForList("select field_code, field_index, category from field_result "
                + "where region_code = ? and period_code = ? and scope = 'OWN' and services_computed > 0", region, period);
        assertThat(rows).isNotEmpty();
        return rows;
    }

    private static String fieldName(Map<String, Object> f) {
        return switch ((String) f.get("field_code")) {
            case "KES" -> "Kesehatan";
            case "PEND" -> "Pendidikan";
            default -> throw new IllegalArgumentException("no name in this test for " + f.get("field_code"));
        };
    }

    private static String categoryName(Map<String, Object> f) {
        String[] words = ((String) f.get("category")).toLowerCase(Locale.ROOT).split("_");
        return Stream.of(words).map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining(" "));
    }

    static String pct(Object x) {
        return pct((BigDecimal) x, ID);
    }

    static String pct(BigDecimal x, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(x.setScale(2, RoundingMode.HALF_UP));
    }

    static String arrow(BigDecimal now, BigDecimal before) {
        int sign = now.setScale(2, RoundingMode.HALF_UP).compareTo(before.setScale(2, RoundingMode.HALF_UP));
        return sign > 0 ? "▲" : sign < 0 ? "▼" : "=";
    }

    static String signed(BigDecimal now, BigDecimal before, Locale locale) {
        BigDecimal diff = now.setScale(2, RoundingMode.HALF_UP).subtract(before.setScale(2, RoundingMode.HALF_UP));
        return (diff.signum() > 0 ? "+" : diff.signum() < 0 ? "−" : "") + pct(diff.abs(), locale);
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PdfReportTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(in);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
