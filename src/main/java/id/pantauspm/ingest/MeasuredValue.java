package id.pantauspm.ingest;

import java.math.BigDecimal;

/**
 * A value a region reported for a measure and period, with the sheet and row it came from.
 * {@code amount} null means the office reported it as missing (empty, "-", "n/a"): never zero.
 */
public record MeasuredValue(String regionCode, String periodCode, String measureCode, BigDecimal amount, String note,
                            String sheet, int rowNumber) {
}
