package id.pantauspm.catalogue;

import java.util.List;

/**
 * A raw number offices report, such as KES-K01.SASARAN.
 *
 * @param inForce the rule versions whose periods ask for it (the template of a period lists only these)
 * @param sumOf   full codes of measures whose sum stands for this one when it is not reported itself
 *                (PU-K02.TERLAYANI = houses reached by its three access routes); empty when none
 */
public record Measure(String code, String serviceCode, LocalizedText name, Kind kind, String unit, ValueType type,
                      Accumulation accumulation, String source, InForce inForce, Evidence evidence, List<String> sumOf) {

    public Measure(String code, String serviceCode, LocalizedText name, Kind kind, String unit, ValueType type,
                   Accumulation accumulation, String source) {
        this(code, serviceCode, name, kind, unit, type, accumulation, source, InForce.ALWAYS, Evidence.NONE, List.of());
    }

    /** How reports of shorter periods make up a longer one (quarters up to the year). */
    public enum Accumulation {
        /** A flow, such as people served in the quarter: the year is the sum of its quarters. */
        SUM,
        /** A stock, such as children enrolled or items available: the latest report stands. */
        LATEST
    }

    public static final String TARGET_POPULATION = "SASARAN";
    public static final String SERVED = "TERLAYANI";
    /**
     * The achievement (percent) an office or portal reported without the counts behind it
     * (common.yaml): stored beside the computed achievement, never turned into counts.
     */
    public static final String REPORTED_ACHIEVEMENT = "CAPAIAN_DILAPORKAN";
    /** Common measures of every service (indicators/common.yaml): rupiah planned and spent. */
    public static final String BUDGET_PLANNED = "ANGGARAN_RENCANA";
    public static final String BUDGET_SPENT = "ANGGARAN_REALISASI";

    public static String code(String serviceCode, String localCode) {
        return serviceCode + "." + localCode;
    }

    /** Whether this is the achievement a file reported without counts (not asked for in the template). */
    public boolean reportedAchievement() {
        return localCode().equals(REPORTED_ACHIEVEMENT);
    }

    public String localCode() {
        return code.substring(serviceCode.length() + 1);
    }
}
