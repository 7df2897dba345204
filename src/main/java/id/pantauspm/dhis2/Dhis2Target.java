package id.pantauspm.dhis2;

import java.util.Map;

/**
 * Where one Pantau figure goes in DHIS2.
 *
 * @param dataElement         the data element (its code or UID, as the import's idScheme says)
 * @param categoryOptionCombo for dataValueSets JSON; null: the data element's default
 * @param disaggregation      for ADX: category code to option code attributes on the dataValue (e.g. SEX: F); often empty
 */
public record Dhis2Target(String dataElement, String categoryOptionCombo, Map<String, String> disaggregation) {

    public Dhis2Target {
        disaggregation = Map.copyOf(disaggregation);
    }

    public static Dhis2Target of(String dataElement) {
        return new Dhis2Target(dataElement, null, Map.of());
    }
}
