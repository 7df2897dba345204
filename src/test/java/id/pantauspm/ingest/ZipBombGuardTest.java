package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.Workbooks;
import id.pantauspm.support.ZipBombs;

@DisplayName("ZipBombGuard: an xlsx that unpacks beyond what a workbook holds is refused before it is parsed")
class ZipBombGuardTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static FileRefusedException refusedByReader(Path file) {
        return catchThrowableOfType(FileRefusedException.class, () -> {
            try (SpreadsheetReader.Opened opened = new XlsxReader().open(file)) {
                opened.rows().count();
            }
        });
    }

    @Test
    @DisplayName("a row of 5 million empty cells (20 MB of XML in 20 KB) is refused, naming the sheet part")
    void emptyCellsBomb() throws Exception {
        Path file = file("bom.xlsx", ZipBombs.emptyCells(5_000_000));
        assertThat(Files.size(file)).isLessThan(100_000);

        FileRefusedException e = refusedByReader(file);

        assertThat(e).isNotNull();
        assertThat(e.problem().code()).isEqualTo("file_zip_bomb");
        assertThat(e.problem().args()).containsExactly("xl/worksheets/sheet1.xml");
        assertThat(e.problem().severity()).isEqualTo(Problem.Severity.FILE_REFUSED);
    }

    @Test
    @DisplayName("20 MB of blanks between two elements is refused")
    void blanksBomb() throws Exception {
        assertThat(refusedByReader(file("kosong.xlsx", ZipBombs.blanks(20_000_000))).problem().code()).isEqualTo("file_zip_bomb");
    }

    @Test
    @DisplayName("one cell of 2 million random letters (packs only 1.6 to 1) is refused for its length alone")
    void giantCell() throws Exception {
        Path file = file("sel-raksasa.xlsx", ZipBombs.giantCell(2_000_000));
        assertThat(Files.size(file)).isGreaterThan(1_000_000); // no compression trick: the length is the danger

        assertThat(refusedByReader(file).problem().code()).isEqualTo("file_zip_bomb");
    }

    @Test
    @DisplayName("the XML of the whole workbook, and the shared strings on their own, are capped")
    void totalCaps() throws Exception {
        Path file = file("besar.xlsx", Workbooks.xlsx(wb -> {
            Sheet s = wb.createSheet("Data");
            for (int i = 0; i < 2000; i++) {
                Row r = s.createRow(i);
                r.createCell(0).setCellValue("teks unik nomor " + i);
                r.createCell(1).setCellValue(i);
            }
        }));

        assertThatCode(() -> ZipBombGuard.check(file, 10_000_000, 10_000_000)).doesNotThrowAnyException();
        FileRefusedException total = catchThrowableOfType(FileRefusedException.class, () -> ZipBombGuard.check(file, 50_000, 10_000_000));
        assertThat(total.problem().code()).isEqualTo("file_zip_bomb");
        FileRefusedException strings = catchThrowableOfType(FileRefusedException.class, () -> ZipBombGuard.check(file, 10_000_000, 10_000));
        assertThat(strings.problem().args()).containsExactly("xl/sharedStrings.xml");
    }

    @Test
    @DisplayName("genuine workbooks pass: 20,000 identical rows (the most regular a sheet gets) and a cell of 32,767 characters")
    void genuineWorkbooksPass() throws Exception {
        Path regular = dir.resolve("seragam.xlsx");
        try (var wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(); var out = Files.newOutputStream(regular)) {
            Sheet s = wb.createSheet("Data");
            for (int i = 0; i < 20_000; i++) {
                Row r = s.createRow(i);
                r.createCell(0).setCellValue("33.74");
                r.createCell(1).setCellValue("2026-TW3");
                r.createCell(2).setCellValue("KES-K01.SASARAN");
                r.createCell(3).setCellValue(100);
            }
            wb.createSheet("Catatan").createRow(0).createCell(0).setCellValue("=".repeat(32_767));
            wb.write(out);
            wb.dispose();
        }

        assertThatCode(() -> ZipBombGuard.check(regular, IngestLimits.defaults())).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a picture that packs extremely well (a 3 MB blank bitmap logo) is not XML and is not held against the file")
    void binaryPartsAreNotParsedSoNotRefused() throws Exception {
        byte[] bitmap = new byte[3_000_000];
        bitmap[0] = 'B';
        bitmap[1] = 'M';
        Path file = file("logo.xlsx", ZipBombs.withPart(ZipBombs.base(), "xl/media/image1.bmp", out -> out.write(bitmap)));

        assertThatCode(() -> ZipBombGuard.check(file, IngestLimits.defaults())).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("XML in UTF-16 is checked too (the parser reads it)")
    void utf16Xml() throws Exception {
        Path file = file("utf16.xlsx", ZipBombs.withPart(ZipBombs.base(), "xl/worksheets/sheet1.xml", out -> {
            out.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
            ZipBombs.repeat(out, " ".getBytes(StandardCharsets.UTF_16LE), 10_000_000);
        }));

        assertThat(refusedByReader(file).problem().code()).isEqualTo("file_zip_bomb");
    }
}
