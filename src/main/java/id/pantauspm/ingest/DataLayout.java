package id.pantauspm.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.Measure;
import id.pantauspm.catalogue.ValueType;

/**
 * A file read with a layout described in data ({@link LayoutSpec}), or, without any, by the words
 * of its headers ({@link #byWords}): open-data and office files such as Satu Data Jakarta's one row
 * per kecamatan and sex, Open Data Jabar's one row per kabupaten/kota and year, a puskesmas recap,
 * indicator blocks, a percent-only table.
 *
 * <p>On each sheet the header is the first row holding the layout's headers. Every value cell of a
 * data row becomes its own {@link SourceRow}: the measure is "found" at its header cell (so a problem
 * with it points there), region and period in their column, a cell above the header, the layout
 * or the file name. How every column was read goes into the receipt ({@link #notes()}); a column
 * whose words name more than one service or measure refuses the file with the candidates listed,
 * since choosing one would be a guess.
 */
final class DataLayout implements Layout {

    /** Headers that hold the kabupaten/kota, codes before names (a code is exact, a name is resolved). */
    static final List<String> REGION_HEADERS = List.of("kodewilayah", "kodekabupatenkota", "kodekabkota", "kodekabupaten",
            "kodekota", "kodedaerah", "regioncode", "kodebps", "wilayah", "namawilayah", "namakabupatenkota", "namakabkota",
            "kabupatenkota", "kabkota", "namadaerah", "regionname");
    static final List<String> PERIOD_HEADERS = List.of("periode", "periodedata", "period", "tahun", "year", "tahundata");
    static final List<String> SUBREGION_HEADERS = List.of("kecamatan", "namakecamatan", "kelurahan", "namakelurahan", "desa",
            "namadesa", "desakelurahan", "puskesmas", "namapuskesmas", "jeniskelamin", "sex", "gender");
    /** Columns an open-data export carries beside its values and that hold none. */
    static final List<String> NOT_VALUES = List.of("id", "no", "nomor", "kodeprovinsi", "namaprovinsi", "provinsi", "satuan",
            "unit", "keterangan", "catatan", "kodekecamatan", "kodekelurahan", "kodedesa", "kodepuskesmas");
    private static final Pattern YEAR_IN_NAME = Pattern.compile("(?<!\\d)(20\\d{2})(?!\\d)");
    private static final int ROWS_REMEMBERED_ABOVE_HEADER = 40;

    private final LayoutSpec spec;
    private final Catalogue catalogue;
    private final WordReading words;
    private final String fileName;
    private final Map<String, Plan> plans = new LinkedHashMap<>();
    private final Set<String> sheetsSeen = new LinkedHashSet<>();
    private final Map<String, Map<String, CellValue>> above = new HashMap<>();
    private final List<Problem> notes = new ArrayList<>();

    DataLayout(LayoutSpec spec, Catalogue catalogue, String fileName) {
        this.spec = spec;
        this.catalogue = catalogue;
        this.words = new WordReading(catalogue);
        this.fileName = fileName == null ? "" : fileName;
    }

    /** The layout for a file no layout describes: region, period and sub-region columns by their usual names, values by their words. */
    static LayoutSpec byWords() {
        return new LayoutSpec("BY_WORDS", new id.pantauspm.catalogue.LocalizedText("dibaca menurut kata", "read by its words"),
                "built-in", "built-in", null, null, null, null, List.of(), null, false, List.of(), null);
    }

    private boolean builtIn() {
        return spec.match() == null;
    }

    /** One value column as planned: its index, and the full measure code or the local code completed per row by the service column. */
    private record ValuePlan(int column, String measure, String local) {
    }

    /** How one sheet is read, once its header is found. */
    private record Plan(int headerRow, List<String> headers, List<String> texts, Integer region, SourceRow.Located regionAt,
                        Integer period, SourceRow.Located periodAt, Integer service, List<Integer> sums, Integer skip,
                        List<ValuePlan> values, Integer label, List<Integer> periodColumns) {
    }

