package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.pantauspm.period.Period;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.support.Ingested;

/**
 * Spreadsheet quirks of the kinds seen in the field, each read through the whole ingest path with the
 * value a clerk meant: Strict Open XML, rows without their number, hidden sheets, Excel's sep= line,
 * Unicode spaces and the ="..." wrapper, error literals in a CSV, period spellings, region names.
 */
@DisplayName("Spreadsheet quirks: each kind read as the clerk meant it")
class SpreadsheetQuirksTest {

    @TempDir
    Path temp;

    private static final String HEADER_ROW = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>kode_wilayah</t></is></c>"
            + "<c r=\"B1\" t=\"inlineStr\"><is><t>periode</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>kode_data</t></is></c>"
            + "<c r=\"D1\" t=\"inlineStr\"><is><t>nilai</t></is></c></row>";

    /** A minimal workbook written part by part, as ECMA-376 describes it, in the strict or the transitional vocabulary. */
    private Path workbook(String name, boolean strict, String sheetData, boolean secondSheetHidden) throws IOException {
        String s = strict ? "http://purl.oclc.org/ooxml/spreadsheetml/main" : "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String r = strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships" : "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + r + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + s + "\" xmlns:r=\"" + r + "\"><sheets>"
                    + "<sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Daftar\" sheetId=\"2\"" + (secondSheetHidden ? " state=\"hidden\"" : "")
                    + " r:id=\"rId2\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + r + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"" + r + "/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
                    + "<Relationship Id=\"rId3\" Type=\"" + r + "/styles\" Target=\"styles.xml\"/></Relationships>");
            put(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + s + "\"><cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>");
            put(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + s + "\"><sheetData>" + sheetData + "</sheetData></worksheet>");
            put(zip, "xl/worksheets/sheet2.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + s + "\"><sheetData>"
                    + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Daftar kode</t></is></c></row></sheetData></worksheet>");
        }
        return Files.write(temp.resolve(name), bytes.toByteArray());
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String row(int r, String region, String period, String measure, String value) {
        String n = r > 0 ? " r=\"" + r + "\"" : "";
        return "<row" + n + "><c t=\"inlineStr\"><is><t>" + region + "</t></is></c><c t=\"inlineStr\"><is><t>" + period
                + "</t></is></c><c t=\"inlineStr\"><is><t>" + measure + "</t></is></c><c><v>" + value + "</v></c></row>";
    }

    @Test
    @DisplayName("a Strict Open XML workbook, ISO date cells and all, is read like any other xlsx")
    void strictOpenXml() throws Exception {
        String data = HEADER_ROW.replace("</row>", "<c r=\"E1\" t=\"inlineStr\"><is><t>tanggal_lapor</t></is></c></row>")
                + row(2, "33.74", "2026-TW3", "KES-K01.SASARAN", "31995").replace("</row>", "<c r=\"E2\" t=\"d\"><v>2026-10-15T00:00:00</v></c></row>")
                + row(3, "33.74", "2026-TW3", "KES-K01.TERLAYANI", "30189").replace("</row>", "<c r=\"E3\" t=\"d\"><v>2026-10-15</v></c></row>");
        Path file = workbook("strict.xlsx", true, data, false);
        byte[] before = Files.readAllBytes(file);

        Ingested in = Ingested.read(file);

        assertThat(in.refusal()).isNull();
        assertThat(in.values()).extracting("rowNumber", "regionCode", "periodCode", "measureCode", "amount").containsExactly(
                tuple(2, "33.74", "2026-TW3", "KES-K01.SASARAN", new BigDecimal("31995")),
                tuple(3, "33.74", "2026-TW3", "KES-K01.TERLAYANI", new BigDecimal("30189")));
        assertThat(in.problems()).extracting(Problem::code, Problem::sheet).containsExactly(tuple("sheet_skipped", "Daftar"));
        assertThat(Files.readAllBytes(file)).as("the received file is never changed").isEqualTo(before);
    }

