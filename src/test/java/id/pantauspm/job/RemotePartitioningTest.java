package id.pantauspm.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.PantauProcess;
import id.pantauspm.support.TestDatabase;

/**
 * Remote partitioning as an operator runs it: RabbitMQ on this machine, a fresh PostgreSQL schema, two `pantau worker`
 * processes and a `pantau run --workers remote` manager, all real processes. One worker is killed (SIGKILL) while it
 * is reading a file, its first chunks committed: the file goes back to the queue, the other worker reads it, the
 * night completes, and what is stored equals a single-process run of the same files.
 */
@Tag("slow")
class RemotePartitioningTest {

    @TempDir
    Path temp;

    private final List<Process> started = new ArrayList<>();
    private String queue;

    @AfterEach
    void stopProcessesAndDeleteTheQueue() {
        started.forEach(Process::destroyForcibly);
        if (queue != null) { // durable: it would outlive the test on the broker
            org.springframework.amqp.rabbit.connection.CachingConnectionFactory connections =
                    new org.springframework.amqp.rabbit.connection.CachingConnectionFactory("127.0.0.1", 5672);
            try {
                new org.springframework.amqp.rabbit.core.RabbitAdmin(connections).deleteQueue(queue);
            } finally {
                connections.destroy();
            }
        }
    }

    @Test
    void aWorkerKilledMidFileLosesNothingAndTheNightEqualsASingleProcessRun() throws Exception {
        Assumptions.assumeTrue(rabbitReachable(),
                "RabbitMQ test skipped: nothing listens on 127.0.0.1:5672 (.ci/run starts it: rabbitmq-server -detached)");
        TestDatabase shared = TestDatabase.postgres();
        TestDatabase single = TestDatabase.postgres();
        queue = "pantau.test." + UUID.randomUUID(); // never a leftover request of another run

        List<Path> files = writeHalfYearsOfProvince(temp.resolve("files"));
        PantauHome remote = new PantauHome(temp.resolve("remote"), shared)
                .with("--pantau.remote.queue=" + queue).with("--pantau.remote.poll-interval=500ms");
        PantauHome clean = new PantauHome(temp.resolve("clean"), single);
        for (PantauHome home : List.of(remote, clean)) {
            files.forEach(f -> home.drop(f, f.getFileName().toString()));
        }
        // the schema made once, before three processes start on it
        assertThat(remote.count("select count(*) from submission")).isZero();

        Output first = new Output(PantauProcess.start(remote, "384m", "worker"), "worker A");
        Output second = new Output(PantauProcess.start(remote, "384m", "worker"), "worker B");
        started.addAll(List.of(first.process, second.process));
        first.await(line -> line.contains("Pekerja siap") && line.contains(queue), 120);
        second.await(line -> line.contains("Pekerja siap") && line.contains(queue), 120);

        long began = System.nanoTime();
        Output manager = new Output(PantauProcess.start(remote, "512m", "run", "--workers", "remote"), "manager");
        started.add(manager.process);

        // The first worker to start a file is killed once some of that file's rows are committed (not yet counted).
        String victimFile = null;
        Output victim = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (victim == null && System.nanoTime() < deadline) {
            for (Output worker : List.of(first, second)) {
                String reading = worker.lastReading();
                if (reading != null && partialRows(shared, reading) > 0) {
                    victim = worker;
                    victimFile = reading;
                    break;
                }
            }
            Thread.sleep(50);
        }
        assertThat(victim).as("a worker started a file; manager: %s", manager.lines()).isNotNull();
        victim.process.destroyForcibly(); // SIGKILL: no shutdown, the request unacknowledged
        assertThat(victim.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(status(shared, victimFile)).as("the file %s was mid-read when its worker died", victimFile)
                .isEqualTo("RECEIVED");
        Output survivor = victim == first ? second : first;

        assertThat(manager.process.waitFor(10, TimeUnit.MINUTES)).as("manager finished; its output: %s", manager.lines()).isTrue();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);
        assertThat(manager.process.exitValue()).as("manager exit code; output: %s", manager.lines()).isZero();
        String finalVictimFile = victimFile;
        // the request went back to the queue and the other worker read the whole file
        assertThat(survivor.lines()).as("the surviving worker's output").anyMatch(l -> l.contains("[ingest] Membaca " + finalVictimFile));
        assertThat(manager.lines()).anyMatch(l -> l.contains("Berkas: " + files.size() + " diterima, 0 ditolak"));
        // the manager's own line for the step counts what the workers did: 6 files of 38 regions x 6 months x 24 rows
        assertThat(manager.lines()).anyMatch(l -> l.contains("[ingest]") && l.contains("6 dari 6 berkas, 32.832 baris diperiksa"));
        System.out.printf("remote night (2 workers, one killed mid-file while reading %s) took %d s%n", victimFile, seconds);
        manager.lines().stream().filter(l -> l.contains("selesai dalam")).forEach(System.out::println);

        // SIGTERM (systemctl stop) ends an idle worker cleanly
        survivor.process.destroy();
        assertThat(survivor.process.waitFor(60, TimeUnit.SECONDS)).as("the worker stopped on SIGTERM").isTrue();

        RunSummary once = clean.run();
        assertThat(once.failed()).isFalse();
        assertThat(results(remote)).isEqualTo(results(clean));
        assertThat(remote.count("select count(*) from submission where status = 'INGESTED'")).isEqualTo(files.size());
        assertThat(remote.count("select count(*) from measured_value")).isEqualTo(clean.count("select count(*) from measured_value"));
        assertThat(PantauHome.fingerprints(remote.archive()).values())
                .containsExactlyInAnyOrderElementsOf(PantauHome.fingerprints(clean.archive()).values());
    }