    @Override
    public Optional<SourceRow> accept(RawRow row) {
        List<SourceRow> all = acceptAll(row);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    @Override
    public List<SourceRow> acceptAll(RawRow row) {
        sheetsSeen.add(row.sheet());
        Plan plan = plans.get(row.sheet());
        if (plan == null) {
            Plan found = header(row);
            if (found != null) {
                plans.put(row.sheet(), found);
            } else if (row.rowNumber() <= ROWS_REMEMBERED_ABOVE_HEADER) {
                Map<String, CellValue> cells = above.computeIfAbsent(row.sheet(), k -> new HashMap<>());
                for (int i = 0; i < row.cells().size(); i++) {
                    cells.put(RawRow.columnLetter(i) + row.rowNumber(), row.cell(i));
                }
            }
            return List.of();
        }
        if (row.isBlank()) {
            return List.of();
        }
        return plan.label() != null ? blockRows(row, plan) : columnRows(row, plan);
    }

    // ------------------------------------------------------------------ header

    private Plan header(RawRow row) {
        List<String> headers = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (CellValue c : row.cells()) {
            String t = c.isBlank() ? "" : c.asText();
            texts.add(t);
            headers.add(LayoutSpec.header(t));
        }
        if (builtIn()) {
            return headerByWords(row, headers, texts);
        }
        if (!spec.match().headers().stream().allMatch(headers::contains)) {
            return null;
        }
        Integer region = column(spec.region(), headers);
        Integer period = column(spec.period(), headers);
        Integer service = spec.service() != null && spec.service().source() == LayoutSpec.Source.COLUMN
                ? require(row, headers, spec.service().value(), "service") : null;
        List<Integer> sums = new ArrayList<>();
        for (String h : spec.sumOver()) {
            sums.add(require(row, headers, h, "sum_over"));
        }
        Integer skip = spec.skip() == null ? null : require(row, headers, spec.skip().header(), "skip_rows");
        if (spec.region().source() == LayoutSpec.Source.COLUMN) {
            region = require(row, headers, spec.region().value(), "region");
        }
        if (spec.period() != null && spec.period().source() == LayoutSpec.Source.COLUMN) {
            period = require(row, headers, spec.period().value(), "period");
        }
        Set<Integer> taken = new LinkedHashSet<>();
        for (Integer i : java.util.Arrays.asList(region, period, service, skip)) {
            if (i != null) {
                taken.add(i);
            }
        }
        taken.addAll(sums);
        notes.add(Problem.note("sheet_read_with_layout", row.sheet(), row.sheet(), spec.code(), spec.name().id(), spec.file()));
        SourceRow.Located regionAt = located(spec.region(), row);
        SourceRow.Located periodAt = located(spec.period(), row);
        if (spec.rows() != null) {
            Integer label = require(row, headers, spec.rows().label(), "rows/label");
            List<Integer> periods = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                if (!taken.contains(i) && i != label && !texts.get(i).isEmpty() && spec.rows().periods().matcher(texts.get(i)).find()) {
                    periods.add(i);
                }
            }
            return new Plan(row.rowNumber(), headers, texts, region, regionAt, period, periodAt, service, sums, skip, List.of(),
                    label, periods);
        }
        List<ValuePlan> values = new ArrayList<>();
        for (LayoutSpec.ValueColumn rule : spec.columns()) {
            List<Integer> columns = new ArrayList<>();
            if (rule.header() != null) {
                columns.add(require(row, headers, rule.header(), "columns"));
            } else {
                for (int i = 0; i < texts.size(); i++) {
                    if (!taken.contains(i) && !texts.get(i).isEmpty() && rule.matching().matcher(texts.get(i)).find()) {
                        columns.add(i);
                    }
                }
            }
            for (int column : columns) {
                if (taken.add(column)) {
                    ValuePlan v = plan(row, column, texts.get(column), rule, !sums.isEmpty(), service);
                    if (v != null) {
                        values.add(v);
                    }
                }
            }
        }
        noteIgnored(row, texts, taken, values);
        return new Plan(row.rowNumber(), headers, texts, region, regionAt, period, periodAt, service, sums, skip, values, null, null);
    }

