package id.pantauspm.ikm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import id.pantauspm.catalogue.CategoryBand;
import id.pantauspm.catalogue.IkmRegime;
import id.pantauspm.catalogue.IkmUnsur;

/**
 * The community satisfaction index of one unit and period (PermenPAN-RB 14/2017, Lampiran; the
 * older KepMenPAN 25/2004 by the same steps under its own 14 unsur, weight and bands):
 * <ol>
 *   <li>NRR of each unsur = sum of its scores / the respondents who answered it;</li>
 *   <li>IKM = sum of NRR x weight (1/9, exactly) x scale (25), on a 25-100 scale;</li>
 *   <li>rounded once, half up, to two decimals; the band is read from that figure.</li>
 * </ol>
 * Exact rational arithmetic throughout, so the result never depends on how 1/9 was written.
 */
public final class IkmCalculator {

    /** Decimals of an NRR as shown (the regulation's worked examples use four). */
    public static final int NRR_DECIMALS = 4;

    private IkmCalculator() {
    }

    /**
     * @param responses the questionnaires counted for the unit and period (repeats already removed)
     * @throws IllegalArgumentException for an unsur number or a score the regime does not have
     */
    public static IkmResult compute(IkmRegime regime, Collection<Response> responses) {
        int n = regime.unsurCount();
        long[] sums = new long[n + 1];
        int[] answers = new int[n + 1];
        for (Response r : responses) {
            r.scores().forEach((unsur, score) -> {
                if (unsur < 1 || unsur > n) {
                    throw new IllegalArgumentException(regime.code() + " has no unsur " + unsur + " (respondent " + r.respondent() + ")");
                }
                if (score < regime.minScore() || score > regime.maxScore()) {
                    throw new IllegalArgumentException("score " + score + " outside " + regime.minScore() + "-" + regime.maxScore()
                            + " (respondent " + r.respondent() + ", U" + unsur + ")");
                }
                sums[unsur] += score;
                answers[unsur]++;
            });
        }
        Fraction weight = Fraction.of(1, regime.weightDenominator());
        Fraction shortcut = Fraction.of(regime.shortcutWeight());
        List<UnsurScore> scores = new ArrayList<>();
        List<IkmUnsur> unanswered = new ArrayList<>();
        Fraction sumOfMeans = Fraction.ZERO;
        for (IkmUnsur u : regime.unsur()) {
            int i = u.number();
            if (answers[i] == 0) {
                unanswered.add(u);
                scores.add(new UnsurScore(u, 0, 0, null, null, null, null));
                continue;
            }
            Fraction nrr = Fraction.of(sums[i], answers[i]);
            sumOfMeans = sumOfMeans.plus(nrr);
            BigDecimal converted = nrr.times(regime.scale()).round(2);
            scores.add(new UnsurScore(u, answers[i], sums[i], nrr, nrr.round(NRR_DECIMALS), converted,
                    regime.bandOf(converted).orElse(null)));
        }
        if (!unanswered.isEmpty() || responses.isEmpty()) {
            return new IkmResult(regime, responses.size(), scores, null, null, null, null, null,
                    responses.isEmpty() ? regime.unsur() : unanswered);
        }
        Fraction exact = sumOfMeans.times(weight).times(regime.scale());
        BigDecimal ikm = exact.round(2);
        BigDecimal shortcutIkm = sumOfMeans.times(shortcut).times(regime.scale()).round(2);
        CategoryBand band = regime.bandOf(ikm).orElse(null);
        return new IkmResult(regime, responses.size(), scores, exact, ikm, band, shortcutIkm,
                regime.bandOf(shortcutIkm).orElse(null), List.of());
    }
}
