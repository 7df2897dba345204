package id.pantauspm.catalogue;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SPM catalogue as loaded from indicators/: fields, services, measures, indicators and rule versions. */
public final class Catalogue {

    private final List<Field> fields;
    private final List<RuleSet> ruleSets;
    private final Map<String, ServiceType> services = new LinkedHashMap<>();
    private final Map<String, Measure> measures = new LinkedHashMap<>();
    private final Words words;
    private final List<Unverified> unverified;

    /**
     * The words offices use for services and measures (fields/*.yaml {@code words}, common.yaml
     * {@code measure_words}), so a column or a file name can be read by its words.
     *
     * @param byService service code to its words (hipertensi, ibu hamil, ...), lower case
     * @param byMeasure local measure code to its words, in the order a header holding words of
     *                  several is read: the first listed wins (a percentage before people served
     *                  before the target population)
     */
    public record Words(Map<String, List<String>> byService, Map<String, List<String>> byMeasure) {
        public static final Words NONE = new Words(Map.of(), Map.of());
    }

    public Catalogue(List<Field> fields, List<RuleSet> ruleSets) {
        this(fields, ruleSets, Words.NONE);
    }

    public Catalogue(List<Field> fields, List<RuleSet> ruleSets, Words words) {
        this(fields, ruleSets, words, List.of());
    }

    public Catalogue(List<Field> fields, List<RuleSet> ruleSets, Words words, List<Unverified> unverified) {
        this.words = words;
        this.unverified = List.copyOf(unverified);
        this.fields = ppOrder(fields);
        this.ruleSets = List.copyOf(ruleSets);
        for (Field f : this.fields) {
            for (ServiceType s : f.services()) {
                services.put(s.code(), s);
                s.measures().forEach(m -> measures.put(m.code(), m));
            }
        }
    }

    /**
     * The fields in the order of PP 2/2018 (Pendidikan Pasal 5, Kesehatan 6, Pekerjaan Umum 7, Perumahan
     * Rakyat 8, Trantibumlinmas 9, Sosial 10), read from each field's source ("PP 2/2018 Pasal 6"), so every
     * report lists them as the regulation does; a field whose source names no article keeps its place after them.
     */
    private static List<Field> ppOrder(List<Field> fields) {
        java.util.regex.Pattern article = java.util.regex.Pattern.compile("Pasal\\s+(\\d+)");
        java.util.function.ToIntFunction<Field> order = f -> {
            java.util.regex.Matcher m = f.source() == null ? null : article.matcher(f.source());
            return m != null && m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
        };
        List<Field> sorted = new java.util.ArrayList<>(fields);
        sorted.sort(java.util.Comparator.comparingInt(order)); // stable: fields without an article keep their order
        return List.copyOf(sorted);
    }

    public List<Field> fields() {
        return fields;
    }

    public Optional<Field> field(String code) {
        return fields.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    public Collection<ServiceType> services() {
        return services.values();
    }

    public Optional<ServiceType> service(String code) {
        return Optional.ofNullable(services.get(code));
    }

    public List<ServiceType> services(Level level) {
        return services.values().stream().filter(s -> s.level() == level).toList();
    }

    public Optional<Measure> measure(String code) {
        return Optional.ofNullable(measures.get(code));
    }

    public Collection<Measure> measures() {
        return measures.values();
    }

    public Words words() {
        return words;
    }

    /** The entries still marked {@code unverified}, in file order, for an SPM officer to confirm. */
    public List<Unverified> unverified() {
        return unverified;
    }

    public List<RuleSet> ruleSets() {
        return ruleSets;
    }

    /** The rule version in force on a day, or empty before the first (PP 2/2018 applies from 2019). */
    public java.util.Optional<RuleSet> ruleSetAt(LocalDate day) {
        return ruleSets.stream().filter(r -> r.appliesTo(day)).reduce((a, b) -> b);
    }

    /** The first day any rule version applies. */
    public LocalDate rulesStart() {
        return ruleSets.stream().map(RuleSet::validFrom).min(LocalDate::compareTo).orElseThrow();
    }

    public RuleSet ruleSetFor(LocalDate day) {
        return ruleSets.stream().filter(r -> r.appliesTo(day)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no rule version valid on " + day));
    }
}
