package id.pantauspm.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;

/**
 * Issue 10, point 3, the inbox side: symbolic links are never followed, odd file names (a newline, quotes, dots,
 * 200 characters, non-Latin scripts) are read, filed and answered like any other, and a file still being written
 * is left for the next run.
 */
@DisplayName("Hostile inbox: links not followed, odd names handled, files still being written left for later")
class HostileInboxTest {

    @TempDir
    Path temp;

    private static String csv(String region, int target) {
        return "kode_wilayah;periode;kode_data;nilai\n" + region + ";2025;KES-K01.SASARAN;" + target + "\n";
    }

    @Test
    void oddNamesAndLinks() throws Exception {
        PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp));
        List<String> names = List.of("laporan\nbaru.csv", "laporan \"kutip\" 'satu'.csv", "laporan..final..csv",
                "l".repeat(200) + ".csv", "laporan-日本語-ಕನ್ನಡ-العربية.csv");
        String[] regions = {"33.01", "33.02", "33.03", "33.04", "33.05"};
        for (int i = 0; i < names.size(); i++) {
            home.write(names.get(i), csv(regions[i], 1000 + i));
        }
        // A link to a file outside the inbox (valid data: it would be accepted if followed), and one to /etc/passwd.
        Path outside = Files.writeString(temp.resolve("di-luar.csv"), csv("33.06", 5000));
        Files.createSymbolicLink(home.inbox().resolve("tautan.csv"), outside);
        Files.createSymbolicLink(home.inbox().resolve("passwd.csv"), Path.of("/etc/passwd"));

        RunSummary night = home.run();

        assertThat(night.failed()).as("%s", night.failure()).isFalse();
        assertThat(night.exitCode()).isEqualTo(RunSummary.OK);
        assertThat(night.filesAccepted()).isEqualTo(5);
        assertThat(home.count("select count(*) from submission")).isEqualTo(5);
        assertThat(home.count("select count(*) from measured_value where region_code = '33.06'")).isZero();
        // every odd name filed byte for byte, with its receipt; the links left where they are, untouched
        Map<String, String> archived = PantauHome.fingerprints(home.archive());
        for (String name : names) {
            assertThat(archived.keySet()).as(name).anyMatch(k -> k.endsWith(name));
        }
        try (var outbox = Files.list(home.outbox())) {
            assertThat(outbox.filter(p -> p.getFileName().toString().endsWith(".tanda-terima.txt")).count()).isEqualTo(5);
        }
        assertThat(Files.isSymbolicLink(home.inbox().resolve("tautan.csv"))).isTrue();
        // the name with a newline is one line in its receipt (the newline shown as a symbol), never a forged line
        try (var outbox = Files.list(home.outbox())) {
            Path receipt = outbox.filter(p -> p.getFileName().toString().contains("baru.csv")).findFirst().orElseThrow();
            assertThat(Files.readString(receipt)).contains("laporan\u2424baru.csv").doesNotContain("laporan\nbaru");
        }
        assertThat(Files.readString(outside)).isEqualTo(csv("33.06", 5000));
    }

    @Test
    @DisplayName("a newline in a file name is \u2424 in every line of its receipt, in the receipt's own name and in the summary")
    void newlineInANameIsInertWhereverTheNameIsShown() throws Exception {
        PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp));
        // row 2 is stored; row 3, for 2010 (before the SPM rules), is rejected at its cell B3
        String content = "kode_wilayah;periode;kode_data;nilai\n33.01;2025;KES-K01.SASARAN;1000\n33.01;2010;KES-K01.TERLAYANI;900\n";
        home.write("laporan\nbaru.csv", content);
        RunSummary night = home.run();
        home.write("salinan\nlagi.csv", content); // the same bytes again, under another name with a newline
        home.run();

        assertThat(night.exitCode()).isEqualTo(RunSummary.SOME_REJECTED);
        List<String> receipts;
        try (var outbox = Files.list(home.outbox())) {
            receipts = outbox.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tanda-terima.txt")).toList();
        }
        // the receipts' own names: one line each, the newline shown as the symbol
        assertThat(receipts).hasSize(2).allMatch(n -> !n.contains("\n"))
                .anyMatch(n -> n.matches("\\d+_laporan\u2424baru\\.csv\\.tanda-terima\\.txt"))
                .anyMatch(n -> n.matches("\\d+-\\d+_salinan\u2424lagi\\.csv\\.tanda-terima\\.txt"));
        String receipt = Files.readString(home.outbox().resolve(receipts.stream().filter(n -> n.contains("laporan")).findFirst().orElseThrow()));
        // the detail line names the CSV's sheet, which is the file name: one line too
        assertThat(receipt).contains("lembar \"laporan\u2424baru.csv\", baris 3, kolom B").doesNotContain("laporan\nbaru");
        assertThat(receipt.lines()).noneMatch(l -> l.startsWith("baru.csv"));
        String copy = Files.readString(home.outbox().resolve(receipts.stream().filter(n -> n.contains("salinan")).findFirst().orElseThrow()));
        assertThat(copy).contains("salinan\u2424lagi.csv", "\"laporan\u2424baru.csv\"").doesNotContain("salinan\nlagi", "laporan\nbaru");
        // the run's summary (console and log) names it on one line
        assertThat(id.pantauspm.cli.RunFaultsTestAccess.summaryLines(night, java.util.Locale.forLanguageTag("id")))
                .contains("- laporan\u2424baru.csv: 1 baris ditolak (lihat tanda terimanya)");
    }

    @Test
    @DisplayName("a file changed during the settle time is left for the next run; a file at rest is taken")
    void stillBeingWritten() throws Exception {
        Path growing = Files.writeString(temp.resolve("sedang-disalin.csv"), "kode_wilayah;periode");
        Path resting = Files.writeString(temp.resolve("selesai.csv"), "kode_wilayah;periode;kode_data;nilai\n");
        Instant now = Instant.now();
        Files.setLastModifiedTime(growing, FileTime.from(now));
        Files.setLastModifiedTime(resting, FileTime.from(now));
        Map<Path, Instant> times = Map.of(growing, now, resting, now);
        Map<Path, Long> sizes = Map.of(growing, Files.size(growing), resting, Files.size(resting));
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(100);
                Files.writeString(growing, ";kode_data;nilai\n", java.nio.file.StandardOpenOption.APPEND);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();

        List<Path> left = ScanTasklet.stillBeingWritten(List.of(growing, resting), times, sizes, Duration.ofMillis(400));
        writer.join();

        assertThat(left).containsExactly(growing);
        // files older than the settle time are not waited for at all
        Map<Path, Instant> old = Map.of(growing, now.minusSeconds(60), resting, now.minusSeconds(60));
        long start = System.nanoTime();
        assertThat(ScanTasklet.stillBeingWritten(List.of(growing, resting), old, sizes, Duration.ofSeconds(5))).isEmpty();
        assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(1).toNanos());
    }
}
