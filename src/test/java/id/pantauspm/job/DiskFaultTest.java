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
import id.pantauspm.support.TestDatabase;

/**
 * Issue 10, point 5: the reports folder cannot be written (here: its parent is a file, as a full or read-only disk
 * refuses the write). The run fails (exit 1) without leaving a half-written report as "latest" and without losing
 * the file; the next run, with the folder writable again, completes to the results of a clean night.
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
}
