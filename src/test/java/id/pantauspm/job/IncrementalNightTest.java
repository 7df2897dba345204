package id.pantauspm.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;

/**
 * Incremental nights (issue 12): a night evaluates and reports only what changed since the last one,
 * every result names the run that produced it, and the incremental results equal a full recompute.
 */
@DisplayName("A night evaluates and reports only what changed")
class IncrementalNightTest {

    TestDatabase database() {
        return TestDatabase.h2(temp);
    }

    @TempDir
    Path temp;

    /** Every stored result, without the run that produced it, in a fixed order. */
    private static final List<String> RESULTS = List.of(
            "select region_code, period_code, scope, service_code, target_population, served, recipient_pct, service_index, "
                    + "category, status, regions_included from service_result order by 1, 2, 3, 4",
            "select region_code, period_code, scope, field_code, field_index, category, services_computed from field_result "
                    + "order by 1, 2, 3, 4",
            "select region_code, period_code, scope, region_index, category, coverage_pct, regions_reporting from region_result "
                    + "order by 1, 2, 3",
            "select region_code, period_code, scope, indicator_code, indicator_value from indicator_result order by 1, 2, 3, 4",
            "select region_code, period_code, scope, subject, compared_period, change_points from trend_result order by 1, 2, 3, 4, 5",
            "select region_code, period_code, service_code, kind, amount from quality_flag order by 1, 2, 3, 4, 5",
            "select region_code, period_code, field_code, files from reporting_result order by 1, 2, 3",
            "select region_code, period_code, subject, within_scope, rank_place, ranked_count from rank_result order by 1, 2, 3, 4");

    private static String csv(String... rows) {
        return "kode_wilayah,periode,kode_data,nilai\n" + String.join("\n", rows) + "\n";
    }

    private static List<Object> dump(PantauHome home) {
        return home.query(db -> RESULTS.stream().map(sql -> (Object) db.queryForList(sql)).toList());
    }

    private static Map<String, Object> recipient(PantauHome home, String region, String scope) {
        return home.row("select served, target_population, recipient_pct, run_id from service_result where region_code = ? "
                + "and period_code = '2025' and scope = ? and service_code = 'KES-K01'", region, scope);
    }

    private static long runOf(PantauHome home, String region, String scope) {
        return home.count("select max(run_id) from region_result where region_code = ? and scope = ?", region, scope);
    }

    /** The chase list counts days to and past deadlines: it is redrawn every night (unchanged within a day). */
    private static Map<String, String> withoutChaseList(Map<String, String> files) {
        Map<String, String> rest = new java.util.TreeMap<>(files);
        rest.keySet().removeIf(name -> name.startsWith("latest/tagihan"));
        return rest;
    }

    private static long runFolders(PantauHome home) throws Exception {
        try (Stream<Path> runs = Files.list(home.reports().resolve("runs"))) {
            return runs.count();
        }
    }

