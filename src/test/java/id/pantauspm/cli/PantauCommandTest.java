package id.pantauspm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.Cli;
import id.pantauspm.support.Cli.Result;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;

@DisplayName("pantau: commands, settings and the exit codes cron acts on")
class PantauCommandTest {

    @TempDir
    Path temp;

    static Result pantau(String... args) {
        return Cli.pantau(args);
    }

    @Test
    void helpListsTheRunCommandAndTheExitCodes() {
        Result r = pantau("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("run", "Kode keluar", "3", "ada berkas atau baris yang ditolak");
        assertThat(pantau("--help", "--lang", "en").out()).contains("Exit codes", "some files or rows were rejected");
        assertThat(pantau("run", "--help").out()).contains("--inbox", "--db-url", "--lang");
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(pantau().code()).isEqualTo(ExitCodes.USAGE);
        assertThat(pantau("frobnicate").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(pantau("run", "--no-such-option").code()).isEqualTo(ExitCodes.USAGE);
        Result lang = pantau("run", "--lang", "fr");
        assertThat(lang.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(lang.err()).contains("--lang");
    }

    @Test
    void anInvalidCatalogueStopsTheJobBeforeItStartsAndSaysWhy() throws Exception {
        Path catalogue = temp.resolve("indicators");
        PantauHome.copyTree(PantauHome.PROJECT.resolve("indicators"), catalogue);
        Path health = catalogue.resolve("fields/kesehatan.yaml");
        Files.writeString(health, Files.readString(health).replaceFirst("kind: output", "kind: hasil"));

        Result r = pantau(runArgs(temp.resolve("home"), "--catalogue", catalogue.toString()));

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Katalog SPM tidak valid", "kesehatan.yaml", "kind", "'hasil'");
    }

    @Test
    void aRunWithRejectedRowsExitsWithThreeAndSummarisesInIndonesian() throws Exception {
        Path inbox = Files.createDirectories(temp.resolve("inbox"));
        Files.copy(PantauHome.SAMPLES.resolve("SPM Kes Kudus 2025 (rekap).xlsx"), inbox.resolve("kudus.xlsx"));

        Result r = pantau(runArgs(temp.resolve("home"), "--inbox", inbox.toString()));

        assertThat(r.code()).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(r.out()).contains("Ringkasan proses Pantau SPM", "Berkas: 1 diterima, 0 ditolak",
                "Baris: 24 diterima, 4 ditolak", "Wilayah: 33.19; periode: 2025", "index.html");
        assertThat(inbox).isEmptyDirectory();

        Result again = pantau(runArgs(temp.resolve("home"), "--inbox", inbox.toString(), "--lang", "en"));
        assertThat(again.code()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("Pantau SPM run summary", "No new files in the inbox");
    }

    @Test
    void validateChecksFilesWithoutStoringAndExitsByTheWorstFile() throws Exception {
        Path good = PantauHome.SAMPLES.resolve("Disdik Sleman 2025.csv");
        Path badRows = PantauHome.SAMPLES.resolve("SPM Kes Kudus 2025 (rekap).xlsx");
        Path broken = PantauHome.SAMPLES.resolve("laporan-rusak.xlsx");
        String catalogue = PantauHome.PROJECT.resolve("indicators").toString();

        Result ok = pantau("validate", "--catalogue", catalogue, good.toString());
        assertThat(ok.code()).isEqualTo(ExitCodes.OK);
        assertThat(ok.out()).contains("PEMERIKSAAN BERKAS", "tidak disimpan", "DAPAT DITERIMA", "Baris diterima: 6");

        Result rows = pantau("validate", "--catalogue", catalogue, good.toString(), badRows.toString());
        assertThat(rows.code()).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(rows.out()).contains("baris 17, kolom F: Nilai \"-312\" negatif");

        Result refused = pantau("validate", "--catalogue", catalogue, "--lang", "en", badRows.toString(), broken.toString());
        assertThat(refused.code()).isEqualTo(ValidateCommand.FILE_REFUSED);
        assertThat(refused.out()).contains("WOULD BE REFUSED", "laporan-rusak.xlsx").doesNotContain(PantauHome.PROJECT.toString());
        // Nothing is written anywhere: no database, no outbox.
        assertThat(PantauHome.PROJECT.resolve("data/outbox/validate")).doesNotExist();
    }

    @Test
    @DisplayName("issue 8: validate runs the job's own ingest: conflicts between the files, findings and copies, as a run")
    void validatePredictsConflictsFindingsAndCopies() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("to-check"));
        String header = "kode_wilayah,periode,kode_data,nilai\n";
        Path pagi = Files.writeString(folder.resolve("pagi.csv"), header + "33.19,2025,KES-K02.SASARAN,100\n33.19,2025,KES-K02.TERLAYANI,90\n");
        Path sore = Files.writeString(folder.resolve("sore.csv"), header + "33.19,2025,KES-K02.TERLAYANI,95\n");
        Path above = Files.writeString(folder.resolve("k01.csv"), header + "33.19,2025,KES-K01.SASARAN,100\n33.19,2025,KES-K01.TERLAYANI,120\n");
        Path copy = Files.copy(above, folder.resolve("k01 salinan.csv"));
        Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(above).toMillis() + 60_000));
        String catalogue = PantauHome.PROJECT.resolve("indicators").toString();

        Result r = pantau("validate", "--catalogue", catalogue, pagi.toString(), sore.toString(), above.toString(), copy.toString());

        // 90 and 95 for the same measure in two files of one night: both named, exit 3, as the run would say
        assertThat(r.code()).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(r.out()).contains("nilai 90 di sini berbeda dengan nilai 95", "\"sore.csv\"",
                "Temuan kualitas data", "terlayani 120 melebihi sasaran 100", "SALINAN", "\"k01.csv\"");
        assertThat(r.out().indexOf("pagi.csv")).isLessThan(r.out().indexOf("Berkas: sore.csv"));
    }

