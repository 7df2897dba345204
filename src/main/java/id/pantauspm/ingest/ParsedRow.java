package id.pantauspm.ingest;

import java.util.List;

/** The outcome of one data row: a value to store (with warnings), or the reasons it was rejected. */
public record ParsedRow(SourceRow source, MeasuredValue value, List<Problem> problems) {

    public boolean accepted() {
        return value != null;
    }

    /** Whether the row was refused (a part of a sum that is held, not stored, is neither accepted nor rejected). */
    public boolean rejected() {
        return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ROW_REJECTED);
    }
}
