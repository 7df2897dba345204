package id.pantauspm.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.ss.usermodel.Row;

/**
 * The files of issue 10 that used to stop a whole night, each for its own region so its effect can be told apart:
 * every one must end as a located row problem or a file refused in plain words, and the night must go on.
 * Each file name says what it holds; {@link #CASES} says what the receipt must name.
 */
public final class PoisonFiles {

    private static final String HEADER = "kode_wilayah;periode;kode_data;nilai;keterangan\n";

    /** What the receipt of a poison file must say: the problem's place ("baris 2", "kolom D") or refusal. */
    public record Case(String file, String region, String mustSay) {
    }

    public static final Map<String, Case> CASES = new LinkedHashMap<>();

    static {
        for (Case c : new Case[] {
                new Case("p01-21-digit-count.csv", "11.01", "baris 2, kolom D"),
                new Case("p02-nik-as-served.csv", "11.02", "baris 3, kolom D"),
                new Case("p03-control-chars-in-note.xls", "11.03", null), // accepted: the note is cleaned
                new Case("p04-deep-formula-chain.xls", "11.04", "baris 2, kolom D"),
                new Case("p05-not-finite.csv", "11.05", "baris 2, kolom D"),
                new Case("p06-malformed-xml.xlsx", "11.06", "tidak tersusun dengan benar"),
                new Case("p07-nan-number-cell.xlsx", "11.07", "baris 2, kolom D"),
                new Case("p08-note-too-long-to-store.csv", "11.08", null), // accepted: the store keeps 2,000 characters
                // breaks the write only where a test adds a constraint the parser does not know (amount 4242):
                // the fault-tolerant step's own path, skip and record
                new Case("p09-breaks-a-write.csv", "11.09", "baris 2, kolom D"),
                // breaks the evaluation's write only where a test adds a constraint on the results (served 4243)
                new Case("p10-breaks-evaluate.csv", "11.10", null),
        }) {
            CASES.put(c.file(), c);
        }
    }

    private PoisonFiles() {
    }

