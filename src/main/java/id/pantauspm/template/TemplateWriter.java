package id.pantauspm.template;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.Field;
import id.pantauspm.catalogue.Level;
import id.pantauspm.catalogue.Measure;
import id.pantauspm.catalogue.ServiceType;
import id.pantauspm.catalogue.ValueType;
import id.pantauspm.ingest.TemplateLayout;
import id.pantauspm.period.Period;
import id.pantauspm.regions.Region;

/**
 * Writes layout 2 of the submission contract, the fill-in template: one workbook per region and
 * period. The first sheet holds the marker, the metadata and the instructions; then one sheet per
 * SPM field, named by the field code, listing every measure of every service at the region's level
 * with an empty, validated value cell. The shape is documented in the README ("The fill-in
 * template") and read back by {@link TemplateLayout}.
 */
public final class TemplateWriter {

    // First sheet, 0-based rows: A1 marker, A2 title, A3 subtitle, then label/value pairs from row 4 (B4 region code).
    static final int INFO_REGION_CODE = TemplateLayout.REGION_ROW - 1;
    static final int INFO_REGION_NAME = INFO_REGION_CODE + 1;
    static final int INFO_PERIOD = TemplateLayout.PERIOD_ROW - 1;
    static final int INFO_PERIOD_NAME = INFO_PERIOD + 1;
    static final int INFO_FIELDS = INFO_PERIOD_NAME + 1;
    static final int INFO_OFFICE = INFO_FIELDS + 1;
    static final int INFO_OFFICER = INFO_OFFICE + 1;
    static final int INFO_CONTACT = INFO_OFFICER + 1;
    static final int INFO_FILLED_ON = INFO_CONTACT + 1;
    static final int INFO_GENERATED = INFO_FILLED_ON + 1;
    /** Quarter, semester and month templates: "kumulatif" (year to date, as e-SPM asks) or "triwulan" (the period alone). */
    static final int INFO_BASIS = INFO_GENERATED + 1;
    static final int INFO_STEPS = 10;

    // Field sheets: title (row 1), hint (row 2), header (row 3), data from row 4.
    static final int HEADER_ROW = 2;
    static final int FIRST_DATA_ROW = 3;
    static final int COL_SERVICE = 0;
    static final int COL_MEASURE = 1;
    static final int COL_NAME = 2;
    static final int COL_KIND = 3;
    static final int COL_UNIT = 4;
    static final int COL_VALUE = 5;
    static final int COL_NOTE = 6;
    private static final String[] HEADERS = {"service", "measure_code", "measure_name", "kind", "unit", "value", "note"};
    private static final int[] WIDTHS = {14, 44, 70, 10, 16, 18, 40};
    private static final int NAME_CHARS_PER_LINE = 75;

    private final Catalogue catalogue;
    private final TemplateText text;

    public TemplateWriter(Catalogue catalogue, Locale locale) {
        this.catalogue = catalogue;
        this.text = TemplateText.of(locale);
    }

    /** The level whose services a region reports: provinsi for a province, kabupaten/kota otherwise. */
    public static Level levelOf(Region region) {
        return region.isProvince() ? Level.PROVINSI : Level.KABKOTA;
    }

    /** The fields a template for this region holds (one when {@code fieldCode} is given), each with services at its level. */
    public List<Field> fieldsFor(Region region, String fieldCode) {
        Level level = levelOf(region);
        return catalogue.fields().stream()
                .filter(f -> fieldCode == null || f.code().equals(fieldCode))
                .filter(f -> f.services().stream().anyMatch(s -> s.level() == level))
                .toList();
    }

