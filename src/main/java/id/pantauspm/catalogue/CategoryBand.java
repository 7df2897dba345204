package id.pantauspm.catalogue;

import java.math.BigDecimal;

/** A category of an index, bounds inclusive at two decimals (e.g. Tuntas Muda 60.00 - 69.99). */
public record CategoryBand(String code, LocalizedText name, BigDecimal min, BigDecimal max) {

    public boolean contains(BigDecimal roundedIndex) {
        return roundedIndex.compareTo(min) >= 0 && roundedIndex.compareTo(max) <= 0;
    }
}
