package id.pantauspm.evaluate;

import java.math.BigDecimal;

/**
 * A mutu item of a service as evaluated: how many are needed and available, what is still lacking
 * (never below 0) and the share met (capped at 100; an item nobody needs is met).
 */
public record MutuResult(String serviceCode, String itemCode, BigDecimal needed, BigDecimal available, BigDecimal gap,
                         BigDecimal metPct) {
}
