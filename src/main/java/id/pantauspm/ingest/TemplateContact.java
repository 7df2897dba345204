package id.pantauspm.ingest;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

/**
 * The contact the clerk wrote into a fill-in template (layout 2): column B of the first sheet, in the
 * row after office and officer ({@link #CONTACT_ROW}, labelled "Telepon / surel petugas"), read
 * with the same readers as the values. Empty for a file that is not a template or left it blank.
 */
public final class TemplateContact {

    /** B11: region B4, name B5, period B6, in words B7, fields B8, office B9, officer B10, contact B11. */
    public static final int CONTACT_ROW = TemplateLayout.REGION_ROW + 7;

    private TemplateContact() {
    }

    public static Optional<String> read(Path file, SpreadsheetFormats formats) {
        try (SpreadsheetReader.Opened opened = formats.open(file)) {
            Iterator<RawRow> rows = opened.rows().iterator();
            if (!rows.hasNext()) {
                return Optional.empty();
            }
            RawRow first = rows.next();
            if (!TemplateLayout.isMarkerRow(first)) {
                return Optional.empty();
            }
            while (rows.hasNext()) {
                RawRow row = rows.next();
                if (!row.sheet().equals(first.sheet()) || row.rowNumber() > CONTACT_ROW) {
                    return Optional.empty();
                }
                if (row.rowNumber() == CONTACT_ROW) {
                    String text = row.cell(TemplateLayout.METADATA_VALUE_COLUMN).asText();
                    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
                }
            }
            return Optional.empty();
        } catch (FileRefusedException | RuntimeException e) {
            return Optional.empty(); // a file that cannot be read has no contact; its receipt says why
        }
    }
}
