package id.pantauspm.ingest;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/** Reads one file format into raw rows. Implementations know their library; nothing else does. */
public interface SpreadsheetReader {

    /** File name endings (lower case, without the dot) this reader takes. */
    Set<String> extensions();

    /** Opens the file; the stream yields the rows of every sheet in order and must be closed. */
    Opened open(Path file) throws FileRefusedException;

    /** Rows of an opened file, with how its text numbers write decimals. */
    record Opened(Stream<RawRow> rows, DecimalConvention convention) implements AutoCloseable {
        @Override
        public void close() {
            rows.close();
        }
    }
}
