package id.pantauspm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.job.RunSummary;
import id.pantauspm.report.Messages;
import id.pantauspm.support.Cli;
import id.pantauspm.support.PantauHome;

/**
 * Issue 10, point 5 (and field finding F8): faults of the machine are said plainly with their exit code, never as a
 * stack trace or a database's lock dump, and a failed run's summary does not point to a report it did not write.
 */
@DisplayName("Run faults: a missing inbox, a busy or unreachable database, a failed run's summary")
class RunFaultsTest {

    @TempDir
    Path temp;

    private String catalogue() {
        return PantauHome.PROJECT.resolve("indicators").toString();
    }

    @Test
    @DisplayName("a missing inbox folder: exit 2 and one sentence naming it, no stack trace")
    void missingInbox() {
        Path missing = temp.resolve("tidak-ada");
        Cli.Result r = Cli.pantau("run", "--inbox", missing.toString(), "--data", temp.resolve("data").toString(),
                "--catalogue", catalogue());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Folder kotak masuk", missing.toString(), "tidak ada").doesNotContain("Exception", "\tat ");
    }

    @Test
    @DisplayName("PostgreSQL unreachable at start: exit 1, the address named without its password, no stack trace")
    void databaseUnreachable() {
        Cli.Result r = Cli.pantau("run", "--inbox", temp.toString(), "--data", temp.resolve("data").toString(),
                "--catalogue", catalogue(), "--db-url", "jdbc:postgresql://127.0.0.1:1/pantau?password=rahasia",
                "--db-user", "pantau", "--db-password", "rahasia");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("tidak dapat dihubungi", "127.0.0.1:1").doesNotContain("rahasia", "Exception", "\tat ");
    }

    @Test
    @DisplayName("a run that cannot start leaves its sentence in pantau.log and a FAILED run-status.json, for cron's monitoring")
    void failedStartLeavesATrace() throws Exception {
        Path data = temp.resolve("data");
        Cli.Result r = Cli.pantau("run", "--inbox", temp.toString(), "--data", data.toString(), "--catalogue", catalogue(),
                "--db-url", "jdbc:postgresql://127.0.0.1:1/pantau", "--db-user", "pantau");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        String sentence = r.err().strip();
        assertThat(sentence).contains("tidak dapat dihubungi", "127.0.0.1:1");
        assertFailedStartTraced(data, sentence, ExitCodes.FAILED);
    }

