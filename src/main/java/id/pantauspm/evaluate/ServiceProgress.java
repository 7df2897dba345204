package id.pantauspm.evaluate;

import java.math.BigDecimal;

/**
 * What an office reported about a service beside its counts: the progress of the four application
 * stages of Permendagri 59/2021 (percent, as reported) and the achievement it reported itself
 * ({@code CAPAIAN_DILAPORKAN}, a percentage without the counts behind it). Null: not reported.
 */
public record ServiceProgress(String serviceCode, BigDecimal dataCollection, BigDecimal needsCalculation,
                              BigDecimal planning, BigDecimal delivery, BigDecimal reportedAchievement) {

    /** Whether any stage was reported: a service without any shows no stage line. */
    public boolean hasStages() {
        return dataCollection != null || needsCalculation != null || planning != null || delivery != null;
    }

    public boolean isEmpty() {
        return !hasStages() && reportedAchievement == null;
    }
}
