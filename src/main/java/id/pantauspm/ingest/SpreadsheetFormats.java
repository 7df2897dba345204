package id.pantauspm.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Chooses the reader for a file by its name; what the bytes really are is each reader's to check. */
public final class SpreadsheetFormats {

    private final List<SpreadsheetReader> readers;

    public SpreadsheetFormats(List<SpreadsheetReader> readers) {
        this.readers = List.copyOf(readers);
    }

    public static SpreadsheetFormats standard() {
        return new SpreadsheetFormats(List.of(new XlsxReader(), new CsvReader()));
    }

    public Optional<SpreadsheetReader> readerFor(Path file) {
        String ext = extension(file);
        return readers.stream().filter(r -> r.extensions().contains(ext)).findFirst();
    }

    public SpreadsheetReader.Opened open(Path file) throws FileRefusedException {
        SpreadsheetReader reader = readerFor(file)
                .orElseThrow(() -> new FileRefusedException(Problem.file("file_type_unsupported", extension(file))));
        return reader.open(file);
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
