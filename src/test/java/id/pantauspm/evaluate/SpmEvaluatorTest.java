package id.pantauspm.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.catalogue.Level;
import id.pantauspm.evaluate.ServiceResult.Status;
import id.pantauspm.evaluate.ServiceResult.Warning;
import id.pantauspm.period.Period;

/**
 * The maths of spm-domain.md section 4 on the shipped catalogue, worked by hand.
 * Region 33.02 (Kabupaten Banyumas), period 2025, rule set 2026.3 (weights 80/20, mean, default bands, every
 * service type of the level counting in the official field index, one without data as 0; health mutu items of
 * Permenkes 6/2024, education quality from the Rapor Pendidikan percentages). Periods up to 2023 fall under 2026.2
 * (Permenkes 4/2019 items, education quality from its mutu items).
 */
@DisplayName("SpmEvaluator: indices and categories, worked by hand")
class SpmEvaluatorTest {

    private static final Period YEAR_2025 = Period.year(2025);

    private static Catalogue catalogue;
    private static SpmEvaluator evaluator;

    private Map<String, BigDecimal> values;

    @BeforeAll
    static void load() {
        catalogue = new CatalogueLoader().load(Path.of("indicators"));
        evaluator = new SpmEvaluator(catalogue);
    }

    @BeforeEach
    void noValues() {
        values = new HashMap<>();
    }

    private void put(String measure, long value) {
        assertThat(catalogue.measure(measure)).as("measure %s in the catalogue", measure).isPresent();
        values.put(measure, BigDecimal.valueOf(value));
    }

    private RegionEvaluation kabupaten() {
        return evaluator.evaluate("33.02", Level.KABKOTA, YEAR_2025, values);
    }

