package id.pantauspm.report;

import java.awt.Color;
import java.util.Map;

/**
 * One colour per category, shared by charts, pages, PDF and workbook. The six steps of viridis:
 * lightness rises steadily from Belum Tuntas (dark) to Tuntas Paripurna (light), so the order reads
 * the same printed in grey and for readers with any colour-vision deficiency; the category name is
 * always written beside the colour as well.
 */
public final class Categories {

    private static final Map<String, String> HEX = Map.of(
            "BELUM_TUNTAS", "#440154",
            "TUNTAS_MUDA", "#414487",
            "TUNTAS_PRATAMA", "#2a788e",
            "TUNTAS_MADYA", "#22a884",
            "TUNTAS_UTAMA", "#7ad151",
            "TUNTAS_PARIPURNA", "#fde725");
    private static final String NONE = "#d9d9d9";

    private Categories() {
    }

    public static String hex(String category) {
        return category == null ? NONE : HEX.getOrDefault(category, NONE);
    }

    public static Color color(String category) {
        return Color.decode(hex(category));
    }

    /** Text that stays readable on the category's colour: white on the three dark steps. */
    public static String textHex(String category) {
        Color c = color(category);
        double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return luminance < 128 ? "#ffffff" : "#000000";
    }
}
