package id.pantauspm.dhis2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.pantauspm.catalogue.Catalogue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A DHIS2 instance's names for Pantau's figures, from a YAML file the instance's administrator
 * writes (config/dhis2-mapping.example.yaml shows every entry):
 *
 * <pre>
 * dataSet: SPM-TRIWULAN            # optional: ADX group attribute and dataValueSets "dataSet"
 * attributeOptionCombo: HllvX50cXC0 # optional, dataValueSets only
 * orgUnit:
 *   pattern: "{digits}"            # optional: for regions not listed; {code} is 33.74, {digits} 3374
 *   regions: {"33.74": DiszpKrYNg8} # region code to org unit
 * values:      {KES-K01.SASARAN: SPM_K01_SASARAN}          # measures as received
 * indicators:  {KES-K01.CAPAIAN_PENERIMA: SPM_K01_CAPAIAN} # indicators as computed
 * services:    {KES-K01: {index: .., recipient: .., quality: ..}}
 * fields:      {KES: SPM_KES_INDEKS}                        # field index
 * region: SPM_INDEKS                                         # the region's SPM index
 * </pre>
 *
 * A target is a data element, or {@code {dataElement, categoryOptionCombo, disaggregation}}. Every
 * code is checked against the catalogue, so a typo is reported rather than silently never exported.
 */
public record Dhis2Mapping(String dataSet, String attributeOptionCombo, String orgUnitPattern, Map<String, String> orgUnits,
                           Map<String, Dhis2Target> values, Map<String, Dhis2Target> indicators,
                           Map<String, Map<String, Dhis2Target>> services, Map<String, Dhis2Target> fields,
                           Dhis2Target regionIndex) {

    /** The figures of a service that can be mapped: its index, recipient achievement and quality achievement. */
    public static final Set<String> SERVICE_FIGURES = Set.of("index", "recipient", "quality");
    private static final Set<String> TOP_LEVEL = Set.of("dataSet", "attributeOptionCombo", "orgUnit", "values", "indicators",
            "services", "fields", "region");

    /** The org unit of a region: listed, else from the pattern, else none (the region is left out). */
    public Optional<String> orgUnit(String regionCode) {
        String listed = orgUnits.get(regionCode);
        if (listed != null) {
            return Optional.of(listed);
        }
        if (orgUnitPattern == null) {
            return Optional.empty();
        }
        return Optional.of(orgUnitPattern.replace("{code}", regionCode).replace("{digits}", regionCode.replace(".", "")));
    }

    public static Dhis2Mapping load(Path file, Catalogue catalogue) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(file));
        } catch (IOException | JacksonException e) {
            throw new Dhis2MappingException(file, List.of(e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new Dhis2MappingException(file, List.of("the file holds no mapping (expected keys such as values:, services:, orgUnit:)"));
        }
        for (String key : root.propertyNames()) {
            if (!TOP_LEVEL.contains(key)) {
                problems.add(key + ": not a mapping entry; expected one of " + TOP_LEVEL);
            }
        }
        String pattern = null;
        Map<String, String> orgUnits = new LinkedHashMap<>();
        JsonNode orgUnit = root.get("orgUnit");
        if (orgUnit != null && !orgUnit.isNull()) {
            pattern = text(orgUnit.get("pattern"));
            JsonNode regions = orgUnit.get("regions");
            if (regions != null && regions.isObject()) {
                for (Map.Entry<String, JsonNode> e : regions.properties()) {
                    String ou = text(e.getValue());
                    if (ou == null) {
                        problems.add("orgUnit.regions." + e.getKey() + ": expected an org unit code or UID");
                    } else {
                        orgUnits.put(e.getKey(), ou);
                    }
                }
            }
        }
        Map<String, Dhis2Target> values = targets(root.get("values"), "values", problems,
                code -> catalogue.measure(code).isPresent() || isMutuMeasure(code, catalogue));
        Map<String, Dhis2Target> indicators = targets(root.get("indicators"), "indicators", problems,
                code -> catalogue.services().stream().flatMap(s -> s.indicators().stream()).anyMatch(i -> i.code().equals(code)));
        Map<String, Map<String, Dhis2Target>> services = new LinkedHashMap<>();
        JsonNode s = root.get("services");
        if (s != null && s.isObject()) {
            for (Map.Entry<String, JsonNode> e : s.properties()) {
                if (catalogue.service(e.getKey()).isEmpty()) {
                    problems.add("services." + e.getKey() + ": no such service type in the catalogue");
                    continue;
                }
                Map<String, Dhis2Target> figures = targets(e.getValue(), "services." + e.getKey(), problems, SERVICE_FIGURES::contains);
                services.put(e.getKey(), figures);
            }
        }
        Map<String, Dhis2Target> fields = targets(root.get("fields"), "fields", problems, code -> catalogue.field(code).isPresent());
        Dhis2Target region = root.has("region") ? target(root.get("region"), "region", problems) : null;
        if (!problems.isEmpty()) {
            throw new Dhis2MappingException(file, problems);
        }
        return new Dhis2Mapping(text(root.get("dataSet")), text(root.get("attributeOptionCombo")), pattern, orgUnits, values,
                indicators, services, fields, region);
    }

    /** Mutu items are reported as X_BUTUH and X_TERSEDIA measures (catalog.service.mutu_hint). */
    private static boolean isMutuMeasure(String code, Catalogue catalogue) {
        int dot = code.indexOf('.');
        if (dot < 0 || !(code.endsWith("_BUTUH") || code.endsWith("_TERSEDIA"))) {
            return false;
        }
        String item = code.substring(dot + 1, code.lastIndexOf('_'));
        return catalogue.service(code.substring(0, dot)).map(st -> st.mutu().stream().anyMatch(m -> m.code().equals(item)))
                .orElse(false);
    }

    private static Map<String, Dhis2Target> targets(JsonNode node, String where, List<String> problems,
                                                    java.util.function.Predicate<String> known) {
        Map<String, Dhis2Target> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            problems.add(where + ": expected entries of the form CODE: DATA_ELEMENT");
            return out;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!known.test(e.getKey())) {
                problems.add(where + "." + e.getKey() + ": no such code in the catalogue");
                continue;
            }
            Dhis2Target t = target(e.getValue(), where + "." + e.getKey(), problems);
            if (t != null) {
                out.put(e.getKey(), t);
            }
        }
        return out;
    }

    private static Dhis2Target target(JsonNode node, String where, List<String> problems) {
        if (node != null && node.isValueNode() && text(node) != null) {
            return Dhis2Target.of(text(node));
        }
        if (node != null && node.isObject() && text(node.get("dataElement")) != null) {
            Map<String, String> disaggregation = new LinkedHashMap<>();
            JsonNode d = node.get("disaggregation");
            if (d != null && d.isObject()) {
                d.properties().forEach(e -> disaggregation.put(e.getKey(), e.getValue().asString()));
            }
            return new Dhis2Target(text(node.get("dataElement")), text(node.get("categoryOptionCombo")), disaggregation);
        }
        problems.add(where + ": expected a data element, or {dataElement: .., categoryOptionCombo: ..}");
        return null;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || !node.isValueNode()) {
            return null;
        }
        String t = node.asString().trim();
        return t.isEmpty() ? null : t;
    }
}
