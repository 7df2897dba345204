package id.pantauspm.catalogue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.pantauspm.catalogue.CatalogueFiles.Source;
import id.pantauspm.catalogue.YamlTree.Mapping;
import id.pantauspm.catalogue.YamlTree.Property;
import id.pantauspm.catalogue.YamlTree.Scalar;
import id.pantauspm.catalogue.YamlTree.Sequence;

/**
 * Reads the catalogue from a folder laid out as indicators/README.md describes:
 * rules.yaml, common.yaml and one file per field under fields/. The folder is checked first
 * ({@link CatalogueCheck}); an invalid catalogue is refused with every problem, one per line.
 */
public final class CatalogueLoader {

    /**
     * @throws CatalogueException listing every problem as {@code file:line: message}, one per line
     */
    public Catalogue load(Path folder) {
        CatalogueFiles files = CatalogueFiles.read(folder);
        List<CatalogueProblem> problems = CatalogueCheck.check(files);
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        List<RuleSet> ruleSets = readRules(files.document(CatalogueFiles.RULES));
        versions = ruleSets.stream().map(RuleSet::version).toList();
        unverified = new ArrayList<>();
        Source common = files.document(CatalogueFiles.COMMON);
        List<Field> fields = new ArrayList<>();
        Map<String, List<String>> serviceWords = new LinkedHashMap<>();
        for (Source file : files.fieldDocuments()) {
            fields.add(readField(file, common));
            for (Node s : Node.root(file).list("services")) {
                if (s.has("words")) {
                    serviceWords.put(s.text("code"), lower(s.texts("words")));
                }
            }
        }
        Map<String, List<String>> measureWords = new LinkedHashMap<>();
        Node commonRoot = Node.root(common);
        if (commonRoot.has("measure_words")) {
            Node mw = commonRoot.child("measure_words");
            for (String local : mw.names()) {
                measureWords.put(local, lower(mw.texts(local)));
            }
        }
        return new Catalogue(fields, ruleSets, new Catalogue.Words(Map.copyOf(serviceWords),
                java.util.Collections.unmodifiableMap(measureWords)), List.copyOf(unverified));
    }

    /** The rule versions in the order of rules.yaml, for since/until. */
    private List<String> versions = List.of();
    private List<Unverified> unverified = new ArrayList<>();

