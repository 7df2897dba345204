package id.pantauspm.ikm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.pantauspm.catalogue.IkmRegime;
import id.pantauspm.catalogue.SampleSizeTable;
import id.pantauspm.period.Period;

/**
 * The IKM of one service unit for one period, with what a reader needs to trust it: the sample
 * against the Krejcie-Morgan minimum, the items left unanswered, the answers left out as repeats,
 * and the change against the unit's previous comparable survey.
 *
 * @param unansweredItems unsur left blank by the respondents counted (respondents x unsur - answers)
 * @param excludedAnswers answers not counted: repeats and conflicts the receipt named
 * @param trend           null when the unit has no earlier comparable IKM
 */
public record UnitIkm(String regionCode, String unitKey, String unitName, String periodCode, IkmResult result,
                      SampleAdequacy sample, int unansweredItems, int excludedAnswers, long submissionId, Trend trend) {

    /** The change against the latest earlier period of the same kind under the same regime. */
    public record Trend(String previousPeriod, BigDecimal previousIkm, BigDecimal change) {
    }

    /**
     * Computes a unit's IKM from the questionnaires counted.
     *
     * @param population the unit's stated population of users, or null
     */
    public static UnitIkm of(String regionCode, String unitKey, String unitName, String periodCode, IkmRegime regime,
                             Collection<Response> responses, Long population, int excludedAnswers, long submissionId,
                             SampleSizeTable sampleSize) {
        IkmResult result = IkmCalculator.compute(regime, responses);
        int answers = responses.stream().mapToInt(r -> r.scores().size()).sum();
        int unanswered = responses.size() * regime.unsurCount() - answers;
        return new UnitIkm(regionCode, unitKey, unitName, periodCode, result,
                SampleAdequacy.of(sampleSize, population, responses.size()), unanswered, excludedAnswers, submissionId, null);
    }

    public UnitIkm withTrend(Trend trend) {
        return new UnitIkm(regionCode, unitKey, unitName, periodCode, result, sample, unansweredItems, excludedAnswers,
                submissionId, trend);
    }

    /**
     * Each result with its trend: against the same unit's latest earlier period of the same kind
     * (a year against a year, a semester against a semester) computed under the same regime. A
     * survey under KepMenPAN 25/2004 is not compared with one under PermenPAN-RB 14/2017: other
     * unsur, other bands.
     */
    public static List<UnitIkm> withTrends(List<UnitIkm> results) {
        Map<String, List<UnitIkm>> byUnit = new LinkedHashMap<>();
        for (UnitIkm u : results) {
            byUnit.computeIfAbsent(u.regionCode() + "|" + u.unitKey(), k -> new ArrayList<>()).add(u);
        }
        List<UnitIkm> out = new ArrayList<>();
        for (UnitIkm u : results) {
            Period p = Period.parse(u.periodCode()).orElseThrow();
            UnitIkm previous = byUnit.get(u.regionCode() + "|" + u.unitKey()).stream()
                    .filter(o -> o.result().computable() && o.result().regime().code().equals(u.result().regime().code()))
                    .filter(o -> {
                        Period q = Period.parse(o.periodCode()).orElseThrow();
                        return q.kind() == p.kind() && q.compareTo(p) < 0;
                    })
                    .max(Comparator.comparing(o -> Period.parse(o.periodCode()).orElseThrow())).orElse(null);
            if (previous == null || !u.result().computable()) {
                out.add(u);
            } else {
                out.add(u.withTrend(new Trend(previous.periodCode(), previous.result().ikm(),
                        u.result().ikm().subtract(previous.result().ikm()))));
            }
        }
        return out;
    }
}
