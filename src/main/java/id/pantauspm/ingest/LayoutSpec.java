package id.pantauspm.ingest;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import id.pantauspm.catalogue.LocalizedText;

/**
 * A layout described in data (a YAML file in the layouts folder, see indicators/layouts/README.md):
 * how a file that is neither layout 1 nor the template holds its values. Read by {@link DataLayout}.
 *
 * @param code    the layout's code, shown in receipts (SATU_DATA_JAKARTA_SPM)
 * @param file    the file it was read from (relative to the layouts folder), or "built-in"
 * @param match   how a file is recognised: all {@code headers} in one row, and when given, a file name
 *                pattern and the inbox subfolder the file was dropped in
 * @param region  where the region is: a column (code in any accepted form, or name), a fixed code, a
 *                cell above the header, or a pattern on the file name
 * @param period  where the period is, the same ways
 * @param service where a column's service is when its measure is a local code (SASARAN): fixed, from
 *                the words of the file name, from a column of each row, or (null) the words of the
 *                column's header, then of the file name
 * @param sumOver sub-region columns (kecamatan, puskesmas, desa, jenis kelamin): the rows of one region
 *                are parts summed up to it, with their lineage; empty when each row is a region
 * @param skip    rows not read, by the text of a column (a totals row: JUMLAH), or null
 * @param columns value columns (wide layouts), or empty when {@code rows} is given
 * @param rows    indicator blocks: a label column names the measure of each row, period columns hold values
 */
public record LayoutSpec(String code, LocalizedText name, String source, String file, Match match, Place region,
                         Place period, Place service, List<String> sumOver, SkipRows skip, boolean zeroMeansMissing,
                         List<ValueColumn> columns, RowBlocks rows) {

    /** Column headers compare as {@link Column} headers do: case, spaces, underscores and punctuation aside. */
    public static String header(String text) {
        return Column.normalize(CellText.clean(text));
    }

    /** @param shown the headers as the layout file writes them, for messages */
    public record Match(List<String> headers, Pattern fileName, String folder, List<String> shown) {
    }

    public enum Source { COLUMN, FIXED, CELL, FILE_NAME, WORDS }

    /**
     * @param value the normalised header (COLUMN), the value (FIXED), the cell reference such as B2 (CELL),
     *              or a pattern whose first group is the value (FILE_NAME; for a service, "words")
     */
    public record Place(Source source, String value) {
        public String cellColumn() {
            return value.replaceAll("\\d", "").toUpperCase(Locale.ROOT);
        }

        public int cellRow() {
            return Integer.parseInt(value.replaceAll("\\D", ""));
        }
    }

    public record SkipRows(String header, Pattern matching) {
    }

    /**
     * @param header   a normalised header, or null when {@code matching} picks the columns
     * @param matching a pattern on the header text (lower case), or null
     * @param measure  a local code (SASARAN: the service comes from {@link #service}), a full code
     *                 (KES-K08.SASARAN), or null: the measure and service by the header's words
     */
    public record ValueColumn(String header, Pattern matching, String measure) {
        public boolean byWords() {
            return measure == null;
        }
    }

    /** @param label the normalised header of the column naming each row's measure; @param periods pattern on period headers */
    public record RowBlocks(String label, Pattern periods) {
    }
}
