package id.pantauspm.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;

/** The ingest step is partitioned by file (issue 12): a partition per file, each with its own step execution. */
@DisplayName("Each file is read in a partition of its own")
class PartitionedIngestTest {

    @TempDir
    Path temp;

    @Test
    void aPartitionPerFileWithItsOwnCountsAndOneIngestStepInTheRunStatus() throws Exception {
        PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp)).with("--pantau.partition-threads=2");
        String header = "kode_wilayah,periode,kode_data,nilai\n";
        home.write("kulon-progo.csv", header + "34.01,2025,KES-K01.SASARAN,1000\n34.01,2025,KES-K01.TERLAYANI,800\n");
        home.write("bantul.csv", header + "34.02,2025,KES-K01.SASARAN,2000\n34.02,2025,KES-K01.TERLAYANI,1500\n"
                + "34.02,2025,KES-K02.SASARAN,1900\n");
        home.write("banyumas.csv", header + "33.02,2025,KES-K01.SASARAN,1000\n");
        assertThat(home.run().failed()).isFalse();

        // Three files, three partitions of the ingest-file step; rows read per file: 2, 3 and 1, plus each file's end marker.
        List<Map<String, Object>> partitions = home.query(db -> db.queryForList("select e.step_name, e.status, e.read_count "
                + "from batch_step_execution e where e.step_name like 'ingest-file:%' order by e.read_count"));
        assertThat(partitions).hasSize(3);
        assertThat(partitions).extracting(p -> p.get("status")).containsOnly("COMPLETED");
        assertThat(partitions).extracting(p -> ((Number) p.get("read_count")).intValue()).containsExactly(2, 3, 4);
        // The partitioned step adds them up: 9 items read in all.
        assertThat(home.count("select read_count from batch_step_execution where step_name = 'ingest'")).isEqualTo(9);
        assertThat(home.count("select count(*) from measured_value where active = true")).isEqualTo(6);
        // run-status.json lists the steps, not the partitions.
        String status = java.nio.file.Files.readString(home.path().resolve("data/run-status.json"));
        assertThat(status).contains("\"name\" : \"ingest\"").doesNotContain("ingest-file");
    }

    @Test
    void eachReceiptNamesTheOtherFilesOfTheNightForTheSameRegionPeriodAndService() throws Exception {
        PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp));
        String header = "kode_wilayah,periode,kode_data,nilai\n";
        // Kulon Progo's KES-K01 in two files (its SASARAN in one, its TERLAYANI in the other); Bantul's on its own.
        home.write("kp-sasaran.csv", header + "34.01,2025,KES-K01.SASARAN,1000\n");
        home.write("kp-terlayani.csv", header + "34.01,2025,KES-K01.TERLAYANI,800\n");
        home.write("bantul.csv", header + "34.02,2025,KES-K01.SASARAN,2000\n");
        assertThat(home.run().failed()).isFalse();

        Map<String, String> receipts = new java.util.TreeMap<>();
        try (var files = java.nio.file.Files.list(home.outbox())) {
            for (Path f : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                receipts.put(f.getFileName().toString(), java.nio.file.Files.readString(f));
            }
        }
        String sentence = "diterima pada malam yang sama: ";
        assertThat(receipts.entrySet()).filteredOn(e -> e.getKey().contains("kp-sasaran")).singleElement()
                .satisfies(e -> assertThat(e.getValue()).contains(sentence + "\"kp-terlayani.csv\"").doesNotContain("bantul"));
        assertThat(receipts.entrySet()).filteredOn(e -> e.getKey().contains("kp-terlayani")).singleElement()
                .satisfies(e -> assertThat(e.getValue()).contains(sentence + "\"kp-sasaran.csv\""));
        assertThat(receipts.entrySet()).filteredOn(e -> e.getKey().contains("bantul")).singleElement()
                .satisfies(e -> assertThat(e.getValue()).doesNotContain(sentence));
        // Together they make Kulon Progo's figure: 800 of 1,000 = 80.00%.
        assertThat(home.decimal("select recipient_pct from service_result where region_code = '34.01' and period_code = '2025' "
                + "and scope = 'OWN' and service_code = 'KES-K01'")).isEqualByComparingTo("80.00");
    }
}
