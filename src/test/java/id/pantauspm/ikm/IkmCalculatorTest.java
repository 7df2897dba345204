package id.pantauspm.ikm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.pantauspm.catalogue.IkmRegime;
import id.pantauspm.catalogue.IkmRules;
import id.pantauspm.catalogue.IkmRulesLoader;

/**
 * The IKM of PermenPAN-RB 14/2017 and of KepMenPAN 25/2004 on surveys small enough to work out by
 * hand; each expected figure is derived in the comment above it.
 */
class IkmCalculatorTest {

    static final IkmRules RULES = new IkmRulesLoader().load(Path.of("indicators"));
    static final IkmRegime NINE = RULES.regime("PERMENPANRB_14_2017").orElseThrow();
    static final IkmRegime FOURTEEN = RULES.regime("KEPMENPAN_25_2004").orElseThrow();

    /** Respondents from rows of scores, U1 first. */
    static List<Response> rows(int[]... rows) {
        List<Response> out = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            Map<Integer, Integer> scores = new LinkedHashMap<>();
            for (int u = 0; u < rows[r].length; u++) {
                scores.put(u + 1, rows[r][u]);
            }
            out.add(new Response("R" + (r + 1), scores));
        }
        return out;
    }

    /** {@code count} respondents giving the same scores. */
    static List<Response> times(int count, int... scores) {
        int[][] rows = new int[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = scores;
        }
        return rows(rows);
    }

    @Test
    @DisplayName("9 unsur, 3 respondents: IKM 2200/27 = 81.48 (B Baik), rounded once; NRRs rounded first would give 81.44")
    void nineUnsurExactAndRoundedOnce() {
        IkmResult r = IkmCalculator.compute(NINE, rows(
                new int[] {4, 3, 3, 3, 4, 3, 3, 2, 3},
                new int[] {3, 3, 4, 3, 3, 3, 4, 3, 3},
                new int[] {4, 4, 3, 3, 3, 4, 3, 3, 4}));
        // Sums per unsur: 11, 10, 10, 9, 10, 10, 10, 8, 10 = 88; NRR = sum / 3.
        assertThat(r.unsur()).extracting(UnsurScore::sum).containsExactly(11L, 10L, 10L, 9L, 10L, 10L, 10L, 8L, 10L);
        assertThat(r.unsur().get(0).nrr()).isEqualByComparingTo("3.6667");
        assertThat(r.unsur().get(7).exactNrr()).isEqualTo(Fraction.of(8, 3));
        // IKM = (88/3) x 1/9 x 25 = 2200/27 = 81.481481... -> 81.48, band B (76.61-88.30).
        assertThat(r.exact()).isEqualTo(Fraction.of(2200, 27));
        assertThat(r.ikm()).isEqualByComparingTo("81.48");
        assertThat(r.band().code()).isEqualTo("B");
        assertThat(r.band().name().id()).isEqualTo("Baik");
        assertThat(r.respondents()).isEqualTo(3);
        // Rounding each NRR to two decimals first: 3.67 + 6 x 3.33 + 3.00 + 2.67 = 29.32; x 25/9 = 81.44. Not what the rule gives.
        BigDecimal roundedFirst = new BigDecimal("29.32").multiply(BigDecimal.valueOf(25))
                .divide(BigDecimal.valueOf(9), 2, java.math.RoundingMode.HALF_UP);
        assertThat(roundedFirst).isEqualByComparingTo("81.44").isNotEqualByComparingTo(r.ikm());
        // Each unsur's own band is that of NRR x 25: U8 8/3 -> 66.67 C, U4 3.00 -> 75.00 C, U1 11/3 -> 91.67 A.
        assertThat(r.unsur().get(7).converted()).isEqualByComparingTo("66.67");
        assertThat(r.unsur().get(7).band().code()).isEqualTo("C");
        assertThat(r.unsur().get(3).band().code()).isEqualTo("C");
        assertThat(r.unsur().get(0).band().code()).isEqualTo("A");
        // What to improve first: U8 (2.67), U4 (3.00), then the six at 3.33 in the regulation's order, U1 last.
        assertThat(r.weakestFirst()).extracting(u -> u.unsur().code())
                .containsExactly("U8", "U4", "U2", "U3", "U5", "U6", "U7", "U9", "U1");
    }

    @Test
    @DisplayName("the rounded weight 0.11 moves a unit from A (88.33) to B (87.45)")
    void roundedWeightCrossesABand() {
        // 10 respondents: U1-U5 all 4; U6, U7 all 3; U8 and U9 nine 3s and one 2 (sum 29).
        List<Response> survey = new ArrayList<>(times(9, 4, 4, 4, 4, 4, 3, 3, 3, 3));
        survey.add(new Response("R10", Map.of(1, 4, 2, 4, 3, 4, 4, 4, 5, 4, 6, 3, 7, 3, 8, 2, 9, 2)));
        IkmResult r = IkmCalculator.compute(NINE, survey);
        // Sum of NRR = 5 x 4 + 3 + 3 + 2.9 + 2.9 = 31.8. Exact: 31.8 x 25 / 9 = 795/9 = 88.333... -> 88.33, A (88.31-100).
        assertThat(r.exact()).isEqualTo(Fraction.of(265, 3));
        assertThat(r.ikm()).isEqualByComparingTo("88.33");
        assertThat(r.band().code()).isEqualTo("A");
        // With the weight 0.11: 31.8 x 0.11 x 25 = 87.45, B (76.61-88.30): the shortcut is shown, never used.
        assertThat(r.shortcutIkm()).isEqualByComparingTo("87.45");
        assertThat(r.shortcutBand().code()).isEqualTo("B");
        assertThat(r.shortcutChangesBand()).isTrue();
    }

    @Test
    @DisplayName("a published worked example: 29 respondents, 955 points: exact 91.48; the 0.11 weight gave its authors 90.56")
    void publishedWorkedExample() {
        // Scores per unsur as counted in a public IKM worked example (29 respondents, Permenpan RB 14/2017):
        // U1 18x4+11x3=105, U2 14x4+15x3=101, U3 15x4+12x3+2x2=100, U4 29x4=116, U5 15x4+14x3=102,
        // U6 105, U7 19x4+10x3=106, U8 105, U9 28x4+1x3=115; total 955.
        int[][] counts = {{18, 11, 0}, {14, 15, 0}, {15, 12, 2}, {29, 0, 0}, {15, 14, 0}, {18, 11, 0}, {19, 10, 0}, {18, 11, 0}, {28, 1, 0}};
        int[][] rows = new int[29][9];
        for (int u = 0; u < 9; u++) {
            int i = 0;
            for (int k = 0; k < counts[u][0]; k++) {
                rows[i++][u] = 4;
            }
            for (int k = 0; k < counts[u][1]; k++) {
                rows[i++][u] = 3;
            }
            for (int k = 0; k < counts[u][2]; k++) {
                rows[i++][u] = 2;
            }
        }
        IkmResult r = IkmCalculator.compute(NINE, rows(rows));
        assertThat(r.unsur()).extracting(UnsurScore::sum).containsExactly(105L, 101L, 100L, 116L, 102L, 105L, 106L, 105L, 115L);
        // 955 / (29 x 9) x 25 = 23875/261 = 91.4751 -> 91.48; the example's weighted sum with 0.11 read 90.56.
        assertThat(r.exact()).isEqualTo(Fraction.of(23875, 261));
        assertThat(r.ikm()).isEqualByComparingTo("91.48");
        assertThat(r.shortcutIkm()).isEqualByComparingTo("90.56");
        assertThat(r.band().code()).isEqualTo("A");
        assertThat(r.shortcutChangesBand()).isFalse();
    }

    @Test
    @DisplayName("14 unsur under KepMenPAN 25/2004: mean 3.4 gives 85.00, A there (81.26-100), where 9-unsur bands would say B")
    void fourteenUnsurUnderItsOwnRegime() {
        // 5 respondents answer every one of the 14 unsur 4, 4, 3, 3, 3: each NRR = 17/5 = 3.4.
        List<Response> survey = new ArrayList<>();
        survey.addAll(times(2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4));
        survey.addAll(times(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3));
        IkmResult r = IkmCalculator.compute(FOURTEEN, survey);
        // 14 x 3.4 x 1/14 x 25 = 85.00.
        assertThat(r.unsur()).hasSize(14);
        assertThat(r.ikm()).isEqualByComparingTo("85.00");
        assertThat(r.band().code()).isEqualTo("A");
        assertThat(r.band().name().id()).isEqualTo("Sangat baik");
        assertThat(NINE.bandOf(r.ikm()).orElseThrow().code()).isEqualTo("B");
        // Its rounded weight 0.071: 47.6 x 0.071 x 25 = 84.49.
        assertThat(r.shortcutIkm()).isEqualByComparingTo("84.49");
        // The 9-unsur rule cannot be fed a 14-unsur questionnaire.
        assertThatThrownBy(() -> IkmCalculator.compute(NINE, survey)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no unsur 10");
    }

    @Test
    @DisplayName("14 unsur: 456 points from 10 respondents give 81.43 (A); the rounded 0.071 would give 80.94 (B)")
    void fourteenUnsurShortcutCrossesABand() {
        // 10 respondents x 14 unsur = 140 answers; 456 points: U1-U8 sum 33 each (3 fours, 7 threes),
        // U9-U14 sum 32 each (2 fours, 8 threes): 8 x 33 + 6 x 32 = 264 + 192 = 456.
        int[][] rows = new int[10][14];
        for (int i = 0; i < 10; i++) {
            for (int u = 0; u < 14; u++) {
                rows[i][u] = i < (u < 8 ? 3 : 2) ? 4 : 3;
            }
        }
        IkmResult r = IkmCalculator.compute(FOURTEEN, rows(rows));
        // Sum of NRR = 45.6; x 1/14 x 25 = 1140/14 = 81.428... -> 81.43 A; x 0.071 x 25 = 80.94 B (62.51-81.25).
        assertThat(r.exact()).isEqualTo(Fraction.of(570, 7));
        assertThat(r.ikm()).isEqualByComparingTo("81.43");
        assertThat(r.band().code()).isEqualTo("A");
        assertThat(r.shortcutIkm()).isEqualByComparingTo("80.94");
        assertThat(r.shortcutBand().code()).isEqualTo("B");
    }

    @Test
    @DisplayName("an unanswered item counts only those who answered it; an unsur nobody answered makes the IKM not computable")
    void unansweredItems() {
        // R1 leaves U4 blank: NRR U4 = (3 + 1) / 2 = 2, the others over 3 respondents.
        List<Response> survey = new ArrayList<>();
        survey.add(new Response("R1", Map.of(1, 4, 2, 4, 3, 4, 5, 4, 6, 4, 7, 4, 8, 4, 9, 4)));
        survey.addAll(times(1, 3, 3, 3, 3, 3, 3, 3, 3, 3));
        survey.addAll(times(1, 2, 2, 2, 1, 2, 2, 2, 2, 2));
        IkmResult r = IkmCalculator.compute(NINE, survey);
        assertThat(r.unsur().get(3).answers()).isEqualTo(2);
        assertThat(r.unsur().get(3).exactNrr()).isEqualTo(Fraction.of(2, 1));
        // Sum of NRR = 8 x 3 + 2 = 26; x 25/9 = 650/9 = 72.22 -> C (65.00-76.60). Counting the blank as 0 would give 69.44.
        assertThat(r.ikm()).isEqualByComparingTo("72.22");
        assertThat(r.band().code()).isEqualTo("C");

        IkmResult none = IkmCalculator.compute(NINE, List.of(new Response("R1", Map.of(1, 4, 2, 4, 3, 4, 5, 4, 6, 4, 7, 4, 8, 4, 9, 4))));
        assertThat(none.computable()).isFalse();
        assertThat(none.ikm()).isNull();
        assertThat(none.band()).isNull();
        assertThat(none.unanswered()).extracting(u -> u.code()).containsExactly("U4");
        assertThat(IkmCalculator.compute(NINE, List.of()).computable()).isFalse();
    }

    @Test
    @DisplayName("bands at their edges, read at two decimals: 88.305 is A, 88.30 is B, 64.99 D, 65.00 C, 25.00 D, 100 A")
    void bandEdges() {
        assertThat(NINE.bandOf(new BigDecimal("88.305")).orElseThrow().code()).isEqualTo("A");
        assertThat(NINE.bandOf(new BigDecimal("88.30")).orElseThrow().code()).isEqualTo("B");
        assertThat(NINE.bandOf(new BigDecimal("76.61")).orElseThrow().code()).isEqualTo("B");
        assertThat(NINE.bandOf(new BigDecimal("76.60")).orElseThrow().code()).isEqualTo("C");
        assertThat(NINE.bandOf(new BigDecimal("65.00")).orElseThrow().code()).isEqualTo("C");
        assertThat(NINE.bandOf(new BigDecimal("64.99")).orElseThrow().code()).isEqualTo("D");
        assertThat(NINE.bandOf(new BigDecimal("25.00")).orElseThrow().code()).isEqualTo("D");
        assertThat(NINE.bandOf(new BigDecimal("100")).orElseThrow().code()).isEqualTo("A");
        assertThat(FOURTEEN.bandOf(new BigDecimal("81.26")).orElseThrow().code()).isEqualTo("A");
        assertThat(FOURTEEN.bandOf(new BigDecimal("81.25")).orElseThrow().code()).isEqualTo("B");
        assertThat(FOURTEEN.bandOf(new BigDecimal("43.75")).orElseThrow().code()).isEqualTo("D");
        assertThat(FOURTEEN.bandOf(new BigDecimal("43.76")).orElseThrow().code()).isEqualTo("C");
        // Every respondent answering 1 everywhere: the floor of the scale, 25.00, D; 4 everywhere: 100.00, A.
        assertThat(IkmCalculator.compute(NINE, times(4, 1, 1, 1, 1, 1, 1, 1, 1, 1)).ikm()).isEqualByComparingTo("25.00");
        assertThat(IkmCalculator.compute(NINE, times(4, 4, 4, 4, 4, 4, 4, 4, 4, 4)).ikm()).isEqualByComparingTo("100.00");
    }

    @Test
    @DisplayName("a score outside 1-4 never reaches the maths")
    void scoresOutsideTheScaleAreRefused() {
        assertThatThrownBy(() -> IkmCalculator.compute(NINE, times(1, 4, 4, 4, 4, 5, 4, 4, 4, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score 5");
        assertThatThrownBy(() -> IkmCalculator.compute(NINE, times(1, 4, 4, 4, 4, 0, 4, 4, 4, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score 0");
    }
}
