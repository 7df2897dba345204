package id.pantauspm.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTSheetProtection;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.catalogue.Field;
import id.pantauspm.catalogue.Level;
import id.pantauspm.catalogue.Measure;
import id.pantauspm.catalogue.ValueType;
import id.pantauspm.ingest.Column;
import id.pantauspm.ingest.TemplateLayout;
import id.pantauspm.period.Period;
import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.support.PantauHome;

@DisplayName("TemplateWriter: the fill-in template's sheets, codes, validations and locking")
class TemplateWriterTest {

    static Catalogue catalogue;
    static RegionDirectory regions;

    @TempDir
    Path temp;

    @BeforeAll
    static void load() {
        catalogue = new CatalogueLoader().load(PantauHome.PROJECT.resolve("indicators"));
        regions = RegionDirectory.official();
    }

    static Region region(String code) {
        return regions.find(code).orElseThrow();
    }

    static XSSFWorkbook template(String region, String period, String field, String lang) {
        return new TemplateWriter(catalogue, Locale.forLanguageTag(lang))
                .build(region(region), Period.parse(period).orElseThrow(), field);
    }

    /** Measure rows of a field sheet: column B code to row. */
    static List<Row> measureRows(XSSFSheet sheet) {
        List<Row> rows = new ArrayList<>();
        for (Row r : sheet) {
            if (r.getRowNum() >= TemplateWriter.FIRST_DATA_ROW && text(r, TemplateWriter.COL_MEASURE) != null) {
                rows.add(r);
            }
        }
        return rows;
    }

    static String text(Row r, int column) {
        Cell c = r.getCell(column);
        return c == null || c.getCellType() != CellType.STRING || c.getStringCellValue().isEmpty() ? null : c.getStringCellValue();
    }

    static String text(XSSFSheet sheet, String ref) {
        var ref2 = new org.apache.poi.ss.util.CellReference(ref);
        return text(sheet.getRow(ref2.getRow()), ref2.getCol());
    }

    @Test
    void aKabupatenKotaTemplateHasTheMarkerTheMetadataAndOneSheetPerFieldWithEveryKabKotaMeasure() throws Exception {
        try (XSSFWorkbook wb = template("33.74", "2026-TW3", null, "id")) {
            XSSFSheet info = wb.getSheetAt(0);
            assertThat(info.getSheetName()).isEqualTo("Petunjuk");
            assertThat(text(info, "A1")).isEqualTo(TemplateLayout.MARKER).isEqualTo("PANTAU-SPM TEMPLATE v1");
            // The reader finds region and period by their labels; both must be spellings of the layout 1 headers.
            assertThat(Column.forHeader(text(info, "A4"))).contains(Column.REGION_CODE);
            assertThat(text(info, "B4")).isEqualTo("33.74");
            assertThat(text(info, "B5")).isEqualTo("Kota Semarang");
            assertThat(Column.forHeader(text(info, "A6"))).contains(Column.PERIOD);
            assertThat(text(info, "B6")).isEqualTo("2026-TW3");
            // issue 8: a quarter's template says its figures are year to date, and the clerk may say otherwise
            assertThat(text(info, "A14")).isEqualTo("Sifat angka");
            assertThat(text(info, "B14")).isEqualTo("kumulatif");
            assertThat(text(info, "B7")).isEqualTo("Triwulan III tahun 2026");
            assertThat(text(info, "A9")).isEqualTo("Nama perangkat daerah (dinas)");
            assertThat(info.getRow(3).getCell(1).getCellType()).as("region code is text, never a number").isEqualTo(CellType.STRING);
            String instructions = allText(info);
            assertThat(instructions).contains("biarkan sel Nilai kosong atau isi tanda -", "Jangan isi 0", "bilangan bulat",
                    "0 sampai 100", "Jangan mengubah kode", ".xlsx");

            List<String> expectedSheets = new ArrayList<>(List.of("Petunjuk"));
            catalogue.fields().forEach(f -> expectedSheets.add(f.code()));
            assertThat(sheetNames(wb)).containsExactlyElementsOf(expectedSheets);

            for (Field field : catalogue.fields()) {
                XSSFSheet sheet = wb.getSheet(field.code());
                Row header = sheet.getRow(TemplateWriter.HEADER_ROW);
                assertThat(List.of(text(header, 0), text(header, 1), text(header, 2), text(header, 3), text(header, 4),
                        text(header, 5), text(header, 6)))
                        .containsExactly("Kode layanan", "Kode data", "Nama data", "Jenis", "Satuan", "Nilai", "Keterangan");
                // every measure of the rule version of 2026-TW3 (2026.3) but the reported achievement, which is for
                // files without counts
                List<Measure> expected = field.services().stream().filter(s -> s.level() == Level.KABKOTA)
                        .flatMap(s -> s.measuresIn("2026.3").stream()).filter(m -> !m.reportedAchievement()).toList();
                List<Row> rows = measureRows(sheet);
                assertThat(rows).extracting(r -> text(r, TemplateWriter.COL_MEASURE))
                        .containsExactlyElementsOf(expected.stream().map(Measure::code).toList());
                for (int i = 0; i < rows.size(); i++) {
                    Row r = rows.get(i);
                    Measure m = expected.get(i);
                    assertThat(text(r, TemplateWriter.COL_SERVICE)).isEqualTo(m.serviceCode()).contains("-K");
                    assertThat(text(r, TemplateWriter.COL_NAME)).startsWith(m.name().id());
                    assertThat(text(r, TemplateWriter.COL_KIND)).isEqualTo(m.kind().name().toLowerCase(Locale.ROOT));
                    assertThat(text(r, TemplateWriter.COL_UNIT)).isEqualTo(m.unit());
                    assertThat(r.getCell(TemplateWriter.COL_VALUE).getCellType()).isEqualTo(CellType.BLANK);
                    assertThat(r.getCell(TemplateWriter.COL_NOTE).getCellType()).isEqualTo(CellType.BLANK);
                }
            }
            // 29 kabupaten/kota services, every one listed with its SASARAN.
            long services = catalogue.services(Level.KABKOTA).size();
            assertThat(services).isEqualTo(29);
            assertThat(catalogue.fields().stream().mapToLong(f -> measureRows(wb.getSheet(f.code())).stream()
                    .filter(r -> text(r, 1).endsWith(".SASARAN")).count()).sum()).isEqualTo(services);
        }
    }

