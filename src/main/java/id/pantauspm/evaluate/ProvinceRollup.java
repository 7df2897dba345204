package id.pantauspm.evaluate;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.Level;
import id.pantauspm.catalogue.MutuItem;
import id.pantauspm.catalogue.ServiceType;

/**
 * A roll-up over regions of one level: a province over its kabupaten/kota, or the country over every
 * kabupaten/kota (or every province for the provincial services). For each service the counts are
 * summed (never the percentages averaged), so a large regency weighs as many people as it has. A
 * region enters a service's sums only with both its SASARAN and TERLAYANI, and a mutu item only with
 * both needed and available, so a half-reported region does not skew the ratio.
 */
public final class ProvinceRollup {

    /**
     * The summed values and what they include.
     *
     * @param regenciesIncluded per service, how many regions' counts the sums include
     * @param regionsReporting  how many of the regions given reported anything at all
     */
    public record Sums(Map<String, BigDecimal> values, Map<String, Integer> regenciesIncluded, int regionsReporting) {
    }

    private final Catalogue catalogue;

    public ProvinceRollup(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Sums kabupaten/kota figures. */
    public Sums sum(List<Map<String, BigDecimal>> regencies) {
        return sum(Level.KABKOTA, regencies);
    }

    /** @param regions the figures of the regions that reported for the period (one map per region) */
    public Sums sum(Level level, List<Map<String, BigDecimal>> regions) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        Map<String, Integer> included = new LinkedHashMap<>();
        for (ServiceType service : catalogue.services(level)) {
            int n = 0;
            for (Map<String, BigDecimal> values : regions) {
                if (addPair(sums, values, service.targetPopulationMeasure(), service.servedMeasure())) {
                    n++;
                }
                for (MutuItem item : service.mutu()) {
                    addPair(sums, values, item.neededMeasure(), item.availableMeasure());
                }
            }
            included.put(service.code(), n);
        }
        int reporting = (int) regions.stream().filter(v -> !v.isEmpty()).count();
        return new Sums(sums, included, reporting);
    }

    /**
     * Two sums together, as if summed over both groups of regions at once (counts add exactly), so a
     * roll-up can be built region by region without holding every region's figures.
     */
    public static Sums plus(Sums a, Sums b) {
        if (a == null) {
            return b;
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>(a.values());
        b.values().forEach((k, v) -> values.merge(k, v, BigDecimal::add));
        Map<String, Integer> included = new LinkedHashMap<>(a.regenciesIncluded());
        b.regenciesIncluded().forEach((k, v) -> included.merge(k, v, Integer::sum));
        return new Sums(values, included, a.regionsReporting() + b.regionsReporting());
    }

    private static boolean addPair(Map<String, BigDecimal> sums, Map<String, BigDecimal> values, String a, String b) {
        BigDecimal x = values.get(a);
        BigDecimal y = values.get(b);
        if (x == null || y == null) {
            return false;
        }
        sums.merge(a, x, BigDecimal::add);
        sums.merge(b, y, BigDecimal::add);
        return true;
    }
}
