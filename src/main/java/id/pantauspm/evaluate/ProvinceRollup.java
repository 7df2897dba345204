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
 * A province's view over its kabupaten/kota: for each kabupaten/kota service, the counts are
 * summed (never the percentages averaged), so a large regency weighs as many people as it has.
 * A regency enters a service's sums only with both its SASARAN and TERLAYANI, and a mutu item
 * only with both needed and available, so a half-reported regency does not skew the ratio.
 */
public final class ProvinceRollup {

    /** The summed values and, per service, how many regencies they include. */
    public record Sums(Map<String, BigDecimal> values, Map<String, Integer> regenciesIncluded) {
    }

    private final Catalogue catalogue;

    public ProvinceRollup(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Sums sum(List<Map<String, BigDecimal>> regencies) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        Map<String, Integer> included = new LinkedHashMap<>();
        for (ServiceType service : catalogue.services(Level.KABKOTA)) {
            int n = 0;
            for (Map<String, BigDecimal> values : regencies) {
                if (addPair(sums, values, service.targetPopulationMeasure(), service.servedMeasure())) {
                    n++;
                }
                for (MutuItem item : service.mutu()) {
                    addPair(sums, values, item.neededMeasure(), item.availableMeasure());
                }
            }
            included.put(service.code(), n);
        }
        return new Sums(sums, included);
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
