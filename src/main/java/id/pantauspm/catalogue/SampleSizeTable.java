package id.pantauspm.catalogue;

import java.util.List;

/**
 * The minimum sample of a survey for a population (Krejcie and Morgan 1970, Table 1, as
 * indicators/ikm.yaml holds it): rows of population and sample, populations ascending.
 */
public record SampleSizeTable(String method, String source, List<Row> rows) {

    /** One line of the table: for {@code population} users, at least {@code sample} respondents. */
    public record Row(long population, int sample) {
    }

    public SampleSizeTable {
        rows = List.copyOf(rows);
    }

    /**
     * The minimum number of respondents for a population of users: the sample of the first row whose
     * population is at least this one (between two rows the larger, so a unit never falls short);
     * below the first row every user (the population itself); above the last row the last sample.
     *
     * @param population the users of the unit in the period, at least 1
     * @throws IllegalArgumentException for a population below 1
     */
    public int required(long population) {
        if (population < 1) {
            throw new IllegalArgumentException("population must be at least 1: " + population);
        }
        if (population < rows.get(0).population()) {
            return (int) Math.min(population, rows.get(0).sample());
        }
        for (Row r : rows) {
            if (r.population() >= population) {
                return r.sample();
            }
        }
        return rows.get(rows.size() - 1).sample();
    }
}
