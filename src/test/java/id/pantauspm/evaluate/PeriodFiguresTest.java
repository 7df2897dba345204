package id.pantauspm.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.catalogue.Level;
import id.pantauspm.period.Period;

@DisplayName("Periods: quarters cumulative from January, a year from its four quarters")
class PeriodFiguresTest {

    static Catalogue catalogue;
    static PeriodFigures figures;

    @BeforeAll
    static void load() {
        catalogue = new CatalogueLoader().load(Path.of("indicators"));
        figures = new PeriodFigures(catalogue);
    }

    static Map<String, BigDecimal> values(Object... codeThenValue) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < codeThenValue.length; i += 2) {
            m.put((String) codeThenValue[i], new BigDecimal(codeThenValue[i + 1].toString()));
        }
        return m;
    }

    static PeriodFigures.Figure figure(List<PeriodFigures.Figure> all, String period) {
        return all.stream().filter(f -> f.period().code().equals(period)).findFirst().orElseThrow();
    }

    @Test
    void aQuarterAddsUpThePeopleServedSoFarAgainstTheYearsTargetPopulation() {
        // Ibu hamil: SASARAN 1,000 for the year; served 200 in TW1, 250 in TW2, 300 in TW3.
        Map<Period, Map<String, BigDecimal>> reported = Map.of(
                Period.quarter(2026, 1), values("KES-K01.SASARAN", 1000, "KES-K01.TERLAYANI", 200),
                Period.quarter(2026, 2), values("KES-K01.SASARAN", 1000, "KES-K01.TERLAYANI", 250),
                Period.quarter(2026, 3), values("KES-K01.SASARAN", 1010, "KES-K01.TERLAYANI", 300));

        PeriodFigures.Figure tw3 = figure(figures.assemble(reported), "2026-TW3");

        // TW3 cumulative: 200 + 250 + 300 = 750 served; the target population is a stock: latest, 1,010.
        assertThat(tw3.values()).containsEntry("KES-K01.TERLAYANI", new BigDecimal("750"))
                .containsEntry("KES-K01.SASARAN", new BigDecimal("1010"));
        assertThat(tw3.covered()).extracting(Period::code).containsExactly("2026-TW1", "2026-TW2", "2026-TW3");
        assertThat(tw3.missing()).isEmpty();
        // 750 / 1010 = 74.26% -> Tuntas Pratama (cumulative, not comparable with a full year)
        RegionEvaluation e = new SpmEvaluator(catalogue).evaluate("33.74", Level.KABKOTA, tw3.period(), tw3.values());
        assertThat(e.services().get(0).recipientAchievement()).isEqualByComparingTo("74.26");
    }

    @Test
    void aYearIsMadeFromItsFourQuartersWhenNoOfficeReportedTheYear() {
        // served 200 + 250 + 300 + 240 = 990 of 1,000 = 99.00% -> Tuntas Utama
        Map<Period, Map<String, BigDecimal>> reported = new LinkedHashMap<>();
        int[] served = {200, 250, 300, 240};
        for (int q = 1; q <= 4; q++) {
            reported.put(Period.quarter(2025, q), values("KES-K01.SASARAN", 1000, "KES-K01.TERLAYANI", served[q - 1]));
        }

        PeriodFigures.Figure year = figure(figures.assemble(reported), "2025");

        assertThat(year.derived()).isTrue();
        assertThat(year.values()).containsEntry("KES-K01.TERLAYANI", new BigDecimal("990"));
        RegionEvaluation e = new SpmEvaluator(catalogue).evaluate("33.74", Level.KABKOTA, year.period(), year.values());
        assertThat(e.services().get(0).index()).isEqualByComparingTo("99.00");
        assertThat(e.services().get(0).categoryCode()).isEqualTo("TUNTAS_UTAMA");
    }

    @Test
    void noYearIsMadeWhileAQuarterIsMissing() {
        Map<Period, Map<String, BigDecimal>> reported = Map.of(
                Period.quarter(2025, 1), values("KES-K01.SASARAN", 1000, "KES-K01.TERLAYANI", 200),
                Period.quarter(2025, 3), values("KES-K01.SASARAN", 1000, "KES-K01.TERLAYANI", 300));

        List<PeriodFigures.Figure> all = figures.assemble(reported);

        assertThat(all).extracting(f -> f.period().code()).containsExactly("2025-TW1", "2025-TW3");
        PeriodFigures.Figure tw3 = figure(all, "2025-TW3");
        // TW2 is missing: the figure adds up what was reported and says what is missing.
        assertThat(tw3.missing()).extracting(Period::code).containsExactly("2025-TW2");
        assertThat(tw3.values()).containsEntry("KES-K01.TERLAYANI", new BigDecimal("500"));
    }

    @Test
    void aFlowMissingInOneReportedQuarterIsMissingNotUnderstated() {
        Map<Period, Map<String, BigDecimal>> reported = Map.of(
                Period.quarter(2025, 1), values("KES-K01.SASARAN", 1000, "KES-K01.TERLAYANI", 200),
                Period.quarter(2025, 2), values("KES-K01.SASARAN", 1000));

        assertThat(figure(figures.assemble(reported), "2025-TW2").values()).doesNotContainKey("KES-K01.TERLAYANI");
    }

    @Test
    void enrolmentIsAStockSoTheLatestQuarterStandsInsteadOfASum() {
        // PEND-K02 TERLAYANI (children enrolled) is declared accumulation: latest in the catalogue.
        Map<Period, Map<String, BigDecimal>> reported = Map.of(
                Period.quarter(2026, 1), values("PEND-K02.SASARAN", 5000, "PEND-K02.TERLAYANI", 4800),
                Period.quarter(2026, 2), values("PEND-K02.SASARAN", 5000, "PEND-K02.TERLAYANI", 4850));

        assertThat(figure(figures.assemble(reported), "2026-TW2").values())
                .containsEntry("PEND-K02.TERLAYANI", new BigDecimal("4850"));
    }

    @Test
    void aReportedYearKeepsItsOwnValues() {
        Map<Period, Map<String, BigDecimal>> reported = new LinkedHashMap<>();
        reported.put(Period.year(2025), values("KES-K01.SASARAN", 1000, "KES-K01.TERLAYANI", 900));
        for (int q = 1; q <= 4; q++) {
            reported.put(Period.quarter(2025, q), values("KES-K01.SASARAN", 1000, "KES-K01.TERLAYANI", 100));
        }

        PeriodFigures.Figure year = figure(figures.assemble(reported), "2025");

        assertThat(year.derived()).isFalse();
        assertThat(year.values()).containsEntry("KES-K01.TERLAYANI", new BigDecimal("900"));
    }
}
