package id.pantauspm.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

import id.pantauspm.report.Receipt;
import id.pantauspm.report.ReceiptWriter;
import id.pantauspm.store.DuplicateFile;
import id.pantauspm.store.ResultRepository;
import id.pantauspm.store.Submission;
import id.pantauspm.store.SubmissionRepository;
import id.pantauspm.store.ValueRepository;

/**
 * `pantau validate`: the nightly job's own scan, ingest, reconcile and evaluate steps over the files
 * to check (the inbox setting points at them), against a database of their own, so the receipts say
 * exactly what a run would accept, warn (data-quality findings included) and reject, conflicts
 * between the files included. Nothing is filed and no report is written.
 */
@Component
public class ValidationRun {

    /** One file's receipt and what it means for the exit code: 0 accepted, 3 rows rejected, 4 refused whole. */
    public record Checked(java.nio.file.Path file, String receipt, int exitCode) {
    }

    public static final int OK = 0;
    public static final int SOME_REJECTED = 3;
    public static final int REFUSED = 4;

    private final JobOperator operator;
    private final Job validateJob;
    private final SubmissionRepository submissions;
    private final ValueRepository values;
    private final ResultRepository results;
    private final ReceiptWriter receipts;

    public ValidationRun(JobOperator operator, Job validateJob, SubmissionRepository submissions, ValueRepository values,
                         ResultRepository results, ReceiptWriter receipts) {
        this.operator = operator;
        this.validateJob = validateJob;
        this.submissions = submissions;
        this.values = values;
        this.results = results;
        this.receipts = receipts;
    }

    /** Runs the checks over the inbox's files; one receipt per file, originals and copies alike. */
    public List<Checked> validate() throws Exception {
        JobExecution execution = operator.startNextInstance(validateJob);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String why = execution.getAllFailureExceptions().stream().map(t -> t.getMessage() != null ? t.getMessage() : t.toString())
                    .findFirst().orElse(execution.getExitStatus().getExitDescription());
            throw new IllegalStateException(why);
        }
        List<Checked> checked = new ArrayList<>();
        for (Submission s : submissions.ofRun(execution.getJobInstance().getInstanceId())) {
            int rejected = values.countRejectedRows(s.id());
            Receipt r = new Receipt(s, values.countValues(s.id()), rejected, values.countRowsWithWarnings(s.id()),
                    values.problems(s.id()), List.of(), values.sameNight(s.id()), results.flagsOfSubmission(s.id()), true);
            int code = s.status() == Submission.Status.REFUSED ? REFUSED : rejected > 0 ? SOME_REJECTED : OK;
            checked.add(new Checked(s.inboxPath(), receipts.render(r), code));
        }
        for (DuplicateFile d : submissions.duplicatesAwaitingArchive()) {
            Submission original = submissions.find(d.submissionId()).orElseThrow();
            // a copy of a file that would be refused would be refused too
            boolean refused = original.status() == Submission.Status.REFUSED;
            checked.add(new Checked(d.inboxPath(), refused
                    ? receipts.renderDuplicate(d, original, submissions.finishedAt(original.id()).orElse(null), values.problems(original.id()))
                    : receipts.renderDuplicate(d, original), refused ? REFUSED : OK));
        }
        checked.sort(java.util.Comparator.comparing(Checked::file));
        return checked;
    }
}
