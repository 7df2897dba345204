package id.pantauspm.report;

import java.util.Map;

/**
 * One colour per IKM band (mutu pelayanan A to D), for pages and the PDF: four steps of the same
 * viridis scale as the SPM categories, so lightness rises from D to A and reads in grey; the
 * band's letter and name are always written on it.
 */
public final class IkmBands {

    private static final Map<String, String> HEX = Map.of("A", "#fde725", "B", "#35b779", "C", "#31688e", "D", "#440154");
    private static final String NONE = "#d9d9d9";

    /** For templates: {@code ${ikmBand.of(code)}}. */
    public static final IkmBands STYLE = new IkmBands();

    private IkmBands() {
    }

    public String of(String band) {
        return style(band);
    }

    public static String hex(String band) {
        return band == null ? NONE : HEX.getOrDefault(band, NONE);
    }

    /** Background and a text colour that stays readable on it, as a CSS style. */
    public static String style(String band) {
        java.awt.Color c = java.awt.Color.decode(hex(band));
        double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return "background:" + hex(band) + ";color:" + (luminance < 128 ? "#ffffff" : "#000000");
    }
}
