package id.pantauspm.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FontFormatting;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

import id.pantauspm.catalogue.CategoryBand;
import id.pantauspm.catalogue.RuleSet;
import id.pantauspm.report.ResultTables.Column;
import id.pantauspm.report.ResultTables.Percent;
import id.pantauspm.report.ResultTables.Table;
import id.pantauspm.report.ResultTables.Type;

/**
 * The results workbook {@value #FILE_NAME}: a first sheet saying what the others hold (rule
 * versions, generation date, category bands and their colours), then one sheet per table of
 * {@link ResultTables}.
 *
 * <p>Written with POI's streaming workbook: only {@value #WINDOW} rows of a sheet are in memory at a
 * time, the rest go to a temporary file, so the size of the results does not set the heap. Every
 * data sheet has a frozen header row (and its code and name columns), an auto filter, set column
 * widths, numbers stored as numbers with formats Excel shows in the reader's own separators
 * ({@code #,##0}, {@code 0.00}), codes stored as text, and category colours by conditional
 * formatting: one rule per category on the category column and the same bands on the index column.
 */
public final class XlsxReport {

    /** One name in every language, so links and scripts never change with the report language. */
    public static final String FILE_NAME = "hasil-spm.xlsx";

    private static final int WINDOW = 200;
    private static final int MAX_WIDTH = 60;
    private static final short HEADER_HEIGHT = 48; // points: three lines of a wrapped header

    private final LocalDate today;

    public XlsxReport() {
        this(LocalDate.now());
    }

    /** @param today the generation date the first sheet states */
    public XlsxReport(LocalDate today) {
        this.today = today;
    }

    /** Writes the workbook to {@code file}, replacing it whole only once it is complete. */
    public Path write(ResultTables tables, Path file) throws IOException {
        try (Writer writer = open(tables, file)) {
            tables.forEachRow(writer::row);
            return writer.finish();
        }
    }

    /**
     * A workbook of every table, begun: its rows are handed in by {@link Writer#row} (ResultTables.forEachRow, the
     * tables' rows interleaved period by period: each sheet streams on its own), and {@link Writer#finish} writes it.
     */
    public Writer open(ResultTables tables, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return new Writer(tables, file);
    }

    /** A workbook being written; closing it without {@link #finish} leaves no file. */
    public final class Writer implements AutoCloseable {
        private final ResultTables tables;
        private final Path file;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        private final Styles styles;
        private final SXSSFSheet about;
        private final Map<Table, Sheet> sheets = new LinkedHashMap<>();

        private Writer(ResultTables tables, Path file) {
            this.tables = tables;
            this.file = file;
            workbook.setCompressTempFiles(true);
            styles = new Styles(workbook);
            about = workbook.createSheet(sheetName(tables.format(), "about"));
            for (Table table : tables.tables()) {
                sheets.put(table, new Sheet(workbook.createSheet(sheetName(tables.format(), table.key())), table, tables.format(), styles));
            }
        }

        /** One data row of a table, after those handed in before. */
        public void row(Table table, Object[] values) {
            sheets.get(table).row(values, tables.format(), styles);
        }

        /** Finishes every sheet and the about sheet, and writes the workbook into its file. */
        public Path finish() throws IOException {
            Map<Table, Integer> counts = new LinkedHashMap<>();
            Map<Table, String> names = new LinkedHashMap<>();
            for (Sheet sheet : sheets.values()) {
                names.put(sheet.table, sheet.sheet.getSheetName());
                counts.put(sheet.table, sheet.finish(tables));
            }
            writeAbout(about, tables, names, counts, styles);
            workbook.setActiveSheet(0);
            Path partial = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(partial)) {
                workbook.write(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        }

        @Override
        public void close() throws IOException {
            workbook.dispose();
            workbook.close();
        }
    }

    private static String sheetName(ReportFormat fmt, String key) {
        return WorkbookUtil.createSafeSheetName(fmt.msg("workbook.sheet." + key));
    }

    // ---- data sheets ---------------------------------------------------------------------------

