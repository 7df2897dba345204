package id.pantauspm.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a year, a semester, a quarter (triwulan) or a month.
 * Quarter and semester figures are cumulative from January (year to date), as e-SPM reports them.
 */
public record Period(int year, Kind kind, int number) implements Comparable<Period> {

    public enum Kind { YEAR, SEMESTER, QUARTER, MONTH }

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})[-/ ]?(?:TW|Q)([1-4])");
    private static final Pattern SEMESTER = Pattern.compile("(\\d{4})[-/ ]?S([12])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern TRIWULAN_WORDS = Pattern.compile("(?:TRIWULAN|TW|KUARTAL|QUARTER)\\s*(IV|III|II|I|[1-4])\\s*(?:TAHUN\\s*)?(\\d{4})");
    private static final Pattern SEMESTER_WORDS = Pattern.compile("SEMESTER\\s*(II|I|[12])\\s*(?:TAHUN\\s*)?(\\d{4})");

    public Period {
        if (year < 1900 || year > 2200) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        int max = switch (kind) { case YEAR -> 1; case SEMESTER -> 2; case QUARTER -> 4; case MONTH -> 12; };
        if (number < 1 || number > max) {
            throw new IllegalArgumentException(kind + " number out of range: " + number);
        }
    }

    public static Period year(int year) {
        return new Period(year, Kind.YEAR, 1);
    }

    public static Period quarter(int year, int quarter) {
        return new Period(year, Kind.QUARTER, quarter);
    }

    /** Reads the spellings the submission contract accepts; empty when the text is not a period. */
    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (t.endsWith(".0")) { // a year typed as a number and read back as 2026.0
            t = t.substring(0, t.length() - 2);
        }
        try {
            Matcher m;
            if ((m = YEAR.matcher(t)).matches()) {
                return Optional.of(year(Integer.parseInt(m.group(1))));
            }
            if ((m = QUARTER.matcher(t)).matches()) {
                return Optional.of(quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
            if ((m = SEMESTER.matcher(t)).matches()) {
                return Optional.of(new Period(Integer.parseInt(m.group(1)), Kind.SEMESTER, Integer.parseInt(m.group(2))));
            }
            if ((m = MONTH.matcher(t)).matches()) {
                return Optional.of(new Period(Integer.parseInt(m.group(1)), Kind.MONTH, Integer.parseInt(m.group(2))));
            }
            if ((m = TRIWULAN_WORDS.matcher(t)).matches()) {
                return Optional.of(quarter(Integer.parseInt(m.group(2)), roman(m.group(1))));
            }
            if ((m = SEMESTER_WORDS.matcher(t)).matches()) {
                return Optional.of(new Period(Integer.parseInt(m.group(2)), Kind.SEMESTER, roman(m.group(1))));
            }
        } catch (IllegalArgumentException outOfRange) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static int roman(String s) {
        return switch (s) {
            case "I", "1" -> 1;
            case "II", "2" -> 2;
            case "III", "3" -> 3;
            case "IV", "4" -> 4;
            default -> throw new IllegalArgumentException(s);
        };
    }

    /** The canonical code stored and shown: 2026, 2026-S1, 2026-TW3, 2026-07. */
    public String code() {
        return switch (kind) {
            case YEAR -> Integer.toString(year);
            case SEMESTER -> year + "-S" + number;
            case QUARTER -> year + "-TW" + number;
            case MONTH -> String.format(Locale.ROOT, "%d-%02d", year, number);
        };
    }

    /** The first day the period covers. */
    public LocalDate firstDay() {
        int firstMonth = switch (kind) {
            case YEAR -> 1;
            case SEMESTER -> number * 6 - 5;
            case QUARTER -> number * 3 - 2;
            case MONTH -> number;
        };
        return LocalDate.of(year, firstMonth, 1);
    }

    /** The last day the period covers. */
    public LocalDate lastDay() {
        int lastMonth = switch (kind) {
            case YEAR -> 12;
            case SEMESTER -> number * 6;
            case QUARTER -> number * 3;
            case MONTH -> number;
        };
        return YearMonth.of(year, lastMonth).atEndOfMonth();
    }

    @Override
    public int compareTo(Period other) {
        int byEnd = lastDay().compareTo(other.lastDay());
        return byEnd != 0 ? byEnd : kind.compareTo(other.kind);
    }

    @Override
    public String toString() {
        return code();
    }
}