    @Test
    void anUnchangedNightWritesNothingAndANewFileReevaluatesItsRegionAndRollupsOnly() throws Exception {
        PantauHome home = new PantauHome(temp.resolve("home"), database());
        // Night 1: two kabupaten of DI Yogyakarta (34) and one of Jawa Tengah (33), pregnant women served (KES-K01) in 2025.
        home.write("diy.csv", csv("34.01,2025,KES-K01.SASARAN,1000", "34.01,2025,KES-K01.TERLAYANI,800",
                "34.02,2025,KES-K01.SASARAN,2000", "34.02,2025,KES-K01.TERLAYANI,1500"));
        home.write("banyumas.csv", csv("33.02,2025,KES-K01.SASARAN,1000", "33.02,2025,KES-K01.TERLAYANI,900"));
        assertThat(home.run().failed()).isFalse();

        // By hand: DIY sums 800 + 1,500 = 2,300 of 1,000 + 2,000 = 3,000 = 76.67%; the country 3,200 of 4,000 = 80.00%.
        assertThat(recipient(home, "34", "ROLLUP")).containsEntry("served", new BigDecimal("2300.0000"))
                .containsEntry("recipient_pct", new BigDecimal("76.67"));
        assertThat(recipient(home, "00", "NATIONAL")).containsEntry("recipient_pct", new BigDecimal("80.00"));
        long first = runOf(home, "34.01", "OWN");
        assertThat(first).isPositive();
        assertThat(runOf(home, "00", "NATIONAL")).isEqualTo(first);
        List<Object> afterFirst = dump(home);
        Map<String, String> reports = PantauHome.fingerprints(home.reports());
        long runs = runFolders(home);

        // Night 2: nothing new. The results (with the run that produced them) and every report file stay as they were.
        assertThat(home.run().failed()).isFalse();
        assertThat(dump(home)).isEqualTo(afterFirst);
        assertThat(home.count("select count(*) from region_result where run_id <> ?", first)).isZero();
        assertThat(home.count("select count(*) from evaluation_run")).isEqualTo(1);
        assertThat(withoutChaseList(PantauHome.fingerprints(home.reports()))).isEqualTo(withoutChaseList(reports));
        assertThat(runFolders(home)).isEqualTo(runs);
        assertThat(Files.readString(home.path().resolve("data/logs/pantau.log")))
                .contains("Tidak ada nilai, katalog atau aturan yang berubah sejak malam sebelumnya: 3 wilayah tidak dihitung ulang.")
                .contains("Tidak ada hasil atau berkas baru sejak laporan terakhir");

        // Night 3: Bantul (34.02) sends a corrected 2025: 1,800 served of 2,000 = 90.00%.
        home.write("bantul-revisi.csv", csv("34.02,2025,KES-K01.SASARAN,2000", "34.02,2025,KES-K01.TERLAYANI,1800"));
        assertThat(home.run().failed()).isFalse();
        long third = runOf(home, "34.02", "OWN");
        assertThat(third).isGreaterThan(first);
        // By hand: DIY 800 + 1,800 = 2,600 of 3,000 = 86.67%; the country 3,500 of 4,000 = 87.50%.
        assertThat(recipient(home, "34.02", "OWN")).containsEntry("recipient_pct", new BigDecimal("90.00"));
        assertThat(recipient(home, "34", "ROLLUP")).containsEntry("recipient_pct", new BigDecimal("86.67"))
                .containsEntry("run_id", third);
        assertThat(recipient(home, "00", "NATIONAL")).containsEntry("recipient_pct", new BigDecimal("87.50"))
                .containsEntry("run_id", third);
        // Untouched: Kulon Progo's and Banyumas's own results, Jawa Tengah's roll-up.
        assertThat(runOf(home, "34.01", "OWN")).isEqualTo(first);
        assertThat(runOf(home, "33.02", "OWN")).isEqualTo(first);
        assertThat(runOf(home, "33", "ROLLUP")).isEqualTo(first);
        // What Bantul showed before is kept, with the run that produced it and the one that replaced it.
        assertThat(home.row("select recipient_pct, run_id, replaced_by_run from service_result_history where region_code = "
                + "'34.02' and scope = 'OWN' and service_code = 'KES-K01'"))
                .containsEntry("recipient_pct", new BigDecimal("75.00")).containsEntry("run_id", first)
                .containsEntry("replaced_by_run", third);
        assertThat(home.row("select regions_changed from evaluation_run order by id desc limit 1"))
                .containsEntry("regions_changed", 1);
        // The reports were written again, from the new figures.
        assertThat(runFolders(home)).isEqualTo(runs + 1);
        assertThat(PantauHome.fingerprints(home.reports())).isNotEqualTo(reports);
        List<Object> incremental = dump(home);

        // A full recompute (as after a catalogue change: the inputs key no longer matches) gives the same results.
        home.query(db -> db.update("update evaluation_run set inputs_key = 'katalog-lama'"));
        assertThat(home.run().failed()).isFalse();
        assertThat(home.row("select regions_changed from evaluation_run order by id desc limit 1"))
                .containsEntry("regions_changed", 3);
        long fourth = runOf(home, "33.02", "OWN");
        assertThat(fourth).isGreaterThan(third);
        assertThat(home.count("select count(*) from region_result where run_id <> ?", fourth)).isZero();
        assertThat(dump(home)).isEqualTo(incremental);
        assertThat(runFolders(home)).isEqualTo(runs + 2);
    }

    private static Map<String, Object> rank(PantauHome home, String region, String period) {
        return home.row("select rank_place, ranked_count from rank_result where region_code = ? and period_code = ? "
                + "and subject = 'KES-K01' and within_scope = 'PROVINCE'", region, period);
    }