    /** A table's sheet: its header written when begun, then its rows, then its widths, filter and colour rules. */
    private static final class Sheet {
        private final SXSSFSheet sheet;
        private final Table table;
        private final List<Integer> shown = new ArrayList<>();
        private final int[] widths;
        private final int versionColumn;
        private final Set<String> versions = new LinkedHashSet<>();
        private int rowNumber;

        Sheet(SXSSFSheet sheet, Table table, ReportFormat fmt, Styles styles) {
            this.sheet = sheet;
            this.table = table;
            for (int i = 0; i < table.columns().size(); i++) {
                if (table.columns().get(i).inWorkbook()) {
                    shown.add(i);
                }
            }
            widths = new int[shown.size()];
            Row header = sheet.createRow(0);
            header.setHeightInPoints(HEADER_HEIGHT);
            for (int c = 0; c < shown.size(); c++) {
                Column column = table.columns().get(shown.get(c));
                String title = fmt.msg("workbook.col." + column.id());
                Cell cell = header.createCell(c);
                cell.setCellValue(title);
                cell.setCellStyle(styles.header);
                widths[c] = headerWidth(title);
            }
            versionColumn = table.column(ResultTables.RULE_VERSION);
        }

        void row(Object[] values, ReportFormat fmt, Styles styles) {
            Row row = sheet.createRow(++rowNumber);
            for (int c = 0; c < shown.size(); c++) {
                Column column = table.columns().get(shown.get(c));
                Object value = values[shown.get(c)];
                widths[c] = Math.max(widths[c], writeCell(row, c, column.type(), value, styles, fmt));
            }
            if (versionColumn >= 0 && values[versionColumn] != null) {
                versions.add((String) values[versionColumn]);
            }
        }

