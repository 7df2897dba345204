package id.pantauspm.ingest;

import java.util.List;

/**
 * Something wrong or noteworthy in a submission, located as the clerk sees it.
 * {@code code} is a message key suffix (problem.&lt;code&gt; in the bundles); {@code found} is the cell content.
 */
public record Problem(Severity severity, String code, String sheet, Integer row, String column, String found,
                      List<String> args) {

    public enum Severity {
        /** The whole file is refused and moved to the rejected folder. */
        FILE_REFUSED,
        /** This row is not stored; the rest of the file is. */
        ROW_REJECTED,
        /** Stored, but the clerk should check it. */
        WARNING,
        /** For information (a skipped sheet, a code read without its dot). */
        NOTE
    }

    public static Problem file(String code, String... args) {
        return new Problem(Severity.FILE_REFUSED, code, null, null, null, null, List.of(args));
    }

    /**
     * A file the libraries could not read. Their message may name the file's full path on this
     * machine, which means nothing to the clerk: only the file name is kept.
     */
    public static Problem corrupt(java.nio.file.Path file, Throwable cause) {
        String reason = String.valueOf(cause.getMessage());
        String full = file.toAbsolutePath().toString();
        reason = reason.replace(full, file.getFileName().toString()).replace(file.toString(), file.getFileName().toString());
        return file("file_corrupt", reason);
    }

    public static Problem note(String code, String sheet, String... args) {
        return new Problem(Severity.NOTE, code, sheet, null, null, null, List.of(args));
    }

    public static Problem at(Severity severity, String code, SourceRow row, Column column, String... args) {
        return new Problem(severity, code, row.sheetOf(column), row.rowOf(column), row.letter(column),
                row.cell(column).display(), List.of(args));
    }
}
