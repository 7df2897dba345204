package id.pantauspm.ingest;

import java.util.Map;

/**
 * A data row of a layout: the raw row, where each column sits in it, and cells that the layout
 * takes from elsewhere (a fill-in template's region and period come from its metadata cells).
 * Problems point at the cell where the clerk can fix them.
 */
public record SourceRow(RawRow raw, Map<Column, Integer> positions, Map<Column, Located> elsewhere) {

    /** A cell outside the row, with its place as the spreadsheet shows it. */
    public record Located(String sheet, int row, String column, CellValue value) {
    }

    public SourceRow(RawRow raw, Map<Column, Integer> positions) {
        this(raw, positions, Map.of());
    }

    public String sheet() {
        return raw.sheet();
    }

    public int rowNumber() {
        return raw.rowNumber();
    }

    public CellValue cell(Column column) {
        Located other = elsewhere.get(column);
        if (other != null) {
            return other.value();
        }
        Integer at = positions.get(column);
        return at == null ? CellValue.BLANK : raw.cell(at);
    }

    public String letter(Column column) {
        Located other = elsewhere.get(column);
        if (other != null) {
            return other.column();
        }
        Integer at = positions.get(column);
        return at == null ? null : RawRow.columnLetter(at);
    }

    /** The sheet holding a column's cell (the row's own sheet unless the layout took it from elsewhere). */
    public String sheetOf(Column column) {
        Located other = elsewhere.get(column);
        return other != null ? other.sheet() : sheet();
    }

    public int rowOf(Column column) {
        Located other = elsewhere.get(column);
        return other != null ? other.row() : rowNumber();
    }
}