    /** Every poison file by name, as bytes. */
    public static Map<String, byte[]> all() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("p01-21-digit-count.csv", csv("11.01;2025;KES-K01.SASARAN;123456789012345678901;\n"
                + "11.01;2025;KES-K01.TERLAYANI;500;\n"));
        files.put("p02-nik-as-served.csv", csv("11.02;2025;KES-K01.SASARAN;1000;\n"
                + "11.02;2025;KES-K01.TERLAYANI;3374012345678901;\n"));
        // an xls holds any character in a text cell, as pasted from another system: NUL, vertical tab, ESC, BEL
        files.put("p03-control-chars-in-note.xls", Workbooks.xls(wb -> {
            HSSFSheet data = wb.createSheet("Data");
            String[][] rows = {{"kode_wilayah", "periode", "kode_data", "nilai", "keterangan"},
                    {"11.03", "2025", "KES-K01.SASARAN", "1000", ""},
                    {"11.03", "2025", "KES-K01.TERLAYANI", "800", "stok\u0000 vaksin\u000B kosong\u001B[31m <b>&amp;\u0007"}};
            for (int i = 0; i < rows.length; i++) {
                Row r = data.createRow(i);
                for (int j = 0; j < rows[i].length; j++) {
                    if (i > 0 && j == 3) {
                        r.createCell(j).setCellValue(Double.parseDouble(rows[i][j]));
                    } else if (!rows[i][j].isEmpty()) {
                        r.createCell(j).setCellValue(rows[i][j]);
                    }
                }
            }
        }));
        files.put("p04-deep-formula-chain.xls", deepFormulaChain(1_000));
        files.put("p05-not-finite.csv", csv("11.05;2025;KES-K01.SASARAN;NaN;\n"
                + "11.05;2025;KES-K01.TERLAYANI;Infinity;\n"
                + "11.05;2025;KES-K01.ANGGARAN_RENCANA;1E+308;\n"));
        files.put("p06-malformed-xml.xlsx", ZipBombs.withPart(ZipBombs.base(), "xl/worksheets/sheet1.xml",
                out -> out.write(sheet("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>11.06</t></is></c><c r=\"D2\"><v>5</v>")
                        .replace("</sheetData></worksheet>", "</sheetData>").getBytes(StandardCharsets.UTF_8))));
        files.put("p07-nan-number-cell.xlsx", ZipBombs.withPart(ZipBombs.base(), "xl/worksheets/sheet1.xml",
                out -> out.write(sheet(row(2, "11.07", "KES-K01.SASARAN", "NaN") + row(3, "11.07", "KES-K01.TERLAYANI", "400"))
                        .getBytes(StandardCharsets.UTF_8))));
        files.put("p08-note-too-long-to-store.csv", csv("11.08;2025;KES-K01.SASARAN;1000;" + "catatan panjang ".repeat(160) + "\n"
                + "11.08;2025;KES-K01.TERLAYANI;900;\n"));
        files.put("p09-breaks-a-write.csv", csv("11.09;2025;KES-K01.SASARAN;" + WRITE_BREAKER + ";\n"
                + "11.09;2025;KES-K01.TERLAYANI;100;\n"));
        files.put("p10-breaks-evaluate.csv", csv("11.10;2025;KES-K01.SASARAN;5000;\n"
                + "11.10;2025;KES-K01.TERLAYANI;" + EVALUATE_BREAKER + ";\n"));
        return files;
    }

    /** The served count p10 holds, which a test's CHECK constraint on the results makes the database refuse. */
    public static final int EVALUATE_BREAKER = 4243;

    /** The amount p09 holds, which a test's CHECK constraint makes the database refuse. */
    public static final int WRITE_BREAKER = 4242;

    private static byte[] csv(String rows) {
        return (HEADER + rows).getBytes(StandardCharsets.UTF_8);
    }

    private static String sheet(String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>kode_wilayah</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>periode</t></is></c>"
                + "<c r=\"C1\" t=\"inlineStr\"><is><t>kode_data</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>nilai</t></is></c></row>"
                + rows + "</sheetData></worksheet>";
    }

    /** A row whose value cell is a number cell holding {@code raw} as written (NaN is not a number). */
    private static String row(int r, String region, String measure, String raw) {
        return "<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"inlineStr\"><is><t>" + region + "</t></is></c>"
                + "<c r=\"B" + r + "\" t=\"inlineStr\"><is><t>2025</t></is></c>"
                + "<c r=\"C" + r + "\" t=\"inlineStr\"><is><t>" + measure + "</t></is></c>"
                + "<c r=\"D" + r + "\"><v>" + raw + "</v></c></row>";
    }

    /**
     * An xls whose value cell is the end of a chain of {@code depth} formulas (each the previous plus one), written by
     * POI without computing them: the reader must recompute to believe the cached 0, and the recursion is deeper
     * than the evaluator's stack.
     */
    public static byte[] deepFormulaChain(int depth) {
        return Workbooks.xls(wb -> {
            HSSFSheet data = wb.createSheet("Data");
            String[] names = {"kode_wilayah", "periode", "kode_data", "nilai"};
            Row h = data.createRow(0);
            for (int i = 0; i < names.length; i++) {
                h.createCell(i).setCellValue(names[i]);
            }
            Row r = data.createRow(1);
            r.createCell(0).setCellValue("11.04");
            r.createCell(1).setCellValue("2025");
            r.createCell(2).setCellValue("KES-K01.SASARAN");
            HSSFSheet chain = wb.createSheet("Hitung"); // before the formula that names it
            chain.createRow(0).createCell(0).setCellValue(1);
            for (int i = 1; i < depth; i++) {
                chain.createRow(i).createCell(0).setCellFormula("A" + i + "+1");
            }
            r.createCell(3).setCellFormula("Hitung!A" + depth);
            Row r2 = data.createRow(2);
            r2.createCell(0).setCellValue("11.04");
            r2.createCell(1).setCellValue("2025");
            r2.createCell(2).setCellValue("KES-K01.TERLAYANI");
            r2.createCell(3).setCellValue(700);
        });
    }
}
