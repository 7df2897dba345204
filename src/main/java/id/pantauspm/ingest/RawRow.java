package id.pantauspm.ingest;

import java.util.List;

/** One row as a reader found it: sheet, row number as the spreadsheet shows it (1-based), cells from column A. */
public record RawRow(String sheet, int rowNumber, List<CellValue> cells) {

    public CellValue cell(int column) {
        return column < cells.size() ? cells.get(column) : CellValue.BLANK;
    }

    public boolean isBlank() {
        return cells.stream().allMatch(CellValue::isBlank);
    }

    /** Column letters as spreadsheets show them: 0 -> A, 25 -> Z, 26 -> AA. */
    public static String columnLetter(int column) {
        StringBuilder s = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            s.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return s.toString();
    }
}
