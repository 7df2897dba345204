package id.pantauspm.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A version of the rules that turn values into indices and categories, valid for a period of time. */
public record RuleSet(String version, LocalDate validFrom, LocalDate validTo, String source,
                      Weights defaultWeights, Map<String, Weights> weightsByField,
                      Aggregation fieldIndex, Aggregation regionIndex, List<CategoryBand> bands) {

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