    @Test
    @DisplayName("issue 13: a 2023 template asks for the Permenkes 4/2019 items, a 2024 one for those of 6/2024; optional personnel marked")
    void theTemplateFollowsTheRuleVersionOfItsPeriod() throws Exception {
        try (XSSFWorkbook old = template("33.74", "2023", "KES", "id"); XSSFWorkbook now = template("33.74", "2024", "KES", "id")) {
            List<String> before = measureRows(old.getSheet("KES")).stream().map(r -> text(r, TemplateWriter.COL_MEASURE)).toList();
            List<String> after = measureRows(now.getSheet("KES")).stream().map(r -> text(r, TemplateWriter.COL_MEASURE)).toList();
            assertThat(before).contains("KES-K01.PEMERIKSAAN_USG_BUTUH", "KES-K10.KIT_FIKSASI_TERSEDIA", "KES-K01.BUKU_KIA_BUTUH")
                    .doesNotContain("KES-K01.GEL_USG_BUTUH", "KES-K07.INSTRUMEN_SKILAS_BUTUH");
            assertThat(after).contains("KES-K01.GEL_USG_BUTUH", "KES-K07.INSTRUMEN_SKILAS_BUTUH", "KES-K08.PAKET_OBAT_HIPERTENSI_TERSEDIA",
                    "KES-K01.BUKU_KIA_BUTUH").doesNotContain("KES-K01.PEMERIKSAAN_USG_BUTUH", "KES-K10.KIT_FIKSASI_TERSEDIA");
        }
        try (XSSFWorkbook pu = template("33.74", "2025", "PU", "id")) {
            Map<String, Row> rows = new java.util.HashMap<>();
            measureRows(pu.getSheet("PU")).forEach(r -> rows.put(text(r, TemplateWriter.COL_MEASURE), r));
            // PU-K02 in houses, through its three access routes
            assertThat(text(rows.get("PU-K02.SASARAN"), TemplateWriter.COL_UNIT)).isEqualTo("rumah");
            assertThat(rows).containsKeys("PU-K02.RUMAH_CUBLUK", "PU-K02.RUMAH_LUMPUR_TINJA_IPLT", "PU-K02.RUMAH_SR_IPALD");
            assertThat(text(rows.get("PU-K02.OPERATOR_SPALD_BUTUH"), TemplateWriter.COL_NAME)).endsWith("(opsional)");
            assertThat(text(rows.get("PU-K02.SASARAN"), TemplateWriter.COL_NAME)).doesNotContain("opsional");
        }
    }

