package id.pantauspm.evaluate;

import java.math.BigDecimal;
import java.util.List;

import id.pantauspm.period.Period;

/**
 * Everything evaluated for one region and period, with the rule version that produced it.
 *
 * @param scope            OWN for a region's own services; ROLLUP for a province's sums over its kabupaten/kota;
 *                         NATIONAL for the country's sums (region code {@link #NATIONAL_CODE})
 * @param index            the official index (IP-SPM for a region's own figure): the mean of the field indices, each
 *                         counting every service type of the level (rules.yaml {@code coverage})
 * @param provisionalIndex the same over reported services only: labelled provisional, never ranked or categorised
 * @param servicesComputed services with a figure of their own, over all fields
 * @param servicesDue      services with someone to serve (every service type of the level minus nothing-to-serve)
 * @param coverage         roll-ups: percent of (service, region) pairs reported; null for a region's own figure
 * @param regionsReporting roll-ups: how many of the summed regions reported anything; 0 for a region's own figure
 * @param regionsTotal     roll-ups: how many regions the roll-up sums over (all kabupaten/kota of the province)
 * @param basis            the reported periods the figure uses, and those it would need but are missing
 * @param budget           sums over the services that reported both rupiah amounts
 * @param mutu             every mutu item reported with both needed and available, with its gap
 * @param progress         per service with anything reported: stage progress and the achievement the office reported
 * @param stillToServe     people still to serve, summed over the services with both counts (null: none has)
 * @param weakest          up to three services furthest from the standard (index below 100, lowest first; on a tie
 *                         the one with more people still to serve first)
 */
public record RegionEvaluation(String regionCode, Period period, Scope scope, String ruleVersion,
                               List<ServiceResult> services, List<FieldResult> fields, List<IndicatorResult> indicators,
                               BigDecimal index, String categoryCode, BigDecimal provisionalIndex, int servicesComputed,
                               int servicesDue, BigDecimal coverage, int regionsReporting, int regionsTotal, Basis basis,
                               ServiceResult.Budget budget, List<MutuResult> mutu, List<ServiceProgress> progress,
                               BigDecimal stillToServe, List<String> weakest) {

    /** How many services the summary names as the weakest. */
    public static final int WEAKEST = 3;

    /** The region code the country's roll-up is stored under. */
    public static final String NATIONAL_CODE = "00";

    public enum Scope { OWN, ROLLUP, NATIONAL }

    RegionEvaluation withIndicators(List<IndicatorResult> replaced) {
        return new RegionEvaluation(regionCode, period, scope, ruleVersion, services, fields, replaced, index, categoryCode,
                provisionalIndex, servicesComputed, servicesDue, coverage, regionsReporting, regionsTotal, basis, budget, mutu,
                progress, stillToServe, weakest);
    }

    /**
     * What a figure is made of, for the report to say.
     *
     * @param unresolved measures reported for the period that could not be used (a quarter-alone figure
     *                   without the year-to-date figure before it): their service is incomplete, not unreported
     */
    public record Basis(List<Period> covered, List<Period> missing, boolean derived, java.util.Set<String> unresolved) {
        public Basis(List<Period> covered, List<Period> missing, boolean derived) {
            this(covered, missing, derived, java.util.Set.of());
        }

        public static Basis reported(Period period) {
            return new Basis(List.of(period), List.of(), false);
        }
    }
}
