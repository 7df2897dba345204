package id.pantauspm.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;

/**
 * The binary files of the ingest corpus, written at test time (Apache POI for xlsx, xlsm and xls;
 * plain Java for zips, images and oversized files), so the repository holds only their recipe.
 * Each is small. Their expected outcomes are in src/test/resources/corpus/expected.csv.
 */
public final class CorpusFiles {

    private static final String[] HEADER = {"kode_wilayah", "periode", "kode_data", "nilai"};

    private CorpusFiles() {
    }

    /** File name to content, in a stable order. */
    public static Map<String, byte[]> generate() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("26 laporan.ods", ods("Laporan SPM"));
        files.put("27 laporan.docx", docx());
        files.put("28 Unicode Text dari Excel.txt", ("\uFEFFKode_Wilayah\tPeriode\tKode_Data\tNilai\tKeterangan\r\n"
                + "34.04\t2025\tPEND-K02.SASARAN\t15230\tSleman – café\r\n").getBytes(StandardCharsets.UTF_16LE));
        files.put("29 pdf bernama.xlsx", pdf());
        files.put("30 gambar bernama.csv", png());
        byte[] plain = xlsx(wb -> data(wb.createSheet("Data"), 0, new Object[][] {{"33.74", "2025", "KES-K01.SASARAN", 1}}));
        files.put("31 xlsx bernama.csv", plain);
        files.put("32 judul, logo dan sel gabung.xlsx", titlesLogoAndMergedCells());
        files.put("33 beberapa lembar.xlsx", severalSheets());
        files.put("34 rumus dengan hasil.xlsx", formulasWithResults());
        files.put("35 rumus galat.xlsx", formulaErrors());
        files.put("36 rumus tanpa hasil.xlsx", formulaWithoutResult());
        files.put("37 persen dan tanggal.xlsx", percentAndDate());
        files.put("38 makro.xlsm", xlsm());
        files.put("39 Excel 97-2003.xls", excel97());
        files.put("40 rumus tanpa hasil.xls", excel97WithoutResults());
        files.put("41 terkunci.xlsx", Workbooks.encryptXlsx(plain, "rahasia"));
        files.put("42 terkunci.xls", Workbooks.encryptedXls("rahasia", wb -> data(wb.createSheet("Data"), 0,
                new Object[][] {{"33.74", "2025", "KES-K01.SASARAN", 1}})));
        files.put("43 xls bernama.xlsx", Workbooks.xls(wb -> data(wb.createSheet("Data"), 0,
                new Object[][] {{"33.19", "2025", "PEND-K01.SASARAN", 3120}})));
        byte[] whole = severalSheets();
        files.put("44 terpotong.xlsx", java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
        files.put("45 rusak di tengah.xlsx", damagedInside(whole));
        files.put("46 bom zip.xlsx", ZipBombs.emptyCells(5_000_000));
        files.put("47 sel raksasa.xlsx", giantCellUnder256KiB());
        files.put("48 terlalu besar.csv", tooLarge());
        files.put("49 terlalu banyak baris.csv", tooManyRows());
        files.put("50 tanpa lembar dikenal.xlsx", xlsx(wb -> {
            Sheet s = wb.createSheet("Petunjuk");
            s.createRow(0).createCell(0).setCellValue("Isi data pada lembar Data.");
            s.createRow(1).createCell(0).setCellValue("wilayah | tahun | indikator | angka");
        }));
        files.put("51 arsip zip bernama.xlsx", zip("data.csv", "kode_wilayah,periode,kode_data,nilai\n"));
        files.put("52 ods bernama.xlsx", ods("Rekap SPM")); // other bytes than 26: the same bytes would be one submission
        files.put("53 html bernama.xls", "<html><head><meta charset=\"utf-8\"></head><body><table><tr><td>kode_wilayah</td><td>periode</td></tr></table></body></html>"
                .getBytes(StandardCharsets.UTF_8));
        byte[] kudus = xlsx(wb -> data(wb.createSheet("Rekap"), 0, new Object[][] {
                {"33.19", "2026-TW3", "KES-K01.SASARAN", 14210}, {"33.19", "2026-TW3", "KES-K01.TERLAYANI", 9877}}));
        files.put("54 Rekap Dinkes Kudus.xlsx", kudus);
        files.put("54 Rekap Dinkes Kudus (salinan).xlsx", kudus.clone());
        files.put("55 xlsx bernama.xls", xlsx(wb -> data(wb.createSheet("Data"), 0,
                new Object[][] {{"33.19", "2025", "PEND-K02.SASARAN", 2840}})));
        files.put("56 lembar kosong saja.xlsx", xlsx(wb -> wb.createSheet("Sheet1")));
        return files;
    }

