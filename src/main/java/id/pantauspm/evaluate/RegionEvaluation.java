package id.pantauspm.evaluate;

import java.math.BigDecimal;
import java.util.List;

import id.pantauspm.period.Period;

/**
 * Everything evaluated for one region and period, with the rule version that produced it.
 *
 * @param scope OWN for a region's own services; ROLLUP for a province's sums over its kabupaten/kota
 * @param basis the reported periods the figure adds up, and those missing (quarters are cumulative)
 */
public record RegionEvaluation(String regionCode, Period period, Scope scope, String ruleVersion,
                               List<ServiceResult> services, List<FieldResult> fields, List<IndicatorResult> indicators,
                               BigDecimal index, String categoryCode, Basis basis) {

    public enum Scope { OWN, ROLLUP }

    /** What a figure is made of, for the report to say. */
    public record Basis(List<Period> covered, List<Period> missing, boolean derived) {
        public static Basis reported(Period period) {
            return new Basis(List.of(period), List.of(), false);
        }
    }
}
