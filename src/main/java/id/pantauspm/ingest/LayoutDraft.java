package id.pantauspm.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.period.Period;
import id.pantauspm.regions.RegionDirectory;

/**
 * A draft layout for a file whose headers no layout knows (`pantau layout suggest FILE`), for the
 * operator to check and save in the layouts folder. From the row that looks most like a header
 * (the most texts among the first rows) and the rows under it: the region column (by its name, or
 * because its cells are region codes or names), the period (a column, else a year in the file name),
 * sub-region columns, and value columns with what their words say. What cannot be told is written
 * as a comment to complete, never guessed into the layout.
 */
public final class LayoutDraft {

    private static final int ROWS_LOOKED_AT = 60;
    private static final Pattern YEAR_IN_NAME = Pattern.compile("(?<!\\d)(20\\d{2})(?!\\d)");

    private LayoutDraft() {
    }

    /**
     * The draft as YAML text. {@code say} gives each comment in the operator's language, by key
     * (layout.draft.*) and arguments.
     */
    public static String suggest(Path file, SpreadsheetFormats formats, Catalogue catalogue, RegionDirectory regions,
                                 Function<Object[], String> say) throws FileRefusedException {
        List<RawRow> rows = new ArrayList<>();
        String sheet = null;
        try (SpreadsheetReader.Opened opened = formats.open(file)) {
            var it = opened.rows().iterator();
            while (it.hasNext() && rows.size() < ROWS_LOOKED_AT) {
                RawRow r = it.next();
                if (sheet == null) {
                    sheet = r.sheet();
                }
                if (!r.sheet().equals(sheet)) {
                    break;
                }
                rows.add(r);
            }
        }
        RawRow header = null;
        int texts = 0;
        for (RawRow r : rows) {
            int n = (int) r.cells().stream().filter(c -> c instanceof CellValue.Text).count();
            if (n > texts) {
                texts = n;
                header = r;
            }
        }
        String name = file.getFileName().toString();
        StringBuilder y = new StringBuilder();
        line(y, "# " + say.apply(new Object[] {"layout.draft.title", name}));
        line(y, "# " + say.apply(new Object[] {"layout.draft.save"}));
        String code = name.replaceFirst("\\.[^.]+$", "").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        code = code.isEmpty() || !Character.isLetter(code.charAt(0)) ? "LAYOUT_" + code : code;
        line(y, "code: " + (code.length() > 40 ? code.substring(0, 40).replaceAll("_+$", "") : code));
        line(y, "name: {id: \"" + name.replace("\"", "'") + "\", en: \"" + name.replace("\"", "'") + "\"}");
        line(y, "source: \"\"   # " + say.apply(new Object[] {"layout.draft.source"}));
        if (header == null) {
            line(y, "# " + say.apply(new Object[] {"layout.draft.no_header"}));
            return y.toString();
        }
        int headerRow = header.rowNumber();
        List<RawRow> below = rows.stream().filter(r -> r.rowNumber() > headerRow && !r.isBlank()).toList();
        List<String> headers = new ArrayList<>();
        for (CellValue c : header.cells()) {
            headers.add(c.isBlank() ? "" : c.asText());
        }
        WordReading words = new WordReading(catalogue);
        Integer region = null;
        Integer period = null;
        List<Integer> subregions = new ArrayList<>();
        List<String> valueLines = new ArrayList<>();
        List<String> match = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i);
            String n = LayoutSpec.header(h);
            if (h.isEmpty()) {
                continue;
            }
            int column = i;
            if (region == null && (DataLayout.REGION_HEADERS.contains(n) || share(below, column, t -> regions.resolve(t).isPresent()) >= 0.8)) {
                region = i;
                match.add(h);
            } else if (period == null && (DataLayout.PERIOD_HEADERS.contains(n) || share(below, column, t -> Period.parse(t).isPresent()) >= 0.8)) {
                period = i;
                match.add(h);
            } else if (DataLayout.SUBREGION_HEADERS.contains(n)) {
                subregions.add(i);
                match.add(h);
            } else if (DataLayout.NOT_VALUES.contains(n)) {
                continue;
            } else if (words.measure(h).isPresent() || share(below, column, t -> NumberText.parse(t, DecimalConvention.COMMA).isPresent()) >= 0.5) {
                Optional<WordReading.Found> m = words.measure(h);
                List<WordReading.Found> s = words.services(h);
                if (s.isEmpty()) {
                    s = words.services(name);
                }
                String reading = m.isPresent() && s.size() == 1 ? s.get(0).code() + "." + m.get().code() : null;
                if (reading != null) {
                    valueLines.add("  - {header: \"" + h + "\", measure: " + reading + "}   # "
                            + say.apply(new Object[] {"layout.draft.value_words", m.get().word(), s.get(0).word()}));
                } else {
                    valueLines.add("  # - {header: \"" + h + "\", measure: ...}   # " + say.apply(new Object[] {"layout.draft.value_unknown"}));
                }
            }
        }
        line(y, "match:");
        line(y, "  headers: [" + String.join(", ", match.stream().map(h -> "\"" + h + "\"").toList()) + "]");
        if (region != null) {
            line(y, "region: {column: \"" + headers.get(region) + "\"}");
        } else {
            line(y, "region: {fixed: \"\"}   # " + say.apply(new Object[] {"layout.draft.region_unknown"}));
        }
        Matcher year = YEAR_IN_NAME.matcher(name);
        if (period != null) {
            line(y, "period: {column: \"" + headers.get(period) + "\"}");
        } else if (year.find()) {
            line(y, "period: {file_name: \"(20\\\\d{2})\"}   # " + say.apply(new Object[] {"layout.draft.period_file", year.group(1)}));
        } else {
            line(y, "period: {fixed: \"\"}   # " + say.apply(new Object[] {"layout.draft.period_unknown"}));
        }
        if (!subregions.isEmpty()) {
            line(y, "sum_over: [" + String.join(", ", subregions.stream().map(i -> "\"" + headers.get(i) + "\"").toList()) + "]   # "
                    + say.apply(new Object[] {"layout.draft.sum_over"}));
        }
        line(y, "columns:");
        if (valueLines.isEmpty()) {
            line(y, "  # " + say.apply(new Object[] {"layout.draft.no_values"}));
        }
        valueLines.forEach(l -> line(y, l));
        return y.toString();
    }

    /** The share of the non-blank cells under a header that pass a test (0 when there are none). */
    private static double share(List<RawRow> rows, int column, java.util.function.Predicate<String> test) {
        int seen = 0;
        int passed = 0;
        for (RawRow r : rows) {
            CellValue c = r.cell(column);
            if (!c.isBlank()) {
                seen++;
                if (test.test(c.asText())) {
                    passed++;
                }
            }
        }
        return seen == 0 ? 0 : (double) passed / seen;
    }

    private static void line(StringBuilder y, String s) {
        y.append(s).append('\n');
    }
}
