package id.pantauspm.catalogue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import id.pantauspm.catalogue.CatalogueFiles.Source;
import id.pantauspm.catalogue.YamlTree.Mapping;
import id.pantauspm.catalogue.YamlTree.Node;
import id.pantauspm.catalogue.YamlTree.Property;
import id.pantauspm.catalogue.YamlTree.Scalar;
import id.pantauspm.catalogue.YamlTree.Sequence;

/**
 * Everything that must hold for the catalogue to be used, checked at once: every problem is
 * reported with its file, line and what to fix, not only the first one.
 *
 * <p>Checks: YAML syntax; required keys and unknown keys; values of closed lists (kind, type,
 * level, ...); service codes {@code <FIELD>-<P|K><NN>} matching their file's field and their level,
 * unique across files; measure, mutu and indicator codes {@code ^[A-Z][A-Z0-9_]*$}, unique within
 * their service (counting the generated {@code X_BUTUH}/{@code X_TERSEDIA} and the common measures);
 * SASARAN and TERLAYANI (counts) and CAPAIAN_PENERIMA (TERLAYANI / SASARAN x 100) on every service;
 * formulas naming known measures; a source on every field, service (regulation), measure, mutu item,
 * indicator, rule version, weight set, index method and category scheme; weights summing to 100;
 * category bands; rule versions' validity periods.
 *
 * <p>Bands are inclusive at two decimals (an index is rounded to two decimals before its band is
 * looked up). Listed from the highest to the lowest, the highest ends at 100.00, the lowest starts
 * at 0.00, and each band's min is exactly the max of the band below plus 0.01 (Utama 90.00-99.99
 * above Madya 80.00-89.99): anything else leaves indices without a category (a gap) or with two
 * (an overlap). Rule versions, ordered by valid_from, neither overlap nor leave days between them
 * without rules (a period in such a gap could not be evaluated); only the last may be open-ended.
 *
 * <p>Pure: it looks at the parsed files only. {@link #check(Path)} reads a folder first.
 */
public final class CatalogueCheck {

