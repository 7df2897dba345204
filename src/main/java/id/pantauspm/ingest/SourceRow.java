package id.pantauspm.ingest;

import java.util.Map;

/** A data row of the tabular layout: the raw row plus where each column sits. */
public record SourceRow(RawRow raw, Map<Column, Integer> positions) {

    public String sheet() {
        return raw.sheet();
    }

    public int rowNumber() {
        return raw.rowNumber();
    }

    public CellValue cell(Column column) {
        Integer at = positions.get(column);
        return at == null ? CellValue.BLANK : raw.cell(at);
    }

    public String letter(Column column) {
        Integer at = positions.get(column);
        return at == null ? null : RawRow.columnLetter(at);
    }
}
