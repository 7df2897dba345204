package id.pantauspm.report;

import java.util.List;

import id.pantauspm.ingest.Problem;
import id.pantauspm.store.SameNightSubmission;
import id.pantauspm.store.Submission;
import id.pantauspm.store.ValueChange;

/**
 * What an office is told about one file: accepted, warned and rejected rows with their reasons,
 * values a correction changed, and other files of the same night for the same data.
 *
 * @param checkOnly true for `pantau validate`: nothing was stored
 */
public record Receipt(Submission submission, int accepted, int rejectedRows, int warnedRows, List<Problem> problems,
                      List<ValueChange> changes, List<SameNightSubmission> sameNight, boolean checkOnly) {
}
