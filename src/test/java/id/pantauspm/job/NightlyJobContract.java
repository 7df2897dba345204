package id.pantauspm.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;

/**
 * The nightly job end to end, from files in the inbox to results, reports and archived files.
 * Runs against each database the product supports (see the subclasses).
 */
abstract class NightlyJobContract {

    @TempDir
    Path temp;

    abstract TestDatabase database(Path folder);

    PantauHome home() {
        return new PantauHome(temp.resolve("home"), database(temp));
    }

    @Test
    void bundledSamplesAreIngestedEvaluatedReportedAndFiled() throws Exception {
        PantauHome home = home().dropSamples();
        Map<String, String> sent = PantauHome.fingerprints(home.inbox());

        RunSummary summary = home.run();

        // 18 good SPM files (a filled-in template among them) and 4 community satisfaction surveys (IKM), 1 broken workbook; 4 bad rows
        // planted in the Kudus health file (the surveys' planted features are warnings only).
        assertThat(summary.failed()).isFalse();
        assertThat(summary.filesAccepted()).isEqualTo(22);
        assertThat(summary.filesRefused()).isEqualTo(1);
        assertThat(summary.rowsRejected()).isEqualTo(4);
        assertThat(summary.exitCode()).isEqualTo(RunSummary.SOME_REJECTED);
        assertThat(summary.regions()).containsExactly("33.02", "33.19", "33.74", "34.03", "34.04", "34.71");
        assertThat(summary.periods()).containsExactly("2025", "2026-TW3");

        // Nothing received is lost: every file is in the archive or the rejected folder, byte for byte.
        assertThat(PantauHome.fingerprints(home.inbox())).isEmpty();
        Map<String, String> filed = PantauHome.fingerprints(home.archive());
        filed.putAll(PantauHome.fingerprints(home.rejected()));
        assertThat(filed.values()).containsAll(sent.values());
        assertThat(PantauHome.fingerprints(home.rejected()).keySet())
                .anyMatch(name -> name.endsWith("laporan-rusak.xlsx"))
                .anyMatch(name -> name.endsWith("laporan-rusak.xlsx.tanda-terima.txt"));

        // Every stored value names its submission, sheet and row.
        assertThat(home.count("select count(*) from measured_value v left join submission s "
                + "on s.id = v.submission_id where s.sha256 is null or v.source_sheet is null or v.source_row < 1")).isZero();

        // Hand-checked verdicts from the sample files.
        // Kota Semarang 2025 KES-K01: 26,404 of 28,678 pregnant women = 92.07% -> Tuntas Utama (no mutu data).
        assertThat(service(home, "33.74", "2025", "KES-K01"))
                .containsEntry("served", new BigDecimal("26404.0000"))
                .containsEntry("service_index", new BigDecimal("92.07"))
                .containsEntry("category", "TUNTAS_UTAMA");
        // Kota Yogyakarta 2025 KES-K02: 7,180 served of 6,944 = 103.40%, capped at 100 in the index, warned.
        assertThat(service(home, "34.71", "2025", "KES-K02"))
                .containsEntry("recipient_pct_uncapped", new BigDecimal("103.40"))
                .containsEntry("service_index", new BigDecimal("100.00"))
                .containsEntry("warnings", "INDEX_WITHOUT_QUALITY,SERVED_ABOVE_TARGET");
        // Kota Yogyakarta 2025 PEND-K03: 0 of 0 -> nothing to serve, no index.
        assertThat(service(home, "34.71", "2025", "PEND-K03"))
                .containsEntry("status", "NOTHING_TO_SERVE").containsEntry("service_index", null);
        // Kudus KES-K07: its TERLAYANI row (-312) was rejected -> not computable, never zero.
        assertThat(service(home, "33.19", "2025", "KES-K07"))
                .containsEntry("status", "NOT_COMPUTABLE").containsEntry("served", null);
        // Gunungkidul left KES-K12 TERLAYANI out -> not computable.
        assertThat(service(home, "34.03", "2025", "KES-K12")).containsEntry("status", "NOT_COMPUTABLE");

        // Kota Semarang's TW3 workbook is year to date ("KUMULATIF", "s.d. 30 September"): it needs no earlier
        // quarter, so nothing is missing and its page carries no "belum lengkap" banner (issue 8).
        assertThat(home.row("select periods_covered, periods_missing from region_result "
                + "where region_code = '33.74' and period_code = '2026-TW3' and scope = 'OWN'"))
                .containsEntry("periods_covered", "2026-TW3").containsEntry("periods_missing", null);
        assertThat(home.reports().resolve("latest/wilayah/33.74.html")).content().doesNotContain("belum lengkap");
        // Its own plan for KES-K01 in TW3 (indicators/targets) is shown beside the standard.
        assertThat(service(home, "33.74", "2026-TW3", "KES-K01")).containsEntry("plan_target", new BigDecimal("75.00"));
        // Jawa Tengah's roll-up sums its three reporting regencies' counts for 2025.
        BigDecimal regencies = home.decimal("select sum(target_population) from service_result "
                + "where region_code in ('33.02', '33.19', '33.74') and period_code = '2025' and service_code = 'KES-K01' "
                + "and scope = 'OWN'");
        assertThat(home.row("select target_population, regions_included, regions_total from service_result "
                + "where region_code = '33' and period_code = '2025' and service_code = 'KES-K01' and scope = 'ROLLUP'"))
                .containsEntry("target_population", regencies).containsEntry("regions_included", 3)
                .containsEntry("regions_total", 35);

        // The report: a summary and a page per region.
        Path index = home.reports().resolve("latest/index.html");
        assertThat(index).exists();
        assertThat(index).content().contains("Laporan Pencapaian Standar Pelayanan Minimal", "Kota Semarang", "Tuntas Madya");
        assertThat(home.reports().resolve("latest/wilayah/33.74.html")).content().contains("Kota Semarang", "KES-K01");
        // The receipt of the file with bad rows names sheet, row and column.
        // (its number depends on the order the night's files are registered in, so it is found by name)
        assertThat(receipt(home, "SPM Kes Kudus 2025 (rekap).xlsx")).contains("baris 17", "kolom F");

        // The sample surveys' IKM, as src/test/samples/make-ikm-samples.py computes them with exact fractions:
        // Puskesmas Halmahera 2025: 26665/324 = 82.30 (B), against 2024's 120775/1584 = 76.25: +6.05.
        assertThat(home.row("select ikm, band, previous_period, change_previous, respondents, sample_adequate from ikm_result "
                + "where unit_key = 'puskesmas halmahera' and period_code = '2025'"))
                .containsEntry("ikm", new BigDecimal("82.30")).containsEntry("band", "B").containsEntry("previous_period", "2024")
                .containsEntry("change_previous", new BigDecimal("6.05")).containsEntry("respondents", 360)
                .containsEntry("sample_adequate", true);
        // Disdukcapil (long shape): 10075/114 = 88.38, A; the rounded weight 0.11 would give 87.49, B.
        assertThat(home.row("select ikm, band, shortcut_ikm, shortcut_band from ikm_result where unit_key = 'disdukcapil kota semarang'"))
                .containsEntry("ikm", new BigDecimal("88.38")).containsEntry("band", "A")
                .containsEntry("shortcut_ikm", new BigDecimal("87.49")).containsEntry("shortcut_band", "B");
        // Kedungmundu: 150 respondents where 9,000 users were served (the table asks 368); 12 items unanswered.
        assertThat(home.row("select ikm, band, sample_required, sample_adequate, unanswered_items from ikm_result "
                + "where unit_key = 'puskesmas kedungmundu'"))
                .containsEntry("ikm", new BigDecimal("76.62")).containsEntry("band", "B").containsEntry("sample_required", 368)
                .containsEntry("sample_adequate", false).containsEntry("unanswered_items", 12);
        assertThat(home.reports().resolve("latest/ikm/33.74.html")).content()
                .contains("Puskesmas Halmahera", "82,30", "Disdukcapil Kota Semarang", "88,38", "Sangat baik");
    }

