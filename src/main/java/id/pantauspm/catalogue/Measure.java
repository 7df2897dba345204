package id.pantauspm.catalogue;

/** A raw number offices report, such as KES-K01.SASARAN. */
public record Measure(String code, String serviceCode, LocalizedText name, Kind kind, String unit, ValueType type,
                      String source) {

    public static final String TARGET_POPULATION = "SASARAN";
    public static final String SERVED = "TERLAYANI";

    public static String code(String serviceCode, String localCode) {
        return serviceCode + "." + localCode;
    }

    public String localCode() {
        return code.substring(serviceCode.length() + 1);
    }
}
