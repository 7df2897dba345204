package id.pantauspm.store;

import java.math.BigDecimal;

/**
 * A value a corrected submission changed: what an earlier file said and what this one says (null:
 * missing). {@code dropped}: this file reports the service but not this measure, so the earlier
 * value no longer counts and nothing replaces it.
 */
public record ValueChange(String regionCode, String periodCode, String measureCode, BigDecimal before, BigDecimal after,
                          String earlierFile, boolean dropped) {

    public ValueChange(String regionCode, String periodCode, String measureCode, BigDecimal before, BigDecimal after,
                       String earlierFile) {
        this(regionCode, periodCode, measureCode, before, after, earlierFile, false);
    }
}