    @Test
    void aSecondRunOverTheSameInputsChangesNothing() {
        PantauHome home = home().samplesMode();
        Map<String, String> samples = PantauHome.fingerprints(home.inbox());

        RunSummary first = home.run();
        String before = snapshot(home);
        RunSummary second = home.run();

        assertThat(first.filesAccepted() + first.filesRefused()).isEqualTo(23);
        assertThat(second.filesAccepted() + second.filesRefused()).isZero();
        assertThat(second.exitCode()).isEqualTo(RunSummary.OK);
        assertThat(snapshot(home)).isEqualTo(before);
        // Samples mode reads the bundled files in place and never moves or changes them.
        assertThat(PantauHome.fingerprints(home.inbox())).isEqualTo(samples);
    }

    @Test
    void theSameBytesDroppedTwiceAreOneSubmission() throws Exception {
        PantauHome home = home();
        Path sample = PantauHome.SAMPLES.resolve("Disdik Sleman 2025.csv");
        home.drop(sample, "Disdik Sleman 2025.csv");
        home.drop(sample, "Disdik Sleman 2025 (1).csv");

        home.run();
        home.drop(sample, "Disdik Sleman 2025 lagi.csv");
        home.run();

        assertThat(home.count("select count(*) from submission")).isEqualTo(1);
        assertThat(home.count("select count(*) from measured_value")).isEqualTo(6);
        assertThat(PantauHome.fingerprints(home.inbox())).isEmpty();
    }

