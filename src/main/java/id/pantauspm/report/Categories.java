package id.pantauspm.report;

import java.awt.Color;
import java.util.Map;

/**
 * One colour per category, shared by charts and pages. A diverging palette from ColorBrewer RdYlGn,
 * ordered so that lightness also falls with the category (readable printed in grey).
 */
public final class Categories {

    private static final Map<String, String> HEX = Map.of(
            "TUNTAS_PARIPURNA", "#1a9850",
            "TUNTAS_UTAMA", "#66bd63",
            "TUNTAS_MADYA", "#a6d96a",
            "TUNTAS_PRATAMA", "#fee08b",
            "TUNTAS_MUDA", "#fdae61",
            "BELUM_TUNTAS", "#d73027");
    private static final String NONE = "#bdbdbd";

    private Categories() {
    }

    public static String hex(String category) {
        return category == null ? NONE : HEX.getOrDefault(category, NONE);
    }

    public static Color color(String category) {
        return Color.decode(hex(category));
    }
}
