package id.pantauspm.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.PantauHome;
import id.pantauspm.support.Surveys;
import id.pantauspm.support.TestDatabase;

/**
 * Community satisfaction surveys (IKM) dropped into the inbox and read by the real nightly job:
 * stored answers, the IKM per unit with its band, the receipts, supersede and trend. Each IKM is
 * worked out by hand in the comment above its assertion.
 */
abstract class IkmJobContract {

    @TempDir
    Path temp;

    abstract TestDatabase database(Path folder);

    PantauHome home() {
        return new PantauHome(temp.resolve("home"), database(temp));
    }

    static byte[] wideSurvey(String unit, String period, long population, int[]... respondents) {
        return Surveys.wide(unit, period, population, respondents);
    }

    static final int[][] HALMAHERA_2025 = Surveys.THREE;

    Path drop(PantauHome home, String name, byte[] bytes, String modified) throws IOException {
        Files.createDirectories(home.inbox());
        Path p = Files.write(home.inbox().resolve(name), bytes);
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse(modified)));
        return p;
    }

    @Test
    void aWideSurveyGivesTheExactIkmItsBandAndItsWeakestUnsur() throws Exception {
        PantauHome home = home();
        drop(home, "IKM Puskesmas Halmahera 2025.xlsx", wideSurvey("Puskesmas Halmahera", "2025", 90, HALMAHERA_2025),
                "2026-01-10T08:00:00Z");

        RunSummary summary = home.run();

        assertThat(summary.filesAccepted()).isEqualTo(1);
        assertThat(summary.rowsAccepted()).isEqualTo(3);
        assertThat(summary.exitCode()).isEqualTo(RunSummary.OK);
        // Every answer is stored with its file, sheet, row and column: 3 respondents x 9 unsur.
        assertThat(home.count("select count(*) from survey_answer a join submission s on s.id = a.submission_id "
                + "where a.active = true and a.counted = true and a.source_sheet = 'Survei' and a.source_column is not null")).isEqualTo(27);
        // Sums 11, 10, 10, 9, 10, 10, 10, 8, 10 = 88 over 3 respondents: IKM = 88/3 x 1/9 x 25 = 2200/27 = 81.48, B.
        Map<String, Object> ikm = ikm(home, "puskesmas halmahera", "2025");
        assertThat(ikm).containsEntry("unit_name", "Puskesmas Halmahera").containsEntry("regime", "PERMENPANRB_14_2017")
                .containsEntry("respondents", 3).containsEntry("ikm", new BigDecimal("81.48")).containsEntry("ikm_exact", "2200/27")
                .containsEntry("band", "B").containsEntry("shortcut_ikm", new BigDecimal("80.67"))
                // 3 respondents where 90 users were served: the table asks 73.
                .containsEntry("sample_required", 73).containsEntry("sample_adequate", false)
                .containsEntry("rules_version", "ikm-2026.1");
        // U8 (8/3 = 2.6667, C) is what the unit must improve first, then U4 (3.0000).
        List<Map<String, Object>> weakest = home.query(db -> db.queryForList("select unsur_code, nrr, band from ikm_unsur_result "
                + "where unit_key = 'puskesmas halmahera' and weakness_rank <= 2 order by weakness_rank"));
        assertThat(weakest).extracting(r -> r.get("unsur_code"), r -> r.get("nrr"), r -> r.get("band")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("U8", new BigDecimal("2.6667"), "C"),
                org.assertj.core.groups.Tuple.tuple("U4", new BigDecimal("3.0000"), "C"));
        // The receipt says how the file was read and that the sample is too small.
        String receipt = receipt(home, "IKM Puskesmas Halmahera 2025.xlsx");
        assertThat(receipt).contains("dibaca sebagai survei kepuasan masyarakat (IKM)", "PermenPAN-RB 14/2017 (9 unsur)",
                "Unit Puskesmas Halmahera (2025): 3 responden dihitung",
                "Sampel Puskesmas Halmahera (2025) belum memadai: 3 responden", "paling sedikit 73");
        // The file is archived byte for byte.
        assertThat(PantauHome.fingerprints(home.archive()).values()).hasSize(1);
    }

    @Test
    void aLongSurveyWithAMissingQuestionAndARepeatedRespondentCountsEachAnswerOnce() throws Exception {
        PantauHome home = home();
        StringBuilder csv = new StringBuilder("kode_wilayah;periode;unit_layanan;populasi;responden;pertanyaan;skor\n");
        String unit = "33.74;2025;Puskesmas Kedungmundu;40;";
        for (int u = 1; u <= 9; u++) {
            csv.append(unit).append("R1;U").append(u).append(";3\n");  // rows 2-10
        }
        for (int u = 1; u <= 9; u++) {
            csv.append(unit).append("R2;U").append(u).append(";4\n");  // rows 11-19
        }
        for (int u = 1; u <= 9; u++) {
            csv.append(unit).append("R1;U").append(u).append(";3\n");  // rows 20-28: R1 sent again
        }
        csv.append(unit).append("R3;;4\n");                            // row 29: no question id
        Path file = home.write("skm kedungmundu.csv", csv.toString());
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-10T08:00:00Z")));

        RunSummary summary = home.run();

        // 18 answer rows count; 9 repeats and the row without a question are rejected rows: exit 3.
        assertThat(summary.rowsAccepted()).isEqualTo(18);
        assertThat(summary.rowsRejected()).isEqualTo(10);
        assertThat(summary.exitCode()).isEqualTo(RunSummary.SOME_REJECTED);
        // R1 and R2 count once each: every NRR = (3 + 4) / 2 = 3.5; IKM = 9 x 3.5 x 1/9 x 25 = 87.50, B.
        // Counting R1 twice would give (3+4+3)/3 = 3.3333 -> 83.33.
        assertThat(ikm(home, "puskesmas kedungmundu", "2025")).containsEntry("respondents", 2)
                .containsEntry("ikm", new BigDecimal("87.50")).containsEntry("band", "B").containsEntry("excluded_answers", 9)
                // 2 respondents of 40 users: the table asks 36.
                .containsEntry("sample_required", 36).containsEntry("sample_adequate", false);
        String receipt = receipt(home, "skm kedungmundu.csv");
        assertThat(receipt).contains("baris 20", "Responden R1 sudah menjawab U1 di baris 2 dengan skor yang sama",
                "baris 29, kolom F", "Kode pertanyaan kosong");
        assertThat(home.count("select count(*) from survey_answer where counted = false")).isEqualTo(9);
    }

    @Test
    void aCorrectedSurveyReplacesTheEarlierOneAndTheTrendComparesWithTheYearBefore() throws Exception {
        PantauHome home = home();
        // 2024: ten respondents answering 3 everywhere: IKM 75.00 (C).
        int[][] threes = new int[10][];
        java.util.Arrays.fill(threes, new int[] {3, 3, 3, 3, 3, 3, 3, 3, 3});
        drop(home, "halmahera 2024.xlsx", wideSurvey("Puskesmas Halmahera", "2024", 90, threes), "2025-01-10T08:00:00Z");
        // 2025, first sent with every answer 2 (IKM 50.00), then corrected the next day.
        int[][] twos = new int[3][];
        java.util.Arrays.fill(twos, new int[] {2, 2, 2, 2, 2, 2, 2, 2, 2});
        drop(home, "halmahera 2025.xlsx", wideSurvey("Puskesmas Halmahera", "2025", 90, twos), "2026-01-10T08:00:00Z");
        home.run();
        assertThat(ikm(home, "puskesmas halmahera", "2025")).containsEntry("ikm", new BigDecimal("50.00")).containsEntry("band", "D");
        drop(home, "halmahera 2025 revisi.xlsx", wideSurvey("PUSKESMAS  HALMAHERA", "2025", 90, HALMAHERA_2025),
                "2026-01-11T08:00:00Z");

        home.run();

        // The correction replaces the first file's answers for the same unit and period; they stay as history.
        assertThat(ikm(home, "puskesmas halmahera", "2025")).containsEntry("ikm", new BigDecimal("81.48"))
                .containsEntry("unit_name", "PUSKESMAS  HALMAHERA")
                // Against 2024: 81.48 - 75.00 = +6.48.
                .containsEntry("previous_period", "2024").containsEntry("previous_ikm", new BigDecimal("75.00"))
                .containsEntry("change_previous", new BigDecimal("6.48"));
        assertThat(home.count("select count(*) from survey_answer where active = false")).isEqualTo(27);
        assertThat(home.count("select count(*) from ikm_result")).isEqualTo(2);
    }

    @Test
    void twoSurveysOfOneUnitReadAtOnceTheOneReceivedLaterWinsWhicheverPartitionFinishesFirst() throws Exception {
        // Two partitions at once: before issue 12 each file was activated at its own end and the two locked each other.
        PantauHome home = home().with("--pantau.partition-threads=2");
        // Halmahera 2025: a long first survey (400 respondents answering 2) received on the 10th, then a short
        // correction on the 11th: the short file is likely read first, yet the correction must win.
        drop(home, "halmahera 2025.xlsx", wideSurvey("Puskesmas Halmahera", "2025", 90, Surveys.all(400, 2)),
                "2026-01-10T08:00:00Z");
        drop(home, "halmahera 2025 revisi.xlsx", wideSurvey("Puskesmas Halmahera", "2025", 90, HALMAHERA_2025),
                "2026-01-11T08:00:00Z");
        // Bulu Lor 2025 the other way round: a short first survey (3 answering 4), a long correction (400 answering 3).
        drop(home, "bulu lor 2025.xlsx", wideSurvey("Puskesmas Bulu Lor", "2025", 500, Surveys.all(3, 4)),
                "2026-01-10T09:00:00Z");
        drop(home, "bulu lor 2025 revisi.xlsx", wideSurvey("Puskesmas Bulu Lor", "2025", 500, Surveys.all(400, 3)),
                "2026-01-11T09:00:00Z");

        RunSummary summary = home.run();

        assertThat(summary.failed()).isFalse();
        assertThat(summary.filesAccepted()).isEqualTo(4);
        assertThat(home.count("select count(*) from batch_step_execution where step_name like 'ingest-file:%' "
                + "and status = 'COMPLETED'")).isEqualTo(4);
        // Halmahera: the correction's 3 respondents, sums 88: IKM = 88/3 x 1/9 x 25 = 2200/27 = 81.48, B
        // (the first file would give 2 x 25 = 50.00, D).
        assertThat(ikm(home, "puskesmas halmahera", "2025")).containsEntry("respondents", 3)
                .containsEntry("ikm", new BigDecimal("81.48")).containsEntry("band", "B");
        // Bulu Lor: the correction's 400 respondents answering 3: IKM = 3 x 25 = 75.00, C (the first would give 100.00, A).
        assertThat(ikm(home, "puskesmas bulu lor", "2025")).containsEntry("respondents", 400)
                .containsEntry("ikm", new BigDecimal("75.00")).containsEntry("band", "C");
        // The first files stay as history: 400 x 9 + 3 x 9 = 3,627 answers inactive; 3 x 9 + 400 x 9 active.
        assertThat(home.count("select count(*) from survey_answer where active = false")).isEqualTo(3627);
        assertThat(home.count("select count(*) from survey_answer where active = true")).isEqualTo(3627);
        assertThat(home.count("select count(*) from ikm_result")).isEqualTo(2);
    }

    @Test
    void aSecondRunOverTheSameSurveyChangesNothing() throws Exception {
        PantauHome home = home();
        drop(home, "ikm.xlsx", wideSurvey("Puskesmas Halmahera", "2025", 90, HALMAHERA_2025), "2026-01-10T08:00:00Z");
        home.run();
        String before = snapshot(home);
        RunSummary second = home.run();
        assertThat(second.filesAccepted() + second.filesRefused()).isZero();
        assertThat(snapshot(home)).isEqualTo(before);
    }

    private static String snapshot(PantauHome home) {
        return home.query(db -> String.join("\n",
                db.queryForList("select * from survey_answer order by id").toString(),
                db.queryForList("select * from ikm_result order by region_code, unit_key, period_code").toString(),
                db.queryForList("select * from ikm_unsur_result order by region_code, unit_key, period_code, unsur").toString()));
    }

    static Map<String, Object> ikm(PantauHome home, String unitKey, String period) {
        return home.row("select * from ikm_result where region_code = '33.74' and unit_key = ? and period_code = ?", unitKey, period);
    }

    static String receipt(PantauHome home, String fileName) throws IOException {
        try (var files = Files.list(home.outbox())) {
            Path receipt = files.filter(p -> p.getFileName().toString().matches("\\d+_" + java.util.regex.Pattern.quote(fileName)
                    + "\\.tanda-terima\\.txt")).findFirst().orElseThrow();
            return Files.readString(receipt);
        }
    }
}
