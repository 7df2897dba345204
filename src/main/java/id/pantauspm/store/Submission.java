package id.pantauspm.store;

import java.nio.file.Path;
import java.time.Instant;

/** A received file, identified by its content (SHA-256). */
public record Submission(long id, String sha256, String fileName, long sizeBytes, Instant receivedAt, Path inboxPath,
                         Status status, long runId, String storedAs) {

    public enum Status { RECEIVED, INGESTED, REFUSED }
}
