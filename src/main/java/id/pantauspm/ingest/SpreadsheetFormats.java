package id.pantauspm.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the reader for a file by its name, after the checks every file gets: a name the contract
 * lists, not empty, within the size limit. What the bytes really are is each reader's to check, with
 * one exception: a workbook under the other workbook name (an Excel 97-2003 file named .xlsx, or an
 * .xlsx named .xls) is read by what it is, and the receipt says so. A workbook named .csv, or text
 * named .xlsx, is refused: the name promised one thing and the clerk should see which file was sent.
 */
public final class SpreadsheetFormats {

    /** LibreOffice's own formats: not in the contract, and what LibreOffice users are most likely to send. */
    private static final Set<String> OPENDOCUMENT = Set.of("ods", "fods", "ots");

    private final List<SpreadsheetReader> readers;
    private final IngestLimits limits;

    public SpreadsheetFormats(List<SpreadsheetReader> readers) {
        this(readers, IngestLimits.defaults());
    }

    public SpreadsheetFormats(List<SpreadsheetReader> readers, IngestLimits limits) {
        this.readers = List.copyOf(readers);
        this.limits = limits;
    }

    public static SpreadsheetFormats standard() {
        return standard(IngestLimits.defaults());
    }

    /** The readers of the contract (xlsx, xlsm, xls, csv, txt) with the given limits. */
    public static SpreadsheetFormats standard(IngestLimits limits) {
        return new SpreadsheetFormats(List.of(new XlsxReader(limits), new XlsReader(), new CsvReader()), limits);
    }

    public IngestLimits limits() {
        return limits;
    }

    public Optional<SpreadsheetReader> readerFor(Path file) {
        return readerFor(extension(file));
    }

    private Optional<SpreadsheetReader> readerFor(String extension) {
        return readers.stream().filter(r -> r.extensions().contains(extension)).findFirst();
    }

    public SpreadsheetReader.Opened open(Path file) throws FileRefusedException {
        String ext = extension(file);
        if (ext.isEmpty()) {
            // "README", "LAPORAN_DINKES": the clerk is told to name the file's kind, not shown an empty ".{1}"
            throw new FileRefusedException(Problem.file("file_type_missing"));
        }
        if (OPENDOCUMENT.contains(ext)) {
            throw new FileRefusedException(Problem.file("file_type_ods", ext));
        }
        SpreadsheetReader named = readerFor(ext)
                .orElseThrow(() -> new FileRefusedException(Problem.file("file_type_unsupported", ext)));
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new FileRefusedException(Problem.corrupt(file, e), e);
        }
        if (size == 0) {
            throw new FileRefusedException(Problem.file("file_zero_bytes"));
        }
        if (size > limits.maxFileBytes()) {
            throw new FileRefusedException(Problem.file("file_too_large", shownSize(size, true), shownSize(limits.maxFileBytes(), false)));
        }
        FileKind kind = FileKind.of(file);
        boolean namedAsWorkbook = !named.extensions().contains(FileKind.TEXT.nativeExtension());
        if (namedAsWorkbook && kind.isWorkbook() && !named.extensions().contains(kind.nativeExtension())) {
            Optional<SpreadsheetReader> actual = readerFor(kind.nativeExtension());
            if (actual.isPresent()) {
                return actual.get().open(file).withNote(Problem.note("file_read_as_content", null, ext, kind.shownAs()));
            }
        }
        return named.open(file);
    }

    /** A size as the receipt shows it, in whole KB or MB; a file's own size is rounded up, so it never looks within its limit. */
    static String shownSize(long bytes, boolean roundUp) {
        long unit = bytes >= 1024 * 1024 ? 1024 * 1024 : 1024;
        long whole = roundUp ? (bytes + unit - 1) / unit : bytes / unit;
        return whole + (unit == 1024 ? " KB" : " MB");
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