    @Test
    void remoteModeOnTheEmbeddedDatabaseIsRefusedWithASentence() throws Exception {
        PantauHome h2 = new PantauHome(temp.resolve("h2"), TestDatabase.h2(temp.resolve("h2-db")));
        Output run = new Output(PantauProcess.start(h2, "256m", "run", "--workers", "remote"), "manager on H2");
        started.add(run.process);
        assertThat(run.process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(run.process.exitValue()).isEqualTo(2);
        assertThat(String.join("\n", run.lines())).contains("memerlukan PostgreSQL", "jdbc:h2:file:");
    }

    private static boolean rabbitReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Rows of the file written by an unfinished ingest (kept inactive until the file's end). */
    private static long partialRows(TestDatabase db, String fileName) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement s = c.prepareStatement("select count(*) from measured_value v join submission f on f.id = v.submission_id"
                     + " where f.file_name = ? and f.status = 'RECEIVED' and v.active = false")) {
            s.setString(1, fileName);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static String status(TestDatabase db, String fileName) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement s = c.prepareStatement("select status from submission where file_name = ?")) {
            s.setString(1, fileName);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static String results(PantauHome home) {
        return home.query(db -> String.join("\n",
                db.queryForList("select * from service_result order by region_code, period_code, service_code").toString(),
                db.queryForList("select * from field_result order by region_code, period_code, field_code").toString(),
                db.queryForList("select * from region_result order by region_code, period_code").toString(),
                db.queryForList("select region_code, period_code, field_code, measure_code, amount, active from measured_value"
                        + " order by region_code, period_code, field_code, measure_code").toString()));
    }

    /**
     * The province with the most kabupaten/kota (few regions keep the report step short), two files a year for
     * 2023-2025 (January-June, July-December): every kabupaten/kota, the 12 health services, both counts, each month;
     * 6 files of 5,472 rows (38 kabupaten/kota), each read for a second or more, so a kill lands mid-file.
     */
    private static List<Path> writeHalfYearsOfProvince(Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<String, List<Region>> byProvince = RegionDirectory.official().all().stream().filter(r -> !r.isProvince())
                .collect(Collectors.groupingBy(Region::provinceCode));
        String province = byProvince.keySet().stream()
                .max(Comparator.comparing((String p) -> byProvince.get(p).size()).thenComparing(p -> p)).orElseThrow();
        List<Path> files = new ArrayList<>();
        for (int year = 2023; year <= 2025; year++) {
            for (int half = 0; half < 2; half++) {
                Path file = folder.resolve("rekap-" + province + "-" + year + "-s" + (half + 1) + ".csv");
                try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    w.write("kode_wilayah,periode,kode_data,nilai\n");
                    for (Region r : byProvince.get(province)) {
                        for (int month = 1 + 6 * half; month <= 6 + 6 * half; month++) {
                            for (int s = 1; s <= 12; s++) {
                                long target = Math.max(10, r.population() / (50 + s));
                                long served = target * (60 + (month * 7 + s * 3 + year + r.code().hashCode() & 0x1f)) / 100;
                                String period = String.format("%d-%02d", year, month);
                                String service = String.format("KES-K%02d", s);
                                w.write(r.code() + "," + period + "," + service + ".SASARAN," + target + "\n");
                                w.write(r.code() + "," + period + "," + service + ".TERLAYANI," + served + "\n");
                            }
                        }
                    }
                }
                files.add(file);
            }
        }
        return files;
    }

    /** A process's output, read on a thread of its own so it never blocks on a full pipe. */
    private static final class Output {
        final Process process;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private volatile String lastReading;

        Output(Process process, String name) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                        int at = line.indexOf("[ingest] Membaca ");
                        if (at >= 0) {
                            lastReading = line.substring(at + "[ingest] Membaca ".length()).trim();
                        }
                    }
                } catch (IOException e) {
                    lines.add(name + ": " + e);
                }
            }, name);
            reader.setDaemon(true);
            reader.start();
        }

        String lastReading() {
            return lastReading;
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        void await(java.util.function.Predicate<String> seen, int seconds) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < until) {
                if (lines().stream().anyMatch(seen)) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the process ended (exit " + process.exitValue() + "): " + lines());
                }
                Thread.sleep(100);
            }
            throw new AssertionError("not seen within " + seconds + " s: " + lines());
        }
    }
}
