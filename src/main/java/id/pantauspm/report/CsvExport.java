package id.pantauspm.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;

import id.pantauspm.report.ResultTables.Column;
import id.pantauspm.report.ResultTables.Percent;
import id.pantauspm.report.ResultTables.Table;

/**
 * The tables of {@link ResultTables} as CSV files for other tools, one per workbook sheet, in a
 * folder {@code csv/} beside the workbook.
 *
 * <p>What the two kinds of reader need, and how the files serve both:
 * <ul>
 *   <li>A spreadsheet opened by double-click (Excel) splits columns on the list separator of the
 *   machine's regional settings and reads numbers with its decimal separator. Indonesian settings
 *   (id-ID) use {@code ;} and decimal comma: {@code 92.07} would become text or 9.207, and a file
 *   separated by commas would land in one column. Excel only reads UTF-8 (names such as "Kab. Adm.
 *   Kepulauan Seribu", "–") when the file starts with a byte order mark.</li>
 *   <li>A BI tool or script (Power BI, pandas, R, DuckDB) wants one header row with names that never
 *   change, one known delimiter and decimal mark, no thousands separators, no rounding, UTF-8, and
 *   empty fields for missing values. Any delimiter and decimal mark will do once it is known and fixed.</li>
 * </ul>
 * So the dialect follows the report language, as its readers' spreadsheets do: Indonesian
 * {@code ;} with decimal comma (the "CSV2" of R's {@code read.csv2}), English {@code ,} with decimal
 * point (RFC 4180). Everything a tool keys on stays the same in every language: file names, column
 * headers (the ids of {@link ResultTables}, which follow the database columns), codes, UTF-8 with
 * BOM, CRLF line ends, quotes only where a value needs them, and plain numbers at their stored
 * precision without thousands separators. Columns only for tools (scope, category, status and
 * warning codes) stand beside the names. A {@code BACA.txt}/{@code README.txt} in the folder states
 * the dialect.
 */
public final class CsvExport {

    public static final String FOLDER = "csv";
    private static final String BOM = "\uFEFF";

    /** The delimiter and decimal mark of a language's spreadsheets. */
    public record Dialect(char separator, char decimal) {

        public static Dialect of(Locale locale) {
            char decimal = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
            return decimal == ',' ? new Dialect(';', ',') : new Dialect(',', '.');
        }
    }

    /** Writes every table into {@code folder} (replaced whole); returns the folder. */
    public Path write(ResultTables tables, Path folder) throws IOException {
        ReportFormat fmt = tables.format();
        Dialect dialect = Dialect.of(fmt.locale());
        Path staging = folder.resolveSibling(folder.getFileName() + ".new");
        HtmlReport.deleteTree(staging);
        Files.createDirectories(staging);
        for (Table table : tables.tables()) {
            write(table, dialect, staging.resolve(table.id() + ".csv"));
        }
        Files.writeString(staging.resolve(fmt.msg("workbook.csv.readme_file")),
                fmt.msg("workbook.csv.readme").replace("\n", "\r\n"), StandardCharsets.UTF_8);
        HtmlReport.deleteTree(folder);
        Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        return folder;
    }

    private static void write(Table table, Dialect dialect, Path file) throws IOException {
        List<Column> columns = table.columns();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(BOM);
            ICSVWriter csv = new CSVWriter(out, dialect.separator(), ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                    ICSVWriter.DEFAULT_QUOTE_CHARACTER, "\r\n");
            csv.writeNext(columns.stream().map(Column::id).toArray(String[]::new), false);
            try (Stream<Object[]> rows = table.rows()) {
                rows.forEach(values -> {
                    String[] line = new String[columns.size()];
                    for (int i = 0; i < line.length; i++) {
                        line[i] = text(values[i], columns.get(i), dialect);
                    }
                    csv.writeNext(line, false);
                });
            }
            csv.flush();
            if (csv.checkError()) {
                throw new IOException("could not write " + file);
            }
        }
    }

    /** A value as the dialect writes it; empty for a value that cannot be computed. */
    static String text(Object value, Column column, Dialect dialect) {
        if (value == null) {
            return "";
        }
        if (value instanceof Percent p) {
            value = p.value();
        }
        if (value instanceof BigDecimal d) {
            return number(d, column.type(), dialect);
        }
        if (value instanceof String text) {
            return inert(text);
        }
        return value.toString(); // codes, integers, true/false
    }

    /**
     * Text a spreadsheet program would take for a formula when it opens the CSV (=, +, -, @, or a tab or carriage
     * return before them): a note "=HYPERLINK(...)" or "+62 812..." written by an office must stay what it says.
     * Prefixed with an apostrophe, as OWASP advises for CSV injection; the apostrophe shows, the formula never runs.
     */
    static String inert(String text) {
        return looksLikeFormula(text) ? "'" + text : text;
    }

    /** Whether a spreadsheet program would read the text as the start of a formula. */
    public static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\uFF1D' || c == '\uFF0B'
                || c == '\uFF0D' || c == '\uFF20';
    }

    static String number(BigDecimal d, ResultTables.Type type, Dialect dialect) {
        // Counts and indicator values at their stored precision without trailing zeros (28678, 1.5);
        // percentages and indices at the two decimals they are computed to (92.07, 100.00).
        String plain = switch (type) {
            case PERCENT, CHANGE -> d.toPlainString();
            default -> d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        };
        return dialect.decimal() == '.' ? plain : plain.replace('.', dialect.decimal());
    }
}
