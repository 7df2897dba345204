package id.pantauspm.evaluate;

import java.math.BigDecimal;
import java.util.Set;

/**
 * One service's verdict for a region and period, with the region's own planned recipient
 * achievement when it set one (the national standard is always 100). Percentages and the index are rounded to two
 * decimals; a null means the figure could not be computed (never zero).
 */
public record ServiceResult(String serviceCode, String fieldCode, BigDecimal targetPopulation, BigDecimal served,
                            BigDecimal recipientAchievementUncapped, BigDecimal recipientAchievement,
                            BigDecimal qualityAchievement, int mutuItemsReported, BigDecimal index,
                            String categoryCode, Status status, Set<Warning> warnings, BigDecimal planTarget) {

    public enum Status {
        /** Index computed. */
        COMPUTED,
        /** SASARAN 0 and TERLAYANI 0: nobody to serve; no index, left out of averages. */
        NOTHING_TO_SERVE,
        /** SASARAN or TERLAYANI missing (or served without a target population): no index. */
        NOT_COMPUTABLE
    }

    public enum Warning {
        /** More served than the target population: shown uncapped, capped at 100 in the index. */
        SERVED_ABOVE_TARGET,
        /** No mutu item reported: the index is the recipient achievement alone. */
        INDEX_WITHOUT_QUALITY
    }

    /** People still to serve, when both counts are known. */
    public BigDecimal stillToServe() {
        if (targetPopulation == null || served == null) {
            return null;
        }
        return targetPopulation.subtract(served).max(BigDecimal.ZERO);
    }
}