    /** The file name, e.g. "Template SPM 33.74 Kota Semarang 2026-TW3.xlsx"; characters no file system allows are dropped. */
    public String fileName(Region region, Period period, String fieldCode) {
        String name = fieldCode == null
                ? text.get("template.file_name", region.code(), region.name(), period.code())
                : text.get("template.file_name.field", region.code(), region.name(), period.code(), fieldCode);
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "").trim() + ".xlsx";
    }

    /** Writes the template into a folder (replacing a file of the same name) and returns its path. */
    public Path write(Region region, Period period, String fieldCode, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(fileName(region, period, fieldCode));
        Path partial = folder.resolve(target.getFileName() + ".part");
        try (XSSFWorkbook workbook = build(region, period, fieldCode); OutputStream out = Files.newOutputStream(partial)) {
            workbook.write(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** The template as a workbook; {@code fieldCode} null for every field. */
    public XSSFWorkbook build(Region region, Period period, String fieldCode) {
        List<Field> fields = fieldsFor(region, fieldCode);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("no field with services at " + levelOf(region) + ": " + fieldCode);
        }
        XSSFWorkbook workbook = new XSSFWorkbook();
        Styles styles = new Styles(workbook);
        infoSheet(workbook, styles, region, period, fields, fieldCode);
        for (Field field : fields) {
            fieldSheet(workbook, styles, region, period, field);
        }
        workbook.setActiveSheet(0);
        return workbook;
    }

    private void infoSheet(XSSFWorkbook workbook, Styles styles, Region region, Period period, List<Field> fields,
                           String fieldCode) {
        XSSFSheet sheet = workbook.createSheet(text.get("template.info.sheet"));
        cell(sheet, 0, 0, TemplateLayout.MARKER, styles.marker);
        cell(sheet, 1, 0, text.get("template.info.title"), styles.title);
        cell(sheet, 2, 0, text.get("template.info.subtitle"), styles.plain);

        Level level = levelOf(region);
        String fieldsText = fieldCode == null
                ? text.get("template.info.fields.all", text.get("template.info.level." + level.name()))
                : fields.get(0).code() + " (" + fields.get(0).name().in(text.locale()) + ")";
        metadata(sheet, styles, INFO_REGION_CODE, "template.info.region_code", region.code(), false);
        metadata(sheet, styles, INFO_REGION_NAME, "template.info.region_name", region.name(), false);
        metadata(sheet, styles, INFO_PERIOD, "template.info.period", period.code(), false);
        metadata(sheet, styles, INFO_PERIOD_NAME, "template.info.period_name", periodName(period), false);
        metadata(sheet, styles, INFO_FIELDS, "template.info.fields", fieldsText, false);
        metadata(sheet, styles, INFO_OFFICE, "template.info.office", null, true);
        metadata(sheet, styles, INFO_OFFICER, "template.info.officer", null, true);
        metadata(sheet, styles, INFO_CONTACT, "template.info.contact", null, true);
        metadata(sheet, styles, INFO_FILLED_ON, "template.info.filled_on", null, true);
        metadata(sheet, styles, INFO_GENERATED, "template.info.generated", LocalDate.now().toString(), false);
        if (period.kind() != Period.Kind.YEAR) {
            cell(sheet, INFO_BASIS, 0, text.get("template.info.basis"), styles.label);
            cell(sheet, INFO_BASIS, TemplateLayout.METADATA_VALUE_COLUMN, text.get("template.info.basis.year_to_date"), styles.input);
            cell(sheet, INFO_BASIS, 2, text.get("template.info.basis.hint"), styles.hint);
            var helper = sheet.getDataValidationHelper();
            var list = helper.createValidation(helper.createExplicitListConstraint(new String[] {
                    text.get("template.info.basis.year_to_date"), text.get("template.info.basis.period_only")}),
                    new org.apache.poi.ss.util.CellRangeAddressList(INFO_BASIS, INFO_BASIS, 1, 1));
            list.setShowErrorBox(true);
            list.createErrorBox(text.get("template.info.basis"), text.get("template.info.basis.hint"));
            sheet.addValidationData(list);
        }

        int r = INFO_BASIS + 2;
        cell(sheet, r++, 0, text.get("template.info.how_to"), styles.bold);
        for (int step = 1; step <= INFO_STEPS; step++) {
            XSSFCell c = cell(sheet, r, 0, step + ". " + text.get("template.info.step." + step), styles.wrapped);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 2));
            c.getRow().setHeightInPoints(15 * lines(c.getStringCellValue(), 120));
            r++;
        }
        r++;
        cell(sheet, r++, 0, text.get("template.info.sheets"), styles.bold);
        for (Field field : fields) {
            long measures = field.services().stream().filter(s -> s.level() == level).mapToLong(s -> s.measures().stream().filter(m -> !m.reportedAchievement()).count()).sum();
            cell(sheet, r, 0, field.code(), styles.plain);
            cell(sheet, r, 1, field.name().in(text.locale()), styles.plain);
            cell(sheet, r, 2, text.get("template.info.sheets.count", measures), styles.plain);
            r++;
        }
        sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(1, 48 * 256);
        sheet.setColumnWidth(2, 48 * 256);
        fitToPageWidth(sheet, false);
        protect(sheet);
    }

    private void metadata(XSSFSheet sheet, Styles styles, int row, String labelKey, String value, boolean toFill) {
        cell(sheet, row, 0, text.get(labelKey), styles.label);
        cell(sheet, row, TemplateLayout.METADATA_VALUE_COLUMN, value, toFill ? styles.input : styles.code);
        if (toFill) {
            cell(sheet, row, 2, text.get("template.info.fill_here"), styles.hint);
        }
    }

    private String periodName(Period period) {
        String roman = new String[] {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}[period.number() - 1];
        return text.get("template.period." + period.kind().name(), String.valueOf(period.year()), String.valueOf(period.number()), roman);
    }

    private void fieldSheet(XSSFWorkbook workbook, Styles styles, Region region, Period period, Field field) {
        XSSFSheet sheet = workbook.createSheet(field.code());
        Level level = levelOf(region);
        cell(sheet, 0, 0, text.get("template.sheet.title", field.name().in(text.locale()), field.code(), region.name(),
                region.code(), periodName(period)), styles.title);
        cell(sheet, 1, 0, text.get("template.sheet.hint"), styles.hint);
        for (int c = 0; c < HEADERS.length; c++) {
            cell(sheet, HEADER_ROW, c, text.get("template.column." + HEADERS[c]), styles.header);
            sheet.setColumnWidth(c, WIDTHS[c] * 256);
        }
        XSSFDataValidationHelper validations = new XSSFDataValidationHelper(sheet);
        // the measures of the rule version in force on the period's last day: a 2024 template asks for
        // the mutu items of Permenkes 6/2024, a 2023 one for those of 4/2019
        String version = catalogue.ruleSetAt(period.lastDay()).map(id.pantauspm.catalogue.RuleSet::version).orElse(null);
        java.util.Set<String> optional = new java.util.HashSet<>();
        field.services().forEach(s -> s.mutu().stream().filter(id.pantauspm.catalogue.MutuItem::optional)
                .forEach(m -> { optional.add(m.neededMeasure()); optional.add(m.availableMeasure()); }));
        int r = FIRST_DATA_ROW;
        for (ServiceType service : field.services()) {
            if (service.level() != level) {
                continue;
            }
            cell(sheet, r, COL_SERVICE, service.code(), styles.serviceCode);
            XSSFCell name = cell(sheet, r, COL_NAME, service.name().in(text.locale()), styles.serviceName);
            for (int c = COL_MEASURE; c <= COL_NOTE; c++) {
                if (c != COL_NAME) {
                    cell(sheet, r, c, null, styles.serviceName);
                }
            }
            name.getRow().setHeightInPoints(15 * lines(name.getStringCellValue(), NAME_CHARS_PER_LINE));
            r++;
            for (Measure m : version == null ? service.measures() : service.measuresIn(version)) {
                if (m.reportedAchievement()) {
                    continue; // the template asks for the counts; a reported percentage is for files without them
                }
                cell(sheet, r, COL_SERVICE, service.code(), styles.code);
                cell(sheet, r, COL_MEASURE, m.code(), styles.code);
                String measureText = m.name().in(text.locale())
                        + (optional.contains(m.code()) ? " " + text.get("template.optional") : "");
                XSSFCell measureName = cell(sheet, r, COL_NAME, measureText, styles.wrapped);
                cell(sheet, r, COL_KIND, text.get("template.kind." + m.kind().name()), styles.plain);
                cell(sheet, r, COL_UNIT, m.unit(), styles.plain);
                cell(sheet, r, COL_VALUE, null, styles.value(m.type()));
                cell(sheet, r, COL_NOTE, null, styles.note);
                measureName.getRow().setHeightInPoints(15 * lines(measureName.getStringCellValue(), NAME_CHARS_PER_LINE));
                if (m.type() != ValueType.TEXT) { // words (problems, solutions): any text is right
                    sheet.addValidationData(validation(validations, m, r));
                }
                r++;
            }
        }
        sheet.createFreezePane(0, FIRST_DATA_ROW);
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        fitToPageWidth(sheet, true);
        protect(sheet);
    }

    private static void fitToPageWidth(XSSFSheet sheet, boolean landscape) {
        sheet.getPrintSetup().setLandscape(landscape);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setFitToPage(true);
    }

    /**
     * The value cell's rule, by the measure's type: a whole number 0 or more, a percentage 0..100,
     * rupiah 0 or more, any number; always also "-", the contract's spelling of missing, which a
     * typed (whole/decimal) rule would refuse. An empty cell is allowed: not filled in.
     */
    private DataValidation validation(XSSFDataValidationHelper helper, Measure m, int row) {
        String v = new CellReference(row, COL_VALUE, false, false).formatAsString();
        // IF, not OR: Excel's OR passes on the error INT("-") raises, which would refuse the dash.
        String rule = switch (m.type()) {
            case COUNT -> "AND(" + v + ">=0,INT(" + v + ")=" + v + ")";
            case PERCENT -> "AND(" + v + ">=0," + v + "<=100)";
            case AMOUNT -> v + ">=0";
            case NUMBER, TEXT -> "TRUE";
        };
        DataValidationConstraint constraint = helper.createCustomConstraint(
                "IF(ISNUMBER(" + v + ")," + rule + ",TRIM(" + v + ")=\"-\")");
        DataValidation dv = helper.createValidation(constraint, new CellRangeAddressList(row, row, COL_VALUE, COL_VALUE));
        dv.setEmptyCellAllowed(true);
        dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
        String kind = text.get("template.validation." + m.type().name());
        String missing = text.get("template.validation.missing");
        dv.createErrorBox(text.get("template.validation.error_title"), kind + " " + missing);
        dv.setShowErrorBox(true);
        dv.createPromptBox(text.get("template.validation.title"),
                kind + " " + text.get("template.validation." + m.accumulation().name()) + " " + missing);
        dv.setShowPromptBox(true);
        return dv;
    }

    /** Locked cells stay locked; no password, so an officer can lift it (Review, Unprotect sheet). */
    private static void protect(XSSFSheet sheet) {
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
        sheet.enableLocking();
    }

    private static int lines(String s, int charsPerLine) {
        return Math.max(1, (s.length() + charsPerLine - 1) / charsPerLine);
    }

    private static XSSFCell cell(XSSFSheet sheet, int row, int column, String value, CellStyle style) {
        XSSFRow r = sheet.getRow(row) != null ? sheet.getRow(row) : sheet.createRow(row);
        XSSFCell c = r.createCell(column);
        if (value != null) {
            c.setCellValue(value);
        }
        c.setCellStyle(style);
        return c;
    }

    /** The workbook's cell styles, made once: Excel allows about 64,000 per workbook. */
    private static final class Styles {
        final CellStyle marker;
        final CellStyle title;
        final CellStyle bold;
        final CellStyle plain;
        final CellStyle wrapped;
        final CellStyle hint;
        final CellStyle label;
        final CellStyle header;
        final CellStyle code;
        final CellStyle serviceCode;
        final CellStyle serviceName;
        final CellStyle input;
        final CellStyle note;
        private final List<CellStyle> values = new ArrayList<>();

        Styles(XSSFWorkbook wb) {
            Font grey = wb.createFont();
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            grey.setFontHeightInPoints((short) 8);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 13);
            Font strong = wb.createFont();
            strong.setBold(true);
            Font italic = wb.createFont();
            italic.setItalic(true);
            italic.setColor(IndexedColors.GREY_50_PERCENT.getIndex());

            marker = style(wb, s -> s.setFont(grey));
            title = style(wb, s -> s.setFont(big));
            bold = style(wb, s -> s.setFont(strong));
            plain = style(wb, s -> s.setVerticalAlignment(VerticalAlignment.TOP));
            wrapped = style(wb, s -> {
                s.setWrapText(true);
                s.setVerticalAlignment(VerticalAlignment.TOP);
            });
            hint = style(wb, s -> s.setFont(italic));
            label = style(wb, s -> {
                s.setFont(strong);
                s.setVerticalAlignment(VerticalAlignment.TOP);
            });
            header = style(wb, s -> {
                s.setFont(strong);
                s.setWrapText(true);
                fill(s, IndexedColors.GREY_25_PERCENT);
                border(s);
            });
            code = style(wb, s -> {
                s.setDataFormat(wb.createDataFormat().getFormat("@"));
                s.setVerticalAlignment(VerticalAlignment.TOP);
            });
            serviceCode = style(wb, s -> {
                s.setFont(strong);
                s.setDataFormat(wb.createDataFormat().getFormat("@"));
                fill(s, IndexedColors.PALE_BLUE);
            });
            serviceName = style(wb, s -> {
                s.setFont(strong);
                s.setWrapText(true);
                fill(s, IndexedColors.PALE_BLUE);
            });
            input = style(wb, s -> {
                s.setLocked(false);
                s.setDataFormat(wb.createDataFormat().getFormat("@"));
                fill(s, IndexedColors.LIGHT_YELLOW);
                border(s);
            });
            note = style(wb, s -> {
                s.setLocked(false);
                s.setWrapText(true);
                s.setVerticalAlignment(VerticalAlignment.TOP);
                s.setDataFormat(wb.createDataFormat().getFormat("@"));
                fill(s, IndexedColors.LIGHT_YELLOW);
                border(s);
            });
            for (ValueType type : ValueType.values()) {
                // Never a percent or date format: the reader takes those as what the clerk typed with them.
                String format = type == ValueType.COUNT || type == ValueType.AMOUNT ? "#,##0" : "General";
                values.add(style(wb, s -> {
                    s.setLocked(false);
                    s.setVerticalAlignment(VerticalAlignment.TOP);
                    s.setDataFormat(wb.createDataFormat().getFormat(format));
                    fill(s, IndexedColors.LIGHT_YELLOW);
                    border(s);
                }));
            }
        }

        CellStyle value(ValueType type) {
            return values.get(type.ordinal());
        }

        private static CellStyle style(XSSFWorkbook wb, java.util.function.Consumer<CellStyle> setup) {
            CellStyle s = wb.createCellStyle();
            setup.accept(s);
            return s;
        }

        private static void fill(CellStyle s, IndexedColors color) {
            s.setFillForegroundColor(color.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }

        private static void border(CellStyle s) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }
    }
}
