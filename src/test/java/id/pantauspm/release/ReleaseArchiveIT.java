package id.pantauspm.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.PantauHome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The release as an operator installs it: target/pantau-VERSION.tar.gz unpacked into a scratch
 * /opt, settings in a scratch /etc/pantau, data and logs in a scratch /var, run by bin/pantau
 * with a JRE made by jlink (no compiler, no Maven) as the only program on PATH and no other
 * environment: no locale, no JAVA_HOME, as cron and systemd start it. Runs after `package` (mvn verify).
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The release archive, installed in the usual places and run with a JRE only")
class ReleaseArchiveIT {

    /** What a server JRE holds that the application uses (Debian's openjdk-17-jre-headless has all of it). */
    private static final String JRE_MODULES = "java.se,jdk.unsupported,jdk.localedata,jdk.charsets,jdk.crypto.ec,jdk.zipfs,"
            + "jdk.management,jdk.naming.dns,jdk.net,jdk.jfr";

    @TempDir
    static Path root;

    private Path opt;
    private Path path;

    @BeforeAll
    void installRelease() throws Exception {
        Path archive = Path.of(System.getProperty("pantau.release", "target/pantau-" + System.getProperty("pantau.version") + ".tar.gz"));
        assertThat(archive).as("the release archive (built by mvn package)").exists();
        Files.createDirectories(root.resolve("opt"));
        run(List.of("tar", "-xzf", archive.toString(), "-C", root.resolve("opt").toString()), Map.of(), 120);
        try (Stream<Path> unpacked = Files.list(root.resolve("opt"))) {
            opt = unpacked.findFirst().orElseThrow();
        }
        assertThat(opt.getFileName().toString()).isEqualTo("pantau-" + System.getProperty("pantau.version"));

        Path jre = root.resolve("jre");
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        run(List.of(jlink.toString(), "--add-modules", JRE_MODULES, "--strip-debug", "--no-header-files", "--no-man-pages",
                "--generate-cds-archive", "--output", jre.toString()), Map.of(), 300); // a base archive, as Debian's JRE has
        assertThat(jre.resolve("bin/javac")).doesNotExist();
        // PATH holds bash (for the launcher's #!/usr/bin/env bash) and this JRE's java, nothing else
        path = Files.createDirectories(root.resolve("path"));
        Files.createSymbolicLink(path.resolve("java"), jre.resolve("bin/java"));
        Files.createSymbolicLink(path.resolve("bash"), Path.of("/bin/bash"));
    }

