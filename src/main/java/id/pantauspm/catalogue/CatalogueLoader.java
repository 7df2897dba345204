package id.pantauspm.catalogue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the catalogue from a folder laid out as indicators/README.md describes:
 * rules.yaml, common.yaml and one file per field under fields/.
 */
public final class CatalogueLoader {

    private final YAMLMapper yaml = new YAMLMapper();

    public Catalogue load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CatalogueException("catalogue folder not found: " + folder);
        }
        List<RuleSet> ruleSets = readRules(folder.resolve("rules.yaml"));
        Path commonFile = folder.resolve("common.yaml");
        Node common = new Node(commonFile, "", read(commonFile));
        List<Field> fields = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder.resolve("fields"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                fields.add(readField(file, common));
            }
        } catch (IOException e) {
            throw new CatalogueException("cannot list " + folder.resolve("fields") + ": " + e.getMessage(), e);
        }
        return new Catalogue(fields, ruleSets);
    }

    private JsonNode read(Path file) {
        try {
            return yaml.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new CatalogueException(file.getFileName() + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    private Field readField(Path file, Node common) {
        Node root = new Node(file, "", read(file));
        Node field = root.child("field");
        String fieldCode = field.text("code");
        List<ServiceType> services = new ArrayList<>();
        for (Node s : root.list("services")) {
            String serviceCode = s.text("code");
            List<Measure> measures = new ArrayList<>();
            for (Node m : s.list("measures")) {
                measures.add(measure(m, serviceCode));
            }
            for (Node m : common.list("measures")) {
                measures.add(measure(m, serviceCode));
            }
            List<MutuItem> mutu = new ArrayList<>();
            for (Node item : s.list("mutu")) {
                MutuItem mi = new MutuItem(item.text("code"), serviceCode, item.text("category"),
                        item.localized("name"), item.text("unit"), item.text("source"));
                mutu.add(mi);
                LocalizedText needed = new LocalizedText(mi.name().id() + " (dibutuhkan)", mi.name().en() + " (needed)");
                LocalizedText available = new LocalizedText(mi.name().id() + " (tersedia)", mi.name().en() + " (available)");
                measures.add(new Measure(mi.neededMeasure(), serviceCode, needed, Kind.INPUT, mi.unit(), ValueType.COUNT,
                        Measure.Accumulation.LATEST, mi.source()));
                measures.add(new Measure(mi.availableMeasure(), serviceCode, available, Kind.INPUT, mi.unit(), ValueType.COUNT,
                        Measure.Accumulation.LATEST, mi.source()));
            }
            List<Indicator> indicators = new ArrayList<>();
            for (Node i : s.list("indicators")) {
                indicators.add(indicator(i, serviceCode));
            }
            for (Node i : common.list("indicators")) {
                indicators.add(indicator(i, serviceCode));
            }
            services.add(new ServiceType(serviceCode, fieldCode, s.enumValue("level", Level.class),
                    s.localized("name"), s.localized("recipients"), s.text("regulation"),
                    List.copyOf(measures), List.copyOf(mutu), s.optionalLocalized("mutu_note"), List.copyOf(indicators)));
        }
        return new Field(fieldCode, field.localized("name"), field.text("technical_standard"), field.text("source"),
                List.copyOf(services));
    }

    private Measure measure(Node m, String serviceCode) {
        return new Measure(Measure.code(serviceCode, m.text("code")), serviceCode, m.localized("name"),
                m.enumValue("kind", Kind.class), m.text("unit"), m.enumValue("type", ValueType.class),
                m.has("accumulation") ? m.enumValue("accumulation", Measure.Accumulation.class) : Measure.Accumulation.LATEST,
                m.text("source"));
    }

    private Indicator indicator(Node i, String serviceCode) {
        Node f = i.child("formula");
        Formula formula = switch (f.text("type")) {
            case "ratio" -> new Formula.Ratio(ref(serviceCode, f.text("numerator")), ref(serviceCode, f.text("denominator")),
                    f.has("factor") ? f.number("factor") : BigDecimal.ONE);
            case "sum" -> new Formula.Sum(f.list("of").stream().map(n -> ref(serviceCode, n.raw.asString())).toList());
            case "measure" -> new Formula.Direct(ref(serviceCode, f.text("of")));
            default -> throw f.problem("type", "expected ratio, sum or measure");
        };
        return new Indicator(Measure.code(serviceCode, i.text("code")), serviceCode, i.localized("name"),
                i.enumValue("kind", Kind.class), formula, i.text("unit"), i.number("target"),
                i.enumValue("direction", Indicator.Direction.class), i.text("source"));
    }

    /** A measure named in a formula: local to the service unless it carries its own service code. */
    private static String ref(String serviceCode, String code) {
        return code.contains(".") ? code : Measure.code(serviceCode, code);
    }

    private List<RuleSet> readRules(Path file) {
        Node root = new Node(file, "", read(file));
        List<RuleSet> sets = new ArrayList<>();
        for (Node v : root.list("versions")) {
            Node w = v.child("service_index_weights");
            Map<String, RuleSet.Weights> byField = new LinkedHashMap<>();
            if (w.has("by_field")) {
                Node bf = w.child("by_field");
                for (String fieldCode : bf.names()) {
                    byField.put(fieldCode, weights(bf.child(fieldCode)));
                }
            }
            List<CategoryBand> bands = new ArrayList<>();
            for (Node b : v.child("categories").list("bands")) {
                bands.add(new CategoryBand(b.text("code"), b.localized("name"), b.number("min"), b.number("max")));
            }
            sets.add(new RuleSet(v.text("version"), LocalDate.parse(v.text("valid_from")),
                    v.isNull("valid_to") ? null : LocalDate.parse(v.text("valid_to")), v.text("source"),
                    weights(w.child("default")), byField,
                    v.child("field_index").enumValue("method", RuleSet.Aggregation.class),
                    v.child("region_index").enumValue("method", RuleSet.Aggregation.class), List.copyOf(bands)));
        }
        return sets;
    }

    private static RuleSet.Weights weights(Node n) {
        return new RuleSet.Weights(n.number("recipients"), n.number("quality"), n.text("source"));
    }

    /** A YAML node with the file and path it came from, so every error says where to look. */
    private record Node(Path file, String path, JsonNode raw) {

        Node child(String name) {
            JsonNode c = raw.get(name);
            if (c == null || c.isNull()) {
                throw problem(name, "missing");
            }
            return new Node(file, path + "/" + name, c);
        }

        boolean has(String name) {
            return raw.has(name) && !raw.get(name).isNull();
        }

        boolean isNull(String name) {
            return !has(name);
        }

        List<String> names() {
            return raw.propertyNames().stream().toList();
        }

        List<Node> list(String name) {
            JsonNode c = raw.get(name);
            if (c == null || c.isNull()) {
                return List.of();
            }
            if (!c.isArray()) {
                throw problem(name, "expected a list");
            }
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < c.size(); i++) {
                items.add(new Node(file, path + "/" + name + "[" + i + "]", c.get(i)));
            }
            return items;
        }

        String text(String name) {
            JsonNode c = raw.get(name);
            if (c == null || c.isNull() || c.asString().isBlank()) {
                throw problem(name, "missing or empty");
            }
            return c.asString().trim();
        }

        BigDecimal number(String name) {
            String t = text(name);
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                throw problem(name, "expected a number, found '" + t + "'");
            }
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type) {
            String t = text(name);
            try {
                return Enum.valueOf(type, t.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw problem(name, "'" + t + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
            }
        }

        LocalizedText localized(String name) {
            Node n = child(name);
            return new LocalizedText(n.text("id"), n.text("en"));
        }

        LocalizedText optionalLocalized(String name) {
            return has(name) ? localized(name) : null;
        }

        CatalogueException problem(String name, String what) {
            String where = (path + "/" + name).replaceFirst("^/", "");
            String code = raw.has("code") ? " (" + raw.get("code").asString() + ")" : "";
            return new CatalogueException(file.getFileName() + ": " + where + code + ": " + what);
        }
    }
}
