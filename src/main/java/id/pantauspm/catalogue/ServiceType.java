package id.pantauspm.catalogue;

import java.util.List;

/** A jenis pelayanan dasar of PP 2/2018 with what is measured about it. */
public record ServiceType(String code, String fieldCode, Level level, LocalizedText name, LocalizedText recipients,
                          String regulation, List<Measure> measures, List<MutuItem> mutu, LocalizedText mutuNote,
                          List<Indicator> indicators) {

    public String targetPopulationMeasure() {
        return Measure.code(code, Measure.TARGET_POPULATION);
    }

    public String servedMeasure() {
        return Measure.code(code, Measure.SERVED);
    }
}
