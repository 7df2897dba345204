package id.pantauspm.catalogue;

import java.util.List;

/**
 * A jenis pelayanan dasar of PP 2/2018 with what is measured about it.
 *
 * @param qualityIndicators full codes of the quality-indicator percentages the service reports (education:
 *                          Rapor Pendidikan), used instead of the mutu items where the rule version's quality
 *                          method for the field is {@code reported}
 */
public record ServiceType(String code, String fieldCode, Level level, LocalizedText name, LocalizedText recipients,
                          String regulation, List<Measure> measures, List<MutuItem> mutu, LocalizedText mutuNote,
                          List<Indicator> indicators, List<String> qualityIndicators, Evidence evidence) {

    public String targetPopulationMeasure() {
        return Measure.code(code, Measure.TARGET_POPULATION);
    }

    public String servedMeasure() {
        return Measure.code(code, Measure.SERVED);
    }

    /** The mutu items periods under this rule version are judged with. */
    public List<MutuItem> mutuIn(String version) {
        return mutu.stream().filter(m -> m.inForce().in(version)).toList();
    }

    /** The measures a period under this rule version asks for (its mutu items' pairs among them). */
    public List<Measure> measuresIn(String version) {
        return measures.stream().filter(m -> m.inForce().in(version)).toList();
    }

    public List<Indicator> indicatorsIn(String version) {
        return indicators.stream().filter(i -> i.inForce().in(version)).toList();
    }
}
