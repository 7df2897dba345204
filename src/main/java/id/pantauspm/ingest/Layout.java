package id.pantauspm.ingest;

import java.util.List;
import java.util.Optional;

/**
 * How a workbook's rows hold values (input-format.md): layout 1, one value per row
 * ({@link TabularLayout}), or layout 2, the fill-in template. Fed the rows of one file in order.
 */
public interface Layout {

    /** The data row this raw row is, or empty for titles, headers, metadata and blank rows. */
    Optional<SourceRow> accept(RawRow row);

    /** At the end of the file: whether any sheet held data in this layout. */
    boolean foundAnyHeader();

    /** Sheets read without a recognised header: skipped, and said so in the receipt. */
    List<String> sheetsWithoutHeader();

    /** Whether this layout has found its header on the sheet (so the sheet's rows are its own). */
    default boolean hasHeader(String sheet) {
        return false;
    }

    /** How the layout read the file, for the receipt (which layout, how each column was read). */
    default List<Problem> notes() {
        return List.of();
    }

    /**
     * Every data row this raw row holds: one for layout 1 and the template, one per value column for
     * a wide layout (a row with SASARAN and TERLAYANI columns holds two values).
     */
    default List<SourceRow> acceptAll(RawRow row) {
        return accept(row).map(List::of).orElse(List.of());
    }

    /**
     * A data row of a community satisfaction survey (IKM) read as one: empty for the SPM layouts,
     * whose rows are values ({@link SurveyLayout}).
     */
    default Optional<SurveyRow> survey(SourceRow row) {
        return Optional.empty();
    }

    /** At the end of the file: notes for the receipt about how it was read (a survey's sheets, rows skipped). */
    default List<Problem> endNotes() {
        return List.of();
    }
}
