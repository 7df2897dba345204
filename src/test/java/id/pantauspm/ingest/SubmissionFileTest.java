package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SubmissionFile: a file read as the job reads it, within the row limit")
class SubmissionFileTest {

    @TempDir
    Path dir;

    private Path csv(String name, int dataRows) throws Exception {
        StringBuilder text = new StringBuilder("LAPORAN SPM\n\nkode_wilayah,periode,kode_data,nilai\n");
        for (int i = 0; i < dataRows; i++) {
            text.append("33.74,2025,KES-K01.SASARAN,").append(i).append('\n');
            if (i % 3 == 0) {
                text.append('\n'); // blank lines are no data rows
            }
        }
        return Files.writeString(dir.resolve(name), text);
    }

    private static List<SourceRow> readAll(SubmissionFile file) throws FileRefusedException {
        List<SourceRow> rows = new ArrayList<>();
        for (Optional<SourceRow> r; (r = file.next()).isPresent(); ) {
            rows.add(r.get());
        }
        return rows;
    }

    @Test
    @DisplayName("exactly pantau.ingest.max-rows data rows are read; titles, the header and blank rows do not count")
    void atTheLimit() throws Exception {
        SpreadsheetFormats formats = SpreadsheetFormats.standard(new IngestLimits(1_000_000, 10));
        try (SubmissionFile file = SubmissionFile.open(csv("pas.csv", 10), formats, new TabularLayout())) {
            assertThat(readAll(file)).hasSize(10);
            assertThat(file.endNotes()).isEmpty();
        }
    }

    @Test
    @DisplayName("one data row more and the whole file is refused: file_too_many_rows with the limit")
    void overTheLimit() throws Exception {
        SpreadsheetFormats formats = SpreadsheetFormats.standard(new IngestLimits(1_000_000, 10));
        try (SubmissionFile file = SubmissionFile.open(csv("lebih.csv", 11), formats, new TabularLayout())) {
            FileRefusedException e = catchThrowableOfType(FileRefusedException.class, () -> readAll(file));

            assertThat(e).isNotNull();
            assertThat(e.problem().code()).isEqualTo("file_too_many_rows");
            assertThat(e.problem().args()).containsExactly("10");
            assertThat(e.problem().severity()).isEqualTo(Problem.Severity.FILE_REFUSED);
        }
    }

    @Test
    @DisplayName("notes on the file itself (read by its content) come first in the end notes, then skipped sheets")
    void readerNotesInEndNotes() throws Exception {
        Path file = Files.write(dir.resolve("lama.xlsx"), id.pantauspm.support.Workbooks.xls(wb -> {
            wb.createSheet("Petunjuk").createRow(0).createCell(0).setCellValue("Isi nilai saja");
            var h = wb.createSheet("Data").createRow(0);
            String[] names = {"kode_wilayah", "periode", "kode_data", "nilai"};
            for (int i = 0; i < names.length; i++) {
                h.createCell(i).setCellValue(names[i]);
            }
        }));
        try (SubmissionFile s = SubmissionFile.open(file, SpreadsheetFormats.standard(), new TabularLayout())) {
            assertThat(readAll(s)).isEmpty();
            List<Problem> notes = s.endNotes();
            assertThat(notes).extracting(Problem::code).containsExactly("file_read_as_content", "sheet_skipped");
            // the skipped sheet is the message's argument as well as its location ("Lembar "{1}" dilewati")
            assertThat(notes.get(1).sheet()).isEqualTo("Petunjuk");
            assertThat(notes.get(1).args()).containsExactly("Petunjuk");
        }
    }
}
