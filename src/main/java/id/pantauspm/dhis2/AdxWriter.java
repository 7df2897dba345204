package id.pantauspm.dhis2;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An ADX message (IHE QRPH Aggregate Data Exchange, 2015; namespace {@value #NAMESPACE}): one
 * {@code group} per org unit with the period as start/duration and the data set, one
 * {@code dataValue} per figure, its disaggregation as extra attributes. DHIS2 imports it at
 * api/dataValueSets with Content-Type application/adx+xml.
 */
public final class AdxWriter {

    public static final String NAMESPACE = "urn:ihe:qrph:adx:2015";

    private AdxWriter() {
    }

    public static void write(Dhis2Export.Collected collected, Dhis2Mapping mapping, Instant exported, OutputStream out)
            throws IOException {
        Map<String, List<Dhis2Value>> byOrgUnit = new LinkedHashMap<>();
        collected.values().forEach(v -> byOrgUnit.computeIfAbsent(v.orgUnit(), k -> new java.util.ArrayList<>()).add(v));
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "adx");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("exported", exported.truncatedTo(ChronoUnit.SECONDS).toString());
            for (Map.Entry<String, List<Dhis2Value>> group : byOrgUnit.entrySet()) {
                xml.writeCharacters("\n  ");
                // where the group came from, as a comment: DHIS2 reads extra group attributes as categories
                xml.writeComment(" Pantau SPM " + group.getValue().get(0).regionCode() + " " + collected.period().code() + " ");
                xml.writeCharacters("\n  ");
                xml.writeStartElement(NAMESPACE, "group");
                xml.writeAttribute("orgUnit", group.getKey());
                xml.writeAttribute("period", Dhis2Periods.adx(collected.period()));
                if (mapping.dataSet() != null) {
                    xml.writeAttribute("dataSet", mapping.dataSet());
                }
                for (Dhis2Value v : group.getValue()) {
                    xml.writeCharacters("\n    ");
                    xml.writeEmptyElement(NAMESPACE, "dataValue");
                    xml.writeAttribute("dataElement", v.target().dataElement());
                    xml.writeAttribute("value", v.plainValue());
                    for (Map.Entry<String, String> d : v.target().disaggregation().entrySet()) {
                        xml.writeAttribute(d.getKey(), d.getValue());
                    }
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("ADX message could not be written: " + e.getMessage(), e);
        }
    }
}
