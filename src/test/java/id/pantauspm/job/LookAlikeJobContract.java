package id.pantauspm.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import id.pantauspm.ingest.MeasuredValue;
import id.pantauspm.store.ValueRepository;
import id.pantauspm.support.LookAlikes;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;

/**
 * The five look-alike files (support/LookAlikes) dropped into the inbox together and run through the
 * real nightly job: every value stored with its exact amount, every summed value with the rows it was
 * added up from, the verdicts computed from them, the receipts saying how each column was read, and
 * every file archived byte for byte.
 */
abstract class LookAlikeJobContract {

    @TempDir
    Path temp;

    abstract TestDatabase database(Path folder);

    @Test
    @DisplayName("the five shapes through the real job: exact values, lineage to their rows, verdicts and receipts")
    void fiveShapesThroughTheJob() throws Exception {
        PantauHome home = new PantauHome(temp.resolve("home"), database(temp));
        Files.createDirectories(home.inbox());
        LookAlikes.write(home.inbox(), temp.resolve("work"));
        Map<String, String> sent = PantauHome.fingerprints(home.inbox());
        assertThat(sent).hasSize(5);

        RunSummary summary = home.run();

        assertThat(summary.failed()).as("%s", summary.failure()).isFalse();
        assertThat(summary.filesAccepted()).isEqualTo(5);
        assertThat(summary.filesRefused()).isZero();
        assertThat(summary.rowsRejected()).isZero();
        assertThat(summary.exitCode()).isEqualTo(RunSummary.OK);
        Map<String, String> filed = PantauHome.fingerprints(home.archive());
        assertThat(filed.values()).containsExactlyInAnyOrderElementsOf(sent.values());

        // Shape 1: the kota's totals of its kecamatan and sexes, and the rows they came from.
        assertThat(value(home, LookAlikes.JAKARTA, "31.71", "2024", "KES-K08.SASARAN")).isEqualByComparingTo("13050");
        assertThat(value(home, LookAlikes.JAKARTA, "31.71", "2024", "KES-K08.TERLAYANI")).isEqualByComparingTo("12644");
        assertThat(value(home, LookAlikes.JAKARTA, "31.01", "2024", "KES-K08.SASARAN")).isEqualByComparingTo("1627");
        assertThat(value(home, LookAlikes.JAKARTA, "31.01", "2024", "KES-K08.TERLAYANI")).isEqualByComparingTo("1594");
        // Shape 2: a 0 of this portal is missing, never zero.
        assertThat(value(home, LookAlikes.JABAR, "32.01", "2019", "KES-K09.SASARAN")).isEqualByComparingTo("48211");
        assertThat(home.count("select count(*) from measured_value where region_code = '32.02' and period_code = '2019' "
                + "and amount is null")).isEqualTo(1);
        assertThat(value(home, LookAlikes.JABAR, "32.71", "2020", "KES-K09.SASARAN")).isEqualByComparingTo("13390");
        // Shape 3: puskesmas and months summed; the totals row not counted again.
        assertThat(value(home, LookAlikes.PUSKESMAS, "33.02", "2025", "KES-K01.SASARAN")).isEqualByComparingTo("1452");
        assertThat(value(home, LookAlikes.PUSKESMAS, "33.02", "2025", "KES-K01.TERLAYANI")).isEqualByComparingTo("1410");
        assertThat(value(home, LookAlikes.PUSKESMAS, "33.02", "2025", "KES-K04.TERLAYANI")).isEqualByComparingTo("4128");
        // Shape 4: a row per measure, a column per year.
        assertThat(value(home, "e-database kesehatan 2019-2022.xls", "75.71", "2020", "KES-K08.SASARAN")).isEqualByComparingTo("6801");
        // Shape 5: percentages only, as the reported achievement; no counts made up.
        assertThat(value(home, LookAlikes.JATIM, "35.01", "2020", "KES-K09.CAPAIAN_DILAPORKAN")).isEqualByComparingTo("155.2");
        assertThat(home.count("select count(*) from measured_value where region_code = '35.01' and measure_code like '%.SASARAN'")).isZero();

        try (ConfigurableApplicationContext context = home.start()) {
            ValueRepository values = context.getBean(ValueRepository.class);
            long jakarta = submission(home, LookAlikes.JAKARTA);
            List<MeasuredValue.Part> parts = values.parts(jakarta, "31.71", "2024", "KES-K08.SASARAN");
            assertThat(parts).extracting(p -> p.row(), p -> p.column(), p -> p.subregion(), p -> p.amount().stripTrailingZeros())
                    .containsExactly(tuple(2, "E", "GAMBIR / Laki-laki", new BigDecimal("1.2E+3")),
                            tuple(3, "E", "GAMBIR / Perempuan", new BigDecimal("1.35E+3")),
                            tuple(4, "E", "SAWAH BESAR / Laki-laki", new BigDecimal("2.1E+3")),
                            tuple(5, "E", "SAWAH BESAR / Perempuan", new BigDecimal("2.23E+3")),
                            tuple(6, "E", "KEMAYORAN / Laki-laki", new BigDecimal("3.05E+3")),
                            tuple(7, "E", "KEMAYORAN / Perempuan", new BigDecimal("3.12E+3")));
            assertThat(parts.stream().map(MeasuredValue.Part::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo("13050");
            long puskesmas = submission(home, LookAlikes.PUSKESMAS);
            assertThat(values.parts(puskesmas, "33.02", "2025", "KES-K01.TERLAYANI")).hasSize(24)
                    .extracting(MeasuredValue.Part::row).containsOnly(6, 8);
        }
        // Values that are not summed keep their own row as their lineage.
        assertThat(home.count("select count(*) from measured_value_part p join submission s on s.id = p.submission_id "
                + "where s.file_name = ?", LookAlikes.JABAR.substring(LookAlikes.JABAR.lastIndexOf('/') + 1))).isZero();

        // The verdicts use the summed counts: 12644 of 13050 = 96.89 % (Tuntas Utama); 1410 of 1452 = 97.11 %.
        assertThat(home.row("select served, target_population, service_index, category from service_result "
                + "where region_code = '31.71' and period_code = '2024' and service_code = 'KES-K08' and scope = 'OWN'"))
                .containsEntry("service_index", new BigDecimal("96.89")).containsEntry("category", "TUNTAS_UTAMA");
        assertThat(home.row("select service_index from service_result where region_code = '33.02' and period_code = '2025' "
                + "and service_code = 'KES-K01' and scope = 'OWN'")).containsEntry("service_index", new BigDecimal("97.11"));

        // The receipts say how each column was read.
        String receipt = Files.readString(home.outbox().resolve(submission(home, LookAlikes.JAKARTA) + "_" + LookAlikes.JAKARTA
                + ".tanda-terima.txt"));
        assertThat(receipt).contains("Kolom \"jumlah_estimasi_penderita\" dibaca sebagai KES-K08.SASARAN",
                "jenis layanan dari kata \"hipertensi\" pada nama berkas", "SATU_DATA_JAKARTA_SPM", "dibaca sebagai 31.71");
    }

    @Test
    @DisplayName("the field cases through the real job: every value their README states, stored; the digits-lost row rejected")
    void fieldCasesThroughTheJob() throws Exception {
        PantauHome home = new PantauHome(temp.resolve("home"), database(temp));
        Path cases = PantauHome.PROJECT.resolve("src/test/resources/field-cases");
        // Each case is one office's file of its own night: together they would contradict each other
        // (A and N both report KES-K01.ANGGARAN_REALISASI for 2026-TW3), which the night's reconciliation names.
        int accepted = 0;
        int rejected = 0;
        for (String name : List.of("A-excel-17digit-doubles.xlsx", "C1-iso-date-cell-in-extra-column.xlsx",
                "C2-iso-date-cell-as-month-period.xlsx", "M-scientific-notation.csv", "N-rupiah-currency-text.csv",
                "Q-merged-region-period.xlsx")) {
            home.drop(cases.resolve(name), name);
            RunSummary summary = home.run();
            assertThat(summary.failed()).as("%s: %s", name, summary.failure()).isFalse();
            accepted += summary.filesAccepted();
            rejected += summary.rowsRejected();
        }

        assertThat(accepted).isEqualTo(6);
        assertThat(rejected).as("only 1,23457E+11, whose digits Excel lost").isEqualTo(1);
        assertThat(stored(home, "A-excel-17digit-doubles.xlsx")).containsExactly(
                "33.74 2026-TW3 KES-K01.SASARAN 31995", "33.74 2026-TW3 KES-K01.TAHAP1_PENGUMPULAN_DATA 57",
                "33.74 2026-TW3 KES-K01.ANGGARAN_REALISASI 1234567.89", "33.74 2026-TW3 KES-K01.TERLAYANI 30189",
                "33.10 2026-TW3 KES-K01.SASARAN 28000");
        assertThat(stored(home, "C1-iso-date-cell-in-extra-column.xlsx")).containsExactly(
                "33.74 2026-TW3 KES-K01.SASARAN 31995", "33.74 2026-TW3 KES-K01.TERLAYANI 30189");
        assertThat(stored(home, "C2-iso-date-cell-as-month-period.xlsx")).containsExactly(
                "33.74 2026-07 KES-K01.SASARAN 31995", "33.74 2026-07 KES-K01.TERLAYANI 2410");
        assertThat(stored(home, "M-scientific-notation.csv")).containsExactly("33.74 2026 KES-K01.ANGGARAN_RENCANA 125000000000");
        assertThat(stored(home, "N-rupiah-currency-text.csv")).containsExactly(
                "33.74 2026-TW3 KES-K01.ANGGARAN_RENCANA 1250000000", "33.74 2026-TW3 KES-K01.ANGGARAN_REALISASI 1234567",
                "33.74 2026-TW3 KES-K02.ANGGARAN_RENCANA 750000000", "33.74 2026-TW3 KES-K02.ANGGARAN_REALISASI 1500000",
                "33.74 2026-TW3 KES-K03.ANGGARAN_REALISASI 2000000");
        assertThat(stored(home, "Q-merged-region-period.xlsx")).containsExactly(
                "33.74 2026-TW3 KES-K01.SASARAN 31995", "33.74 2026-TW3 KES-K01.TERLAYANI 30189", "33.74 2026-TW3 KES-K02.SASARAN 30423");
    }

    private static List<String> stored(PantauHome home, String file) {
        return home.query(db -> db.query("select v.region_code, v.period_code, v.measure_code, v.amount from measured_value v "
                + "join submission s on s.id = v.submission_id where s.file_name = ? order by v.id", (rs, n) ->
                rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getBigDecimal(4).stripTrailingZeros().toPlainString(),
                file));
    }

    private static BigDecimal value(PantauHome home, String file, String region, String period, String measure) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return home.decimal("select v.amount from measured_value v join submission s on s.id = v.submission_id "
                + "where s.file_name = ? and v.region_code = ? and v.period_code = ? and v.measure_code = ?", name, region, period, measure);
    }

    private static long submission(PantauHome home, String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return home.count("select id from submission where file_name = ?", name);
    }
}
