package id.pantauspm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormatting;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.MessageSource;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;

import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;

/**
 * The results workbook and CSV files of a real run on the bundled samples, plus a region whose
 * only file reports nothing ("-" for every value) and a year before the samples' for Kota Semarang,
 * checked against the result tables row by row.
 */
@DisplayName("The results workbook (hasil-spm.xlsx) and CSV files")
class ResultWorkbookTest {

    @TempDir
    static Path temp;

    static PantauHome home;
    static XSSFWorkbook workbook;
    /** Every row of the four result tables, by table and scope, read once after the run. */
    static final Map<String, List<Map<String, Object>>> DB = new HashMap<>();
    static final MessageSource MESSAGES = Messages.create();
    static final Locale ID = Locale.forLanguageTag("id");

    /** Sheet, CSV file, scope and the result table with its key columns. */
    record Level(String sheet, String csv, String scope, String table, String key) {
    }

    static final List<Level> LEVELS = List.of(
            new Level("Wilayah", "wilayah", "OWN", "region_result", null),
            new Level("Bidang", "bidang", "OWN", "field_result", "field_code"),
            new Level("Layanan", "layanan", "OWN", "service_result", "service_code"),
            new Level("Indikator", "indikator", "OWN", "indicator_result", "indicator_code"),
            new Level("Gabungan provinsi", "gabungan-provinsi", "ROLLUP", "region_result", null),
            new Level("Gabungan bidang", "gabungan-bidang", "ROLLUP", "field_result", "field_code"),
            new Level("Gabungan layanan", "gabungan-layanan", "ROLLUP", "service_result", "service_code"),
            new Level("Gabungan indikator", "gabungan-indikator", "ROLLUP", "indicator_result", "indicator_code"));

    /** Workbook column id to database column, for every number the database holds. */
    static final Map<String, Map<String, String>> NUMBERS = Map.of(
            "region_result", ordered("region_index", "region_index", "services_reported", "services_computed",
                    "services_due", "services_due", "provisional_index", "provisional_index"),
            "field_result", ordered("field_index", "field_index", "services_reported", "services_computed",
                    "services_due", "services_due", "services_total", "services_total", "provisional_index", "provisional_index"),
            "service_result", ordered("target_population", "target_population", "served", "served",
                    "recipient_pct_uncapped", "recipient_pct_uncapped", "recipient_pct", "recipient_pct",
                    "plan_target", "plan_target", "quality_pct", "quality_pct", "mutu_items", "mutu_items",
                    "service_index", "service_index"),
            "indicator_result", ordered("indicator_value", "indicator_value", "target", "target",
                    "indicator_plan", "plan_target"));