    @Test
    void aCorrectedFileSupersedesTheEarlierValuesWhichStayInTheHistory() throws Exception {
        PantauHome home = home();
        String header = "kode_wilayah;periode;kode_data;nilai\n";
        Path first = home.write("dinkes kudus.csv", header + "33.19;2025;KES-K01.SASARAN;1000\n33.19;2025;KES-K01.TERLAYANI;600\n");
        Files.setLastModifiedTime(first, FileTime.from(Instant.parse("2026-01-10T08:00:00Z")));
        home.run();
        Path corrected = home.write("dinkes kudus revisi.csv", header + "33.19;2025;KES-K01.SASARAN;1000\n33.19;2025;KES-K01.TERLAYANI;900\n");
        Files.setLastModifiedTime(corrected, FileTime.from(Instant.parse("2026-01-11T08:00:00Z")));
        home.run();

        // The receipt of the correction shows what changed, old value and new.
        assertThat(receipt(home, "dinkes kudus revisi.csv")).contains("33.19 2025 KES-K01.TERLAYANI: 600 \u2192 900",
                "dinkes kudus.csv");
        // 900 / 1000 = 90.00 -> Tuntas Utama, from the corrected file only.
        assertThat(service(home, "33.19", "2025", "KES-K01")).containsEntry("service_index", new BigDecimal("90.00"));
        List<Map<String, Object>> history = home.query(db -> db.queryForList(
                "select amount, active from measured_value where measure_code = 'KES-K01.TERLAYANI' order by id"));
        assertThat(history).extracting(r -> ((BigDecimal) r.get("amount")).intValue(), r -> r.get("active"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(600, false), org.assertj.core.groups.Tuple.tuple(900, true));
    }

    @Test
    void anOlderFileReceivedLateDoesNotOverrideANewerOne() throws Exception {
        PantauHome home = home();
        String header = "kode_wilayah,periode,kode_data,nilai\n";
        Path newer = home.write("b.csv", header + "33.19,2025,KES-K01.SASARAN,1000\n33.19,2025,KES-K01.TERLAYANI,900\n");
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2026-01-11T08:00:00Z")));
        home.run();
        Path older = home.write("a.csv", header + "33.19,2025,KES-K01.SASARAN,1000\n33.19,2025,KES-K01.TERLAYANI,600\n");
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2026-01-10T08:00:00Z")));
        home.run();

        assertThat(service(home, "33.19", "2025", "KES-K01")).containsEntry("service_index", new BigDecimal("90.00"));
        // never in silence: the older file's receipt says its values are not used, and which file holds them
        assertThat(receipt(home, "a.csv")).contains("2 nilai dari berkas ini tidak dipakai", "\"b.csv\"", "2026-01-11");
    }

    @Test
    @DisplayName("issue 8: TW2 400 and TW3 700 of 1,000, both year to date: TW3 is 70.00 Pratama, not 110 Paripurna")
    void yearToDateQuartersAreNotAddedTwice() throws Exception {
        PantauHome home = home();
        String header = "kode_wilayah,periode,kode_data,nilai,keterangan\n";
        home.write("tw2.csv", header + "33.19,2026-TW2,KES-K01.SASARAN,1000,\n33.19,2026-TW2,KES-K01.TERLAYANI,400,kumulatif s.d. Juni\n");
        home.write("tw3.csv", header + "33.19,2026-TW3,KES-K01.SASARAN,1000,\n"
                + "33.19,2026-TW3,KES-K01.TERLAYANI,700,kumulatif s.d. September\n");

        RunSummary summary = home.run();

        // 700 served from January to September of 1,000 pregnant women: 70.00 -> Tuntas Pratama
        assertThat(summary.exitCode()).isEqualTo(RunSummary.OK);
        assertThat(service(home, "33.19", "2026-TW3", "KES-K01")).containsEntry("served", new BigDecimal("700.0000"))
                .containsEntry("recipient_pct", new BigDecimal("70.00")).containsEntry("category", "TUNTAS_PRATAMA");
        assertThat(home.row("select periods_missing from region_result where region_code = '33.19' "
                + "and period_code = '2026-TW3' and scope = 'OWN'")).containsEntry("periods_missing", null);
        assertThat(home.reports().resolve("latest/wilayah/33.19.html")).content().doesNotContain("belum lengkap");
        assertThat(receipt(home, "tw3.csv")).doesNotContain("PERINGATAN");
    }

    @Test
    @DisplayName("a quarter declared 'triwulan' is added to the one before, and a note saying 'kumulatif' is warned")
    void aQuarterAloneIsAddedAndAContradictingNoteIsWarned() throws Exception {
        PantauHome home = home();
        String header = "kode_wilayah,periode,kode_data,nilai,basis,keterangan\n";
        home.write("tw2.csv", header + "33.19,2026-TW2,KES-K01.SASARAN,1000,,\n33.19,2026-TW2,KES-K01.TERLAYANI,400,kumulatif,\n");
        home.write("tw3.csv", header + "33.19,2026-TW3,KES-K01.SASARAN,1000,,\n"
                + "33.19,2026-TW3,KES-K01.TERLAYANI,250,triwulan,realisasi s.d. 30 September\n");

        home.run();

        // 400 to June + 250 in the third quarter alone = 650 of 1,000: 65.00 -> Tuntas Muda
        assertThat(service(home, "33.19", "2026-TW3", "KES-K01")).containsEntry("served", new BigDecimal("650.0000"))
                .containsEntry("category", "TUNTAS_MUDA");
        assertThat(home.row("select basis from measured_value where measure_code = 'KES-K01.TERLAYANI' "
                + "and period_code = '2026-TW3'")).containsEntry("basis", "PERIOD_ONLY");
        assertThat(receipt(home, "tw3.csv")).contains("PERINGATAN", "baris 3", "kolom D",
                "menyebut angka kumulatif (\"realisasi s.d. 30 September\")", "sesuai kolom basis");
    }

    @Test
    @DisplayName("issue 13: one run judges 2023 by the Permenkes 4/2019 items (rule 2026.2) and 2024 by those of 6/2024 (2026.3); the region page says so")
    void eachPeriodIsJudgedByTheRuleVersionOfItsDates() throws Exception {
        PantauHome home = home();
        String header = "kode_wilayah,periode,kode_data,nilai,keterangan\n";
        StringBuilder rows = new StringBuilder(header);
        for (String year : List.of("2023", "2024")) {
            rows.append("33.19,").append(year).append(",KES-K01.SASARAN,1000,\n")
                    .append("33.19,").append(year).append(",KES-K01.TERLAYANI,900,\n")
                    .append("33.19,").append(year).append(",KES-K01.BUKU_KIA_BUTUH,100,\n")
                    .append("33.19,").append(year).append(",KES-K01.BUKU_KIA_TERSEDIA,80,\n")
                    .append("33.19,").append(year).append(",KES-K01.PEMERIKSAAN_USG_BUTUH,100,\n")
                    .append("33.19,").append(year).append(",KES-K01.PEMERIKSAAN_USG_TERSEDIA,20,\n");
        }
        rows.append("33.19,2024,KES-K01.GEL_USG_BUTUH,10,\n33.19,2024,KES-K01.GEL_USG_TERSEDIA,10,\n");
        home.write("kes-2023-2024.csv", rows.toString());

        RunSummary summary = home.run();

        assertThat(summary.exitCode()).isEqualTo(RunSummary.OK);
        // 2023 (2026.2): quality = mean(80/100, 20/100) = (80 + 20) / 2 = 50; index = 0.8 x 90 + 0.2 x 50 = 82.00 Madya
        assertThat(service(home, "33.19", "2023", "KES-K01")).containsEntry("rule_version", "2026.2")
                .containsEntry("quality_pct", new BigDecimal("50.00")).containsEntry("service_index", new BigDecimal("82.00"))
                .containsEntry("category", "TUNTAS_MADYA");
        // 2024 (2026.3): the USG service is no item of 6/2024 any more, the gel is: mean(80, 10/10 = 100) = 90;
        // index = 72 + 0.2 x 90 = 90.00 Utama
        assertThat(service(home, "33.19", "2024", "KES-K01")).containsEntry("rule_version", "2026.3")
                .containsEntry("quality_pct", new BigDecimal("90.00")).containsEntry("service_index", new BigDecimal("90.00"))
                .containsEntry("category", "TUNTAS_UTAMA");
        assertThat(home.reports().resolve("latest/wilayah/33.19.html")).content()
                .contains("dinilai dengan versi aturan yang berbeda", "versi 2026.2 untuk Tahun 2023", "versi 2026.3 untuk Tahun 2024");
    }

    @Test
    @DisplayName("issue 13: literacy must improve on two years before: 2025's target is 2023's value; PEND quality from Rapor Pendidikan in 2025")
    void literacyIsComparedWithTwoYearsBefore() throws Exception {
        PantauHome home = home();
        home.write("rapor.csv", "kode_wilayah,periode,kode_data,nilai,keterangan\n"
                + "33.19,2023,PEND-K02.RAPOR_LITERASI,61.5,\n"
                + "33.19,2025,PEND-K02.SASARAN,1000,\n33.19,2025,PEND-K02.TERLAYANI,950,\n"
                + "33.19,2025,PEND-K02.RAPOR_LITERASI,66.25,\n33.19,2025,PEND-K02.RAPOR_NUMERASI,53.75,\n");

        assertThat(home.run().exitCode()).isEqualTo(RunSummary.OK);

        // 2025's literacy 66.25 against 2023's 61.50: the target is the earlier value, which it beats
        assertThat(home.row("select indicator_value, target from indicator_result where region_code = '33.19' "
                + "and period_code = '2025' and scope = 'OWN' and indicator_code = 'PEND-K02.LITERASI'"))
                .containsEntry("indicator_value", new BigDecimal("66.2500")).containsEntry("target", new BigDecimal("61.5000"));
        // no numeracy in 2023: no target to improve on
        assertThat(home.row("select target from indicator_result where region_code = '33.19' and period_code = '2025' "
                + "and scope = 'OWN' and indicator_code = 'PEND-K02.NUMERASI'")).containsEntry("target", null);
        // quality = (66.25 + 53.75) / 2 = 60.00; index = 0.8 x 95 + 0.2 x 60 = 76 + 12 = 88.00 Madya
        assertThat(service(home, "33.19", "2025", "PEND-K02")).containsEntry("quality_pct", new BigDecimal("60.00"))
                .containsEntry("service_index", new BigDecimal("88.00")).containsEntry("category", "TUNTAS_MADYA");
    }

    @Test
    @DisplayName("issue 8: one key twice in one file with different values is a conflict: both rows named, neither used")
    void aValueTwiceInOneFileIsAConflict() throws Exception {
        PantauHome home = home();
        home.drop(PantauHome.PROJECT.resolve("src/test/resources/cases/U-duplicate-key-in-one-file.csv"), "U.csv");

        RunSummary summary = home.run();

        // rows 3 (30189) and 4 (3189) disagree: both rejected, the file otherwise accepted, exit 3
        assertThat(summary.exitCode()).isEqualTo(RunSummary.SOME_REJECTED);
        assertThat(summary.rowsRejected()).isEqualTo(2);
        String receipt = receipt(home, "U.csv");
        assertThat(receipt).contains("baris 3", "baris 4", "nilai 30189 di sini berbeda dengan nilai 3189",
                "nilai 3189 di sini berbeda dengan nilai 30189", "Tidak ada yang dipakai");
        assertThat(home.count("select count(*) from measured_value where active = true "
                + "and measure_code = 'KES-K01.TERLAYANI'")).isZero();
        assertThat(service(home, "33.74", "2026-TW3", "KES-K01")).containsEntry("status", "NOT_COMPUTABLE")
                .containsEntry("target_population", new BigDecimal("31995.0000"));
        assertThat(home.reports().resolve("latest/kualitas-data.html")).content()
                .contains("Nilai yang bertentangan (2)", "U.csv");
    }

    @Test
    @DisplayName("issue 8: two files of one night that disagree are a conflict; the value of the night before stays")
    void twoFilesOfOneNightThatDisagreeAreAConflict() throws Exception {
        PantauHome home = home();
        String header = "kode_wilayah,periode,kode_data,nilai\n";
        Path first = home.write("awal.csv", header + "33.19,2025,KES-K02.SASARAN,500\n33.19,2025,KES-K02.TERLAYANI,300\n");
        Files.setLastModifiedTime(first, FileTime.from(Instant.parse("2026-01-09T08:00:00Z")));
        home.run();
        Path early = home.write("pagi.csv", header + "33.19,2025,KES-K02.SASARAN,500\n33.19,2025,KES-K02.TERLAYANI,400\n");
        Files.setLastModifiedTime(early, FileTime.from(Instant.parse("2026-01-10T08:00:00Z")));
        Path late = home.write("sore.csv", header + "33.19,2025,KES-K02.SASARAN,500\n33.19,2025,KES-K02.TERLAYANI,450\n");
        Files.setLastModifiedTime(late, FileTime.from(Instant.parse("2026-01-10T16:00:00Z")));

        RunSummary night = home.run();

        // 400 and 450 disagree: neither is used, the 300 received the night before stays: 300 / 500 = 60.00
        assertThat(night.exitCode()).isEqualTo(RunSummary.SOME_REJECTED);
        assertThat(service(home, "33.19", "2025", "KES-K02")).containsEntry("served", new BigDecimal("300.0000"))
                .containsEntry("service_index", new BigDecimal("60.00"));
        assertThat(receipt(home, "pagi.csv")).contains("BARIS DITOLAK", "\"sore.csv\"", "nilai 400 di sini berbeda dengan nilai 450",
                "tetap dipakai nilai sebelumnya, 300, dari berkas \"awal.csv\"");
        assertThat(receipt(home, "sore.csv")).contains("\"pagi.csv\"", "nilai 450 di sini berbeda dengan nilai 400");
        // SASARAN 500 twice, the same: used once, the repeat warned
        assertThat(receipt(home, "pagi.csv") + receipt(home, "sore.csv")).contains("dipakai satu kali");
        assertThat(home.count("select count(*) from measured_value where active = true and measure_code = 'KES-K02.SASARAN'"))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("a file about one service replaces that service only; a value it leaves out of its service is said to stop counting")
    void aFileReplacesTheServicesItReportsOnly() throws Exception {
        PantauHome home = home();
        String header = "kode_wilayah,periode,kode_data,nilai\n";
        Path first = home.write("kia.csv", header + "33.19,2025,KES-K01.SASARAN,1000\n33.19,2025,KES-K01.TERLAYANI,900\n"
                + "33.19,2025,KES-K01.BUKU_KIA_BUTUH,100\n33.19,2025,KES-K01.BUKU_KIA_TERSEDIA,80\n"
                + "33.19,2025,KES-K02.SASARAN,500\n33.19,2025,KES-K02.TERLAYANI,450\n");
        Files.setLastModifiedTime(first, FileTime.from(Instant.parse("2026-01-10T08:00:00Z")));
        home.run();
        // the next night, the KIA holder corrects KES-K01 and leaves the mutu item out; KES-K02 is not mentioned
        Path again = home.write("kia revisi.csv", header + "33.19,2025,KES-K01.SASARAN,1000\n33.19,2025,KES-K01.TERLAYANI,950\n");
        Files.setLastModifiedTime(again, FileTime.from(Instant.parse("2026-01-11T08:00:00Z")));
        home.run();

        // KES-K02 keeps 450 / 500 = 90.00; KES-K01 is 950 / 1000 = 95.00 with no mutu item any more
        assertThat(service(home, "33.19", "2025", "KES-K02")).containsEntry("service_index", new BigDecimal("90.00"));
        assertThat(service(home, "33.19", "2025", "KES-K01")).containsEntry("service_index", new BigDecimal("95.00"))
                .containsEntry("mutu_items", 0);
        assertThat(receipt(home, "kia revisi.csv")).contains("KES-K01.TERLAYANI: 900 \u2192 950",
                "33.19 2025 KES-K01.BUKU_KIA_BUTUH: 100 dari \"kia.csv\" tidak dihitung lagi");
    }

    @Test
    @DisplayName("a row for 2010 is rejected at its cell; the night goes on and the good file is filed")
    void aPeriodBeforeTheRulesIsARowProblem() throws Exception {
        PantauHome home = home();
        String header = "kode_wilayah,periode,kode_data,nilai\n";
        home.write("lama 2010.csv", header + "33.74,2010,KES-K01.SASARAN,100\n33.74,2010,KES-K01.TERLAYANI,90\n");
        home.write("baik.csv", header + "33.02,2026-TW3,KES-K01.SASARAN,100\n33.02,2026-TW3,KES-K01.TERLAYANI,90\n");

        RunSummary summary = home.run();

        assertThat(summary.failed()).isFalse();
        assertThat(summary.exitCode()).isEqualTo(RunSummary.SOME_REJECTED);
        assertThat(receipt(home, "lama 2010.csv")).contains("baris 2, kolom B", "sebelum SPM berlaku", "mulai tahun 2019");
        assertThat(service(home, "33.02", "2026-TW3", "KES-K01")).containsEntry("recipient_pct", new BigDecimal("90.00"));
        assertThat(PantauHome.fingerprints(home.inbox())).isEmpty();
    }

    @Test
    @DisplayName("a file whose every row is rejected, or that holds a header alone, is refused: rejected/, its receipt says why, exit 3")
    void aFileThatYieldsNoStoredValueIsRefused() throws Exception {
        PantauHome home = home();
        String header = "kode_wilayah,periode,kode_data,nilai\n";
        home.write("semua ditolak.csv", header + "33.74,2010,KES-K01.SASARAN,100\n33.74,2010,KES-K01.TERLAYANI,90\n");
        home.write("judul saja.csv", header);
        Map<String, String> sent = PantauHome.fingerprints(home.inbox());

        RunSummary summary = home.run();

        // exit 3, "finished, some files or rows rejected": neither file counts as accepted
        assertThat(summary.failed()).isFalse();
        assertThat(summary.exitCode()).isEqualTo(RunSummary.SOME_REJECTED);
        assertThat(summary.filesAccepted()).isZero();
        assertThat(summary.filesRefused()).isEqualTo(2);
        // both go where refused files go, byte for byte, each with its receipt; nothing in the archive
        Map<String, String> rejected = PantauHome.fingerprints(home.rejected());
        assertThat(rejected.keySet()).filteredOn(n -> n.endsWith(".tanda-terima.txt")).hasSize(2);
        rejected.keySet().removeIf(n -> n.endsWith(".tanda-terima.txt"));
        assertThat(rejected.values()).containsExactlyInAnyOrderElementsOf(sent.values());
        assertThat(PantauHome.fingerprints(home.archive())).isEmpty();
        // the receipts say DITOLAK and why, in plain words, with the located reason of every row
        assertThat(receipt(home, "semua ditolak.csv")).contains("Status: DITOLAK SELURUHNYA",
                        "Tidak ada satu baris pun yang dapat disimpan: semua 2 baris data ditolak",
                        "baris 2, kolom B", "baris 3, kolom B", "sebelum SPM berlaku")
                .doesNotContain("Status: DITERIMA");
        assertThat(receipt(home, "judul saja.csv")).contains("Status: DITOLAK SELURUHNYA", "Berkas tidak berisi baris data")
                .doesNotContain("Status: DITERIMA");
        assertThat(summary.problemFiles()).extracting(RunSummary.ProblemFile::fileName, RunSummary.ProblemFile::refused)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("semua ditolak.csv", true),
                        org.assertj.core.groups.Tuple.tuple("judul saja.csv", true));
    }

    @Test
    @DisplayName("the same bytes as a file refused earlier are refused again: rejected/, a receipt naming the earlier refusal, exit 3")
    void aCopyOfARefusedFileIsStillRefused() throws Exception {
        PantauHome home = home();
        Path broken = PantauHome.SAMPLES.resolve("laporan-rusak.xlsx");
        home.drop(broken, "laporan-rusak.xlsx");
        RunSummary first = home.run();
        assertThat(first.filesRefused()).isEqualTo(1);
        home.drop(broken, "laporan-rusak kirim ulang.xlsx");

        RunSummary second = home.run();

        // refused again, not "nothing new": exit 3 and the file named among those to correct
        assertThat(second.exitCode()).isEqualTo(RunSummary.SOME_REJECTED);
        assertThat(second.filesRefused()).isEqualTo(1);
        String summary = String.join("\n", id.pantauspm.cli.RunFaultsTestAccess.summaryLines(second, java.util.Locale.forLanguageTag("id")));
        assertThat(summary).contains("- laporan-rusak kirim ulang.xlsx: DITOLAK seluruhnya. Berkas terpotong")
                .doesNotContain("Tidak ada berkas baru");
        // the copy goes where refused files go, byte for byte, never into the archive
        Map<String, String> rejected = PantauHome.fingerprints(home.rejected());
        assertThat(rejected.keySet()).anyMatch(n -> n.matches("\\d+-\\d+_laporan-rusak kirim ulang\\.xlsx"))
                .anyMatch(n -> n.matches("\\d+-\\d+_laporan-rusak kirim ulang\\.xlsx\\.tanda-terima\\.txt"));
        rejected.keySet().removeIf(n -> n.endsWith(".tanda-terima.txt"));
        assertThat(rejected.values()).containsExactly(ScanTasklet.sha256(broken), ScanTasklet.sha256(broken));
        assertThat(PantauHome.fingerprints(home.archive())).isEmpty();
        assertThat(PantauHome.fingerprints(home.inbox())).isEmpty();
        // its receipt: still refused, the same file as the one refused today, why, and the earlier receipt's name
        String today = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(java.util.Locale.forLanguageTag("id")).format(java.time.LocalDate.now());
        try (var files = Files.list(home.outbox())) {
            Path receipt = files.filter(p -> p.getFileName().toString()
                    .matches("\\d+-\\d+_laporan-rusak kirim ulang\\.xlsx\\.tanda-terima\\.txt")).findFirst().orElseThrow();
            assertThat(Files.readString(receipt)).contains("Status: DITOLAK SELURUHNYA", "sama persis",
                            "\"laporan-rusak.xlsx\" yang ditolak pada " + today, "tetap ditolak", "Berkas terpotong",
                            "_laporan-rusak.xlsx.tanda-terima.txt")
                    .doesNotContain("SALINAN");
        }
    }

    @Test
    @DisplayName("issue 8: the schema holds at most one active value per region, period and measure")
    void theSchemaHoldsOneActiveValuePerKey() throws Exception {
        PantauHome home = home();
        home.write("a.csv", "kode_wilayah,periode,kode_data,nilai\n33.19,2025,KES-K01.SASARAN,1000\n");
        home.run();

        String copy = "insert into measured_value (submission_id, region_code, period_code, field_code, service_code, measure_code, "
                + "amount, source_sheet, source_row, active, active_key) select submission_id, region_code, period_code, field_code, "
                + "service_code, measure_code, 2000, source_sheet, source_row, true, %s from measured_value where active = true";
        assertThatThrownBy(() -> home.query(db -> db.update(String.format(copy, "active_key"))))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThatThrownBy(() -> home.query(db -> db.update(String.format(copy, "null"))))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    @DisplayName("issue 8: after a run every file that was in the inbox is in the archive or rejected, byte for byte")
    void everyFileInTheInboxIsFiled() throws Exception {
        PantauHome home = home();
        Path sample = PantauHome.SAMPLES.resolve("Disdik Sleman 2025.csv");
        Path original = home.drop(sample, "Disdik Sleman 2025.csv");
        Files.setLastModifiedTime(original, FileTime.from(Instant.parse("2026-01-10T08:00:00Z")));
        Path copy = home.drop(sample, "salinan.csv");
        Files.setLastModifiedTime(copy, FileTime.from(Instant.parse("2026-01-10T09:00:00Z")));
        home.drop(PantauHome.SAMPLES.resolve("laporan-rusak.xlsx"), "laporan-rusak.xlsx");
        Map<String, String> sent = PantauHome.fingerprints(home.inbox());

        home.run();

        assertThat(PantauHome.fingerprints(home.inbox())).isEmpty();
        Map<String, String> filed = PantauHome.fingerprints(home.archive());
        filed.putAll(PantauHome.fingerprints(home.rejected()));
        filed.keySet().removeIf(name -> name.endsWith(".tanda-terima.txt"));
        assertThat(filed).hasSize(3);
        assertThat(filed.values()).containsExactlyInAnyOrderElementsOf(sent.values());
        // the earlier by file time is the submission; the copy gets a receipt saying whose copy it is
        assertThat(home.row("select file_name from submission where file_name like 'Disdik%' or file_name = 'salinan.csv'"))
                .containsEntry("file_name", "Disdik Sleman 2025.csv");
        try (var files = Files.list(home.outbox())) {
            Path receipt = files.filter(p -> p.getFileName().toString().matches("\\d+-\\d+_salinan\\.csv\\.tanda-terima\\.txt"))
                    .findFirst().orElseThrow();
            assertThat(Files.readString(receipt)).contains("SALINAN", "\"Disdik Sleman 2025.csv\"");
        }
    }

    @Test
    @DisplayName("issue 8: more served than the target is said in the office's receipt, not only on the report")
    void servedAboveTargetIsInTheReceipt() throws Exception {
        PantauHome home = home();
        home.write("k02.csv", "kode_wilayah,periode,kode_data,nilai\n33.19,2025,KES-K02.SASARAN,100\n33.19,2025,KES-K02.TERLAYANI,120\n");

        home.run();

        assertThat(receipt(home, "k02.csv")).contains("Temuan kualitas data",
                "KES-K02.TERLAYANI 33.19 periode 2025: terlayani 120 melebihi sasaran 100 (120,00%)");
    }

    @Test
    @DisplayName("issue 8: a national roll-up over 1 of 514 kabupaten/kota says so and has no category")
    void aNationalRollupOverFewRegionsHasNoCategory() throws Exception {
        PantauHome home = home();
        home.write("k01.csv", "kode_wilayah,periode,kode_data,nilai\n33.19,2025,KES-K01.SASARAN,1000\n33.19,2025,KES-K01.TERLAYANI,900\n");

        home.run();

        assertThat(home.row("select regions_included, regions_total, recipient_pct, category from service_result "
                + "where region_code = '00' and scope = 'NATIONAL' and service_code = 'KES-K01'"))
                .containsEntry("regions_included", 1).containsEntry("regions_total", 514)
                .containsEntry("recipient_pct", new BigDecimal("90.00")).containsEntry("category", null);
        assertThat(home.row("select regions_reporting, regions_total, category from region_result where scope = 'NATIONAL'"))
                .containsEntry("regions_reporting", 1).containsEntry("regions_total", 514).containsEntry("category", null);
        assertThat(home.reports().resolve("latest/layanan/KES-K01.html")).content()
                .contains("1 dari 514 kabupaten/kota", "Tanpa kategori", "1 dari 35 kabupaten/kota");
    }

    @Test
    void aWorkbookWithBadRowsComesBackWithTheCellsMarkedAndCommented() throws Exception {
        PantauHome home = home();
        home.drop(PantauHome.SAMPLES.resolve("SPM Kes Kudus 2025 (rekap).xlsx"), "kudus.xlsx");

        home.run();

        Path marked;
        try (var files = Files.list(home.outbox())) {
            marked = files.filter(p -> p.getFileName().toString().endsWith(".tanda-terima.xlsx")).findFirst().orElseThrow();
        }
        assertThat(receipt(home, "kudus.xlsx")).contains(marked.getFileName().toString());
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(marked.toFile())) {
            var cell = wb.getSheetAt(0).getRow(16).getCell(5); // F17: the negative count -312
            assertThat(cell.getCellComment().getString().getString()).contains("baris 17", "negatif");
            assertThat(cell.getCellStyle().getFillForegroundColor())
                    .isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.RED.getIndex());
        }
    }

