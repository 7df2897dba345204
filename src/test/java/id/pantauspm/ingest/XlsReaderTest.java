package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.Workbooks;

@DisplayName("XlsReader: Excel 97-2003 workbooks read with the same rules as xlsx")
class XlsReaderTest {

    @TempDir
    Path dir;

    private Path xls(String name, Consumer<HSSFWorkbook> fill) throws Exception {
        return Files.write(dir.resolve(name), Workbooks.xls(fill));
    }

    private static List<RawRow> read(Path file) throws FileRefusedException {
        try (SpreadsheetReader.Opened opened = new XlsReader().open(file)) {
            return opened.rows().toList();
        }
    }

    private static FileRefusedException refused(Path file) {
        return catchThrowableOfType(FileRefusedException.class, () -> read(file));
    }

    private static void header(Sheet sheet, int rowIndex) {
        Row h = sheet.createRow(rowIndex);
        String[] names = {"kode_wilayah", "periode", "kode_data", "nilai"};
        for (int i = 0; i < names.length; i++) {
            h.createCell(i).setCellValue(names[i]);
        }
    }

    @Test
    @DisplayName("numbers, text and gaps; rows numbered as Excel shows them (1-based), titles included")
    void cellsAndRowNumbers() throws Exception {
        Path file = xls("Dinkes Kudus 2025.xls", wb -> {
            Sheet s = wb.createSheet("Data");
            s.createRow(0).createCell(0).setCellValue("LAPORAN SPM KESEHATAN KABUPATEN KUDUS");
            header(s, 3);
            Row r = s.createRow(4);
            r.createCell(0).setCellValue("33.19");
            r.createCell(1).setCellValue(2025);
            r.createCell(2).setCellValue("KES-K01.SASARAN");
            r.createCell(3).setCellValue(14_210);
            Row gap = s.createRow(5);
            gap.createCell(0).setCellValue("33.19");
            gap.createCell(3).setCellValue(0.1 + 0.2);
        });

        List<RawRow> rows = read(file);

        assertThat(rows).extracting(RawRow::rowNumber).containsExactly(1, 4, 5, 6);
        assertThat(rows).allSatisfy(r -> assertThat(r.sheet()).isEqualTo("Data"));
        RawRow data = rows.get(2);
        assertThat(data.cell(0)).isEqualTo(new CellValue.Text("33.19"));
        assertThat(data.cell(1).asText()).isEqualTo("2025");
        assertThat(data.cell(3)).isInstanceOfSatisfying(CellValue.Number.class, n -> assertThat(n.value()).isEqualByComparingTo("14210"));
        RawRow gaps = rows.get(3);
        assertThat(gaps.cell(1).isBlank()).isTrue();
        assertThat(gaps.cell(2).isBlank()).isTrue();
        // the double Excel stores (0.30000000000000004) read at Excel's 15 significant digits, as Excel shows it
        assertThat(gaps.cell(3)).isEqualTo(new CellValue.Number(new java.math.BigDecimal("0.3")));
    }

