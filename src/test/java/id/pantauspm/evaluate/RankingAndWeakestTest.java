package id.pantauspm.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What the province officer reads as ranks, and what the head of region reads as the weakest services. */
class RankingAndWeakestTest {

    @Test
    void equalIndicesShareARankAndTheNextRankSkips() {
        Map<String, BigDecimal> index = new LinkedHashMap<>();
        index.put("34.04", new BigDecimal("82.66"));
        index.put("34.03", new BigDecimal("90.10"));
        index.put("34.71", new BigDecimal("82.660")); // the same index as Sleman, another scale
        index.put("34.02", null);                      // no index: not ranked
        index.put("34.01", new BigDecimal("40"));
        Map<String, Ranking.Place> places = Ranking.competition(index);
        // By hand: 90.10 first; 82.66 twice, both second; 40 is fourth (not third); four ranked, Bantul left out.
        assertThat(places).containsEntry("34.03", new Ranking.Place(1, 4))
                .containsEntry("34.04", new Ranking.Place(2, 4))
                .containsEntry("34.71", new Ranking.Place(2, 4))
                .containsEntry("34.01", new Ranking.Place(4, 4))
                .doesNotContainKey("34.02");
    }

    @Test
    void theWeakestAreBelowTheStandardLowestFirstAndTheStillToServeAddUp() {
        List<ServiceResult> services = List.of(
                service("KES-K01", "1000", "900", "90.00"),   // 100 still to serve
                service("KES-K02", "500", "500", "100.00"),   // meets the standard: never weakest
                service("KES-K08", "2000", "1000", "50.00"),  // 1000 still to serve
                service("KES-K09", "300", "150", "50.00"),    // same index as K08, fewer still to serve: after it
                service("KES-K10", "10", "9", "90.00"),       // ties K01 at 90 but only 1 still to serve: not in the three
                service("KES-K11", null, "5", null));         // not computable: no index, unknown still to serve
        // Lowest index first: K08 and K09 (50; K08 has more still to serve), then K01 (90, 100 still to serve).
        assertThat(SpmEvaluator.weakest(services)).containsExactly("KES-K08", "KES-K09", "KES-K01");
        // 100 + 0 + 1000 + 150 + 1 = 1251; K11 has no target population and adds nothing.
        assertThat(SpmEvaluator.stillToServe(services)).isEqualByComparingTo("1251");
        assertThat(SpmEvaluator.stillToServe(List.of(service("KES-K11", null, "5", null)))).isNull();
    }

    @Test
    void aQuartersReferenceIsTheShareOfTheYearElapsed() {
        // 9 of 12 months by the end of TW III: 75.00; 6 of 12 for semester I; 1 of 12 for January: 8.33; the year: 100.
        assertThat(ReportingCalendar.proRataShare(id.pantauspm.period.Period.parse("2026-TW3").orElseThrow())).isEqualByComparingTo("75.00");
        assertThat(ReportingCalendar.proRataShare(id.pantauspm.period.Period.parse("2026-TW1").orElseThrow())).isEqualByComparingTo("25.00");
        assertThat(ReportingCalendar.proRataShare(id.pantauspm.period.Period.parse("2026-S1").orElseThrow())).isEqualByComparingTo("50.00");
        assertThat(ReportingCalendar.proRataShare(id.pantauspm.period.Period.parse("2026-01").orElseThrow())).isEqualByComparingTo("8.33");
        assertThat(ReportingCalendar.proRataShare(id.pantauspm.period.Period.parse("2026").orElseThrow())).isEqualByComparingTo("100");
    }

    private static ServiceResult service(String code, String target, String served, String index) {
        BigDecimal t = target == null ? null : new BigDecimal(target);
        BigDecimal s = served == null ? null : new BigDecimal(served);
        BigDecimal i = index == null ? null : new BigDecimal(index);
        return new ServiceResult(code, "KES", t, s, i, i, null, 0, i, null,
                i == null ? ServiceResult.Status.NOT_COMPUTABLE : ServiceResult.Status.COMPUTED, Set.of(), null, null, null,
                ServiceResult.Budget.NONE);
    }
}
