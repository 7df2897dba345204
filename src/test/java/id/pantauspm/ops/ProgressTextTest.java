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
    @DisplayName("552 PDFs: the first after 10 s of preparation, 120 more in the next 60 s: 431 left at 0.5 s each is 3 min 35.5 s")
    void timeLeftAtThePaceSoFar() {
        board.startStep("report");
        Counter pages = board.counter("pages", 552);
        pages.add(552);
        Counter pdfs = board.counter("pdfs", 552);
        after(10);
        pdfs.add(1); // the pace is measured from the first PDF on: the preparation before it is not the pace
        after(60);
        pdfs.add(120);

        ProgressBoard.Snapshot s = board.snapshot();

        assertThat(s.remaining()).contains(Duration.ofMillis(215_500));
        assertThat(ProgressText.line(s)).isEqualTo("Menulis laporan: 552 dari 552 halaman, 121 dari 552 PDF; sisa sekitar 3 menit 36 detik");
        OperatorLog.language(Locale.ENGLISH);
        assertThat(ProgressText.line(s)).isEqualTo("Writing the reports: 552 of 552 pages, 121 of 552 PDFs; about 3 min 36 s left");
    }

    @Test
    @DisplayName("rows of a streamed file have no total: counted, and the time left comes from the files")
    void rowsWithoutTotal() {
        board.startStep("ingest");
        Counter files = board.counter("files", 4);
        Counter rows = board.counter("rows", Counter.UNKNOWN);
        after(1);
        files.add(1);
        after(30);
        files.add(1);
        rows.add(12_345);

        assertThat(ProgressText.line(board.snapshot()))
                .isEqualTo("Membaca dan memeriksa berkas: 2 dari 4 berkas, 12.345 baris diperiksa; sisa sekitar 1 menit 0 detik");
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
        pdfs.add(1);
        after(137);
        pdfs.add(137); // a quarter: 6 of 24 marks; 137 s for 137 more, 414 left at 1 s each

        String line = TerminalBar.render(board.snapshot(), 120);
        assertThat(line).isEqualTo("Menulis laporan [######------------------] 138 dari 552 PDF, sisa sekitar 6 menit 54 detik");
        assertThat(TerminalBar.render(board.snapshot(), 40)).hasSize(39).endsWith("…");
    }

    @Test
    @DisplayName("every counted unit done, the step still busy (e.g. preparing the PDFs): said so, no time guessed")
    void finishing() {
        board.startStep("report");
        board.counter("pdfs", 2).add(2);
        assertThat(ProgressText.line(board.snapshot())).isEqualTo("Menulis laporan: 2 dari 2 PDF; bagian yang dihitung sudah selesai, sisa waktu belum dapat diperkirakan");
    }

    @Test
    void durations() {
        assertThat(ProgressText.duration(Duration.ofSeconds(4))).isEqualTo("4 detik");
        assertThat(ProgressText.duration(Duration.ofSeconds(3725))).isEqualTo("1 jam 2 menit");
    }
}