    /** The built-in reading: a region column, a period (column or file name), values by the words of their headers. */
    private Plan headerByWords(RawRow row, List<String> headers, List<String> texts) {
        Integer region = first(headers, REGION_HEADERS);
        if (region == null) {
            return null;
        }
        Integer period = first(headers, PERIOD_HEADERS);
        SourceRow.Located periodAt = null;
        if (period == null) {
            Matcher year = YEAR_IN_NAME.matcher(fileName);
            if (!year.find()) {
                return null;
            }
            periodAt = new SourceRow.Located(row.sheet(), row.rowNumber(), null, new CellValue.Text(year.group(1)));
        }
        List<Integer> sums = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            if (SUBREGION_HEADERS.contains(headers.get(i))) {
                sums.add(i);
            }
        }
        Set<Integer> taken = new LinkedHashSet<>(sums);
        taken.add(region);
        if (period != null) {
            taken.add(period);
        }
        for (int i = 0; i < headers.size(); i++) {
            if (REGION_HEADERS.contains(headers.get(i)) || PERIOD_HEADERS.contains(headers.get(i)) || NOT_VALUES.contains(headers.get(i))) {
                taken.add(i);
            }
        }
        // Only a header with a measure's words is a value column; without one this is not the header row.
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!taken.contains(i) && !texts.get(i).isEmpty() && words.measure(texts.get(i)).isPresent()) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        notes.add(Problem.note("sheet_read_by_words", row.sheet(), row.sheet()));
        List<ValuePlan> values = new ArrayList<>();
        LayoutSpec.ValueColumn byWords = new LayoutSpec.ValueColumn(null, null, null);
        for (int column : candidates) {
            taken.add(column);
            ValuePlan v = plan(row, column, texts.get(column), byWords, !sums.isEmpty(), null);
            if (v != null) {
                values.add(v);
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        noteIgnored(row, texts, taken, values);
        return new Plan(row.rowNumber(), headers, texts, region, null, period, periodAt, null, sums, null, values, null, null);
    }

    /** Columns with a header that are neither read nor a region, period or sub-region: said once, so nothing is dropped unsaid. */
    private void noteIgnored(RawRow row, List<String> texts, Set<Integer> taken, List<ValuePlan> values) {
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            int column = i;
            boolean read = values.stream().anyMatch(v -> v.column() == column);
            boolean structural = taken.contains(i) && !read && !NOT_VALUES.contains(LayoutSpec.header(texts.get(i)));
            if (!texts.get(i).isEmpty() && !read && !structural) {
                ignored.add(texts.get(i));
            }
        }
        if (!ignored.isEmpty()) {
            notes.add(new Problem(Problem.Severity.NOTE, "columns_not_read", row.sheet(), row.rowNumber(), null, null,
                    List.of(String.join(", ", ignored))));
        }
    }

    /** How one value column is read; null (and a note) when it holds nothing to store. */
    private ValuePlan plan(RawRow row, int column, String text, LayoutSpec.ValueColumn rule, boolean summed, Integer serviceColumn) {
        String letter = RawRow.columnLetter(column);
        String local;
        WordReading.Found measureWord = null;
        if (rule.byWords()) {
            Optional<WordReading.Found> m = words.measure(text);
            if (m.isEmpty()) {
                notes.add(new Problem(Problem.Severity.NOTE, "column_not_recognised", row.sheet(), row.rowNumber(), letter, text, List.of()));
                return null;
            }
            measureWord = m.get();
            local = measureWord.code();
        } else if (rule.measure().contains(".")) {
            notes.add(new Problem(Problem.Severity.NOTE, "column_read_as_layout", row.sheet(), row.rowNumber(), letter, text,
                    List.of(rule.measure(), spec.code())));
            return new ValuePlan(column, rule.measure(), null);
        } else {
            local = rule.measure();
        }
        if (summed && !summable(local)) {
            notes.add(new Problem(Problem.Severity.NOTE, "column_not_summed", row.sheet(), row.rowNumber(), letter, text, List.of(local)));
            return null;
        }
        if (serviceColumn != null) {
            notes.add(new Problem(Problem.Severity.NOTE, "column_read_as_row_service", row.sheet(), row.rowNumber(), letter, text,
                    List.of(local, RawRow.columnLetter(serviceColumn))));
            return new ValuePlan(column, null, local);
        }
        LayoutSpec.Place serviceSource = spec.service();
        WordReading.Found serviceWord;
        boolean fromFileName = false;
        if (serviceSource != null && serviceSource.source() == LayoutSpec.Source.FIXED) {
            serviceWord = new WordReading.Found(serviceSource.value(), null);
        } else {
            List<WordReading.Found> services = serviceSource != null && serviceSource.source() == LayoutSpec.Source.WORDS
                    ? List.of() : words.services(text);
            if (services.isEmpty()) {
                services = words.services(fileName);
                fromFileName = true;
            }
            if (services.size() != 1) {
                String where = fromFileName ? fileName : text;
                String candidates = services.stream().map(f -> f.code() + " ('" + f.word() + "')").reduce((a, b) -> a + ", " + b).orElse("");
                throw refusal(new Problem(Problem.Severity.FILE_REFUSED, services.isEmpty() ? "column_service_unknown" : "column_service_ambiguous",
                        row.sheet(), row.rowNumber(), letter, text, List.of(where, candidates)));
            }
            serviceWord = services.get(0);
        }
        String code = Measure.code(serviceWord.code(), local);
        if (catalogue.measure(code).isEmpty()) {
            throw refusal(new Problem(Problem.Severity.FILE_REFUSED, "column_measure_unknown", row.sheet(), row.rowNumber(), letter,
                    text, List.of(code)));
        }
        if (measureWord == null && serviceWord.word() == null) {
            notes.add(new Problem(Problem.Severity.NOTE, "column_read_as_layout", row.sheet(), row.rowNumber(), letter, text,
                    List.of(code, spec.code())));
        } else if (measureWord == null) {
            notes.add(new Problem(Problem.Severity.NOTE, fromFileName ? "column_read_as_file_service" : "column_read_as_service",
                    row.sheet(), row.rowNumber(), letter, text, List.of(code, serviceWord.word(), spec.code())));
        } else {
            notes.add(new Problem(Problem.Severity.NOTE, fromFileName ? "column_read_as_words_file" : "column_read_as_words",
                    row.sheet(), row.rowNumber(), letter, text, List.of(code, measureWord.word(), serviceWord.word())));
        }
        return new ValuePlan(column, code, null);
    }

    private boolean summable(String local) {
        return catalogue.measures().stream().filter(m -> m.localCode().equals(local)).findFirst()
                .map(m -> m.type() == ValueType.COUNT || m.type() == ValueType.AMOUNT).orElse(false);
    }

    private static FileRefusedException.WhileReading refusal(Problem p) {
        return new FileRefusedException.WhileReading(new FileRefusedException(p));
    }

    private Integer column(LayoutSpec.Place place, List<String> headers) {
        return place != null && place.source() == LayoutSpec.Source.COLUMN && headers.contains(place.value())
                ? headers.indexOf(place.value()) : null;
    }

    /** A column the layout names; a header it names but the file lacks refuses the file, saying which. */
    private Integer require(RawRow row, List<String> headers, String header, String key) {
        int at = headers.indexOf(header);
        if (at < 0) {
            throw refusal(new Problem(Problem.Severity.FILE_REFUSED, "layout_column_missing", row.sheet(), row.rowNumber(), null, null,
                    List.of(header, spec.code(), key)));
        }
        return at;
    }

    private static Integer first(List<String> headers, List<String> names) {
        for (String n : names) {
            int at = headers.indexOf(n);
            if (at >= 0) {
                return at;
            }
        }
        return null;
    }

    /** A region or period the row does not hold: the layout's value, a cell above the header, or part of the file name. */
    private SourceRow.Located located(LayoutSpec.Place place, RawRow header) {
        if (place == null) {
            return null;
        }
        return switch (place.source()) {
            case FIXED -> new SourceRow.Located(header.sheet(), header.rowNumber(), null, new CellValue.Text(place.value()));
            case CELL -> new SourceRow.Located(header.sheet(), place.cellRow(), place.cellColumn(),
                    above.getOrDefault(header.sheet(), Map.of()).getOrDefault(place.value(), CellValue.BLANK));
            case FILE_NAME -> {
                Matcher m = Pattern.compile(place.value(), Pattern.CASE_INSENSITIVE).matcher(fileName);
                String found = m.find() ? (m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group()) : "";
                yield new SourceRow.Located(header.sheet(), header.rowNumber(), null, CellText.cell(found));
            }
            default -> null;
        };
    }

    // ------------------------------------------------------------------ rows

    private List<SourceRow> columnRows(RawRow row, Plan plan) {
        if (skipped(row, plan)) {
            return List.of();
        }
        String subregion = subregion(row, plan);
        List<SourceRow> out = new ArrayList<>();
        for (ValuePlan v : plan.values()) {
            String code = v.measure();
            SourceRow.Located measureAt;
            if (code != null) {
                measureAt = new SourceRow.Located(row.sheet(), plan.headerRow(), RawRow.columnLetter(v.column()), new CellValue.Text(code));
            } else {
                CellValue serviceCell = row.cell(plan.service());
                List<WordReading.Found> services = words.services(serviceCell.asText());
                CellValue measure = services.size() == 1 ? new CellValue.Text(Measure.code(services.get(0).code(), v.local())) : serviceCell;
                measureAt = new SourceRow.Located(row.sheet(), row.rowNumber(), RawRow.columnLetter(plan.service()), measure);
            }
            out.add(sourceRow(row, plan, v.column(), measureAt, plan.periodAt(), subregion));
        }
        return out;
    }

    private List<SourceRow> blockRows(RawRow row, Plan plan) {
        if (skipped(row, plan)) {
            return List.of();
        }
        CellValue labelCell = row.cell(plan.label());
        String label = labelCell.asText();
        String letter = RawRow.columnLetter(plan.label());
        Optional<WordReading.Found> measure = words.measure(label);
        List<WordReading.Found> services = words.services(label);
        if (label.isEmpty()) {
            return List.of();
        }
        if (measure.isEmpty() || services.size() != 1) {
            notes.add(new Problem(Problem.Severity.NOTE, "row_not_recognised", row.sheet(), row.rowNumber(), letter, label,
                    List.of(services.size() > 1 ? " (" + services.stream().map(WordReading.Found::code).reduce((a, b) -> a + ", " + b).orElse("") + ")" : "")));
            return List.of();
        }
        String code = Measure.code(services.get(0).code(), measure.get().code());
        if (catalogue.measure(code).isEmpty()) {
            notes.add(new Problem(Problem.Severity.NOTE, "row_not_recognised", row.sheet(), row.rowNumber(), letter, label, List.of("")));
            return List.of();
        }
        notes.add(new Problem(Problem.Severity.NOTE, "row_read_as_words", row.sheet(), row.rowNumber(), letter, label,
                List.of(code, measure.get().word(), services.get(0).word())));
        SourceRow.Located measureAt = new SourceRow.Located(row.sheet(), row.rowNumber(), letter, new CellValue.Text(code));
        List<SourceRow> out = new ArrayList<>();
        for (int column : plan.periodColumns()) {
            if (row.cell(column).isBlank()) {
                continue; // a year not reported in a grid of years: nothing sent, not a missing value
            }
            SourceRow.Located periodAt = new SourceRow.Located(row.sheet(), plan.headerRow(), RawRow.columnLetter(column),
                    new CellValue.Text(plan.texts().get(column)));
            out.add(sourceRow(row, plan, column, measureAt, periodAt, subregion(row, plan)));
        }
        return out;
    }

    private boolean skipped(RawRow row, Plan plan) {
        if (plan.skip() == null) {
            return false;
        }
        String text = row.cell(plan.skip()).asText();
        if (!text.isEmpty() && spec.skip().matching().matcher(text).find()) {
            notes.add(new Problem(Problem.Severity.NOTE, "row_total_skipped", row.sheet(), row.rowNumber(),
                    RawRow.columnLetter(plan.skip()), text, List.of()));
            return true;
        }
        return false;
    }

    private static String subregion(RawRow row, Plan plan) {
        if (plan.sums().isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int i : plan.sums()) {
            parts.add(row.cell(i).asText());
        }
        return String.join(" / ", parts);
    }

    private SourceRow sourceRow(RawRow row, Plan plan, int valueColumn, SourceRow.Located measureAt, SourceRow.Located periodAt,
                                String subregion) {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        Map<Column, SourceRow.Located> elsewhere = new EnumMap<>(Column.class);
        positions.put(Column.VALUE, valueColumn);
        elsewhere.put(Column.MEASURE_CODE, measureAt);
        if (plan.region() != null) {
            positions.put(Column.REGION_CODE, plan.region());
        } else if (plan.regionAt() != null) {
            elsewhere.put(Column.REGION_CODE, plan.regionAt());
        }
        if (plan.period() != null && periodAt == null) {
            positions.put(Column.PERIOD, plan.period());
        } else if (periodAt != null) {
            elsewhere.put(Column.PERIOD, periodAt);
        }
        return new SourceRow(row, positions, elsewhere, new SourceRow.Reading(spec.code(), !plan.sums().isEmpty(), subregion,
                spec.zeroMeansMissing()));
    }

    // ------------------------------------------------------------------ Layout

    @Override
    public boolean hasHeader(String sheet) {
        return plans.containsKey(sheet);
    }

    @Override
    public boolean foundAnyHeader() {
        return !plans.isEmpty();
    }

    @Override
    public List<String> sheetsWithoutHeader() {
        List<String> skipped = new ArrayList<>(sheetsSeen);
        skipped.removeAll(plans.keySet());
        return skipped;
    }

    /**
     * How the file was read. Neighbouring columns read the same way (January to December as people
     * served) are said once: "Jan, Feb, ..., Des", at columns E-P.
     */
    @Override
    public List<Problem> notes() {
        List<Problem> merged = new ArrayList<>();
        for (Problem p : notes) {
            Problem last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && p.code().startsWith("column_read_as") && last.code().equals(p.code()) && last.args().equals(p.args())
                    && java.util.Objects.equals(last.sheet(), p.sheet()) && java.util.Objects.equals(last.row(), p.row())) {
                String first = last.column().contains("-") ? last.column().substring(0, last.column().indexOf('-')) : last.column();
                merged.set(merged.size() - 1, new Problem(last.severity(), last.code(), last.sheet(), last.row(), first + "-" + p.column(),
                        last.found() + ", " + p.found(), last.args()));
            } else {
                merged.add(p);
            }
        }
        return merged;
    }
}
