package id.pantauspm.job;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.TreeSet;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import id.pantauspm.ingest.Problem;
import id.pantauspm.ops.OperatorLog;
import id.pantauspm.store.Submission;
import id.pantauspm.store.SubmissionRepository;
import id.pantauspm.store.ValueRepository;

/**
 * Runs the nightly job once. If the previous run died (killed, power cut), it is recovered and
 * restarted instead of starting a new one, so its files are completed without double counting.
 * One run at a time: a lock file under the data folder guards against two cron runs overlapping.
 */
@Component
public class NightlyRun {

    private static final OperatorLog log = OperatorLog.of(NightlyRun.class);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final PantauSettings settings;
    private final SubmissionRepository submissions;
    private final ValueRepository values;
    private final org.springframework.context.MessageSource messages;
    private final String databaseUrl;

    public NightlyRun(JobOperator operator, JobRepository repository, Job nightlyJob, PantauSettings settings,
                      SubmissionRepository submissions, ValueRepository values,
                      org.springframework.context.MessageSource messages,
                      @org.springframework.beans.factory.annotation.Value("${spring.datasource.url:}") String databaseUrl) {
        this.messages = messages;
        this.databaseUrl = databaseUrl;
        this.operator = operator;
        this.repository = repository;
        this.job = nightlyJob;
        this.settings = settings;
        this.submissions = submissions;
        this.values = values;
    }

    public RunSummary run() throws Exception {
        if (!Files.isDirectory(settings.inboxFolder())) {
            // checked before the job: a missing folder is a setting to fix, not a failed night with a stack trace
            throw new InboxMissingException(settings.inboxFolder());
        }
        Path lockFile = settings.dataFolder().resolve("run.lock");
        Files.createDirectories(lockFile.getParent());
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new RunInProgressException(lockFile);
            }
            return runLocked();
        }
    }

    private RunSummary runLocked() throws Exception {
        for (JobInstance last = repository.getLastJobInstance(NightlyJobConfiguration.JOB_NAME);
             last != null && repository.getLastJobExecution(last) == null;
             last = repository.getLastJobInstance(NightlyJobConfiguration.JOB_NAME)) {
            // Killed between the insert of the job instance and of its execution (seen with a kill as the scan
            // begins): nothing ran and nothing refers to it, but the next instance's parameters come from the last
            // execution, which it lacks, so the job could never start again. It goes.
            repository.deleteJobInstance(last);
        }
        JobExecution previous = lastExecution();
        Long resumed = null;
        JobExecution execution;
        if (previous != null && previous.getStatus().isRunning()) {
            // We hold the lock, so nobody runs it: it died. Mark it failed so it can be restarted.
            log.warn("log.run.recovering", String.valueOf(previous.getId()));
            previous = operator.recover(previous);
        }
        if (previous != null && (previous.getStatus() == BatchStatus.FAILED || previous.getStatus() == BatchStatus.STOPPED)) {
            resumed = previous.getId();
            log.info("log.run.restarting", String.valueOf(resumed));
            execution = operator.restart(previous);
        } else {
            execution = operator.startNextInstance(job);
        }
        return summarize(execution, resumed);
    }

    private JobExecution lastExecution() {
        JobInstance instance = repository.getLastJobInstance(NightlyJobConfiguration.JOB_NAME);
        return instance == null ? null : repository.getLastJobExecution(instance);
    }

    private RunSummary summarize(JobExecution execution, Long resumed) {
        long runId = execution.getJobInstance().getInstanceId();
        List<Submission> ofRun = submissions.ofRun(runId);
        int accepted = (int) ofRun.stream().filter(s -> s.status() == Submission.Status.INGESTED).count();
        // a copy of a file refused earlier (or this night) is refused again: it counts, and the exit code says so
        List<id.pantauspm.store.DuplicateFile> refusedCopies = submissions.refusedDuplicatesOfRun(runId);
        int refused = (int) ofRun.stream().filter(s -> s.status() == Submission.Status.REFUSED).count() + refusedCopies.size();
        long[] rows = submissions.rowCounts(runId);
        TreeSet<String> regions = new TreeSet<>();
        TreeSet<String> periods = new TreeSet<>();
        values.coverage(runId).forEach(rp -> {
            regions.add(rp[0]);
            periods.add(rp[1]);
        });
        boolean failed = execution.getStatus() != BatchStatus.COMPLETED;
        // the fault as the operator can act on it (database gone, disk full), not a driver's message
        // A partitioned step fails with "a partition failed" and its partition with the cause: the cause that says what
        // to do (database gone, disk full) is told, whichever step execution holds it.
        List<Throwable> failures = execution.getAllFailureExceptions();
        String failure = failed ? failures.stream().map(t -> id.pantauspm.ops.RunFault.of(t, databaseUrl))
                .filter(f -> f.kind() != id.pantauspm.ops.RunFault.Kind.OTHER).findFirst()
                .or(() -> failures.stream().findFirst().map(t -> id.pantauspm.ops.RunFault.of(t, databaseUrl)))
                .map(f -> f.describe(messages, settings.locale()))
                .orElse(execution.getExitStatus().getExitDescription()) : null;
        return new RunSummary(failed, failure, resumed, accepted, refused, rows[0], rows[1], regions, periods,
                settings.inboxFolder(), settings.reportsFolder().resolve("latest").resolve("index.html"), settings.outboxFolder(),
                problemFiles(ofRun, refusedCopies));
    }

    /** A failure of the run or out of it, in the operator's language (see {@link id.pantauspm.ops.RunFault}). */
    public String describe(Throwable failure) {
        return id.pantauspm.ops.RunFault.of(failure, databaseUrl).describe(messages, settings.locale());
    }

    /** The run's files refused whole (with the problem that refused them) or with rows rejected. */
    private List<RunSummary.ProblemFile> problemFiles(List<Submission> ofRun, List<id.pantauspm.store.DuplicateFile> refusedCopies) {
        List<RunSummary.ProblemFile> files = new java.util.ArrayList<>();
        for (Submission s : ofRun) {
            if (s.status() == Submission.Status.REFUSED) {
                files.add(new RunSummary.ProblemFile(s.fileName(), true, 0, refusal(s.id())));
            } else if (s.status() == Submission.Status.INGESTED) {
                int rejected = values.countRejectedRows(s.id());
                if (rejected > 0) {
                    files.add(new RunSummary.ProblemFile(s.fileName(), false, rejected, null));
                }
            }
        }
        for (id.pantauspm.store.DuplicateFile copy : refusedCopies) {
            files.add(new RunSummary.ProblemFile(copy.fileName(), true, 0, refusal(copy.submissionId())));
        }
        return files;
    }

    /** The problem that refused a submission as a whole. */
    private Problem refusal(long submissionId) {
        return values.problems(submissionId).stream().filter(p -> p.severity() == Problem.Severity.FILE_REFUSED)
                .findFirst().orElse(null);
    }
}
