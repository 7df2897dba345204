package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("CsvReader: encodings, delimiters and quoting as offices produce them")
class CsvReaderTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path write(String name, String text, Charset charset) throws IOException {
        return write(name, text.getBytes(charset));
    }

    private record Read(List<RawRow> rows, DecimalConvention convention) {
        String text(int row, int column) {
            return rows.get(row).cell(column).asText();
        }
    }

    private static Read read(Path file) throws FileRefusedException {
        try (SpreadsheetReader.Opened opened = new CsvReader().open(file)) {
            return new Read(opened.rows().toList(), opened.convention());
        }
    }

    private static FileRefusedException refused(Path file) {
        return catchThrowableOfType(FileRefusedException.class, () -> read(file));
    }

    @Test
    @DisplayName("UTF-8 with BOM (Excel's 'CSV UTF-8'): the first header is 'kode_wilayah', without the BOM")
    void utf8WithBom() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "kode_wilayah,periode,kode_data,nilai\r\n33.02,2025,KES-K01.SASARAN,31995\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);

        Read r = read(write("Dinkes Banyumas 2025.csv", bytes));

        assertThat(r.rows()).hasSize(2);
        assertThat(r.rows().get(0).cell(0)).isEqualTo(new CellValue.Text("kode_wilayah"));
        assertThat(Column.forHeader(r.text(0, 0))).contains(Column.REGION_CODE);
        assertThat(r.text(1, 3)).isEqualTo("31995");
        assertThat(r.convention()).isEqualTo(DecimalConvention.DOT);
        // the header is found, so the file is readable end to end
        TabularLayout layout = new TabularLayout();
        assertThat(r.rows().stream().map(layout::accept).flatMap(java.util.Optional::stream)).hasSize(1);
    }

    @Test
    @DisplayName("UTF-8 without BOM keeps non-ASCII letters")
    void utf8WithoutBom() throws Exception {
        Read r = read(write("a.csv", "kode_wilayah,periode,kode_data,nilai,keterangan\n34.71,2025,KES-K01.SASARAN,7065,Puskesmas Gondokusuman – café\n",
                StandardCharsets.UTF_8));
        assertThat(r.text(1, 4)).isEqualTo("Puskesmas Gondokusuman – café");
    }

    @Test
    @DisplayName("Windows-1252 (Excel's plain 'CSV' on Windows): é and – decoded right; ';' means decimal comma")
    void windows1252Semicolon() throws Exception {
        String text = "Kode Wilayah;Periode;Kode Data;Nilai;Keterangan\r\n"
                + "34.71;2025;KES-K01.SASARAN;7.065;Pemeriksaan di café – posyandu\r\n"
                + "34.71;2025;KES-K01.TERLAYANI;–;\r\n";
        Read r = read(write("Capaian SPM Kesehatan Kota Yogyakarta 2025.csv", text, WINDOWS_1252));

        assertThat(r.convention()).isEqualTo(DecimalConvention.COMMA);
        assertThat(r.rows()).hasSize(3);
        assertThat(r.text(1, 3)).isEqualTo("7.065");
        assertThat(r.text(1, 4)).isEqualTo("Pemeriksaan di café – posyandu");
        assertThat(r.text(2, 3)).isEqualTo("\u2013");
        assertThat(r.rows().get(2).cell(4).isBlank()).isTrue();
    }

    @Test
    @DisplayName("Windows-1252 is recognised even when the first accented letter comes after 64 KiB of plain ASCII")
    void windows1252WithLateAccent() throws Exception {
        StringBuilder text = new StringBuilder("kode_wilayah;periode;kode_data;nilai;keterangan\r\n");
        while (text.length() < 70 * 1024) {
            text.append("34.71;2025;KES-K01.SASARAN;7.065;Pemeriksaan rutin\r\n");
        }
        text.append("34.71;2025;KES-K01.TERLAYANI;6.939;Kunjungan ke café – posyandu\r\n");
        Read r = read(write("long.csv", text.toString(), WINDOWS_1252));

        RawRow last = r.rows().get(r.rows().size() - 1);
        assertThat(last.cell(4).asText()).isEqualTo("Kunjungan ke café – posyandu");
    }

    @Test
    @DisplayName("';' delimiter: decimal comma convention, cells split on ';' only")
    void semicolonMeansDecimalComma() throws Exception {
        Read r = read(write("b.csv", "kode_wilayah;periode;kode_data;nilai\n33.02;2025;KES-K01.ANGGARAN_REALISASI;1.250.000,50\n"
                + "33.02;2025;KES-K01.TAHAP1_PENGUMPULAN_DATA;87,5\n", StandardCharsets.UTF_8));

        assertThat(r.convention()).isEqualTo(DecimalConvention.COMMA);
        assertThat(r.rows().get(1).cells()).hasSize(4);
        assertThat(r.text(1, 3)).isEqualTo("1.250.000,50");
        assertThat(r.text(2, 3)).isEqualTo("87,5");
    }

    @Test
    @DisplayName("',' delimiter: decimal dot convention, quoted '1,234.5' stays one cell")
    void commaMeansDecimalDot() throws Exception {
        Read r = read(write("c.csv", "kode_wilayah,periode,kode_data,nilai\n33.02,2025,KES-K01.ANGGARAN_REALISASI,\"1,234.5\"\n",
                StandardCharsets.UTF_8));

        assertThat(r.convention()).isEqualTo(DecimalConvention.DOT);
        assertThat(r.rows().get(1).cells()).hasSize(4);
        assertThat(r.text(1, 3)).isEqualTo("1,234.5");
    }

    @Test
    @DisplayName("tab delimiter (.txt): cells split on tabs, commas inside cells kept")
    void tabDelimiter() throws Exception {
        Read r = read(write("Disdik Gunungkidul 2025.txt",
                "Kode_Wilayah\tPeriode\tKode_Data\tNilai\tKeterangan\r\n34.03\t2025\tPEND-K01.SASARAN\t24913\tdesa, kelurahan\r\n",
                StandardCharsets.UTF_8));

        assertThat(r.rows()).hasSize(2);
        assertThat(r.rows().get(1).cells()).hasSize(5);
        assertThat(r.text(1, 3)).isEqualTo("24913");
        assertThat(r.text(1, 4)).isEqualTo("desa, kelurahan");
        assertThat(r.convention()).isEqualTo(DecimalConvention.DOT);
    }

    @Test
    @DisplayName("a quoted field with a line break and a delimiter is one cell; rows are numbered as a spreadsheet shows them")
    void quotedLineBreakAndDelimiter() throws Exception {
        String text = "kode_wilayah,periode,kode_data,nilai,keterangan\r\n"
                + "33.02,2025,KES-K01.TERLAYANI,30189,\"Sebagian ibu hamil periksa di bidan,\r\npraktik mandiri\"\r\n"
                + "33.02,2025,KES-K01.SASARAN,31995,\r\n";
        Read r = read(write("d.csv", text, StandardCharsets.UTF_8));

        assertThat(r.rows()).hasSize(3);
        assertThat(r.rows().get(1).cells()).hasSize(5);
        assertThat(r.text(1, 4)).isEqualTo("Sebagian ibu hamil periksa di bidan,\npraktik mandiri");
        // a spreadsheet program shows the record after the multi-line one as row 3, not row 4
        assertThat(r.rows()).extracting(RawRow::rowNumber).containsExactly(1, 2, 3);
        assertThat(r.text(2, 2)).isEqualTo("KES-K01.SASARAN");
    }

    @Test
    @DisplayName("a blank line is a row too: the record after it keeps the number the spreadsheet shows")
    void blankLineCounts() throws Exception {
        Read r = read(write("e.csv", "kode_wilayah,periode,kode_data,nilai\n33.02,2025,KES-K01.SASARAN,1\n\n33.02,2025,KES-K01.TERLAYANI,1\n",
                StandardCharsets.UTF_8));

        assertThat(r.rows()).hasSize(4);
        assertThat(r.rows().get(2).isBlank()).isTrue();
        assertThat(r.rows().get(3).rowNumber()).isEqualTo(4);
        assertThat(r.text(3, 2)).isEqualTo("KES-K01.TERLAYANI");
    }

    @Test
    @DisplayName("the sheet of a CSV is its file name; empty cells are blank")
    void sheetNameAndBlankCells() throws Exception {
        Read r = read(write("Disdikpora Kota Yogyakarta 2025 – final.csv", "a,b,c\n1,,3\n", StandardCharsets.UTF_8));

        assertThat(r.rows()).allSatisfy(row -> assertThat(row.sheet()).isEqualTo("Disdikpora Kota Yogyakarta 2025 – final.csv"));
        assertThat(r.rows().get(1).cell(1)).isEqualTo(CellValue.BLANK);
        assertThat(r.rows().get(1).cell(2)).isEqualTo(new CellValue.Text("3"));
    }

    @Test
    @DisplayName("a zip saved under a .csv name is refused, saying it is a ZIP: file_content_mismatch")
    void zipNamedCsv() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        FileRefusedException e = refused(write("laporan.csv", bytes.toByteArray()));

        assertThat(e).isNotNull();
        assertThat(e.problem().code()).isEqualTo("file_content_mismatch");
        assertThat(e.problem().severity()).isEqualTo(Problem.Severity.FILE_REFUSED);
        assertThat(e.problem().args()).containsExactly("csv", "ZIP");
    }

    @Test
    @DisplayName("an old .xls (OLE2) under a .csv name is refused too, saying what it is")
    void ole2NamedCsv() throws Exception {
        Path file = dir.resolve("lama.csv");
        try (var wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("Data").createRow(0).createCell(0).setCellValue("kode_wilayah");
            wb.write(out);
        }
        assertThat(refused(file).problem().code()).isEqualTo("file_content_mismatch");
        assertThat(refused(file).problem().args()).containsExactly("csv", "Excel 97-2003 .xls");
    }

    @Test
    @DisplayName("an xlsx under a .csv name is refused, saying it is an Excel .xlsx (rename it, or save as CSV)")
    void xlsxNamedCsv() throws Exception {
        Path file = write("laporan.csv", id.pantauspm.support.Workbooks.xlsx(wb -> wb.createSheet("Data")));
        assertThat(refused(file).problem().args()).containsExactly("csv", "Excel .xlsx");
    }

    @Test
    @DisplayName("a PDF or a picture under a .csv name is refused, saying what it is")
    void pdfAndPngNamedCsv() throws Exception {
        assertThat(refused(write("laporan.csv", "%PDF-1.4\n%%EOF\n", StandardCharsets.US_ASCII)).problem().args())
                .containsExactly("csv", "PDF");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(refused(write("foto.csv", png)).problem().args()).containsExactly("csv", "PNG");
    }

    @Test
    @DisplayName("Excel's 'Unicode Text' (.txt): UTF-16 with BOM, tab-delimited, is read")
    void utf16UnicodeText() throws Exception {
        String text = "\uFEFFkode_wilayah\tperiode\tkode_data\tnilai\tketerangan\r\n34.71\t2025\tKES-K01.SASARAN\t7065\tcaf\u00E9 \u2013 posyandu\r\n";
        Read r = read(write("Unicode.txt", text, StandardCharsets.UTF_16LE));

        assertThat(r.rows()).hasSize(2);
        assertThat(r.rows().get(0).cell(0)).isEqualTo(new CellValue.Text("kode_wilayah"));
        assertThat(r.text(1, 3)).isEqualTo("7065");
        assertThat(r.text(1, 4)).isEqualTo("caf\u00E9 \u2013 posyandu");
    }

    @Test
    @DisplayName("a quote inside a cell ('12\" pipa') and a backslash are ordinary characters, as in Excel")
    void strayQuoteAndBackslash() throws Exception {
        Read r = read(write("f.csv", "kode_wilayah,periode,kode_data,nilai,keterangan\n33.74,2025,KES-K01.SASARAN,5,pipa 12\" di RT 01\\RW 02\n"
                + "33.74,2025,KES-K01.TERLAYANI,4,\"kata \"\"sehat\"\"\"\n", StandardCharsets.UTF_8));

        assertThat(r.rows()).hasSize(3);
        assertThat(r.text(1, 4)).isEqualTo("pipa 12\" di RT 01\\RW 02");
        assertThat(r.text(2, 4)).isEqualTo("kata \"sehat\"");
    }

    @Test
    @DisplayName("a quote opened and never closed refuses the file at the row and column where it opens")
    void unterminatedQuote() throws Exception {
        Path file = write("kutip.csv", "kode_wilayah;periode;kode_data;nilai;keterangan\r\n"
                + "33.74;2025;KES-K01.SASARAN;5;\"catatan\r\nbaris dua\";\r\n"
                + "33.74;2025;KES-K01.TERLAYANI;4;\"belum ditutup, lanjut\r\n"
                + "33.74;2025;KES-K02.SASARAN;7;\r\n", StandardCharsets.UTF_8);

        FileRefusedException e = catchThrowableOfType(FileRefusedException.class, () -> {
            try (SubmissionFile s = SubmissionFile.open(file, SpreadsheetFormats.standard(), new TabularLayout())) {
                while (s.next().isPresent()) {
                    // read on
                }
            }
        });

        assertThat(e).isNotNull();
        Problem p = e.problem();
        assertThat(p.code()).isEqualTo("csv_unterminated_quote");
        assertThat(p.severity()).isEqualTo(Problem.Severity.FILE_REFUSED);
        // row 3 as a spreadsheet shows it (the quoted line break keeps row 2 one row), column E
        assertThat(p.sheet()).isEqualTo("kutip.csv");
        assertThat(p.row()).isEqualTo(3);
        assertThat(p.column()).isEqualTo("E");
        assertThat(p.found()).isEqualTo("belum ditutup, lanjut 33.74;2025;KES-K02");
    }

    @Test
    @DisplayName("an empty file is refused: file_zero_bytes")
    void emptyFile() throws Exception {
        FileRefusedException e = refused(write("kosong.csv", new byte[0]));

        assertThat(e).isNotNull();
        assertThat(e.problem().code()).isEqualTo("file_zero_bytes");
        assertThat(e.problem().severity()).isEqualTo(Problem.Severity.FILE_REFUSED);
    }

    @Test
    void takesCsvAndTxt() {
        assertThat(new CsvReader().extensions()).containsExactlyInAnyOrder("csv", "txt");
    }
}
