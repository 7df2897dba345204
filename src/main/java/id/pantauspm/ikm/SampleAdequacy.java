package id.pantauspm.ikm;

import id.pantauspm.catalogue.SampleSizeTable;

/**
 * Whether a survey asked enough people: respondents counted against the minimum sample of the
 * Krejcie-Morgan table for the unit's stated population of users.
 *
 * @param population the users the unit states it served in the period; null when it states none
 * @param required   the minimum sample for that population; null without a population
 * @param adequate   null when it cannot be judged (no population stated)
 */
public record SampleAdequacy(Long population, Integer required, int respondents, Boolean adequate) {

    public static SampleAdequacy of(SampleSizeTable table, Long population, int respondents) {
        if (population == null || population < 1) {
            return new SampleAdequacy(null, null, respondents, null);
        }
        int required = table.required(population);
        return new SampleAdequacy(population, required, respondents, respondents >= required);
    }

    /** Respondents still to ask for an adequate sample; 0 when adequate or not judged. */
    public int shortfall() {
        return required == null ? 0 : Math.max(0, required - respondents);
    }
}
