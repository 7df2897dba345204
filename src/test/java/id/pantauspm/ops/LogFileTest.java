package id.pantauspm.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.cli.ExitCodes;
import id.pantauspm.support.Cli;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("The log file: dated lines with level and step, sentences in the report language, rotated, optionally JSON")
class LogFileTest {

    @TempDir
    Path temp;

    /** `pantau run` on the Kudus sample (4 bad rows) and the broken workbook, with extra settings in a file. */
    private Cli.Result run(String settings, String... more) throws Exception {
        Path inbox = Files.createDirectories(temp.resolve("inbox"));
        Files.copy(PantauHome.SAMPLES.resolve("SPM Kes Kudus 2025 (rekap).xlsx"), inbox.resolve("kudus.xlsx"));
        Files.copy(PantauHome.SAMPLES.resolve("laporan-rusak.xlsx"), inbox.resolve("laporan-rusak.xlsx"));
        Path config = Files.writeString(temp.resolve("pantau.properties"), settings);
        List<String> args = new ArrayList<>(List.of("run", "--config", config.toString(), "--inbox", inbox.toString(),
                "--db-url", TestDatabase.h2(temp).url(), "--data", temp.resolve("data").toString(),
                "--logs", temp.resolve("logs").toString(), "--reports", temp.resolve("reports").toString(),
                "--catalogue", PantauHome.PROJECT.resolve("indicators").toString()));
        args.addAll(List.of(more));
        return Cli.pantau(args.toArray(String[]::new));
    }

    @Test
    @DisplayName("date, time, level, [step]; a refusal as the receipt's sentence, never its code; the summary with exit code 3")
    void operatorLines() throws Exception {
        Cli.Result r = run("");

        assertThat(r.code()).isEqualTo(ExitCodes.SOME_REJECTED);
        String log = Files.readString(temp.resolve("logs/pantau.log"), StandardCharsets.UTF_8);
        assertThat(log).containsPattern("(?m)^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} INFO  \\[scan\\] Berkas baru diterima: kudus.xlsx$")
                .containsPattern("(?m)^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} WARN  \\[ingest\\] Berkas laporan-rusak.xlsx DITOLAK "
                        + "seluruhnya: Berkas terpotong: bagian akhirnya hilang")
                .contains("[ingest] kudus.xlsx: 24 baris diterima, 4 ditolak, 0 dengan peringatan",
                        "[archive] Mengarsipkan berkas dan menulis tanda terima selesai dalam")
                .contains("Berkas yang perlu diperbaiki pengirimnya (2):", "- laporan-rusak.xlsx: DITOLAK seluruhnya. Berkas terpotong",
                        "Kode keluar 3: proses selesai, tetapi ada berkas atau baris yang ditolak.")
                .doesNotContain("file_truncated", "received kudus", "rows accepted");
        // the same summary is the command's output (the console), not printed twice there
        assertThat(r.out()).contains("Kode keluar 3").doesNotContainPattern("INFO  \\[pantau\\] Ringkasan");
    }

    @Test
    @DisplayName("with --lang en the operator lines are English")
    void english() throws Exception {
        run("", "--lang", "en");
        assertThat(Files.readString(temp.resolve("logs/pantau.log")))
                .contains("[scan] New file received: kudus.xlsx", "File laporan-rusak.xlsx REFUSED as a whole: The file is cut short",
                        "Exit code 3: the run finished");
    }

    @Test
    @DisplayName("rotated at pantau.log.max-file-size: earlier lines in compressed copies beside pantau.log")
    void rotated() throws Exception {
        run("pantau.log.max-file-size=2KB\n");

        try (Stream<Path> files = Files.list(temp.resolve("logs"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).contains("pantau.log").anyMatch(n -> n.matches("pantau\\.log\\.\\d{4}-\\d{2}-\\d{2}\\.0\\.gz"));
        }
        assertThat(Files.size(temp.resolve("logs/pantau.log"))).isLessThan(8 * 1024);
    }

    @Test
    @DisplayName("pantau.log.format=json: one JSON object a line with time, level, step and the sentence")
    void json() throws Exception {
        run("pantau.log.format=json\n");

        List<String> lines = Files.readAllLines(temp.resolve("logs/pantau.log"));
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> events = lines.stream().map(json::readTree).toList();
        assertThat(events).allSatisfy(e -> assertThat(e.has("@timestamp") && e.has("level") && e.has("message")).isTrue());
        JsonNode received = events.stream().filter(e -> e.get("message").asString().equals("Berkas baru diterima: kudus.xlsx"))
                .findFirst().orElseThrow();
        assertThat(received.get("level").asString()).isEqualTo("INFO");
        assertThat(received.get("step").asString()).isEqualTo("scan");
    }
}
