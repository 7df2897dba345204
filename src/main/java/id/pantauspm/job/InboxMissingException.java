package id.pantauspm.job;

import java.nio.file.Path;

/** The inbox folder the settings name does not exist: nothing to read, said plainly before the job starts. */
public class InboxMissingException extends RuntimeException {

    private final transient Path inbox;

    public InboxMissingException(Path inbox) {
        super("inbox folder not found: " + inbox);
        this.inbox = inbox;
    }

    public Path inbox() {
        return inbox;
    }
}
