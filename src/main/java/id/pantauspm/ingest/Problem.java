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
     * A file the libraries could not read, said in plain words: what kind of damage, never the library's
     * exception text (which names classes, offsets and this machine's paths, and means nothing to the clerk).
     * The argument is a message key ({@code damage.*}) the receipt says in the reader's language; the
     * exception itself stays in the operator's log.
     */
    public static Problem corrupt(java.nio.file.Path file, Throwable cause) {
        return file("file_corrupt", damage(cause));
    }

    /** The kind of damage a reading failure shows, as a {@code damage.*} message key: by the exceptions' types first. */
    static String damage(Throwable cause) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = cause; t != null && chain.size() < 20; t = t.getCause() == t ? null : t.getCause()) {
            chain.add(t);
        }
        for (Throwable t : chain) {
            String type = t.getClass().getName();
            if (t instanceof StackOverflowError) {
                return "damage.too_deep";
            }
            if (type.contains("SAX") || type.contains("XMLStream") || type.contains("WFC") || type.contains("aalto")
                    || type.startsWith("org.xml.") || type.contains("Xml") && !type.contains("NotOfficeXml")) {
                return "damage.xml";
            }
            if (t instanceof java.util.zip.ZipException || t instanceof java.io.EOFException || type.contains("NotOfficeXmlFile")
                    || type.contains("Zip")) {
                return "damage.zip";
            }
        }
        for (Throwable t : chain) {
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("too deep") || message.contains("nesting")) {
                return "damage.too_deep";
            }
            if (message.contains("xml") || message.contains("well-formed") || message.contains("tag") || message.contains("markup")
                    || message.contains("entity") || message.contains("doctype")) {
                return "damage.xml";
            }
            if (message.contains("zip") || message.contains("truncated") || message.contains("end of stream")
                    || message.contains("unexpected end of")) {
                return "damage.zip";
            }
        }
        for (Throwable t : chain) {
            String type = t.getClass().getName();
            if (t instanceof NumberFormatException || t instanceof ArithmeticException) {
                return "damage.number";
            }
            if (type.contains("poifs") || type.contains("hssf") || String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT)
                    .matches(".*\\b(ole2|record|sector|block)\\b.*")) {
                return "damage.structure";
            }
        }
        return "damage.unknown";
    }

    public static Problem note(String code, String sheet, String... args) {
        return new Problem(Severity.NOTE, code, sheet, null, null, null, List.of(args));
    }

    public static Problem at(Severity severity, String code, SourceRow row, Column column, String... args) {
        return new Problem(severity, code, row.sheetOf(column), row.rowOf(column), row.letter(column),
                row.cell(column).display(), List.of(args));
    }
}