    private static String receipt(PantauHome home, String fileName) throws Exception {
        try (var files = Files.list(home.outbox())) {
            Path receipt = files.filter(p -> p.getFileName().toString().matches("\\d+_" + java.util.regex.Pattern.quote(fileName)
                    + "\\.tanda-terima\\.txt")).findFirst().orElseThrow();
            return Files.readString(receipt);
        }
    }

    private static Map<String, Object> service(PantauHome home, String region, String period, String service) {
        return home.row("select * from service_result where region_code = ? and period_code = ? "
                + "and service_code = ? and scope = 'OWN'", region, period, service);
    }

    /** Everything a run stores, in a stable order. */
    static String snapshot(PantauHome home) {
        return home.query(db -> String.join("\n",
                db.queryForList("select sha256, status, rows_accepted, rows_rejected, stored_as from submission order by sha256").toString(),
                db.queryForList("select region_code, period_code, measure_code, amount, active, source_sheet, source_row "
                        + "from measured_value order by region_code, period_code, measure_code, source_sheet, source_row").toString(),
                db.queryForList("select * from service_result order by region_code, period_code, service_code").toString(),
                db.queryForList("select * from field_result order by region_code, period_code, field_code").toString(),
                db.queryForList("select * from region_result order by region_code, period_code").toString()));
    }