    private static ServiceResult service(RegionEvaluation e, String code) {
        return e.services().stream().filter(s -> s.serviceCode().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + code));
    }

    private static FieldResult field(RegionEvaluation e, String code) {
        return e.fields().stream().filter(f -> f.fieldCode().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for field " + code));
    }

    @Test
    @DisplayName("KES-K01 900 of 1000, no mutu: 90.00, index = recipients alone, Tuntas Utama")
    void recipientsOnly() {
        put("KES-K01.SASARAN", 1000);
        put("KES-K01.TERLAYANI", 900);

        RegionEvaluation e = kabupaten();
        ServiceResult k01 = service(e, "KES-K01");

        // 900 / 1000 x 100 = 90.00 -> Tuntas Utama (90.00 - 99.99)
        assertThat(k01.status()).isEqualTo(Status.COMPUTED);
        assertThat(k01.targetPopulation()).isEqualByComparingTo("1000");
        assertThat(k01.served()).isEqualByComparingTo("900");
        assertThat(k01.recipientAchievementUncapped()).isEqualTo(new BigDecimal("90.00"));
        assertThat(k01.recipientAchievement()).isEqualTo(new BigDecimal("90.00"));
        assertThat(k01.qualityAchievement()).isNull();
        assertThat(k01.mutuItemsReported()).isZero();
        assertThat(k01.index()).isEqualTo(new BigDecimal("90.00"));
        assertThat(k01.categoryCode()).isEqualTo("TUNTAS_UTAMA");
        assertThat(k01.warnings()).containsExactly(Warning.INDEX_WITHOUT_QUALITY);
        assertThat(k01.stillToServe()).isEqualByComparingTo("100");
        assertThat(e.ruleVersion()).isEqualTo("2026.3");
        assertThat(e.regionCode()).isEqualTo("33.02");
        assertThat(e.period()).isEqualTo(YEAR_2025);
    }

    @Test
    @DisplayName("two mutu items, 50/100 and 120/100 (capped): quality 75.00, index 0.8 x 90 + 0.2 x 75 = 87.00 Madya")
    void recipientsAndQuality() {
        put("KES-K01.SASARAN", 1000);
        put("KES-K01.TERLAYANI", 900);
        put("KES-K01.BUKU_KIA_BUTUH", 100);
        put("KES-K01.BUKU_KIA_TERSEDIA", 50);             // 50 / 100 x 100 = 50
        put("KES-K01.TABLET_TAMBAH_DARAH_BUTUH", 100);
        put("KES-K01.TABLET_TAMBAH_DARAH_TERSEDIA", 120); // 120 / 100 x 100 = 120, capped at 100

        ServiceResult k01 = service(kabupaten(), "KES-K01");

        // quality = (50 + 100) / 2 = 75.00; index = 0.8 x 90 + 0.2 x 75 = 72 + 15 = 87.00 -> Tuntas Madya
        assertThat(k01.qualityAchievement()).isEqualTo(new BigDecimal("75.00"));
        assertThat(k01.mutuItemsReported()).isEqualTo(2);
        assertThat(k01.index()).isEqualTo(new BigDecimal("87.00"));
        assertThat(k01.categoryCode()).isEqualTo("TUNTAS_MADYA");
        assertThat(k01.warnings()).isEmpty();
    }

    @Test
    @DisplayName("a mutu item with only one of its pair reported is left out of the quality mean")
    void halfReportedMutuItemIsIgnored() {
        put("KES-K01.SASARAN", 1000);
        put("KES-K01.TERLAYANI", 900);
        put("KES-K01.BUKU_KIA_BUTUH", 100);
        put("KES-K01.BUKU_KIA_TERSEDIA", 50);
        put("KES-K01.VAKSIN_TD_BUTUH", 100);   // available not reported: not a zero

        ServiceResult k01 = service(kabupaten(), "KES-K01");

        // quality = 50 / 100 x 100 = 50.00 over one item; index = 0.8 x 90 + 0.2 x 50 = 72 + 10 = 82.00 -> Madya
        assertThat(k01.mutuItemsReported()).isEqualTo(1);
        assertThat(k01.qualityAchievement()).isEqualTo(new BigDecimal("50.00"));
        assertThat(k01.index()).isEqualTo(new BigDecimal("82.00"));
        assertThat(k01.categoryCode()).isEqualTo("TUNTAS_MADYA");
    }

    @Test
    @DisplayName("a mutu item nobody needs (0 needed) counts as met")
    void nothingNeededIsMet() {
        put("KES-K01.SASARAN", 1000);
        put("KES-K01.TERLAYANI", 900);
        put("KES-K01.TENAGA_DOKTER_BUTUH", 0);
        put("KES-K01.TENAGA_DOKTER_TERSEDIA", 0);

        ServiceResult k01 = service(kabupaten(), "KES-K01");

        // quality = 100.00; index = 0.8 x 90 + 0.2 x 100 = 72 + 20 = 92.00 -> Utama
        assertThat(k01.qualityAchievement()).isEqualTo(new BigDecimal("100.00"));
        assertThat(k01.index()).isEqualTo(new BigDecimal("92.00"));
    }

    @Test
    @DisplayName("education uses its sourced 80/20 weights: PEND-K01 150/200 in 2023 with its mutu met -> 80.00 Madya")
    void educationWeights() {
        put("PEND-K01.SASARAN", 200);
        put("PEND-K01.TERLAYANI", 150);
        put("PEND-K01.JUKNIS_BUTUH", 1);
        put("PEND-K01.JUKNIS_TERSEDIA", 1);

        // 2023 is judged by rule 2026.2, whose education quality is the mean of the mutu items
        ServiceResult k01 = service(evaluator.evaluate("33.02", Level.KABKOTA, Period.year(2023), values), "PEND-K01");

        // recipients 150 / 200 x 100 = 75; quality 1 / 1 x 100 = 100; index 0.8 x 75 + 0.2 x 100 = 60 + 20 = 80.00
        assertThat(k01.recipientAchievement()).isEqualTo(new BigDecimal("75.00"));
        assertThat(k01.index()).isEqualTo(new BigDecimal("80.00"));
        assertThat(k01.categoryCode()).isEqualTo("TUNTAS_MADYA");
    }

    @Test
    @DisplayName("1100 served of 1000: shown 110.00 uncapped with a warning, 100.00 in the index")
    void servedAboveTarget() {
        put("KES-K01.SASARAN", 1000);
        put("KES-K01.TERLAYANI", 1100);

        ServiceResult k01 = service(kabupaten(), "KES-K01");

        // 1100 / 1000 x 100 = 110.00 uncapped; capped at 100.00 -> Tuntas Paripurna
        assertThat(k01.recipientAchievementUncapped()).isEqualTo(new BigDecimal("110.00"));
        assertThat(k01.recipientAchievement()).isEqualTo(new BigDecimal("100.00"));
        assertThat(k01.index()).isEqualTo(new BigDecimal("100.00"));
        assertThat(k01.categoryCode()).isEqualTo("TUNTAS_PARIPURNA");
        assertThat(k01.warnings()).contains(Warning.SERVED_ABOVE_TARGET);
        assertThat(k01.stillToServe()).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("the capped recipient share is what enters the index with quality: 1100/1000 and quality 50 -> 90.00")
    void cappedRecipientsEnterTheWeightedIndex() {
        put("KES-K01.SASARAN", 1000);
        put("KES-K01.TERLAYANI", 1100);
        put("KES-K01.BUKU_KIA_BUTUH", 100);
        put("KES-K01.BUKU_KIA_TERSEDIA", 50);

        // 0.8 x 100 (not 110) + 0.2 x 50 = 80 + 10 = 90.00 -> Utama
        ServiceResult k01 = service(kabupaten(), "KES-K01");
        assertThat(k01.index()).isEqualTo(new BigDecimal("90.00"));
        assertThat(k01.categoryCode()).isEqualTo("TUNTAS_UTAMA");
    }

    @Test
    @DisplayName("results are rounded to two decimals: 2 of 3 served -> 66.67 Muda")
    void roundingToTwoDecimals() {
        put("KES-K02.SASARAN", 3);
        put("KES-K02.TERLAYANI", 2);

        ServiceResult k02 = service(kabupaten(), "KES-K02");

        // 2 / 3 x 100 = 66.666... -> 66.67 -> Tuntas Muda
        assertThat(k02.recipientAchievement()).isEqualTo(new BigDecimal("66.67"));
        assertThat(k02.index()).isEqualTo(new BigDecimal("66.67"));
        assertThat(k02.categoryCode()).isEqualTo("TUNTAS_MUDA");
    }

    @Test
    @DisplayName("SASARAN 0 and TERLAYANI 0: nothing to serve, no index, left out of the field mean; the rest count")
    void nothingToServe() {
        put("KES-K01.SASARAN", 1000);
        put("KES-K01.TERLAYANI", 700);
        put("KES-K02.SASARAN", 0);
        put("KES-K02.TERLAYANI", 0);

        RegionEvaluation e = kabupaten();
        ServiceResult k02 = service(e, "KES-K02");

        assertThat(k02.status()).isEqualTo(Status.NOTHING_TO_SERVE);
        assertThat(k02.index()).isNull();
        assertThat(k02.categoryCode()).isNull();
        assertThat(k02.recipientAchievement()).isNull();
        // 12 health services, K02 has nobody to serve: 11 due. K01 70, the 10 unreported count 0:
        // field = 70 / 11 = 6.3636.. -> 6.36 Belum Tuntas; over reported services only (provisional) 70.00
        FieldResult kes = field(e, "KES");
        assertThat(kes.index()).isEqualTo(new BigDecimal("6.36"));
        assertThat(kes.categoryCode()).isEqualTo("BELUM_TUNTAS");
        assertThat(kes.provisionalIndex()).isEqualTo(new BigDecimal("70.00"));
        assertThat(kes.servicesComputed()).isEqualTo(1);
        assertThat(kes.servicesDue()).isEqualTo(11);
        assertThat(kes.servicesTotal()).isEqualTo(12);
    }

    @Test
    @DisplayName("TERLAYANI missing: not computable, never a 0 of its own, but 0 in the official field mean")
    void missingServedIsNotZero() {
        put("KES-K01.SASARAN", 1000);
        put("KES-K01.TERLAYANI", 900);
        put("KES-K02.SASARAN", 1000);   // KES-K02.TERLAYANI not reported

        RegionEvaluation e = kabupaten();
        ServiceResult k02 = service(e, "KES-K02");

        assertThat(k02.status()).isEqualTo(Status.NOT_COMPUTABLE);
        assertThat(k02.served()).isNull();
        assertThat(k02.recipientAchievement()).isNull();
        assertThat(k02.index()).isNull();
        assertThat(k02.categoryCode()).isNull();
        assertThat(k02.stillToServe()).isNull();
        // official field = (90 + 11 x 0) / 12 = 7.50; provisional over K01 alone = 90.00
        assertThat(field(e, "KES").index()).isEqualTo(new BigDecimal("7.50"));
        assertThat(field(e, "KES").provisionalIndex()).isEqualTo(new BigDecimal("90.00"));
        assertThat(field(e, "KES").servicesComputed()).isEqualTo(1);
        assertThat(service(e, "KES-K03").status()).isEqualTo(Status.NOT_REPORTED);
    }

    @Test
    @DisplayName("SASARAN missing, or 0 with people served: not computable")
    void missingOrZeroTargetWithServed() {
        put("KES-K01.TERLAYANI", 900);
        put("KES-K02.SASARAN", 0);
        put("KES-K02.TERLAYANI", 5);

        RegionEvaluation e = kabupaten();

        assertThat(service(e, "KES-K01").status()).isEqualTo(Status.NOT_COMPUTABLE);
        assertThat(service(e, "KES-K02").status()).isEqualTo(Status.NOT_COMPUTABLE);
        assertThat(service(e, "KES-K02").index()).isNull();
        // every health service counts 0: field 0.00 Belum Tuntas; nothing to average provisionally
        assertThat(field(e, "KES").index()).isEqualTo(new BigDecimal("0.00"));
        assertThat(field(e, "KES").categoryCode()).isEqualTo("BELUM_TUNTAS");
        assertThat(field(e, "KES").provisionalIndex()).isNull();
    }

    @Test
    @DisplayName("field index counts all 12 health services: 90 and 70 reported -> 13.33 Belum Tuntas, provisional 80.00")
    void fieldIndexIsTheMeanOfServiceIndices() {
        put("KES-K01.SASARAN", 1000);
        put("KES-K01.TERLAYANI", 900);   // 90.00
        put("KES-K02.SASARAN", 1000);
        put("KES-K02.TERLAYANI", 700);   // 70.00

        FieldResult kes = field(kabupaten(), "KES");

        // (90 + 70 + 10 x 0) / 12 = 13.333.. -> 13.33 Belum Tuntas; over the two reported: (90 + 70) / 2 = 80.00
        assertThat(kes.index()).isEqualTo(new BigDecimal("13.33"));
        assertThat(kes.categoryCode()).isEqualTo("BELUM_TUNTAS");
        assertThat(kes.provisionalIndex()).isEqualTo(new BigDecimal("80.00"));
        assertThat(kes.servicesComputed()).isEqualTo(2);
        assertThat(kes.servicesDue()).isEqualTo(12);
        assertThat(kes.servicesTotal()).isEqualTo(12);
    }

    @Test
    @DisplayName("IP-SPM = mean of all six field indices: KES 13.33, PEND 20, four fields unreported -> 5.56")
    void regionIndexIsTheMeanOfFieldIndices() {
        put("KES-K01.SASARAN", 1000);
        put("KES-K01.TERLAYANI", 900);   // 90
        put("KES-K02.SASARAN", 1000);
        put("KES-K02.TERLAYANI", 700);   // 70 -> KES = 80
        put("PEND-K02.SASARAN", 1000);
        put("PEND-K02.TERLAYANI", 600);  // 60 -> PEND = 60

        RegionEvaluation e = kabupaten();

        // PEND: 60 / 3 services = 20.00; KES: 160 / 12 = 13.333..; PU, PERKIM, TRANTIB, SOS: 0
        assertThat(field(e, "PEND").index()).isEqualTo(new BigDecimal("20.00"));
        assertThat(field(e, "PEND").servicesTotal()).isEqualTo(3);
        assertThat(field(e, "PU").index()).isEqualTo(new BigDecimal("0.00"));
        assertThat(field(e, "PU").servicesComputed()).isZero();
        // (13.333.. + 20 + 0 + 0 + 0 + 0) / 6 = 5.5555.. -> 5.56 Belum Tuntas; provisional (80 + 60) / 2 = 70.00
        assertThat(e.index()).isEqualTo(new BigDecimal("5.56"));
        assertThat(e.categoryCode()).isEqualTo("BELUM_TUNTAS");
        assertThat(e.provisionalIndex()).isEqualTo(new BigDecimal("70.00"));
        assertThat(e.servicesComputed()).isEqualTo(3);
        assertThat(e.servicesDue()).isEqualTo(29);
    }

    @Test
    @DisplayName("a kabupaten is evaluated on the 29 kabupaten/kota services of all six fields")
    void kabupatenGetsKabkotaServices() {
        RegionEvaluation e = kabupaten();

        assertThat(e.services()).hasSize(29);
        assertThat(e.services()).allSatisfy(s -> assertThat(s.serviceCode()).matches("[A-Z]+-K\\d{2}"));
        assertThat(e.fields()).extracting(FieldResult::fieldCode).containsExactlyInAnyOrder("PEND", "KES", "PU", "PERKIM", "TRANTIB", "SOS");
        assertThat(e.fields()).extracting(FieldResult::servicesTotal).containsOnly(3, 12, 2, 2, 5, 5);
    }

    @Test
    @DisplayName("nothing reported: every service 'not reported', counted 0; no service index of its own, no provisional")
    void nothingReported() {
        RegionEvaluation e = kabupaten();

        assertThat(e.services()).allSatisfy(s -> assertThat(s.status()).isEqualTo(Status.NOT_REPORTED));
        assertThat(e.services()).allSatisfy(s -> assertThat(s.index()).isNull());
        assertThat(e.fields()).allSatisfy(f -> assertThat(f.index()).isEqualTo(new BigDecimal("0.00")));
        assertThat(e.index()).isEqualTo(new BigDecimal("0.00"));
        assertThat(e.categoryCode()).isEqualTo("BELUM_TUNTAS");
        assertThat(e.provisionalIndex()).isNull();
    }

    @Test
    @DisplayName("a province is evaluated on its 14 provinsi services only; kabupaten/kota values do not leak in")
    void provinceGetsProvinsiServicesOnly() {
        put("KES-K01.SASARAN", 1000);
        put("KES-K01.TERLAYANI", 900);
        put("KES-P01.SASARAN", 400);
        put("KES-P01.TERLAYANI", 300);

        RegionEvaluation e = evaluator.evaluate("33", Level.PROVINSI, YEAR_2025, values);

        assertThat(e.services()).hasSize(14);
        assertThat(e.services()).allSatisfy(s -> assertThat(s.serviceCode()).matches("[A-Z]+-P\\d{2}"));
        assertThat(e.services()).extracting(ServiceResult::serviceCode).doesNotContain("KES-K01");
        // 300 / 400 x 100 = 75.00; field KES = (75 + 0) / 2 = 37.50; region = 37.5 / 6 fields = 6.25 Belum Tuntas
        assertThat(service(e, "KES-P01").index()).isEqualTo(new BigDecimal("75.00"));
        assertThat(field(e, "KES").servicesTotal()).isEqualTo(2);
        assertThat(field(e, "KES").index()).isEqualTo(new BigDecimal("37.50"));
        assertThat(e.index()).isEqualTo(new BigDecimal("6.25"));
        assertThat(e.categoryCode()).isEqualTo("BELUM_TUNTAS");
        assertThat(e.provisionalIndex()).isEqualTo(new BigDecimal("75.00"));
        assertThat(e.fields()).extracting(FieldResult::fieldCode).containsExactlyInAnyOrder("PEND", "KES", "PU", "PERKIM", "TRANTIB", "SOS");
    }

    @Test
    @DisplayName("issue 8: 1 of 12 health services at 70% no longer ranks above all 12 at 60%")
    void partialReportDoesNotOutrankACompleteOne() {
        put("KES-K01.SASARAN", 1000);
        put("KES-K01.TERLAYANI", 700);
        RegionEvaluation partial = kabupaten();
        noValues();
        for (int k = 1; k <= 12; k++) {
            put(String.format("KES-K%02d.SASARAN", k), 1000);
            put(String.format("KES-K%02d.TERLAYANI", k), 600);
        }
        RegionEvaluation complete = kabupaten();

        // partial: 70 / 12 = 5.83 Belum Tuntas (the old rule said 70.00 Pratama); complete: 60.00 Muda
        assertThat(field(partial, "KES").index()).isEqualTo(new BigDecimal("5.83"));
        assertThat(field(partial, "KES").categoryCode()).isEqualTo("BELUM_TUNTAS");
        assertThat(field(complete, "KES").index()).isEqualTo(new BigDecimal("60.00"));
        assertThat(field(complete, "KES").categoryCode()).isEqualTo("TUNTAS_MUDA");
        assertThat(partial.index()).isLessThan(complete.index());
    }

    @Test
    @DisplayName("a roll-up over 4 of 35 kabupaten/kota carries its sums but no category (minimum coverage 50%)")
    void rollupBelowCoverageHasNoCategory() {
        put("KES-K01.SASARAN", 4000);
        put("KES-K01.TERLAYANI", 3800);

        RegionEvaluation few = evaluator.evaluate("33", Level.KABKOTA, YEAR_2025, values, RegionEvaluation.Scope.ROLLUP,
                RegionEvaluation.Basis.reported(YEAR_2025), new SpmEvaluator.RollupCounts(35, 4, Map.of("KES-K01", 4)));
        RegionEvaluation most = evaluator.evaluate("33", Level.KABKOTA, YEAR_2025, values, RegionEvaluation.Scope.ROLLUP,
                RegionEvaluation.Basis.reported(YEAR_2025), new SpmEvaluator.RollupCounts(35, 20, Map.of("KES-K01", 20)));

        // 3800 / 4000 = 95.00; 4 of 35 = 11.43% < 50: shown, not categorised; 20 of 35 = 57.14%: Tuntas Utama
        assertThat(service(few, "KES-K01").index()).isEqualTo(new BigDecimal("95.00"));
        assertThat(service(few, "KES-K01").categoryCode()).isNull();
        assertThat(service(few, "KES-K01").warnings()).contains(Warning.COVERAGE_BELOW_MINIMUM);
        assertThat(service(few, "KES-K01").regionsIncluded()).isEqualTo(4);
        assertThat(service(few, "KES-K01").regionsTotal()).isEqualTo(35);
        assertThat(service(most, "KES-K01").categoryCode()).isEqualTo("TUNTAS_UTAMA");
        // the field's coverage: 4 reported of 12 services x 35 regions = 4 / 420 = 0.95%
        assertThat(field(few, "KES").coverage()).isEqualTo(new BigDecimal("0.95"));
        assertThat(field(few, "KES").categoryCode()).isNull();
        assertThat(few.categoryCode()).isNull();
        assertThat(few.regionsReporting()).isEqualTo(4);
        assertThat(few.regionsTotal()).isEqualTo(35);
    }

    @Test
    @DisplayName("budget per service and the total over services reporting both amounts; mutu gaps per item")
    void budgetAndMutuGapsAreEvaluatedHere() {
        put("KES-K01.ANGGARAN_RENCANA", 1_000_000_000L);
        put("KES-K01.ANGGARAN_REALISASI", 750_000_000L);   // 75.00%
        put("KES-K02.ANGGARAN_RENCANA", 500_000_000L);
        put("KES-K02.ANGGARAN_REALISASI", 125_000_000L);   // 25.00%
        put("KES-K03.ANGGARAN_RENCANA", 300_000_000L);     // spent not reported: not in the total
        put("KES-K01.BUKU_KIA_BUTUH", 120);
        put("KES-K01.BUKU_KIA_TERSEDIA", 90);

        RegionEvaluation e = kabupaten();

        assertThat(service(e, "KES-K01").budget().pct()).isEqualByComparingTo("75.00");
        assertThat(service(e, "KES-K03").budget().spent()).isNull();
        // total: 1.5 billion planned, 875 million spent = 58.33%
        assertThat(e.budget().planned()).isEqualByComparingTo("1500000000");
        assertThat(e.budget().spent()).isEqualByComparingTo("875000000");
        assertThat(e.budget().pct()).isEqualByComparingTo("58.33");
        // Buku KIA: 120 needed, 90 available: 30 lacking, 75.00% met
        assertThat(e.mutu()).singleElement().satisfies(m -> {
            assertThat(m.itemCode()).isEqualTo("BUKU_KIA");
            assertThat(m.gap()).isEqualByComparingTo("30");
            assertThat(m.metPct()).isEqualByComparingTo("75.00");
        });
    }

    @Test
    @DisplayName("deadlines: TW3 2026 on 20 October 2026, the year 2025 with the LPPD on 31 March 2026; a file after it is late")
    void reportingCalendar() {
        ReportingCalendar calendar = new ReportingCalendar(20, java.time.ZoneOffset.UTC);

        assertThat(calendar.deadline(Period.quarter(2026, 3))).isEqualTo(java.time.LocalDate.of(2026, 10, 20));
        assertThat(calendar.deadline(YEAR_2025)).isEqualTo(java.time.LocalDate.of(2026, 3, 31));
        assertThat(calendar.arrival("33.74", Period.quarter(2026, 3), "KES", java.time.Instant.parse("2026-10-01T08:00:00Z"),
                java.time.Instant.parse("2026-10-21T08:00:00Z"), 2).onTime()).isFalse();
        assertThat(calendar.arrival("33.74", Period.quarter(2026, 3), "KES", java.time.Instant.parse("2026-10-01T08:00:00Z"),
                java.time.Instant.parse("2026-10-20T23:00:00Z"), 1).onTime()).isTrue();
    }

    @Test
    @DisplayName("one run, two rule versions: KES-K01 in 2023 judged with the Permenkes 4/2019 items (82.00 Madya), in 2024 with those of 6/2024 (90.00 Utama)")
    void healthItemsByPeriod() {
        put("KES-K01.SASARAN", 1000);
        put("KES-K01.TERLAYANI", 900);                   // recipients 900 / 1000 = 90.00 in both years
        put("KES-K01.BUKU_KIA_BUTUH", 100);               // in both lists: 80 / 100 = 80
        put("KES-K01.BUKU_KIA_TERSEDIA", 80);
        put("KES-K01.PEMERIKSAAN_USG_BUTUH", 100);        // USG service, until 2026.2: 20 / 100 = 20
        put("KES-K01.PEMERIKSAAN_USG_TERSEDIA", 20);
        put("KES-K01.GEL_USG_BUTUH", 10);                 // USG gel, since 2026.3: 10 / 10 = 100
        put("KES-K01.GEL_USG_TERSEDIA", 10);
        put("KES-K10.SASARAN", 50);
        put("KES-K10.TERLAYANI", 50);                     // 100
        put("KES-K10.KIT_FIKSASI_BUTUH", 4);              // restraint kit, dropped in 6/2024: 0 / 4 = 0
        put("KES-K10.KIT_FIKSASI_TERSEDIA", 0);

        RegionEvaluation y2023 = evaluator.evaluate("33.02", Level.KABKOTA, Period.year(2023), values);
        RegionEvaluation y2024 = evaluator.evaluate("33.02", Level.KABKOTA, Period.year(2024), values);
        assertThat(y2023.ruleVersion()).isEqualTo("2026.2");
        assertThat(y2024.ruleVersion()).isEqualTo("2026.3");

        // 2023: quality = (80 + 20) / 2 = 50; index = 0.8 x 90 + 0.2 x 50 = 72 + 10 = 82.00 -> Madya
        ServiceResult old = service(y2023, "KES-K01");
        assertThat(old.mutuItemsReported()).isEqualTo(2);
        assertThat(old.qualityAchievement()).isEqualTo(new BigDecimal("50.00"));
        assertThat(old.index()).isEqualTo(new BigDecimal("82.00"));
        assertThat(old.categoryCode()).isEqualTo("TUNTAS_MADYA");
        // 2024: quality = (80 + 100) / 2 = 90; index = 72 + 0.2 x 90 = 72 + 18 = 90.00 -> Utama
        ServiceResult now = service(y2024, "KES-K01");
        assertThat(now.mutuItemsReported()).isEqualTo(2);
        assertThat(now.qualityAchievement()).isEqualTo(new BigDecimal("90.00"));
        assertThat(now.index()).isEqualTo(new BigDecimal("90.00"));
        assertThat(now.categoryCode()).isEqualTo("TUNTAS_UTAMA");

        // KES-K10 2023: quality 0 (the kit), index 0.8 x 100 + 0 = 80.00; 2024: no item of 6/2024 reported -> 100.00 alone
        assertThat(service(y2023, "KES-K10").index()).isEqualTo(new BigDecimal("80.00"));
        assertThat(service(y2024, "KES-K10").index()).isEqualTo(new BigDecimal("100.00"));
        assertThat(service(y2024, "KES-K10").warnings()).contains(Warning.INDEX_WITHOUT_QUALITY);

        // what is still lacking lists the items of the period's version only
        assertThat(y2023.mutu()).extracting(MutuResult::itemCode).containsExactlyInAnyOrder("BUKU_KIA", "PEMERIKSAAN_USG", "KIT_FIKSASI");
        assertThat(y2024.mutu()).extracting(MutuResult::itemCode).containsExactlyInAnyOrder("BUKU_KIA", "GEL_USG");
    }

    @Test
    @DisplayName("the catalogue: 6/2024 items since 2026.3, 4/2019 items until 2026.2, shared items in both")
    void itemsInForce() {
        var k01 = catalogue.service("KES-K01").orElseThrow();
        assertThat(k01.mutuIn("2026.2")).extracting(m -> m.code()).contains("PEMERIKSAAN_USG", "PEMERIKSAAN_LABORATORIUM", "BUKU_KIA")
                .doesNotContain("GEL_USG", "TES_KEHAMILAN");
        assertThat(k01.mutuIn("2026.3")).extracting(m -> m.code()).contains("GEL_USG", "PEMERIKSAAN_LAB_ANTENATAL", "BUKU_KIA")
                .doesNotContain("PEMERIKSAAN_USG", "PEMERIKSAAN_LABORATORIUM");
        assertThat(catalogue.service("KES-K03").orElseThrow().mutuIn("2026.3")).extracting(m -> m.code())
                .doesNotContain("SKRINING_HIPOTIROID_KONGENITAL");
        assertThat(catalogue.service("KES-K07").orElseThrow().mutuIn("2026.3")).extracting(m -> m.code())
                .contains("INSTRUMEN_SKILAS", "INSTRUMEN_ADL_BARTHEL").doesNotContain("INSTRUMEN_GERIATRI");
        // medicines counted in packages from 2024
        assertThat(catalogue.service("KES-K08").orElseThrow().mutuIn("2026.3")).filteredOn(m -> m.code().startsWith("PAKET_OBAT"))
                .extracting(m -> m.unit()).containsExactly("paket");
        assertThat(catalogue.service("KES-K09").orElseThrow().mutuIn("2026.2")).filteredOn(m -> m.code().equals("OBAT_ANTIDIABETES"))
                .extracting(m -> m.unit()).containsExactly("tablet");
    }

    private void put(String measure, String value) {
        assertThat(catalogue.measure(measure)).as("measure %s in the catalogue", measure).isPresent();
        values.put(measure, new BigDecimal(value));
    }

    @Test
    @DisplayName("PEND quality as Rapor Pendidikan reports it (2026.3): PEND-K02 95% served, quality 80.00 from five percentages -> 92.00 Utama; the goods items count in 2023")
    void educationQualityReported() {
        put("PEND-K02.SASARAN", 1000);
        put("PEND-K02.TERLAYANI", 950);                   // 950 / 1000 = 95.00
        put("PEND-K02.RAPOR_LITERASI", "70");
        put("PEND-K02.RAPOR_NUMERASI", "60");
        put("PEND-K02.RAPOR_IKLIM_KEAMANAN", "80");
        put("PEND-K02.RAPOR_IKLIM_KEBINEKAAN", "90");
        put("PEND-K02.RAPOR_IKLIM_INKLUSIVITAS", "104"); // above 100 (a typo): capped at 100
        put("PEND-K02.JUKNIS_BUTUH", 2);                   // a goods/SDM item: half met
        put("PEND-K02.JUKNIS_TERSEDIA", 1);

        // 2025 (2026.3, PEND quality `reported`): (70 + 60 + 80 + 90 + 100) / 5 = 400 / 5 = 80.00;
        // index = 0.8 x 95 + 0.2 x 80 = 76 + 16 = 92.00 -> Tuntas Utama; the JUKNIS item does not count
        ServiceResult k02 = service(kabupaten(), "PEND-K02");
        assertThat(k02.qualityAchievement()).isEqualTo(new BigDecimal("80.00"));
        assertThat(k02.mutuItemsReported()).isEqualTo(5);
        assertThat(k02.index()).isEqualTo(new BigDecimal("92.00"));
        assertThat(k02.categoryCode()).isEqualTo("TUNTAS_UTAMA");

        // 2023 (2026.2, `item_mean`): quality = 1 / 2 = 50.00; index = 76 + 0.2 x 50 = 76 + 10 = 86.00 -> Madya
        ServiceResult old = service(evaluator.evaluate("33.02", Level.KABKOTA, Period.year(2023), values), "PEND-K02");
        assertThat(old.qualityAchievement()).isEqualTo(new BigDecimal("50.00"));
        assertThat(old.index()).isEqualTo(new BigDecimal("86.00"));
        assertThat(old.categoryCode()).isEqualTo("TUNTAS_MADYA");
    }

    @Test
    @DisplayName("PAUD quality in 2026.3: accreditation 60% and D4/S1 teachers 40% -> quality 50.00; PEND-K01 100/100 -> 0.8 x 100 + 0.2 x 50 = 90.00")
    void paudQualityReported() {
        put("PEND-K01.SASARAN", 100);
        put("PEND-K01.TERLAYANI", 100);
        put("PEND-K01.RAPOR_AKREDITASI_PAUD", "60");
        put("PEND-K01.RAPOR_GURU_PAUD_D4_S1", "40");
        ServiceResult k01 = service(kabupaten(), "PEND-K01");
        // (60 + 40) / 2 = 50; 80 + 10 = 90.00
        assertThat(k01.qualityAchievement()).isEqualTo(new BigDecimal("50.00"));
        assertThat(k01.index()).isEqualTo(new BigDecimal("90.00"));
    }

    @Test
    @DisplayName("literacy must improve on two years before: 2025 at 70.00 against 2023's 65.00 (target 65.00, met); without 2023 no target")
    void learningOutcomeAgainstTwoYearsBefore() {
        put("PEND-K02.RAPOR_LITERASI", "65");
        put("PEND-K02.RAPOR_NUMERASI", "55");
        RegionEvaluation y2023 = evaluator.evaluate("33.02", Level.KABKOTA, Period.year(2023), values);
        put("PEND-K02.RAPOR_LITERASI", "70");
        put("PEND-K02.RAPOR_NUMERASI", "50");
        RegionEvaluation y2025 = evaluator.evaluate("33.02", Level.KABKOTA, YEAR_2025, values);

        RegionEvaluation compared = evaluator.againstEarlier(y2025, years -> years == 2 ? y2023 : null);
        IndicatorResult literacy = indicator(compared, "PEND-K02.LITERASI");
        IndicatorResult numeracy = indicator(compared, "PEND-K02.NUMERASI");
        assertThat(literacy.value()).isEqualTo(new BigDecimal("70.00"));
        assertThat(literacy.target()).as("the 2023 value is the bar").isEqualTo(new BigDecimal("65.00"));
        assertThat(numeracy.value()).isEqualTo(new BigDecimal("50.00"));
        assertThat(numeracy.target()).as("numeracy fell from 55 to 50: below its target").isEqualTo(new BigDecimal("55.00"));
        // a fixed target is left alone
        assertThat(indicator(compared, "PEND-K02.CAPAIAN_PENERIMA").target()).isEqualByComparingTo("100");

        RegionEvaluation alone = evaluator.againstEarlier(y2025, years -> null);
        assertThat(indicator(alone, "PEND-K02.LITERASI").target()).as("no 2023 figure: no target to compare").isNull();
    }

    private static IndicatorResult indicator(RegionEvaluation e, String code) {
        return e.indicators().stream().filter(i -> i.indicatorCode().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no indicator " + code));
    }

    @Test
    @DisplayName("PU-K02 in houses: 30000 cubluk + 5000 IPLT + 1223 IPALD = 36223 of 41665 houses -> 86.94 Madya (Kota Gorontalo 2019)")
    void wastewaterFromHouseCounts() {
        Map<Period, Map<String, BigDecimal>> reported = Map.of(YEAR_2025, Map.of(
                "PU-K02.SASARAN", new BigDecimal("41665"),
                "PU-K02.RUMAH_CUBLUK", new BigDecimal("30000"),
                "PU-K02.RUMAH_LUMPUR_TINJA_IPLT", new BigDecimal("5000"),
                "PU-K02.RUMAH_SR_IPALD", new BigDecimal("1223")));
        PeriodFigures.Figure figure = new PeriodFigures(catalogue).assembleAmounts(reported).get(0);
        // TERLAYANI = 30000 + 5000 + 1223 = 36223 houses
        assertThat(figure.values().get("PU-K02.TERLAYANI")).isEqualByComparingTo("36223");

        ServiceResult k02 = service(evaluator.evaluate("71.71", Level.KABKOTA, YEAR_2025, figure.values()), "PU-K02");
        // 36223 / 41665 x 100 = 86.9393... -> 86.94 -> Tuntas Madya (no mutu item: recipients alone)
        assertThat(k02.recipientAchievement()).isEqualTo(new BigDecimal("86.94"));
        assertThat(k02.index()).isEqualTo(new BigDecimal("86.94"));
        assertThat(k02.categoryCode()).isEqualTo("TUNTAS_MADYA");
        assertThat(catalogue.measure("PU-K02.SASARAN").orElseThrow().unit()).isEqualTo("rumah");
    }

    @Test
    @DisplayName("a reported TERLAYANI stands over the sum of its parts; a part missing leaves it unreported")
    void reportedServedStands() {
        PeriodFigures figures = new PeriodFigures(catalogue);
        var both = figures.assembleAmounts(Map.of(YEAR_2025, Map.of("PU-K02.TERLAYANI", new BigDecimal("100"),
                "PU-K02.RUMAH_CUBLUK", new BigDecimal("30"), "PU-K02.RUMAH_LUMPUR_TINJA_IPLT", new BigDecimal("30"),
                "PU-K02.RUMAH_SR_IPALD", new BigDecimal("30")))).get(0);
        assertThat(both.values().get("PU-K02.TERLAYANI")).isEqualByComparingTo("100");
        var partial = figures.assembleAmounts(Map.of(YEAR_2025, Map.of("PU-K02.RUMAH_CUBLUK", new BigDecimal("30"),
                "PU-K02.RUMAH_SR_IPALD", new BigDecimal("30")))).get(0);
        assertThat(partial.values()).doesNotContainKey("PU-K02.TERLAYANI");
    }

    @Test
    @DisplayName("PERKIM-K02 households through three forms: 20 + 30 + 10 = 60 of 80 relocated households -> 75.00 Pratama")
    void relocationThreeForms() {
        var f = new PeriodFigures(catalogue).assembleAmounts(Map.of(YEAR_2025, Map.of(
                "PERKIM-K02.SASARAN", new BigDecimal("80"),
                "PERKIM-K02.RT_PENGGANTIAN_HAK", new BigDecimal("20"),
                "PERKIM-K02.RT_SUBSIDI_SEWA", new BigDecimal("30"),
                "PERKIM-K02.RT_PENYEDIAAN_RUMAH", new BigDecimal("10")))).get(0);
        ServiceResult k02 = service(evaluator.evaluate("33.02", Level.KABKOTA, YEAR_2025, f.values()), "PERKIM-K02");
        // 60 / 80 x 100 = 75.00 -> Tuntas Pratama
        assertThat(k02.index()).isEqualTo(new BigDecimal("75.00"));
        assertThat(k02.categoryCode()).isEqualTo("TUNTAS_PRATAMA");
        assertThat(catalogue.measure("PERKIM-K01.SASARAN").orElseThrow().unit()).isEqualTo("unit rumah");
    }

    @Test
    @DisplayName("pooled quality, the documented alternative: items 50/100 and 300/300 give 87.50 pooled against 75.00 as a mean")
    void pooledQuality() {
        var rules = catalogue.ruleSetFor(java.time.LocalDate.of(2025, 12, 31));
        var pooled = new id.pantauspm.catalogue.RuleSet(rules.version(), rules.validFrom(), rules.validTo(), rules.source(),
                rules.defaultWeights(), rules.weightsByField(), rules.fieldIndex(), rules.regionIndex(), rules.bands(),
                rules.periodBasis(), rules.coverage(), new id.pantauspm.catalogue.RuleSet.Quality(
                        id.pantauspm.catalogue.RuleSet.QualityMethod.POOLED, "test", Map.of()));
        put("KES-K01.SASARAN", 100);
        put("KES-K01.TERLAYANI", 100);
        put("KES-K01.BUKU_KIA_BUTUH", 100);
        put("KES-K01.BUKU_KIA_TERSEDIA", 50);
        put("KES-K01.GEL_USG_BUTUH", 300);
        put("KES-K01.GEL_USG_TERSEDIA", 300);
        var k01 = catalogue.service("KES-K01").orElseThrow();
        // pooled: (50 + 300) / (100 + 300) = 350 / 400 = 87.50; mean of ratios: (50 + 100) / 2 = 75.00
        assertThat(evaluator.evaluateService(k01, pooled, values).qualityAchievement()).isEqualTo(new BigDecimal("87.50"));
        assertThat(evaluator.evaluateService(k01, rules, values).qualityAchievement()).isEqualTo(new BigDecimal("75.00"));
    }
}
