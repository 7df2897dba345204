package id.pantauspm.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.PantauHome;
import id.pantauspm.support.PantauProcess;
import id.pantauspm.support.PrivatePostgres;
import id.pantauspm.support.TestDatabase;

/**
 * Issue 10, point 5: the PostgreSQL server is stopped (pg_ctl stop, fast: as a service stop or a shutdown does) in the
 * middle of a real `pantau run` process, once during the ingest of a 100,800-row file (ten years of monthly figures
 * of Jawa Tengah's 35 kabupaten/kota) and once during their evaluation.
 * The run must end by itself with exit 1 and a sentence naming the database (no stack trace, no hang), leave the
 * last report as it was and the file in the inbox; started again with the server back, it completes to the same
 * results as a night that never saw the fault.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("PostgreSQL stopped mid-run: exit 1 with a plain sentence, the last report kept, the next run completes")
class DatabaseStoppedTest {

    @TempDir
    static Path temp;

    /** A small first night, so reports/latest holds a whole report before the night that meets the fault. */
    private static final String FIRST_NIGHT = "kode_wilayah;periode;kode_data;nilai\n"
            + "33.19;2025;KES-K01.SASARAN;1000\n33.19;2025;KES-K01.TERLAYANI;900\n";

    private PrivatePostgres server;
    private Path bigFile;
    private String cleanResults;

    @BeforeAll
    void serverAndCleanNight() throws Exception {
        server = PrivatePostgres.start(temp.resolve("pg"));
        bigFile = temp.resolve("rekap-bulanan-jateng-2016-2025.csv");
        writeTenYearsOfJawaTengah(bigFile);
        PantauHome clean = home("clean");
        clean.write("dinkes kudus.csv", FIRST_NIGHT);
        assertThat(clean.run().failed()).isFalse();
        dropBigFile(clean);
        assertThat(clean.run().failed()).isFalse();
        cleanResults = results(clean);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void stoppedDuringIngest() throws Exception {
        String file = bigFile.getFileName().toString();
        stopDuring("ingest", line -> line.contains("[ingest]") && line.contains("baris diperiksa"), file);
    }

    @Test
    void stoppedDuringEvaluate() throws Exception {
        stopDuring("evaluate", line -> line.contains("[evaluate]"), null);
    }

    private void stopDuring(String name, Predicate<String> trigger, String pendingFile) throws Exception {
        PantauHome home = home(name);
        home.write("dinkes kudus.csv", FIRST_NIGHT);
        assertThat(home.run().failed()).isFalse(); // a first night: reports/latest is a whole report
        Map<String, String> lastReport = PantauHome.fingerprints(home.reports().resolve("latest"));
        assertThat(lastReport).containsKey("index.html");
        dropBigFile(home);

        Process run = PantauProcess.run(home, "512m");
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (output.stream().noneMatch(trigger) && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(run.isAlive()).as("the run reached %s before the server was stopped: %s", name, tail(output)).isTrue();
        server.stop();
        try {
            // ends by itself: a pool timeout of 10 s for the step at work, its repository update and the summary
            boolean ended = run.waitFor(3, TimeUnit.MINUTES);
            if (!ended) {
                run.destroyForcibly();
            }
            reader.join(10_000);
            assertThat(ended).as("the run hung after the database stopped: %s", tail(output)).isTrue();
            assertThat(run.exitValue()).as("%s", tail(output)).isEqualTo(1);
            String said = String.join("\n", output);
            assertThat(said).as("the operator is told what happened").contains("berhenti menjawab")
                    .contains("127.0.0.1:" + server.port());
            assertThat(said).as("no stack trace on the console").doesNotContain("\tat ").doesNotContain("Exception:");
            assertThat(Files.readString(home.path().resolve("data/run-status.json"))).contains("\"FAILED\"");
            // the last whole report is still the latest; nothing half-written replaced it
            assertThat(PantauHome.fingerprints(home.reports().resolve("latest"))).isEqualTo(lastReport);
            if (pendingFile != null) {
                assertThat(home.inbox().resolve(pendingFile)).exists();
            }
        } finally {
            server.start();
        }

        RunSummary resumed = home.run();
        assertThat(resumed.failed()).as("%s", resumed.failure()).isFalse();
        assertThat(resumed.resumedExecution()).isNotNull();
        assertThat(results(home)).isEqualTo(cleanResults);
        assertThat(home.inbox().resolve(bigFile.getFileName().toString())).doesNotExist();
        assertThat(PantauHome.fingerprints(home.reports().resolve("latest"))).isNotEqualTo(lastReport);
    }

    private PantauHome home(String name) throws Exception {
        String url = server.createDatabase(name);
        return new PantauHome(temp.resolve(name), new TestDatabase("postgresql-private", url, "postgres", ""))
                .with("--pantau.progress.interval=1s");
    }

    private void dropBigFile(PantauHome home) throws Exception {
        Path big = home.drop(bigFile, bigFile.getFileName().toString());
        Files.setLastModifiedTime(big, FileTime.from(Instant.now().minusSeconds(60)));
    }

    private static List<String> tail(List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - 12), lines.size());
    }

    private static String results(PantauHome home) {
        return home.query(db -> String.join("\n",
                db.queryForList("select region_code, period_code, scope, service_code, target_population, served, service_index, "
                        + "category from service_result order by region_code, period_code, scope, service_code").toString(),
                db.queryForList("select region_code, period_code, scope, field_code, field_index from field_result "
                        + "order by region_code, period_code, scope, field_code").toString(),
                db.queryForList("select active, count(*), sum(amount) from measured_value group by active order by active").toString()));
    }

    /** Jawa Tengah's kabupaten/kota, the 12 health services, both counts, every month of 2016-2025: 100,800 rows. */
    private static void writeTenYearsOfJawaTengah(Path file) throws java.io.IOException {
        try (java.io.BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("kode_wilayah,periode,kode_data,nilai\n");
            for (id.pantauspm.regions.Region r : id.pantauspm.regions.RegionDirectory.official().all()) {
                if (r.isProvince() || !r.code().startsWith("33.")) {
                    continue;
                }
                for (int year = 2016; year <= 2025; year++) {
                    for (int month = 1; month <= 12; month++) {
                        for (int s = 1; s <= 12; s++) {
                            long target = Math.max(10, r.population() / (50 + s));
                            long served = target * (60 + (month * 7 + s * 3 + year + r.code().hashCode() & 0x1f)) / 100;
                            String at = String.format("%d-%02d,KES-K%02d", year, month, s);
                            w.write(r.code() + "," + at + ".SASARAN," + target + "\n");
                            w.write(r.code() + "," + at + ".TERLAYANI," + served + "\n");
                        }
                    }
                }
            }
        }
    }
}
