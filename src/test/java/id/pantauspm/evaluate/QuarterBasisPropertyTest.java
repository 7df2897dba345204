package id.pantauspm.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.pantauspm.catalogue.CategoryBand;
import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.catalogue.Level;
import id.pantauspm.period.Basis;
import id.pantauspm.period.Period;

/**
 * Issue 8, as properties over random quarterly submissions: a region's health services, each served
 * q1, q2, q3 people in the first three quarters against a yearly target population; offices send
 * some quarters of some services, each value on a random basis (not declared, declared year to
 * date, declared the quarter alone) and written accordingly. Seeded, so a failure repeats.
 */
@DisplayName("Quarter basis and coverage, as properties over random submissions")
class QuarterBasisPropertyTest {

    private static final int CASES = 400;
    private static final List<String> SERVICES = List.of("KES-K01", "KES-K02", "KES-K03", "KES-K04", "KES-K05", "KES-K06",
            "KES-K07", "KES-K08", "KES-K09", "KES-K10", "KES-K11", "KES-K12");

    static Catalogue catalogue;
    static PeriodFigures figures;
    static SpmEvaluator evaluator;

    @BeforeAll
    static void load() {
        catalogue = new CatalogueLoader().load(Path.of("indicators"));
        figures = new PeriodFigures(catalogue);
        evaluator = new SpmEvaluator(catalogue);
    }

    /** What one office sent for one service and quarter: the value as written, on its declared basis. */
    record Sent(String service, int quarter, long served, Basis declared, long target) {
    }

    /** The truth of a case: per service, the target population and people served in each quarter alone. */
    record Truth(Map<String, Long> target, Map<String, long[]> quarterAlone) {
        long yearToDate(String service, int quarter) {
            long sum = 0;
            for (int q = 1; q <= quarter; q++) {
                sum += quarterAlone.get(service)[q - 1];
            }
            return sum;
        }
    }

    @Test
    @DisplayName("TW3's year-to-date figure is the truth wherever it can be known, and absent otherwise")
    void theThirdQuartersFigureIsTheTruthOrNothing() {
        for (int seed = 1; seed <= CASES; seed++) {
            Random random = new Random(seed);
            Truth truth = truth(random);
            List<Sent> sent = send(truth, random);

            Map<String, BigDecimal> tw3 = tw3(sent);

            for (String service : truth.target().keySet()) {
                String served = service + ".TERLAYANI";
                Long expected = byHand(sent, service) ? truth.yearToDate(service, 3) : null;
                assertThat(tw3.get(served)).as("seed %d, %s", seed, service)
                        .isEqualTo(expected == null ? null : BigDecimal.valueOf(expected));
            }
        }
    }

    @Test
    @DisplayName("leaving out any office's quarter for any service never raises an index or a category")
    void partialCoverageNeverRaisesAnIndex() {
        for (int seed = 1; seed <= CASES; seed++) {
            Random random = new Random(seed);
            Truth truth = truth(random);
            List<Sent> all = send(truth, random);
            if (all.isEmpty()) {
                continue;
            }
            RegionEvaluation full = evaluate(tw3(all));
            Sent dropped = all.get(random.nextInt(all.size()));
            List<Sent> partial = new ArrayList<>(all);
            partial.removeIf(s -> s.service().equals(dropped.service()) && s.quarter() == dropped.quarter());

            RegionEvaluation less = evaluate(tw3(partial));

            assertThat(less.index()).as("seed %d without %s TW%d", seed, dropped.service(), dropped.quarter())
                    .isLessThanOrEqualTo(full.index());
            assertThat(rank(less.categoryCode())).as("seed %d", seed).isGreaterThanOrEqualTo(rank(full.categoryCode()));
            FieldResult kesLess = less.fields().stream().filter(f -> f.fieldCode().equals("KES")).findFirst().orElseThrow();
            FieldResult kesFull = full.fields().stream().filter(f -> f.fieldCode().equals("KES")).findFirst().orElseThrow();
            assertThat(kesLess.index()).as("seed %d", seed).isLessThanOrEqualTo(kesFull.index());
        }
    }

