package id.pantauspm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormatting;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbook writer on results made by hand: the language, edge cases and volume. */
@DisplayName("XlsxReport on results made by hand")
class XlsxReportTest {

    @TempDir
    Path temp;

    static final LocalDate GENERATED = LocalDate.of(2026, 11, 27);

    @Test
    void inEnglishSheetsHeadersCategoriesAndTheAboutSheetAreEnglish() throws Exception {
        try (XSSFWorkbook workbook = write(ResultFixtures.small(), "en")) {
            List<String> names = new ArrayList<>();
            workbook.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("About", "Regions", "Fields", "Services", "Indicators", "Province roll-ups",
                    "Roll-up fields", "Roll-up services", "Roll-up indicators", "IKM of service units", "IKM by unsur");
            XSSFSheet services = workbook.getSheet("Services");
            assertThat(headers(services)).containsKeys("Region code", "Target population", "Served to standard", "Still to serve",
                    "Recipient achievement uncapped (%)", "Quality achievement (%)", "Mutu items reported", "Service index",
                    "Category", "Status", "Warnings", "Rule version");
            Map<String, Integer> c = headers(services);
            Row k02 = services.getRow(3);
            assertThat(k02.getCell(c.get("Service code")).getStringCellValue()).isEqualTo("KES-K02");
            assertThat(k02.getCell(c.get("Category")).getStringCellValue()).isEqualTo("Tuntas Utama (met, primary)");
            assertThat(k02.getCell(c.get("Warnings")).getStringCellValue()).startsWith("More served than the target population");
            assertThat(k02.getCell(c.get("Quality achievement (%)")).getNumericCellValue()).isEqualTo(50.0);
            assertThat(k02.getCell(c.get("Mutu items reported")).getNumericCellValue()).isEqualTo(2.0);
            String category = org.apache.poi.ss.util.CellReference.convertNumToColString(c.get("Category")) + "2";
            assertThat(formulas(services, c.get("Category"))).hasSize(6)
                    .contains(category + "=\"Tuntas Utama (met, primary)\"", category + "=\"Belum Tuntas (not met)\"");

            String about = text(workbook.getSheet("About"));
            assertThat(about).contains("Minimum Service Standards (SPM) Achievement Results", "Generated", "27 November 2026",
                    "2026.2: valid from 1 January 2019, until 31 December 2023", "Quarter 2 2026 (cumulative since January)",
                    "Tuntas Paripurna (fully met)", "Not computable yet", "never 0", "README.txt");
        }
    }

