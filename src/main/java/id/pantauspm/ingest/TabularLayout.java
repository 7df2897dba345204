package id.pantauspm.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Layout 1 of the contract: on each sheet, the first row holding the four required headers is the
 * header row; rows above it (titles, logos) are ignored, rows below it are data.
 * Feed it the rows of a file in order; it remembers each sheet's header.
 */
public final class TabularLayout implements Layout {

    private final Map<String, Map<Column, Integer>> headers = new java.util.LinkedHashMap<>();
    private final Set<String> sheetsSeen = new LinkedHashSet<>();

    @Override
    public Optional<SourceRow> accept(RawRow row) {
        sheetsSeen.add(row.sheet());
        Map<Column, Integer> header = headers.get(row.sheet());
        if (header == null) {
            detectHeader(row).ifPresent(h -> headers.put(row.sheet(), h));
            return Optional.empty();
        }
        if (row.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SourceRow(row, header));
    }

    private static Optional<Map<Column, Integer>> detectHeader(RawRow row) {
        Map<Column, Integer> found = new EnumMap<>(Column.class);
        for (int i = 0; i < row.cells().size(); i++) {
            CellValue cell = row.cells().get(i);
            if (cell instanceof CellValue.Text t) {
                int at = i;
                Column.forHeader(t.value()).ifPresent(c -> found.putIfAbsent(c, at));
            }
        }
        if (!found.containsKey(Column.REGION_CODE) && found.containsKey(Column.REGION_NAME)) {
            // Names are accepted wherever a code is (nama_wilayah alone): RowParser resolves them and warns with the code.
            found.put(Column.REGION_CODE, found.get(Column.REGION_NAME));
        }
        boolean complete = java.util.Arrays.stream(Column.values()).filter(Column::required).allMatch(found::containsKey);
        return complete ? Optional.of(found) : Optional.empty();
    }

    @Override
    public boolean hasHeader(String sheet) {
        return headers.containsKey(sheet);
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
