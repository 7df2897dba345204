package id.pantauspm.store;

import java.math.BigDecimal;

/** A value a corrected submission changed: what an earlier file said and what this one says (null: missing). */
public record ValueChange(String regionCode, String periodCode, String measureCode, BigDecimal before, BigDecimal after,
                          String earlierFile) {
}
