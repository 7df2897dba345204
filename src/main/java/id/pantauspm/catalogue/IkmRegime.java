package id.pantauspm.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule for the community satisfaction index (IKM): PermenPAN-RB 14/2017 with 9 unsur, or the
 * older KepMenPAN 25/2004 with 14. A survey is computed under exactly one regime, never mixed.
 *
 * @param weightDenominator every unsur weighs 1/weightDenominator (equal weights: the number of unsur)
 * @param shortcutWeight    the rounded weight spreadsheets often use instead (0.11, 0.071); never used for a result
 * @param scale             the factor from the 1-4 scores to the 25-100 index (25)
 * @param bands             highest first, bounds inclusive at two decimals (A 88.31-100.00)
 */
public record IkmRegime(String code, LocalizedText name, String source, List<String> declaredAs, int minScore,
                        int maxScore, int weightDenominator, BigDecimal shortcutWeight, int scale, List<IkmUnsur> unsur,
                        List<CategoryBand> bands) {

    /** U1, U01, Unsur 1, Unsur 01, Q1, P1 (question), each possibly followed by words: "U1 Persyaratan". */
    private static final Pattern NUMBERED = Pattern.compile("^(?:u|unsur|q|p)0?(\\d{1,2})(?!\\d).*");

    public IkmRegime {
        declaredAs = List.copyOf(declaredAs);
        unsur = List.copyOf(unsur);
        bands = List.copyOf(bands);
    }

    public int unsurCount() {
        return unsur.size();
    }

    public IkmUnsur unsur(int number) {
        return unsur.get(number - 1);
    }

    /**
     * The unsur a column header or a question id names: its code in any usual spelling (U1, U01,
     * Unsur 1, Q1, P1, "U1. Persyaratan"), its number alone when {@code numberAlone} (a question
     * column holding 1..9), or one of its names and aliases. Empty when it names none of this regime's.
     */
    public Optional<IkmUnsur> unsurFor(String text, boolean numberAlone) {
        String n = normalize(text);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = NUMBERED.matcher(n);
        if (m.matches()) {
            return byNumber(Integer.parseInt(m.group(1)));
        }
        if (numberAlone && n.matches("0?\\d{1,2}")) {
            return byNumber(Integer.parseInt(n));
        }
        return unsur.stream().filter(u -> u.aliases().contains(n) || normalize(u.name().id()).equals(n)
                || normalize(u.name().en()).equals(n)).findFirst();
    }

    /** The number of an unsur code as sheets write it (U1, U01, Unsur 1), whatever the regime; empty for other text. */
    public static Optional<Integer> numberOfCode(String text) {
        Matcher m = NUMBERED.matcher(normalize(text));
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private Optional<IkmUnsur> byNumber(int number) {
        return number >= 1 && number <= unsur.size() ? Optional.of(unsur.get(number - 1)) : Optional.empty();
    }

    /** Whether a survey's declaration ("Dasar: PermenPAN-RB No. 14 Tahun 2017") names this regime. */
    public boolean declaredBy(String text) {
        String n = normalize(text);
        return !n.isEmpty() && declaredAs.stream().map(IkmRegime::normalize).anyMatch(n::contains);
    }

    /** The band of a value on the 25-100 scale, read at two decimals as the regulation lists the bands. */
    public Optional<CategoryBand> bandOf(BigDecimal value) {
        BigDecimal rounded = value.setScale(2, RoundingMode.HALF_UP);
        return bands.stream().filter(b -> b.contains(rounded)).findFirst();
    }

    /** Text compared as lower-case letters and digits only: "Biaya/Tarif" and "biaya tarif" are the same words. */
    public static String normalize(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