    @Test
    @DisplayName("cached formula results are used; errors (#DIV/0!, #REF!, #VALUE!, #N/A) are errors, never zero")
    void formulaResultsAndErrors() throws Exception {
        Path file = xls("rumus.xls", wb -> {
            Row r = wb.createSheet("Data").createRow(0);
            r.createCell(0).setCellValue(600);
            r.createCell(1).setCellValue(312);
            r.createCell(2).setCellFormula("A1+B1");
            r.createCell(3).setCellFormula("A1/0");
            r.createCell(4).setCellFormula("#REF!+1");
            r.createCell(5).setCellFormula("\"abc\"+1");
            r.createCell(6).setCellFormula("NA()");
            r.createCell(7).setCellFormula("\"KES-K01\"&\".SASARAN\"");
            r.createCell(8).setCellFormula("IF(A1>1000,\"besar\",\"\")");
            r.createCell(9).setCellFormula("A1>3");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        RawRow row = read(file).get(0);

        assertThat(row.cell(2)).isInstanceOfSatisfying(CellValue.Number.class, n -> assertThat(n.value()).isEqualByComparingTo("912"));
        assertThat(row.cell(3)).isEqualTo(new CellValue.FormulaError("#DIV/0!"));
        assertThat(row.cell(4)).isEqualTo(new CellValue.FormulaError("#REF!"));
        assertThat(row.cell(5)).isEqualTo(new CellValue.FormulaError("#VALUE!"));
        assertThat(row.cell(6)).isEqualTo(new CellValue.FormulaError("#N/A"));
        assertThat(row.cell(7)).isEqualTo(new CellValue.Text("KES-K01.SASARAN"));
        assertThat(row.cell(8).isBlank()).isTrue();
        assertThat(row.cell(9)).isEqualTo(new CellValue.Text("true"));
    }

    @Test
    @DisplayName("a formula saved without computing it (POI stores 0 and asks for recalculation) is FormulaWithoutResult, never 0")
    void formulaWithoutResult() throws Exception {
        Path file = xls("tanpa-hasil.xls", wb -> {
            Row r = wb.createSheet("Data").createRow(0);
            r.createCell(0).setCellValue(600);
            r.createCell(1).setCellValue(312);
            r.createCell(2).setCellFormula("A1+B1");   // never computed: the file says 0
            r.createCell(3).setCellFormula("A1-A1");   // never computed either, but 0 is its true value
        });

        RawRow row = read(file).get(0);

        assertThat(row.cell(2)).isEqualTo(new CellValue.FormulaWithoutResult("A1+B1"));
        assertThat(row.cell(2).display()).isEqualTo("=A1+B1");
        assertThat(row.cell(3)).isInstanceOfSatisfying(CellValue.Number.class, n -> assertThat(n.value()).isZero());
    }

    @Test
    @DisplayName("a computed 0 written by POI is 0 (the cached value agrees with the formula)")
    void computedZero() throws Exception {
        Path file = xls("nol.xls", wb -> {
            Row r = wb.createSheet("Data").createRow(0);
            r.createCell(0).setCellValue(5);
            r.createCell(1).setCellFormula("A1*0");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        assertThat(read(file).get(0).cell(1)).isInstanceOfSatisfying(CellValue.Number.class, n -> assertThat(n.value()).isZero());
    }

    @Test
    @DisplayName("a cell typed 95% is the percentage 95; a month typed 2026-07 (a date shown without day) is 2026-07")
    void percentAndDateCells() throws Exception {
        Path file = xls("format.xls", wb -> {
            Row r = wb.createSheet("Data").createRow(0);
            var percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
            var p = r.createCell(0);
            p.setCellValue(0.95);
            p.setCellStyle(percent);
            var month = wb.createCellStyle();
            month.setDataFormat(wb.createDataFormat().getFormat("mmm-yy"));
            var d = r.createCell(1);
            d.setCellValue(LocalDate.of(2026, 7, 1));
            d.setCellStyle(month);
            var day = wb.createCellStyle();
            day.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            var full = r.createCell(2);
            full.setCellValue(LocalDate.of(2026, 7, 14));
            full.setCellStyle(day);
            var ratio = r.createCell(3);
            ratio.setCellFormula("19/20");
            ratio.setCellStyle(percent);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        RawRow row = read(file).get(0);

        assertThat(row.cell(0)).isInstanceOfSatisfying(CellValue.Percent.class, c -> assertThat(c.shown()).isEqualByComparingTo("95"));
        assertThat(row.cell(1)).isEqualTo(new CellValue.Date(LocalDate.of(2026, 7, 1), false));
        assertThat(row.cell(1).asText()).isEqualTo("2026-07");
        assertThat(row.cell(2)).isEqualTo(new CellValue.Date(LocalDate.of(2026, 7, 14), true));
        assertThat(row.cell(3)).isInstanceOfSatisfying(CellValue.Percent.class, c -> assertThat(c.shown()).isEqualByComparingTo("95"));
    }

    @Test
    @DisplayName("every sheet is read in order, each row tagged with its sheet")
    void severalSheets() throws Exception {
        Path file = xls("dua.xls", wb -> {
            wb.createSheet("Petunjuk").createRow(0).createCell(0).setCellValue("Isi kolom nilai saja.");
            Sheet kes = wb.createSheet("Kesehatan");
            header(kes, 0);
            kes.createRow(1).createCell(0).setCellValue("33.74");
        });

        List<RawRow> rows = read(file);

        assertThat(rows).extracting(RawRow::sheet).containsExactly("Petunjuk", "Kesehatan", "Kesehatan");
        assertThat(rows).extracting(RawRow::rowNumber).containsExactly(1, 1, 2);
    }

    @Test
    @DisplayName("a workbook with a password to open: file_encrypted")
    void encrypted() throws Exception {
        Path file = Files.write(dir.resolve("terkunci.xls"), Workbooks.encryptedXls("rahasia", wb -> header(wb.createSheet("Data"), 0)));

        FileRefusedException e = refused(file);

        assertThat(e).isNotNull();
        assertThat(e.problem().code()).isEqualTo("file_encrypted");
    }

    @Test
    @DisplayName("an HTML table saved with an .xls name (as many web applications export) says it is HTML")
    void htmlNamedXls() throws Exception {
        Path file = Files.writeString(dir.resolve("export.xls"), "<html><body><table><tr><td>kode_wilayah</td></tr></table></body></html>");

        FileRefusedException e = refused(file);

        assertThat(e.problem().code()).isEqualTo("file_content_mismatch");
        assertThat(e.problem().args()).containsExactly("xls", "HTML");
    }

    @Test
    @DisplayName("a truncated xls is refused as corrupt, without the machine path")
    void truncated() throws Exception {
        byte[] whole = Workbooks.xls(wb -> {
            Sheet s = wb.createSheet("Data");
            for (int i = 0; i < 200; i++) {
                s.createRow(i).createCell(0).setCellValue("baris " + i);
            }
        });
        Path file = Files.write(dir.resolve("terpotong.xls"), java.util.Arrays.copyOf(whole, whole.length / 2));

        FileRefusedException e = refused(file);

        assertThat(e).isNotNull();
        assertThat(e.problem().code()).isEqualTo("file_corrupt");
        assertThat(String.join(" ", e.problem().args())).doesNotContain(dir.toString());
    }

    @Test
    @DisplayName("read through SpreadsheetFormats: an .xls named .xlsx is read as xls, and the receipt says so")
    void xlsNamedXlsxIsReadByContent() throws Exception {
        Path file = Files.write(dir.resolve("laporan.xlsx"), Workbooks.xls(wb -> header(wb.createSheet("Data"), 0)));

        try (SpreadsheetReader.Opened opened = SpreadsheetFormats.standard().open(file)) {
            assertThat(opened.rows().toList()).singleElement().satisfies(r -> assertThat(r.cell(0).asText()).isEqualTo("kode_wilayah"));
            assertThat(opened.notes()).singleElement().satisfies(n -> {
                assertThat(n.code()).isEqualTo("file_read_as_content");
                assertThat(n.severity()).isEqualTo(Problem.Severity.NOTE);
                assertThat(n.args()).containsExactly("xlsx", "Excel 97-2003 .xls");
            });
        }
    }

    @Test
    @DisplayName("read through SpreadsheetFormats: an .xlsx named .xls is read as xlsx, and the receipt says so")
    void xlsxNamedXlsIsReadByContent() throws Exception {
        Path file = Files.write(dir.resolve("laporan.xls"), Workbooks.xlsx(wb -> header(wb.createSheet("Data"), 0)));

        try (SpreadsheetReader.Opened opened = SpreadsheetFormats.standard().open(file)) {
            assertThat(opened.rows().toList()).hasSize(1);
            assertThat(opened.notes()).extracting(Problem::args).containsExactly(List.of("xls", "Excel .xlsx"));
        }
    }

    @Test
    void takesXls() {
        assertThat(new XlsReader().extensions()).containsExactly("xls");
    }
}
