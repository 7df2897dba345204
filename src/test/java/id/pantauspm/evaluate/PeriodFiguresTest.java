package id.pantauspm.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.catalogue.Level;
import id.pantauspm.period.Basis;
import id.pantauspm.period.Period;

/**
 * Quarter figures as e-SPM means them: year to date unless the office says "this quarter only"
 * (issue 8). Every expected number is worked by hand in the comment above it.
 */
@DisplayName("Periods: quarters year to date (or the quarter alone when declared), a year from its year-end figure")
class PeriodFiguresTest {

    static Catalogue catalogue;
    static PeriodFigures figures;

    @BeforeAll
    static void load() {
        catalogue = new CatalogueLoader().load(Path.of("indicators"));
        figures = new PeriodFigures(catalogue);
    }

    private final Map<Period, Map<String, PeriodFigures.Reported>> reported = new TreeMap<>();
    private long ids;

    /** Reports a value for a period with the given declared basis (null: not declared). */
    private long put(Period p, String measure, long amount, Basis declared) {
        assertThat(catalogue.measure(measure)).as(measure).isPresent();
        long id = ++ids;
        reported.computeIfAbsent(p, k -> new LinkedHashMap<>())
                .put(measure, new PeriodFigures.Reported(BigDecimal.valueOf(amount), declared, id));
        return id;
    }

