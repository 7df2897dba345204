package id.pantauspm.template;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import id.pantauspm.catalogue.IkmRegime;
import id.pantauspm.catalogue.IkmUnsur;
import id.pantauspm.period.Period;
import id.pantauspm.regions.Region;

/**
 * The community satisfaction survey template ({@code pantau template --ikm}): one workbook per
 * region, period and unit, in the wide shape the inbox recognises (ingest.SurveyLayout). Sheet 1:
 * labels and values above the header (unit, region code, period, population of users, regulation),
 * then the header No, sex, age, education, occupation, date, service used, U1..U9 with the unsur's
 * names, and empty rows whose score cells accept only whole numbers 1 to 4. Sheet 2: the
 * instructions, the nine unsur and what each score means. Nothing is locked: a unit adds rows.
 */
public final class IkmTemplateWriter {

    /** 0-based rows of the survey sheet: labels from row 3 (B3 the unit), the header on row 9, answers below. */
    static final int ROW_UNIT = 2;
    static final int ROW_REGION = 3;
    static final int ROW_PERIOD = 4;
    static final int ROW_POPULATION = 5;
    static final int ROW_REGIME = 6;
    static final int ROW_HEADER = 8;
    /** Rows styled and validated for answers; a unit with more respondents adds rows below. */
    static final int ANSWER_ROWS = 400;
    static final String[] ATTRIBUTES = {"no", "sex", "age", "education", "occupation", "date", "service"};

    private final IkmRegime regime;
    private final ResourceBundle words;
    private final Locale locale;

