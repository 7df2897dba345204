package id.pantauspm.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

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
        try (Folder files = open(tables, folder)) {
            tables.forEachRow(files::row);
            return files.finish();
        }
    }

    /**
     * The CSV files of every table, begun in a staging folder beside {@code folder}: rows are handed in by
     * {@link Folder#row} (ResultTables.forEachRow), and {@link Folder#finish} replaces {@code folder} with them.
     */
    public Folder open(ResultTables tables, Path folder) throws IOException {
        return new Folder(tables, folder);
    }

    /** The CSV files being written, one open per table; closing them without {@link #finish} leaves the folder as it was. */
    public static final class Folder implements AutoCloseable {
        private final ResultTables tables;
        private final Path folder;
        private final Path staging;
        private final Dialect dialect;
        private final Map<Table, Out> outs = new LinkedHashMap<>();

        private Folder(ResultTables tables, Path folder) throws IOException {
            this.tables = tables;
            this.folder = folder;
            this.dialect = Dialect.of(tables.format().locale());
            this.staging = folder.resolveSibling(folder.getFileName() + ".new");
            HtmlReport.deleteTree(staging);
            Files.createDirectories(staging);
            try {
                for (Table table : tables.tables()) {
                    outs.put(table, new Out(table, dialect, staging.resolve(table.id() + ".csv")));
                }
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        /** One data row of a table, after those handed in before. */
        public void row(Table table, Object[] values) {
            outs.get(table).row(values, dialect);
        }

        /** Closes every file, adds the reader's note on the dialect, and moves the folder into place. */
        public Path finish() throws IOException {
            for (Out out : outs.values()) {
                out.finish();
            }
            ReportFormat fmt = tables.format();
            Files.writeString(staging.resolve(fmt.msg("workbook.csv.readme_file")),
                    fmt.msg("workbook.csv.readme").replace("\n", "\r\n"), StandardCharsets.UTF_8);
            HtmlReport.deleteTree(folder);
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            return folder;
        }

        @Override
        public void close() throws IOException {
            for (Out out : outs.values()) {
                out.closeQuietly();
            }
            HtmlReport.deleteTree(staging);
        }
    }

    /** One table's file. */
    private static final class Out {
        private final Table table;
        private final Path file;
        private final Writer out;
        private final ICSVWriter csv;

        Out(Table table, Dialect dialect, Path file) throws IOException {
            this.table = table;
            this.file = file;
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(BOM);
            csv = new CSVWriter(out, dialect.separator(), ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                    ICSVWriter.DEFAULT_QUOTE_CHARACTER, "\r\n");
            csv.writeNext(table.columns().stream().map(Column::id).toArray(String[]::new), false);
        }

        void row(Object[] values, Dialect dialect) {
            List<Column> columns = table.columns();
            String[] line = new String[columns.size()];
            for (int i = 0; i < line.length; i++) {
                line[i] = text(values[i], columns.get(i), dialect);
            }
            csv.writeNext(line, false);
        }

        void finish() throws IOException {
            csv.flush();
            if (csv.checkError()) {
                throw new IOException("could not write " + file);
            }
            out.close();
        }

        void closeQuietly() {
            try {
                out.close();
            } catch (IOException ignored) {
                // the staging folder is removed
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
