package id.pantauspm.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A file whose bytes were already received as {@code submissionId}: another name the same night, or
 * the same file dropped again later. It is filed like any file, with a receipt saying so.
 */
public record DuplicateFile(long id, long submissionId, String fileName, long sizeBytes, Instant receivedAt, Path inboxPath,
                            long runId, String storedAs) {
}