    private PeriodFigures.Figure figure(String period) {
        return figures.assemble(reported).stream().filter(f -> f.period().code().equals(period)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure for " + period));
    }

    private static Period tw(int year, int q) {
        return Period.quarter(year, q);
    }

    @Test
    @DisplayName("issue 8: TW2 400 of 1000 and TW3 700 of 1000, both year to date: TW3 is 70.00 Pratama, not 110 Paripurna")
    void yearToDateQuartersAreNotAddedTwice() {
        put(tw(2026, 2), "KES-K01.SASARAN", 1000, null);
        put(tw(2026, 2), "KES-K01.TERLAYANI", 400, null);   // "kumulatif s.d. Juni"
        put(tw(2026, 3), "KES-K01.SASARAN", 1000, null);
        put(tw(2026, 3), "KES-K01.TERLAYANI", 700, null);   // "kumulatif s.d. September"

        PeriodFigures.Figure tw3 = figure("2026-TW3");

        // 700 served from January to September of 1000: 70.00 -> Tuntas Pratama. Nothing is missing.
        assertThat(tw3.values()).containsEntry("KES-K01.TERLAYANI", BigDecimal.valueOf(700));
        assertThat(tw3.missing()).isEmpty();
        assertThat(tw3.findings()).isEmpty();
        ServiceResult k01 = new SpmEvaluator(catalogue).evaluate("33.74", Level.KABKOTA, tw3.period(), tw3.values())
                .services().stream().filter(s -> s.serviceCode().equals("KES-K01")).findFirst().orElseThrow();
        assertThat(k01.recipientAchievement()).isEqualByComparingTo("70.00");
        assertThat(k01.categoryCode()).isEqualTo("TUNTAS_PRATAMA");
    }

    @Test
    @DisplayName("quarters declared 'this quarter only' are added up: 200 + 250 + 300 = 750 of 1,010 = 74.26")
    void quarterOnlyFiguresAddUp() {
        put(tw(2026, 1), "KES-K01.SASARAN", 1000, null);
        put(tw(2026, 1), "KES-K01.TERLAYANI", 200, Basis.PERIOD_ONLY);
        put(tw(2026, 2), "KES-K01.SASARAN", 1000, null);
        put(tw(2026, 2), "KES-K01.TERLAYANI", 250, Basis.PERIOD_ONLY);
        put(tw(2026, 3), "KES-K01.SASARAN", 1010, null);
        put(tw(2026, 3), "KES-K01.TERLAYANI", 300, Basis.PERIOD_ONLY);

        PeriodFigures.Figure tw3 = figure("2026-TW3");

        // flows add up: 750; the target population is a stock: the latest, 1,010. 750 / 1010 = 74.26%
        assertThat(tw3.values()).containsEntry("KES-K01.TERLAYANI", BigDecimal.valueOf(750))
                .containsEntry("KES-K01.SASARAN", BigDecimal.valueOf(1010));
        assertThat(tw3.covered()).extracting(Period::code).containsExactly("2026-TW1", "2026-TW2", "2026-TW3");
        RegionEvaluation e = new SpmEvaluator(catalogue).evaluate("33.74", Level.KABKOTA, tw3.period(), tw3.values());
        assertThat(e.services().stream().filter(s -> s.serviceCode().equals("KES-K01")).findFirst().orElseThrow().recipientAchievement()).isEqualByComparingTo("74.26");
    }

    @Test
    @DisplayName("mixed bases: TW2 year to date 450, then TW3 the quarter alone 300 -> 750")
    void mixedBases() {
        put(tw(2026, 2), "KES-K01.TERLAYANI", 450, Basis.YEAR_TO_DATE);
        put(tw(2026, 3), "KES-K01.TERLAYANI", 300, Basis.PERIOD_ONLY);

        assertThat(figure("2026-TW3").values()).containsEntry("KES-K01.TERLAYANI", BigDecimal.valueOf(750));
    }

    @Test
    @DisplayName("a quarter-only TW3 without TW2 cannot be brought to year to date: missing, never understated")
    void quarterOnlyWithAGapIsMissing() {
        put(tw(2026, 1), "KES-K01.TERLAYANI", 200, Basis.PERIOD_ONLY);
        put(tw(2026, 3), "KES-K01.SASARAN", 1000, null);
        put(tw(2026, 3), "KES-K01.TERLAYANI", 300, Basis.PERIOD_ONLY);

        PeriodFigures.Figure tw3 = figure("2026-TW3");

        assertThat(tw3.values()).doesNotContainKey("KES-K01.TERLAYANI").containsEntry("KES-K01.SASARAN", BigDecimal.valueOf(1000));
        assertThat(tw3.missing()).extracting(Period::code).containsExactly("2026-TW2");
    }

    @Test
    @DisplayName("the year is TW4 year to date when no office reported the year: 990 of 1,000 = 99.00 Utama")
    void aYearFromItsFourthQuarter() {
        put(tw(2025, 3), "KES-K01.TERLAYANI", 700, null);
        put(tw(2025, 4), "KES-K01.SASARAN", 1000, null);
        put(tw(2025, 4), "KES-K01.TERLAYANI", 990, null);

        PeriodFigures.Figure year = figure("2025");

        assertThat(year.derived()).isTrue();
        assertThat(year.values()).containsEntry("KES-K01.TERLAYANI", BigDecimal.valueOf(990));
        RegionEvaluation e = new SpmEvaluator(catalogue).evaluate("33.74", Level.KABKOTA, year.period(), year.values());
        assertThat(e.services().stream().filter(s -> s.serviceCode().equals("KES-K01")).findFirst().orElseThrow().index()).isEqualByComparingTo("99.00");
        assertThat(e.services().stream().filter(s -> s.serviceCode().equals("KES-K01")).findFirst().orElseThrow().categoryCode()).isEqualTo("TUNTAS_UTAMA");
    }

    @Test
    @DisplayName("four quarter-only figures make the year: 200 + 250 + 300 + 240 = 990")
    void aYearFromFourQuarterOnlyFigures() {
        int[] served = {200, 250, 300, 240};
        for (int q = 1; q <= 4; q++) {
            put(tw(2025, q), "KES-K01.SASARAN", 1000, null);
            put(tw(2025, q), "KES-K01.TERLAYANI", served[q - 1], Basis.PERIOD_ONLY);
        }

        PeriodFigures.Figure year = figure("2025");

        assertThat(year.derived()).isTrue();
        assertThat(year.values()).containsEntry("KES-K01.TERLAYANI", BigDecimal.valueOf(990));
    }

    @Test
    @DisplayName("no year is made while its fourth quarter is missing")
    void noYearWithoutTheFourthQuarter() {
        put(tw(2025, 1), "KES-K01.TERLAYANI", 200, null);
        put(tw(2025, 3), "KES-K01.TERLAYANI", 700, null);

        assertThat(figures.assemble(reported)).extracting(f -> f.period().code()).containsExactly("2025-TW1", "2025-TW3");
    }

    @Test
    @DisplayName("a flow the quarter does not report is missing: an earlier quarter's figure is not carried forward")
    void aFlowIsNotCarriedForward() {
        put(tw(2025, 1), "KES-K01.SASARAN", 1000, null);
        put(tw(2025, 1), "KES-K01.TERLAYANI", 200, null);
        put(tw(2025, 2), "KES-K01.SASARAN", 1000, null);

        assertThat(figure("2025-TW2").values()).doesNotContainKey("KES-K01.TERLAYANI");
    }

    @Test
    @DisplayName("a stock not reported this quarter is the year's latest report: SASARAN of TW1 stands in TW2")
    void aStockIsCarriedForwardWithinTheYear() {
        put(tw(2026, 1), "PEND-K02.SASARAN", 5000, null);
        put(tw(2026, 1), "PEND-K02.TERLAYANI", 4800, null);
        put(tw(2026, 2), "PEND-K02.TERLAYANI", 4850, null);

        // PEND-K02 TERLAYANI (children enrolled) is a stock too: the latest, 4,850
        assertThat(figure("2026-TW2").values()).containsEntry("PEND-K02.SASARAN", BigDecimal.valueOf(5000))
                .containsEntry("PEND-K02.TERLAYANI", BigDecimal.valueOf(4850));
    }

    @Test
    @DisplayName("a reported year keeps its own values")
    void aReportedYearKeepsItsOwnValues() {
        put(Period.year(2025), "KES-K01.SASARAN", 1000, null);
        put(Period.year(2025), "KES-K01.TERLAYANI", 900, null);
        put(tw(2025, 4), "KES-K01.TERLAYANI", 950, null);

        PeriodFigures.Figure year = figure("2025");

        assertThat(year.derived()).isFalse();
        assertThat(year.values()).containsEntry("KES-K01.TERLAYANI", BigDecimal.valueOf(900));
    }

    @Test
    @DisplayName("months are each month alone by default: January 100 and February 120 make 220 to February")
    void monthsAreThePeriodAloneByDefault() {
        put(new Period(2026, Period.Kind.MONTH, 1), "KES-K01.TERLAYANI", 100, null);
        put(new Period(2026, Period.Kind.MONTH, 2), "KES-K01.TERLAYANI", 120, null);

        assertThat(figure("2026-02").values()).containsEntry("KES-K01.TERLAYANI", BigDecimal.valueOf(220));
    }

    @Test
    @DisplayName("a year-to-date figure that falls is flagged on the value that fell: TW3 400 after TW2 450")
    void aFallingYearToDateFigureIsFlagged() {
        put(tw(2026, 2), "KES-K01.TERLAYANI", 450, null);
        long tw3 = put(tw(2026, 3), "KES-K01.TERLAYANI", 400, null);

        List<PeriodFigures.BasisFinding> found = figure("2026-TW3").findings();

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("YTD_DECREASES");
            assertThat(f.valueId()).isEqualTo(tw3);
            assertThat(f.reference()).isEqualByComparingTo("450");
            assertThat(f.referencePeriod().code()).isEqualTo("2026-TW2");
        });
    }

    @Test
    @DisplayName("quarter-only figures that add up beyond the target, each below it and rising, look year to date")
    void quarterOnlyFiguresThatLookYearToDateAreFlagged() {
        for (int q = 1; q <= 3; q++) {
            put(tw(2026, q), "KES-K01.SASARAN", 1000, null);
        }
        put(tw(2026, 1), "KES-K01.TERLAYANI", 400, Basis.PERIOD_ONLY);
        put(tw(2026, 2), "KES-K01.TERLAYANI", 700, Basis.PERIOD_ONLY);
        long tw3 = put(tw(2026, 3), "KES-K01.TERLAYANI", 900, Basis.PERIOD_ONLY);

        // 400 + 700 + 900 = 2,000 served of 1,000, each figure under 1,000 and rising: flagged
        assertThat(figure("2026-TW3").findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("SUM_BEYOND_TARGET");
            assertThat(f.valueId()).isEqualTo(tw3);
            assertThat(f.sum()).isEqualByComparingTo("2000");
            assertThat(f.reference()).isEqualByComparingTo("1000");
        });
        // TW2: 400 + 700 = 1,100 > 1,000: flagged too
        assertThat(figure("2026-TW2").findings()).extracting(PeriodFigures.BasisFinding::kind).containsExactly("SUM_BEYOND_TARGET");
    }

    @Test
    @DisplayName("a TW3 for the quarter alone adds to an S1 year-to-date figure: S1 400 + TW3 200 = 600; S1's target stands")
    void aQuarterAloneAddsToTheSemesterBeforeIt() {
        put(new Period(2026, Period.Kind.SEMESTER, 1), "KES-K01.SASARAN", 1000, null);
        put(new Period(2026, Period.Kind.SEMESTER, 1), "KES-K01.TERLAYANI", 400, Basis.YEAR_TO_DATE);
        put(tw(2026, 3), "KES-K01.TERLAYANI", 200, Basis.PERIOD_ONLY);

        PeriodFigures.Figure tw3 = figure("2026-TW3");

        // the year to date at the end of June is S1's 400; + 200 in July-September = 600 of 1,000
        assertThat(tw3.values()).containsEntry("KES-K01.TERLAYANI", BigDecimal.valueOf(600))
                .containsEntry("KES-K01.SASARAN", BigDecimal.valueOf(1000));
        assertThat(tw3.unresolved()).isEmpty();
    }

    @Test
    @DisplayName("a quarter alone with nothing before it is reported but unusable: named, flagged, its service incomplete")
    void aQuarterAloneWithoutAnEarlierFigureIsUnresolved() {
        put(tw(2026, 3), "KES-K01.SASARAN", 1000, null);
        long tw3 = put(tw(2026, 3), "KES-K01.TERLAYANI", 200, Basis.PERIOD_ONLY);

        PeriodFigures.Figure figure = figure("2026-TW3");

        assertThat(figure.values()).doesNotContainKey("KES-K01.TERLAYANI");
        assertThat(figure.unresolved()).containsExactly("KES-K01.TERLAYANI");
        assertThat(figure.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("NEEDS_EARLIER_PERIOD");
            assertThat(f.valueId()).isEqualTo(tw3);
            assertThat(f.referencePeriod().code()).isEqualTo("2026-TW2");
        });
        // reported, so not "belum dilaporkan": incomplete, counted 0
        RegionEvaluation e = new SpmEvaluator(catalogue).evaluate("33.74", Level.KABKOTA, figure.period(), figure.values(),
                RegionEvaluation.Scope.OWN, new RegionEvaluation.Basis(figure.covered(), figure.missing(), false, figure.unresolved()));
        assertThat(e.services().stream().filter(s -> s.serviceCode().equals("KES-K01")).findFirst().orElseThrow().status()).isEqualTo(ServiceResult.Status.NOT_COMPUTABLE);
    }
}