    @Test
    @DisplayName("issue 11: the chase list names the late office with the contact its template gave, and every office that sent nothing")
    void theChaseListNamesWhomToCall() throws Exception {
        PantauHome home = home().with("--pantau.chase.regions=34");
        // The quarter whose deadline passed last, on the day the test runs (the list is drawn up on the real date).
        java.time.LocalDate today = java.time.LocalDate.now();
        id.pantauspm.evaluate.ReportingCalendar calendar = new id.pantauspm.evaluate.ReportingCalendar(20, java.time.ZoneId.systemDefault());
        id.pantauspm.period.Period quarter = new id.pantauspm.evaluate.ChaseList(calendar, java.time.LocalDate.of(2019, 1, 1))
                .duePeriods(today).stream().filter(p -> p.kind() == id.pantauspm.period.Period.Kind.QUARTER
                        && calendar.deadline(p).isBefore(today)).findFirst().orElseThrow();
        byte[] template = id.pantauspm.support.Workbooks.xlsx(wb -> {
            org.apache.poi.ss.usermodel.Sheet info = wb.createSheet("Petunjuk");
            String[][] meta = {{"1", id.pantauspm.ingest.TemplateLayout.MARKER}, {"4", "Kode wilayah", "34.71"},
                    {"6", "Periode", quarter.code()}, {"9", "Nama perangkat daerah (dinas)", "Dinas Kesehatan Kota Yogyakarta"},
                    {"10", "Nama petugas", "Rina Wulandari"}, {"11", "Telepon / surel petugas", "+62 274 515865 / dinkes@jogjakota.go.id"}};
            for (String[] m : meta) {
                org.apache.poi.ss.usermodel.Row row = info.createRow(Integer.parseInt(m[0]) - 1);
                for (int c = 1; c < m.length; c++) {
                    row.createCell(c - 1).setCellValue(m[c]);
                }
            }
            org.apache.poi.ss.usermodel.Sheet kes = wb.createSheet("KES");
            String[] header = {"Kode layanan", "Kode data", "Nama data", "Jenis", "Satuan", "Nilai", "Keterangan"};
            org.apache.poi.ss.usermodel.Row h = kes.createRow(2);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            Object[][] data = {{"KES-K01", "KES-K01.SASARAN", 3000}, {"KES-K01", "KES-K01.TERLAYANI", 2100}};
            for (int r = 0; r < data.length; r++) {
                org.apache.poi.ss.usermodel.Row row = kes.createRow(3 + r);
                row.createCell(0).setCellValue((String) data[r][0]);
                row.createCell(1).setCellValue((String) data[r][1]);
                row.createCell(5).setCellValue((Integer) data[r][2]);
            }
        });
        Files.createDirectories(home.inbox());
        Files.write(home.inbox().resolve("dinkes jogja.xlsx"), template);

        RunSummary summary = home.run();

        assertThat(summary.filesAccepted()).isEqualTo(1);
        assertThat(home.row("select office_name, officer_name, contact from submission"))
                .containsEntry("office_name", "Dinas Kesehatan Kota Yogyakarta").containsEntry("officer_name", "Rina Wulandari")
                .containsEntry("contact", "+62 274 515865 / dinkes@jogjakota.go.id");
        // DIY: the province and 5 kabupaten/kota, 6 fields each, 3 due periods = 108 lines; the file arrived today,
        // after the quarter's deadline: 1 late, the other 35 of that quarter and all 36 of the year overdue.
        long daysLate = java.time.temporal.ChronoUnit.DAYS.between(calendar.deadline(quarter), today);
        Path csv = home.reports().resolve("latest/tagihan-laporan.csv");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(1 + 108);
        assertThat(lines).filteredOn(l -> l.contains(";terlambat;")).singleElement().asString()
                .contains("Kota Yogyakarta", "Dinas Kesehatan Kota Yogyakarta", quarter.code(), ";" + daysLate + ";",
                        "Rina Wulandari", ";'+62 274 515865 / dinkes@jogjakota.go.id"); // no formula in a spreadsheet
        assertThat(lines).filteredOn(l -> l.contains(";belum mengirim, lewat batas;")).hasSize(35 + 36);
        assertThat(home.reports().resolve("latest/tagihan.html")).content()
                .contains("Terlambat: 1 perangkat daerah", "Belum mengirim dan batas waktu sudah lewat: 36 perangkat daerah",
                        "Rina Wulandari · +62 274 515865",
                        "Dinas Pendidikan", "Kabupaten Gunungkidul", "href=\"wilayah/34.71.html\"")
                .doesNotContain("href=\"wilayah/34.03.html\""); // Gunungkidul sent nothing: no page to link
        assertThat(home.reports().resolve("latest/index.html")).content().contains("tagihan.html");
    }

