package id.pantauspm.job;

import org.slf4j.MDC;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import id.pantauspm.ops.OperatorLog;
import id.pantauspm.ops.ProgressReporter;
import id.pantauspm.ops.ProgressSettings;
import id.pantauspm.ops.ProgressText;
import id.pantauspm.progress.Counter;
import id.pantauspm.progress.Progress;
import id.pantauspm.progress.ProgressBoard;
import id.pantauspm.progress.ProgressBoard.Snapshot;
import id.pantauspm.store.SubmissionRepository;

/**
 * The run's progress, from Spring Batch's own events: a board per run that the steps count their
 * work on, the step's name on every log line (MDC {@code step}), a closing line per step with its
 * counts and time, the progress lines and bar between (ProgressReporter) and run-status.json
 * throughout. The ingest step is counted here from its chunks (files ended, rows checked); steps
 * that are tasklets count their own work on {@link Progress} (files, regions, pages, PDFs).
 */
public class RunProgressListener implements JobExecutionListener, StepExecutionListener, ChunkListener<Object, Object> {

    public static final String MDC_STEP = "step";
    static final String INGEST = "ingest";

    private final OperatorLog log = OperatorLog.of(RunProgressListener.class);
    private final RunStatus status;
    private final SubmissionRepository submissions;
    private final ProgressSettings settings;

    private volatile ProgressBoard board;
    private ProgressReporter reporter;
    private volatile Counter ingestFiles;
    private volatile Counter ingestRows;

    public RunProgressListener(RunStatus status, SubmissionRepository submissions, ProgressSettings settings) {
        this.status = status;
        this.submissions = submissions;
        this.settings = settings;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        board = new ProgressBoard();
        Progress.attach(board);
        status.jobStarted(execution);
        reporter = new ProgressReporter(board, settings.interval(), status::progress, settings.showsBar());
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (reporter != null) {
            reporter.close();
            reporter = null;
        }
        Progress.detach(board);
        status.jobEnded(execution);
    }

    /** A partition's step execution is named after its worker step and the partition: ingest-file:submission-12. */
    private static boolean isPartition(StepExecution step) {
        return step.getStepName().contains(":");
    }

    /** The partitioned step of a partition: ingest-file:... is the ingest's, report-regions-province:... the report-regions step's. */
    private static String managerOf(StepExecution step) {
        String worker = step.getStepName().substring(0, step.getStepName().indexOf(':'));
        int dash = worker.lastIndexOf('-');
        return dash < 0 ? worker : worker.substring(0, dash);
    }

    @Override
    public void beforeStep(StepExecution step) {
        if (isPartition(step)) {
            // a partition (one file of the ingest, one province of the evaluation): its lines carry its step's name;
            // the step's progress and run-status.json are the partitioned step's own
            MDC.put(MDC_STEP, managerOf(step));
            return;
        }
        MDC.put(MDC_STEP, step.getStepName());
        if (board == null) { // a step run on its own (a test), outside a job
            board = new ProgressBoard();
        }
        board.startStep(step.getStepName());
        if (INGEST.equals(step.getStepName())) {
            ingestFiles = board.counter("files", submissions.pending().size());
            ingestRows = board.counter("rows", Counter.UNKNOWN);
        }
        status.stepStarted(step);
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        Counter files = ingestFiles; // partitions count from their own threads
        Counter rows = ingestRows;
        if (files == null || rows == null) {
            return;
        }
        for (Object item : chunk) {
            if (item instanceof IngestItem.End) {
                files.increment();
            } else if (item instanceof IngestItem) {
                rows.increment();
            }
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (isPartition(step)) {
            if (step.getStatus() != BatchStatus.COMPLETED) {
                Throwable cause = step.getFailureExceptions().stream().findFirst().orElse(null);
                String why = cause == null ? step.getStatus().name()
                        : cause.getMessage() != null ? cause.getMessage() : cause.toString();
                log.error(cause, "log.step.failed", ProgressText.stepLabel(managerOf(step)) + " (" + step.getStepName() + ")",
                        ProgressText.duration(java.time.Duration.between(step.getStartTime(), java.time.LocalDateTime.now())), why);
            }
            MDC.remove(MDC_STEP);
            return null;
        }
        Counter files = ingestFiles;
        Counter rows = ingestRows;
        if (INGEST.equals(step.getStepName()) && files != null && rows != null && files.done() == 0 && step.getReadCount() > 0) {
            // remote partitions (pantau worker) count their chunks in their own processes: here, the files no longer
            // pending and the rows the run's files stored (a file a dead worker began is read again: its rows once)
            files.set(Math.max(0, files.total() - submissions.pending().size()));
            long[] counted = submissions.rowCounts(step.getJobExecution().getJobInstance().getInstanceId());
            rows.set(counted[0] + counted[1]);
        }
        Snapshot done = board.snapshot();
        String label = ProgressText.stepLabel(step.getStepName());
        String took = ProgressText.duration(done.elapsed());
        if (step.getStatus() == BatchStatus.COMPLETED) {
            // a step that counted nothing has said what it did in its own lines
            if (!done.counts().isEmpty()) {
                log.info("log.step.done", label, took, ProgressText.counts(done.counts()));
            }
        } else {
            Throwable cause = step.getFailureExceptions().stream().findFirst().orElse(null);
            String why = cause == null ? step.getStatus().name() : cause.getMessage() != null ? cause.getMessage() : cause.toString();
            // the sentence, then the stack trace for whoever investigates (Spring Batch's own English report is off)
            log.error(cause, "log.step.failed", label, took, why);
        }
        status.stepEnded(step, done);
        board.endStep();
        ingestFiles = null;
        ingestRows = null;
        MDC.remove(MDC_STEP);
        return null;
    }
}