        /** Widths, frozen panes, filter, print setup and colour rules; returns the number of data rows. */
        int finish(ResultTables tables) {
            int lastRow = rowNumber;
            int lastColumn = shown.size() - 1;
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.min(widths[c] + 2, MAX_WIDTH) * 256);
            }
            sheet.createFreezePane(table.frozenColumns(), 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(lastRow, 0), 0, lastColumn));
            sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
            sheet.getPrintSetup().setLandscape(true);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);

            int categoryColumn = shown.indexOf(table.column(ResultTables.CATEGORY));
            int indexColumn = table.indexColumn() == null ? -1 : shown.indexOf(table.column(table.indexColumn()));
            int versionShown = shown.indexOf(versionColumn);
            int firstDataRow = 1;
            int lastDataRow = Math.max(lastRow, 1);
            if (categoryColumn >= 0) {
                categoryRules(sheet, categoryColumn, firstDataRow, lastDataRow, tables);
            }
            if (indexColumn >= 0) {
                bandRules(sheet, indexColumn, versionShown, versions, firstDataRow, lastDataRow, tables);
            }
            return lastRow;
        }
    }

    /** Writes one cell (none for a null value: an empty cell, never 0); returns the width it needs in characters. */
    private static int writeCell(Row row, int c, Type type, Object value, Styles styles, ReportFormat fmt) {
        if (value == null) {
            return 0;
        }
        Cell cell = row.createCell(c);
        switch (type) {
            case TEXT -> {
                cell.setCellValue((String) value);
                if (CsvExport.looksLikeFormula((String) value)) {
                    cell.setCellStyle(styles.quoted); // stays text even when a reader edits the cell (issue 10)
                }
                return ((String) value).length();
            }
            case CODE -> {
                cell.setCellValue((String) value);
                cell.setCellStyle(CsvExport.looksLikeFormula((String) value) ? styles.quoted : styles.code);
                return ((String) value).length();
            }
            case BOOLEAN -> {
                String word = fmt.msg((Boolean) value ? "workbook.yes" : "workbook.no");
                cell.setCellValue(word);
                return word.length();
            }
            case INTEGER -> {
                cell.setCellValue(((Number) value).doubleValue());
                cell.setCellStyle(styles.integer);
                return Long.toString(((Number) value).longValue()).length();
            }
            case COUNT -> {
                BigDecimal v = (BigDecimal) value;
                cell.setCellValue(v.doubleValue());
                cell.setCellStyle(isWhole(v) ? styles.count : styles.countFraction);
                return countWidth(v);
            }
            case PERCENT -> {
                cell.setCellValue(((BigDecimal) value).doubleValue());
                cell.setCellStyle(styles.percent);
                return countWidth((BigDecimal) value) + 3;
            }
            case CHANGE -> {
                cell.setCellValue(((BigDecimal) value).doubleValue());
                cell.setCellStyle(styles.change);
                return countWidth((BigDecimal) value) + 4;
            }
            case NUMBER -> {
                BigDecimal v = value instanceof Percent p ? p.value() : (BigDecimal) value;
                cell.setCellValue(v.doubleValue());
                cell.setCellStyle(value instanceof Percent ? styles.percent : isWhole(v) ? styles.count : styles.countFraction);
                return countWidth(v) + 3;
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    private static boolean isWhole(BigDecimal v) {
        return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
    }

    /** Digits and thousands separators of the whole part. */
    private static int countWidth(BigDecimal v) {
        int digits = v.abs().setScale(0, java.math.RoundingMode.DOWN).toPlainString().length();
        return digits + (digits - 1) / 3 + (v.signum() < 0 ? 1 : 0);
    }

    /** Wide enough for a header wrapped on up to three lines, and for its longest word. */
    private static int headerWidth(String title) {
        int longestWord = 0;
        for (String word : title.split("\\s+")) {
            longestWord = Math.max(longestWord, word.length());
        }
        return Math.max(longestWord, (int) Math.ceil(title.length() / 3.0) + 1);
    }

    /** One rule per category on the category column: the category's colour behind its name. */
    private static void categoryRules(SXSSFSheet sheet, int column, int firstRow, int lastRow, ResultTables tables) {
        SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
        CellRangeAddress[] range = {new CellRangeAddress(firstRow, lastRow, column, column)};
        String cell = CellReference.convertNumToColString(column) + (firstRow + 1);
        Map<String, String> names = new LinkedHashMap<>();
        tables.catalogue().ruleSets().forEach(r -> r.bands().forEach(b -> names.putIfAbsent(b.code(), tables.format().category(b.code()))));
        for (Map.Entry<String, String> e : names.entrySet()) {
            ConditionalFormattingRule rule = cf.createConditionalFormattingRule(
                    cell + "=\"" + e.getValue().replace("\"", "\"\"") + "\"");
            colour(rule, Categories.hex(e.getKey()));
            cf.addConditionalFormatting(range, rule);
        }
    }

    /**
     * The category bands on the index column, from the rule version each row was computed with
     * (an index is rounded to two decimals before it is placed in a band, as the category is).
     */
    private static void bandRules(SXSSFSheet sheet, int column, int versionColumn, Set<String> versions, int firstRow,
                                  int lastRow, ResultTables tables) {
        SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
        CellRangeAddress[] range = {new CellRangeAddress(firstRow, lastRow, column, column)};
        String cell = CellReference.convertNumToColString(column) + (firstRow + 1);
        String versionCell = versionColumn < 0 ? null : "$" + CellReference.convertNumToColString(versionColumn) + (firstRow + 1);
        for (String version : versions) {
            RuleSet rules = tables.catalogue().ruleSets().stream().filter(r -> r.version().equals(version)).findFirst().orElse(null);
            if (rules == null) {
                continue; // results of a version no longer in the catalogue: the category column still shows it
            }
            for (CategoryBand band : rules.bands()) {
                String rounded = "ROUND(" + cell + ",2)";
                String condition = "ISNUMBER(" + cell + ")," + rounded + ">=" + band.min().toPlainString() + ","
                        + rounded + "<=" + band.max().toPlainString();
                if (versions.size() > 1 && versionCell != null) {
                    condition = versionCell + "=\"" + version + "\"," + condition;
                }
                ConditionalFormattingRule rule = cf.createConditionalFormattingRule("AND(" + condition + ")");
                colour(rule, Categories.hex(band.code()));
                cf.addConditionalFormatting(range, rule);
            }
        }
    }

    private static void colour(ConditionalFormattingRule rule, String hex) {
        PatternFormatting fill = rule.createPatternFormatting();
        fill.setFillBackgroundColor(new XSSFColor(rgb(hex)));
        fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
        FontFormatting font = rule.createFontFormatting();
        font.setFontColor(new XSSFColor(rgb(textOn(hex))));
    }

    /** Black or white, whichever reads better on the colour (WCAG relative luminance). */
    static String textOn(String hex) {
        Color c = Color.decode(hex);
        double l = 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
        return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
    }

    private static double linear(int channel) {
        double s = channel / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    private static byte[] rgb(String hex) {
        Color c = Color.decode(hex);
        return new byte[] {(byte) c.getRed(), (byte) c.getGreen(), (byte) c.getBlue()};
    }

    // ---- the first sheet -----------------------------------------------------------------------

    private void writeAbout(SXSSFSheet sheet, ResultTables tables, Map<Table, String> names, Map<Table, Integer> counts,
                            Styles styles) {
        ReportFormat fmt = tables.format();
        sheet.setColumnWidth(0, 40 * 256);
        sheet.setColumnWidth(1, 100 * 256);
        sheet.setColumnWidth(2, 14 * 256);
        sheet.setColumnWidth(3, 14 * 256);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        int r = 0;
        Row title = sheet.createRow(r++);
        title.setHeightInPoints(24);
        text(title, 0, fmt.msg("workbook.title"), styles.title);
        r++;
        labelled(sheet.createRow(r++), fmt.msg("workbook.generated"), fmt.date(today), styles);

        List<String> versions = tables.ruleVersions();
        if (versions.isEmpty() && !tables.catalogue().ruleSets().isEmpty()) {
            versions = List.of(tables.catalogue().ruleSets().get(tables.catalogue().ruleSets().size() - 1).version());
        }
        boolean first = true;
        for (String version : versions) {
            RuleSet rules = ruleSet(tables, version);
            String line = rules == null ? version : fmt.msg("workbook.rule_version_line", version, fmt.date(rules.validFrom()),
                    rules.validTo() == null ? fmt.msg("workbook.open_ended") : fmt.date(rules.validTo()), rules.source());
            labelled(sheet.createRow(r++), first ? fmt.msg("workbook.rule_versions") : "", line, styles);
            first = false;
        }
        String periods = tables.periods().stream().map(p -> p + " (" + fmt.period(p) + ")").collect(Collectors.joining("; "));
        labelled(sheet.createRow(r++), fmt.msg("workbook.periods"), periods.isEmpty() ? "–" : periods, styles);
        r++;

        Row sheetsHeader = sheet.createRow(r++);
        text(sheetsHeader, 0, fmt.msg("workbook.sheets"), styles.header);
        text(sheetsHeader, 1, fmt.msg("workbook.sheet_contents"), styles.header);
        text(sheetsHeader, 2, fmt.msg("workbook.sheet_rows"), styles.header);
        for (Map.Entry<Table, String> e : names.entrySet()) {
            Row row = sheet.createRow(r++);
            Cell link = text(row, 0, e.getValue(), styles.link);
            Hyperlink hyperlink = sheet.getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
            hyperlink.setAddress("'" + e.getValue().replace("'", "''") + "'!A1");
            link.setHyperlink(hyperlink);
            wrapped(row, 1, fmt.msg("workbook.about." + e.getKey().key()), styles, 100);
            Cell count = row.createCell(2);
            count.setCellValue(counts.get(e.getKey()));
            count.setCellStyle(styles.countTop);
        }
        r++;

        for (String version : versions) {
            RuleSet rules = ruleSet(tables, version);
            if (rules == null) {
                continue;
            }
            Row bandsHeader = sheet.createRow(r++);
            bandsHeader.setHeightInPoints(30); // the title may wrap onto a second line
            text(bandsHeader, 0, fmt.msg("workbook.categories", version), styles.header);
            text(bandsHeader, 1, fmt.msg("workbook.colour"), styles.header);
            text(bandsHeader, 2, fmt.msg("workbook.band_from"), styles.header);
            text(bandsHeader, 3, fmt.msg("workbook.band_to"), styles.header);
            for (CategoryBand band : rules.bands()) {
                Row row = sheet.createRow(r++);
                CellStyle swatch = styles.swatch(Categories.hex(band.code()));
                text(row, 0, band.name().in(fmt.locale()), swatch);
                text(row, 1, "", swatch); // the colour itself, never its hex code: people read colours, not codes
                Cell from = row.createCell(2);
                from.setCellValue(band.min().doubleValue());
                from.setCellStyle(styles.percent);
                Cell to = row.createCell(3);
                to.setCellValue(band.max().doubleValue());
                to.setCellStyle(styles.percent);
            }
            Row none = sheet.createRow(r++);
            CellStyle grey = styles.swatch(Categories.hex(null));
            text(none, 0, fmt.category(null), grey);
            text(none, 1, "", grey);
            r++;
        }

        Row notesHeader = sheet.createRow(r++);
        text(notesHeader, 0, fmt.msg("workbook.notes"), styles.header);
        for (String note : List.of("empty", "capped", "index", "cumulative", "trend", "rollup", "csv")) {
            wrapped(sheet.createRow(r++), 1, fmt.msg("workbook.note." + note), styles, 100);
        }
    }

    private static RuleSet ruleSet(ResultTables tables, String version) {
        return tables.catalogue().ruleSets().stream().filter(r -> r.version().equals(version)).findFirst().orElse(null);
    }

    private static void labelled(Row row, String label, String value, Styles styles) {
        text(row, 0, label, styles.label);
        wrapped(row, 1, value, styles, 100);
    }

    private static Cell text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    /** Wrapped text, the row made tall enough for it (Excel does not fit rows of a streamed sheet itself). */
    private static void wrapped(Row row, int column, String value, Styles styles, int widthChars) {
        text(row, column, value, styles.wrap);
        int lines = Math.max(1, (int) Math.ceil(value.length() * 1.1 / widthChars));
        row.setHeightInPoints(Math.max(row.getHeightInPoints(), lines * 15f));
    }

    /** Cell styles, made once per workbook (a workbook holds at most 64,000). */
    private static final class Styles {
        final CellStyle header;
        final CellStyle title;
        final CellStyle label;
        final CellStyle link;
        final CellStyle wrap;
        final CellStyle code;
        /** Text that starts like a formula (=, +, -, @): Excel's quote prefix keeps it text when the cell is edited. */
        final CellStyle quoted;
        final CellStyle integer;
        final CellStyle count;
        final CellStyle countTop;
        final CellStyle countFraction;
        final CellStyle percent;
        final CellStyle change;
        private final SXSSFWorkbook workbook;
        private final Map<String, CellStyle> swatches = new HashMap<>();

        Styles(SXSSFWorkbook workbook) {
            this.workbook = workbook;
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setFillForegroundColor(new XSSFColor(rgb("#e0e0e0")));
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            label = workbook.createCellStyle();
            label.setFont(bold);
            label.setVerticalAlignment(VerticalAlignment.TOP);
            Font underlined = workbook.createFont();
            underlined.setUnderline(Font.U_SINGLE);
            underlined.setColor(org.apache.poi.ss.usermodel.IndexedColors.BLUE.getIndex());
            link = workbook.createCellStyle();
            link.setFont(underlined);
            link.setVerticalAlignment(VerticalAlignment.TOP);
            wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            code = format("@");
            quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
            integer = format("0");
            count = format("#,##0");
            countTop = format("#,##0");
            countTop.setVerticalAlignment(VerticalAlignment.TOP);
            countFraction = format("#,##0.00");
            percent = format("0.00");
            change = format("+0.00;-0.00;0.00");
        }

        private CellStyle format(String pattern) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(pattern));
            return style;
        }

        CellStyle swatch(String hex) {
            return swatches.computeIfAbsent(hex, h -> {
                XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
                style.setFillForegroundColor(new XSSFColor(rgb(h)));
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                XSSFFont font = (XSSFFont) workbook.createFont();
                font.setColor(new XSSFColor(rgb(textOn(h))));
                style.setFont(font);
                return style;
            });
        }
    }
}
