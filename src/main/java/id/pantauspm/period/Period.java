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
    /** 202607: a year and month run together, as exports and period keys often write them. */
    private static final Pattern YEAR_MONTH_DIGITS = Pattern.compile("(\\d{4})(0[1-9]|1[0-2])");
    private static final String QUARTER_WORD = "(?:TRIWULAN|TRIWULANAN|TW|KUARTAL|QUARTER|Q)";
    private static final String ROMAN = "(IV|III|II|I|[1-4])";
    /** After separators became spaces: TW III 2026, Triwulan III 2026, Q3 2026. */
    private static final Pattern QUARTER_THEN_YEAR = Pattern.compile(QUARTER_WORD + " ?" + ROMAN + " (\\d{4})");
    /** 2026 TW III, 2026 Q3. */
    private static final Pattern YEAR_THEN_QUARTER = Pattern.compile("(\\d{4}) " + QUARTER_WORD + " ?" + ROMAN);
    private static final Pattern SEMESTER_THEN_YEAR = Pattern.compile("(?:SEMESTER|SMT|S) ?(II|I|[12]) (\\d{4})");
    private static final Pattern YEAR_THEN_SEMESTER = Pattern.compile("(\\d{4}) (?:SEMESTER|SMT|S) ?(II|I|[12])");
    /** Juli 2026, Jul 26, July 2026. */
    private static final Pattern MONTH_THEN_YEAR = Pattern.compile("([A-Z]+) (\\d{4}|\\d{2})");
    private static final Pattern YEAR_THEN_MONTH = Pattern.compile("(\\d{4}) ([A-Z]+)");
    /** Words that say what kind of period follows and add nothing: Tahun 2026, Triwulan ke-3, Bulan Juli. */
    private static final Pattern FILLER = Pattern.compile("\\b(?:TAHUN|THN|TH|YEAR|KE|BULAN|BLN|MONTH|PERIODE|PERIOD)\\b");

    /** Month names and abbreviations in Bahasa Indonesia and English, as clerks write them. */
    private static final java.util.Map<String, Integer> MONTHS = months();

    private static java.util.Map<String, Integer> months() {
        java.util.Map<String, Integer> m = new java.util.HashMap<>();
        String[][] names = {
                {"JANUARI", "JAN", "JANUARY"}, {"FEBRUARI", "FEB", "PEB", "PEBRUARI", "FEBRUARY"},
                {"MARET", "MAR", "MARCH"}, {"APRIL", "APR"}, {"MEI", "MAY"}, {"JUNI", "JUN", "JUNE"},
                {"JULI", "JUL", "JULY"}, {"AGUSTUS", "AGU", "AGT", "AGS", "AUG", "AUGUST"},
                {"SEPTEMBER", "SEP", "SEPT"}, {"OKTOBER", "OKT", "OCT", "OCTOBER"},
                {"NOVEMBER", "NOV", "NOP", "NOPEMBER"}, {"DESEMBER", "DES", "DEC", "DECEMBER"}};
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, i + 1);
            }
        }
        return java.util.Map.copyOf(m);
    }

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
            if ((m = YEAR_MONTH_DIGITS.matcher(t)).matches()) {
                return Optional.of(new Period(Integer.parseInt(m.group(1)), Kind.MONTH, Integer.parseInt(m.group(2))));
            }
            return spelled(t);
        } catch (IllegalArgumentException outOfRange) {
            return Optional.empty();
        }
    }

    /**
     * The spellings clerks write beside the codes: separators (. / - _ , and brackets) read as
     * spaces and filler words dropped, so TW.III 2026, Triwulan III/2026, 2026 TW III, Tahun 2026,
     * Jul-26 and Juli 2026 are read like the codes. A two-digit year is 20yy.
     */
    private static Optional<Period> spelled(String upper) {
        String t = upper.replaceAll("[./_,()\\-]", " ");
        t = FILLER.matcher(t).replaceAll(" ").replaceAll("\\s+", " ").trim();
        Matcher m;
        if ((m = YEAR.matcher(t)).matches()) {
            return Optional.of(year(Integer.parseInt(m.group(1))));
        }
        if ((m = QUARTER_THEN_YEAR.matcher(t)).matches()) {
            return Optional.of(quarter(Integer.parseInt(m.group(2)), roman(m.group(1))));
        }
        if ((m = YEAR_THEN_QUARTER.matcher(t)).matches()) {
            return Optional.of(quarter(Integer.parseInt(m.group(1)), roman(m.group(2))));
        }
        if ((m = SEMESTER_THEN_YEAR.matcher(t)).matches()) {
            return Optional.of(new Period(Integer.parseInt(m.group(2)), Kind.SEMESTER, roman(m.group(1))));
        }
        if ((m = YEAR_THEN_SEMESTER.matcher(t)).matches()) {
            return Optional.of(new Period(Integer.parseInt(m.group(1)), Kind.SEMESTER, roman(m.group(2))));
        }
        if ((m = MONTH_THEN_YEAR.matcher(t)).matches() && MONTHS.containsKey(m.group(1))) {
            int year = Integer.parseInt(m.group(2));
            return Optional.of(new Period(year < 100 ? 2000 + year : year, Kind.MONTH, MONTHS.get(m.group(1))));
        }
        if ((m = YEAR_THEN_MONTH.matcher(t)).matches() && MONTHS.containsKey(m.group(2))) {
            return Optional.of(new Period(Integer.parseInt(m.group(1)), Kind.MONTH, MONTHS.get(m.group(2))));
        }
        return Optional.empty();
    }

    /** The month a name or abbreviation stands for (Juli, Jul, July: 7), in either language. */
    public static Optional<Integer> month(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(MONTHS.get(name.trim().toUpperCase(Locale.ROOT)));
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
