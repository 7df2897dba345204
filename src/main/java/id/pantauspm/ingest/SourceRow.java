package id.pantauspm.ingest;

import java.util.Map;

/**
 * A data row of a layout: the raw row, where each column sits in it, and cells that the layout
 * takes from elsewhere (a fill-in template's region and period come from its metadata cells).
 * Problems point at the cell where the clerk can fix them.
 */
public record SourceRow(RawRow raw, Map<Column, Integer> positions, Map<Column, Located> elsewhere, Reading reading) {

    /** A cell outside the row, with its place as the spreadsheet shows it. */
    public record Located(String sheet, int row, String column, CellValue value) {
    }

    /**
     * How a layout described in data ({@link DataLayout}) read this value, for the parts of ingest
     * after the parser: null for layout 1 and the template.
     *
     * @param layout           the layout's code
     * @param summed           a part of a region's total (a kecamatan, puskesmas, desa or sex row): summed
     *                         with the other parts of the same region, period and measure, never stored alone
     * @param subregion        the part's sub-region as the file names it ("Gambir / Laki-laki"), for lineage
     *                         and to catch a sub-region given twice
     * @param zeroMeansMissing the source writes 0 for "not reported" (Open Data Jabar): a 0 is missing
     */
    public record Reading(String layout, boolean summed, String subregion, boolean zeroMeansMissing) {
    }

    public SourceRow(RawRow raw, Map<Column, Integer> positions, Map<Column, Located> elsewhere) {
        this(raw, positions, elsewhere, null);
    }

    public SourceRow(RawRow raw, Map<Column, Integer> positions) {
        this(raw, positions, Map.of(), null);
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
