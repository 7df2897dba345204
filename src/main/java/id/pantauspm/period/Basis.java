package id.pantauspm.period;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a quarter's, semester's or month's figure of a flow measure (people served, rupiah spent)
 * counts. e-SPM asks for quarterly figures cumulative from January ("s.d. triwulan III"), so a TW3
 * TERLAYANI of 700 means 700 served from 1 January to 30 September; some offices send the quarter
 * alone. Stocks (the target population, items available) are the same either way.
 */
public enum Basis {
    /** Cumulative from 1 January to the end of the period (kumulatif, "s.d."). */
    YEAR_TO_DATE,
    /** The period alone (this quarter, this month). */
    PERIOD_ONLY;

    private static final Set<String> YEAR_TO_DATE_WORDS = Set.of("kumulatif", "komulatif", "sd", "sampaidengan",
            "ytd", "yeartodate", "cumulative", "akumulasi", "akumulatif", "sdtriwulan", "sdbulan", "sdsemester");
    private static final Set<String> PERIOD_ONLY_WORDS = Set.of("triwulan", "triwulanini", "pertriwulan", "kuartal",
            "quarter", "quarteronly", "thisquarter", "periode", "periodeini", "bulan", "bulanini", "perbulan", "month",
            "semester", "semesterini", "persemester", "noncumulative", "nonkumulatif", "bukankumulatif", "period",
            "periodonly");

    /**
     * Reads what an office wrote in a basis column or cell ("kumulatif", "s.d.", "triwulan ini",
     * "non-kumulatif", "year to date", ...), ignoring case, spaces and punctuation; empty when the text
     * says neither.
     */
    public static Optional<Basis> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        if (PERIOD_ONLY_WORDS.contains(t)) {
            return Optional.of(PERIOD_ONLY);
        }
        if (YEAR_TO_DATE_WORDS.contains(t)) {
            return Optional.of(YEAR_TO_DATE);
        }
        return Optional.empty();
    }

    /**
     * Whether free text (a note, a sheet title) says its figures are cumulative ("KUMULATIF",
     * "s.d. 30 September", "sampai dengan"), or that they are for the period alone
     * ("non-kumulatif", "triwulan ini saja"). Empty when it says neither.
     */
    public static Optional<Basis> impliedBy(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = " " + text.toLowerCase(Locale.ROOT).replace('\u00a0', ' ') + " ";
        if (t.matches("(?s).*\\b(non|bukan|tidak)[- ]?(kumulatif|komulatif|cumulative).*")
                || t.matches("(?s).*\\b(triwulan|bulan|semester) ini saja\\b.*")) {
            return Optional.of(PERIOD_ONLY);
        }
        if (t.matches("(?s).*\\b(kumulatif|komulatif|cumulative|year to date|ytd|sampai dengan|akumulasi)\\b.*")
                || t.matches("(?s).*[\\s(]s\\s?[./]\\s?d\\b.*")) {
            return Optional.of(YEAR_TO_DATE);
        }
        return Optional.empty();
    }
}
