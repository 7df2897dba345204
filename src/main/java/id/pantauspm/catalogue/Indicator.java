package id.pantauspm.catalogue;

import java.math.BigDecimal;

/**
 * A formula over measures with a target, such as KES-K01.CAPAIAN_PENERIMA.
 *
 * @param target            the national target; null when the target is a comparison with an earlier year
 * @param improvesOnYearsBefore 0 for a fixed target; n: the value must improve on the same period n years
 *                          before (learning outcomes: "meningkat dari hasil dua tahun sebelumnya")
 */
public record Indicator(String code, String serviceCode, LocalizedText name, Kind kind, Formula formula, String unit,
                        BigDecimal target, int improvesOnYearsBefore, Direction direction, String source, InForce inForce,
                        Evidence evidence) {

    public static final String RECIPIENT_ACHIEVEMENT = "CAPAIAN_PENERIMA";

    public enum Direction { HIGHER, LOWER }

    public boolean comparative() {
        return improvesOnYearsBefore > 0;
    }
}
