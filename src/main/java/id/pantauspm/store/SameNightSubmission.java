package id.pantauspm.store;

import java.time.Instant;

/** Another file of the same run covering the same region, period and field. */
public record SameNightSubmission(String fileName, Instant receivedAt, boolean receivedLater) {
}
