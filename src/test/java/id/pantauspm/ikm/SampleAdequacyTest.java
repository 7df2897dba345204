package id.pantauspm.ikm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.pantauspm.catalogue.SampleSizeTable;

/** The Krejcie-Morgan minimum sample for a unit's stated population of users. */
class SampleAdequacyTest {

    static final SampleSizeTable TABLE = IkmCalculatorTest.RULES.sampleSize();

    @Test
    @DisplayName("rows of the table, a population between rows takes the larger row, below 10 everyone, above 1,000,000 384")
    void minimumSample() {
        assertThat(TABLE.required(100)).isEqualTo(80);
        assertThat(TABLE.required(101)).isEqualTo(86);     // between 100 (80) and 110 (86): 86, never short
        assertThat(TABLE.required(9_000)).isEqualTo(368);
        assertThat(TABLE.required(12_000)).isEqualTo(375); // between 10,000 and 15,000
        assertThat(TABLE.required(10)).isEqualTo(10);
        assertThat(TABLE.required(7)).isEqualTo(7);        // a unit of 7 users asks all 7
        assertThat(TABLE.required(5_000_000)).isEqualTo(384);
    }

    @Test
    @DisplayName("every row of indicators/ikm.yaml is Krejcie and Morgan's formula, rounded: a typo in the table fails here")
    void tableAgreesWithTheFormula() {
        // S = X^2 N P(1-P) / (d^2 (N-1) + X^2 P(1-P)), X^2 = 3.841 (1 degree of freedom, 95%), P = 0.5, d = 0.05.
        assertThat(TABLE.rows()).hasSize(90);
        for (SampleSizeTable.Row row : TABLE.rows()) {
            double n = row.population();
            double s = 3.841 * n * 0.25 / (0.0025 * (n - 1) + 3.841 * 0.25);
            assertThat(row.sample()).as("N = %d", row.population()).isEqualTo((int) Math.round(s));
        }
    }

    @Test
    @DisplayName("150 respondents for 9,000 users fall 218 short of 368; a unit that states no population cannot be judged")
    void adequacy() {
        SampleAdequacy small = SampleAdequacy.of(TABLE, 9_000L, 150);
        assertThat(small.required()).isEqualTo(368);
        assertThat(small.adequate()).isFalse();
        assertThat(small.shortfall()).isEqualTo(218);
        assertThat(SampleAdequacy.of(TABLE, 4_200L, 360).adequate()).isTrue(); // 4,500 row: 354
        SampleAdequacy unknown = SampleAdequacy.of(TABLE, null, 150);
        assertThat(unknown.adequate()).isNull();
        assertThat(unknown.required()).isNull();
        assertThat(unknown.shortfall()).isZero();
    }
}
