package id.pantauspm.report;

import java.util.List;

import id.pantauspm.evaluate.QualityFlags;
import id.pantauspm.ingest.Problem;
import id.pantauspm.store.SameNightSubmission;
import id.pantauspm.store.Submission;
import id.pantauspm.store.ValueChange;

/**
 * What an office is told about one file: accepted, warned and rejected rows with their reasons,
 * values a correction changed, and other files of the same night for the same data.
 *
 * @param findings  the evaluation's data-quality flags on values this file sent (served above target, a
 *                  year-to-date figure that fell, ...): the values are used, the office should check them
 * @param checkOnly true for `pantau validate`: nothing was stored
 */
public record Receipt(Submission submission, int accepted, int rejectedRows, int warnedRows, List<Problem> problems,
                      List<ValueChange> changes, List<SameNightSubmission> sameNight, List<QualityFlags.Flag> findings,
                      boolean checkOnly) {
}
