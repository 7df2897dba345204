package id.pantauspm.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.catalogue.Level;
import id.pantauspm.period.Period;

@DisplayName("ResultDigest: a region-period is written again exactly when its verdict or trends changed")
class ResultDigestTest {

    private static final Catalogue CATALOGUE = new CatalogueLoader().load(Path.of("indicators"));
    private static final SpmEvaluator EVALUATOR = new SpmEvaluator(CATALOGUE);

    private static RegionEvaluation kudus(long served, Set<String> unresolved) {
        return EVALUATOR.evaluate("33.19", Level.KABKOTA, Period.year(2025),
                Map.of("KES-K01.SASARAN", BigDecimal.valueOf(1000), "KES-K01.TERLAYANI", BigDecimal.valueOf(served)),
                RegionEvaluation.Scope.OWN, new RegionEvaluation.Basis(List.of(Period.year(2025)), List.of(), false, unresolved));
    }

    @Test
    @DisplayName("the same figures give the same digest, whatever order a set iterates in")
    void sameFiguresSameDigest() {
        String one = ResultDigest.of(kudus(800, Set.of("KES-K02.SASARAN", "KES-K03.SASARAN")), List.of());
        String other = ResultDigest.of(kudus(800, new java.util.LinkedHashSet<>(List.of("KES-K03.SASARAN", "KES-K02.SASARAN"))),
                List.of());
        assertThat(one).hasSize(64).isEqualTo(other);
    }

    @Test
    @DisplayName("one person more served, or a trend that moved, gives another digest")
    void aChangeGivesAnotherDigest() {
        RegionEvaluation before = kudus(800, Set.of());
        assertThat(ResultDigest.of(kudus(801, Set.of()), List.of())).isNotEqualTo(ResultDigest.of(before, List.of()));
        Trends.Trend up = new Trends.Trend("33.19", Period.year(2025), RegionEvaluation.Scope.OWN, "KES-K01",
                Period.year(2024), new BigDecimal("70.00"), new BigDecimal("10.00"));
        Trends.Trend down = new Trends.Trend("33.19", Period.year(2025), RegionEvaluation.Scope.OWN, "KES-K01",
                Period.year(2024), new BigDecimal("90.00"), new BigDecimal("-10.00"));
        assertThat(ResultDigest.of(before, List.of(up))).isNotEqualTo(ResultDigest.of(before, List.of(down)))
                .isNotEqualTo(ResultDigest.of(before, List.of()));
    }
}
