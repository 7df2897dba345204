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
    private final long maxDataRows;
    private long dataRows;

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
        } catch (RuntimeException e) {
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
            while (rows.hasNext()) {
                Optional<SourceRow> row = layout.accept(rows.next());
                if (row.isPresent()) {
                    if (++dataRows > maxDataRows) {
                        throw new FileRefusedException(Problem.file("file_too_many_rows", String.valueOf(maxDataRows)));
                    }
                    return row;
                }
            }
            return Optional.empty();
        } catch (FileRefusedException.WhileReading refused) {
            throw refused.refusal();
        } catch (RuntimeException unreadable) {
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

    /** After the last row: the sheets skipped, or the refusal of a file with no recognised header. */
    public List<Problem> endNotes() throws FileRefusedException {
        if (!layout.foundAnyHeader()) {
            throw new FileRefusedException(Problem.file("file_no_header"));
        }
        List<Problem> notes = new ArrayList<>(opened.notes());
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
