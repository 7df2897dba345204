package id.pantauspm.evaluate;

import java.math.BigDecimal;
import java.util.Set;

/**
 * One service's verdict for a region and period, with the region's own planned recipient
 * achievement when it set one (the national standard is always 100). Percentages and the index are
 * rounded to two decimals; a null means the figure could not be computed (never zero). In the field
 * index a service without an index counts 0 unless it has nothing to serve (rules.yaml {@code coverage}).
 *
 * @param regionsIncluded roll-ups: how many regions' counts are summed; null for a region's own figure
 * @param regionsTotal    roll-ups: how many regions could have been summed
 * @param budget          rupiah planned and spent (year to date) for the service, and the share spent
 */
public record ServiceResult(String serviceCode, String fieldCode, BigDecimal targetPopulation, BigDecimal served,
                            BigDecimal recipientAchievementUncapped, BigDecimal recipientAchievement,
                            BigDecimal qualityAchievement, int mutuItemsReported, BigDecimal index,
                            String categoryCode, Status status, Set<Warning> warnings, BigDecimal planTarget,
                            Integer regionsIncluded, Integer regionsTotal, Budget budget) {

    /** Rupiah planned and spent, and spent / planned x 100 (two decimals); a null is not reported (or planned is 0). */
    public record Budget(BigDecimal planned, BigDecimal spent, BigDecimal pct) {
        public static final Budget NONE = new Budget(null, null, null);
    }

    public enum Status {
        /** Index computed. */
        COMPUTED,
        /** SASARAN 0 and TERLAYANI 0: nobody to serve; no index, left out of averages. */
        NOTHING_TO_SERVE,
        /** Neither SASARAN nor TERLAYANI reported ("belum dilaporkan"): counts 0 in the field index. */
        NOT_REPORTED,
        /** One of SASARAN and TERLAYANI missing, or people served without a target population: counts 0. */
        NOT_COMPUTABLE
    }

    public enum Warning {
        /** More served than the target population: shown uncapped, capped at 100 in the index. */
        SERVED_ABOVE_TARGET,
        /** No mutu item reported: the index is the recipient achievement alone. */
        INDEX_WITHOUT_QUALITY,
        /** A roll-up whose regions reporting fall below the rule version's minimum coverage: no category. */
        COVERAGE_BELOW_MINIMUM
    }

    /** People still to serve, when both counts are known. */
    public BigDecimal stillToServe() {
        if (targetPopulation == null || served == null) {
            return null;
        }
        return targetPopulation.subtract(served).max(BigDecimal.ZERO);
    }

    /** Whether the service counts in the official mean: everything but nothing-to-serve. */
    public boolean due() {
        return status != Status.NOTHING_TO_SERVE;
    }

    ServiceResult withBudget(Budget b) {
        return new ServiceResult(serviceCode, fieldCode, targetPopulation, served, recipientAchievementUncapped,
                recipientAchievement, qualityAchievement, mutuItemsReported, index, categoryCode, status, warnings, planTarget,
                regionsIncluded, regionsTotal, b);
    }

    ServiceResult withPlan(BigDecimal plan) {
        return new ServiceResult(serviceCode, fieldCode, targetPopulation, served, recipientAchievementUncapped,
                recipientAchievement, qualityAchievement, mutuItemsReported, index, categoryCode, status, warnings, plan,
                regionsIncluded, regionsTotal, budget);
    }

    ServiceResult inRollup(int included, int total, String category, Set<Warning> moreWarnings) {
        java.util.EnumSet<Warning> all = java.util.EnumSet.noneOf(Warning.class);
        all.addAll(warnings);
        all.addAll(moreWarnings);
        return new ServiceResult(serviceCode, fieldCode, targetPopulation, served, recipientAchievementUncapped,
                recipientAchievement, qualityAchievement, mutuItemsReported, index, category, status, Set.copyOf(all),
                planTarget, included, total, budget);
    }
}