    @Test
    @DisplayName("issue 11: the e-SPM draft holds, per service, what the report shows: 1,000 to serve, 700 served, 300 left, 70.00%")
    void theEspmDraftHoldsTheReportsNumbers() throws Exception {
        PantauHome home = home();
        home.write("kudus-tw3.csv", "kode_wilayah,periode,kode_data,nilai\n"
                + "33.19,2026-TW3,KES-K01.SASARAN,1000\n33.19,2026-TW3,KES-K01.TERLAYANI,700\n"
                + "33.19,2026-TW3,KES-K01.BUKU_KIA_BUTUH,700\n33.19,2026-TW3,KES-K01.BUKU_KIA_TERSEDIA,560\n"
                + "33.19,2026-TW3,KES-K01.ANGGARAN_RENCANA,50000000\n33.19,2026-TW3,KES-K01.ANGGARAN_REALISASI,20000000\n"
                + "33.19,2026-TW3,KES-K01.PERMASALAHAN,\"Tiga desa tanpa bidan, kunjungan K6 rendah\"\n"
                + "33.19,2026-TW3,KES-K01.SOLUSI,Penempatan bidan desa pada 2027\n");

        home.run();

        Path draft = home.reports().resolve("latest/espm/33.19-2026-TW3.xlsx");
        assertThat(home.reports().resolve("latest/espm/index.html")).content().contains("33.19-2026-TW3.xlsx", "Kabupaten Kudus");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(draft.toFile())) {
            assertThat(wb.getSheetName(0)).isEqualTo("Ringkasan");
            org.apache.poi.ss.usermodel.Sheet kes = wb.getSheet("Kesehatan");
            org.apache.poi.ss.usermodel.Row k01 = rowStartingWith(kes, 1, "KES-K01 ", 0);
            // A: 1,000 to serve, 700 served, 300 not yet, 700/1,000 = 70.00%
            assertThat(numbers(k01, 2, 5)).containsExactly(1000.0, 700.0, 300.0, 70.00);
            // the other eleven services are listed, not reported, without a number (never a zero)
            org.apache.poi.ss.usermodel.Row k12 = rowStartingWith(kes, 1, "KES-K12 ", 0);
            assertThat(k12.getCell(2).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.BLANK);
            assertThat(k12.getCell(7).getStringCellValue()).startsWith("Belum dilaporkan");
            // B: Buku KIA 560 of 700 = 80.00%, 140 missing
            org.apache.poi.ss.usermodel.Row kia = rowStartingWith(kes, 2, "Buku KIA", 0);
            assertThat(numbers(kia, 3, 6)).containsExactly(700.0, 560.0, 140.0, 80.00);
            // C: Rp 50,000,000 planned, 20,000,000 spent, 30,000,000 left, 40.00%
            // (block B names the service by its code alone, so the next "KES-K01 " line is block C's)
            org.apache.poi.ss.usermodel.Row budget = rowStartingWith(kes, 1, "KES-K01 ", k01.getRowNum() + 1);
            assertThat(numbers(budget, 2, 5)).containsExactly(5.0E7, 2.0E7, 3.0E7, 40.00);
            // D: the office's problem and solution for KES-K01, in its own words
            org.apache.poi.ss.usermodel.Row problem = rowStartingWith(kes, 1, "KES-K01 ", budget.getRowNum() + 1);
            assertThat(problem.getCell(2).getStringCellValue()).isEqualTo("Tiga desa tanpa bidan, kunjungan K6 rendah");
            assertThat(problem.getCell(5).getStringCellValue()).isEqualTo("Penempatan bidan desa pada 2027");
            // the IP-SPM is the stored one the other reports show
            org.apache.poi.ss.usermodel.Row ip = rowStartingWith(wb.getSheet("Ringkasan"), 0, "IP-SPM", 0);
            assertThat(BigDecimal.valueOf(ip.getCell(1).getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP))
                    .isEqualByComparingTo(home.decimal("select region_index from region_result where region_code = '33.19' "
                            + "and period_code = '2026-TW3' and scope = 'OWN'"));
        }
    }

    private static org.apache.poi.ss.usermodel.Row rowStartingWith(org.apache.poi.ss.usermodel.Sheet sheet, int column,
                                                                   String prefix, int from) {
        for (int r = from; r <= sheet.getLastRowNum(); r++) {
            org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
            if (row != null && row.getCell(column) != null && row.getCell(column).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && row.getCell(column).getStringCellValue().startsWith(prefix)) {
                return row;
            }
        }
        throw new AssertionError("no row starting with " + prefix + " in " + sheet.getSheetName() + " from row " + from);
    }

    private static List<Double> numbers(org.apache.poi.ss.usermodel.Row row, int from, int to) {
        List<Double> out = new java.util.ArrayList<>();
        for (int c = from; c <= to; c++) {
            out.add(row.getCell(c).getNumericCellValue());
        }
        return out;
    }
}