    /** {@code KES-K01}: field, P (provinsi) or K (kabupaten/kota), two-digit order in PP 2/2018. */
    public static final Pattern SERVICE_CODE = Pattern.compile("^(PEND|KES|PU|PERKIM|TRANTIB|SOS)-([PK])(\\d{2})$");
    /** Measure, mutu item, indicator and band codes. */
    public static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]*$");
    public static final List<String> FIELD_CODES = List.of("PEND", "KES", "PU", "PERKIM", "TRANTIB", "SOS");
    static final List<String> MUTU_CATEGORIES = List.of("barang", "jasa", "sdm", "juknis");
    static final List<String> FORMULA_TYPES = List.of("ratio", "sum", "measure");

    /** The period kinds a rule version gives a default basis for (a year is always the whole year). */
    static final List<id.pantauspm.period.Period.Kind> SUB_YEAR_KINDS = List.of(id.pantauspm.period.Period.Kind.QUARTER,
            id.pantauspm.period.Period.Kind.SEMESTER, id.pantauspm.period.Period.Kind.MONTH);
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal STEP = new BigDecimal("0.01");

    private static final String SOURCE_FIX = "name the regulation it comes from, e.g. source: \"Permenkes 6/2024\"";
    private static final String NAME_FIX = "add name: {id: \"...\", en: \"...\"}";
    private static final String CODE_FIX = "use capital letters, digits and _, starting with a letter";

    private final CatalogueFiles files;
    private final Set<CatalogueProblem> problems = new LinkedHashSet<>();

    private final Map<String, Where> fieldCodes = new LinkedHashMap<>();
    private final Map<String, Where> serviceCodes = new LinkedHashMap<>();
    private final Set<String> allMeasures = new HashSet<>();
    private final Map<String, Where> commonMeasures = new LinkedHashMap<>();
    private final Map<String, Where> commonIndicators = new LinkedHashMap<>();
    private final List<Ref> refs = new ArrayList<>();
    private final List<FieldKey> byFieldKeys = new ArrayList<>();
    /** Service words by level and word, to find one word on two services of a level. */
    private final Map<String, Where> serviceWords = new LinkedHashMap<>();

    private CatalogueCheck(CatalogueFiles files) {
        this.files = files;
    }

    /** Reads the catalogue folder and checks it; an empty list means the catalogue can be used. */
    public static List<CatalogueProblem> check(Path folder) {
        return check(CatalogueFiles.read(folder));
    }

    static List<CatalogueProblem> check(CatalogueFiles files) {
        return new CatalogueCheck(files).run();
    }

    private List<CatalogueProblem> run() {
        problems.addAll(files.problems());
        Source common = files.document(CatalogueFiles.COMMON);
        if (common != null) {
            checkCommon(common);
        }
        for (Source field : files.fieldDocuments()) {
            checkFieldFile(field);
        }
        Source rules = files.document(CatalogueFiles.RULES);
        if (rules != null) {
            checkRules(rules);
        }
        Source ikm = files.document(CatalogueFiles.IKM);
        if (ikm != null) {
            new IkmRulesCheck(this).check(ikm);
        }
        checkReferences();
        checkByFieldKeys();
        checkVersionRefs();
        List<CatalogueProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt((CatalogueProblem p) -> files.order(p.file()))
                .thenComparing(CatalogueProblem::file)
                .thenComparingInt(CatalogueProblem::line));
        return List.copyOf(sorted);
    }

    // ---------------------------------------------------------------- common.yaml

    private void checkCommon(Source doc) {
        At root = root(doc, "measures: and indicators:");
        if (root == null) {
            return;
        }
        root.allowOnly("measures", "indicators", "measure_words");
        for (At m : root.list("measures", true, "list the measures every service has")) {
            String code = checkMeasure(m).code();
            if (code != null) {
                Where first = commonMeasures.putIfAbsent(code, m.at("code"));
                if (first != null) {
                    m.problem("code", code + " appears twice in common.yaml (first at line " + first.line() + "); give each measure its own code");
                }
            }
        }
        Set<String> known = new LinkedHashSet<>(commonMeasures.keySet());
        known.add(Measure.TARGET_POPULATION);
        known.add(Measure.SERVED);
        At measureWords = root.child("measure_words", false, null);
        if (measureWords != null) {
            for (Property p : measureWords.map.all()) {
                if (!known.contains(p.key())) {
                    measureWords.problem(p.key(), p.line(), "'" + p.key() + "' is not a measure every service has; expected one of " + known);
                }
                measureWords.words(p.key(), true);
            }
        }
        for (At i : root.list("indicators", false, null)) {
            String code = checkIndicator(i, null, known);
            if (code != null) {
                Where first = commonIndicators.putIfAbsent(code, i.at("code"));
                if (first != null) {
                    i.problem("code", code + " appears twice in common.yaml (first at line " + first.line() + "); give each indicator its own code");
                }
            }
        }
    }

    // ---------------------------------------------------------------- fields/*.yaml

    private void checkFieldFile(Source doc) {
        At root = root(doc, "field: and services:");
        if (root == null) {
            return;
        }
        root.allowOnly("field", "services");
        String fieldCode = null;
        At field = root.child("field", true, "add field: with code, name, technical_standard and source");
        if (field != null) {
            field.allowOnly("code", "name", "technical_standard", "source", "confidence", "unverified");
            evidence(field);
            String code = field.text("code", "the field code, one of " + FIELD_CODES);
            if (code != null) {
                if (!FIELD_CODES.contains(code)) {
                    field.problem("code", "'" + code + "' is not a field code: expected one of " + FIELD_CODES);
                } else {
                    fieldCode = code;
                    Where first = fieldCodes.putIfAbsent(code, field.at("code"));
                    if (first != null) {
                        field.problem("code", code + " is already the field of " + first + "; keep one file per field");
                    }
                }
            }
            field.localized("name", true);
            field.text("technical_standard", "name the technical standard of the field (its Permen)");
            field.text("source", SOURCE_FIX);
        }
        Property services = root.map.property("services");
        List<At> list = root.list("services", true, "list the field's service types");
        if (services != null && list.isEmpty() && services.value() instanceof Sequence) {
            root.problem("services", services.line(), "no service; list the field's service types");
        }
        for (At s : list) {
            checkService(s, fieldCode);
        }
    }

    private void checkService(At s, String fieldCode) {
        s.allowOnly("code", "level", "name", "recipients", "regulation", "words", "measures", "quality_indicators", "mutu",
                "mutu_note", "indicators", "confidence", "unverified");
        evidence(s);
        String code = s.text("code", "the service code, e.g. KES-K01");
        String levelFromCode = null;
        if (code != null) {
            Matcher m = SERVICE_CODE.matcher(code);
            if (!m.matches()) {
                s.problem("code", "'" + code + "' is not a service code: expected <FIELD>-<P|K><NN> such as KES-K01"
                        + " (field PEND, KES, PU, PERKIM, TRANTIB or SOS; P provinsi, K kabupaten/kota; two digits)"
                        + suggestServiceCode(code));
                code = null;
            } else {
                if (fieldCode != null && !m.group(1).equals(fieldCode)) {
                    s.problem("code", "'" + code + "' is a service of field " + m.group(1) + " but this file is field "
                            + fieldCode + "; start the code with " + fieldCode + "- or move the service to the " + m.group(1) + " file");
                }
                levelFromCode = m.group(2).equals("P") ? "provinsi" : "kabkota";
                Where first = serviceCodes.putIfAbsent(code, s.at("code"));
                if (first != null) {
                    s.problem("code", code + " is already defined at " + first + "; each service code is defined once");
                }
            }
        }
        String level = s.oneOf("level", names(Level.values()), true);
        for (String word : s.words("words", false)) {
            Where first = serviceWords.putIfAbsent(level + " " + word, s.at("words"));
            if (first != null && code != null) {
                s.problem("words", "the word '" + word + "' is already a word of another " + level + " service (" + first
                        + "); a column holding it could not be told apart: keep it on one service");
            }
        }
        if (level != null && levelFromCode != null && !level.equals(levelFromCode)) {
            s.problem("level", "'" + level + "' does not match the code " + code + ": P is provinsi, K is kabkota (kabupaten/kota);"
                    + " write level: " + levelFromCode + " or change the code");
        }
        s.localized("name", true);
        s.localized("recipients", true);
        s.text("regulation", "name the article of PP 2/2018 and the technical standard, e.g. regulation: \"PP 2/2018 Pasal 6 ayat (3) huruf a; Permenkes 6/2024\"");

        // measures: declared, then the two generated by each mutu item, then the common ones
        Map<String, Where> measures = new LinkedHashMap<>();
        Map<String, MeasureInfo> declared = new LinkedHashMap<>();
        Property measuresKey = s.map.property("measures");
        for (At m : s.list("measures", true, "list the service's measures, at least SASARAN and TERLAYANI")) {
            MeasureInfo info = checkMeasure(m);
            String mc = info.code();
            if (mc == null) {
                continue;
            }
            Where common = commonMeasures.get(mc);
            Where first = measures.get(mc);
            if (common != null) {
                m.problem("code", mc + " is a common measure every service already has (" + common + "); choose another code or remove this one");
            } else if (first != null) {
                m.problem("code", mc + " appears twice in " + label(code) + " (first at line " + first.line() + "); give each measure its own code");
            } else {
                measures.put(mc, m.at("code"));
                declared.put(mc, info);
            }
        }
        if (measuresKey != null && measuresKey.value() instanceof Sequence) {
            for (String required : List.of(Measure.TARGET_POPULATION, Measure.SERVED)) {
                MeasureInfo info = declared.get(required);
                if (info == null) {
                    s.problem("measures", measuresKey.line(), "no measure " + required
                            + ": every service needs SASARAN (how many must be served) and TERLAYANI (how many were served to standard), both type: count");
                } else if (info.type() != null && !info.type().equals("count")) {
                    info.at().problem("type", required + " must be type: count (a whole number of people or units), not " + info.type());
                }
            }
        }

        for (At q : s.list("quality_indicators", false, null)) {
            q.allowOnly("code", "name", "unit", "source", "since", "until", "confidence", "unverified");
            String qc = q.code("code", "the indicator's measure code, e.g. RAPOR_LITERASI");
            q.localized("name", true);
            q.text("unit", "the unit, e.g. unit: persen");
            q.text("source", SOURCE_FIX);
            inForce(q);
            evidence(q);
            if (qc != null) {
                Where first = measures.putIfAbsent(qc, q.at("code"));
                if (first != null || commonMeasures.containsKey(qc)) {
                    q.problem("code", qc + " is already a measure of " + label(code) + "; give the quality indicator its own code");
                }
            }
        }

        Property mutuKey = s.map.property("mutu");
        List<At> mutu = s.list("mutu", true, "list the mutu items, or write mutu: [] with a mutu_note saying why there is none");
        boolean hasNote = s.localized("mutu_note", false);
        if (mutuKey != null && mutuKey.value() instanceof Sequence && mutu.isEmpty() && !hasNote) {
            s.problem("mutu", mutuKey.line(), "no mutu item and no mutu_note; list the items or add mutu_note: {id: \"...\", en: \"...\"} saying why there is none");
        }
        Map<String, Where> mutuCodes = new LinkedHashMap<>();
        for (At item : mutu) {
            item.allowOnly("code", "category", "name", "unit", "source", "optional", "since", "until", "confidence", "unverified");
            item.oneOf("optional", List.of("true", "false"), false);
            inForce(item);
            evidence(item);
            String ic = item.code("code", "the item code, e.g. BUKU_KIA");
            item.oneOf("category", MUTU_CATEGORIES, true);
            item.localized("name", true);
            item.text("unit", "the unit it is counted in, e.g. unit: buah");
            item.text("source", SOURCE_FIX);
            if (ic == null) {
                continue;
            }
            Where first = mutuCodes.putIfAbsent(ic, item.at("code"));
            if (first != null) {
                item.problem("code", ic + " appears twice in the mutu items of " + label(code) + " (first at line " + first.line() + "); give each item its own code");
                continue;
            }
            for (String suffix : List.of(MutuItem.NEEDED_SUFFIX, MutuItem.AVAILABLE_SUFFIX)) {
                String generated = ic + suffix;
                Where taken = commonMeasures.containsKey(generated) ? commonMeasures.get(generated) : measures.get(generated);
                if (taken != null) {
                    item.problem("code", "mutu item " + ic + " gives the measure " + generated + ", which " + label(code)
                            + " already has (" + taken + "); rename the item or the measure");
                } else {
                    measures.put(generated, item.at("code"));
                }
            }
        }
        Set<String> known = new LinkedHashSet<>(measures.keySet());
        known.addAll(commonMeasures.keySet());
        for (MeasureInfo info : declared.values()) {
            Property sumOf = info.at().map.property("sum_of");
            if (sumOf == null) {
                continue;
            }
            if (!(sumOf.value() instanceof Sequence seq) || seq.items().size() < 2) {
                info.at().problem("sum_of", sumOf.line(), "expected a list of at least two measures of this service, e.g. sum_of: [A, B]");
                continue;
            }
            for (Node part : seq.items()) {
                String name = part instanceof Scalar sc && !sc.isNull() ? sc.text().trim() : "";
                if (!known.contains(name) || name.equals(info.code())) {
                    info.at().problem("sum_of", part.line(), "'" + name + "' is not another measure of " + label(code)
                            + closest(name, known));
                }
            }
        }
        if (code != null) {
            for (String m : known) {
                allMeasures.add(Measure.code(code, m));
            }
        }

        Property indicatorsKey = s.map.property("indicators");
        Map<String, Where> indicators = new LinkedHashMap<>();
        At recipientAchievement = null;
        for (At i : s.list("indicators", true, "list the service's indicators, at least CAPAIAN_PENERIMA")) {
            String ic = checkIndicator(i, code == null ? "" : code, known);
            if (ic == null) {
                continue;
            }
            Where common = commonIndicators.get(ic);
            Where first = indicators.get(ic);
            if (common != null) {
                i.problem("code", ic + " is a common indicator every service already has (" + common + "); choose another code or remove this one");
            } else if (first != null) {
                i.problem("code", ic + " appears twice in " + label(code) + " (first at line " + first.line() + "); give each indicator its own code");
            } else {
                indicators.put(ic, i.at("code"));
                if (ic.equals(Indicator.RECIPIENT_ACHIEVEMENT)) {
                    recipientAchievement = i;
                }
            }
        }
        if (indicatorsKey != null && indicatorsKey.value() instanceof Sequence && recipientAchievement == null
                && !commonIndicators.containsKey(Indicator.RECIPIENT_ACHIEVEMENT)) {
            s.problem("indicators", indicatorsKey.line(), "no indicator CAPAIAN_PENERIMA"
                    + ": every service has it; add - code: CAPAIAN_PENERIMA with formula: {type: ratio, numerator: TERLAYANI, denominator: SASARAN, factor: 100}");
        }
        if (recipientAchievement != null) {
            checkRecipientAchievement(recipientAchievement);
        }
    }

    /** CAPAIAN_PENERIMA is the recipient achievement the index is computed from: its formula is fixed. */
    private void checkRecipientAchievement(At indicator) {
        At f = indicator.child("formula", false, null);
        if (f == null) {
            return;
        }
        String type = f.plain("type");
        String numerator = f.plain("numerator");
        String denominator = f.plain("denominator");
        String factor = f.plain("factor");
        boolean fixed = "ratio".equals(type) && Measure.SERVED.equals(numerator) && Measure.TARGET_POPULATION.equals(denominator)
                && factor != null && isNumber(factor) && new BigDecimal(factor).compareTo(HUNDRED) == 0;
        if (!fixed) {
            indicator.problem("formula", "CAPAIAN_PENERIMA is the recipient achievement the service index uses: write"
                    + " formula: {type: ratio, numerator: TERLAYANI, denominator: SASARAN, factor: 100}");
        }
    }

    private record MeasureInfo(At at, String code, String type) {
    }

    private MeasureInfo checkMeasure(At m) {
        m.allowOnly("code", "name", "kind", "unit", "type", "accumulation", "source", "since", "until", "sum_of", "confidence",
                "unverified");
        inForce(m);
        evidence(m);
        String code = m.code("code", "the measure code, e.g. SASARAN");
        m.localized("name", true);
        m.oneOf("kind", names(Kind.values()), true);
        m.text("unit", "the unit it is counted in, e.g. unit: orang");
        String type = m.oneOf("type", names(ValueType.values()), true);
        m.oneOf("accumulation", names(Measure.Accumulation.values()), false);
        m.text("source", SOURCE_FIX);
        return new MeasureInfo(m, code, type);
    }

    /** Checks an indicator and queues its formula's measures; {@code service} is null for common.yaml. */
    private String checkIndicator(At i, String service, Set<String> measures) {
        i.allowOnly("code", "name", "kind", "formula", "unit", "target", "direction", "source", "since", "until", "confidence",
                "unverified");
        inForce(i);
        evidence(i);
        String code = i.code("code", "the indicator code, e.g. CAPAIAN_PENERIMA");
        i.localized("name", true);
        i.oneOf("kind", names(Kind.values()), true);
        At f = i.child("formula", true, "add formula: {type: ratio, numerator: TERLAYANI, denominator: SASARAN, factor: 100}");
        if (f != null) {
            String type = f.text("type", "ratio, sum or measure");
            if (type != null) {
                switch (type) {
                    case "ratio" -> {
                        f.allowOnly("type", "numerator", "denominator", "factor");
                        ref(f, "numerator", service, measures);
                        ref(f, "denominator", service, measures);
                        BigDecimal factor = f.number("factor", false);
                        if (factor != null && factor.signum() == 0) {
                            f.problem("factor", "0 makes every value 0; use 100 for a percentage or 1");
                        }
                    }
                    case "sum" -> {
                        f.allowOnly("type", "of");
                        Property of = f.map.property("of");
                        if (of == null || of.value() instanceof Scalar sc && sc.isNull()) {
                            f.problem("of", "missing; list the measures to add up, e.g. of: [A, B]");
                        } else if (!(of.value() instanceof Sequence seq) || seq.items().isEmpty()) {
                            f.problem("of", "expected a list of measures to add up, e.g. of: [A, B]");
                        } else {
                            for (int n = 0; n < seq.items().size(); n++) {
                                Node item = seq.items().get(n);
                                if (item instanceof Scalar sc && !sc.isNull() && !sc.text().isBlank()) {
                                    refs.add(new Ref(f, "of[" + n + "]", sc.line(), sc.text().trim(), service, measures));
                                } else {
                                    f.problem("of[" + n + "]", item.line(), "expected a measure code");
                                }
                            }
                        }
                    }
                    case "measure" -> {
                        f.allowOnly("type", "of");
                        ref(f, "of", service, measures);
                    }
                    default -> f.problem("type", "'" + type + "' is not a formula type: expected ratio, sum or measure");
                }
            }
        }
        i.text("unit", "the unit of the result, e.g. unit: persen");
        At comparison = i.map.get("target") instanceof Mapping ? i.child("target", true, null) : null;
        if (comparison != null) {
            comparison.allowOnly("improves_on_years_before");
            BigDecimal years = comparison.number("improves_on_years_before", true);
            if (years != null && (years.scale() > 0 && years.stripTrailingZeros().scale() > 0 || years.signum() <= 0)) {
                comparison.problem("improves_on_years_before", "expected a whole number of years, at least 1, e.g. 2");
            }
        } else {
            i.number("target", true);
        }
        i.oneOf("direction", names(Indicator.Direction.values()), true);
        i.text("source", SOURCE_FIX);
        return code;
    }

    private void ref(At formula, String key, String service, Set<String> measures) {
        String name = formula.text(key, "a measure code of this service or a full code such as KES-K01.SASARAN");
        if (name != null) {
            refs.add(new Ref(formula, key, formula.at(key).line(), name, service, measures));
        }
    }

    /** A measure named in a formula, resolved once every file has been read. */
    private record Ref(At formula, String key, int line, String name, String service, Set<String> local) {
    }

    private void checkReferences() {
        for (Ref r : refs) {
            String name = r.name();
            int dot = name.indexOf('.');
            if (dot >= 0) {
                String service = name.substring(0, dot);
                String local = name.substring(dot + 1);
                if (!SERVICE_CODE.matcher(service).matches() || !CODE.matcher(local).matches()) {
                    r.formula().problem(r.key(), r.line(), "'" + name + "' is not a measure code: a full code is <SERVICE>.<MEASURE>, e.g. KES-K01.SASARAN");
                } else if (files.complete() && !allMeasures.contains(name)) {
                    String hint = serviceCodes.containsKey(service) ? "; " + service + " has no measure " + local + closest(local, measuresOf(service))
                            : "; there is no service " + service;
                    r.formula().problem(r.key(), r.line(), "'" + name + "' is not a measure in the catalogue" + hint);
                }
            } else if (!r.local().contains(name)) {
                String whose = r.service() == null ? "common measure (nor SASARAN or TERLAYANI, which every service has)"
                        : "measure of " + (r.service().isEmpty() ? "this service" : r.service());
                r.formula().problem(r.key(), r.line(), "'" + name + "' is not a " + whose
                        + "; name one of its measures, or another service's by its full code such as KES-K01.SASARAN" + closest(name, r.local()));
            }
        }
    }

    private Set<String> measuresOf(String service) {
        String prefix = service + ".";
        return allMeasures.stream().filter(m -> m.startsWith(prefix)).map(m -> m.substring(prefix.length()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    // ---------------------------------------------------------------- rules.yaml

    /** The {@code since}/{@code until} of an entry, checked against rules.yaml once it has been read. */
    private record VersionRef(At at, String since, String until) {
    }

    private final List<VersionRef> versionRefs = new ArrayList<>();
    private final List<String> versionNames = new ArrayList<>();
    static final List<String> CONFIDENCE = List.of("high", "medium", "low");

    private void inForce(At entry) {
        String since = entry.text("since", null, false);
        String until = entry.text("until", null, false);
        if (since != null || until != null) {
            versionRefs.add(new VersionRef(entry, since, until));
        }
    }

    /** confidence: high|medium|low and unverified: "what to confirm", both optional. */
    private void evidence(At entry) {
        entry.oneOf("confidence", CONFIDENCE, false);
        entry.text("unverified", null, false);
    }

    private void checkVersionRefs() {
        if (files.document(CatalogueFiles.RULES) == null) {
            return;
        }
        for (VersionRef r : versionRefs) {
            int from = -1;
            int to = -1;
            for (String key : List.of("since", "until")) {
                String name = key.equals("since") ? r.since() : r.until();
                if (name == null) {
                    continue;
                }
                int at = versionNames.indexOf(name);
                if (at < 0) {
                    r.at().problem(key, "'" + name + "' is not a rule version of rules.yaml; expected one of " + versionNames
                            + closest(name, versionNames));
                } else if (key.equals("since")) {
                    from = at;
                } else {
                    to = at;
                }
            }
            if (from >= 0 && to >= 0 && to < from) {
                r.at().problem("until", "until " + r.until() + " comes before since " + r.since()
                        + " in rules.yaml; the entry would apply in no version");
            }
        }
    }

    private record Span(At at, String version, LocalDate from, LocalDate to) {
    }

    private record Band(At at, String code, BigDecimal min, BigDecimal max) {
    }

    private record FieldKey(At byField, Property key) {
    }

    private void checkRules(Source doc) {
        At root = root(doc, "versions:");
        if (root == null) {
            return;
        }
        root.allowOnly("versions");
        Property versionsKey = root.map.property("versions");
        List<At> versions = root.list("versions", true, "list the rule versions");
        if (versionsKey != null && versionsKey.value() instanceof Sequence && versions.isEmpty()) {
            root.problem("versions", versionsKey.line(), "no rule version; add one with valid_from, weights, index methods and category bands");
        }
        Map<String, Where> names = new LinkedHashMap<>();
        List<Span> spans = new ArrayList<>();
        for (At v : versions) {
            v.allowOnly("version", "valid_from", "valid_to", "source", "period_basis", "coverage", "service_index_weights",
                    "quality", "field_index", "region_index", "categories");
            At quality = v.child("quality", false, null);
            if (quality != null) {
                quality.allowOnly("method", "source", "by_field");
                List<String> methods = names(RuleSet.QualityMethod.values());
                quality.oneOf("method", methods, true);
                quality.text("source", SOURCE_FIX);
                At byField = quality.child("by_field", false, null);
                if (byField != null) {
                    for (Property p : byField.map.all()) {
                        byFieldKeys.add(new FieldKey(byField, p));
                        if (p.value() instanceof Mapping m) {
                            At one = byField.nested(p.key(), m);
                            one.allowOnly("method", "source");
                            one.oneOf("method", methods, true);
                            one.text("source", SOURCE_FIX);
                        } else {
                            byField.problem(p.key(), p.line(), "expected {method: reported, source: \"...\"}");
                        }
                    }
                }
            }
            String name = v.text("version", "a name such as version: \"2026.1\"");
            if (name != null) {
                versionNames.add(name);
                Where first = names.putIfAbsent(name, v.at("version"));
                if (first != null) {
                    v.problem("version", "version " + name + " appears twice (first at line " + first.line() + "); every stored result names its version, so give each its own");
                }
            }
            LocalDate from = v.date("valid_from", true);
            boolean toGiven = v.map.property("valid_to") != null && v.map.get("valid_to") instanceof Scalar sc && !sc.isNull();
            LocalDate to = v.date("valid_to", false);
            if (from != null && to != null && to.isBefore(from)) {
                v.problem("valid_to", "valid_to " + to + " is before valid_from " + from + "; a version ends on or after the day it starts");
            } else if (from != null && (to != null || !toGiven)) {
                spans.add(new Span(v, name == null ? "versions" : name, from, to));
            }
            v.text("source", SOURCE_FIX);

            At weights = v.child("service_index_weights", true, "add service_index_weights: with default: {recipients: 80, quality: 20, source: \"...\"}");
            if (weights != null) {
                weights.allowOnly("default", "by_field");
                At def = weights.child("default", true, "add default: {recipients: 80, quality: 20, source: \"...\"}");
                if (def != null) {
                    checkWeights(def);
                }
                At byField = weights.child("by_field", false, null);
                if (byField != null) {
                    for (Property p : byField.map.all()) {
                        byFieldKeys.add(new FieldKey(byField, p));
                        if (p.value() instanceof Mapping m) {
                            checkWeights(byField.nested(p.key(), m));
                        } else {
                            byField.problem(p.key(), p.line(), "expected {recipients: .., quality: .., source: \"...\"}");
                        }
                    }
                }
            }
            for (String index : List.of("field_index", "region_index")) {
                At method = v.child(index, true, "add " + index + ": {method: mean, source: \"...\"}");
                if (method != null) {
                    method.allowOnly("method", "source");
                    method.oneOf("method", names(RuleSet.Aggregation.values()), true);
                    method.text("source", SOURCE_FIX);
                }
            }
            At basis = v.child("period_basis", true,
                    "add period_basis: {quarter: year_to_date, semester: year_to_date, month: period_only, source: \"...\"}");
            if (basis != null) {
                List<String> kinds = new ArrayList<>(SUB_YEAR_KINDS.stream().map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
                kinds.add("source");
                basis.allowOnly(kinds.toArray(String[]::new));
                for (String kind : kinds.subList(0, kinds.size() - 1)) {
                    basis.oneOf(kind, names(id.pantauspm.period.Basis.values()), true);
                }
                basis.text("source", SOURCE_FIX);
            }
            At coverage = v.child("coverage", true, "add coverage: {unreported_service: zero, rollup_min_coverage: 50, source: \"...\"}");
            if (coverage != null) {
                coverage.allowOnly("unreported_service", "rollup_min_coverage", "source");
                coverage.oneOf("unreported_service", names(RuleSet.UnreportedService.values()), true);
                BigDecimal min = coverage.number("rollup_min_coverage", true);
                if (min != null && (min.signum() < 0 || min.compareTo(HUNDRED) > 0)) {
                    coverage.problem("rollup_min_coverage", "rollup_min_coverage " + min.toPlainString()
                            + " is outside 0..100; it is the percent of regions that must report a service");
                }
                coverage.text("source", SOURCE_FIX);
            }
            At categories = v.child("categories", true, "add categories: with source and bands");
            if (categories != null) {
                categories.allowOnly("source", "bands");
                categories.text("source", SOURCE_FIX);
                checkBands(categories);
            }
        }
        checkValidity(spans);
    }

    private void checkWeights(At w) {
        w.allowOnly("recipients", "quality", "source");
        BigDecimal recipients = w.number("recipients", true);
        BigDecimal quality = w.number("quality", true);
        w.text("source", SOURCE_FIX);
        boolean inRange = true;
        for (String key : List.of("recipients", "quality")) {
            BigDecimal value = key.equals("recipients") ? recipients : quality;
            if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
                w.problem(key, "weight " + value.toPlainString() + " is outside 0..100; weights are percentages of the service index");
                inRange = false;
            }
        }
        if (recipients != null && quality != null && inRange && recipients.add(quality).compareTo(HUNDRED) != 0) {
            w.problem(null, "recipients " + recipients.toPlainString() + " + quality " + quality.toPlainString() + " = "
                    + recipients.add(quality).toPlainString() + ", not 100; the two weights are percentages of the service index and must add up to 100");
        }
    }

    private void checkBands(At categories) {
        Property bandsKey = categories.map.property("bands");
        List<At> list = categories.list("bands", true, "list the category bands from the highest to the lowest");
        if (bandsKey != null && bandsKey.value() instanceof Sequence && list.isEmpty()) {
            categories.problem("bands", bandsKey.line(), "no band; list the category bands from the highest to the lowest");
            return;
        }
        Map<String, Where> codes = new LinkedHashMap<>();
        List<Band> bands = new ArrayList<>();
        boolean usable = true;
        for (At b : list) {
            b.allowOnly("code", "name", "min", "max");
            String code = b.code("code", "a code such as TUNTAS_MADYA");
            if (code != null) {
                Where first = codes.putIfAbsent(code, b.at("code"));
                if (first != null) {
                    b.problem("code", code + " appears twice (first at line " + first.line() + "); give each band its own code");
                }
            }
            b.localized("name", true);
            BigDecimal min = bound(b, "min");
            BigDecimal max = bound(b, "max");
            if (min != null && max != null && min.compareTo(max) > 0) {
                b.problem("min", "min " + two(min) + " is above max " + two(max) + "; a band runs from its min up to its max");
                usable = false;
            }
            if (min == null || max == null) {
                usable = false;
            } else {
                bands.add(new Band(b, code == null ? "band " + b.path : code, min, max));
            }
        }
        if (!usable || bands.isEmpty()) {
            return;
        }
        for (int n = 1; n < bands.size(); n++) {
            Band above = bands.get(n - 1);
            Band here = bands.get(n);
            if (here.min().compareTo(above.min()) > 0) {
                here.at().problem(null, here.code() + " (min " + two(here.min()) + ") is listed below " + above.code() + " (min "
                        + two(above.min()) + "); list the bands from the highest to the lowest, as reports show them");
            }
        }
        List<Band> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparing(Band::min).reversed());
        Band top = sorted.get(0);
        Band bottom = sorted.get(sorted.size() - 1);
        if (top.max().compareTo(HUNDRED) < 0) {
            top.at().problem("max", "the highest band ends at " + two(top.max()) + ": indices from " + two(top.max().add(STEP))
                    + " to 100.00 fall in no band; make its max 100.00");
        }
        if (bottom.min().signum() > 0) {
            bottom.at().problem("min", "the lowest band starts at " + two(bottom.min()) + ": indices from 0.00 to "
                    + two(bottom.min().subtract(STEP)) + " fall in no band; make its min 0.00");
        }
        for (int n = 1; n < sorted.size(); n++) {
            Band upper = sorted.get(n - 1);
            Band lower = sorted.get(n);
            BigDecimal expected = lower.max().add(STEP);
            int cmp = upper.min().compareTo(expected);
            if (cmp > 0) {
                upper.at().problem("min", "indices from " + two(expected) + " to " + two(upper.min().subtract(STEP)) + " fall in no band: "
                        + lower.code() + " ends at " + two(lower.max()) + "; make this min " + two(expected) + " (the max of "
                        + lower.code() + " + 0.01) or raise that max to " + two(upper.min().subtract(STEP)));
            } else if (cmp < 0) {
                BigDecimal overlapEnd = lower.max().min(upper.max());
                upper.at().problem("min", "indices from " + two(upper.min()) + " to " + two(overlapEnd) + " fall in both "
                        + upper.code() + " and " + lower.code() + " (which ends at " + two(lower.max()) + "); make this min "
                        + two(expected) + " (the max of " + lower.code() + " + 0.01) or lower that max to " + two(upper.min().subtract(STEP)));
            }
        }
    }

    private BigDecimal bound(At band, String key) {
        BigDecimal value = band.number(key, true);
        if (value == null) {
            return null;
        }
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            band.problem(key, two(value) + " is outside 0.00..100.00, the range of an index");
            return null;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            band.problem(key, value.toPlainString() + " has more than two decimals; an index is rounded to two decimals before its band is found, so write bounds with two");
            return null;
        }
        return value;
    }

    private void checkValidity(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing(Span::from));
        for (int n = 1; n < sorted.size(); n++) {
            Span before = sorted.get(n - 1);
            Span after = sorted.get(n);
            if (before.to() == null || !before.to().isBefore(after.from())) {
                after.at().problem("valid_from", "version " + after.version() + " starts on " + after.from() + " while version "
                        + before.version() + " (line " + before.at().map.line() + ") still applies"
                        + (before.to() == null ? " (it has no valid_to)" : " until " + before.to())
                        + "; close " + before.version() + " with valid_to: " + after.from().minusDays(1) + " or start this one later");
            } else if (before.to().plusDays(1).isBefore(after.from())) {
                after.at().problem("valid_from", "no rule version applies from " + before.to().plusDays(1) + " to "
                        + after.from().minusDays(1) + ", so periods then cannot be evaluated; start " + after.version() + " on "
                        + before.to().plusDays(1) + " or close " + before.version() + " on " + after.from().minusDays(1));
            }
        }
    }

    private void checkByFieldKeys() {
        if (!files.complete()) {
            return;
        }
        for (FieldKey k : byFieldKeys) {
            if (!fieldCodes.containsKey(k.key().key())) {
                k.byField().problem(k.key().key(), k.key().line(), "'" + k.key().key() + "' is not a field of the catalogue: expected one of "
                        + fieldCodes.keySet() + closest(k.key().key(), fieldCodes.keySet()));
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A place in a file: {@code fields/kesehatan.yaml:123}. */
    private record Where(String file, int line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    At root(Source doc, String expected) {
        Node root = doc.root();
        if (root == null) {
            problems.add(new CatalogueProblem(doc.name(), 0, "the file is empty; it starts with " + expected));
            return null;
        }
        if (!(root instanceof Mapping m)) {
            problems.add(new CatalogueProblem(doc.name(), root.line(), "expected keys (" + expected + ") at the top of the file"));
            return null;
        }
        return new At(doc.name(), "", m);
    }

    private static String label(String serviceCode) {
        return serviceCode == null ? "this service" : serviceCode;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }

    private static String two(BigDecimal value) {
        return value.setScale(Math.max(2, value.stripTrailingZeros().scale()), java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String kindOf(Node node) {
        return node instanceof Mapping ? "set of keys" : node instanceof Sequence ? "list" : "value";
    }

    /** " (did you mean 'source'?)" when one candidate is a slip of the keyboard away. */
    static String closest(String found, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(found.toUpperCase(Locale.ROOT), c.toUpperCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int allowed = Math.max(1, Math.min(2, found.length() / 4));
        return best != null && bestDistance <= allowed ? " (did you mean '" + best + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    private static String suggestServiceCode(String code) {
        String upper = code.toUpperCase(Locale.ROOT).trim();
        if (!upper.equals(code) && SERVICE_CODE.matcher(upper).matches()) {
            return "; write " + upper;
        }
        return "";
    }

    /**
     * An entry of a file (a mapping) with the path that leads to it, e.g. {@code services[0]/measures[1]};
     * its problems read {@code services[0]/measures[1]/kind (TERLAYANI): ...}.
     */
    final class At {

        final String file;
        final String path;
        final Mapping map;
        /** The label of the entry this one sits in, for entries without a code of their own (name, formula). */
        final String outerLabel;

        At(String file, String path, Mapping map) {
            this(file, path, map, "");
        }

        At(String file, String path, Mapping map, String outerLabel) {
            this.file = file;
            this.path = path;
            this.map = map;
            this.outerLabel = outerLabel;
        }

        private String label() {
            for (String key : List.of("code", "version")) {
                if (map.get(key) instanceof Scalar s && !s.isNull() && !s.text().isBlank()) {
                    return " (" + s.text().trim() + ")";
                }
            }
            return outerLabel;
        }

        String where(String key) {
            String p = key == null ? path : path.isEmpty() ? key : path + "/" + key;
            return p + label();
        }

        Where at(String key) {
            Property p = map.property(key);
            return new Where(file, p == null ? map.line() : p.line());
        }

        void problem(String key, int line, String what) {
            problems.add(new CatalogueProblem(file, line, where(key) + ": " + what));
        }

        void problem(String key, String what) {
            problem(key, key == null ? map.line() : at(key).line(), what);
        }

        At nested(String key, Mapping m) {
            return new At(file, path.isEmpty() ? key : path + "/" + key, m, label());
        }

        void allowOnly(String... keys) {
            List<String> allowed = List.of(keys);
            for (Property p : map.all()) {
                if (!allowed.contains(p.key())) {
                    problem(p.key(), p.line(), "unknown key; expected " + String.join(", ", allowed) + closest(p.key(), allowed));
                }
            }
        }

        /** The value of a key when it is a single value; null (and a problem, when required) otherwise. */
        Scalar scalar(String key, boolean required, String fix) {
            Property p = map.property(key);
            if (p == null || p.value() instanceof Scalar s && s.isNull()) {
                if (required) {
                    problem(key, p == null ? map.line() : p.line(), "missing" + (fix == null ? "" : "; " + fix));
                }
                return null;
            }
            if (!(p.value() instanceof Scalar s)) {
                problem(key, p.line(), "expected a single value, found a " + kindOf(p.value()));
                return null;
            }
            return s;
        }

        /** The text of a key, reporting it when missing or empty. */
        String text(String key, String fix) {
            Scalar s = scalar(key, true, fix);
            if (s == null) {
                return null;
            }
            if (s.text().isBlank()) {
                problem(key, s.line(), "empty" + (fix == null ? "" : "; " + fix));
                return null;
            }
            return s.text().trim();
        }

        /** The text of an optional key: null when absent; reported when present but empty. */
        String text(String key, String fix, boolean required) {
            if (!required && (map.property(key) == null || map.get(key) instanceof Scalar s && s.isNull())) {
                return null;
            }
            return text(key, fix);
        }

        /** The text of a key as it is, without reporting anything. */
        String plain(String key) {
            return map.get(key) instanceof Scalar s && !s.isNull() ? s.text().trim() : null;
        }

        /** A measure, mutu item or band code: null when missing or malformed (both reported). */
        String code(String key, String fix) {
            String code = text(key, fix);
            if (code == null) {
                return null;
            }
            if (!CODE.matcher(code).matches()) {
                String upper = code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
                String hint = CODE.matcher(upper).matches() ? "; write " + upper : "";
                problem(key, "'" + code + "' is not a valid code: " + CODE_FIX + hint);
                return null;
            }
            return code;
        }

        BigDecimal number(String key, boolean required) {
            Scalar s = scalar(key, required, "give a number");
            if (s == null) {
                return null;
            }
            String t = s.text().trim();
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                problem(key, s.line(), "expected a number, found '" + t + "'");
                return null;
            }
        }

        LocalDate date(String key, boolean required) {
            Scalar s = scalar(key, required, "give a date as YYYY-MM-DD, e.g. 2019-01-01");
            if (s == null) {
                return null;
            }
            String t = s.text().trim();
            try {
                return LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                problem(key, s.line(), "'" + t + "' is not a date; write it as YYYY-MM-DD, e.g. 2019-01-01");
                return null;
            }
        }

        /** One of a closed list, case as written ignored; returns the lower-case value or null. */
        String oneOf(String key, List<String> allowed, boolean required) {
            Scalar s = scalar(key, required, "one of " + allowed);
            if (s == null) {
                return null;
            }
            String t = s.text().trim();
            String value = t.toLowerCase(Locale.ROOT);
            if (!allowed.contains(value)) {
                problem(key, s.line(), "'" + t + "' is not one of " + allowed + closest(t, allowed));
                return null;
            }
            return value;
        }

        At child(String key, boolean required, String fix) {
            Property p = map.property(key);
            if (p == null || p.value() instanceof Scalar s && s.isNull()) {
                if (required) {
                    problem(key, p == null ? map.line() : p.line(), "missing" + (fix == null ? "" : "; " + fix));
                }
                return null;
            }
            if (!(p.value() instanceof Mapping m)) {
                problem(key, p.line(), "expected keys (key: value), found a " + kindOf(p.value()) + (fix == null ? "" : "; " + fix));
                return null;
            }
            return nested(key, m);
        }

        /** The entries of a list; items that are not entries (key: value) are reported and skipped. */
        List<At> list(String key, boolean required, String fix) {
            Property p = map.property(key);
            if (p == null || p.value() instanceof Scalar s && s.isNull()) {
                if (required) {
                    problem(key, p == null ? map.line() : p.line(), "missing" + (fix == null ? "" : "; " + fix));
                }
                return List.of();
            }
            if (!(p.value() instanceof Sequence seq)) {
                problem(key, p.line(), "expected a list (lines starting with -), found a " + kindOf(p.value()));
                return List.of();
            }
            List<At> items = new ArrayList<>();
            for (int n = 0; n < seq.items().size(); n++) {
                Node item = seq.items().get(n);
                String itemPath = (path.isEmpty() ? key : path + "/" + key) + "[" + n + "]";
                if (item instanceof Mapping m) {
                    items.add(new At(file, itemPath, m));
                } else {
                    problems.add(new CatalogueProblem(file, item.line(), itemPath + ": expected an entry with keys (code: ..., name: ...), found a " + kindOf(item)));
                }
            }
            return items;
        }

        /**
         * A list of words offices write (lower or mixed case), each a non-empty text; the words of
         * a missing optional key are none.
         */
        List<String> words(String key, boolean required) {
            Property p = map.property(key);
            if (p == null || p.value() instanceof Scalar s && s.isNull()) {
                if (required) {
                    problem(key, p == null ? map.line() : p.line(), "missing; list the words, e.g. [hipertensi, darah tinggi]");
                }
                return List.of();
            }
            if (!(p.value() instanceof Sequence seq) || seq.items().isEmpty()) {
                problem(key, p.line(), "expected a list of words, e.g. [hipertensi, darah tinggi]");
                return List.of();
            }
            List<String> words = new ArrayList<>();
            for (Node item : seq.items()) {
                if (item instanceof Scalar sc && !sc.isNull() && !sc.text().isBlank()) {
                    words.add(sc.text().trim().toLowerCase(Locale.ROOT));
                } else {
                    problems.add(new CatalogueProblem(file, item.line(), where(key) + ": expected a word, found a " + kindOf(item)));
                }
            }
            return words;
        }

        /** {id: "...", en: "..."}, both filled in; false when absent. */
        boolean localized(String key, boolean required) {
            At n = child(key, required, NAME_FIX.replace("name:", key + ":"));
            if (n == null) {
                return false;
            }
            n.allowOnly("id", "en");
            n.text("id", "the text in Bahasa Indonesia");
            n.text("en", "the text in English");
            return true;
        }
    }
}
