package id.pantauspm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.pantauspm.ingest.CellText;
import id.pantauspm.job.RunSummary;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.Surveys;
import id.pantauspm.support.TestDatabase;

/**
 * Issue 10, point 4: what offices write reaches every output inert. A unit name that starts like a formula stays
 * text in the workbook and the CSV; markup in a note or a unit name is escaped in HTML and in the XHTML of the PDF;
 * control characters never reach any output.
 */
@DisplayName("Inert outputs: formulas stay text, markup is escaped, control characters are gone")
class InertOutputsTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+62 812 555", "-stok habis", "@SUM(A1)", "\t=1+1", "\uFF1D1+1"})
    @DisplayName("CSV: text a spreadsheet program would run as a formula gets an apostrophe")
    void csvFormulaText(String text) {
        assertThat(CsvExport.inert(text)).isEqualTo("'" + text);
    }

    @Test
    @DisplayName("CSV: ordinary text and numbers (a negative change too) are written as they are")
    void csvOrdinary() {
        assertThat(CsvExport.inert("Puskesmas Halmahera")).isEqualTo("Puskesmas Halmahera");
        assertThat(CsvExport.inert("")).isEmpty();
        // numbers never go through the text path: -1.5 stays a number for a BI tool
        assertThat(CsvExport.number(new java.math.BigDecimal("-1.50"), ResultTables.Type.CHANGE, new CsvExport.Dialect(',', '.')))
                .isEqualTo("-1.50");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x00, 0x01, 0x07, 0x08, 0x0E, 0x1B, 0x1F, 0x7F, 0x85, 0x9F, 0x202E, 0x2066, 0xFFFE, 0xFFFF, 0xD800, 0xDC00})
    @DisplayName("every control character class is gone where text is read (tab, VT, FF read as a space)")
    void controlCharacters(int c) {
        String cleaned = CellText.clean("stok" + (char) c + "habis");
        assertThat(cleaned).isEqualTo("stokhabis");
        assertThat(CellText.clean("a\u000Bb\tc\u000Cd")).isEqualTo("a b c d");
        assertThat(CellText.clean("baris satu\r\nbaris dua\rtiga")).isEqualTo("baris satu\nbaris dua\ntiga");
        // a whole surrogate pair (an emoji) is kept
        assertThat(CellText.clean("ok \uD83D\uDE00")).isEqualTo("ok \uD83D\uDE00");
    }

    @Test
    @DisplayName("a night with hostile names and notes: workbook, CSV, HTML and PDF all carry them as inert text")
    void everyOutput() throws Exception {
        PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp));
        Files.createDirectories(home.inbox());
        Files.write(home.inbox().resolve("survei formula.xlsx"), Surveys.wide("=1+2 Puskesmas", "2025", 90, Surveys.THREE));
        Files.write(home.inbox().resolve("survei markup.xlsx"),
                Surveys.wide("<script>alert('x')</script> Puskesmas", "2025", 90, Surveys.THREE));
        home.write("dinkes semarang.csv", "kode_wilayah;periode;kode_data;nilai;keterangan\n"
                + "33.74;2025;KES-K01.SASARAN;1000;\n"
                + "33.74;2025;KES-K01.TERLAYANI;900;\"=HYPERLINK(\"\"http://contoh\"\") <img src=x onerror=alert(1)> & stok\u0007 habis\"\n");

        RunSummary night = home.run();
        assertThat(night.failed()).as("%s", night.failure()).isFalse();
        Path latest = home.reports().resolve("latest");

        // CSV: the unit name is prefixed, so Excel shows it and never computes 3.
        assertThat(Files.readString(latest.resolve("csv/ikm.csv"), StandardCharsets.UTF_8)).contains("'=1+2 Puskesmas")
                .doesNotContain(";=1+2").doesNotContain(",=1+2");
        // Workbook: a text cell with the quote prefix, never a formula cell.
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(latest.resolve("hasil-spm.xlsx")))) {
            List<Cell> found = new ArrayList<>();
            for (Sheet s : wb) {
                for (Row r : s) {
                    for (Cell c : r) {
                        assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
                        if (c.getCellType() == CellType.STRING && c.getStringCellValue().startsWith("=1+2")) {
                            found.add(c);
                        }
                    }
                }
            }
            assertThat(found).isNotEmpty().allMatch(c -> c.getCellStyle().getQuotePrefixed());
        }
        // HTML: markup written by offices is shown, escaped, never live.
        try (Stream<Path> pages = Files.walk(latest)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(page);
                assertThat(html).as(page.toString()).doesNotContain("<script>alert", "<img src=x", "\u0007");
            }
        }
        assertThat(latest.resolve("ikm/33.74.html")).content().contains("&lt;script&gt;alert(");
        // PDF: the XHTML stayed well formed, so the region's PDF was written, with the note as text.
        try (Stream<Path> pdfs = Files.list(latest.resolve("pdf"))) {
            Path pdf = pdfs.filter(p -> p.getFileName().toString().contains("33.74")).findFirst().orElseThrow();
            assertThat(Files.size(pdf)).isPositive();
            if (Files.isExecutable(Path.of("/usr/bin/pdftotext"))) {
                Process p = new ProcessBuilder("pdftotext", pdf.toString(), "-").redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                assertThat(text.replaceAll("\\s+", " ")).contains("=HYPERLINK(\"http://contoh\") <img src=x onerror=alert", "& stok habis");
            }
        }
    }
}
