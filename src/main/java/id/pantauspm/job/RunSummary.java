package id.pantauspm.job;

import java.nio.file.Path;
import java.util.SortedSet;

/** What one `pantau run` did, for the end-of-run summary and the exit code cron acts on. */
public record RunSummary(boolean failed, String failure, Long resumedExecution, int filesAccepted, int filesRefused,
                         long rowsAccepted, long rowsRejected, SortedSet<String> regions, SortedSet<String> periods,
                         Path inbox, Path report, Path outbox) {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int SOME_REJECTED = 3;

    public int exitCode() {
        if (failed) {
            return FAILED;
        }
        return filesRefused > 0 || rowsRejected > 0 ? SOME_REJECTED : OK;
    }
}
