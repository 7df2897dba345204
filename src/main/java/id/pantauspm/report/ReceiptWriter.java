package id.pantauspm.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import id.pantauspm.ingest.Problem;
import id.pantauspm.store.Submission;

/**
 * The receipt an office gets back for a submission: what was accepted, warned and rejected, each
 * problem with sheet, row, column, the value found and what was expected, in the report language.
 */
public class ReceiptWriter {

    private final MessageSource messages;
    private final Locale locale;

    public ReceiptWriter(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public String fileName(Submission s) {
        return s.id() + "_" + s.fileName() + "." + msg("receipt.file_suffix") + ".txt";
    }

    public String render(Submission s, int accepted, int rejectedRows, int warnedRows, List<Problem> problems) {
        StringBuilder out = new StringBuilder();
        out.append(msg("receipt.title")).append("\n\n");
        out.append(msg("receipt.file", s.fileName())).append('\n');
        out.append(msg("receipt.sha256", s.sha256())).append('\n');
        out.append(msg("receipt.received", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneId.systemDefault()).format(s.receivedAt()))).append('\n');
        out.append(msg("receipt.status." + s.status().name())).append('\n');
        if (s.status() == Submission.Status.INGESTED) {
            out.append(msg("receipt.counts", accepted, rejectedRows, warnedRows)).append('\n');
        }
        if (!problems.isEmpty()) {
            out.append('\n').append(msg("receipt.problems")).append('\n');
            for (Problem p : problems) {
                out.append("- ").append(describe(p)).append('\n');
            }
        }
        return out.toString();
    }

    /** One problem as a sentence a clerk can act on. */
    public String describe(Problem p) {
        StringBuilder line = new StringBuilder("[").append(msg("severity." + p.severity().name())).append("] ");
        if (p.sheet() != null) {
            line.append(msg("receipt.where.sheet", p.sheet()));
            if (p.row() != null) {
                line.append(", ").append(msg("receipt.where.row", p.row()));
            }
            if (p.column() != null) {
                line.append(", ").append(msg("receipt.where.column", p.column()));
            }
            line.append(": ");
        }
        Object[] args = new Object[p.args().size() + 1];
        args[0] = p.found() == null ? "" : p.found();
        for (int i = 0; i < p.args().size(); i++) {
            String a = p.args().get(i);
            // Arguments that are message keys (what was expected) are said in the reader's language.
            args[i + 1] = a.startsWith("expected.") || a.startsWith("convention.") ? msg(a) : a;
        }
        return line.append(msg("problem." + p.code(), args)).toString();
    }

    public void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
