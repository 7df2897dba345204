package id.pantauspm.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Layout 2 of the contract: the fill-in template `pantau template` writes (README, "The fill-in
 * template"). The first sheet carries {@link #MARKER} in A1 and the metadata: the cell right of
 * the label "Kode wilayah" holds the region, right of "Periode" the period (any spelling of
 * kode_wilayah and periode, so an English template reads the same), and right of "Sifat angka" what
 * a quarter's figures count (kumulatif or triwulan; README). Every later sheet has a header
 * row holding at least kode_data and nilai (and usually keterangan); each row below it with a
 * measure code and a value is one submitted value, its region and period taken from the metadata
 * cells, so a bad region or period is reported at the metadata cell. A row whose value the clerk
 * left empty was not filled in: it is skipped, not stored as missing. A "-" is an answer and is
 * read as missing.
 */
public final class TemplateLayout implements Layout {

    /** A1 of the first sheet of every template; what tells layout 2 from layout 1. */
    public static final String MARKER = "PANTAU-SPM TEMPLATE v1";

    /** Where the metadata cells are when their labels were deleted: B4 and B6 of the first sheet. */
    public static final int REGION_ROW = 4;
    public static final int PERIOD_ROW = 6;
    /** The metadata values sit in column B, right of their labels in column A. */
    public static final int METADATA_VALUE_COLUMN = 1;

    private String metadataSheet;
    private final Map<Column, SourceRow.Located> metadata = new EnumMap<>(Column.class);
    private final Map<String, Map<Column, Integer>> headers = new LinkedHashMap<>();
    private final Set<String> sheetsSeen = new LinkedHashSet<>();

    /** Whether a file's first row is a template's marker row. */
    public static boolean isMarkerRow(RawRow row) {
        return row.rowNumber() == 1 && row.cell(0) instanceof CellValue.Text t
                && t.value().trim().toUpperCase(Locale.ROOT).equals(MARKER.toUpperCase(Locale.ROOT));
    }

    @Override
    public Optional<SourceRow> accept(RawRow row) {
        if (metadataSheet == null) {
            metadataSheet = row.sheet();
        }
        if (row.sheet().equals(metadataSheet)) {
            readMetadata(row);
            return Optional.empty();
        }
        sheetsSeen.add(row.sheet());
        Map<Column, Integer> header = headers.get(row.sheet());
        if (header == null) {
            detectHeader(row).ifPresent(h -> headers.put(row.sheet(), h));
            return Optional.empty();
        }
        if (row.cell(header.get(Column.MEASURE_CODE)).isBlank() || row.cell(header.get(Column.VALUE)).isBlank()) {
            return Optional.empty(); // a service title row, or a measure the clerk did not fill in
        }
        Map<Column, SourceRow.Located> elsewhere = new EnumMap<>(Column.class);
        elsewhere.put(Column.REGION_CODE, metadata(Column.REGION_CODE, REGION_ROW));
        elsewhere.put(Column.PERIOD, metadata(Column.PERIOD, PERIOD_ROW));
        if (metadata.containsKey(Column.BASIS)) { // "Sifat angka": what the template's sub-year figures count
            elsewhere.put(Column.BASIS, metadata.get(Column.BASIS));
        }
        return Optional.of(new SourceRow(row, header, elsewhere));
    }

    private void readMetadata(RawRow row) {
        if (row.cell(0) instanceof CellValue.Text label) {
            Column.forHeader(label.value())
                    .filter(c -> c == Column.REGION_CODE || c == Column.PERIOD || c == Column.BASIS)
                    .ifPresent(c -> metadata.putIfAbsent(c, new SourceRow.Located(row.sheet(), row.rowNumber(),
                            RawRow.columnLetter(METADATA_VALUE_COLUMN), row.cell(METADATA_VALUE_COLUMN))));
        }
    }

    /** A metadata cell; when its label is gone, the empty cell where it belongs, so the receipt still points there. */
    private SourceRow.Located metadata(Column column, int defaultRow) {
        SourceRow.Located found = metadata.get(column);
        return found != null ? found
                : new SourceRow.Located(metadataSheet, defaultRow, RawRow.columnLetter(METADATA_VALUE_COLUMN), CellValue.BLANK);
    }

    private static Optional<Map<Column, Integer>> detectHeader(RawRow row) {
        Map<Column, Integer> found = new EnumMap<>(Column.class);
        for (int i = 0; i < row.cells().size(); i++) {
            if (row.cells().get(i) instanceof CellValue.Text t) {
                int at = i;
                Column.forHeader(t.value())
                        .filter(c -> c == Column.MEASURE_CODE || c == Column.VALUE || c == Column.NOTE)
                        .ifPresent(c -> found.putIfAbsent(c, at));
            }
        }
        return found.containsKey(Column.MEASURE_CODE) && found.containsKey(Column.VALUE) ? Optional.of(found) : Optional.empty();
    }

    @Override
    public boolean foundAnyHeader() {
        return !headers.isEmpty();
    }

    @Override
    public List<String> sheetsWithoutHeader() {
        List<String> skipped = new ArrayList<>(sheetsSeen);
        skipped.removeAll(headers.keySet());
        return skipped;
    }
}