    @Test
    @DisplayName("issue 8: validate reads pantau.properties like the run (a row limit of 1 refuses a 2-row file)")
    void validateUsesTheRunsSettings() throws Exception {
        Path config = Files.writeString(temp.resolve("limits.properties"), "pantau.ingest.max-rows=1\n");
        Path file = Files.writeString(temp.resolve("dua.csv"),
                "kode_wilayah,periode,kode_data,nilai\n33.19,2025,KES-K02.SASARAN,100\n33.19,2025,KES-K02.TERLAYANI,90\n");

        Result r = pantau("validate", "--config", config.toString(), "--catalogue",
                PantauHome.PROJECT.resolve("indicators").toString(), file.toString());

        assertThat(r.code()).isEqualTo(ValidateCommand.FILE_REFUSED);
        assertThat(r.out()).contains("lebih dari 1 baris data");
    }

    @Test
    @DisplayName("issue 8: validate of a path that does not exist says not found and exits 2")
    void validateOfAMissingFileSaysNotFound() {
        Result r = pantau("validate", temp.resolve("tidak-ada.xlsx").toString());

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("tidak-ada.xlsx", "tidak ditemukan");
    }

    /** `run` with this home's database and folders given as options, as an operator would. */
    private String[] runArgs(Path home, String... more) throws Exception {
        Files.createDirectories(home);
        TestDatabase db = TestDatabase.h2(home);
        List<String> args = new ArrayList<>(List.of("run", "--db-url", db.url(),
                "--archive", home.resolve("archive").toString(), "--rejected", home.resolve("rejected").toString(),
                "--outbox", home.resolve("outbox").toString(), "--reports", home.resolve("reports").toString()));
        if (!List.of(more).contains("--catalogue")) {
            args.addAll(List.of("--catalogue", PantauHome.PROJECT.resolve("indicators").toString()));
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