    @Test
    @DisplayName("a JDBC URL of another kind (MySQL): exit 2 and a sentence saying only PostgreSQL or the embedded H2 are supported")
    void unsupportedDatabaseKind() throws Exception {
        Path data = temp.resolve("data");
        Cli.Result r = Cli.pantau("run", "--inbox", temp.toString(), "--data", data.toString(), "--catalogue", catalogue(),
                "--db-url", "jdbc:mysql://127.0.0.1/x?password=rahasia");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("jdbc:mysql://127.0.0.1/x", "tidak didukung", "hanya berjalan dengan PostgreSQL (pantau.db.url diawali jdbc:postgresql:)",
                "H2 bawaan").doesNotContain("com.mysql", "Driver", "rahasia", "Exception", "\tat ");
        assertFailedStartTraced(data, r.err().strip(), ExitCodes.USAGE);
        Cli.Result en = Cli.pantau("run", "--lang", "en", "--inbox", temp.toString(), "--data", data.toString(),
                "--catalogue", catalogue(), "--db-url", "jdbc:sqlserver://127.0.0.1;databaseName=x");
        assertThat(en.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(en.err()).contains("runs only on PostgreSQL (pantau.db.url starting with jdbc:postgresql:)", "embedded H2");
        // as its own process, what the operator's terminal (or cron's mail) shows: the sentence alone, no stack trace
        PantauHome home = new PantauHome(temp.resolve("proses"), id.pantauspm.support.TestDatabase.h2(temp.resolve("proses-db")));
        java.nio.file.Files.createDirectories(home.inbox());
        Process process = id.pantauspm.support.PantauProcess.start(home, "256m", "run", "--db-url", "jdbc:mysql://127.0.0.1/x");
        String console = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isEqualTo(ExitCodes.USAGE);
        assertThat(console.strip()).startsWith("Basis data jdbc:mysql://127.0.0.1/x tidak didukung")
                .doesNotContain("Exception", "\tat ", "com.mysql");
    }

    /** The console's sentence is the log's ERROR line, and run-status.json says FAILED with the exit code, when and why. */
    private static void assertFailedStartTraced(Path data, String sentence, int exitCode) throws Exception {
        String log = java.nio.file.Files.readString(data.resolve("logs/pantau.log"));
        assertThat(log).containsPattern("(?m)^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} ERROR \\[pantau\\] "
                + java.util.regex.Pattern.quote(sentence) + "$");
        tools.jackson.databind.JsonNode status = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(data.resolve("run-status.json").toFile());
        assertThat(status.get("state").asString()).isEqualTo("FAILED");
        assertThat(status.get("exitCode").asInt()).isEqualTo(exitCode);
        assertThat(status.get("outcome").asString()).isEqualTo(sentence);
        assertThat(java.time.Instant.parse(status.get("ended").asString()))
                .isBetween(java.time.Instant.now().minusSeconds(120), java.time.Instant.now().plusSeconds(1));
    }

    @Test
    @DisplayName("the H2 file held by another run: exit 5 (BUSY, as for the run lock), never H2's lock dump")
    void h2FileInUse() {
        CliText text = new CliText(Locale.forLanguageTag("id"));
        java.sql.SQLException h2 = new java.sql.SQLException("Database may be already in use: \"/x/pantau.mv.db\". "
                + "Possible solutions: close all other connection(s); use the server mode [90020-232]", "90020", 90020);
        Startup.StartupFailure f = Startup.classify(new IllegalStateException("context", h2), text, List.of());
        assertThat(f.exitCode()).isEqualTo(ExitCodes.BUSY);
        assertThat(f.getMessage()).contains("sedang dipakai proses pantau lain").doesNotContain("90020", "mv.db");
    }

    @Test
    @DisplayName("a failed run's summary says its report was not written, instead of pointing to it")
    void failedSummary() {
        Path report = temp.resolve("reports/latest/index.html");
        RunSummary failed = new RunSummary(true, "disk penuh", null, 0, 0, 0, 0, new TreeSet<>(), new TreeSet<>(),
                temp, report, temp, List.of());
        List<String> lines = RunCommand.lines(failed, Messages.create(), Locale.forLanguageTag("id"), temp.resolve("log"),
                temp.resolve("status"));
        assertThat(String.join("\n", lines)).contains("Laporan malam ini tidak ditulis").doesNotContain("Laporan: " + report);
        RunSummary ok = new RunSummary(false, null, null, 1, 0, 2, 0, new TreeSet<>(), new TreeSet<>(), temp, report, temp, List.of());
        assertThat(RunCommand.lines(ok, Messages.create(), Locale.forLanguageTag("id"), temp.resolve("log"), temp.resolve("status")))
                .contains("Laporan: " + report);
    }

    @Test
    @DisplayName("a database name or login PostgreSQL refuses: exit 2 (a setting to fix, not a run to resume), in plain words")
    void databaseSettingRefused() throws Exception {
        String base = System.getenv(id.pantauspm.support.TestDatabase.PG_URL_VARIABLE);
        org.junit.jupiter.api.Assumptions.assumeTrue(base != null && !base.isBlank(), "no PostgreSQL configured");
        String server = base.substring(0, base.lastIndexOf('/'));
        Cli.Result missing = Cli.pantau("run", "--inbox", temp.toString(), "--data", temp.resolve("data").toString(),
                "--catalogue", catalogue(), "--db-url", server + "/pantau_tidak_ada", "--db-user", "postgres");
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("tidak ada", "pantau_tidak_ada", "createdb").doesNotContain("FATAL", "Exception");
        assertFailedStartTraced(temp.resolve("data"), missing.err().strip(), ExitCodes.USAGE);
        Cli.Result login = Cli.pantau("run", "--inbox", temp.toString(), "--data", temp.resolve("data").toString(),
                "--catalogue", catalogue(), "--db-url", base, "--db-user", "pengguna_tidak_ada");
        assertThat(login.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(login.err()).contains("Pengguna atau kata sandi basis data ditolak").doesNotContain("FATAL", "Exception");
    }

    @Test
    @DisplayName("validate: a path that does not exist is named in the clerk's language; a file without extension is told so")
    void validateNotFoundAndNoExtension() throws Exception {
        Cli.Result missing = Cli.pantau("validate", temp.resolve("tidak-ada.csv").toString(), "--catalogue", catalogue());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("tidak-ada.csv tidak ditemukan").doesNotContain("not found");

        Path noExtension = java.nio.file.Files.writeString(temp.resolve("LAPORAN_DINKES"),
                "kode_wilayah,periode,kode_data,nilai\n33.19,2025,KES-K01.SASARAN,1000\n");
        Cli.Result r = Cli.pantau("validate", noExtension.toString(), "--catalogue", catalogue(),
                "--data", temp.resolve("data").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.FILE_REFUSED);
        assertThat(r.out()).contains("tidak berakhiran jenis berkas").doesNotContain("{1}");
    }
}
