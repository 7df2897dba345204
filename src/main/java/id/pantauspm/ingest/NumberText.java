package id.pantauspm.ingest;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one number reader for text, shared by every reader and field. Reads a number that a clerk
 * typed as text, in either convention: 1.234,5 and 1,234.5, 95% and 95 %. A text that reads
 * differently in the two conventions (1.234, 1,234) is read by the file's convention and marked
 * ambiguous, so the receipt can say so. Also read, and marked so the caller can judge them:
 * <ul>
 *   <li>currency text: {@code Rp1.250.000.000}, {@code Rp 1.234.567,00}, {@code IDR 2.000.000},
 *       {@code 1.500.000,-} ({@link Parsed#currency()}; only an amount may carry it);</li>
 *   <li>Excel's scientific notation, as its General format writes long numbers into a CSV:
 *       {@code 1,25E+11} ({@link Parsed#scientific()}). General shows at most six significant
 *       digits, so a mantissa of six or more may have lost digits ({@link Parsed#digitsMayBeLost()}).</li>
 * </ul>
 * The text goes through {@link CellText#clean} first (Unicode spaces, zero-width characters, {@code ="..."}).
 */
public final class NumberText {

    /**
     * A number read from text.
     *
     * @param otherReading when the text is ambiguous, the value in the other convention; else null
     */
    public record Parsed(BigDecimal value, boolean percent, BigDecimal otherReading, boolean currency,
                         boolean scientific, boolean digitsMayBeLost) {

        public Parsed(BigDecimal value, boolean percent, BigDecimal otherReading) {
            this(value, percent, otherReading, false, false, false);
        }

        public boolean ambiguous() {
            return otherReading != null;
        }
    }

    /** Excel's General format writes at most this many significant digits before the E. */
    static final int GENERAL_SCIENTIFIC_DIGITS = 6;

    private static final Pattern CURRENCY_PREFIX = Pattern.compile("^(?:RP\\.?|IDR)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CURRENCY_SUFFIX = Pattern.compile("[,.]-$");
    private static final Pattern SCIENTIFIC = Pattern.compile("^(\\d+)(?:[.,](\\d+))?E([+-]\\d{2,3})$");
    /** How other systems write a number that is not finite: Java, JavaScript, Python, C (1.#INF) and the sign. */
    private static final Pattern NON_FINITE = Pattern.compile(
            "^[+\u2212-]?(?:nan|inf|infinity|infinite|\u221E|1\\.#(?:inf|qnan|snan|ind)0*)$", Pattern.CASE_INSENSITIVE);

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?:[.,]\\d{3})+");

    private NumberText() {
    }

    /** Whether the text is how a program writes a number that is not finite (NaN, Infinity, 1.#INF): never a value. */
    public static boolean nonFinite(String raw) {
        return raw != null && NON_FINITE.matcher(CellText.clean(raw).replace(" ", "")).matches();
    }

    public static Optional<Parsed> parse(String raw, DecimalConvention convention) {
        if (raw == null) {
            return Optional.empty();
        }
        String t = CellText.clean(raw).replace('\u2212', '-');
        boolean currency = false;
        java.util.regex.Matcher prefix = CURRENCY_PREFIX.matcher(t);
        if (prefix.find()) {
            currency = true;
            t = t.substring(prefix.end());
        }
        if (CURRENCY_SUFFIX.matcher(t).find()) {
            currency = true;
            t = t.substring(0, t.length() - 2);
        }
        t = t.trim();
        if (currency) {
            // Rupiah are written the Indonesian way (dots group thousands) and have no third decimal.
            convention = DecimalConvention.COMMA;
        }
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
        java.util.regex.Matcher sci = SCIENTIFIC.matcher(t);
        if (sci.matches()) {
            String fraction = sci.group(2) == null ? "" : sci.group(2);
            BigDecimal mantissa = new BigDecimal(sci.group(1) + (fraction.isEmpty() ? "" : "." + fraction));
            BigDecimal value = mantissa.scaleByPowerOfTen(Integer.parseInt(sci.group(3)));
            value = value.stripTrailingZeros();
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
            int digits = mantissa.signum() == 0 ? 0 : mantissa.stripTrailingZeros().precision();
            return Optional.of(new Parsed(negative ? value.negate() : value, percent, null, currency, true,
                    digits >= GENERAL_SCIENTIFIC_DIGITS));
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
                if (couldBeGrouping && currency) {
                    canonical = whole + fraction;
                } else if (couldBeGrouping) {
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
                otherValue == null ? null : negative ? otherValue.negate() : otherValue, currency, false, false));
    }
}
