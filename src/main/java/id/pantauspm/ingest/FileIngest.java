package id.pantauspm.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One file through the whole ingest path outside the job, as `pantau validate` and tests read it:
 * the rows of {@link SubmissionFile}, checked by {@link RowParser}, assembled by
 * {@link ValueAssembler}. The nightly job runs the same three in its chunk step (reader, processor).
 */
public final class FileIngest implements AutoCloseable {

    private final SubmissionFile file;
    private final RowParser parser;
    private final ValueAssembler assembler = new ValueAssembler();
    private boolean finished;

    private FileIngest(SubmissionFile file, RowParser parser) {
        this.file = file;
        this.parser = parser;
    }

    public static FileIngest open(Path path, SpreadsheetFormats formats, Layouts layouts, RowParser parser) throws FileRefusedException {
        return new FileIngest(SubmissionFile.open(path, formats, layouts.forFile(path)), parser);
    }

    /** The next rows to report (a row, or at the end the totals of summed parts); empty at the end. */
    public List<ParsedRow> next() throws FileRefusedException {
        Optional<SourceRow> row = file.next();
        if (row.isPresent()) {
            return List.of(assembler.accept(parser.parse(row.get(), file.convention())));
        }
        if (finished) {
            return List.of();
        }
        finished = true;
        return new ArrayList<>(assembler.finish());
    }

    public List<Problem> endNotes() throws FileRefusedException {
        return file.endNotes();
    }

    @Override
    public void close() {
        file.close();
    }
}
