package id.pantauspm.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;

/**
 * xlsx files whose parts unpack to far more than they weigh, built from a genuine POI workbook by
 * replacing one part. Small to store, quick to write: deflate packs repeated bytes about 1000 to 1.
 */
public final class ZipBombs {

    public interface Part {
        void write(OutputStream out) throws IOException;
    }

    static final String SHEET = "xl/worksheets/sheet1.xml";
    private static final String SHEET_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>kode_wilayah</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>periode</t></is></c>"
            + "<c r=\"C1\" t=\"inlineStr\"><is><t>kode_data</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>nilai</t></is></c></row>";
    private static final String SHEET_TAIL = "</sheetData></worksheet>";

    private ZipBombs() {
    }

    /** A one-sheet workbook with the tabular header, as POI writes it. */
    public static byte[] base() {
        return Workbooks.xlsx(wb -> {
            Row h = wb.createSheet("Data").createRow(0);
            String[] names = {"kode_wilayah", "periode", "kode_data", "nilai"};
            for (int i = 0; i < names.length; i++) {
                h.createCell(i).setCellValue(names[i]);
            }
        });
    }

    /** The zip with one part replaced (or added), written at the strongest compression. */
    public static byte[] withPart(byte[] zip, String name, Part part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(9);
            boolean replaced = false;
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(name)) {
                    part.write(unclosable(out));
                    replaced = true;
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            if (!replaced) {
                out.putNextEntry(new ZipEntry(name));
                part.write(unclosable(out));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One row of {@code cells} empty cells: unpacks about 1000 times. */
    public static byte[] emptyCells(long cells) {
        return withPart(base(), SHEET, out -> {
            out.write(SHEET_HEAD.getBytes(StandardCharsets.UTF_8));
            out.write("<row r=\"2\">".getBytes(StandardCharsets.UTF_8));
            repeat(out, "<c/>".getBytes(StandardCharsets.US_ASCII), cells);
            out.write(("</row>" + SHEET_TAIL).getBytes(StandardCharsets.UTF_8));
        });
    }

    /** Blanks between two elements. */
    public static byte[] blanks(long bytes) {
        return withPart(base(), SHEET, out -> {
            out.write(SHEET_HEAD.getBytes(StandardCharsets.UTF_8));
            repeat(out, new byte[] {' '}, bytes);
            out.write(SHEET_TAIL.getBytes(StandardCharsets.UTF_8));
        });
    }

    /** One cell of {@code chars} random letters: packs only about 1.6 to 1, so only its length gives it away. */
    public static byte[] giantCell(int chars) {
        return withPart(base(), SHEET, out -> {
            out.write(SHEET_HEAD.getBytes(StandardCharsets.UTF_8));
            out.write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>".getBytes(StandardCharsets.UTF_8));
            out.write(randomLetters(chars, 1));
            out.write(("</t></is></c></row>" + SHEET_TAIL).getBytes(StandardCharsets.UTF_8));
        });
    }

    public static byte[] randomLetters(int n, long seed) {
        Random random = new Random(seed);
        byte[] letters = new byte[n];
        for (int i = 0; i < n; i++) {
            letters[i] = (byte) ('a' + random.nextInt(26));
        }
        return letters;
    }

    public static void repeat(OutputStream out, byte[] unit, long times) throws IOException {
        byte[] block = new byte[64 * 1024 / unit.length * unit.length];
        for (int i = 0; i < block.length; i++) {
            block[i] = unit[i % unit.length];
        }
        long left = times * unit.length;
        while (left > 0) {
            int n = (int) Math.min(block.length, left);
            out.write(block, 0, n);
            left -= n;
        }
    }

    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    static byte[] copy(byte[] b) {
        return Arrays.copyOf(b, b.length);
    }
}
