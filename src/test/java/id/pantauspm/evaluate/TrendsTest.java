package id.pantauspm.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.catalogue.Level;
import id.pantauspm.period.Period;

@DisplayName("Trends: an index against the comparable earlier periods, computed once in evaluate")
class TrendsTest {

    private static final Catalogue CATALOGUE = new CatalogueLoader().load(Path.of("indicators"));

    @Test
    @DisplayName("periods compared: the previous of the same kind within its year, and the same period a year before")
    void comparablePeriods() {
        assertThat(Trends.comparable(Period.year(2025))).containsExactly(Period.year(2024));
        assertThat(Trends.comparable(Period.quarter(2026, 3))).containsExactly(Period.quarter(2026, 2), Period.quarter(2025, 3));
        // a first quarter is year to date from January: not compared with the full year before it
        assertThat(Trends.comparable(Period.quarter(2026, 1))).containsExactly(Period.quarter(2025, 1));
    }

    @Test
    @DisplayName("KES-K01 25.00 in TW1 and 55.00 in TW2: +30.00 points; no trend where the earlier figure is missing")
    void aServiceAgainstThePreviousQuarter() {
        SpmEvaluator evaluator = new SpmEvaluator(CATALOGUE);
        Map<Period, RegionEvaluation> byPeriod = new TreeMap<>();
        byPeriod.put(Period.quarter(2026, 1), evaluator.evaluate("33.74", Level.KABKOTA, Period.quarter(2026, 1),
                Map.of("KES-K01.SASARAN", BigDecimal.valueOf(1000), "KES-K01.TERLAYANI", BigDecimal.valueOf(250))));
        byPeriod.put(Period.quarter(2026, 2), evaluator.evaluate("33.74", Level.KABKOTA, Period.quarter(2026, 2),
                Map.of("KES-K01.SASARAN", BigDecimal.valueOf(1000), "KES-K01.TERLAYANI", BigDecimal.valueOf(550))));

        var trends = Trends.of(byPeriod);

        assertThat(trends).filteredOn(t -> t.subject().equals("KES-K01")).singleElement().satisfies(t -> {
            assertThat(t.period().code()).isEqualTo("2026-TW2");
            assertThat(t.comparedPeriod().code()).isEqualTo("2026-TW1");
            assertThat(t.earlier()).isEqualByComparingTo("25.00");
            assertThat(t.change()).isEqualByComparingTo("30.00");
        });
        // health: 25 / 12 = 2.08 -> 55 / 12 = 4.58: +2.50; IP-SPM: 2.0833/6 = 0.35 -> 4.5833/6 = 0.76: +0.41
        assertThat(trends).filteredOn(t -> t.subject().equals("KES")).singleElement()
                .satisfies(t -> assertThat(t.change()).isEqualByComparingTo("2.50"));
        assertThat(trends).filteredOn(t -> t.subject().equals(Trends.REGION)).singleElement()
                .satisfies(t -> assertThat(t.change()).isEqualByComparingTo("0.41"));
        // KES-K02 was reported in neither quarter: no index, no trend
        assertThat(trends).noneMatch(t -> t.subject().equals("KES-K02"));
    }
}
