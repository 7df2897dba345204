package id.pantauspm.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.springframework.context.MessageSource;

import id.pantauspm.evaluate.QualityFlags;
import id.pantauspm.ingest.Problem;
import id.pantauspm.store.SameNightSubmission;
import id.pantauspm.store.Submission;

/**
 * The receipt an office gets back for a submission: what was accepted, warned and rejected, each
 * problem with sheet, row, column, the value found and what was expected, in the report language.
 */
public class ReceiptWriter {

    private final MessageSource messages;
    private final Locale locale;

    private static final int MAX_CHANGES_LISTED = 200;

    public ReceiptWriter(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public String fileName(Submission s) {
        return s.id() + "_" + inert(s.fileName()) + "." + msg("receipt.file_suffix") + ".txt";
    }

    /** The receipt of a copy: its own number after the original's, so both sort together in the outbox. */
    public String fileName(Submission original, id.pantauspm.store.DuplicateFile copy) {
        return original.id() + "-" + copy.id() + "_" + inert(copy.fileName()) + "." + msg("receipt.file_suffix") + ".txt";
    }

    /** A file whose bytes were already received: nothing new was read from it; the original's receipt says what was. */
    public String renderDuplicate(id.pantauspm.store.DuplicateFile copy, Submission original) {
        return renderDuplicate(copy, original, null, List.of());
    }

    /**
     * A file whose bytes were already received. A copy of an accepted file: nothing new was read from it, the original's
     * receipt says what was. A copy of a refused file is refused again: the receipt says it is the same file as the one
     * refused on {@code refusedAt}, still refused, with the original's reasons and its receipt's name.
     *
     * @param refusedAt when the original was refused (its ingest ended); null falls back to when it was received
     * @param originalProblems the original's problems, said again in a refused copy's receipt
     */
    public String renderDuplicate(id.pantauspm.store.DuplicateFile copy, Submission original, java.time.Instant refusedAt,
                                  List<Problem> originalProblems) {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneId.systemDefault());
        String head = msg("receipt.title") + "\n\n"
                + msg("receipt.file", inert(copy.fileName())) + '\n'
                + msg("receipt.sha256", original.sha256()) + '\n'
                + msg("receipt.received", when.format(copy.receivedAt())) + '\n';
        if (original.status() != Submission.Status.REFUSED) {
            return head + msg("receipt.status.DUPLICATE", inert(original.fileName()), when.format(original.receivedAt()),
                    fileName(original)) + '\n';
        }
        StringBuilder out = new StringBuilder(head).append(msg("receipt.status.DUPLICATE_REFUSED",
                inert(original.fileName()),
                when.format(refusedAt == null ? original.receivedAt() : refusedAt), fileName(original))).append('\n');
        appendProblems(out, originalProblems);
        return out.toString();
    }

    public String render(Receipt r) {
        Submission s = r.submission();
        StringBuilder out = new StringBuilder();
        out.append(msg(r.checkOnly() ? "receipt.title_check" : "receipt.title")).append("\n\n");
        out.append(msg("receipt.file", inert(s.fileName()))).append('\n');
        out.append(msg("receipt.sha256", s.sha256())).append('\n');
        if (!r.checkOnly()) {
            out.append(msg("receipt.received", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                    .withLocale(locale).withZone(ZoneId.systemDefault()).format(s.receivedAt()))).append('\n');
        }
        out.append(msg((r.checkOnly() ? "receipt.check_status." : "receipt.status.") + s.status().name())).append('\n');
        if (s.status() == Submission.Status.INGESTED) {
            out.append(msg("receipt.counts", r.accepted(), r.rejectedRows(), r.warnedRows())).append('\n');
        }
        for (SameNightSubmission other : r.sameNight()) {
            out.append('\n').append("[").append(msg("severity.WARNING")).append("] ")
                    .append(msg("receipt.same_night", inert(other.fileName()))).append('\n');
        }
        if (!r.changes().isEmpty()) {
            out.append('\n').append(msg("receipt.changes", r.changes().size())).append('\n');
            r.changes().stream().limit(MAX_CHANGES_LISTED).forEach(c -> out.append("- ").append(msg(
                    c.dropped() ? "receipt.change_dropped" : "receipt.change",
                    c.regionCode(), c.periodCode(), c.measureCode(), amount(c.before()), amount(c.after()), inert(c.earlierFile())))
                    .append('\n'));
            if (r.changes().size() > MAX_CHANGES_LISTED) {
                out.append(msg("receipt.changes_more", r.changes().size() - MAX_CHANGES_LISTED)).append('\n');
            }
        }
        if (!r.findings().isEmpty()) {
            out.append('\n').append(msg("receipt.findings")).append('\n');
            r.findings().forEach(f -> out.append("- [").append(msg("severity.WARNING")).append("] ").append(describe(f)).append('\n'));
        }
        appendProblems(out, r.problems());
        return out.toString();
    }

