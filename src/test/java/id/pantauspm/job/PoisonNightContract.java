package id.pantauspm.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.PoisonFiles;
import id.pantauspm.support.TestDatabase;

/**
 * Issue 10, point 2: every poison case among 50 good files. The night finishes with exit 3, every poison file's
 * receipt names where the problem is (or why the file is refused) in plain words, and the 50 good files' results are
 * exactly those of a night without the poison.
 */
@org.junit.jupiter.api.Tag("slow")
abstract class PoisonNightContract {

    @TempDir
    Path temp;

    abstract TestDatabase database(Path folder);

    /** 50 kabupaten/kota outside Aceh (the poison files' province), each with its own file. */
    private static List<Region> goodRegions() {
        return RegionDirectory.official().all().stream().filter(r -> !r.isProvince() && !r.code().startsWith("11."))
                .sorted(java.util.Comparator.comparing(Region::code)).limit(50).toList();
    }

    private static void dropGoodFiles(PantauHome home) {
        int i = 0;
        for (Region r : goodRegions()) {
            // target 1000 + i, served 700 + 5i: e.g. the first, 1000 and 700 -> 70.00
            home.write(String.format("dinkes-%02d.csv", i), "kode_wilayah;periode;kode_data;nilai\n"
                    + r.code() + ";2025;KES-K01.SASARAN;" + (1000 + i) + "\n"
                    + r.code() + ";2025;KES-K01.TERLAYANI;" + (700 + 5 * i) + "\n");
            i++;
        }
    }

    private static String goodResults(PantauHome home) {
        String codes = goodRegions().stream().map(r -> "'" + r.code() + "'").collect(Collectors.joining(","));
        return home.query(db -> db.queryForList("select region_code, service_code, target_population, served, "
                + "recipient_pct_uncapped, service_index, category, status from service_result where scope = 'OWN' "
                + "and region_code in (" + codes + ") order by region_code, service_code").toString());
    }

    @Test
    @DisplayName("every poison case among 50 good files: exit 3, each located, the good files' results unchanged")
    void poisonAmongGoodFiles() throws Exception {
        PantauHome clean = new PantauHome(temp.resolve("clean"), database(temp.resolve("clean-db")));
        dropGoodFiles(clean);
        RunSummary cleanNight = clean.run();
        assertThat(cleanNight.exitCode()).isEqualTo(RunSummary.OK);
        String expected = goodResults(clean);
        // the first good region: 700 of 1000 = 70.00
        assertThat(expected).contains("recipient_pct_uncapped=70.00");

        PantauHome home = new PantauHome(temp.resolve("poisoned"), database(temp.resolve("poisoned-db")));
        // A rule of the database the parser does not know, so one value still breaks its write (SQLSTATE 23514).
        home.query(db -> {
            db.execute("alter table measured_value add constraint issue10_write_breaker check (amount <> "
                    + PoisonFiles.WRITE_BREAKER + ")");
            db.execute("alter table service_result add constraint issue10_evaluate_breaker check (served is null or served <> "
                    + PoisonFiles.EVALUATE_BREAKER + ")");
            return null;
        });
        dropGoodFiles(home);
        for (Map.Entry<String, byte[]> f : PoisonFiles.all().entrySet()) {
            Files.write(home.inbox().resolve(f.getKey()), f.getValue());
        }
        RunSummary night = home.run();

        assertThat(night.failed()).as("failure: %s", night.failure()).isFalse();
        assertThat(night.exitCode()).isEqualTo(RunSummary.SOME_REJECTED);
        assertThat(goodResults(home)).isEqualTo(expected);
        // 50 good + 8 poison files accepted (their good rows kept); the malformed workbook refused, and the file whose
        // three rows are all not finite (NaN, Infinity, 1.#INF), which leaves not one value to store
        assertThat(night.filesAccepted()).isEqualTo(58);
        assertThat(night.filesRefused()).isEqualTo(2);
        // Reports were written, the PDF of the region whose note held control characters among them.
        assertThat(home.reports().resolve("latest/index.html")).exists();
        try (var pdfs = Files.list(home.reports().resolve("latest/pdf"))) {
            assertThat(pdfs.map(p -> p.getFileName().toString())).anyMatch(n -> n.contains("11.03"));
        }

        for (PoisonFiles.Case c : PoisonFiles.CASES.values()) {
            String receipt = receipt(home, c.file());
            assertThat(receipt).as(c.file()).doesNotContain("Exception", "at org.", "at java.", "SAX", "\u0000");
            if (c.mustSay() != null) {
                assertThat(receipt).as(c.file()).contains(c.mustSay());
            }
        }
        // The good rows of a poisoned file are kept: p01's TERLAYANI (500), p08's TERLAYANI (900); the bad ones are not.
        assertThat(home.count("select count(*) from measured_value where region_code = '11.01' and active")).isEqualTo(1);
        assertThat(home.count("select count(*) from measured_value where region_code = '11.08' and active")).isEqualTo(2);
        // p09: the write that broke was skipped and recorded (row 2, column D, its value), its other row kept
        assertThat(receipt(home, "p09-breaks-a-write.csv")).contains("baris 2, kolom D", "tidak dapat disimpan", "4242")
                .contains("baris ditolak: 1");
        assertThat(home.count("select count(*) from measured_value where region_code = '11.09' and active")).isEqualTo(1);
        // p10: the evaluation of 11.10 2025 broke on its write: not evaluated, flagged for the data-quality page
        assertThat(home.count("select count(*) from quality_flag where region_code = '11.10' and kind = 'NOT_EVALUATED'"))
                .isEqualTo(1);
        assertThat(home.count("select count(*) from service_result where region_code = '11.10' and scope = 'OWN'")).isZero();
        assertThat(home.reports().resolve("latest/kualitas-data.html")).content().contains("tidak dapat dihitung");
        // and the office that sent it is told, on its receipt, which figure and what to check
        assertThat(receipt(home, "p10-breaks-evaluate.csv")).contains("Wilayah 11.10 periode 2025: capaian tidak dapat dihitung");
        assertThat(receipt(home, "p09-breaks-a-write.csv")).doesNotContain("capaian tidak dapat dihitung");
        assertThat(receipt(home, "p02-nik-as-served.csv")).contains("3374012345678901", "471.178"); // 2 x 235,589 = 471,178
        assertThat(receipt(home, "p04-deep-formula-chain.xls")).contains("belum dihitung");
        // The note is kept, without its control characters (NUL, vertical tab read as a space, ESC, BEL).
        String note = home.query(db -> db.queryForObject("select note from measured_value where region_code = '11.03' "
                + "and note is not null", String.class));
        assertThat(note).isEqualTo("stok vaksin  kosong[31m <b>&amp;");
    }

    static String receipt(PantauHome home, String fileName) throws Exception {
        List<Path> folders = new ArrayList<>(List.of(home.outbox()));
        for (Path folder : folders) {
            try (var files = Files.list(folder)) {
                var found = files.filter(p -> p.getFileName().toString().matches("\\d+_" + java.util.regex.Pattern.quote(fileName)
                        + "\\.tanda-terima\\.txt")).findFirst();
                if (found.isPresent()) {
                    return Files.readString(found.get());
                }
            }
        }
        throw new AssertionError("no receipt for " + fileName);
    }
}
