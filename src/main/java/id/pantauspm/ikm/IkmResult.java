package id.pantauspm.ikm;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import id.pantauspm.catalogue.CategoryBand;
import id.pantauspm.catalogue.IkmRegime;
import id.pantauspm.catalogue.IkmUnsur;

/**
 * The IKM of one unit and period under one regime.
 *
 * @param respondents  questionnaires counted
 * @param unsur        every unsur of the regime, in its order; one nobody answered has 0 answers and null means
 * @param exact        the index before rounding (null when not computable), e.g. 2650/27
 * @param ikm          the index on the 25-100 scale, rounded once to two decimals (null when not computable)
 * @param band         its band (A Sangat baik ...), read at two decimals
 * @param shortcutIkm  what the rounded weight (0.11) would give, for reconciling a unit's own sheet
 * @param shortcutBand the band of that figure
 * @param unanswered   unsur nobody answered: the index cannot be computed without them (missing is never 0)
 */
public record IkmResult(IkmRegime regime, int respondents, List<UnsurScore> unsur, Fraction exact, BigDecimal ikm,
                        CategoryBand band, BigDecimal shortcutIkm, CategoryBand shortcutBand, List<IkmUnsur> unanswered) {

    public IkmResult {
        unsur = List.copyOf(unsur);
        unanswered = List.copyOf(unanswered);
    }

    public boolean computable() {
        return ikm != null;
    }

    /** The unsur from the lowest mean to the highest (ties in the regulation's order): what a unit must improve first. */
    public List<UnsurScore> weakestFirst() {
        return unsur.stream().filter(u -> u.exactNrr() != null)
                .sorted(Comparator.comparing(UnsurScore::exactNrr).thenComparingInt(u -> u.unsur().number())).toList();
    }

    /** Whether the rounded weight would put the unit in another band than the exact rule does. */
    public boolean shortcutChangesBand() {
        return band != null && shortcutBand != null && !band.code().equals(shortcutBand.code());
    }
}