    private void appendProblems(StringBuilder out, List<Problem> problems) {
        if (!problems.isEmpty()) {
            out.append('\n').append(msg("receipt.problems")).append('\n');
            // A problem of a shared cell (a template's region) comes once per row: say it once, with the count.
            Map<Problem, Integer> counted = new LinkedHashMap<>();
            // why the whole file is refused comes first, then the rows in their order
            problems.stream().sorted(java.util.Comparator.comparing((Problem p) -> p.severity() != Problem.Severity.FILE_REFUSED))
                    .forEach(p -> counted.merge(p, 1, Integer::sum));
            counted.forEach((p, n) -> out.append("- ").append(describe(p))
                    .append(n > 1 ? " " + msg("receipt.repeated", n) : "").append('\n'));
        }
    }

    private String amount(BigDecimal x) {
        if (x == null) {
            return msg("receipt.missing_value");
        }
        NumberFormat f = NumberFormat.getNumberInstance("id".equals(locale.getLanguage()) ? Locale.forLanguageTag("id-ID") : locale);
        f.setMaximumFractionDigits(4);
        return f.format(x);
    }

    public String markedCopyLine(String fileName) {
        return msg("receipt.marked_copy", fileName);
    }

    /** One problem as a sentence a clerk can act on. */
    public String describe(Problem p) {
        StringBuilder line = new StringBuilder("[").append(msg("severity." + p.severity().name())).append("] ");
        if (p.sheet() != null) {
            line.append(msg("receipt.where.sheet", inert(p.sheet())));
            if (p.row() != null) {
                line.append(", ").append(msg("receipt.where.row", p.row()));
            }
            if (p.column() != null) {
                line.append(", ").append(msg("receipt.where.column", p.column()));
            }
            line.append(": ");
        }
        Object[] args = new Object[p.args().size() + 1];
        args[0] = p.found() == null ? "" : inert(p.found());
        for (int i = 0; i < p.args().size(); i++) {
            String a = p.args().get(i);
            // Arguments that are message keys (what was expected) are said in the reader's language.
            args[i + 1] = a.startsWith("expected.") || a.startsWith("convention.") || a.startsWith("basis.")
                    || a.startsWith("damage.") ? msg(a)
                    : a.startsWith(id.pantauspm.ingest.ReceiptNumbers.PREFIX)
                    ? amount(new BigDecimal(a.substring(id.pantauspm.ingest.ReceiptNumbers.PREFIX.length()))) : inert(a);
        }
        return line.append(msg("problem." + p.code(), args)).toString();
    }

    /** A data-quality flag of the evaluation as a sentence for the office. */
    public String describe(QualityFlags.Flag f) {
        String third = switch (f.kind()) {
            case "JUMP", "YTD_DECREASES", "NEEDS_EARLIER_PERIOD" -> f.referencePeriod();
            case "SERVED_ABOVE_TARGET" -> percent(f.extra());
            case "SUM_BEYOND_TARGET" -> amount(f.extra());
            default -> "";
        };
        String first = "OUT_OF_LINE".equals(f.kind()) ? percent(f.amount()) : amount(f.amount());
        String second = "OUT_OF_LINE".equals(f.kind()) ? percent(f.reference()) : amount(f.reference());
        return msg("flag." + f.kind(), f.measureCode() == null ? f.serviceCode() : f.measureCode(), f.regionCode(), f.periodCode(),
                first, second, third);
    }

    private String percent(BigDecimal x) {
        if (x == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance("id".equals(locale.getLanguage()) ? Locale.forLanguageTag("id-ID") : locale);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(x);
    }

    /**
     * Writes a receipt whole or not at all: into a temporary file moved over the receipt, so a full disk never leaves
     * half a receipt for an office to read.
     *
     * @throws UncheckedIOException holding a {@link id.pantauspm.ops.FolderWriteFailed} naming the folder
     */
    public void write(Path file, String text) {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the folder itself is unusable; the exception below names it
            }
            throw new UncheckedIOException(new id.pantauspm.ops.FolderWriteFailed(file.getParent(), e));
        }
    }

    /**
     * A file name (or other text from outside: a CSV's sheet is its file name, a cell, another file named in a
     * conflict) as a receipt shows it and as the receipt is named: one line, a newline shown as U+2424 and other
     * control characters removed, by the one rule the log uses too ({@link id.pantauspm.ops.OperatorLog#oneLine}).
     */
    public static String inert(String text) {
        return text == null ? null : id.pantauspm.ops.OperatorLog.oneLine(text);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
