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

    public Catalogue(List<Field> fields, List<RuleSet> ruleSets) {
        this.fields = List.copyOf(fields);
        this.ruleSets = List.copyOf(ruleSets);
        for (Field f : fields) {
            for (ServiceType s : f.services()) {
                services.put(s.code(), s);
                s.measures().forEach(m -> measures.put(m.code(), m));
            }
        }
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

    public List<RuleSet> ruleSets() {
        return ruleSets;
    }

    /** The rule version in force on a day (the last period day of what is evaluated). */
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