    @Test
    @DisplayName("the archive holds the launcher, libraries, every setting commented, the catalogue, systemd units, the cron line and INSTALL.md")
    void contents() throws Exception {
        assertThat(opt.resolve("bin/pantau")).isExecutable();
        assertThat(opt.resolve("lib/pantau-spm-" + System.getProperty("pantau.version") + ".jar")).exists();
        try (Stream<Path> jars = Files.list(opt.resolve("lib"))) {
            assertThat(jars.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("spring-batch-core-"))
                    .anyMatch(n -> n.startsWith("postgresql-")).noneMatch(n -> n.startsWith("greenmail") || n.startsWith("junit"));
        }
        String properties = Files.readString(opt.resolve("config/pantau.properties"));
        assertThat(properties.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))).as("every setting commented").isEmpty();
        assertThat(opt.resolve("indicators/fields/kesehatan.yaml")).exists();
        assertThat(Files.readString(opt.resolve("systemd/pantau.service"))).contains("ExecStart=/opt/pantau/bin/pantau run", "SuccessExitStatus=3");
        assertThat(Files.readString(opt.resolve("systemd/pantau.timer"))).contains("OnCalendar=*-*-* 01:30:00", "Persistent=true");
        assertThat(Files.readString(opt.resolve("cron/pantau.cron"))).contains("30 1 * * *", "/opt/pantau/bin/pantau run");
        assertThat(Files.readString(opt.resolve("INSTALL.md"))).contains("/opt/pantau", "/etc/pantau", "/var/lib/pantau", "/var/log/pantau");
    }

    @Test
    @DisplayName("installed in /opt, /etc/pantau, /var/lib/pantau and /var/log/pantau: runs on the samples, writes nothing beside the code")
    void installedRun() throws Exception {
        Path var = root.resolve("var");
        Path data = var.resolve("lib/pantau");
        Path logs = var.resolve("log/pantau");
        Path inbox = Files.createDirectories(data.resolve("inbox"));
        PantauHome.copyTree(PantauHome.SAMPLES, inbox);
        Path etc = Files.createDirectories(root.resolve("etc/pantau"));
        // the shipped file with the lines INSTALL.md says to uncomment, pointed at the scratch places
        String settings = Files.readString(opt.resolve("config/pantau.properties"))
                .replace("#pantau.data=/var/lib/pantau", "pantau.data=" + data)
                .replace("#pantau.inbox=/var/lib/pantau/inbox", "pantau.inbox=" + inbox)
                .replace("#pantau.reports=/var/lib/pantau/reports", "pantau.reports=" + data.resolve("reports"))
                .replace("#pantau.logs=/var/log/pantau", "pantau.logs=" + logs);
        Files.writeString(etc.resolve("pantau.properties"), settings);
        Map<String, String> env = Map.of("PATH", path.toString(), "PANTAU_CONFIG", etc.resolve("pantau.properties").toString());

        // INSTALL.md's step: the class-data archive, made by root with the server's usual tools (coreutils) on PATH
        Result cds = run(List.of(opt.resolve("bin/pantau-cds").toString()), Map.of("PATH", path + ":/usr/bin:/bin"), 600);
        assertThat(cds.code()).as(cds.out()).isZero();
        assertThat(opt.resolve("lib/pantau.jsa")).isNotEmptyFile();
        // bin/pantau uses it: the application's own classes come from the archive, not from lib/
        Result mapped = pantau(Map.of("PATH", path.toString(), "PANTAU_JAVA_OPTS", "-Xlog:class+load=info"), "--version");
        assertThat(mapped.out()).contains("id.pantauspm.PantauApplication source: shared objects file (top)");

        Result version = pantau(env, "--version");
        assertThat(version.out()).contains("Pantau SPM " + System.getProperty("pantau.version"));
        Result help = pantau(env, "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Penggunaan: pantau", "Kode keluar", "export");

        long samples;
        try (Stream<Path> files = Files.list(PantauHome.SAMPLES)) {
            samples = files.count();
        }
        Result first = pantau(env, "run"); // every sample is accepted but laporan-rusak.xlsx
        assertThat(first.code()).as(first.out()).isEqualTo(3);
        assertThat(first.out()).contains("Berkas: " + (samples - 1) + " diterima, 1 ditolak", "Kode keluar 3",
                "Disdikpora Kota Yogyakarta 2025 – final.csv"); // a non-ASCII file name, read without any locale set
        assertThat(inbox).isEmptyDirectory();
        assertThat(data.resolve("archive")).isDirectory();
        assertThat(data.resolve("reports/latest/index.html")).exists();
        assertThat(data.resolve("pantau.mv.db")).exists();
        String log = Files.readString(logs.resolve("pantau.log"), StandardCharsets.UTF_8);
        assertThat(log).containsPattern("(?m)^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} INFO  \\[ingest\\] Membaca ")
                .contains("Ringkasan proses Pantau SPM", "Kode keluar 3");
        JsonNode status = JsonMapper.builder().build().readTree(data.resolve("run-status.json").toFile());
        assertThat(status.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(status.get("exitCode").asInt()).isEqualTo(3);
        assertThat(status.get("summary").get("refusedFiles").get(0).get("file").asString()).isEqualTo("laporan-rusak.xlsx");
        // nothing beside the code: no data, logs or reports under the installation folder
        try (Stream<Path> top = Files.list(opt)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bin", "lib", "config", "indicators",
                    "input-samples", "systemd", "cron", "INSTALL.md", "README.md");
        }

        Result second = pantau(env, "run");
        assertThat(second.code()).isZero();
        assertThat(second.out()).contains("Tidak ada berkas baru");
    }

    record Result(int code, String out) {
    }

    private Result pantau(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(opt.resolve("bin/pantau").toString()));
        command.addAll(List.of(args));
        return run(command, env, 600);
    }

    /** A process with exactly this environment (nothing inherited), its output together. */
    private Result run(List<String> command, Map<String, String> env, int seconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (!env.isEmpty()) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        Path output = Files.createTempFile(root, "out", ".txt");
        pb.redirectOutput(output.toFile());
        Process p = pb.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + seconds + " s: " + Files.readString(output));
        }
        return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