    private static List<String> lower(List<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    /** The versions from {@code since} to {@code until} (both inclusive, both optional). */
    private InForce inForce(Node n) {
        if (!n.has("since") && !n.has("until")) {
            return InForce.ALWAYS;
        }
        int from = n.has("since") ? versions.indexOf(n.text("since")) : 0;
        int to = n.has("until") ? versions.indexOf(n.text("until")) : versions.size() - 1;
        return new InForce(versions.subList(from, to + 1));
    }

    /** The entry's confidence and what remains unverified; an unverified one is also listed for the officer. */
    private Evidence evidence(Node n, String fieldCode, String entry) {
        String confidence = n.has("confidence") ? n.text("confidence").toLowerCase(Locale.ROOT) : null;
        String note = n.has("unverified") ? n.text("unverified") : null;
        if (note != null) {
            unverified.add(new Unverified(fieldCode, n.file(), n.line("unverified"), entry, note, confidence));
        }
        return confidence == null && note == null ? Evidence.NONE : new Evidence(confidence, note);
    }

    private Field readField(Source file, Source commonFile) {
        Node root = Node.root(file);
        Node common = Node.root(commonFile);
        Node field = root.child("field");
        String fieldCode = field.text("code");
        Evidence fieldEvidence = evidence(field, fieldCode, fieldCode);
        List<ServiceType> services = new ArrayList<>();
        for (Node s : root.list("services")) {
            String serviceCode = s.text("code");
            Evidence serviceEvidence = evidence(s, fieldCode, serviceCode);
            List<Measure> measures = new ArrayList<>();
            for (Node m : s.list("measures")) {
                measures.add(measure(m, serviceCode, fieldCode));
            }
            List<String> qualityIndicators = new ArrayList<>();
            for (Node m : s.list("quality_indicators")) {
                Measure q = new Measure(Measure.code(serviceCode, m.text("code")), serviceCode, m.localized("name"),
                        Kind.OUTCOME, m.text("unit"), ValueType.PERCENT, Measure.Accumulation.LATEST, m.text("source"),
                        inForce(m), evidence(m, fieldCode, serviceCode + " " + m.text("code")), List.of());
                measures.add(q);
                qualityIndicators.add(q.code());
            }
            for (Node m : common.list("measures")) {
                measures.add(measure(m, serviceCode, null));
            }
            List<MutuItem> mutu = new ArrayList<>();
            for (Node item : s.list("mutu")) {
                MutuItem mi = new MutuItem(item.text("code"), serviceCode, item.text("category"),
                        item.localized("name"), item.text("unit"), item.text("source"),
                        item.has("optional") && Boolean.parseBoolean(item.text("optional")), inForce(item),
                        evidence(item, fieldCode, serviceCode + " mutu " + item.text("code")));
                mutu.add(mi);
                LocalizedText needed = new LocalizedText(mi.name().id() + " (dibutuhkan)", mi.name().en() + " (needed)");
                LocalizedText available = new LocalizedText(mi.name().id() + " (tersedia)", mi.name().en() + " (available)");
                measures.add(new Measure(mi.neededMeasure(), serviceCode, needed, Kind.INPUT, mi.unit(), ValueType.COUNT,
                        Measure.Accumulation.LATEST, mi.source(), mi.inForce(), Evidence.NONE, List.of()));
                measures.add(new Measure(mi.availableMeasure(), serviceCode, available, Kind.INPUT, mi.unit(), ValueType.COUNT,
                        Measure.Accumulation.LATEST, mi.source(), mi.inForce(), Evidence.NONE, List.of()));
            }
            List<Indicator> indicators = new ArrayList<>();
            for (Node i : s.list("indicators")) {
                indicators.add(indicator(i, serviceCode, fieldCode));
            }
            for (Node i : common.list("indicators")) {
                indicators.add(indicator(i, serviceCode, null));
            }
            services.add(new ServiceType(serviceCode, fieldCode, s.enumValue("level", Level.class),
                    s.localized("name"), s.localized("recipients"), s.text("regulation"),
                    List.copyOf(measures), List.copyOf(mutu), s.optionalLocalized("mutu_note"), List.copyOf(indicators),
                    List.copyOf(qualityIndicators), serviceEvidence));
        }
        return new Field(fieldCode, field.localized("name"), field.text("technical_standard"), field.text("source"),
                List.copyOf(services), fieldEvidence);
    }

    /** @param fieldCode null for the common measures (never marked unverified per service) */
    private Measure measure(Node m, String serviceCode, String fieldCode) {
        return new Measure(Measure.code(serviceCode, m.text("code")), serviceCode, m.localized("name"),
                m.enumValue("kind", Kind.class), m.text("unit"), m.enumValue("type", ValueType.class),
                m.has("accumulation") ? m.enumValue("accumulation", Measure.Accumulation.class) : Measure.Accumulation.LATEST,
                m.text("source"), inForce(m),
                fieldCode == null ? Evidence.NONE : evidence(m, fieldCode, serviceCode + " " + m.text("code")),
                m.has("sum_of") ? m.texts("sum_of").stream().map(n -> ref(serviceCode, n)).toList() : List.of());
    }

    private Indicator indicator(Node i, String serviceCode, String fieldCode) {
        Node f = i.child("formula");
        Formula formula = switch (f.text("type")) {
            case "ratio" -> new Formula.Ratio(ref(serviceCode, f.text("numerator")), ref(serviceCode, f.text("denominator")),
                    f.has("factor") ? f.number("factor") : BigDecimal.ONE);
            case "sum" -> new Formula.Sum(f.texts("of").stream().map(n -> ref(serviceCode, n)).toList());
            case "measure" -> new Formula.Direct(ref(serviceCode, f.text("of")));
            default -> throw f.problem("type", "expected ratio, sum or measure");
        };
        BigDecimal target = null;
        int yearsBefore = 0;
        if (i.map().get("target") instanceof Mapping) {
            yearsBefore = i.child("target").number("improves_on_years_before").intValueExact();
        } else {
            target = i.number("target");
        }
        return new Indicator(Measure.code(serviceCode, i.text("code")), serviceCode, i.localized("name"),
                i.enumValue("kind", Kind.class), formula, i.text("unit"), target, yearsBefore,
                i.enumValue("direction", Indicator.Direction.class), i.text("source"), inForce(i),
                fieldCode == null ? Evidence.NONE : evidence(i, fieldCode, serviceCode + " " + i.text("code")));
    }

    /** A measure named in a formula: local to the service unless it carries its own service code. */
    private static String ref(String serviceCode, String code) {
        return code.contains(".") ? code : Measure.code(serviceCode, code);
    }

    private List<RuleSet> readRules(Source file) {
        Node root = Node.root(file);
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
                    v.has("valid_to") ? LocalDate.parse(v.text("valid_to")) : null, v.text("source"),
                    weights(w.child("default")), byField,
                    v.child("field_index").enumValue("method", RuleSet.Aggregation.class),
                    v.child("region_index").enumValue("method", RuleSet.Aggregation.class), List.copyOf(bands),
                    periodBasis(v.child("period_basis")), coverage(v.child("coverage")),
                    v.has("quality") ? quality(v.child("quality")) : RuleSet.Quality.ITEM_MEAN));
        }
        return sets;
    }

    private static java.util.Map<id.pantauspm.period.Period.Kind, id.pantauspm.period.Basis> periodBasis(Node n) {
        java.util.Map<id.pantauspm.period.Period.Kind, id.pantauspm.period.Basis> basis =
                new java.util.EnumMap<>(id.pantauspm.period.Period.Kind.class);
        for (id.pantauspm.period.Period.Kind kind : CatalogueCheck.SUB_YEAR_KINDS) {
            basis.put(kind, n.enumValue(kind.name().toLowerCase(java.util.Locale.ROOT), id.pantauspm.period.Basis.class));
        }
        return java.util.Map.copyOf(basis);
    }

    private static RuleSet.Coverage coverage(Node n) {
        return new RuleSet.Coverage(n.enumValue("unreported_service", RuleSet.UnreportedService.class),
                n.number("rollup_min_coverage"), n.text("source"));
    }

    private static RuleSet.Quality quality(Node n) {
        Map<String, RuleSet.QualityMethod> byField = new LinkedHashMap<>();
        if (n.has("by_field")) {
            Node bf = n.child("by_field");
            for (String fieldCode : bf.names()) {
                byField.put(fieldCode, bf.child(fieldCode).enumValue("method", RuleSet.QualityMethod.class));
            }
        }
        return new RuleSet.Quality(n.enumValue("method", RuleSet.QualityMethod.class), n.text("source"), Map.copyOf(byField));
    }

    private static RuleSet.Weights weights(Node n) {
        return new RuleSet.Weights(n.number("recipients"), n.number("quality"), n.text("source"));
    }

    /**
     * An entry of a checked file. {@link CatalogueCheck} has already made sure every key read here is
     * there and well-formed; should it ever miss something, the exception still names file, line and path.
     */
    record Node(String file, String path, Mapping map) {

        static Node root(Source source) {
            return new Node(source.name(), "", (Mapping) source.root());
        }

        Node child(String name) {
            if (!(map.get(name) instanceof Mapping m)) {
                throw problem(name, "missing");
            }
            return new Node(file, join(name), m);
        }

        int line(String name) {
            Property p = map.property(name);
            return p == null ? map.line() : p.line();
        }

        boolean has(String name) {
            return map.get(name) != null && !(map.get(name) instanceof Scalar s && s.isNull());
        }

        List<String> names() {
            return map.all().stream().map(Property::key).toList();
        }

        List<Node> list(String name) {
            if (!(map.get(name) instanceof Sequence seq)) {
                return List.of();
            }
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < seq.items().size(); i++) {
                items.add(new Node(file, join(name) + "[" + i + "]", (Mapping) seq.items().get(i)));
            }
            return items;
        }

        List<String> texts(String name) {
            if (!(map.get(name) instanceof Sequence seq)) {
                throw problem(name, "expected a list");
            }
            return seq.items().stream().map(n -> ((Scalar) n).text().trim()).toList();
        }

        String text(String name) {
            if (!(map.get(name) instanceof Scalar s) || s.isNull() || s.text().isBlank()) {
                throw problem(name, "missing or empty");
            }
            return s.text().trim();
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

        private String join(String name) {
            return path.isEmpty() ? name : path + "/" + name;
        }

        CatalogueException problem(String name, String what) {
            Property p = map.property(name);
            int line = p == null ? map.line() : p.line();
            String code = map.get("code") instanceof Scalar s && !s.isNull() ? " (" + s.text() + ")" : "";
            return new CatalogueException(List.of(new CatalogueProblem(file, line, join(name) + code + ": " + what)));
        }
    }
}
