package id.pantauspm.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Merged ranges (one cell spread over several rows or columns, e.g. a region code merged over the
 * rows of its services) and the filling of them: every cell a range covers reads as its top-left
 * cell, so each row carries its own region and period. Shared by the xlsx and xls readers; the
 * xlsx ranges are read from the sheet parts that declare any (the counting pass says which), by
 * sheet name.
 */
final class MergedRanges {

    /** A range, 1-based rows and 0-based columns, inclusive. */
    record Range(int firstRow, int lastRow, int firstColumn, int lastColumn) {
        boolean covers(int row, int column) {
            return row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn;
        }
    }

    private final List<Range> ranges;
    private final Map<Range, CellValue> topLeft = new HashMap<>();

    MergedRanges(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The row with every merged cell filled from its range's top-left cell (rows come in order). */
    RawRow fill(RawRow row) {
        List<CellValue> cells = null;
        for (Range r : ranges) {
            if (row.rowNumber() < r.firstRow() || row.rowNumber() > r.lastRow()) {
                continue;
            }
            if (row.rowNumber() == r.firstRow()) {
                topLeft.put(r, row.cell(r.firstColumn()));
            }
            CellValue value = topLeft.get(r);
            if (value == null || value.isBlank()) {
                continue;
            }
            for (int c = r.firstColumn(); c <= r.lastColumn(); c++) {
                if (row.rowNumber() == r.firstRow() && c == r.firstColumn()) {
                    continue;
                }
                if (cells == null) {
                    cells = new ArrayList<>(row.cells());
                }
                while (cells.size() <= c) {
                    cells.add(CellValue.BLANK);
                }
                cells.set(c, value);
            }
        }
        return cells == null ? row : new RawRow(row.sheet(), row.rowNumber(), cells);
    }

    /** {@code A2:B4} as a range; null for what is not one. */
    static Range parse(String ref) {
        String[] ends = ref.trim().toUpperCase(Locale.ROOT).split(":");
        if (ends.length != 2) {
            return null;
        }
        int[] a = cell(ends[0]);
        int[] b = cell(ends[1]);
        return a == null || b == null ? null : new Range(Math.min(a[0], b[0]), Math.max(a[0], b[0]),
                Math.min(a[1], b[1]), Math.max(a[1], b[1]));
    }

    private static int[] cell(String ref) {
        int i = 0;
        int column = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            column = column * 26 + (ref.charAt(i) - 'A' + 1);
            i++;
        }
        if (i == 0 || i == ref.length()) {
            return null;
        }
        try {
            return new int[] {Integer.parseInt(ref.substring(i)), column - 1};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The merged ranges of an xlsx, by sheet name, reading only the given sheet parts. */
    static Map<String, MergedRanges> ofXlsx(Path file, Set<String> parts) throws IOException {
        if (parts.isEmpty()) {
            return Map.of();
        }
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Map<String, MergedRanges> bySheet = new HashMap<>();
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            Map<String, String> partBySheet = sheetParts(zip, f);
            for (Map.Entry<String, String> sheet : partBySheet.entrySet()) {
                if (!parts.contains(sheet.getValue())) {
                    continue;
                }
                ZipArchiveEntry entry = zip.getEntry(sheet.getValue());
                List<Range> ranges = new ArrayList<>();
                try (InputStream in = zip.getInputStream(entry)) {
                    XMLStreamReader r = f.createXMLStreamReader(in);
                    while (r.hasNext()) {
                        if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("mergeCell")) {
                            String ref = r.getAttributeValue(null, "ref");
                            Range range = ref == null ? null : parse(ref);
                            if (range != null) {
                                ranges.add(range);
                            }
                        }
                    }
                }
                bySheet.put(sheet.getKey(), new MergedRanges(ranges));
            }
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
        return bySheet;
    }

    /** Sheet names to their part names, from xl/workbook.xml and its relationships. */
    private static Map<String, String> sheetParts(ZipFile zip, XMLInputFactory f) throws IOException, XMLStreamException {
        ZipArchiveEntry workbook = Collections.list(zip.getEntries()).stream()
                .filter(e -> e.getName().toLowerCase(Locale.ROOT).endsWith("workbook.xml") && !e.getName().contains("_rels"))
                .findFirst().orElse(null);
        if (workbook == null) {
            return Map.of();
        }
        String folder = workbook.getName().contains("/") ? workbook.getName().substring(0, workbook.getName().lastIndexOf('/') + 1) : "";
        Map<String, String> idBySheet = new LinkedHashMap<>();
        try (InputStream in = zip.getInputStream(workbook)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("sheet")) {
                    String id = null;
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        if (r.getAttributeLocalName(i).equals("id") && !r.getAttributeNamespace(i).isEmpty()) {
                            id = r.getAttributeValue(i);
                        }
                    }
                    idBySheet.put(r.getAttributeValue(null, "name"), id);
                }
            }
        }
        ZipArchiveEntry rels = zip.getEntry(folder + "_rels/" + workbook.getName().substring(folder.length()) + ".rels");
        Map<String, String> targetById = new HashMap<>();
        if (rels != null) {
            try (InputStream in = zip.getInputStream(rels)) {
                XMLStreamReader r = f.createXMLStreamReader(in);
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
                        String target = r.getAttributeValue(null, "Target");
                        if (target != null) {
                            targetById.put(r.getAttributeValue(null, "Id"),
                                    target.startsWith("/") ? target.substring(1) : folder + target);
                        }
                    }
                }
            }
        }
        Map<String, String> parts = new LinkedHashMap<>();
        idBySheet.forEach((name, id) -> {
            if (targetById.containsKey(id)) {
                parts.put(name, targetById.get(id));
            }
        });
        return parts;
    }
}