    private static BigDecimal trend(PantauHome home, String region) {
        return home.<BigDecimal>query(db -> db.queryForObject("select change_points from trend_result where region_code = ? and scope = 'OWN' "
                + "and period_code = '2026' and subject = 'KES-K01' and compared_period = '2025'", BigDecimal.class, region));
    }

    @Test
    @DisplayName("a new year is written beside the stored ones, which keep their rows, ranks and the run that made them")
    void aNewPeriodLeavesTheEarlierPeriodsAsTheyWere() {
        PantauHome home = new PantauHome(temp.resolve("home"), database());
        // Night 1, 2025: Kulon Progo (34.01) serves 800 of 1,000 pregnant women (80.00%), Bantul (34.02) 1,500 of 2,000 (75.00%).
        home.write("2025.csv", csv("34.01,2025,KES-K01.SASARAN,1000", "34.01,2025,KES-K01.TERLAYANI,800",
                "34.02,2025,KES-K01.SASARAN,2000", "34.02,2025,KES-K01.TERLAYANI,1500"));
        assertThat(home.run().failed()).isFalse();
        long first = runOf(home, "34.01", "OWN");
        // 2025 for each of them, DIY's roll-up and the country's
        assertThat(home.count("select count(*) from region_result where period_code = '2025'")).isEqualTo(4);

        // Night 2, 2026: Kulon Progo 950 of 1,000 (95.00%), Bantul 1,000 of 2,000 (50.00%).
        home.write("2026.csv", csv("34.01,2026,KES-K01.SASARAN,1000", "34.01,2026,KES-K01.TERLAYANI,950",
                "34.02,2026,KES-K01.SASARAN,2000", "34.02,2026,KES-K01.TERLAYANI,1000"));
        assertThat(home.run().failed()).isFalse();
        long second = runOf(home, "34.01", "OWN");
        assertThat(second).isGreaterThan(first);
        // 2025 is as the first night wrote it: the same rows and run, nothing moved to history.
        assertThat(home.count("select count(*) from region_result where period_code = '2025' and run_id = ?", first)).isEqualTo(4);
        assertThat(home.count("select count(*) from service_result where period_code = '2025' and run_id <> ?", first)).isZero();
        assertThat(home.count("select count(*) from region_result_history")).isZero();
        assertThat(home.count("select count(*) from service_result_history")).isZero();
        assertThat(home.count("select count(*) from region_result where period_code = '2026' and run_id = ?", second)).isEqualTo(4);
        // Ranks in DIY by KES-K01: 2025 Kulon Progo first (80.00 against 75.00), 2026 too (95.00 against 50.00).
        assertThat(rank(home, "34.01", "2025")).containsEntry("rank_place", 1).containsEntry("ranked_count", 2);
        assertThat(rank(home, "34.02", "2026")).containsEntry("rank_place", 2).containsEntry("ranked_count", 2);
        // Trends 2026 against 2025: Kulon Progo 95.00 - 80.00 = +15.00, Bantul 50.00 - 75.00 = -25.00 points.
        assertThat(trend(home, "34.01")).isEqualByComparingTo("15.00");
        assertThat(trend(home, "34.02")).isEqualByComparingTo("-25.00");

        // Night 3: Bantul corrects 2025 to 1,800 of 2,000 (90.00%): its 2025 is replaced, and its 2026, whose trend is
        // now 50.00 - 90.00 = -40.00 points; Bantul now ranks first in 2025. Kulon Progo's own 2026 stays as it was.
        home.write("bantul-2025-revisi.csv", csv("34.02,2025,KES-K01.SASARAN,2000", "34.02,2025,KES-K01.TERLAYANI,1800"));
        assertThat(home.run().failed()).isFalse();
        long third = runOf(home, "34.02", "OWN");
        assertThat(third).isGreaterThan(second);
        assertThat(trend(home, "34.02")).isEqualByComparingTo("-40.00");
        assertThat(rank(home, "34.02", "2025")).containsEntry("rank_place", 1);
        assertThat(rank(home, "34.01", "2025")).containsEntry("rank_place", 2);
        assertThat(home.count("select run_id from region_result where region_code = '34.01' and period_code = '2026' "
                + "and scope = 'OWN'")).isEqualTo(second);
        assertThat(home.count("select run_id from region_result where region_code = '34.02' and period_code = '2026' "
                + "and scope = 'OWN'")).isEqualTo(third);
        // The country's 2026 sums the same counts as before (950 + 1,000 of 3,000 = 65.00%): not written again. DIY's
        // 2026 sums them too, but its trend against its 2025 (now 2,600 of 3,000 = 86.67%) is -21.67 points: written.
        assertThat(home.count("select run_id from region_result where region_code = '00' and period_code = '2026'"))
                .isEqualTo(second);
        assertThat(home.count("select run_id from region_result where region_code = '34' and period_code = '2026'"))
                .isEqualTo(third);
        BigDecimal provinceTrend = home.query(db -> db.queryForObject("select change_points from trend_result where "
                + "region_code = '34' and period_code = '2026' and subject = 'KES-K01' and compared_period = '2025'", BigDecimal.class));
        assertThat(provinceTrend).isEqualByComparingTo("-21.67");
        assertThat(home.row("select recipient_pct, run_id, replaced_by_run from service_result_history where region_code = "
                + "'34.02' and period_code = '2025' and scope = 'OWN' and service_code = 'KES-K01'")).containsEntry("recipient_pct", new BigDecimal("75.00"))
                .containsEntry("run_id", first).containsEntry("replaced_by_run", third);
        List<Object> incremental = dump(home);

        // A full recompute gives the same results, ranks and trends.
        home.query(db -> db.update("update evaluation_run set inputs_key = 'katalog-lama'"));
        assertThat(home.run().failed()).isFalse();
        assertThat(dump(home)).isEqualTo(incremental);
    }