    @Test
    @DisplayName("an ISO date cell is a date: in the period column, shown without a day, it is the month")
    void isoDateCellsAreDates() throws Exception {
        var cells = XlsxReaderProbe.cells(workbook("tanggal.xlsx", false, HEADER_ROW
                + "<row r=\"2\"><c r=\"A2\" t=\"d\"><v>2026-07-01</v></c><c r=\"B2\" t=\"d\"><v>2026-10-15T12:00:00</v></c></row>", false));
        assertThat(cells).contains(new CellValue.Date(java.time.LocalDate.of(2026, 7, 1), true),
                new CellValue.Date(java.time.LocalDate.of(2026, 10, 15), true));
    }

    @Test
    @DisplayName("rows written without their number (no r attribute) keep the numbers the spreadsheet shows")
    void rowsWithoutNumbers() throws Exception {
        String data = HEADER_ROW.replace("<row r=\"1\">", "<row>").replaceAll(" r=\"[A-D]1\"", "")
                + row(0, "33.74", "2026", "KES-K01.SASARAN", "31995") + "<row/>" + row(0, "33.74", "2026", "KES-K01.TERLAYANI", "x");
        Ingested in = Ingested.read(workbook("tanpa-r.xlsx", false, data.replace("<c><v>x</v></c>", "<c t=\"inlineStr\"><is><t>dua</t></is></c>"), false));

        assertThat(in.values()).extracting("rowNumber", "amount").containsExactly(tuple(2, new BigDecimal("31995")));
        assertThat(in.problems()).extracting(Problem::code, Problem::row, Problem::column).contains(tuple("value_unreadable", 4, "D"));
    }

    @Test
    @DisplayName("a cell whose stored number does not parse is a problem of that cell, never of the file")
    void oddCellIsItsCellsProblem() throws Exception {
        String data = HEADER_ROW + row(2, "33.74", "2026", "KES-K01.SASARAN", "31995") + row(3, "33.74", "2026", "KES-K01.TERLAYANI", "12abc");
        Ingested in = Ingested.read(workbook("sel-aneh.xlsx", false, data, false));

        assertThat(in.refusal()).isNull();
        assertThat(in.values()).extracting("rowNumber", "amount").containsExactly(tuple(2, new BigDecimal("31995")));
        assertThat(in.problems()).extracting(Problem::code, Problem::row, Problem::column, Problem::found)
                .contains(tuple("value_unreadable", 3, "D", "12abc"));
    }

    @Test
    @DisplayName("a hidden sheet is named in the receipt")
    void hiddenSheet() throws Exception {
        Ingested in = Ingested.read(workbook("tersembunyi.xlsx", false, HEADER_ROW + row(2, "33.74", "2026", "KES-K01.SASARAN", "5"), true));

        assertThat(in.problems()).extracting(Problem::severity, Problem::code, Problem::sheet)
                .contains(tuple(Problem.Severity.NOTE, "sheet_hidden", "Daftar"));
    }

    @Test
    @DisplayName("Excel's sep=; first line sets the delimiter and is not a row: the receipt's rows are Excel's")
    void sepLine() {
        Ingested in = Ingested.readText("sep.csv", "sep=;\r\nkode_wilayah;periode;kode_data;nilai\r\n33.74;2026;KES-K01.SASARAN;31995\r\n"
                + "33.74;2026;KES-K01.TERLAYANI;banyak\r\n");

        assertThat(in.values()).extracting("rowNumber", "amount").containsExactly(tuple(2, new BigDecimal("31995")));
        assertThat(in.problems()).extracting(Problem::code, Problem::row, Problem::column).containsExactly(tuple("value_unreadable", 3, "D"));
    }