    @Test
    void aProvinceTemplateListsTheProvinsiServicesOnly() throws Exception {
        try (XSSFWorkbook wb = template("33", "2026", null, "id")) {
            assertThat(text(wb.getSheetAt(0), "B4")).isEqualTo("33");
            assertThat(text(wb.getSheetAt(0), "B5")).isEqualTo("Jawa Tengah");
            assertThat(text(wb.getSheetAt(0), "B7")).isEqualTo("Tahun 2026");
            List<String> codes = new ArrayList<>();
            for (Field f : catalogue.fields()) {
                measureRows(wb.getSheet(f.code())).forEach(r -> codes.add(text(r, TemplateWriter.COL_MEASURE)));
            }
            // the measures of the rule version in force in 2026 (2026.3: PERKIM-P02's AKSES_RUMAH_SEWA ended with 2026.2)
            List<String> expected = catalogue.services(Level.PROVINSI).stream()
                    .flatMap(s -> s.measuresIn("2026.3").stream()).filter(m -> !m.reportedAchievement()).map(Measure::code).toList();
            assertThat(codes).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(codes).allMatch(c -> c.matches("[A-Z]+-P\\d\\d\\..+"));
            assertThat(codes).contains("KES-P01.SASARAN", "PEND-P02.TERLAYANI", "SOS-P05.SASARAN",
                    "PERKIM-P02.PENGGANTIAN_HAK_TANAH_BANGUNAN_BUTUH").doesNotContain("PERKIM-P02.AKSES_RUMAH_SEWA_BUTUH");
        }
    }

