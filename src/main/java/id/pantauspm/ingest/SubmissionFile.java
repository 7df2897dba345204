package id.pantauspm.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One received file read as the nightly job reads it: its data rows in order, then the notes on
 * its sheets. Shared by the job and by `pantau validate`, so both judge a file the same way.
 */
public final class SubmissionFile implements AutoCloseable {

    private final Path file;
    private final SpreadsheetReader.Opened opened;
    private final Iterator<RawRow> rows;
    private final Layout layout;
    private final java.util.ArrayDeque<SourceRow> pending = new java.util.ArrayDeque<>();
    private final long maxDataRows;
    private long dataRows;
    /** Per sheet, the text of its rows above the first data row (titles such as "... (KUMULATIF)"). */
    private final java.util.Map<String, StringBuilder> titles = new java.util.HashMap<>();
    private final java.util.Set<String> sheetsWithData = new java.util.HashSet<>();
    private static final int TITLE_CHARS = 600;

    private SubmissionFile(Path file, SpreadsheetReader.Opened opened, Layout layout, long maxDataRows) {
        this.file = file;
        this.opened = opened;
        this.rows = opened.rows().iterator();
        this.layout = layout;
        this.maxDataRows = maxDataRows;
    }

    /** Opens a file; a file that cannot be read at all is refused here. */
    public static SubmissionFile open(Path file, SpreadsheetFormats formats, Layout layout) throws FileRefusedException {
        if (!Files.isRegularFile(file)) {
            throw new FileRefusedException(Problem.file("file_vanished"));
        }
        try {
            return new SubmissionFile(file, formats.open(file), layout, formats.limits().maxDataRows());
        } catch (FileRefusedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // a library's own fault on hostile content (nesting, formula chains) is the file's problem, never the night's
            throw new FileRefusedException(Problem.corrupt(file, e), e);
        }
    }

    public DecimalConvention convention() {
        return opened.convention();
    }

    /**
     * The next data row, or empty at the end of the file. A file that breaks part way, or holds more
     * data rows than the limit, is refused whole: the rows already handed out must then be dropped.
     */
    public Optional<SourceRow> next() throws FileRefusedException {
        try {
            if (!pending.isEmpty()) {
                return Optional.of(pending.poll()); // the other values of a wide row
            }
            while (rows.hasNext()) {
                RawRow raw = rows.next();
                List<SourceRow> found = layout.acceptAll(raw);
                if (found.isEmpty() && !sheetsWithData.contains(raw.sheet())) {
                    rememberTitle(raw);
                } else if (!found.isEmpty()) {
                    sheetsWithData.add(raw.sheet());
                }
                if (!found.isEmpty()) {
                    if (++dataRows > maxDataRows) {
                        throw new FileRefusedException(Problem.file("file_too_many_rows", String.valueOf(maxDataRows)));
                    }
                    pending.addAll(found.subList(1, found.size()));
                    return Optional.of(found.get(0));
                }
            }
            return Optional.empty();
        } catch (FileRefusedException.WhileReading refused) {
            throw refused.refusal();
        } catch (RuntimeException | StackOverflowError unreadable) {
            throw new FileRefusedException(Problem.corrupt(file, unreadable), unreadable);
        }
    }

    /**
     * A data row of a community satisfaction survey (IKM) read as one; empty for a row of values.
     * Ask it of each row {@link #next()} hands out.
     */
    public Optional<SurveyRow> survey(SourceRow row) {
        return layout.survey(row);
    }

    private void rememberTitle(RawRow raw) {
        StringBuilder title = titles.computeIfAbsent(raw.sheet(), k -> new StringBuilder());
        for (CellValue cell : raw.cells()) {
            if (cell instanceof CellValue.Text t && title.length() < TITLE_CHARS) {
                title.append(t.value()).append(' ');
            }
        }
    }

    /** The text above the first data row of a sheet (its title rows and header), or null. */
    public String titleOf(String sheet) {
        StringBuilder title = titles.get(sheet);
        return title == null || title.isEmpty() ? null : title.toString().trim();
    }

    /** After the last row: the sheets skipped, or the refusal of a file with no recognised header. */
    public List<Problem> endNotes() throws FileRefusedException {
        if (!layout.foundAnyHeader()) {
            throw new FileRefusedException(Layouts.noHeader(layout));
        }
        List<Problem> notes = new ArrayList<>(opened.notes());
        notes.addAll(layout.notes());
        // the sheet is both where the note points and the message's argument {1}
        layout.sheetsWithoutHeader().forEach(sheet -> notes.add(Problem.note("sheet_skipped", sheet, sheet)));
        notes.addAll(layout.endNotes());
        return notes;
    }

    @Override
    public void close() {
        opened.close();
    }
}
