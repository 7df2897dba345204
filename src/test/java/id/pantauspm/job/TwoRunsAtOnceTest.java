package id.pantauspm.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.cli.ExitCodes;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.PantauProcess;
import id.pantauspm.support.TestDatabase;

/**
 * Issue 10, point 5: two real `pantau run` processes started at the same moment on one installation (cron and an
 * operator, or two timers) racing for the embedded H2 file and the run lock. One does the night; the other does
 * nothing, says another run is busy and exits 5 (the code the release's cron line and systemd unit know for "busy";
 * issue 10 suggested 2, which already means "bad usage or configuration"). Nothing is read twice.
 */
@Tag("slow")
@DisplayName("Two runs at once: one does the night, the other says another run is busy and exits 5")
class TwoRunsAtOnceTest {

    @TempDir
    Path temp;

    @Test
    void twoProcessesRaceForOneInstallation() throws Exception {
        PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp.resolve("db")));
        home.dropSamples();
        PantauHome once = new PantauHome(temp.resolve("once"), TestDatabase.h2(temp.resolve("once-db")));
        once.dropSamples();

        Process first = PantauProcess.run(home, "512m");
        Process second = PantauProcess.run(home, "512m");
        String firstOut = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String secondOut = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();

        List<Integer> codes = List.of(first.exitValue(), second.exitValue());
        // the samples hold a broken workbook and rejected rows: the run that did the night ends with 3
        assertThat(codes).containsExactlyInAnyOrder(RunSummary.SOME_REJECTED, ExitCodes.BUSY);
        String busy = first.exitValue() == ExitCodes.BUSY ? firstOut : secondOut;
        assertThat(busy).containsAnyOf("sedang dipakai proses pantau lain", "Proses pantau run lain sedang berjalan")
                .doesNotContain("\tat ", "Exception", "90020");

        RunSummary single = once.run();
        assertThat(single.exitCode()).isEqualTo(RunSummary.SOME_REJECTED);
        for (String table : List.of("submission", "measured_value", "service_result", "region_result")) {
            assertThat(home.count("select count(*) from " + table)).as(table).isEqualTo(once.count("select count(*) from " + table));
        }
        RunSummary after = home.run();
        assertThat(after.filesAccepted() + after.filesRefused()).as("nothing left for a later night").isZero();
    }
}