    public IkmTemplateWriter(IkmRegime regime, Locale locale) {
        this.regime = regime;
        this.locale = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("id");
        this.words = ResourceBundle.getBundle("i18n/ikm", this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private String text(String key, Object... args) {
        String pattern = words.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** "Template IKM 33.74 Kota Semarang 2025.xlsx", or with the unit's name when given. */
    public String fileName(Region region, Period period, String unit) {
        String name = text("ikm.template.file_name", region.code(), region.name(), period.code(),
                unit == null || unit.isBlank() ? "" : " " + unit.trim());
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "-") + ".xlsx";
    }

    /** Writes the template into {@code folder}, whole or not at all; returns the file. */
    public Path write(Region region, Period period, String unit, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(fileName(region, period, unit));
        Path partial = target.resolveSibling(target.getFileName() + ".tmp");
        try (XSSFWorkbook wb = build(region, period, unit); OutputStream out = Files.newOutputStream(partial)) {
            wb.write(out);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    public XSSFWorkbook build(Region region, Period period, String unit) {
        XSSFWorkbook wb = new XSSFWorkbook();
        CellStyle bold = style(wb, s -> s.setFont(font(wb, true, (short) 11)));
        CellStyle title = style(wb, s -> s.setFont(font(wb, true, (short) 13)));
        CellStyle hint = style(wb, s -> {
            Font f = font(wb, false, (short) 9);
            f.setItalic(true);
            f.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            s.setFont(f);
        });
        CellStyle code = style(wb, s -> s.setDataFormat(wb.createDataFormat().getFormat("@")));
        CellStyle input = style(wb, s -> {
            s.setDataFormat(wb.createDataFormat().getFormat("@"));
            fill(s, IndexedColors.LIGHT_YELLOW);
            border(s);
        });
        CellStyle number = style(wb, s -> {
            s.setDataFormat(wb.createDataFormat().getFormat("0"));
            fill(s, IndexedColors.LIGHT_YELLOW);
            border(s);
        });
        CellStyle header = style(wb, s -> {
            s.setFont(font(wb, true, (short) 10));
            s.setWrapText(true);
            s.setVerticalAlignment(VerticalAlignment.TOP);
            fill(s, IndexedColors.GREY_25_PERCENT);
            border(s);
        });
        CellStyle wrapped = style(wb, s -> {
            s.setWrapText(true);
            s.setVerticalAlignment(VerticalAlignment.TOP);
        });

        XSSFSheet sheet = wb.createSheet(text("ikm.template.sheet"));
        cell(sheet, 0, 0, text("ikm.template.title", regime.name().in(locale)), title);
        cell(sheet, 1, 0, text("ikm.template.subtitle"), hint);
        // No hint beside a label's value: a reader takes the first filled cell right of a label as its value.
        label(sheet, ROW_UNIT, text("ikm.template.unit"), unit, input, bold, null, hint);
        label(sheet, ROW_REGION, text("ikm.template.region"), region.code(), code, bold, region.name(), hint);
        label(sheet, ROW_PERIOD, text("ikm.template.period"), period.code(), code, bold, null, hint);
        label(sheet, ROW_POPULATION, text("ikm.template.population"), null, number, bold, null, hint);
        label(sheet, ROW_REGIME, text("ikm.template.regime"), regime.name().id(), code, bold, null, hint);

        XSSFRow head = sheet.createRow(ROW_HEADER);
        head.setHeightInPoints(45);
        int column = 0;
        for (String a : ATTRIBUTES) {
            cell(sheet, ROW_HEADER, column++, text("ikm.template.col." + a), header);
        }
        int firstUnsur = column;
        for (IkmUnsur u : regime.unsur()) {
            cell(sheet, ROW_HEADER, column++, u.code() + " " + u.name().in(locale), header);
        }
        for (int r = ROW_HEADER + 1; r <= ROW_HEADER + ANSWER_ROWS; r++) {
            XSSFRow row = sheet.createRow(r);
            for (int c = 0; c < column; c++) {
                row.createCell(c).setCellStyle(c >= firstUnsur || c == 0 || c == 2 ? number : input);
            }
        }
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        int lastRow = ROW_HEADER + 2000;
        validate(sheet, helper.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                        String.valueOf(regime.minScore()), String.valueOf(regime.maxScore())),
                new CellRangeAddressList(ROW_HEADER + 1, lastRow, firstUnsur, column - 1),
                text("ikm.template.score_title"), text("ikm.template.score_hint", regime.minScore(), regime.maxScore()));
        validate(sheet, helper.createExplicitListConstraint(new String[] {"L", "P"}),
                new CellRangeAddressList(ROW_HEADER + 1, lastRow, 1, 1), text("ikm.template.col.sex"), text("ikm.template.sex_hint"));
        validate(sheet, helper.createIntegerConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "1", null),
                new CellRangeAddressList(ROW_POPULATION, ROW_POPULATION, 1, 1), text("ikm.template.population"),
                text("ikm.template.population_hint"));
        validate(sheet, helper.createTextLengthConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "1", null),
                new CellRangeAddressList(ROW_UNIT, ROW_UNIT, 1, 1), text("ikm.template.unit"), text("ikm.template.unit_hint"));
        sheet.createFreezePane(1, ROW_HEADER + 1);
        sheet.setColumnWidth(0, 16 * 256);
        for (int c = 1; c < firstUnsur; c++) {
            sheet.setColumnWidth(c, 14 * 256);
        }
        for (int c = firstUnsur; c < column; c++) {
            sheet.setColumnWidth(c, 13 * 256);
        }
        sheet.setColumnWidth(1, 24 * 256);

        XSSFSheet help = wb.createSheet(text("ikm.template.help_sheet"));
        int r = 0;
        cell(help, r++, 0, text("ikm.template.how_to"), bold);
        for (int step = 1; step <= 6; step++) {
            cell(help, r++, 0, step + ". " + text("ikm.template.step." + step, regime.minScore(), regime.maxScore()), wrapped);
        }
        r++;
        cell(help, r++, 0, text("ikm.template.unsur_list", regime.name().in(locale)), bold);
        for (IkmUnsur u : regime.unsur()) {
            cell(help, r, 0, u.code(), code);
            cell(help, r++, 1, u.name().in(locale), wrapped);
        }
        r++;
        cell(help, r++, 0, text("ikm.template.scores"), bold);
        for (int s = regime.maxScore(); s >= regime.minScore(); s--) {
            cell(help, r, 0, String.valueOf(s), code);
            cell(help, r++, 1, text("ikm.template.score." + s), wrapped);
        }
        help.setColumnWidth(0, 110 * 256);
        help.setColumnWidth(1, 60 * 256);
        wb.setActiveSheet(0);
        return wb;
    }

    private static void label(XSSFSheet sheet, int row, String label, String value, CellStyle valueStyle, CellStyle bold,
                              String hint, CellStyle hintStyle) {
        cell(sheet, row, 0, label, bold);
        XSSFCell v = cell(sheet, row, 1, value, valueStyle);
        v.setCellStyle(valueStyle);
        if (hint != null) {
            cell(sheet, row, 2, hint, hintStyle);
        }
    }

    private static void validate(XSSFSheet sheet, DataValidationConstraint constraint, CellRangeAddressList where, String title,
                                 String hint) {
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        DataValidation dv = helper.createValidation(constraint, where);
        dv.setShowErrorBox(true);
        dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
        dv.createErrorBox(title, hint);
        dv.setShowPromptBox(true);
        dv.createPromptBox(title, hint);
        sheet.addValidationData(dv);
    }

    private static XSSFCell cell(XSSFSheet sheet, int row, int column, String value, CellStyle style) {
        XSSFRow r = sheet.getRow(row) != null ? sheet.getRow(row) : sheet.createRow(row);
        XSSFCell c = r.createCell(column);
        if (value != null) {
            c.setCellValue(value);
        }
        if (style != null) {
            c.setCellStyle(style);
        }
        return c;
    }

    private static Font font(XSSFWorkbook wb, boolean bold, short size) {
        Font f = wb.createFont();
        f.setBold(bold);
        f.setFontHeightInPoints(size);
        return f;
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
