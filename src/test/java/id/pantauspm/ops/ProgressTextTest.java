package id.pantauspm.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.pantauspm.progress.Counter;
import id.pantauspm.progress.ProgressBoard;

@DisplayName("Progress: counts and the time left, as a sentence and as a bar")
class ProgressTextTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ProgressBoard board = new ProgressBoard(nanos::get);

    @AfterEach
    void indonesianAgain() {
        OperatorLog.language(Locale.forLanguageTag("id"));
    }

    private void after(long seconds) {
        nanos.addAndGet(Duration.ofSeconds(seconds).toNanos());
    }

    @Test
    @DisplayName("552 PDFs, 120 written in the first 60 s: 432 left at 0.5 s each is 3 min 36 s")
    void timeLeftAtThePaceSoFar() {
        board.startStep("report");
        Counter pages = board.counter("pages", 552);
        pages.add(552);
        Counter pdfs = board.counter("pdfs", 552);
        after(60);
        pdfs.add(120);

        ProgressBoard.Snapshot s = board.snapshot();

        assertThat(s.remaining()).contains(Duration.ofSeconds(216));
        assertThat(ProgressText.line(s)).isEqualTo("Menulis laporan: 552 dari 552 halaman, 120 dari 552 PDF; sisa sekitar 3 menit 36 detik");
        OperatorLog.language(Locale.ENGLISH);
        assertThat(ProgressText.line(s)).isEqualTo("Writing the reports: 552 of 552 pages, 120 of 552 PDFs; about 3 min 36 s left");
    }

    @Test
    @DisplayName("rows of a streamed file have no total: counted, and the time left comes from the files")
    void rowsWithoutTotal() {
        board.startStep("ingest");
        Counter files = board.counter("files", 4);
        Counter rows = board.counter("rows", Counter.UNKNOWN);
        after(30);
        files.add(1);
        rows.add(12_345);

        assertThat(ProgressText.line(board.snapshot()))
                .isEqualTo("Membaca dan memeriksa berkas: 1 dari 4 berkas, 12.345 baris diperiksa; sisa sekitar 1 menit 30 detik");
    }

    @Test
    @DisplayName("nothing done yet: the time left is not guessed")
    void nothingDoneYet() {
        board.startStep("evaluate");
        board.counter("regions", 514);
        after(5);
        assertThat(ProgressText.line(board.snapshot())).isEqualTo("Menghitung capaian SPM: 0 dari 514 wilayah; sisa waktu belum dapat diperkirakan");
    }

    @Test
    @DisplayName("the bar: filled in proportion, the counts and the time left, cut to the terminal")
    void bar() {
        board.startStep("report");
        Counter pdfs = board.counter("pdfs", 552);
        after(60);
        pdfs.add(138); // a quarter: 6 of 24 marks

        String line = TerminalBar.render(board.snapshot(), 120);
        assertThat(line).isEqualTo("Menulis laporan [######------------------] 138 dari 552 PDF, sisa sekitar 3 menit 0 detik");
        assertThat(TerminalBar.render(board.snapshot(), 40)).hasSize(39).endsWith("…");
    }

    @Test
    void durations() {
        assertThat(ProgressText.duration(Duration.ofSeconds(4))).isEqualTo("4 detik");
        assertThat(ProgressText.duration(Duration.ofSeconds(3725))).isEqualTo("1 jam 2 menit");
    }
}
