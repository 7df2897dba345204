package id.pantauspm.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * CSV and delimited text: encoding (UTF-8 with or without BOM, else Windows-1252; UTF-16 with a BOM,
 * Excel's "Unicode Text") and delimiter (comma, semicolon, tab) detected from the file; a semicolon
 * file writes decimals with a comma.
 *
 * <p>Records are split as Excel and LibreOffice split them ({@link CsvRecords}). A quote that opens a
 * field and is never closed would swallow every row after it: the file is refused, naming the row and
 * column where the quote opens (csv_unterminated_quote), since no reading of the rest can be trusted;
 * the fix is one character, and the receipt says where.
 */
public final class CsvReader implements SpreadsheetReader {

    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final char[] DELIMITERS = {',', ';', '\t'};
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Override
    public Set<String> extensions() {
        return Set.of("csv", "txt");
    }

    @Override
    public Opened open(Path file) throws FileRefusedException {
        FileKind kind = FileKind.of(file);
        byte[] sample = FileSignature.head(file, SAMPLE_BYTES);
        if (kind == FileKind.TEXT && !FileKind.isUtf16Bom(sample) && containsNul(sample)) {
            kind = FileKind.BINARY;
        }
        if (kind != FileKind.TEXT) {
            throw kind.refusal(file, SpreadsheetFormats.extension(file));
        }
        Charset charset = detectCharset(file, sample);
        String text = decodeLeniently(sample, charset);
        java.util.regex.Matcher sep = SEP_LINE.matcher(text);
        boolean sepLine = sep.find();
        char delimiter = sepLine ? sep.group(1).charAt(0) : detectDelimiter(text);
        String sheet = file.getFileName().toString();
        try {
            Reader in = reader(file, charset);
            if (sepLine) {
                skipLine(in); // Excel reads "sep=;" as an instruction and shows the next line as row 1
            }
            Stream<RawRow> rows = StreamSupport.stream(Spliterators.spliteratorUnknownSize(
                    new Rows(new CsvRecords(in, delimiter), sheet), Spliterator.ORDERED | Spliterator.NONNULL), false);
            return new Opened(rows.onClose(() -> closeQuietly(in)),
                    delimiter == ';' ? DecimalConvention.COMMA : DecimalConvention.DOT);
        } catch (IOException e) {
            throw new FileRefusedException(Problem.corrupt(file, e), e);
        }
    }

    /** Excel's delimiter instruction on the first line: {@code sep=;}. */
    private static final java.util.regex.Pattern SEP_LINE = java.util.regex.Pattern.compile("\\A\\uFEFF?sep=([,;\\t|])[ \\t]*(?:\\r\\n|\\r|\\n|\\z)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private static void skipLine(Reader in) throws IOException {
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
                return;
            }
        }
    }

    /** The file's text without its byte-order mark. */
    private static Reader reader(Path file, Charset charset) throws IOException {
        InputStream in = BOMInputStream.builder().setInputStream(Files.newInputStream(file))
                .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get();
        return new java.io.BufferedReader(new InputStreamReader(in, charset));
    }

    /** Records, numbered as a spreadsheet program shows them (a quoted line break stays in one row). */
    private static final class Rows implements Iterator<RawRow> {
        private final CsvRecords csv;
        private final String sheet;
        private String[] next;
        private int number;

        Rows(CsvRecords csv, String sheet) {
            this.csv = csv;
            this.sheet = sheet;
            advance();
        }

        private void advance() {
            try {
                next = csv.next();
            } catch (CsvRecords.UnterminatedQuote e) {
                Problem problem = new Problem(Problem.Severity.FILE_REFUSED, "csv_unterminated_quote", sheet, e.record,
                        RawRow.columnLetter(e.field), e.start, List.of());
                throw new FileRefusedException.WhileReading(new FileRefusedException(problem, e));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public RawRow next() {
            if (next == null) {
                throw new java.util.NoSuchElementException();
            }
            List<CellValue> cells = new ArrayList<>(next.length);
            for (String v : next) {
                cells.add(v == null ? CellValue.BLANK : CellText.cell(v));
            }
            RawRow row = new RawRow(sheet, ++number, cells);
            advance();
            return row;
        }
    }

    /**
     * UTF-16 when the file starts with its byte-order mark (Excel's "Unicode Text"); UTF-8 when it has
     * a UTF-8 BOM or all of it is valid UTF-8; else Windows-1252. The whole file is checked, because
     * the first accented letter may come late; a sequential read costs little next to parsing.
     */
    static Charset detectCharset(Path file, byte[] sample) throws FileRefusedException {
        if (sample.length >= 2 && (sample[0] & 0xFF) == 0xFF && (sample[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (sample.length >= 2 && (sample[0] & 0xFF) == 0xFE && (sample[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (sample.length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            ByteBuffer bytes = ByteBuffer.allocate(SAMPLE_BYTES);
            CharBuffer chars = CharBuffer.allocate(SAMPLE_BYTES);
            boolean end = false;
            while (!end) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = n < 0;
                if (n > 0) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                CoderResult result = utf8.decode(bytes, chars, end);
                if (result.isError()) {
                    return WINDOWS_1252;
                }
                bytes.compact();
                chars.clear();
            }
            return utf8.flush(chars).isError() ? WINDOWS_1252 : StandardCharsets.UTF_8;
        } catch (IOException e) {
            throw new FileRefusedException(Problem.corrupt(file, e), e);
        }
    }

    private static String decodeLeniently(byte[] sample, Charset charset) {
        return new String(sample, charset); // malformed bytes become U+FFFD: good enough to count delimiters
    }

    /**
     * The delimiter that splits the sample into the most consistent rows of more than one column.
     * Parsing with the CSV library itself keeps quoted delimiters and line breaks out of the count.
     */
    static char detectDelimiter(String sample) {
        char best = ',';
        long bestScore = -1;
        for (char d : DELIMITERS) {
            Map<Integer, Integer> widths = new HashMap<>();
            CsvRecords csv = new CsvRecords(new StringReader(sample), d);
            try {
                String[] rec;
                int n = 0;
                while (n++ < 50 && (rec = csv.next()) != null) {
                    if (rec.length > 1) {
                        widths.merge(rec.length, 1, Integer::sum);
                    }
                }
            } catch (IOException truncatedSample) {
                // the sample may end inside a quoted field; what was counted so far stands
            }
            long score = widths.entrySet().stream().mapToLong(e -> (long) e.getValue() * 100 + e.getKey()).max().orElse(0);
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    private static boolean containsNul(byte[] sample) {
        for (byte b : sample) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(Reader text) {
        try {
            text.close();
        } catch (IOException ignored) {
            // read-only: nothing to lose
        }
    }
}