    @Test
    void aQuarterWithoutAPreviousPeriodAndARegionWithoutAnyResultLeaveCellsEmpty() throws Exception {
        try (XSSFWorkbook workbook = write(ResultFixtures.small(), "id")) {
            XSSFSheet regions = workbook.getSheet("Wilayah");
            Map<String, Integer> c = headers(regions);
            // Newest period first, ranked; a region without an index has no rank.
            assertThat(regionsAndPeriods(regions, c)).containsExactly("33.74 2026-TW2", "33.01 2026-TW2", "33.74 2026-TW1");
            Row tw2 = regions.getRow(1);
            assertThat(tw2.getCell(c.get("Peringkat")).getNumericCellValue()).isEqualTo(1);
            assertThat(tw2.getCell(c.get("Periode sebelumnya")).getStringCellValue()).isEqualTo("2026-TW1");
            assertThat(tw2.getCell(c.get("Indeks periode sebelumnya")).getNumericCellValue()).isEqualTo(72.50);
            assertThat(tw2.getCell(c.get("Perubahan (poin)")).getNumericCellValue()).isEqualTo(2.75);
            Row cilacap = regions.getRow(2);
            assertEmpty(cilacap, c, "Peringkat", "IP-SPM (Indeks Pencapaian SPM)", "Kategori", "Indeks periode sebelumnya", "Perubahan (poin)");
            assertThat(cilacap.getCell(c.get("Periode belum dilaporkan")).getStringCellValue()).isEqualTo("2026-TW1");
            // The first quarter compares with nothing: cumulative figures restart in January.
            Row tw1 = regions.getRow(3);
            assertEmpty(tw1, c, "Periode sebelumnya", "Indeks periode sebelumnya", "Perubahan (poin)",
                    "Indeks periode sama tahun lalu", "Perubahan thd tahun lalu (poin)");
            assertThat(tw1.getCell(c.get("Tahun dari triwulan")).getStringCellValue()).isEqualTo("Tidak");

            XSSFSheet services = workbook.getSheet("Layanan");
            Map<String, Integer> s = headers(services);
            Row fraction = services.getRow(2); // 33.74 TW2 KES-K01, 21,580.5 served
            assertThat(fraction.getCell(s.get("Terlayani sesuai standar")).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(fraction.getCell(s.get("Belum terlayani")).getNumericCellValue()).isEqualTo(7097.5);
            assertThat(fraction.getCell(s.get("Rencana daerah (%)")).getNumericCellValue()).isEqualTo(75.0);
            Row none = services.getRow(1); // 33.01 first by code
            assertThat(none.getCell(s.get("Kode wilayah")).getStringCellValue()).isEqualTo("33.01");
            assertEmpty(none, s, "Sasaran", "Terlayani sesuai standar", "Belum terlayani", "Capaian penerima (%)",
                    "Capaian mutu (%)", "Indeks layanan", "Kategori", "Peringatan");
            assertThat(none.getCell(s.get("Butir mutu dilaporkan")).getNumericCellValue()).isZero();

            XSSFSheet indicators = workbook.getSheet("Indikator");
            Map<String, Integer> i = headers(indicators);
            Row percent = indicators.getRow(2);
            assertThat(percent.getCell(i.get("Nilai")).getCellStyle().getDataFormatString()).isEqualTo("0.00");
            assertThat(percent.getCell(i.get("Satuan")).getStringCellValue()).isEqualTo("persen");
            assertEmpty(indicators.getRow(1), i, "Nilai", "Rencana daerah");

            XSSFSheet rollup = workbook.getSheet("Gabungan layanan");
            Map<String, Integer> r = headers(rollup);
            assertThat(rollup.getRow(1).getCell(r.get("Kab/kota dijumlahkan")).getNumericCellValue()).isEqualTo(2);
            assertThat(headers(services)).doesNotContainKey("Kab/kota dijumlahkan");
        }
    }

    @Test
    void noResultsAtAllStillMakeAWorkbookWithHeadersAndTheAboutSheet() throws Exception {
        try (XSSFWorkbook workbook = write(new ReportData(List.of(), List.of(), List.of(), List.of()), "id")) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(11); // about, 8 SPM sheets, 2 IKM sheets
            XSSFSheet regions = workbook.getSheet("Wilayah");
            assertThat(regions.getLastRowNum()).isZero();
            assertThat(regions.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(text(workbook.getSheet("Keterangan"))).contains("2026.3", "Tuntas Paripurna");
        }
    }

    @Test
    void everyKabupatenAndKotaWithEveryServiceIsStreamedIntoTheWorkbook() throws Exception {
        ReportData data = ResultFixtures.national(List.of("2026-TW2"));
        ResultTables tables = ResultFixtures.tables(data, "id");
        Map<String, Long> expected = new HashMap<>();
        for (ResultTables.Table t : tables.tables()) {
            try (Stream<Object[]> rows = t.rows()) {
                expected.put(ResultFixtures.format("id").msg("workbook.sheet." + t.key()), rows.count());
            }
        }
        assertThat(expected.get("Layanan")).isGreaterThan(14_000);
        Path file = new XlsxReport(GENERATED).write(tables, temp.resolve("hasil-spm.xlsx"));

        // Read back with a streaming reader: a row count per sheet, the header excluded.
        try (InputStream in = Files.newInputStream(file); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            for (var sheet : workbook.getSheets().toList()) {
                if (!expected.containsKey(sheet.getName())) {
                    continue;
                }
                try (Stream<org.dhatim.fastexcel.reader.Row> rows = sheet.openStream()) {
                    assertThat(rows.count() - 1).as(sheet.getName()).isEqualTo(expected.get(sheet.getName()));
                }
            }
        }
        assertThat(Files.list(temp)).extracting(p -> p.getFileName().toString()).containsExactly("hasil-spm.xlsx");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private XSSFWorkbook write(ReportData data, String language) throws Exception {
        Path file = new XlsxReport(GENERATED).write(ResultFixtures.tables(data, language), temp.resolve("hasil-spm.xlsx"));
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    static Map<String, Integer> headers(XSSFSheet sheet) {
        Map<String, Integer> byText = new HashMap<>();
        sheet.getRow(0).forEach(cell -> byText.put(cell.getStringCellValue(), cell.getColumnIndex()));
        return byText;
    }

    private static List<String> regionsAndPeriods(XSSFSheet sheet, Map<String, Integer> c) {
        List<String> keys = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            keys.add(row.getCell(c.get("Kode wilayah")).getStringCellValue() + " " + row.getCell(c.get("Periode")).getStringCellValue());
        }
        return keys;
    }

    private static List<String> formulas(XSSFSheet sheet, int column) {
        List<String> formulas = new ArrayList<>();
        var cf = sheet.getSheetConditionalFormatting();
        for (int i = 0; i < cf.getNumConditionalFormattings(); i++) {
            XSSFConditionalFormatting f = cf.getConditionalFormattingAt(i);
            if (f.getFormattingRanges()[0].getFirstColumn() == column) {
                for (int k = 0; k < f.getNumberOfRules(); k++) {
                    formulas.add(f.getRule(k).getFormula1());
                }
            }
        }
        return formulas;
    }

    private static String text(XSSFSheet sheet) {
        StringBuilder all = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> {
            if (cell.getCellType() == CellType.STRING) {
                all.append(cell.getStringCellValue()).append('\n');
            }
        }));
        return all.toString();
    }

    private static void assertEmpty(Row row, Map<String, Integer> columns, String... headers) {
        for (String header : headers) {
            assertThat(columns).containsKey(header);
            Cell cell = row.getCell(columns.get(header));
            assertThat(cell == null || cell.getCellType() == CellType.BLANK).as("%s of row %d is empty", header, row.getRowNum()).isTrue();
        }
    }
}
