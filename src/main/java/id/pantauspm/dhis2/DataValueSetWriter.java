package id.pantauspm.dhis2;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * DHIS2's own import format, a {@code dataValueSet} as JSON (DHIS2 Web API, "Data values":
 * {@code {"dataSet", "dataValues": [{"dataElement", "period", "orgUnit", "categoryOptionCombo",
 * "attributeOptionCombo", "value", "comment"}]}}), for POST to api/dataValueSets.
 */
public final class DataValueSetWriter {

    private DataValueSetWriter() {
    }

    public static void write(Dhis2Export.Collected collected, Dhis2Mapping mapping, OutputStream out) throws IOException {
        String period = Dhis2Periods.dhis2(collected.period());
        Map<String, Object> set = new LinkedHashMap<>();
        if (mapping.dataSet() != null) {
            set.put("dataSet", mapping.dataSet());
        }
        List<Map<String, Object>> dataValues = new ArrayList<>();
        for (Dhis2Value v : collected.values()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("dataElement", v.target().dataElement());
            d.put("period", period);
            d.put("orgUnit", v.orgUnit());
            if (v.target().categoryOptionCombo() != null) {
                d.put("categoryOptionCombo", v.target().categoryOptionCombo());
            }
            if (mapping.attributeOptionCombo() != null) {
                d.put("attributeOptionCombo", mapping.attributeOptionCombo());
            }
            d.put("value", v.plainValue());
            d.put("comment", "Pantau SPM " + v.source() + " " + v.regionCode() + " " + collected.period().code());
            dataValues.add(d);
        }
        set.put("dataValues", dataValues);
        try {
            out.write(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsBytes(set));
            out.write('\n');
        } catch (JacksonException e) {
            throw new IOException("dataValueSets JSON could not be written: " + e.getMessage(), e);
        }
    }
}
