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

    /**
     * What the clerk wrote about the office in a template's header: office (B9), officer (B10) and
     * contact (B11), each stripped and null when blank.
     */
    public record Details(String office, String officer, String contact) {
        public boolean isEmpty() {
            return office == null && officer == null && contact == null;
        }
    }

    /** The contact cell (B11) alone, for the mail of a receipt. */
    public static Optional<String> read(Path file, SpreadsheetFormats formats) {
        return details(file, formats).map(Details::contact);
    }

    /** The office header of a fill-in template; empty for any other file, a blank header, or a file that cannot be read. */
    public static Optional<Details> details(Path file, SpreadsheetFormats formats) {
        try (SpreadsheetReader.Opened opened = formats.open(file)) {
            Iterator<RawRow> rows = opened.rows().iterator();
            if (!rows.hasNext()) {
                return Optional.empty();
            }
            RawRow first = rows.next();
            if (!TemplateLayout.isMarkerRow(first)) {
                return Optional.empty();
            }
            String[] cells = new String[3];
            while (rows.hasNext()) {
                RawRow row = rows.next();
                if (!row.sheet().equals(first.sheet()) || row.rowNumber() > CONTACT_ROW) {
                    break;
                }
                int at = row.rowNumber() - (CONTACT_ROW - 2);
                if (at >= 0 && at < 3) {
                    String text = row.cell(TemplateLayout.METADATA_VALUE_COLUMN).asText();
                    cells[at] = text == null || text.isBlank() ? null : CellText.clean(text);
                }
            }
            Details d = new Details(cells[0], cells[1], cells[2]);
            return d.isEmpty() ? Optional.empty() : Optional.of(d);
        } catch (FileRefusedException | RuntimeException e) {
            return Optional.empty(); // a file that cannot be read has no contact; its receipt says why
        }
    }
}
