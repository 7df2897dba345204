package id.pantauspm.job;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import id.pantauspm.ingest.FileRefusedException;
import id.pantauspm.ingest.Problem;
import id.pantauspm.ingest.RawRow;
import id.pantauspm.ingest.SourceRow;
import id.pantauspm.ingest.SpreadsheetFormats;
import id.pantauspm.ingest.SpreadsheetReader;
import id.pantauspm.ingest.TabularLayout;
import id.pantauspm.store.Submission;
import id.pantauspm.store.SubmissionRepository;
import id.pantauspm.store.ValueRepository;

/**
 * Reads every pending submission, row by row, then marks the end of each file. A file whose ingest
 * a killed run left half done is read again from its first row (its partial values are cleared
 * first), so a restarted run equals one clean run.
 */
class PendingSubmissionReader implements ItemStreamReader<IngestItem> {

    private static final Logger log = LoggerFactory.getLogger(PendingSubmissionReader.class);

    private final SubmissionRepository submissions;
    private final ValueRepository values;
    private final SpreadsheetFormats formats;

    private Iterator<Submission> queue;
    private Submission current;
    private SpreadsheetReader.Opened opened;
    private Iterator<RawRow> rows;
    private TabularLayout layout;

    PendingSubmissionReader(SubmissionRepository submissions, ValueRepository values, SpreadsheetFormats formats) {
        this.submissions = submissions;
        this.values = values;
        this.formats = formats;
    }

    @Override
    public void open(ExecutionContext context) {
        List<Submission> pending = submissions.pending();
        pending.forEach(s -> values.clearPartial(s.id()));
        queue = pending.iterator();
        log.info("ingest: {} file(s) to read", pending.size());
    }

    @Override
    public IngestItem read() {
        while (true) {
            if (current == null) {
                if (!queue.hasNext()) {
                    return null;
                }
                Optional<IngestItem> refused = start(queue.next());
                if (refused.isPresent()) {
                    return refused.get();
                }
            }
            try {
                while (rows.hasNext()) {
                    Optional<SourceRow> row = layout.accept(rows.next());
                    if (row.isPresent()) {
                        return new IngestItem.Row(current, row.get(), opened.convention());
                    }
                }
            } catch (RuntimeException unreadable) {
                // The file broke part way (corrupt zip entry, bad quoting): refuse all of it.
                return finish(List.of(Problem.corrupt(current.inboxPath(), unreadable)), true);
            }
            if (!layout.foundAnyHeader()) {
                return finish(List.of(Problem.file("file_no_header")), true);
            }
            List<Problem> notes = new ArrayList<>();
            layout.sheetsWithoutHeader().forEach(sheet -> notes.add(Problem.note("sheet_skipped", sheet)));
            return finish(notes, false);
        }
    }

    private Optional<IngestItem> start(Submission submission) {
        current = submission;
        log.info("ingest: reading {}", submission.fileName());
        if (!Files.isRegularFile(submission.inboxPath())) {
            return Optional.of(finish(List.of(Problem.file("file_vanished")), true));
        }
        try {
            opened = formats.open(submission.inboxPath());
            rows = opened.rows().iterator();
            layout = new TabularLayout();
            return Optional.empty();
        } catch (FileRefusedException e) {
            return Optional.of(finish(List.of(e.problem()), true));
        } catch (RuntimeException e) {
            return Optional.of(finish(List.of(Problem.corrupt(submission.inboxPath(), e)), true));
        }
    }

    private IngestItem finish(List<Problem> problems, boolean refused) {
        IngestItem end = new IngestItem.End(current, problems, refused);
        if (opened != null) {
            opened.close();
        }
        current = null;
        opened = null;
        rows = null;
        layout = null;
        return end;
    }

    @Override
    public void close() {
        if (opened != null) {
            opened.close();
        }
    }
}
