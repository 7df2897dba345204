package id.pantauspm.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.pantauspm.period.Basis;
import id.pantauspm.period.Period;

/**
 * A version of the rules that turn values into indices and categories, valid for a period of time
 * (indicators/rules.yaml).
 *
 * @param periodBasis what a flow measure's figure counts for each sub-year period kind when the office does not say
 * @param coverage    how services without data count, and when a roll-up may carry a category
 */
public record RuleSet(String version, LocalDate validFrom, LocalDate validTo, String source,
                      Weights defaultWeights, Map<String, Weights> weightsByField,
                      Aggregation fieldIndex, Aggregation regionIndex, List<CategoryBand> bands,
                      Map<Period.Kind, Basis> periodBasis, Coverage coverage, Quality quality) {

    /**
     * How a service's quality achievement is computed (rules.yaml {@code quality}).
     *
     * @param method  the default for every field
     * @param byField a field's own method (education: {@code reported}, the Rapor Pendidikan percentages)
     */
    public record Quality(QualityMethod method, String source, Map<String, QualityMethod> byField) {
        public static final Quality ITEM_MEAN = new Quality(QualityMethod.ITEM_MEAN, "", Map.of());
    }

    public enum QualityMethod {
        /** Mean over the reported mutu items of available / needed, each capped at 100 (the default). */
        ITEM_MEAN,
        /** Sum of available over sum of needed across the reported items, capped at 100 (one regional app's way). */
        POOLED,
        /** Mean of the quality-indicator percentages the service reports (Rapor Pendidikan), each capped at 100. */
        REPORTED
    }

    public QualityMethod qualityFor(String fieldCode) {
        return quality.byField().getOrDefault(fieldCode, quality.method());
    }

    /**
     * @param unreportedService   ZERO: every service type of the level counts, one without data as 0; EXCLUDED: only
     *                            computed services count (the withdrawn 2026.1 behaviour)
     * @param rollupMinCoverage   percent (0..100) of the summed regions that must report a service before its roll-up
     *                            carries a category
     */
    public record Coverage(UnreportedService unreportedService, BigDecimal rollupMinCoverage, String source) {
    }

    public enum UnreportedService { ZERO, EXCLUDED }

    /** The basis of a figure of the given period kind when nothing was declared; null for a year. */
    public Basis defaultBasis(Period.Kind kind) {
        return periodBasis.get(kind);
    }

    /** Shares of the service index, in percent. */
    public record Weights(BigDecimal recipients, BigDecimal quality, String source) {
    }

    public enum Aggregation { MEAN, WEIGHTED }

    public Weights weightsFor(String fieldCode) {
        return weightsByField.getOrDefault(fieldCode, defaultWeights);
    }

    public boolean appliesTo(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** The category of an index, decided on the value rounded to two decimals as reports show it. */
    public Optional<CategoryBand> categoryOf(BigDecimal index) {
        BigDecimal rounded = index.setScale(2, RoundingMode.HALF_UP);
        return bands.stream().filter(b -> b.contains(rounded)).findFirst();
    }
}
