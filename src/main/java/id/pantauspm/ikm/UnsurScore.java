package id.pantauspm.ikm;

import java.math.BigDecimal;

import id.pantauspm.catalogue.CategoryBand;
import id.pantauspm.catalogue.IkmUnsur;

/**
 * The result of one unsur: how many respondents answered it, the sum of their scores, and the mean
 * (NRR, nilai rata-rata) exactly; {@code nrr} is that mean rounded to four decimals for showing,
 * {@code converted} the mean times the scale (25) at two decimals, and {@code band} its band.
 */
public record UnsurScore(IkmUnsur unsur, int answers, long sum, Fraction exactNrr, BigDecimal nrr, BigDecimal converted,
                         CategoryBand band) {
}
