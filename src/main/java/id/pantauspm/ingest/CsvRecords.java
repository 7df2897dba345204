package id.pantauspm.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits delimited text into records the way Excel and LibreOffice read a CSV:
 * <ul>
 *   <li>a quote opens a quoted field only as the field's first character; inside it, {@code ""} is one
 *       quote, and the delimiter and line breaks are text; the quoted part ends at a quote not doubled;</li>
 *   <li>anywhere else a quote is an ordinary character ({@code 12" pipa}), and so is a backslash;</li>
 *   <li>a line ends with LF, CRLF or CR; a line break inside a quoted field is kept as LF;</li>
 *   <li>an empty line is a record of one empty field, so records keep the row numbers a spreadsheet shows.</li>
 * </ul>
 * OpenCSV, used before, read neither stray quotes nor backslashes that way (measured: its default
 * parser takes a backslash as an escape and a quote anywhere as opening a quoted field, swallowing
 * the rest of the file; its RFC 4180 parser merges the next line into a row with a stray quote).
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

    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[64 * 1024];
    private int length;
    private int position;
    private boolean ended;
    private int record;

    CsvRecords(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The next record's fields, or null at the end of the text. */
    String[] next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        record++;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean fieldStart = true;
        while (true) {
            if (c < 0 || c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                fields.add(field.toString());
                return fields.toArray(new String[0]);
            }
            if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
            } else if (c == '"' && fieldStart) {
                readQuoted(field, fields.size());
                fieldStart = false;
            } else {
                field.append((char) c);
                fieldStart = false;
            }
            c = read();
        }
    }

    /** After an opening quote: up to the closing one; what follows it up to the delimiter is kept as text. */
    private void readQuoted(StringBuilder field, int fieldIndex) throws IOException {
        int openedIn = record;
        int start = field.length();
        while (true) {
            int c = read();
            if (c < 0) {
                String begin = field.substring(start, Math.min(field.length(), start + START_CHARS)).replace('\n', ' ');
                throw new UnterminatedQuote(openedIn, fieldIndex, begin.strip());
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    field.append('"');
                } else {
                    return;
                }
            } else if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                field.append('\n');
            } else {
                field.append((char) c);
            }
        }
    }

    private int read() throws IOException {
        if (position == length && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == length && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            ended = true;
            return false;
        }
        length = n;
        position = 0;
        return true;
    }
}
