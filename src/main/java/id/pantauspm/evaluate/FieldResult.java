package id.pantauspm.evaluate;

import java.math.BigDecimal;

/** A field's index over the services that could be computed; null index when none could. */
public record FieldResult(String fieldCode, BigDecimal index, String categoryCode, int servicesComputed, int servicesTotal) {
}
