package id.pantauspm.ingest;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a number that a clerk typed as text, in either convention: 1.234,5 and 1,234.5, 95% and 95 %.
 * A text that reads differently in the two conventions (1.234, 1,234) is read by the file's convention
 * and marked ambiguous, so the receipt can say so.
 */
public final class NumberText {

    /**
     * A number read from text.
     *
     * @param otherReading when the text is ambiguous, the value in the other convention; else null
     */
    public record Parsed(BigDecimal value, boolean percent, BigDecimal otherReading) {
        public boolean ambiguous() {
            return otherReading != null;
        }
    }

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?:[.,]\\d{3})+");

    private NumberText() {
    }

    public static Optional<Parsed> parse(String raw, DecimalConvention convention) {
        if (raw == null) {
            return Optional.empty();
        }
        String t = raw.replace('\u00A0', ' ').replace('\u2212', '-').trim();
        boolean percent = false;
        if (t.endsWith("%")) {
            percent = true;
            t = t.substring(0, t.length() - 1).trim();
        }
        t = t.replace(" ", "");
        boolean negative = false;
        if (t.startsWith("-")) {
            negative = true;
            t = t.substring(1);
        } else if (t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            return Optional.empty();
        }
        int lastDot = t.lastIndexOf('.');
        int lastComma = t.lastIndexOf(',');
        String canonical;
        String other = null;
        if (lastDot >= 0 && lastComma >= 0) {
            // Both marks: the last one is the decimal mark, the other groups thousands.
            char decimal = lastDot > lastComma ? '.' : ',';
            char group = decimal == '.' ? ',' : '.';
            String whole = t.substring(0, Math.max(lastDot, lastComma));
            String fraction = t.substring(Math.max(lastDot, lastComma) + 1);
            if (whole.indexOf(decimal) >= 0 || !GROUPED.matcher(whole).matches() && !DIGITS.matcher(whole).matches()
                    || !DIGITS.matcher(fraction).matches() || whole.chars().anyMatch(c -> c != group && !Character.isDigit(c))) {
                return Optional.empty();
            }
            canonical = whole.replace(String.valueOf(group), "") + "." + fraction;
        } else if (lastDot >= 0 || lastComma >= 0) {
            char mark = lastDot >= 0 ? '.' : ',';
            long marks = t.chars().filter(c -> c == mark).count();
            if (marks > 1) {
                if (!GROUPED.matcher(t).matches()) {
                    return Optional.empty();
                }
                canonical = t.replace(String.valueOf(mark), ""); // 1.250.000.000
            } else {
                String whole = t.substring(0, t.indexOf(mark));
                String fraction = t.substring(t.indexOf(mark) + 1);
                if (!DIGITS.matcher(fraction).matches() || !whole.isEmpty() && !DIGITS.matcher(whole).matches()) {
                    return Optional.empty();
                }
                boolean couldBeGrouping = fraction.length() == 3 && !whole.isEmpty() && whole.length() <= 3 && !whole.equals("0");
                boolean decimalInConvention = (mark == '.') == (convention == DecimalConvention.DOT);
                if (couldBeGrouping) {
                    String asDecimal = whole + "." + fraction;
                    String asGrouped = whole + fraction;
                    canonical = decimalInConvention ? asDecimal : asGrouped;
                    other = decimalInConvention ? asGrouped : asDecimal;
                } else {
                    canonical = (whole.isEmpty() ? "0" : whole) + "." + fraction;
                }
            }
        } else {
            if (!DIGITS.matcher(t).matches()) {
                return Optional.empty();
            }
            canonical = t;
        }
        BigDecimal value = new BigDecimal(canonical);
        BigDecimal otherValue = other == null ? null : new BigDecimal(other);
        return Optional.of(new Parsed(negative ? value.negate() : value, percent,
                otherValue == null ? null : negative ? otherValue.negate() : otherValue));
    }
}
