package id.pantauspm.evaluate;

import java.math.BigDecimal;

/**
 * A field's index for a region and period (rules.yaml {@code coverage}): the official index counts
 * every service type of the level, a service without data as 0, and leaves out services with nothing
 * to serve; null when every service had nothing to serve.
 *
 * @param servicesComputed  services with an index of their own (reported)
 * @param servicesTotal     service types of the field at the region's level
 * @param servicesDue       of those, the ones with someone to serve (total minus nothing-to-serve): the mean's denominator
 * @param provisionalIndex  the mean over the computed services only; shown labelled provisional, never ranked or categorised
 * @param coverage          for a roll-up, the percent of (service, region) pairs reported; null for a region's own figure
 */
public record FieldResult(String fieldCode, BigDecimal index, String categoryCode, int servicesComputed, int servicesTotal,
                          int servicesDue, BigDecimal provisionalIndex, BigDecimal coverage) {

    /** Every service due has its own figure. */
    public boolean complete() {
        return servicesComputed >= servicesDue;
    }
}
