package id.pantauspm.job;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import id.pantauspm.ingest.FileRefusedException;
import id.pantauspm.ingest.Layout;
import id.pantauspm.ingest.Problem;
import id.pantauspm.ingest.SourceRow;
import id.pantauspm.ingest.SpreadsheetFormats;
import id.pantauspm.ingest.SubmissionFile;
import id.pantauspm.ops.OperatorLog;
import id.pantauspm.store.Submission;
import id.pantauspm.store.SubmissionRepository;
import id.pantauspm.store.ValueRepository;

/**
 * Reads every pending submission, row by row, then marks the end of each file. A file whose ingest
 * a killed run left half done is read again from its first row (its partial values are cleared
 * first), so a restarted run equals one clean run.
 */
class PendingSubmissionReader implements ItemStreamReader<IngestItem> {

    private static final OperatorLog log = OperatorLog.of(PendingSubmissionReader.class);

    private final SubmissionRepository submissions;
    private final ValueRepository values;
    private final SpreadsheetFormats formats;
    private final Function<java.nio.file.Path, Layout> layouts;

    private final Long only;
    private Iterator<Submission> queue;
    private Submission current;
    private SubmissionFile file;

    PendingSubmissionReader(SubmissionRepository submissions, ValueRepository values, SpreadsheetFormats formats,
                            Function<java.nio.file.Path, Layout> layouts) {
        this(submissions, values, formats, layouts, null);
    }

    /** @param only the one submission to read (an ingest partition), null: every pending one */
    PendingSubmissionReader(SubmissionRepository submissions, ValueRepository values, SpreadsheetFormats formats,
                            Function<java.nio.file.Path, Layout> layouts, Long only) {
        this.only = only;
        this.submissions = submissions;
        this.values = values;
        this.formats = formats;
        this.layouts = layouts;
    }

    @Override
    public void open(ExecutionContext context) {
        List<Submission> pending = submissions.pending().stream().filter(s -> only == null || s.id() == only).toList();
        pending.forEach(s -> values.clearPartial(s.id()));
        queue = pending.iterator();
        if (only == null) {
            log.info("log.ingest.pending", pending.size());
        }
    }

    @Override
    public IngestItem read() {
        while (true) {
            if (current == null) {
                if (!queue.hasNext()) {
                    return null;
                }
                current = queue.next();
                log.info("log.ingest.reading", current.fileName());
                try {
                    file = SubmissionFile.open(current.inboxPath(), formats, layouts.apply(current.inboxPath()));
                } catch (FileRefusedException e) {
                    return finish(List.of(e.problem()), true);
                }
            }
            try {
                Optional<SourceRow> row = file.next();
                if (row.isPresent()) {
                    Optional<id.pantauspm.ingest.SurveyRow> survey = file.survey(row.get());
                    return survey.isPresent() ? new IngestItem.Survey(current, survey.get(), file.convention())
                            : new IngestItem.Row(current, row.get(), file.convention(), file.titleOf(row.get().sheet()));
                }
                return finish(file.endNotes(), false);
            } catch (FileRefusedException e) {
                return finish(List.of(e.problem()), true);
            }
        }
    }

    private IngestItem finish(List<Problem> problems, boolean refused) {
        IngestItem end = new IngestItem.End(current, problems, refused);
        close();
        current = null;
        return end;
    }

    @Override
    public void close() {
        if (file != null) {
            file.close();
            file = null;
        }
    }
}