    @BeforeAll
    static void runOnSamplesWithEdgeCases() throws IOException {
        home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp)).samplesMode();
        String header = "kode_wilayah;periode;kode_data;nilai\n";
        // Kabupaten Cilacap sent a file with every value left out: a region with no data.
        home.write("Dinkes Cilacap 2025.csv", header + "33.01;2025;KES-K01.SASARAN;-\n33.01;2025;KES-K01.TERLAYANI;-\n");
        // Kota Semarang's 2024, so that its 2025 has a previous year; no other region has one.
        home.write("Dinkes Kota Semarang 2024.csv", header + "33.74;2024;KES-K01.SASARAN;1000\n33.74;2024;KES-K01.TERLAYANI;800\n");
        home.run();
        home.query(db -> {
            for (Level level : LEVELS) {
                DB.put(level.table() + "|" + level.scope(), db.queryForList(
                        "select * from " + level.table() + " where scope = ?", level.scope()));
            }
            return null;
        });
        try (InputStream in = Files.newInputStream(home.reports().resolve("latest/hasil-spm.xlsx"))) {
            workbook = new XSSFWorkbook(in);
        }
    }

    @AfterAll
    static void close() throws IOException {
        if (workbook != null) {
            workbook.close();
        }
    }

    @Test
    void everyNumberOfEverySheetIsTheDatabasesNumberAndEveryResultHasItsRow() {
        for (Level level : LEVELS) {
            XSSFSheet sheet = workbook.getSheet(level.sheet());
            assertThat(sheet).as(level.sheet()).isNotNull();
            Map<String, Integer> columns = headers(sheet);
            List<Map<String, Object>> expected = DB.get(level.table() + "|" + level.scope());
            Map<String, Map<String, Object>> byKey = new HashMap<>();
            expected.forEach(row -> byKey.put(key(row, level), row));
            assertThat(sheet.getLastRowNum()).as(level.sheet() + " rows").isEqualTo(expected.size()).isPositive();

            Set<String> seen = new java.util.HashSet<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String key = text(row, columns.get("region_code")) + "|" + text(row, columns.get("period_code"))
                        + (level.key() == null ? "" : "|" + text(row, columns.get(level.key())));
                Map<String, Object> db = byKey.get(key);
                assertThat(db).as(level.sheet() + " row " + key).isNotNull();
                assertThat(seen.add(key)).as("one row for " + key).isTrue();
                for (Map.Entry<String, String> number : NUMBERS.get(level.table()).entrySet()) {
                    assertNumber(row, columns.get(number.getKey()), (Number) db.get(number.getValue()),
                            level.sheet() + " " + key + " " + number.getKey());
                }
                if (level.table().equals("service_result")) {
                    BigDecimal target = (BigDecimal) db.get("target_population");
                    BigDecimal served = (BigDecimal) db.get("served");
                    assertNumber(row, columns.get("still_to_serve"),
                            target == null || served == null ? null : target.subtract(served).max(BigDecimal.ZERO), key);
                    if (level.scope().equals("ROLLUP")) {
                        assertNumber(row, columns.get("regions_included"), (Number) db.get("regions_included"), key);
                        assertNumber(row, columns.get("regions_total"), (Number) db.get("regions_total"), key);
                    }
                    assertThat(text(row, columns.get("status"))).isEqualTo(message("status." + db.get("status")));
                }
                if (db.containsKey("category")) {
                    Object category = db.get("category");
                    assertThat(text(row, columns.get("category"))).as(key)
                            .isEqualTo(category == null ? null : categoryName((String) category));
                }
                if (db.containsKey("rule_version") && columns.containsKey("rule_version")) {
                    assertThat(text(row, columns.get("rule_version"))).isEqualTo(db.get("rule_version"));
                }
                if (level.table().equals("region_result")) {
                    assertThat(text(row, columns.get("periods_covered"))).isEqualTo(db.get("periods_covered"));
                    assertThat(text(row, columns.get("periods_missing"))).isEqualTo(db.get("periods_missing"));
                }
            }
            assertThat(seen).hasSize(expected.size());
        }
    }

    @Test
    void numbersAreNumbersAndCodesAreText() {
        XSSFSheet services = workbook.getSheet("Layanan");
        Map<String, Integer> columns = headers(services);
        for (int r = 1; r <= services.getLastRowNum(); r++) {
            Row row = services.getRow(r);
            for (String number : List.of("target_population", "served", "still_to_serve", "recipient_pct", "service_index")) {
                Cell cell = row.getCell(columns.get(number));
                assertThat(cell == null || cell.getCellType() == CellType.NUMERIC || cell.getCellType() == CellType.BLANK)
                        .as("row %d %s", r, number).isTrue();
            }
            Cell code = row.getCell(columns.get("region_code"));
            assertThat(code.getCellType()).isEqualTo(CellType.STRING);
            assertThat(code.getCellStyle().getDataFormatString()).isEqualTo("@");
        }
        Row semarang = find(services, "33.74", "2025", "service_code", "KES-K01");
        assertThat(semarang.getCell(columns.get("target_population")).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
        assertThat(semarang.getCell(columns.get("recipient_pct")).getCellStyle().getDataFormatString()).isEqualTo("0.00");
        assertThat(semarang.getCell(columns.get("service_name")).getStringCellValue()).startsWith("Pelayanan kesehatan");
        assertThat(semarang.getCell(columns.get("region_name")).getStringCellValue()).isEqualTo("Kota Semarang");
        assertThat(semarang.getCell(columns.get("province_name")).getStringCellValue()).isEqualTo("Jawa Tengah");
        // Headers in the report language, from the message bundle.
        assertThat(headerTexts(services)).contains("Kode wilayah", "Sasaran", "Terlayani sesuai standar", "Belum terlayani",
                "Capaian penerima (%)", "Capaian penerima tanpa batas (%)", "Rencana daerah (%)", "Capaian mutu (%)",
                "Butir mutu dilaporkan", "Indeks layanan", "Kategori", "Status", "Peringatan", "Versi aturan");
    }

    @Test
    void everyDataSheetHasAFrozenHeaderAnAutoFilterAndSetWidths() {
        for (Level level : LEVELS) {
            XSSFSheet sheet = workbook.getSheet(level.sheet());
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane).as(level.sheet()).isNotNull();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(level.sheet()).isTrue();
            CellRangeAddress filter = CellRangeAddress.valueOf(sheet.getCTWorksheet().getAutoFilter().getRef());
            assertThat(filter.getFirstRow()).isZero();
            assertThat(filter.getLastRow()).isEqualTo(sheet.getLastRowNum());
            assertThat(filter.getLastColumn()).isEqualTo(sheet.getRow(0).getLastCellNum() - 1);
            for (int c = 0; c < sheet.getRow(0).getLastCellNum(); c++) {
                assertThat(sheet.getColumnWidth(c)).as(level.sheet() + " column " + c).isBetween(6 * 256, 62 * 256);
            }
        }
    }

    @Test
    void categoriesAreColouredByARulePerCategoryAndTheIndexByTheSameBands() {
        for (Level level : LEVELS) {
            if (level.table().equals("indicator_result")) {
                continue;
            }
            XSSFSheet sheet = workbook.getSheet(level.sheet());
            Map<String, Integer> columns = headers(sheet);
            int category = columns.get("category");
            int index = columns.get(switch (level.table()) {
                case "region_result" -> "region_index";
                case "field_result" -> "field_index";
                default -> "service_index";
            });
            Map<String, String> categoryFills = new LinkedHashMap<>();
            List<String> indexFormulas = new ArrayList<>();
            var cf = sheet.getSheetConditionalFormatting();
            for (int i = 0; i < cf.getNumConditionalFormattings(); i++) {
                XSSFConditionalFormatting f = cf.getConditionalFormattingAt(i);
                CellRangeAddress range = f.getFormattingRanges()[0];
                for (int k = 0; k < f.getNumberOfRules(); k++) {
                    ConditionalFormattingRule rule = f.getRule(k);
                    String fill = ((XSSFColor) rule.getPatternFormatting().getFillBackgroundColorColor()).getARGBHex();
                    if (range.getFirstColumn() == category) {
                        assertThat(range.getLastRow()).isEqualTo(sheet.getLastRowNum());
                        categoryFills.put(rule.getFormula1(), fill);
                    } else if (range.getFirstColumn() == index) {
                        indexFormulas.add(rule.getFormula1());
                    }
                }
            }
            String cell = new org.apache.poi.ss.util.CellReference(1, category).formatAsString().replace("$", "");
            assertThat(categoryFills).as(level.sheet()).hasSize(6);
            for (String code : List.of("TUNTAS_PARIPURNA", "TUNTAS_UTAMA", "TUNTAS_MADYA", "TUNTAS_PRATAMA", "TUNTAS_MUDA",
                    "BELUM_TUNTAS")) {
                assertThat(categoryFills).containsEntry(cell + "=\"" + categoryName(code) + "\"", argb(Categories.hex(code)));
            }
            assertThat(indexFormulas).as(level.sheet()).hasSize(6).anyMatch(f -> f.contains(">=90") && f.contains("<=99.99"));
        }
    }

    @Test
    void aRegionWithNoDataHasEmptyServiceCellsNeverZeroAndAnOfficialIndexOfZero() {
        XSSFSheet regions = workbook.getSheet("Wilayah");
        Map<String, Integer> columns = headers(regions);
        Row cilacap = find(regions, "33.01", "2025", null, null);
        assertThat(cilacap.getCell(columns.get("region_name")).getStringCellValue()).isEqualTo("Kabupaten Cilacap");
        // every service counts 0 in the official IP-SPM (rules.yaml coverage): 0.00, Belum Tuntas, 0 of 29 reported;
        // nothing to average provisionally
        assertThat(cilacap.getCell(columns.get("region_index")).getNumericCellValue()).isZero();
        assertThat(cilacap.getCell(columns.get("category")).getStringCellValue()).isEqualTo("Belum Tuntas");
        assertBlank(cilacap, columns, "provisional_index", "previous_index", "change_previous");
        assertThat(cilacap.getCell(columns.get("services_reported")).getNumericCellValue()).isZero();
        assertThat(cilacap.getCell(columns.get("services_due")).getNumericCellValue()).isEqualTo(29);

        XSSFSheet services = workbook.getSheet("Layanan");
        Map<String, Integer> s = headers(services);
        Row k01 = find(services, "33.01", "2025", "service_code", "KES-K01");
        assertBlank(k01, s, "target_population", "served", "still_to_serve", "recipient_pct_uncapped", "recipient_pct",
                "quality_pct", "service_index", "category");
        assertThat(k01.getCell(s.get("status")).getStringCellValue()).startsWith("Belum dilaporkan");
    }

    @Test
    void aPartialSubmissionShowsWhatCameAndLeavesTheRestEmpty() {
        XSSFSheet services = workbook.getSheet("Layanan");
        Map<String, Integer> s = headers(services);
        // Gunungkidul sent KES-K12's target population but not how many were served.
        Row k12 = find(services, "34.03", "2025", "service_code", "KES-K12");
        assertThat(k12.getCell(s.get("target_population")).getCellType()).isEqualTo(CellType.NUMERIC);
        assertBlank(k12, s, "served", "still_to_serve", "recipient_pct", "service_index", "category");
        // Kudus's KES-K07 served count was rejected (negative): not computable, never 0.
        Row k07 = find(services, "33.19", "2025", "service_code", "KES-K07");
        assertBlank(k07, s, "served", "recipient_pct", "service_index");
        // Kota Yogyakarta's KES-K02: more served than targeted, shown uncapped and warned.
        Row k02 = find(services, "34.71", "2025", "service_code", "KES-K02");
        assertThat(k02.getCell(s.get("recipient_pct_uncapped")).getNumericCellValue()).isEqualTo(103.40);
        assertThat(k02.getCell(s.get("recipient_pct")).getNumericCellValue()).isEqualTo(100.00);
        assertThat(k02.getCell(s.get("still_to_serve")).getNumericCellValue()).isZero();
        assertThat(k02.getCell(s.get("warnings")).getStringCellValue()).contains("Terlayani melebihi sasaran");
        // Nothing to serve (0 of 0): counts are real zeros, percentages empty.
        Row k03 = find(services, "34.71", "2025", "service_code", "PEND-K03");
        assertThat(k03.getCell(s.get("target_population")).getNumericCellValue()).isZero();
        assertBlank(k03, s, "recipient_pct", "service_index");
        assertThat(k03.getCell(s.get("status")).getStringCellValue()).isEqualTo("Tidak ada sasaran (0/0)");
        // Fields with nothing reported: both services count 0, official index 0.00, no provisional index.
        XSSFSheet fields = workbook.getSheet("Bidang");
        Map<String, Integer> f = headers(fields);
        Row pu = find(fields, "34.03", "2025", "field_code", "PU");
        assertThat(pu.getCell(f.get("field_index")).getNumericCellValue()).isZero();
        assertBlank(pu, f, "provisional_index");
        assertThat(pu.getCell(f.get("services_reported")).getNumericCellValue()).isZero();
        assertThat(pu.getCell(f.get("services_due")).getNumericCellValue()).isEqualTo(2);
    }

    @Test
    void periodsWithoutAPreviousPeriodCompareWithNothingAndOneWithItShowsTheChange() {
        XSSFSheet regions = workbook.getSheet("Wilayah");
        Map<String, Integer> c = headers(regions);
        // Q3 2026: year to date, so the missing Q1 and Q2 are not needed; there is no Q2 and no 2025 Q3 to compare with.
        Row tw3 = find(regions, "33.74", "2026-TW3", null, null);
        assertThat(text(tw3, c.get("previous_period"))).isEqualTo("2026-TW2");
        assertBlank(tw3, c, "previous_index", "change_previous", "last_year_index", "change_last_year");
        assertThat(text(tw3, c.get("periods_missing"))).isNull();
        // 2025 for a region without a 2024.
        Row yogya = find(regions, "34.71", "2025", null, null);
        assertThat(text(yogya, c.get("previous_period"))).isEqualTo("2024");
        assertBlank(yogya, c, "previous_index", "change_previous");
        // Kota Semarang has a 2024 with KES-K01 alone at 80.00: health 80 / 12 services = 6.67, IP-SPM over the
        // six fields 6.666.. / 6 = 1.11; its 2025 shows the change in points.
        Row semarang = find(regions, "33.74", "2025", null, null);
        BigDecimal now = (BigDecimal) DB.get("region_result|OWN").stream()
                .filter(row -> row.get("region_code").equals("33.74") && row.get("period_code").equals("2025"))
                .findFirst().orElseThrow().get("region_index");
        assertThat(semarang.getCell(c.get("previous_index")).getNumericCellValue()).isEqualTo(1.11);
        assertThat(BigDecimal.valueOf(semarang.getCell(c.get("change_previous")).getNumericCellValue()))
                .isEqualByComparingTo(now.subtract(new BigDecimal("1.11")));
        assertThat(semarang.getCell(c.get("change_previous")).getCellStyle().getDataFormatString()).isEqualTo("+0.00;-0.00;0.00");
        // The 2024 row itself has no previous year.
        Row y2024 = find(regions, "33.74", "2024", null, null);
        assertBlank(y2024, c, "previous_index", "change_previous");
        // Ranks: regions with an index, best first; none for a region without one.
        assertThat(regions.getRow(1).getCell(c.get("rank")).getNumericCellValue()).isEqualTo(1);
    }

    @Test
    void theFirstSheetSaysWhatEachSheetHoldsTheRuleVersionTheDateAndTheCategoryColours() {
        XSSFSheet about = workbook.getSheetAt(0);
        assertThat(about.getSheetName()).isEqualTo("Keterangan");
        StringBuilder all = new StringBuilder();
        Map<String, String> fills = new HashMap<>();
        about.forEach(row -> row.forEach(cell -> {
            if (cell.getCellType() == CellType.STRING) {
                all.append(cell.getStringCellValue()).append('\n');
                XSSFColor fill = (XSSFColor) cell.getCellStyle().getFillForegroundColorColor();
                if (fill != null && cell.getColumnIndex() == 0) {
                    fills.put(cell.getStringCellValue(), fill.getARGBHex());
                }
            }
        }));
        ReportFormat fmt = new ReportFormat(ID, MESSAGES, null, null);
        assertThat(all.toString()).contains("Hasil Pencapaian Standar Pelayanan Minimal", "Dibuat",
                fmt.date(java.time.LocalDate.now()), "2026.3", "PP 2/2018", "2026-TW3", "Triwulan III tahun 2026",
                "Wilayah", "Layanan", "Gabungan layanan", "tidak pernah 0", "BACA.txt");
        assertThat(fills).containsEntry("Tuntas Paripurna", argb(Categories.hex("TUNTAS_PARIPURNA")))
                .containsEntry("Tuntas Utama", argb(Categories.hex("TUNTAS_UTAMA")))
                .containsEntry("Belum Tuntas", argb(Categories.hex("BELUM_TUNTAS")))
                .containsEntry("Belum dapat dihitung", argb(Categories.hex(null)));
        // Sheet names link to their sheets.
        assertThat(about.getHyperlinkList()).extracting(h -> h.getAddress()).contains("'Wilayah'!A1", "'Gabungan layanan'!A1");
        assertThat(workbook.getSheetIndex("Keterangan")).isZero();
    }

    @Test
    void theCsvFilesHoldTheSameRowsParseBackAndSayHowTheyAreWritten() throws Exception {
        Path folder = home.reports().resolve("latest/csv");
        assertThat(folder.resolve("BACA.txt")).content(StandardCharsets.UTF_8).contains("titik koma", "UTF-8");
        for (Level level : LEVELS) {
            Path file = folder.resolve(level.csv() + ".csv");
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            List<String[]> lines;
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                assertThat(reader.read()).isEqualTo(0xFEFF);
                CSVReader csv = new CSVReaderBuilder(reader).withCSVParser(new CSVParserBuilder().withSeparator(';').build()).build();
                lines = csv.readAll();
            }
            String[] header = lines.get(0);
            assertThat(header).contains("scope", "region_code", "period_code");
            int rows = lines.size() - 1;
            assertThat(rows).as(level.csv()).isEqualTo(workbook.getSheet(level.sheet()).getLastRowNum());
            List<Map<String, Object>> expected = DB.get(level.table() + "|" + level.scope());
            assertThat(rows).isEqualTo(expected.size());
            Map<String, Map<String, Object>> byKey = new HashMap<>();
            expected.forEach(row -> byKey.put(key(row, level), row));
            List<String> ids = List.of(header);
            for (String[] line : lines.subList(1, lines.size())) {
                assertThat(line).hasSameSizeAs(header);
                assertThat(line[ids.indexOf("scope")]).isEqualTo(level.scope());
                String key = line[ids.indexOf("region_code")] + "|" + line[ids.indexOf("period_code")]
                        + (level.key() == null ? "" : "|" + line[ids.indexOf(level.key())]);
                Map<String, Object> db = byKey.get(key);
                assertThat(db).as(level.csv() + " " + key).isNotNull();
                for (Map.Entry<String, String> number : NUMBERS.get(level.table()).entrySet()) {
                    String text = line[ids.indexOf(number.getKey())];
                    Number value = (Number) db.get(number.getValue());
                    if (value == null) {
                        assertThat(text).as(key + " " + number.getKey()).isEmpty();
                    } else {
                        assertThat(text).doesNotContain(".").doesNotContain(" ");
                        assertThat(new BigDecimal(text.replace(',', '.'))).as(key + " " + number.getKey())
                                .isEqualByComparingTo(new BigDecimal(value.toString()));
                    }
                }
                if (db.containsKey("category")) {
                    assertThat(line[ids.indexOf("category_code")]).isEqualTo(db.get("category") == null ? "" : db.get("category"));
                }
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** POI's ARGB text of a #rrggbb colour. */
    private static String argb(String hex) {
        return "FF" + hex.substring(1).toUpperCase(Locale.ROOT);
    }

    private static String message(String key) {
        return MESSAGES.getMessage(key, null, ID);
    }

    private static String categoryName(String code) {
        return switch (code) {
            case "TUNTAS_PARIPURNA" -> "Tuntas Paripurna";
            case "TUNTAS_UTAMA" -> "Tuntas Utama";
            case "TUNTAS_MADYA" -> "Tuntas Madya";
            case "TUNTAS_PRATAMA" -> "Tuntas Pratama";
            case "TUNTAS_MUDA" -> "Tuntas Muda";
            case "BELUM_TUNTAS" -> "Belum Tuntas";
            default -> code;
        };
    }

    private static String key(Map<String, Object> row, Level level) {
        return row.get("region_code") + "|" + row.get("period_code") + (level.key() == null ? "" : "|" + row.get(level.key()));
    }

    /** Column id to index, by the header texts of the bundle. */
    private static Map<String, Integer> headers(XSSFSheet sheet) {
        Map<String, Integer> byText = new HashMap<>();
        Row header = sheet.getRow(0);
        for (Cell cell : header) {
            byText.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
        Map<String, Integer> byId = new HashMap<>();
        for (String id : List.of("region_code", "region_name", "province_name", "period_code", "rank", "region_index", "category",
                "services_reported", "services_due", "provisional_index", "regions_reporting", "regions_total", "periods_covered", "periods_missing", "previous_period", "previous_index",
                "change_previous", "last_year_index", "change_last_year", "rule_version", "field_code", "field_index",
                "services_total", "service_code", "service_name", "target_population", "served",
                "still_to_serve", "recipient_pct_uncapped", "recipient_pct", "plan_target", "quality_pct", "mutu_items",
                "service_index", "status", "warnings", "regions_included", "indicator_code", "indicator_value", "target",
                "indicator_plan")) {
            Integer column = byText.get(message("workbook.col." + id));
            if (column != null) {
                byId.put(id, column);
            }
        }
        return byId;
    }

    private static List<String> headerTexts(XSSFSheet sheet) {
        List<String> texts = new ArrayList<>();
        sheet.getRow(0).forEach(c -> texts.add(c.getStringCellValue()));
        return texts;
    }

    private static Row find(XSSFSheet sheet, String region, String period, String keyColumn, String key) {
        Map<String, Integer> c = headers(sheet);
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (region.equals(text(row, c.get("region_code"))) && period.equals(text(row, c.get("period_code")))
                    && (keyColumn == null || key.equals(text(row, c.get(keyColumn))))) {
                return row;
            }
        }
        throw new AssertionError("no row " + region + " " + period + " " + key + " in " + sheet.getSheetName());
    }

    private static String text(Row row, Integer column) {
        Cell cell = row.getCell(column);
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        assertThat(cell.getCellType()).as("text cell %s", cell.getAddress()).isEqualTo(CellType.STRING);
        return cell.getStringCellValue();
    }

    private static void assertNumber(Row row, Integer column, Number expected, String what) {
        assertThat(column).as("column of " + what).isNotNull();
        Cell cell = row.getCell(column);
        if (expected == null) {
            assertThat(cell == null || cell.getCellType() == CellType.BLANK).as(what + " is empty, never 0").isTrue();
            return;
        }
        assertThat(cell).as(what).isNotNull();
        assertThat(cell.getCellType()).as(what + " is a number").isEqualTo(CellType.NUMERIC);
        assertThat(BigDecimal.valueOf(cell.getNumericCellValue())).as(what).isEqualByComparingTo(new BigDecimal(expected.toString()));
    }

    private static void assertBlank(Row row, Map<String, Integer> columns, String... ids) {
        for (String id : ids) {
            Cell cell = row.getCell(columns.get(id));
            assertThat(cell == null || cell.getCellType() == CellType.BLANK)
                    .as("%s of row %d is empty (not 0)", id, row.getRowNum()).isTrue();
        }
    }
}
