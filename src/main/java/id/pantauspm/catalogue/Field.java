package id.pantauspm.catalogue;

import java.util.List;

/** One of the six SPM fields (bidang), e.g. KES, with its service types. */
public record Field(String code, LocalizedText name, String technicalStandard, String source, List<ServiceType> services,
                    Evidence evidence) {

    public Field(String code, LocalizedText name, String technicalStandard, String source, List<ServiceType> services) {
        this(code, name, technicalStandard, source, services, Evidence.NONE);
    }
}