    @Test
    void oneFieldOnlyWithField() throws Exception {
        try (XSSFWorkbook wb = template("33.74", "2026-TW3", "KES", "id")) {
            assertThat(sheetNames(wb)).containsExactly("Petunjuk", "KES");
            assertThat(measureRows(wb.getSheet("KES"))).extracting(r -> text(r, 0)).allMatch(s -> s.startsWith("KES-K"));
            assertThat(text(wb.getSheetAt(0), "B8")).isEqualTo("KES (Kesehatan)");
        }
        assertThatThrownBy(() -> template("33.74", "2026-TW3", "XYZ", "id")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valueCellsAreValidatedByTheMeasuresTypeAndAcceptADashForMissing() throws Exception {
        try (XSSFWorkbook wb = template("33.74", "2026-TW3", null, "id")) {
            XSSFFormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            int checked = 0;
            for (Field field : catalogue.fields()) {
                XSSFSheet sheet = wb.getSheet(field.code());
                Map<Integer, XSSFDataValidation> byRow = new java.util.HashMap<>();
                for (XSSFDataValidation dv : sheet.getDataValidations()) {
                    CellRangeAddress[] ranges = dv.getRegions().getCellRangeAddresses();
                    assertThat(ranges).hasSize(1);
                    assertThat(ranges[0].getFirstColumn()).isEqualTo(TemplateWriter.COL_VALUE).isEqualTo(ranges[0].getLastColumn());
                    assertThat(ranges[0].getFirstRow()).isEqualTo(ranges[0].getLastRow());
                    byRow.put(ranges[0].getFirstRow(), dv);
                }
                // Words (PERMASALAHAN, SOLUSI) take any text: no rule on their cells.
                List<Row> rows = measureRows(sheet).stream().filter(r -> catalogue.measure(text(r, TemplateWriter.COL_MEASURE))
                        .orElseThrow().type() != ValueType.TEXT).toList();
                assertThat(measureRows(sheet).size() - rows.size()).as("a problem and a solution row per service").isEqualTo(
                        2 * (int) field.services().stream().filter(s -> s.level() == id.pantauspm.catalogue.Level.KABKOTA).count());
                assertThat(byRow.keySet()).as("one rule per value cell, nowhere else")
                        .containsExactlyInAnyOrderElementsOf(rows.stream().map(Row::getRowNum).toList());
                for (Row r : rows) {
                    Measure m = catalogue.measure(text(r, TemplateWriter.COL_MEASURE)).orElseThrow();
                    XSSFDataValidation dv = byRow.get(r.getRowNum());
                    assertThat(dv.getValidationConstraint().getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.FORMULA);
                    assertThat(dv.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
                    assertThat(dv.getEmptyCellAllowed()).isTrue();
                    assertThat(dv.getShowErrorBox()).isTrue();
                    assertThat(dv.getShowPromptBox()).isTrue();
                    // issue 8: flows are asked year to date, as e-SPM asks them
                    assertThat(dv.getPromptBoxText()).contains(m.accumulation() == Measure.Accumulation.SUM
                            ? "kumulatif sejak 1 Januari" : "akhir periode");
                    String formula = dv.getValidationConstraint().getFormula1();
                    for (Object[] c : cases(m.type())) {
                        assertThat(accepts(evaluator, sheet, r, formula, c[0])).as("%s %s with %s", m.code(), formula, c[0]).isEqualTo(c[1]);
                    }
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(300);
        }
    }

    /** Values a clerk may type, and whether the cell's rule lets them in. */
    private static Object[][] cases(ValueType type) {
        return switch (type) {
            case COUNT -> new Object[][] {{0.0, true}, {28678.0, true}, {2.5, false}, {-1.0, false}, {"-", true}, {"banyak", false}};
            case PERCENT -> new Object[][] {{0.0, true}, {87.5, true}, {100.0, true}, {100.5, false}, {-0.1, false}, {"-", true}, {"x", false}};
            case AMOUNT -> new Object[][] {{0.0, true}, {1_250_000_000.5, true}, {-5.0, false}, {"-", true}, {"Rp", false}};
            case NUMBER -> new Object[][] {{-3.25, true}, {12.0, true}, {"-", true}, {"abc", false}};
            case TEXT -> throw new IllegalStateException("no rule on words");
        };
    }

    /** Evaluates a validation rule as Excel does: true passes; false or an error refuses the entry. */
    private static boolean accepts(XSSFFormulaEvaluator evaluator, XSSFSheet sheet, Row row, String formula, Object value) {
        XSSFCell v = (XSSFCell) row.getCell(TemplateWriter.COL_VALUE);
        if (value instanceof Double d) {
            v.setCellValue(d);
        } else {
            v.setCellValue((String) value);
        }
        XSSFCell probe = (XSSFCell) row.createCell(20);
        probe.setCellFormula(formula);
        evaluator.clearAllCachedResultValues();
        var result = evaluator.evaluate(probe);
        row.removeCell(probe);
        v.setBlank();
        return result.getCellType() == CellType.BOOLEAN && result.getBooleanValue();
    }

    @Test
    void onlyTheValueNoteAndOfficeCellsAreUnlockedAndNoSheetHasAPassword() throws Exception {
        try (XSSFWorkbook wb = template("33.74", "2026-TW3", null, "id")) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet sheet = wb.getSheetAt(i);
                CTSheetProtection protection = sheet.getCTWorksheet().getSheetProtection();
                assertThat(sheet.getProtect()).as(sheet.getSheetName()).isTrue();
                assertThat(protection.isSetPassword() || protection.isSetHashValue()).as("no password").isFalse();
                assertThat(protection.getFormatColumns()).as("columns may be widened").isFalse();
                List<String> unlocked = new ArrayList<>();
                for (Row r : sheet) {
                    for (Cell c : r) {
                        if (!c.getCellStyle().getLocked()) {
                            unlocked.add(c.getAddress().formatAsString());
                        }
                    }
                }
                if (sheet.getSheetName().equals("Petunjuk")) {
                    // office, officer, contact, date; and B14, what a quarter's figures count ("kumulatif" or "triwulan")
                    assertThat(unlocked).containsExactly("B9", "B10", "B11", "B12", "B14");
                } else {
                    List<String> expected = new ArrayList<>();
                    for (Row r : measureRows(sheet)) {
                        expected.add("F" + (r.getRowNum() + 1));
                        expected.add("G" + (r.getRowNum() + 1));
                    }
                    assertThat(unlocked).containsExactlyElementsOf(expected);
                    assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                    assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as("rows 1-3 frozen").isEqualTo((short) 3);
                    assertThat(sheet.getColumnWidth(TemplateWriter.COL_MEASURE)).isGreaterThanOrEqualTo(40 * 256);
                    assertThat(sheet.getColumnWidth(TemplateWriter.COL_NAME)).isGreaterThanOrEqualTo(60 * 256);
                    assertThat(sheet.getColumnWidth(TemplateWriter.COL_VALUE)).isGreaterThanOrEqualTo(15 * 256);
                    // Value cells never carry a percent or date format: the reader would take those as typed with them.
                    for (Row r : measureRows(sheet)) {
                        String format = r.getCell(TemplateWriter.COL_VALUE).getCellStyle().getDataFormatString();
                        assertThat(format).doesNotContain("%", "d", "m", "y", "@");
                    }
                }
            }
        }
    }

    @Test
    void inEnglishTheWordsChangeButNotTheCodesOrWhatTheReaderLooksFor() throws Exception {
        try (XSSFWorkbook wb = template("33.74", "2026-TW3", "KES", "en")) {
            XSSFSheet info = wb.getSheetAt(0);
            assertThat(info.getSheetName()).isEqualTo("Instructions");
            assertThat(text(info, "A1")).isEqualTo(TemplateLayout.MARKER);
            assertThat(Column.forHeader(text(info, "A4"))).contains(Column.REGION_CODE);
            assertThat(Column.forHeader(text(info, "A6"))).contains(Column.PERIOD);
            assertThat(text(info, "B7")).isEqualTo("Quarter 3 2026");
            assertThat(allText(info)).contains("leave the Value cell empty or type -", "Never type 0");
            Row header = wb.getSheet("KES").getRow(TemplateWriter.HEADER_ROW);
            assertThat(Column.forHeader(text(header, TemplateWriter.COL_MEASURE))).contains(Column.MEASURE_CODE);
            assertThat(Column.forHeader(text(header, TemplateWriter.COL_VALUE))).contains(Column.VALUE);
            assertThat(Column.forHeader(text(header, TemplateWriter.COL_NOTE))).contains(Column.NOTE);
            Row first = measureRows(wb.getSheet("KES")).get(0);
            assertThat(text(first, TemplateWriter.COL_MEASURE)).isEqualTo("KES-K01.SASARAN");
            assertThat(text(first, TemplateWriter.COL_NAME)).isEqualTo(catalogue.measure("KES-K01.SASARAN").orElseThrow().name().en());
            assertThat(text(first, TemplateWriter.COL_KIND)).isEqualTo("process");
        }
        // Indonesian headers are spellings the reader knows, too.
        try (XSSFWorkbook wb = template("33.74", "2026-TW3", "KES", "id")) {
            Row header = wb.getSheet("KES").getRow(TemplateWriter.HEADER_ROW);
            assertThat(Column.forHeader(text(header, TemplateWriter.COL_MEASURE))).contains(Column.MEASURE_CODE);
            assertThat(Column.forHeader(text(header, TemplateWriter.COL_VALUE))).contains(Column.VALUE);
            assertThat(Column.forHeader(text(header, TemplateWriter.COL_NOTE))).contains(Column.NOTE);
        }
    }

    @Test
    void fileNamesSayRegionPeriodAndField() throws Exception {
        TemplateWriter writer = new TemplateWriter(catalogue, Locale.forLanguageTag("id"));
        Period tw3 = Period.parse("2026-TW3").orElseThrow();
        assertThat(writer.fileName(region("33.74"), tw3, null)).isEqualTo("Template SPM 33.74 Kota Semarang 2026-TW3.xlsx");
        assertThat(writer.fileName(region("33"), Period.year(2026), "KES")).isEqualTo("Template SPM 33 Jawa Tengah 2026 KES.xlsx");
        Path written = writer.write(region("33.74"), tw3, null, temp.resolve("out"));
        assertThat(written).exists().hasFileName("Template SPM 33.74 Kota Semarang 2026-TW3.xlsx");
        assertThat(temp.resolve("out")).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void everyTextIsInBothLanguagesAndFitsExcelsLimits() throws Exception {
        Properties id = new Properties();
        Properties en = new Properties();
        try (var a = getClass().getResourceAsStream("/i18n/template.properties");
             var b = getClass().getResourceAsStream("/i18n/template_en.properties")) {
            id.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            en.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(id.stringPropertyNames());
        for (String lang : List.of("id", "en")) {
            TemplateText t = TemplateText.of(Locale.forLanguageTag(lang));
            assertThat(t.get("template.validation.title").length()).isLessThanOrEqualTo(32);
            assertThat(t.get("template.validation.error_title").length()).isLessThanOrEqualTo(32);
            for (ValueType type : ValueType.values()) {
                for (Measure.Accumulation acc : Measure.Accumulation.values()) {
                    String prompt = t.get("template.validation." + type.name()) + " " + t.get("template.validation." + acc.name())
                            + " " + t.get("template.validation.missing");
                    assertThat(prompt.length()).as(prompt).isLessThanOrEqualTo(255);
                }
            }
        }
        // The machine's locale never leaks in: Indonesian stays the default on an English machine.
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThat(TemplateText.of(Locale.forLanguageTag("id")).get("template.column.value")).isEqualTo("Nilai");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    private static String allText(XSSFSheet sheet) {
        StringBuilder s = new StringBuilder();
        for (Row r : sheet) {
            for (Cell c : r) {
                if (c.getCellType() == CellType.STRING) {
                    s.append(c.getStringCellValue()).append('\n');
                }
            }
        }
        return s.toString();
    }

}
