package id.pantauspm.ops;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A folder of the run (reports, archive, rejected, outbox) could not be written: the disk is full, the folder is
 * read-only or its parent is not a folder. Carries the folder so the operator is told which disk to free or fix
 * (issue 10, point 5); the cause keeps the system's own reason.
 */
public class FolderWriteFailed extends IOException {

    private final transient Path folder;

    public FolderWriteFailed(Path folder, Throwable cause) {
        super(folder + ": " + cause.getMessage(), cause);
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }
}
