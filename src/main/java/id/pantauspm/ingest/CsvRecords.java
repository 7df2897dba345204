package id.pantauspm.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits delimited text into records the way Excel and LibreOffice read a CSV, with Apache Commons
 * CSV configured as Excel reads:
 * <ul>
 *   <li>a quote opens a quoted field only as the field's first character; inside it, {@code ""} is one
 *       quote, and the delimiter and line breaks are text; text after the closing quote is kept
 *       ({@code trailingData});</li>
 *   <li>anywhere else a quote is an ordinary character ({@code 12" pipa}), and so is a backslash (no escape);</li>
 *   <li>a line ends with LF, CRLF or CR; a line break inside a quoted field is kept as LF;</li>
 *   <li>an empty line is a record of one empty field ({@code ignoreEmptyLines false}), so records keep the
 *       row numbers a spreadsheet shows.</li>
 * </ul>
 * A quote never closed is not read leniently (Excel would swallow the rest of the file into one cell):
 * it is reported with the record and field where it opens, found by reading that record again with
 * the library's lenient end of file, where the unclosed field is the record's last.
 */
final class CsvRecords {

    /** The end of the text came inside a quoted field: the quote at {@code record}, {@code field} is never closed. */
    static final class UnterminatedQuote extends IOException {
        final int record;
        final int field;
        final String start;

        UnterminatedQuote(int record, int field, String start) {
            super("quote opened in record " + record + ", field " + (field + 1) + " is never closed");
            this.record = record;
            this.field = field;
            this.start = start;
        }
    }

    private static final int START_CHARS = 40;
    /** How much of a failing record is kept to say where its quote opens. */
    private static final int KEPT_CHARS = 1 << 20;

    private final Recording text;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final char delimiter;
    private int record;
    private long lastStart;

    CsvRecords(Reader in, char delimiter) {
        this.text = new Recording(in);
        this.delimiter = delimiter;
        try {
            this.parser = CSVParser.builder().setReader(text).setFormat(format(delimiter, false)).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.records = parser.iterator();
    }

    /** Excel's reading: no escape character, quotes only at a field's start, text after a closing quote kept. */
    static CSVFormat format(char delimiter, boolean lenientEof) {
        return CSVFormat.EXCEL.builder().setDelimiter(delimiter).setQuote('"').setEscape(null)
                .setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(false).setTrim(false)
                .setTrailingData(true).setLenientEof(lenientEof).setAllowMissingColumnNames(true).get();
    }

    /** The next record's fields, or null at the end of the text. */
    String[] next() throws IOException {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord r = records.next();
            record++;
            lastStart = r.getCharacterPosition();
            text.keepFrom(lastStart);
            String[] fields = new String[r.size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = r.get(i).replace("\r\n", "\n").replace('\r', '\n');
            }
            return fields;
        } catch (UncheckedIOException e) {
            throw unterminated(e.getCause());
        }
    }

    /** Reads the failing record again, leniently, from the kept text: its last field is the one never closed. */
    private IOException unterminated(IOException cause) {
        String kept = text.keptFrom(lastStart);
        try (CSVParser again = CSVParser.builder().setReader(new StringReader(kept)).setFormat(format(delimiter, true)).get()) {
            List<CSVRecord> all = again.getRecords();
            // the kept text starts at the last record read whole, if any; the failing one follows it
            CSVRecord failing = all.get(record == 0 ? 0 : Math.min(1, all.size() - 1));
            String open = failing.get(failing.size() - 1).replace("\r\n", "\n").replace('\r', '\n');
            String begin = open.substring(0, Math.min(open.length(), START_CHARS)).replace('\n', ' ');
            UnterminatedQuote e = new UnterminatedQuote(record + 1, failing.size() - 1, begin.strip());
            e.initCause(cause);
            return e;
        } catch (IOException | RuntimeException unexpected) {
            return cause;
        }
    }

    /** The text as the parser reads it, keeping what came since the start of the last record read. */
    private static final class Recording extends Reader {
        private final Reader in;
        private final StringBuilder kept = new StringBuilder();
        private long keptFrom;
        private long position;

        Recording(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                int room = (int) Math.max(0, Math.min(n, KEPT_CHARS - kept.length()));
                kept.append(buffer, offset, room);
                position += n;
            }
            return n;
        }

        void keepFrom(long start) {
            int drop = (int) Math.min(kept.length(), Math.max(0, start - keptFrom));
            if (drop > 0 && (drop > 64 * 1024 || kept.length() > KEPT_CHARS / 2)) {
                kept.delete(0, drop);
                keptFrom += drop;
            }
        }

        String keptFrom(long start) {
            int skip = (int) Math.min(kept.length(), Math.max(0, start - keptFrom));
            return kept.substring(skip);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
