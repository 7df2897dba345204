package id.pantauspm.ingest;

import java.math.BigDecimal;
import java.util.List;

import id.pantauspm.period.Basis;

/**
 * A value a region reported for a measure and period, with the sheet, row and column of its cell.
 * {@code amount} null means the office reported it as missing (empty, "-", "n/a"): never zero.
 * {@code basis} is what the office declared a sub-year figure counts (null: not declared, the rule
 * version's default for the period kind applies at evaluation).
 * A value summed from sub-region rows (a kecamatan, puskesmas or desa per row) lists them in
 * {@code parts}, its lineage; {@code sheet}, {@code rowNumber} and {@code column} are then those of its first part.
 */
public record MeasuredValue(String regionCode, String periodCode, String measureCode, BigDecimal amount, String note,
                            String sheet, int rowNumber, String column, Basis basis, List<Part> parts) {

    /** One cell a summed value was added up from: where it is, what sub-region it is, its amount. */
    public record Part(String sheet, int row, String column, String subregion, BigDecimal amount) {
    }

    public MeasuredValue {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public MeasuredValue(String regionCode, String periodCode, String measureCode, BigDecimal amount, String note,
                         String sheet, int rowNumber, String column, Basis basis) {
        this(regionCode, periodCode, measureCode, amount, note, sheet, rowNumber, column, basis, List.of());
    }

    public MeasuredValue(String regionCode, String periodCode, String measureCode, BigDecimal amount, String note,
                         String sheet, int rowNumber) {
        this(regionCode, periodCode, measureCode, amount, note, sheet, rowNumber, null, null, List.of());
    }
}
