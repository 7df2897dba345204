package id.pantauspm.ingest;

import java.util.List;

/** The outcome of one data row: a value to store (with warnings), or the reasons it was rejected. */
public record ParsedRow(SourceRow source, MeasuredValue value, List<Problem> problems) {

    public boolean accepted() {
        return value != null;
    }
}
