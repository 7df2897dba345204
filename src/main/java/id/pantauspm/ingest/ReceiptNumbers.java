package id.pantauspm.ingest;

import java.math.BigDecimal;

/**
 * A number given to a receipt sentence as an argument: marked so the receipt writes it in the
 * reader's convention (1,234 for one point two three four in Bahasa Indonesia, 1.234 in English),
 * never in a notation the clerk could read the other way.
 */
public final class ReceiptNumbers {

    public static final String PREFIX = "number:";

    private ReceiptNumbers() {
    }

    public static String arg(BigDecimal value) {
        return PREFIX + value.stripTrailingZeros().toPlainString();
    }
}
