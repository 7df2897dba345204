package id.pantauspm.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads one file format into raw rows. Implementations know their library; nothing else does. */
public interface SpreadsheetReader {

    /** File name endings (lower case, without the dot) this reader takes. */
    Set<String> extensions();

    /** Opens the file; the stream yields the rows of every sheet in order and must be closed. */
    Opened open(Path file) throws FileRefusedException;

    /**
     * Rows of an opened file, with how its text numbers write decimals, and notes about the file
     * itself for the receipt (e.g. read by its content rather than its name).
     */
    record Opened(Stream<RawRow> rows, DecimalConvention convention, List<Problem> notes) implements AutoCloseable {

        public Opened {
            notes = List.copyOf(notes);
        }

        public Opened(Stream<RawRow> rows, DecimalConvention convention) {
            this(rows, convention, List.of());
        }

        public Opened withNote(Problem note) {
            List<Problem> all = new java.util.ArrayList<>(notes);
            all.add(note);
            return new Opened(rows, convention, all);
        }

        @Override
        public void close() {
            rows.close();
        }
    }
}
