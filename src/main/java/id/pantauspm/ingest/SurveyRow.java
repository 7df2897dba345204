package id.pantauspm.ingest;

import java.util.List;

/**
 * A data row of a survey sheet: the row as read and how its sheet holds the survey. A column the
 * row does not have (the unit, given once above the header) is read from its label's cell, and a
 * problem with it points there.
 */
public record SurveyRow(RawRow raw, SurveySheet sheet) {

    public String sheetName() {
        return raw.sheet();
    }

    public int rowNumber() {
        return raw.rowNumber();
    }

    public boolean has(SurveyColumn column) {
        return sheet.columns().containsKey(column) || sheet.context().containsKey(column);
    }

    public CellValue cell(SurveyColumn column) {
        Integer at = sheet.columns().get(column);
        if (at != null) {
            return raw.cell(at);
        }
        SourceRow.Located label = sheet.context().get(column);
        return label == null ? CellValue.BLANK : label.value();
    }

    /** A problem at the cell of a column (in this row, or the label's cell above the header). */
    public Problem problem(Problem.Severity severity, String code, SurveyColumn column, String... args) {
        Integer at = sheet.columns().get(column);
        SourceRow.Located label = sheet.context().get(column);
        if (at == null && label != null) {
            return new Problem(severity, code, label.sheet(), label.row(), label.column(), label.value().display(), List.of(args));
        }
        return new Problem(severity, code, raw.sheet(), raw.rowNumber(), at == null ? null : RawRow.columnLetter(at),
                at == null ? null : raw.cell(at).display(), List.of(args));
    }

    /** A problem at a cell of this row given by its index (an unsur's column). */
    public Problem problemAt(Problem.Severity severity, String code, int column, String... args) {
        return new Problem(severity, code, raw.sheet(), raw.rowNumber(), RawRow.columnLetter(column), raw.cell(column).display(),
                List.of(args));
    }
}
