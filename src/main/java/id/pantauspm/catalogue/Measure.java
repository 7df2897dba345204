package id.pantauspm.catalogue;

/** A raw number offices report, such as KES-K01.SASARAN. */
public record Measure(String code, String serviceCode, LocalizedText name, Kind kind, String unit, ValueType type,
                      Accumulation accumulation, String source) {

    /** How reports of shorter periods make up a longer one (quarters up to the year). */
    public enum Accumulation {
        /** A flow, such as people served in the quarter: the year is the sum of its quarters. */
        SUM,
        /** A stock, such as children enrolled or items available: the latest report stands. */
        LATEST
    }

    public static final String TARGET_POPULATION = "SASARAN";
    public static final String SERVED = "TERLAYANI";
    /** Common measures of every service (indicators/common.yaml): rupiah planned and spent. */
    public static final String BUDGET_PLANNED = "ANGGARAN_RENCANA";
    public static final String BUDGET_SPENT = "ANGGARAN_REALISASI";

    public static String code(String serviceCode, String localCode) {
        return serviceCode + "." + localCode;
    }

    public String localCode() {
        return code.substring(serviceCode.length() + 1);
    }
}