    /** Writes the generated files into a folder; returns their paths by name. */
    public static Map<String, Path> writeTo(Path folder) {
        Map<String, Path> paths = new LinkedHashMap<>();
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, byte[]> f : generate().entrySet()) {
                paths.put(f.getKey(), Files.write(folder.resolve(f.getKey()), f.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paths;
    }

    // ---- workbooks

    private static byte[] xlsx(Consumer<XSSFWorkbook> fill) {
        return Workbooks.xlsx(fill);
    }

    /** The header at {@code headerRow} (0-based), then the rows; numbers stay numbers, the rest text. */
    static void data(Sheet sheet, int headerRow, Object[][] rows) {
        Row h = sheet.createRow(headerRow);
        for (int i = 0; i < HEADER.length; i++) {
            h.createCell(i).setCellValue(HEADER[i]);
        }
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(headerRow + 1 + r);
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v instanceof Number n) {
                    row.createCell(c).setCellValue(n.doubleValue());
                } else if (v != null) {
                    row.createCell(c).setCellValue(v.toString());
                }
            }
        }
    }

    private static byte[] titlesLogoAndMergedCells() {
        return xlsx(wb -> {
            Sheet s = wb.createSheet("Laporan");
            s.createRow(0).createCell(0).setCellValue("LAPORAN CAPAIAN SPM BIDANG KESEHATAN KOTA SEMARANG TAHUN 2025");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            s.createRow(1).createCell(0).setCellValue("Dinas Kesehatan Kota Semarang");
            s.addMergedRegion(new CellRangeAddress(1, 1, 0, 5));
            int picture = wb.addPicture(png(), Workbook.PICTURE_TYPE_PNG);
            ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
            anchor.setCol1(6);
            anchor.setRow1(0);
            anchor.setCol2(8);
            anchor.setRow2(3);
            s.createDrawingPatriarch().createPicture(anchor, picture);
            Row h = s.createRow(3);
            String[] header = {"No", "Kode\nWilayah", "Periode", "Kode Data", "Nilai", "Keterangan"};
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Object[][] rows = {{1, "33.74", "2025", "KES-K02.SASARAN", 28678, ""},
                    {2, "33.74", "2025", "KES-K02.TERLAYANI", 27102, "termasuk rujukan"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(4 + r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (!rows[r][c].toString().isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c].toString());
                    }
                }
            }
        });
    }

    private static byte[] severalSheets() {
        return xlsx(wb -> {
            Sheet help = wb.createSheet("Petunjuk");
            help.createRow(0).createCell(0).setCellValue("PETUNJUK PENGISIAN");
            help.createRow(1).createCell(0).setCellValue("1. Isi satu nilai per baris pada lembar Kesehatan dan Pendidikan.");
            data(wb.createSheet("Kesehatan"), 0, new Object[][] {
                    {"33.74", "2025", "KES-K03.SASARAN", 100}, {"33.74", "2025", "KES-K03.TERLAYANI", 90}});
            data(wb.createSheet("Pendidikan"), 0, new Object[][] {{"33.74", "2025", "PEND-K01.SASARAN", 500}});
        });
    }

    private static byte[] formulasWithResults() {
        return xlsx(wb -> {
            Sheet s = wb.createSheet("Data");
            data(s, 0, new Object[][] {
                    {"33.74", "2025", "KES-K04.SASARAN", 600},
                    {"33.74", "2025", "KES-K04.TERLAYANI", null},
                    {"33.74", "2025", null, 19},
                    {"33.74", "2025", "KES-K05.SASARAN", null}});
            s.getRow(2).createCell(3).setCellFormula("D2-88");                           // 512
            s.getRow(3).createCell(2).setCellFormula("\"KES-K04\"&\".TAHAP1_PENGUMPULAN_DATA\"");
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
            s.getRow(3).getCell(3).setCellFormula("19/20");                               // shown 95%
            s.getRow(3).getCell(3).setCellStyle(percent);
            s.getRow(4).createCell(3).setCellFormula("IF(D2>1000,D2,\"\")");               // empty text: missing
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
    }

    private static byte[] formulaErrors() {
        return xlsx(wb -> {
            Sheet s = wb.createSheet("Data");
            data(s, 0, new Object[][] {
                    {"33.74", "2025", "KES-K05.TERLAYANI", null},
                    {"33.74", "2025", "KES-K06.SASARAN", null},
                    {"33.74", "2025", "KES-K06.TERLAYANI", null},
                    {"33.74", "2025", "KES-K07.SASARAN", null},
                    {"33.74", "2025", "KES-K07.TERLAYANI", 75}});
            s.getRow(1).createCell(3).setCellFormula("E2/0");
            s.getRow(2).createCell(3).setCellFormula("#REF!+1");
            s.getRow(3).createCell(3).setCellFormula("\"tujuh\"+1");
            s.getRow(4).createCell(3).setCellFormula("NA()");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
    }

    private static byte[] formulaWithoutResult() {
        return xlsx(wb -> {
            Sheet s = wb.createSheet("Data");
            data(s, 0, new Object[][] {{"33.74", "2025", "KES-K08.SASARAN", 300}, {"33.74", "2025", "KES-K08.TERLAYANI", null}});
            s.getRow(2).createCell(3).setCellFormula("D2-12");   // saved without computing: no <v>
        });
    }

    private static byte[] percentAndDate() {
        return xlsx(wb -> {
            Sheet s = wb.createSheet("Data");
            data(s, 0, new Object[][] {
                    {"33.74", "2025", "KES-K09.TAHAP1_PENGUMPULAN_DATA", null},
                    {"33.74", null, "KES-K09.TERLAYANI", 812},
                    {"33.74", "2025", "KES-K09.SASARAN", null}});
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
            var p = s.getRow(1).createCell(3);
            p.setCellValue(0.95);
            p.setCellStyle(percent);
            var wrong = s.getRow(3).createCell(3);
            wrong.setCellValue(0.95);
            wrong.setCellStyle(percent);
            CellStyle month = wb.createCellStyle();
            month.setDataFormat(wb.createDataFormat().getFormat("mmm-yy"));
            var d = s.getRow(2).createCell(1);
            d.setCellValue(LocalDate.of(2026, 7, 1));
            d.setCellStyle(month);
        });
    }

    private static byte[] xlsm() {
        try (XSSFWorkbook wb = new XSSFWorkbook(XSSFWorkbookType.XLSM)) {
            data(wb.createSheet("Isian"), 0, new Object[][] {{"34.71", "2026-S1", "PEND-K01.SASARAN", 4100}});
            return Workbooks.bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] excel97() {
        return Workbooks.xls(wb -> {
            wb.createSheet("Petunjuk").createRow(0).createCell(0).setCellValue("Isi lembar Data; jangan ubah judul kolom.");
            Sheet s = wb.createSheet("Data");
            s.createRow(0).createCell(0).setCellValue("REKAP SPM PENDIDIKAN KABUPATEN KUDUS");
            data(s, 2, new Object[][] {
                    {"33.19", "2025", "PEND-K01.SASARAN", 2400},
                    {"33.19", "2025", "PEND-K01.TERLAYANI", null},
                    {"33.19", "2025", "PEND-K01.TAHAP1_PENGUMPULAN_DATA", null},
                    {"33.19", null, "PEND-K02.SASARAN", 310},
                    {"33.19", "2025", "PEND-K02.TERLAYANI", null}});
            s.getRow(4).createCell(3).setCellFormula("D4-150");                   // 2250
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
            s.getRow(5).createCell(3).setCellValue(0.8);
            s.getRow(5).getCell(3).setCellStyle(percent);
            CellStyle month = wb.createCellStyle();
            month.setDataFormat(wb.createDataFormat().getFormat("mmm-yy"));
            s.getRow(6).createCell(1).setCellValue(LocalDate.of(2026, 7, 1));
            s.getRow(6).getCell(1).setCellStyle(month);
            s.getRow(7).createCell(3).setCellFormula("D7/0");                    // #DIV/0!
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
    }

    private static byte[] excel97WithoutResults() {
        return Workbooks.xls(wb -> {
            Sheet s = wb.createSheet("Data");
            data(s, 0, new Object[][] {
                    {"33.19", "2025", "PEND-K03.SASARAN", 120},
                    {"33.19", "2025", "PEND-K03.TERLAYANI", null},
                    {"33.19", "2025", "PEND-K03.ANGGARAN_REALISASI", null}});
            s.getRow(2).createCell(3).setCellFormula("D2-20");    // never computed: POI stores 0
            s.getRow(3).createCell(3).setCellFormula("D2-D2");    // never computed, but truly 0
        });
    }

    private static byte[] damagedInside(byte[] xlsx) {
        byte[] bytes = xlsx.clone();
        // overwrite the packed parts, keep the first local header and the central directory at the end
        java.util.Arrays.fill(bytes, 64, bytes.length / 2, (byte) 0x55);
        return bytes;
    }

    /** One cell of 1.2 million letters: a 20 KB random block repeated, so the file stays small but the cell does not. */
    private static byte[] giantCellUnder256KiB() {
        byte[] block = ZipBombs.randomLetters(20_000, 7);
        return ZipBombs.withPart(ZipBombs.base(), "xl/worksheets/sheet1.xml", out -> {
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 60; i++) {
                out.write(block);
            }
            out.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
    }

    /** 300,000 bytes of genuine rows: over the corpus limit of 256 KiB. */
    private static byte[] tooLarge() {
        StringBuilder text = new StringBuilder("kode_wilayah,periode,kode_data,nilai\n");
        while (text.length() < 300_000) {
            text.append("33.74,2025,KES-K01.SASARAN,1\n");
        }
        return text.substring(0, 300_000).getBytes(StandardCharsets.US_ASCII);
    }

    /** 101 data rows: one over the corpus limit of 100. */
    private static byte[] tooManyRows() {
        StringBuilder text = new StringBuilder("kode_wilayah,periode,kode_data,nilai\n");
        for (int i = 1; i <= 101; i++) {
            text.append("33.74,2025,KES-K01.SASARAN,").append(i).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    // ---- other files

    private static byte[] ods(String title) {
        return zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                "content.xml", "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">"
                        + title + "</office:document-content>",
                "META-INF/manifest.xml", "<manifest/>");
    }

    private static byte[] docx() {
        return zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>");
    }

    private static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            image.setRGB(x, x, 0x2060A0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zip(String... namesAndContents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                ZipEntry e = new ZipEntry(namesAndContents[i]);
                e.setTime(0);
                zip.putNextEntry(e);
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
