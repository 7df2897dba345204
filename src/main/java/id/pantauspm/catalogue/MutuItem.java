package id.pantauspm.catalogue;

/**
 * A quality item of a service (goods, services, personnel, technical guidance), reported as a pair
 * of measures: how many are needed and how many are available.
 */
public record MutuItem(String code, String serviceCode, String category, LocalizedText name, String unit, String source) {

    public static final String NEEDED_SUFFIX = "_BUTUH";
    public static final String AVAILABLE_SUFFIX = "_TERSEDIA";

    public String neededMeasure() {
        return Measure.code(serviceCode, code + NEEDED_SUFFIX);
    }

    public String availableMeasure() {
        return Measure.code(serviceCode, code + AVAILABLE_SUFFIX);
    }
}
