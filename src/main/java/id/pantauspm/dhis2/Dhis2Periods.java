package id.pantauspm.dhis2;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantauspm.period.Period;

/**
 * Pantau's periods in DHIS2's two spellings: the ISO-like period identifiers of the Web API and
 * dataValueSets ({@code 2026}, {@code 2026S1}, {@code 2026Q3}, {@code 202607}; DHIS2 "Period types"),
 * and ADX's start date with an ISO 8601 duration ({@code 2026-07-01/P3M}; IHE QRPH ADX, period attribute).
 */
public final class Dhis2Periods {

    private static final Pattern DHIS2_MONTH = Pattern.compile("(\\d{4})(\\d{2})");

    private Dhis2Periods() {
    }

    /** A period typed as Pantau writes it (2026-TW3, Triwulan III 2026) or as DHIS2 does (2026Q3, 2026S1, 202607). */
    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = DHIS2_MONTH.matcher(text.trim());
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            return month >= 1 && month <= 12 ? Optional.of(new Period(Integer.parseInt(m.group(1)), Period.Kind.MONTH, month))
                    : Optional.empty();
        }
        return Period.parse(text);
    }

    /** The DHIS2 period identifier: 2026, 2026S1, 2026Q3, 202607. */
    public static String dhis2(Period p) {
        return switch (p.kind()) {
            case YEAR -> Integer.toString(p.year());
            case SEMESTER -> p.year() + "S" + p.number();
            case QUARTER -> p.year() + "Q" + p.number();
            case MONTH -> String.format("%d%02d", p.year(), p.number());
        };
    }

    /** The ADX period: first day and length, e.g. 2026-07-01/P3M for the third quarter. */
    public static String adx(Period p) {
        int months = switch (p.kind()) {
            case YEAR -> 12;
            case SEMESTER -> 6;
            case QUARTER -> 3;
            case MONTH -> 1;
        };
        LocalDate first = p.lastDay().withDayOfMonth(1).minusMonths(months - 1L);
        return first + "/" + (months == 12 ? "P1Y" : "P" + months + "M");
    }
}
