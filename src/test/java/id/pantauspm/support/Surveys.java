package id.pantauspm.support;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Community satisfaction survey files (IKM) as units keep them, for tests. */
public final class Surveys {

    private Surveys() {
    }

    /**
     * A unit's wide survey workbook of Kota Semarang (33.74): labels above the header (unit, region,
     * period, population), then one row per respondent: number, sex, scores U1..U9.
     */
    public static byte[] wide(String unit, String period, long population, int[]... respondents) {
        return Workbooks.xlsx(wb -> {
            Sheet s = wb.createSheet("Survei");
            cells(s, 0, "SURVEI KEPUASAN MASYARAKAT");
            cells(s, 2, "Unit layanan", unit);
            cells(s, 3, "Kode wilayah", "33.74");
            cells(s, 4, "Periode", period);
            cells(s, 5, "Jumlah populasi", population);
            cells(s, 7, "No", "Jenis kelamin", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9");
            for (int i = 0; i < respondents.length; i++) {
                Object[] row = new Object[11];
                row[0] = i + 1;
                row[1] = i % 2 == 0 ? "L" : "P";
                for (int u = 0; u < 9; u++) {
                    row[2 + u] = respondents[i][u];
                }
                cells(s, 8 + i, row);
            }
        });
    }

    /** Values into a row (0-based), numbers as numbers. */
    public static void cells(Sheet sheet, int row, Object... values) {
        Row r = sheet.createRow(row);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number n) {
                r.createCell(i).setCellValue(n.doubleValue());
            } else if (values[i] != null) {
                r.createCell(i).setCellValue(values[i].toString());
            }
        }
    }

    /** Three respondents (sums 11, 10, 10, 9, 10, 10, 10, 8, 10): IKM 2200/27 = 81.48, B; U8 weakest. */
    public static final int[][] THREE = {
            {4, 3, 3, 3, 4, 3, 3, 2, 3},
            {3, 3, 4, 3, 3, 3, 4, 3, 3},
            {4, 4, 3, 3, 3, 4, 3, 3, 4}};

    /** {@code count} respondents answering {@code score} everywhere: IKM = score x 25. */
    public static int[][] all(int count, int score) {
        int[][] rows = new int[count][];
        java.util.Arrays.fill(rows, new int[] {score, score, score, score, score, score, score, score, score});
        return rows;
    }
}