    @Test
    @DisplayName("adding a partial TW2 file leaves a complete year-to-date TW3 exactly as it was")
    void aPartialEarlierFileChangesNothing() {
        for (int seed = 1; seed <= CASES; seed++) {
            Random random = new Random(seed);
            Truth truth = truth(random);
            List<Sent> tw3Only = new ArrayList<>();
            truth.target().keySet().forEach(s -> tw3Only.add(new Sent(s, 3, truth.yearToDate(s, 3), null, truth.target().get(s))));
            List<Sent> withTw2 = new ArrayList<>(tw3Only);
            truth.target().keySet().stream().filter(s -> random.nextBoolean())
                    .forEach(s -> withTw2.add(new Sent(s, 2, truth.yearToDate(s, 2), null, truth.target().get(s))));

            assertThat(evaluate(tw3(withTw2)).index()).as("seed %d", seed).isEqualTo(evaluate(tw3(tw3Only)).index());
        }
    }

    /** By the definition: TW3 sent, and every quarter-only figure on the way back has the quarter before it sent. */
    private static boolean byHand(List<Sent> sent, String service) {
        for (int q = 3; q >= 1; q--) {
            int quarter = q;
            Sent s = sent.stream().filter(x -> x.service().equals(service) && x.quarter() == quarter).findFirst().orElse(null);
            if (s == null) {
                return false;
            }
            if (s.declared() != Basis.PERIOD_ONLY || q == 1) {
                return true; // not declared: the rule version says quarters are year to date
            }
        }
        return true;
    }

    private static Truth truth(Random random) {
        Map<String, Long> target = new LinkedHashMap<>();
        Map<String, long[]> alone = new LinkedHashMap<>();
        for (String service : SERVICES) {
            if (random.nextInt(4) == 0) {
                continue; // a service this region never reports
            }
            long t = 100 + random.nextInt(5000);
            target.put(service, t);
            alone.put(service, new long[] {random.nextInt((int) t / 3 + 1), random.nextInt((int) t / 3 + 1),
                    random.nextInt((int) t / 2 + 1)});
        }
        return new Truth(target, alone);
    }

    private static List<Sent> send(Truth truth, Random random) {
        List<Sent> sent = new ArrayList<>();
        for (String service : truth.target().keySet()) {
            for (int q = 1; q <= 3; q++) {
                if (random.nextInt(5) == 0) {
                    continue; // this quarter's file for this service never came
                }
                Basis declared = switch (random.nextInt(3)) {
                    case 0 -> null;
                    case 1 -> Basis.YEAR_TO_DATE;
                    default -> Basis.PERIOD_ONLY;
                };
                long value = declared == Basis.PERIOD_ONLY ? truth.quarterAlone().get(service)[q - 1] : truth.yearToDate(service, q);
                sent.add(new Sent(service, q, value, declared, truth.target().get(service)));
            }
        }
        return sent;
    }

    private static Map<String, BigDecimal> tw3(List<Sent> sent) {
        Map<Period, Map<String, PeriodFigures.Reported>> reported = new TreeMap<>();
        long id = 0;
        for (Sent s : sent) {
            Map<String, PeriodFigures.Reported> values = reported.computeIfAbsent(Period.quarter(2026, s.quarter()),
                    k -> new LinkedHashMap<>());
            values.put(s.service() + ".SASARAN", new PeriodFigures.Reported(BigDecimal.valueOf(s.target()), null, ++id));
            values.put(s.service() + ".TERLAYANI", new PeriodFigures.Reported(BigDecimal.valueOf(s.served()), s.declared(), ++id));
        }
        return figures.assemble(reported).stream().filter(f -> f.period().code().equals("2026-TW3")).findFirst()
                .map(PeriodFigures.Figure::values).orElse(Map.of());
    }

    private static RegionEvaluation evaluate(Map<String, BigDecimal> values) {
        return evaluator.evaluate("33.74", Level.KABKOTA, Period.quarter(2026, 3), values);
    }

    /** A category's place from the top (0 = Tuntas Paripurna); no category counts as the bottom. */
    private static int rank(String category) {
        List<CategoryBand> bands = catalogue.ruleSetFor(Period.quarter(2026, 3).lastDay()).bands();
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i).code().equals(category)) {
                return i;
            }
        }
        return bands.size();
    }
}
