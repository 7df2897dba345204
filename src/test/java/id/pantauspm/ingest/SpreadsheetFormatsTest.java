package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("SpreadsheetFormats: which reader takes which file (input-format.md, Files)")
class SpreadsheetFormatsTest {

    private final SpreadsheetFormats formats = SpreadsheetFormats.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Dinkes Kota Semarang 2025.xlsx,       XlsxReader",
            "Rekap.XLSX,                           XlsxReader",
            "Template dengan makro.xlsm,           XlsxReader",
            "Dinkes Kudus 2025.xls,                XlsReader",
            "REKAP LAMA.XLS,                       XlsReader",
            "Dinkes Banyumas 2025.csv,             CsvReader",
            "Disdik Gunungkidul 2025.txt,          CsvReader",
            "Disdikpora Kota Yogyakarta 2025 – final.CSV, CsvReader",
    })
    void readerByExtension(String name, String reader) {
        assertThat(formats.readerFor(Path.of(name))).map(r -> r.getClass().getSimpleName()).contains(reader);
    }

    @ParameterizedTest(name = "{0} is not a spreadsheet")
    @ValueSource(strings = {"laporan.pdf", "laporan.docx", "laporan", "foto.jpg"})
    void otherFilesAreRefused(String name, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve(name), "x");
        FileRefusedException e = catchThrowableOfType(FileRefusedException.class, () -> formats.open(file));
        assertThat(e).isNotNull();
        // a name without extension is told to name its kind ("laporan"), not shown an empty ".{1}"
        assertThat(e.problem().code()).isEqualTo(name.contains(".") ? "file_type_unsupported" : "file_type_missing");
    }

    @ParameterizedTest(name = "{0}: LibreOffice's own format, refused with how to save as .xlsx")
    @ValueSource(strings = {"Laporan SPM.ods", "Laporan SPM.ODS", "laporan.fods"})
    void openDocumentIsRefusedWithWhatToDo(String name, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve(name), "x");

        FileRefusedException e = catchThrowableOfType(FileRefusedException.class, () -> formats.open(file));

        assertThat(e.problem().code()).isEqualTo("file_type_ods");
        assertThat(e.problem().severity()).isEqualTo(Problem.Severity.FILE_REFUSED);
    }

    @ParameterizedTest(name = "an empty {0} file is refused: file_zero_bytes")
    @ValueSource(strings = {"kosong.xlsx", "kosong.xls", "kosong.csv", "kosong.txt"})
    void emptyFiles(String name, @TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve(name), new byte[0]);
        assertThat(catchThrowableOfType(FileRefusedException.class, () -> formats.open(file)).problem().code())
                .isEqualTo("file_zero_bytes");
    }

    @Test
    @DisplayName("a file over pantau.ingest.max-file-bytes is refused before it is read, with its size and the limit")
    void overTheSizeLimit(@TempDir Path dir) throws Exception {
        SpreadsheetFormats small = SpreadsheetFormats.standard(new IngestLimits(2048, 100));
        Path within = Files.write(dir.resolve("pas.csv"), new byte[2048]);
        Path over = Files.write(dir.resolve("besar.csv"), new byte[2049]);

        FileRefusedException e = catchThrowableOfType(FileRefusedException.class, () -> small.open(over));

        assertThat(e.problem().code()).isEqualTo("file_too_large");
        assertThat(e.problem().args()).containsExactly("3 KB", "2 KB");
        // exactly at the limit is allowed past the size check (and then refused for what it holds)
        assertThat(catchThrowableOfType(FileRefusedException.class, () -> small.open(within)).problem().code())
                .isNotEqualTo("file_too_large");
    }

    @ParameterizedTest(name = "{0} bytes shown as {1} (rounded up: {2})")
    @CsvSource({"1, 1 KB, true", "1024, 1 KB, true", "1025, 2 KB, true", "104857600, 100 MB, false",
            "104857601, 101 MB, true", "268435456, 256 MB, false"})
    void sizesAsTheReceiptShowsThem(long bytes, String shown, boolean roundUp) {
        assertThat(SpreadsheetFormats.shownSize(bytes, roundUp)).isEqualTo(shown);
    }

    @Test
    @DisplayName("the default limits: 100 MB and 2,000,000 data rows per file")
    void defaultLimits() {
        assertThat(formats.limits().maxFileBytes()).isEqualTo(100L * 1024 * 1024);
        assertThat(formats.limits().maxDataRows()).isEqualTo(2_000_000);
    }

    @Test
    @DisplayName(".xls (Excel 97-2003) workbooks are read, as the contract promises")
    void xlsIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Dinkes Kudus 2025.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Row h = wb.createSheet("Data").createRow(0);
            String[] names = {"kode_wilayah", "periode", "kode_data", "nilai"};
            for (int i = 0; i < names.length; i++) {
                h.createCell(i).setCellValue(names[i]);
            }
            wb.write(out);
        }
        assertThat(formats.readerFor(file)).isPresent();
        try (SpreadsheetReader.Opened opened = formats.open(file)) {
            List<RawRow> rows = opened.rows().toList();
            assertThat(rows).singleElement().satisfies(r -> assertThat(r.cell(0).asText()).isEqualTo("kode_wilayah"));
        }
    }
}
