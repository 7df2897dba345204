package id.pantauspm.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.catalogue.Level;
import id.pantauspm.period.Period;

@DisplayName("Province roll-up: counts summed over the kabupaten/kota, never percentages averaged")
class ProvinceRollupTest {

    final Catalogue catalogue = new CatalogueLoader().load(Path.of("indicators"));

    @Test
    void aBigRegencyWeighsAsManyPeopleAsItHas() {
        // Kota A: 90 of 100 (90%); Kabupaten B: 500 of 1,000 (50%).
        // Averaging percentages would give 70.00; summing gives 590 / 1,100 = 53.64% -> Belum Tuntas.
        List<Map<String, BigDecimal>> regencies = List.of(
                Map.of("KES-K01.SASARAN", new BigDecimal("100"), "KES-K01.TERLAYANI", new BigDecimal("90")),
                Map.of("KES-K01.SASARAN", new BigDecimal("1000"), "KES-K01.TERLAYANI", new BigDecimal("500")));

        ProvinceRollup.Sums sums = new ProvinceRollup(catalogue).sum(regencies);
        RegionEvaluation e = new SpmEvaluator(catalogue).evaluate("33", Level.KABKOTA, Period.year(2025), sums.values(),
                RegionEvaluation.Scope.ROLLUP, RegionEvaluation.Basis.reported(Period.year(2025)));

        ServiceResult k01 = e.services().stream().filter(s -> s.serviceCode().equals("KES-K01")).findFirst().orElseThrow();
        assertThat(k01.targetPopulation()).isEqualByComparingTo("1100");
        assertThat(k01.served()).isEqualByComparingTo("590");
        assertThat(k01.index()).isEqualByComparingTo("53.64");
        assertThat(k01.categoryCode()).isEqualTo("BELUM_TUNTAS");
        assertThat(sums.regenciesIncluded()).containsEntry("KES-K01", 2);
        assertThat(e.scope()).isEqualTo(RegionEvaluation.Scope.ROLLUP);
    }

    @Test
    void aRegencyWithoutItsServedCountStaysOutOfThatServicesSums() {
        // C reported SASARAN only: adding its 5,000 people to the target would make the province look worse than it is.
        List<Map<String, BigDecimal>> regencies = List.of(
                Map.of("KES-K01.SASARAN", new BigDecimal("100"), "KES-K01.TERLAYANI", new BigDecimal("90")),
                Map.of("KES-K01.SASARAN", new BigDecimal("5000")));

        ProvinceRollup.Sums sums = new ProvinceRollup(catalogue).sum(regencies);

        assertThat(sums.values()).containsEntry("KES-K01.SASARAN", new BigDecimal("100"));
        assertThat(sums.regenciesIncluded()).containsEntry("KES-K01", 1).containsEntry("KES-K02", 0);
    }
}
