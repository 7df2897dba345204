package id.pantauspm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.HeadlessChromium;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.Surveys;
import id.pantauspm.support.TestDatabase;

/**
 * The IKM as the reader gets it, after surveys went through the real job: the region's IKM page
 * (rendered in Chromium, screenshot kept under target/), the section of the region's PDF, the
 * workbook sheets and the CSV files, all with the hand-worked figures.
 */
@DisplayName("IKM in the reports: page, PDF section, workbook and CSV")
class IkmReportTest {

    @TempDir
    static Path temp;

    static PantauHome home;

    /**
     * Kota Semarang: Puskesmas Halmahera 2025 (3 respondents: 2200/27 = 81.48 B, U8 weakest; population 90
     * so the table asks 73) and 2024 (10 respondents all 3: 75.00 C); Puskesmas Kedungmundu 2025 (40
     * respondents all 4: 100.00 A, population 40: the table asks 36); and SPM values so the region has a PDF.
     */
    @BeforeAll
    static void run() throws IOException {
        home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp));
        drop("halmahera 2025.xlsx", Surveys.wide("Puskesmas Halmahera", "2025", 90, Surveys.THREE), "2026-01-10T08:00:00Z");
        drop("halmahera 2024.xlsx", Surveys.wide("Puskesmas Halmahera", "2024", 90, Surveys.all(10, 3)), "2025-01-10T08:00:00Z");
        drop("kedungmundu 2025.xlsx", Surveys.wide("Puskesmas Kedungmundu", "2025", 40, Surveys.all(40, 4)), "2026-01-10T08:00:00Z");
        home.write("spm.csv", "kode_wilayah;periode;kode_data;nilai\n33.74;2025;KES-K01.SASARAN;1000\n33.74;2025;KES-K01.TERLAYANI;900\n");
        home.run();
    }

    static void drop(String name, byte[] bytes, String modified) throws IOException {
        Files.createDirectories(home.inbox());
        Path p = Files.write(home.inbox().resolve(name), bytes);
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse(modified)));
    }

    @Test
    @DisplayName("the region's IKM page: lowest first, band, change, sample against the minimum, weakest unsur; screenshot looked at")
    void regionPage() throws Exception {
        Path page = home.reports().resolve("latest/ikm/33.74.html");
        String html = Files.readString(page);
        // Halmahera (81.48) is listed before Kedungmundu (100.00): the lowest first.
        assertThat(html.indexOf("Puskesmas Halmahera")).isLessThan(html.indexOf("Puskesmas Kedungmundu"));
        assertThat(html).contains("81,48", "B Baik", "100,00", "A Sangat baik", "\u25B2 +6,48", "dibanding Tahun 2024",
                "3 / 73", "belum memadai", "40 / 36", "memadai",
                "Sampel belum memadai: 3 responden, padahal untuk 90 pengguna layanan tabel Krejcie-Morgan mensyaratkan 73 (kurang 70)",
                "Penanganan pengaduan, saran dan masukan 2,67", "Sumber: halmahera 2025.xlsx", "../wilayah/33.74.html");
        // The region's SPM page and the summary link to the IKM.
        assertThat(home.reports().resolve("latest/wilayah/33.74.html")).content().contains("../ikm/33.74.html");
        assertThat(home.reports().resolve("latest/index.html")).content().contains("href=\"ikm.html\"");
        assertThat(home.reports().resolve("latest/ikm.html")).content().contains("Kota Semarang", "ikm/33.74.html");

        HeadlessChromium chromium = HeadlessChromium.installed();
        String dom = chromium.dom(page, temp.resolve("profile-dom"));
        assertThat(dom).contains("Kota Semarang", "Puskesmas Halmahera", "81,48", "U8");
        Path png = temp.resolve("ikm.png");
        chromium.screenshot(page, png, 1280, 2200, temp.resolve("profile-shot"));
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1280);
        Files.createDirectories(PantauHome.PROJECT.resolve("target"));
        Files.copy(png, PantauHome.PROJECT.resolve("target/report-ikm-33.74.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    @DisplayName("the region's PDF has an IKM section with both units, their band and sample")
    void pdfSection() throws Exception {
        Path pdf = home.reports().resolve("latest/pdf/Laporan SPM 33.74 Kota Semarang 2025.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Indeks Kepuasan Masyarakat unit layanan", "Puskesmas Halmahera", "81,48", "B Baik",
                    "Puskesmas Kedungmundu", "100,00", "A Sangat baik", "3 / 73", "+6,48");
            int page = 0;
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper one = new PDFTextStripper();
                one.setStartPage(p);
                one.setEndPage(p);
                if (one.getText(doc).contains("Indeks Kepuasan Masyarakat unit layanan")) {
                    page = p;
                }
            }
            assertThat(page).isPositive();
            pdftoppm(pdf, page);
        }
    }

    /** The PDF page as an image under target/, to look at (when poppler is installed). */
    private static void pdftoppm(Path pdf, int page) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/pdftoppm"))) {
            return;
        }
        Path out = PantauHome.PROJECT.resolve("target/report-ikm-pdf");
        Process p = new ProcessBuilder("/usr/bin/pdftoppm", "-f", String.valueOf(page), "-l", String.valueOf(page), "-r", "80",
                "-png", "-singlefile", pdf.toString(), out.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(PantauHome.PROJECT.resolve("target/report-ikm-pdf.png")).exists();
    }

    @Test
    @DisplayName("the workbook's IKM sheets hold numbers as numbers; the CSV files the same rows in the Indonesian dialect")
    void workbookAndCsv() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(home.reports().resolve("latest/hasil-spm.xlsx").toFile())) {
            XSSFSheet units = wb.getSheet("IKM unit layanan");
            assertThat(units.getLastRowNum()).isEqualTo(3);
            Row header = units.getRow(0);
            List<String> titles = new java.util.ArrayList<>();
            header.forEach(c -> titles.add(c.getStringCellValue()));
            // 2025 first, lowest first: Halmahera 2025, Kedungmundu 2025, Halmahera 2024.
            Row halmahera = units.getRow(1);
            assertThat(halmahera.getCell(titles.indexOf("Unit layanan")).getStringCellValue()).isEqualTo("Puskesmas Halmahera");
            assertThat(halmahera.getCell(titles.indexOf("IKM")).getNumericCellValue()).isEqualTo(81.48);
            assertThat(halmahera.getCell(titles.indexOf("Mutu pelayanan")).getStringCellValue()).isEqualTo("B Baik");
            assertThat(halmahera.getCell(titles.indexOf("Minimum sampel (Krejcie-Morgan)")).getNumericCellValue()).isEqualTo(73);
            assertThat(halmahera.getCell(titles.indexOf("Sampel memadai")).getStringCellValue()).isEqualTo("Tidak");
            assertThat(halmahera.getCell(titles.indexOf("IKM dengan bobot dibulatkan (pembanding)")).getNumericCellValue())
                    .isEqualTo(80.67);
            XSSFSheet unsur = wb.getSheet("IKM per unsur");
            assertThat(unsur.getLastRowNum()).isEqualTo(27); // 3 unit-periods x 9 unsur
        }
        Path csv = home.reports().resolve("latest/csv/ikm.csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFFregion_code;region_name;province_name;period_code;period_label;unit_name;unit_key;"
                + "ikm_regime;ikm_regime_code;respondents;ikm;ikm_band;ikm_band_code");
        assertThat(lines.get(1)).contains("33.74;Kota Semarang;Jawa Tengah;2025;", "Puskesmas Halmahera;puskesmas halmahera;",
                ";PERMENPANRB_14_2017;3;81,48;B Baik;B;90;73;false;", ";2200/27;halmahera 2025.xlsx;ikm-2026.1");
        assertThat(Files.readAllLines(home.reports().resolve("latest/csv/ikm-unsur.csv"))).hasSize(1 + 27)
                .anyMatch(l -> l.contains(";U8;Penanganan pengaduan, saran dan masukan;1;3;8;2,6667;66,67;C Kurang baik;C"));
    }
}
