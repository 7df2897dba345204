package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("XlsxReader: cells of a workbook as the spreadsheet program saved them")
class XlsxReaderTest {

    @TempDir
    Path dir;

    private Path workbook(String name, Consumer<XSSFWorkbook> fill) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            fill.accept(wb);
            wb.write(out);
        }
        return file;
    }

    private static List<RawRow> read(Path file) throws FileRefusedException {
        try (SpreadsheetReader.Opened opened = new XlsxReader().open(file)) {
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
    @DisplayName("numeric cells are numbers, text cells are text, rows numbered as Excel shows them")
    void numericAndTextCells() throws Exception {
        Path file = workbook("Dinkes Kota Semarang 2025.xlsx", wb -> {
            Sheet s = wb.createSheet("Data");
            s.createRow(0).createCell(0).setCellValue("LAPORAN SPM KESEHATAN");
            header(s, 2);
            Row r = s.createRow(3);
            r.createCell(0).setCellValue("33.74");
            r.createCell(1).setCellValue(2025);
            r.createCell(2).setCellValue("KES-K01.SASARAN");
            r.createCell(3).setCellValue(26412);
            Row d = s.createRow(4);
            d.createCell(0).setCellValue(33.74);
            d.createCell(3).setCellValue(87.5);
        });

        List<RawRow> rows = read(file);

        assertThat(rows).extracting(RawRow::rowNumber).containsExactly(1, 3, 4, 5);
        assertThat(rows).allSatisfy(r -> assertThat(r.sheet()).isEqualTo("Data"));
        RawRow data = rows.get(2);
        assertThat(data.cell(0)).isEqualTo(new CellValue.Text("33.74"));
        assertThat(data.cell(1)).isInstanceOfSatisfying(CellValue.Number.class,
                n -> assertThat(n.value()).isEqualByComparingTo("2025"));
        assertThat(data.cell(1).asText()).isEqualTo("2025");
        assertThat(data.cell(2)).isEqualTo(new CellValue.Text("KES-K01.SASARAN"));
        assertThat(data.cell(3)).isInstanceOfSatisfying(CellValue.Number.class,
                n -> assertThat(n.value()).isEqualByComparingTo("26412"));
        RawRow numbers = rows.get(3);
        assertThat(numbers.cell(0).asText()).isEqualTo("33.74");
        assertThat(numbers.cell(3)).isInstanceOfSatisfying(CellValue.Number.class,
                n -> assertThat(n.value()).isEqualByComparingTo("87.5"));
    }

    @Test
    @DisplayName("cells keep their column when cells to their left are empty (A and D filled, B and C not)")
    void gapsKeepColumns() throws Exception {
        Path file = workbook("gaps.xlsx", wb -> {
            Row r = wb.createSheet("Data").createRow(0);
            r.createCell(0).setCellValue("33.74");
            r.createCell(3).setCellValue(12);
        });

        RawRow row = read(file).get(0);

        assertThat(row.cell(0).asText()).isEqualTo("33.74");
        assertThat(row.cell(1).isBlank()).isTrue();
        assertThat(row.cell(2).isBlank()).isTrue();
        assertThat(row.cell(3)).isInstanceOfSatisfying(CellValue.Number.class,
                n -> assertThat(n.value()).isEqualByComparingTo("12"));
    }

    @Test
    @DisplayName("a formula with a cached result reads as that result")
    void formulaWithCachedValue() throws Exception {
        Path file = workbook("formula.xlsx", wb -> {
            Row r = wb.createSheet("Data").createRow(0);
            r.createCell(0).setCellValue(600);
            r.createCell(1).setCellValue(312);
            r.createCell(2).setCellFormula("A1+B1");
            r.createCell(3).setCellFormula("\"KES-K01\"&\".SASARAN\"");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        RawRow row = read(file).get(0);

        // 600 + 312 = 912
        assertThat(row.cell(2)).isInstanceOfSatisfying(CellValue.Number.class,
                n -> assertThat(n.value()).isEqualByComparingTo("912"));
        assertThat(row.cell(3)).isEqualTo(new CellValue.Text("KES-K01.SASARAN"));
    }

    @Test
    @DisplayName("a formula whose result is an error (#DIV/0!) reads as that error, never a zero")
    void formulaWithErrorResult() throws Exception {
        Path file = workbook("div0.xlsx", wb -> {
            Row r = wb.createSheet("Data").createRow(0);
            r.createCell(0).setCellValue(5);
            r.createCell(1).setCellValue(0);
            r.createCell(2).setCellFormula("A1/B1");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        CellValue c = read(file).get(0).cell(2);

        assertThat(c).isInstanceOf(CellValue.FormulaError.class);
        assertThat(c.display()).isEqualTo("#DIV/0!");
    }

    @Test
    @DisplayName("a formula saved without a cached result is FormulaWithoutResult, never a zero")
    void formulaWithoutCachedResult() throws Exception {
        Path file = workbook("uncached.xlsx", wb -> {
            Row r = wb.createSheet("Data").createRow(0);
            r.createCell(0).setCellValue(600);
            r.createCell(1).setCellValue(312);
            r.createCell(2).setCellFormula("A1+B1");
        });

        CellValue c = read(file).get(0).cell(2);

        assertThat(c).isInstanceOfSatisfying(CellValue.FormulaWithoutResult.class,
                f -> assertThat(f.formula()).isEqualTo("A1+B1"));
        assertThat(c.display()).isEqualTo("=A1+B1");
        assertThat(c.isBlank()).isFalse();
    }

    @Test
    @DisplayName("a formula result formatted as a percentage (=A1/B1 shown 95%) is the percentage 95, not 0.95")
    void percentFormattedFormulaResult() throws Exception {
        Path file = workbook("capaian.xlsx", wb -> {
            Row r = wb.createSheet("Data").createRow(0);
            r.createCell(0).setCellValue(19);
            r.createCell(1).setCellValue(20);
            var percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
            var cell = r.createCell(2);
            cell.setCellFormula("A1/B1");
            cell.setCellStyle(percent);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        // 19 / 20 = 0.95, shown as 95%
        assertThat(read(file).get(0).cell(2)).isInstanceOfSatisfying(CellValue.Percent.class,
                p -> assertThat(p.shown()).isEqualByComparingTo("95"));
    }

    @Test
    @DisplayName("a formula result formatted as a month (=DATE(2026;7;1) shown Jul-26) is the month 2026-07")
    void dateFormattedFormulaResult() throws Exception {
        Path file = workbook("bulan-rumus.xlsx", wb -> {
            Row r = wb.createSheet("Data").createRow(0);
            var month = wb.createCellStyle();
            month.setDataFormat(wb.createDataFormat().getFormat("mmm-yy"));
            var cell = r.createCell(0);
            cell.setCellFormula("DATE(2026,7,1)");
            cell.setCellStyle(month);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        assertThat(read(file).get(0).cell(0)).isEqualTo(new CellValue.Date(java.time.LocalDate.of(2026, 7, 1), false));
    }

    @Test
    @DisplayName("a formula whose result is the empty text (=IF(A1>10;\"besar\";\"\")) is an empty cell, not a formula without result")
    void emptyTextFormulaResult() throws Exception {
        Path file = workbook("kosong-rumus.xlsx", wb -> {
            Row r = wb.createSheet("Data").createRow(0);
            r.createCell(0).setCellValue(5);
            r.createCell(1).setCellFormula("IF(A1>10,\"besar\",\"\")");
            r.createCell(2).setCellFormula("A1>3");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        RawRow row = read(file).get(0);

        assertThat(row.cell(1).isBlank()).isTrue();
        assertThat(row.cell(2)).isEqualTo(new CellValue.Text("true")); // as a typed TRUE reads, never the number 1
    }

    @Test
    @DisplayName("dates of a workbook in the 1904 date system (old Mac Excel) read as the same day")
    void dates1904() throws Exception {
        Path file = workbook("1904.xlsx", wb -> {
            var pr = wb.getCTWorkbook().isSetWorkbookPr() ? wb.getCTWorkbook().getWorkbookPr() : wb.getCTWorkbook().addNewWorkbookPr();
            pr.setDate1904(true);
            assertThat(wb.isDate1904()).isTrue();
            var month = wb.createCellStyle();
            month.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            var cell = wb.createSheet("Data").createRow(0).createCell(0);
            cell.setCellValue(java.time.LocalDate.of(2026, 7, 1));
            cell.setCellStyle(month);
        });

        assertThat(read(file).get(0).cell(0)).isEqualTo(new CellValue.Date(java.time.LocalDate.of(2026, 7, 1), true));
    }

    @Test
    @DisplayName("every sheet is read in order, each row tagged with its sheet")
    void twoSheets() throws Exception {
        Path file = workbook("two.xlsx", wb -> {
            Sheet kes = wb.createSheet("Kesehatan");
            header(kes, 0);
            kes.createRow(1).createCell(0).setCellValue("33.74");
            Sheet pend = wb.createSheet("Pendidikan");
            header(pend, 0);
            pend.createRow(1).createCell(0).setCellValue("33.74");
            pend.createRow(2).createCell(0).setCellValue("33.74");
        });

        List<RawRow> rows = read(file);

        assertThat(rows).extracting(RawRow::sheet)
                .containsExactly("Kesehatan", "Kesehatan", "Pendidikan", "Pendidikan", "Pendidikan");
        assertThat(rows).extracting(RawRow::rowNumber).containsExactly(1, 2, 1, 2, 3);
        TabularLayout layout = new TabularLayout();
        assertThat(rows.stream().map(layout::accept).flatMap(java.util.Optional::stream)).hasSize(3);
        assertThat(layout.sheetsWithoutHeader()).isEmpty();
    }

    @Test
    @DisplayName("a text file renamed .xlsx is refused, saying it holds CSV: file_content_mismatch")
    void textRenamedXlsx() throws Exception {
        Path file = dir.resolve("laporan.xlsx");
        Files.writeString(file, "kode_wilayah,periode,kode_data,nilai\n33.74,2025,KES-K01.SASARAN,1\n", StandardCharsets.UTF_8);

        FileRefusedException e = refused(file);

        assertThat(e).isNotNull();
        assertThat(e.problem().code()).isEqualTo("file_content_mismatch");
        assertThat(e.problem().args()).containsExactly("xlsx", "CSV");
        assertThat(e.problem().severity()).isEqualTo(Problem.Severity.FILE_REFUSED);
    }

    @Test
    @DisplayName("an old .xls under an .xlsx name is not this reader's: it says what the file is (SpreadsheetFormats reads it as xls)")
    void ole2NamedXlsx() throws Exception {
        Path file = dir.resolve("lama.xlsx");
        try (Workbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("Data").createRow(0).createCell(0).setCellValue("kode_wilayah");
            wb.write(out);
        }

        FileRefusedException e = refused(file);

        assertThat(e).isNotNull();
        assertThat(e.problem().code()).isEqualTo("file_content_mismatch");
        assertThat(e.problem().args()).containsExactly("xlsx", "Excel 97-2003 .xls");
    }

    @Test
    @DisplayName("a password-protected workbook (Office's encrypted OLE2 container with EncryptionInfo) says so: file_encrypted")
    void encryptedWorkbook() throws Exception {
        byte[] plain = id.pantauspm.support.Workbooks.xlsx(wb -> header(wb.createSheet("Data"), 0));
        Path file = Files.write(dir.resolve("terkunci.xlsx"), id.pantauspm.support.Workbooks.encryptXlsx(plain, "rahasia"));

        FileRefusedException e = refused(file);

        assertThat(e).isNotNull();
        assertThat(e.problem().code()).isEqualTo("file_encrypted");
        assertThat(e.problem().severity()).isEqualTo(Problem.Severity.FILE_REFUSED);
    }

    @Test
    @DisplayName("a PDF named .xlsx is refused, saying it is a PDF")
    void pdfNamedXlsx() throws Exception {
        Path file = Files.writeString(dir.resolve("laporan.xlsx"), "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

        FileRefusedException e = refused(file);

        assertThat(e.problem().code()).isEqualTo("file_content_mismatch");
        assertThat(e.problem().args()).containsExactly("xlsx", "PDF");
    }

    @Test
    void emptyFileIsRefused() throws Exception {
        Path file = dir.resolve("kosong.xlsx");
        Files.write(file, new byte[0]);
        assertThat(refused(file).problem().code()).isEqualTo("file_zero_bytes");
    }

    @Test
    @DisplayName("a truncated workbook (its zip directory at the end is missing) is refused: file_truncated")
    void truncatedWorkbook() throws Exception {
        Path good = workbook("good.xlsx", wb -> header(wb.createSheet("Data"), 0));
        byte[] bytes = Files.readAllBytes(good);
        Path file = dir.resolve("laporan-rusak.xlsx");
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        FileRefusedException e = catchThrowableOfType(FileRefusedException.class, () -> read(file));

        assertThat(e).isNotNull();
        assertThat(e.problem().code()).isEqualTo("file_truncated");
        assertThat(e.problem().args()).isEmpty();
    }

    @Test
    @DisplayName("a workbook damaged inside (its directory intact) is refused as corrupt, and the reason does not show the machine path")
    void damagedWorkbook() throws Exception {
        Path good = workbook("good.xlsx", wb -> header(wb.createSheet("Data"), 0));
        byte[] bytes = Files.readAllBytes(good);
        java.util.Arrays.fill(bytes, 0, bytes.length / 2, (byte) 'x');
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 3;
        bytes[3] = 4;
        Path file = Files.write(dir.resolve("laporan-rusak.xlsx"), bytes);

        FileRefusedException e = refused(file);

        assertThat(e).isNotNull();
        assertThat(e.problem().code()).isEqualTo("file_corrupt");
        assertThat(String.join(" ", e.problem().args())).doesNotContain(dir.toString());
    }

    @Test
    void takesXlsxAndXlsm() {
        assertThat(new XlsxReader().extensions()).containsExactlyInAnyOrder("xlsx", "xlsm");
    }

    @Test
    @DisplayName("text numbers in a workbook are read in the Indonesian convention (decimal comma)")
    void convention() throws Exception {
        Path file = workbook("c.xlsx", wb -> wb.createSheet("Data").createRow(0).createCell(0).setCellValue("1.234"));
        try (SpreadsheetReader.Opened opened = new XlsxReader().open(file)) {
            assertThat(opened.convention()).isEqualTo(DecimalConvention.COMMA);
        }
    }

    @Test
    @DisplayName("a numeric cell keeps its exact decimal value (0.1 + 0.2 style noise is not introduced)")
    void exactDecimals() throws Exception {
        Path file = workbook("d.xlsx", wb -> wb.createSheet("Data").createRow(0).createCell(0).setCellValue(1250000.5));
        assertThat(read(file).get(0).cell(0)).isInstanceOfSatisfying(CellValue.Number.class,
                n -> assertThat(n.value()).isEqualTo(new BigDecimal("1250000.5")));
    }

    /** Reads a one-sheet tabular workbook through layout and parser, as the nightly job does. */
    private static List<ParsedRow> parseAll(Path file) throws FileRefusedException {
        RowParser parser = new RowParser(new id.pantauspm.catalogue.CatalogueLoader().load(Path.of("indicators")),
                id.pantauspm.regions.RegionDirectory.official());
        TabularLayout layout = new TabularLayout();
        try (SpreadsheetReader.Opened opened = new XlsxReader().open(file)) {
            return opened.rows().map(layout::accept).flatMap(java.util.Optional::stream)
                    .map(r -> parser.parse(r, opened.convention())).toList();
        }
    }

    @Test
    @DisplayName("a cell typed as 95% in Excel (stored 0.95, shown 95%) is 95 for a percentage measure")
    void percentFormattedCell() throws Exception {
        Path file = workbook("persen.xlsx", wb -> {
            Sheet s = wb.createSheet("Data");
            header(s, 0);
            Row r = s.createRow(1);
            r.createCell(0).setCellValue("33.74");
            r.createCell(1).setCellValue("2025");
            r.createCell(2).setCellValue("KES-K01.TAHAP1_PENGUMPULAN_DATA");
            var percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
            var cell = r.createCell(3);
            cell.setCellValue(0.95);   // what Excel stores when a clerk types 95%
            cell.setCellStyle(percent);
        });

        ParsedRow parsed = parseAll(file).get(0);

        assertThat(parsed.accepted()).isTrue();
        assertThat(parsed.value().amount()).isEqualByComparingTo("95");
    }

    @Test
    @DisplayName("a month typed as 2026-07 that Excel turned into a date cell is the period 2026-07")
    void monthThatExcelTurnedIntoADate() throws Exception {
        Path file = workbook("bulan.xlsx", wb -> {
            Sheet s = wb.createSheet("Data");
            header(s, 0);
            Row r = s.createRow(1);
            r.createCell(0).setCellValue("33.74");
            var date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("mmm-yy"));
            var cell = r.createCell(1);
            cell.setCellValue(java.time.LocalDate.of(2026, 7, 1));   // Excel's reading of "2026-07"
            cell.setCellStyle(date);
            r.createCell(2).setCellValue("KES-K01.TERLAYANI");
            r.createCell(3).setCellValue(812);
        });

        ParsedRow parsed = parseAll(file).get(0);

        assertThat(parsed.problems()).extracting(Problem::code).doesNotContain("period_unreadable");
        assertThat(parsed.value().periodCode()).isEqualTo("2026-07");
    }
}
