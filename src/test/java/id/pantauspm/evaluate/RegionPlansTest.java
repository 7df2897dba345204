package id.pantauspm.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueException;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.catalogue.Level;
import id.pantauspm.catalogue.RegionPlans;
import id.pantauspm.period.Period;

@DisplayName("Region plans: the region's own targets beside the national standard")
class RegionPlansTest {

    final Catalogue catalogue = new CatalogueLoader().load(Path.of("indicators"));
    final RegionPlans plans = RegionPlans.load(Path.of("indicators"));

    @Test
    void aQuarterShowsTheCumulativePlanOfThatQuarterAndTheYearTheAnnualPlan() {
        // indicators/targets/contoh-rencana-2026.yaml: Kota Semarang plans 25/50/75/100% for KES-K01 in 2026.
        assertThat(plans.target("33.74", "KES-K01.CAPAIAN_PENERIMA", Period.quarter(2026, 3))).contains(new BigDecimal("75"));
        assertThat(plans.target("33.74", "KES-K01.CAPAIAN_PENERIMA", Period.year(2026))).contains(new BigDecimal("100"));
        assertThat(plans.target("33.74", "KES-K01.CAPAIAN_PENERIMA", Period.year(2025))).isEmpty();
        assertThat(plans.target("33.19", "KES-K01.CAPAIAN_PENERIMA", Period.year(2026))).isEmpty();
    }

    @Test
    void theServiceResultCarriesThePlanWhileTheStandardStays100() {
        SpmEvaluator evaluator = new SpmEvaluator(catalogue, plans);
        // 720 / 1,000 = 72.00%: below the standard (100) but close to the TW3 plan (75).
        RegionEvaluation e = evaluator.evaluate("33.74", Level.KABKOTA, Period.quarter(2026, 3),
                Map.of("KES-K01.SASARAN", new BigDecimal("1000"), "KES-K01.TERLAYANI", new BigDecimal("720")));

        ServiceResult k01 = e.services().stream().filter(s -> s.serviceCode().equals("KES-K01")).findFirst().orElseThrow();
        assertThat(k01.planTarget()).isEqualByComparingTo("75");
        IndicatorResult indicator = e.indicators().stream()
                .filter(i -> i.indicatorCode().equals("KES-K01.CAPAIAN_PENERIMA")).findFirst().orElseThrow();
        assertThat(indicator.value()).isEqualByComparingTo("72.00");
        assertThat(indicator.target()).isEqualByComparingTo("100");
        assertThat(indicator.planTarget()).isEqualByComparingTo("75");
    }

    @Test
    void aPlanWithoutSourceIsRefusedNamingTheFile(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("targets"));
        Files.writeString(folder.resolve("targets/rencana.yaml"),
                "plans:\n  - region: \"33.74\"\n    indicator: KES-K01.CAPAIAN_PENERIMA\n    year: 2026\n    annual: 100\n");
        assertThatThrownBy(() -> RegionPlans.load(folder)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("targets/rencana.yaml").hasMessageContaining("'source' is missing");
    }
}
