package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.Workbooks;

@DisplayName("FileKind: what a file really is, from its bytes")
class FileKindTest {

    @TempDir
    Path dir;

    private FileKind kindOf(byte[] bytes) throws Exception {
        return FileKind.of(Files.write(dir.resolve("f.bin"), bytes));
    }

    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void workbooks() throws Exception {
        assertThat(kindOf(Workbooks.xlsx(wb -> wb.createSheet("Data")))).isEqualTo(FileKind.OOXML_WORKBOOK);
        assertThat(kindOf(Workbooks.xls(wb -> wb.createSheet("Data")))).isEqualTo(FileKind.XLS);
        assertThat(kindOf(Workbooks.encryptXlsx(Workbooks.xlsx(wb -> wb.createSheet("Data")), "x")))
                .isEqualTo(FileKind.OOXML_ENCRYPTED);
    }

    @Test
    void otherZips() throws Exception {
        assertThat(kindOf(zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>")))
                .isEqualTo(FileKind.ODS);
        assertThat(kindOf(zip("mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<x/>")))
                .isEqualTo(FileKind.OPENDOCUMENT_OTHER);
        assertThat(kindOf(zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w/>"))).isEqualTo(FileKind.DOCX);
        assertThat(kindOf(zip("data.csv", "a,b\n1,2\n"))).isEqualTo(FileKind.ZIP_OTHER);
    }

    @Test
    @DisplayName("a zip cut short (no end-of-central-directory record) is truncated")
    void truncatedZip() throws Exception {
        byte[] whole = Workbooks.xlsx(wb -> wb.createSheet("Data"));
        assertThat(kindOf(java.util.Arrays.copyOf(whole, whole.length - 30))).isEqualTo(FileKind.ZIP_TRUNCATED);
    }

    @Test
    void documentsAndImages() throws Exception {
        assertThat(kindOf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(FileKind.PDF);
        assertThat(kindOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0})).isEqualTo(FileKind.PNG);
        assertThat(kindOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16})).isEqualTo(FileKind.JPEG);
        assertThat(kindOf("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEqualTo(FileKind.GIF);
        assertThat(kindOf("{\\rtf1\\ansi".getBytes(StandardCharsets.US_ASCII))).isEqualTo(FileKind.RTF);
        assertThat(kindOf("\n  <html><body><table>".getBytes(StandardCharsets.US_ASCII))).isEqualTo(FileKind.HTML);
        assertThat(kindOf("<?xml version=\"1.0\"?><Workbook/>".getBytes(StandardCharsets.US_ASCII))).isEqualTo(FileKind.XML);
        assertThat(kindOf(new byte[] {1, 2, 0, 3})).isEqualTo(FileKind.BINARY);
    }

    @Test
    @DisplayName("text in any of the contract's encodings, and Excel's UTF-16 'Unicode Text', is text")
    void text() throws Exception {
        assertThat(kindOf("kode_wilayah;periode\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(FileKind.TEXT);
        assertThat(kindOf("\uFEFFkode_wilayah,periode\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(FileKind.TEXT);
        assertThat(kindOf("kode\tcaf\u00E9\n".getBytes(java.nio.charset.Charset.forName("windows-1252")))).isEqualTo(FileKind.TEXT);
        assertThat(kindOf("\uFEFFkode\tnilai\r\n".getBytes(StandardCharsets.UTF_16LE))).isEqualTo(FileKind.TEXT);
    }
}
