package id.pantauspm.catalogue;

import java.math.BigDecimal;

/** A formula over measures with a target, such as KES-K01.CAPAIAN_PENERIMA. */
public record Indicator(String code, String serviceCode, LocalizedText name, Kind kind, Formula formula, String unit,
                        BigDecimal target, Direction direction, String source) {

    public static final String RECIPIENT_ACHIEVEMENT = "CAPAIAN_PENERIMA";

    public enum Direction { HIGHER, LOWER }
}
