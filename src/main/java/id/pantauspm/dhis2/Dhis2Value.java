package id.pantauspm.dhis2;

import java.math.BigDecimal;

/**
 * One value for DHIS2: an org unit, a period, a target data element, the number, and where it came
 * from in Pantau (the measure, indicator or result code) for the comment and for checking by hand.
 */
public record Dhis2Value(String regionCode, String orgUnit, Dhis2Target target, BigDecimal value, String source) {

    /** The number as DHIS2 stores it: plain, without trailing zeros (12.50 becomes 12.5, 1E+3 becomes 1000). */
    public String plainValue() {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }
}
