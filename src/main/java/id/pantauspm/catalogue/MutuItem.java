package id.pantauspm.catalogue;

/**
 * A quality item of a service (goods, services, personnel, technical guidance), reported as a pair
 * of measures: how many are needed and how many are available.
 *
 * @param optional an item the technical standard may not ask for (e.g. personnel in PU and perumahan,
 *                 whose mutu the Permendagri 59/2021 form states as goods and services only): the
 *                 template marks it optional; reported, it counts like any other
 * @param inForce  the rule versions whose periods are judged with this item
 */
public record MutuItem(String code, String serviceCode, String category, LocalizedText name, String unit, String source,
                       boolean optional, InForce inForce, Evidence evidence) {

    public static final String NEEDED_SUFFIX = "_BUTUH";
    public static final String AVAILABLE_SUFFIX = "_TERSEDIA";

    public MutuItem(String code, String serviceCode, String category, LocalizedText name, String unit, String source) {
        this(code, serviceCode, category, name, unit, source, false, InForce.ALWAYS, Evidence.NONE);
    }

    public String neededMeasure() {
        return Measure.code(serviceCode, code + NEEDED_SUFFIX);
    }

    public String availableMeasure() {
        return Measure.code(serviceCode, code + AVAILABLE_SUFFIX);
    }
}
