package id.pantauspm.ikm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class FractionTest {

    @Test
    void staysExactAndRoundsHalfUpOnce() {
        // 9 x 1/9 is exactly 1, which 0.111111 x 9 is not.
        Fraction ninth = Fraction.of(1, 9);
        Fraction nine = Fraction.ZERO;
        for (int i = 0; i < 9; i++) {
            nine = nine.plus(ninth);
        }
        assertThat(nine).isEqualTo(Fraction.of(1, 1));
        assertThat(Fraction.of(6, 4)).isEqualTo(Fraction.of(3, 2));
        assertThat(Fraction.of(3, -6)).isEqualTo(Fraction.of(-1, 2));
        assertThat(Fraction.of(new BigDecimal("0.110"))).isEqualTo(Fraction.of(11, 100));
        assertThat(Fraction.of(17661, 200).round(2)).isEqualByComparingTo("88.31"); // 88.305 half up
        assertThat(Fraction.of(2200, 27).toString()).isEqualTo("2200/27");
        assertThat(Fraction.of(1, 3).compareTo(Fraction.of(333, 1000))).isPositive();
    }
}
