package id.pantauspm.ingest;

import java.math.BigDecimal;

import id.pantauspm.period.Basis;

/**
 * A value a region reported for a measure and period, with the sheet, row and column of its cell.
 * {@code amount} null means the office reported it as missing (empty, "-", "n/a"): never zero.
 * {@code basis} is what the office declared a sub-year figure counts (null: not declared, the rule
 * version's default for the period kind applies at evaluation).
 */
public record MeasuredValue(String regionCode, String periodCode, String measureCode, BigDecimal amount, String note,
                            String sheet, int rowNumber, String column, Basis basis) {

    public MeasuredValue(String regionCode, String periodCode, String measureCode, BigDecimal amount, String note,
                         String sheet, int rowNumber) {
        this(regionCode, periodCode, measureCode, amount, note, sheet, rowNumber, null, null);
    }
}
