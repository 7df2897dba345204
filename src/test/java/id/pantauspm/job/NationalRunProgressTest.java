package id.pantauspm.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.support.Cli;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A national run: all 514 kabupaten/kota report one service for 2025, so the report step writes a
 * PDF for each of them and for each province's roll-up. Progress lines every second show counts
 * and the time left; run-status.json tells a monitor what happened.
 */
@Tag("slow")
@DisplayName("A national run reports its progress per step and ends with run-status.json")
class NationalRunProgressTest {

    @TempDir
    Path temp;

    @Test
    void progressLinesAndRunStatus() throws Exception {
        List<Region> regencies = RegionDirectory.official().all().stream().filter(r -> !r.isProvince()).toList();
        assertThat(regencies).hasSize(514);
        StringBuilder csv = new StringBuilder("kode_wilayah,periode,kode_data,nilai\n");
        int n = 0;
        for (Region r : regencies) {
            int target = 1000 + n++;
            csv.append(r.code()).append(",2025,KES-K01.SASARAN,").append(target).append('\n');
            csv.append(r.code()).append(",2025,KES-K01.TERLAYANI,").append(target * 3 / 4).append('\n');
        }
        Path inbox = Files.createDirectories(temp.resolve("inbox"));
        Files.writeString(inbox.resolve("nasional.csv"), csv);
        Path config = Files.writeString(temp.resolve("pantau.properties"), "pantau.progress.interval=1s\n");

        Cli.Result r = Cli.pantau("run", "--config", config.toString(), "--inbox", inbox.toString(),
                "--db-url", TestDatabase.h2(temp).url(), "--data", temp.resolve("data").toString(),
                "--reports", temp.resolve("reports").toString(), "--catalogue", PantauHome.PROJECT.resolve("indicators").toString());

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        String log = Files.readString(temp.resolve("data/logs/pantau.log"));
        Files.writeString(Path.of("target", "national-run.log"), log); // kept for a reader of the build
        assertThat(log).contains("[ingest] nasional.csv: 1.028 baris diterima, 0 ditolak",
                "[evaluate] Menghitung capaian SPM selesai dalam", "514 dari 514 wilayah.");
        // at least one progress line while the region pages and PDFs were written, by the partitioned step (a partition
        // per province): how many pages (514 kabupaten/kota and 38 provinces) and PDFs, of how many, and the time left
        Matcher pdfs = Pattern.compile("(?m)^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} INFO  \\[report-regions\\] Menulis laporan tiap "
                + "wilayah: halaman, draf e-SPM, PDF \\(satu bagian per provinsi\\): (\\d+) dari (\\d+) halaman, (\\d+) dari (\\d+) PDF; sisa sekitar .+$")
                .matcher(log);
        assertThat(pdfs.find()).as(log).isTrue();
        assertThat(Integer.parseInt(pdfs.group(2))).isEqualTo(552);
        int total = Integer.parseInt(pdfs.group(4));
        // a PDF per kabupaten/kota for its newest year, and one per province for the roll-up of its kabupaten/kota
        // (issue 11; provinces' own services: none sent): 514 + 38 = 552
        assertThat(total).isEqualTo(552);
        assertThat(Integer.parseInt(pdfs.group(3))).isLessThan(total);
        assertThat(log).contains("552 dari 552 halaman, " + total + " dari " + total + " PDF.");
        try (var files = Files.list(temp.resolve("reports/latest/wilayah"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".html")).count()).isEqualTo(552);
        }
        try (var files = Files.list(temp.resolve("reports/latest/pdf"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".pdf")).count()).isEqualTo(552);
        }

        JsonNode status = JsonMapper.builder().build().readTree(temp.resolve("data/run-status.json").toFile());
        Files.copy(temp.resolve("data/run-status.json"), Path.of("target", "national-run-status.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(status.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(status.get("exitCode").asInt()).isZero();
        assertThat(status.get("steps")).extracting(s -> s.get("name").asString())
                .containsExactly("scan", "ingest", "reconcile", "evaluate", "ikm", "report", "report-regions", "publish", "archive",
                        "notify");
        JsonNode pdfStep = status.get("steps").get(6); // scan, ingest, reconcile, evaluate, ikm, report, report-regions
        assertThat(pdfStep.get("status").asString()).isEqualTo("COMPLETED");
        JsonNode pageCount = pdfStep.get("counts").get(0);
        assertThat(pageCount.get("unit").asString()).isEqualTo("pages");
        assertThat(pageCount.get("done").asInt()).isEqualTo(552);
        JsonNode pdfCount = pdfStep.get("counts").get(1);
        assertThat(pdfCount.get("unit").asString()).isEqualTo("pdfs");
        assertThat(pdfCount.get("done").asInt()).isEqualTo(total);
        assertThat(status.get("summary").get("rowsAccepted").asInt()).isEqualTo(1028);
    }
}