    @Test
    @DisplayName("no-break, narrow and zero-width spaces around codes and numbers, =\"33.74\", and #N/A as a formula error")
    void textQuirks() {
        Ingested in = Ingested.readText("spasi.csv", "kode_wilayah,periode,kode_data,nilai\n"
                + "\u00A033.74\u200B,2026,KES-K01.SASARAN,\"31\u202F995\"\n"
                + "\"=\"\"33.74\"\"\",\u00A02026,\u200BKES-K01.TERLAYANI,\" 30189\u00A0\"\n"
                + "33.74,2026,KES-K02.SASARAN,#N/A\n");

        assertThat(in.values()).extracting("regionCode", "periodCode", "measureCode", "amount").containsExactly(
                tuple("33.74", "2026", "KES-K01.SASARAN", new BigDecimal("31995")),
                tuple("33.74", "2026", "KES-K01.TERLAYANI", new BigDecimal("30189")));
        assertThat(in.problems()).extracting(Problem::code, Problem::row, Problem::found).containsExactly(tuple("value_formula_error", 4, "#N/A"));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Tahun 2026          | 2026
            TAHUN 2026          | 2026
            Juli 2026           | 2026-07
            Jul-26              | 2026-07
            Agustus 2026        | 2026-08
            Agt 2026            | 2026-08
            Des 2026            | 2026-12
            2026 Januari        | 2026-01
            202607              | 2026-07
            TW.III 2026         | 2026-TW3
            2026 TW III         | 2026-TW3
            Triwulan III/2026   | 2026-TW3
            Triwulan ke-3 2026  | 2026-TW3
            Q3 2026             | 2026-TW3
            Semester I 2026     | 2026-S1
            2026 Semester 2     | 2026-S2
            """)
    void periodSpellings(String text, String code) {
        assertThat(Period.parse(text)).map(Period::code).contains(code);
    }

    @ParameterizedTest(name = "\"{0}\" is not a period")
    @CsvSource(delimiter = '|', textBlock = """
            202613
            Juli
            Triwulan V 2026
            Bulan 13 2026
            """)
    void notPeriods(String text) {
        assertThat(Period.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            KOTA ADM. JAKARTA PUSAT     | 31.71
            KAB. ADM. KEP. SERIBU       | 31.01
            Kota Jakarta Pusat          | 31.71
            kab. pacitan                | 35.01
            PACITAN                     | 35.01
            Kabupaten  Kep.  Mentawai   | 13.09
            """)
    void regionNames(String text, String code) {
        var resolved = RegionDirectory.official().resolve(text);
        assertThat(resolved).isPresent();
        assertThat(resolved.get().region().code()).isEqualTo(code);
        assertThat(resolved.get().note()).isEqualTo(RegionDirectory.Resolution.Note.BY_NAME);
    }

    @Test
    @DisplayName("a name two regions share (Bogor) is never chosen; an unknown name lists the closest official names")
    void ambiguousAndUnknownNames() {
        RegionDirectory regions = RegionDirectory.official();
        assertThat(regions.resolve("BOGOR")).isEmpty();
        assertThat(regions.closestNames("BOGOR", 3)).extracting("code").contains("32.01", "32.71");
        Ingested in = Ingested.readText("nama.csv", "nama_wilayah,periode,kode_data,nilai\nKAB. PACITN,2020,KES-K01.SASARAN,10\n");
        assertThat(in.problems()).extracting(Problem::code, Problem::found).containsExactly(tuple("region_name_unknown", "KAB. PACITN"));
        assertThat(in.problems().get(0).args().get(0)).startsWith("Kabupaten Pacitan (35.01)");
    }

    @Test
    @DisplayName("layout 1 with nama_wilayah and no kode_wilayah: the name is the region, with the code chosen in a warning")
    void regionNameColumnAlone() {
        Ingested in = Ingested.readText("nama.csv", "nama_wilayah;periode;kode_data;nilai\nKOTA ADM. JAKARTA PUSAT;2024;KES-K08.SASARAN;120\n");

        assertThat(in.values()).extracting("regionCode", "amount").containsExactly(tuple("31.71", new BigDecimal("120")));
        assertThat(in.problems()).extracting(Problem::code, Problem::args)
                .containsExactly(tuple("region_by_name", java.util.List.of("31.71", "Kota Administrasi Jakarta Pusat")));
    }
}