    @Test
    @DisplayName("a file that changes no region's values leaves the results, and the next night reads no value again")
    void aFileThatChangesNoActiveValueMovesTheValuesMarkForward() throws Exception {
        PantauHome home = new PantauHome(temp.resolve("home"), database());
        home.write("2025.csv", csv("34.01,2025,KES-K01.SASARAN,1000", "34.01,2025,KES-K01.TERLAYANI,800"));
        assertThat(home.run().failed()).isFalse();
        long first = runOf(home, "34.01", "OWN");

        // Night 2: a file that reports Kulon Progo's two figures twice each, with different numbers (SASARAN 1,000 and
        // 1,010, TERLAYANI 810 and 820): both keys are in conflict, nothing is chosen, the stored 1,000 and 800 stay
        // active. The values table grew (2 + 4 rows), so the cheap mark moved, but no region's active values changed:
        // nothing is written, and the last evaluation now carries the new mark.
        home.write("ganda.csv", csv("34.01,2025,KES-K01.SASARAN,1000", "34.01,2025,KES-K01.SASARAN,1010",
                "34.01,2025,KES-K01.TERLAYANI,810", "34.01,2025,KES-K01.TERLAYANI,820"));
        home.run();
        assertThat(home.count("select count(*) from measured_value")).isEqualTo(6);
        assertThat(recipient(home, "34.01", "OWN")).containsEntry("served", new BigDecimal("800.0000"))
                .containsEntry("recipient_pct", new BigDecimal("80.00"));
        assertThat(runOf(home, "34.01", "OWN")).isEqualTo(first);
        assertThat(home.count("select count(*) from evaluation_run")).isEqualTo(1);
        long largest = home.count("select max(id) from measured_value");
        assertThat(home.row("select values_mark from evaluation_run")).containsEntry("values_mark", "6:" + largest);

        // Night 3: a file for Bantul moves the mark again, and only Bantul and the roll-ups are evaluated.
        home.write("bantul.csv", csv("34.02,2025,KES-K01.SASARAN,2000", "34.02,2025,KES-K01.TERLAYANI,1500"));
        assertThat(home.run().failed()).isFalse();
        assertThat(home.row("select regions_changed from evaluation_run order by id desc limit 1"))
                .containsEntry("regions_changed", 1);
        assertThat(runOf(home, "34.01", "OWN")).isEqualTo(first);
        // By hand: DIY 800 + 1,500 = 2,300 of 1,000 + 2,000 = 3,000 = 76.67%
        assertThat(recipient(home, "34", "ROLLUP")).containsEntry("recipient_pct", new BigDecimal("76.67"));
    }
}
