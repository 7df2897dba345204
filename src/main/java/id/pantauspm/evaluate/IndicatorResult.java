package id.pantauspm.evaluate;

import java.math.BigDecimal;

/**
 * An indicator's value for a region and period against the national target and the region's plan.
 * A null value means it could not be computed (a measure missing, or a ratio over zero).
 */
public record IndicatorResult(String indicatorCode, String serviceCode, BigDecimal value, BigDecimal target,
                              BigDecimal planTarget) {
}
