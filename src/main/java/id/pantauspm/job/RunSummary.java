package id.pantauspm.job;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;

import id.pantauspm.ingest.Problem;

/**
 * What one `pantau run` did, for the end-of-run summary and the exit code cron acts on.
 *
 * @param problemFiles the run's files that were refused whole or had rows rejected, in the order received
 */
public record RunSummary(boolean failed, String failure, Long resumedExecution, int filesAccepted, int filesRefused,
                         long rowsAccepted, long rowsRejected, SortedSet<String> regions, SortedSet<String> periods,
                         Path inbox, Path report, Path outbox, List<ProblemFile> problemFiles) {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int SOME_REJECTED = 3;

    /**
     * A file the office has to correct: refused whole (with the reason) or with some rows rejected.
     *
     * @param reason the problem that refused the file; null when only rows were rejected
     */
    public record ProblemFile(String fileName, boolean refused, int rowsRejected, Problem reason) {
    }

    public RunSummary {
        problemFiles = List.copyOf(problemFiles);
    }

    public RunSummary(boolean failed, String failure, Long resumedExecution, int filesAccepted, int filesRefused,
                      long rowsAccepted, long rowsRejected, SortedSet<String> regions, SortedSet<String> periods,
                      Path inbox, Path report, Path outbox) {
        this(failed, failure, resumedExecution, filesAccepted, filesRefused, rowsAccepted, rowsRejected, regions, periods,
                inbox, report, outbox, List.of());
    }

    public int exitCode() {
        if (failed) {
            return FAILED;
        }
        return filesRefused > 0 || rowsRejected > 0 ? SOME_REJECTED : OK;
    }
}
