package id.pantauspm.catalogue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import id.pantauspm.period.Period;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A region's own targets (rencana pemenuhan, Permendagri 59/2021 stage 3) beside the national
 * standard: per indicator and year, the year's target and cumulative targets per quarter, as set
 * in indicators/targets/*.yaml. Reports show both.
 */
public final class RegionPlans {

    /** One region's plan for one indicator and year. */
    public record Plan(String region, String indicator, int year, BigDecimal annual, List<BigDecimal> quarters, String source) {
    }

    private final Map<String, Plan> plans = new HashMap<>();

    public RegionPlans(List<Plan> plans) {
        plans.forEach(p -> this.plans.put(key(p.region(), p.indicator(), p.year()), p));
    }

    public static RegionPlans none() {
        return new RegionPlans(List.of());
    }

    /** The planned value of an indicator for a region and period: the year's, or the quarter's (semester: its last quarter). */
    public Optional<BigDecimal> target(String region, String indicator, Period period) {
        Plan plan = plans.get(key(region, indicator, period.year()));
        if (plan == null) {
            return Optional.empty();
        }
        return switch (period.kind()) {
            case YEAR -> Optional.ofNullable(plan.annual());
            case QUARTER -> quarter(plan, period.number());
            case SEMESTER -> quarter(plan, period.number() * 2);
            case MONTH -> Optional.empty();
        };
    }

    /**
     * Whether a region's plans for a year are examples (their source says "Contoh" or "Example", as the
     * bundled ones do): reports then say so, rather than print an example as the region's real plan.
     */
    public boolean exampleFor(String region, int year) {
        return plans.values().stream().filter(p -> p.region().equals(region) && p.year() == year)
                .anyMatch(p -> p.source() != null && p.source().strip().toLowerCase(java.util.Locale.ROOT)
                        .matches("^(contoh|example).*"));
    }

    public int size() {
        return plans.size();
    }

    private static Optional<BigDecimal> quarter(Plan plan, int n) {
        return plan.quarters().size() >= n ? Optional.ofNullable(plan.quarters().get(n - 1)) : Optional.empty();
    }

    private static String key(String region, String indicator, int year) {
        return region + "|" + indicator + "|" + year;
    }

    /** Reads every targets/*.yaml of a catalogue folder; no folder means no plans. */
    public static RegionPlans load(Path catalogueFolder) {
        Path folder = catalogueFolder.resolve("targets");
        if (!Files.isDirectory(folder)) {
            return none();
        }
        YAMLMapper yaml = new YAMLMapper();
        List<Plan> plans = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode root = yaml.readTree(file.toFile());
                JsonNode list = root.get("plans");
                for (int i = 0; list != null && i < list.size(); i++) {
                    plans.add(plan(file, i, list.get(i)));
                }
            }
        } catch (IOException | JacksonException e) {
            throw new CatalogueException("targets: cannot read " + folder + ": " + e.getMessage(), e);
        }
        return new RegionPlans(plans);
    }

    private static Plan plan(Path file, int index, JsonNode n) {
        String where = "targets/" + file.getFileName() + ": plans[" + index + "]";
        for (String key : List.of("region", "indicator", "year", "source")) {
            if (n.get(key) == null || n.get(key).asString().isBlank()) {
                throw new CatalogueException(where + ": '" + key + "' is missing");
            }
        }
        List<BigDecimal> quarters = new ArrayList<>();
        JsonNode q = n.get("quarters");
        for (int i = 0; q != null && i < q.size(); i++) {
            quarters.add(new BigDecimal(q.get(i).asString()));
        }
        if (quarters.size() > 4) {
            throw new CatalogueException(where + ": 'quarters' has " + quarters.size() + " values; a year has 4 quarters");
        }
        BigDecimal annual = n.get("annual") == null ? null : new BigDecimal(n.get("annual").asString());
        return new Plan(n.get("region").asString(), n.get("indicator").asString(), n.get("year").asInt(), annual,
                List.copyOf(quarters), n.get("source").asString());
    }
}
