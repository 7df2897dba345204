package id.pantauspm.ingest;

import java.util.List;

/**
 * The outcome of one survey row: the line to store (with warnings), or the reasons it was
 * rejected; neither for a row of an empty form or a long-shape answer left blank.
 */
public record ParsedSurveyRow(SurveyRow source, SurveyLine line, List<Problem> problems) {

    public boolean accepted() {
        return line != null;
    }

    public boolean rejected() {
        return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ROW_REJECTED);
    }
}
