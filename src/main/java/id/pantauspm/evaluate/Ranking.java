package id.pantauspm.evaluate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks of regions by an index, highest first, as officials rank them: equal indices share a rank and
 * the next rank skips (90, 90, 80 rank 1, 1, 3; "standard competition ranking"). A region without an
 * index is not ranked. Kabupaten/kota are ranked among themselves, never with their province.
 */
public final class Ranking {

    private Ranking() {
    }

    /** A region's place among {@code of} ranked regions. */
    public record Place(int rank, int of) {
    }

    /** Region code to place; regions with a null index are left out. */
    public static Map<String, Place> competition(Map<String, BigDecimal> indexByRegion) {
        List<Map.Entry<String, BigDecimal>> ranked = new ArrayList<>(indexByRegion.entrySet().stream()
                .filter(e -> e.getValue() != null).toList());
        ranked.sort(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        Map<String, Place> places = new LinkedHashMap<>();
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < ranked.size(); i++) {
            BigDecimal value = ranked.get(i).getValue();
            if (previous == null || value.compareTo(previous) != 0) {
                rank = i + 1;
                previous = value;
            }
            places.put(ranked.get(i).getKey(), new Place(rank, ranked.size()));
        }
        return places;
    }
}
