package id.pantauspm.job;

import java.nio.file.Path;

/** Another `pantau run` holds the lock: this one did nothing (exit code 5), and the other is left alone. */
public class RunInProgressException extends IllegalStateException {

    private final transient Path lockFile;

    public RunInProgressException(Path lockFile) {
        super("another pantau run is in progress (lock " + lockFile + ")");
        this.lockFile = lockFile;
    }

    public Path lockFile() {
        return lockFile;
    }
}
