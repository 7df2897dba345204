package id.pantauspm.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.PantauHome;
import id.pantauspm.support.SmallDisk;
import id.pantauspm.support.TestDatabase;

/**
 * Issue 10, point 5: the reports folder cannot be written (here: its parent is a file, as a full or read-only disk
 * refuses the write). The run fails (exit 1) without leaving a half-written report as "latest" and without losing
 * the file; the next run, with the folder writable again, completes to the results of a clean night. The same with
 * a real full disk (a small tmpfs filled to the last block) under the archive and under the reports.
 */
@DisplayName("Disk fault: the reports folder cannot be written; the next run completes to the same results")
class DiskFaultTest {

    @TempDir
    Path temp;

    private static final String FILE = "kode_wilayah;periode;kode_data;nilai\n"
            + "33.19;2025;KES-K01.SASARAN;1000\n33.19;2025;KES-K01.TERLAYANI;900\n";

    private static String results(PantauHome home) {
        return home.query(db -> db.queryForList("select region_code, period_code, scope, service_code, target_population, served, "
                + "service_index, category from service_result order by region_code, period_code, scope, service_code").toString());
    }

    @Test
    void reportsFolderUnwritable() throws Exception {
        PantauHome clean = new PantauHome(temp.resolve("clean"), TestDatabase.h2(temp.resolve("clean-db")));
        clean.write("dinkes kudus.csv", FILE);
        assertThat(clean.run().exitCode()).isEqualTo(RunSummary.OK);

        Path blocker = Files.writeString(temp.resolve("bukan-folder"), "a file where the reports folder's parent should be");
        PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp.resolve("db")))
                .with("--pantau.reports=" + blocker.resolve("reports"));
        home.write("dinkes kudus.csv", FILE);
        RunSummary failed = home.run();

        assertThat(failed.failed()).isTrue();
        assertThat(failed.exitCode()).isEqualTo(RunSummary.FAILED);
        List<String> lines = id.pantauspm.cli.RunFaultsTestAccess.summaryLines(failed, Locale.forLanguageTag("id"));
        assertThat(String.join("\n", lines)).contains("Laporan malam ini tidak ditulis");
        // the file is still in the inbox, not lost, not filed half way
        assertThat(home.inbox().resolve("dinkes kudus.csv")).exists();

        // The next night, with the disk writable again: the same results as a clean night, the file filed.
        PantauHome again = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp.resolve("db")));
        RunSummary next = again.run();
        assertThat(next.failed()).as("%s", next.failure()).isFalse();
        assertThat(results(again)).isEqualTo(results(clean));
        assertThat(again.reports().resolve("latest/index.html")).exists();
        assertThat(again.inbox().resolve("dinkes kudus.csv")).doesNotExist();
    }

    private static final String SECOND = "kode_wilayah;periode;kode_data;nilai\n"
            + "33.20;2025;KES-K01.SASARAN;2000\n33.20;2025;KES-K01.TERLAYANI;1500\n";

    @Test
    void archiveDiskFull() throws Exception {
        PantauHome clean = new PantauHome(temp.resolve("clean"), TestDatabase.h2(temp.resolve("clean-db")));
        clean.write("dinkes kudus.csv", FILE);
        assertThat(clean.run().exitCode()).isEqualTo(RunSummary.OK);

        try (SmallDisk disk = SmallDisk.mount(temp.resolve("archive-disk"), 2)) {
            Path archive = disk.path().resolve("arsip");
            PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp.resolve("db")))
                    .with("--pantau.archive=" + archive);
            Path file = home.write("dinkes kudus.csv", FILE);
            String bytes = Files.readString(file);
            disk.fill(0);

            RunSummary failed = home.run();
            assertThat(failed.exitCode()).isEqualTo(RunSummary.FAILED);
            assertThat(failed.failure()).startsWith("Disk penuh: folder " + archive);
            // the file is still in the inbox, byte for byte; no truncated copy is left in the archive
            assertThat(Files.readString(file)).isEqualTo(bytes);
            assertThat(PantauHome.fingerprints(disk.path()).keySet()).noneMatch(name -> name.endsWith(".part"));

            disk.free(); // the operator clears space
            RunSummary next = home.run();
            assertThat(next.failed()).as("%s", next.failure()).isFalse();
            assertThat(results(home)).isEqualTo(results(clean));
            assertThat(file).doesNotExist();
            assertThat(PantauHome.fingerprints(archive).values()).contains(PantauHome.fingerprints(clean.archive()).values().toArray(String[]::new));
        }
    }

    /** The clean nights the disk tests compare with: Kudus's file, then Jepara's, on a disk with room. */
    private PantauHome cleanNights() throws Exception {
        PantauHome clean = new PantauHome(temp.resolve("clean"), TestDatabase.h2(temp.resolve("clean-db")));
        clean.write("dinkes kudus.csv", FILE);
        assertThat(clean.run().exitCode()).isEqualTo(RunSummary.OK);
        clean.write("dinkes jepara.csv", SECOND);
        assertThat(clean.run().exitCode()).isEqualTo(RunSummary.OK);
        return clean;
    }

    @Test
    void reportsDiskFull() throws Exception {
        PantauHome clean = cleanNights();

        try (SmallDisk disk = SmallDisk.mount(temp.resolve("reports-disk"), 48)) {
            Path reports = disk.path().resolve("laporan");
            PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp.resolve("db")))
                    .with("--pantau.reports=" + reports);
            home.write("dinkes kudus.csv", FILE);
            assertThat(home.run().exitCode()).isEqualTo(RunSummary.OK);
            java.util.Map<String, String> lastReport = PantauHome.fingerprints(reports.resolve("latest"));
            java.util.Map<String, String> runsBefore = PantauHome.fingerprints(reports.resolve("runs"));

            Path second = home.write("dinkes jepara.csv", SECOND);
            disk.fill(100_000); // room for a few pages, not for a night's report

            RunSummary failed = home.run();
            assertThat(failed.exitCode()).isEqualTo(RunSummary.FAILED);
            assertThat(failed.failure()).startsWith("Disk penuh: folder " + reports);
            // latest is still last night's whole report; tonight's half-written run folder is gone
            assertThat(PantauHome.fingerprints(reports.resolve("latest"))).isEqualTo(lastReport);
            assertThat(PantauHome.fingerprints(reports.resolve("runs"))).isEqualTo(runsBefore);
            assertThat(reports.resolve("latest.new")).doesNotExist();
            assertThat(second).exists();

            disk.free();
            RunSummary next = home.run();
            assertThat(next.failed()).as("%s", next.failure()).isFalse();
            assertThat(results(home)).isEqualTo(results(clean));
            assertThat(Files.readString(reports.resolve("latest/index.html"))).contains("Jepara");
            assertThat(second).doesNotExist();
        }
    }

    /**
     * The disk fills while the PDFs are written (the report-regions step: region pages, then PDFs, a partition per
     * province): room is left for tonight's pages and tables and half its PDFs, measured on a clean night of the same files. The partition fails,
     * the step removes tonight's run folder, latest stays last night's report, the file stays in the inbox.
     */
    @Test
    void reportsDiskFullWhileThePdfsAreWritten() throws Exception {
        PantauHome clean = cleanNights();
        long pdfs = onDisk(clean.reports().resolve("latest/pdf"));
        long rest = onDisk(clean.reports().resolve("latest")) - pdfs;
        assertThat(pdfs).as("Kudus, Jepara and Jawa Tengah's PDFs").isGreaterThan(3 * 4096);

        try (SmallDisk disk = SmallDisk.mount(temp.resolve("pdf-disk"), 48)) {
            Path reports = disk.path().resolve("laporan");
            PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp.resolve("db")))
                    .with("--pantau.reports=" + reports);
            home.write("dinkes kudus.csv", FILE);
            assertThat(home.run().exitCode()).isEqualTo(RunSummary.OK);
            java.util.Map<String, String> lastReport = PantauHome.fingerprints(reports.resolve("latest"));
            java.util.Map<String, String> runsBefore = PantauHome.fingerprints(reports.resolve("runs"));

            Path second = home.write("dinkes jepara.csv", SECOND);
            disk.fill(rest + pdfs / 2); // the pages and tables fit, the PDFs do not

            RunSummary failed = home.run();
            assertThat(failed.exitCode()).isEqualTo(RunSummary.FAILED);
            assertThat(failed.failure()).startsWith("Disk penuh: folder " + reports);
            // it was the report-regions step that failed: the pages and tables were written, then removed with the run folder
            tools.jackson.databind.JsonNode status = tools.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(home.path().resolve("data/run-status.json").toFile());
            java.util.Map<String, String> steps = new java.util.HashMap<>();
            status.get("steps").forEach(st -> steps.put(st.get("name").asString(), st.get("status").asString()));
            assertThat(steps).containsEntry("report", "COMPLETED").containsEntry("report-regions", "FAILED")
                    .doesNotContainKey("publish");
            assertThat(PantauHome.fingerprints(reports.resolve("latest"))).isEqualTo(lastReport);
            assertThat(PantauHome.fingerprints(reports.resolve("runs"))).isEqualTo(runsBefore);
            assertThat(reports.resolve("latest.new")).doesNotExist();
            assertThat(second).exists();

            disk.free();
            RunSummary next = home.run();
            assertThat(next.failed()).as("%s", next.failure()).isFalse();
            assertThat(results(home)).isEqualTo(results(clean));
            try (var written = Files.list(reports.resolve("latest/pdf"))) {
                assertThat(written.map(f -> f.getFileName().toString())).anyMatch(n -> n.contains("Jepara"));
            }
        }
    }

    /** Bytes a folder takes on a disk of 4 KiB blocks. */
    private static long onDisk(Path folder) throws java.io.IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return (Files.size(f) + 4095) / 4096 * 4096;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
