package id.pantauspm.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import id.pantauspm.catalogue.IkmRegime;
import id.pantauspm.catalogue.IkmRules;

/**
 * A community satisfaction survey (IKM, PermenPAN-RB 14/2017) in the inbox, recognised by its
 * content: a sheet whose header row names the unsur, in one of two shapes.
 * <ul>
 *   <li><b>Wide</b>: one row per respondent, a column per unsur (U1..U9, "Unsur 1", "U1 Persyaratan",
 *   or the unsur's names), optional respondent number and attributes (sex, age, education,
 *   occupation, date, service used). Nine unsur columns are PermenPAN-RB 14/2017, fourteen
 *   KepMenPAN 25/2004.</li>
 *   <li><b>Long</b>: one row per answer: a respondent column, a question (or unsur) column and a
 *   score column. The regime is the current one unless the survey declares another.</li>
 * </ul>
 * The unit (unit layanan / instansi), region code, period, population of users and regime come
 * from columns, or from labels above the header ("Unit layanan: Puskesmas Halmahera", label and
 * value in neighbouring cells or one cell), on the sheet or an earlier one. A header of a second
 * row above the unsur codes (merged "Unsur pelayanan" titles) is read with it. Rows from a totals
 * row on ("Jumlah", "NRR", "IKM") are the sheet's own arithmetic and are skipped, said in a note.
 * A survey that lacks an unsur column, or does not say its unit, region or period anywhere, is
 * refused whole with the reason.
 */
public final class SurveyLayout implements Layout {

    /** How many unsur code columns make a header row a survey's (fewer is a coincidence). */
    private static final int MIN_UNSUR_COLUMNS = 3;
    /** First words of the rows a sheet adds below its answers: sums, means, the index, the band. */
    private static final List<String> TOTALS = List.of("jumlah", "total", "nrr", "rata", "rerata", "nilairata", "ikm",
            "indeks", "nilaiindeks", "mutu", "kinerja", "nilaipersepsi", "konversi");

    private final IkmRules rules;
    private final Map<String, SurveySheet> sheets = new LinkedHashMap<>();
    private final Map<String, Map<SurveyColumn, SourceRow.Located>> labels = new LinkedHashMap<>();
    private final Map<SurveyColumn, SourceRow.Located> fileLabels = new EnumMap<>(SurveyColumn.class);
    private final Map<String, RawRow> previousRow = new LinkedHashMap<>();
    private final Set<String> sheetsSeen = new LinkedHashSet<>();
    private final Set<String> totalsFound = new LinkedHashSet<>();
    private final List<Problem> notes = new ArrayList<>();

    public SurveyLayout(IkmRules rules) {
        this.rules = rules;
    }

    @Override
    public boolean hasHeader(String sheet) {
        return sheets.containsKey(sheet);
    }

    @Override
    public Optional<SourceRow> accept(RawRow row) {
        sheetsSeen.add(row.sheet());
        SurveySheet sheet = sheets.get(row.sheet());
        if (sheet == null) {
            Optional<SurveySheet> header = header(row);
            if (header.isPresent()) {
                sheets.put(row.sheet(), header.get());
                notes.add(Problem.note("survey_sheet_read_" + header.get().shape().name().toLowerCase(java.util.Locale.ROOT),
                        row.sheet(), row.sheet(), header.get().regime().name().id()));
            } else {
                readLabels(row);
                previousRow.put(row.sheet(), row);
            }
            return Optional.empty();
        }
        if (row.isBlank() || totalsFound.contains(row.sheet())) {
            return Optional.empty();
        }
        if (isTotals(row, sheet)) {
            totalsFound.add(row.sheet());
            notes.add(new Problem(Problem.Severity.NOTE, "survey_totals_skipped", row.sheet(), row.rowNumber(), null,
                    firstText(row), List.of(String.valueOf(row.rowNumber()))));
            return Optional.empty();
        }
        if (notFilledIn(row, sheet)) {
            return Optional.empty();
        }
        return Optional.of(new SourceRow(row, Map.of()));
    }

    /** The survey reading of a data row this layout handed out. */
    @Override
    public Optional<SurveyRow> survey(SourceRow row) {
        SurveySheet sheet = sheets.get(row.sheet());
        return sheet == null ? Optional.empty() : Optional.of(new SurveyRow(row.raw(), sheet));
    }

    @Override
    public boolean foundAnyHeader() {
        return !sheets.isEmpty();
    }

    @Override
    public List<String> sheetsWithoutHeader() {
        List<String> skipped = new ArrayList<>(sheetsSeen);
        skipped.removeAll(sheets.keySet());
        return skipped;
    }

    @Override
    public List<Problem> endNotes() {
        return List.copyOf(notes);
    }

    // ---- the header ---------------------------------------------------------------------------

    private Optional<SurveySheet> header(RawRow row) {
        SortedMap<Integer, Integer> unsur = new TreeMap<>();
        Map<SurveyColumn, Integer> columns = new EnumMap<>(SurveyColumn.class);
        Map<SurveyColumn, Integer> ranks = new EnumMap<>(SurveyColumn.class);
        for (int i = 0; i < row.cells().size(); i++) {
            if (!(row.cells().get(i) instanceof CellValue.Text t)) {
                continue;
            }
            Optional<Integer> number = IkmRegime.numberOfCode(t.value());
            if (number.isPresent() && number.get() >= 1 && number.get() <= rules.maxUnsur()) {
                unsur.putIfAbsent(number.get(), i);
                continue;
            }
            column(t.value(), i, columns, ranks);
        }
        boolean longShape = columns.containsKey(SurveyColumn.RESPONDENT) && !SurveyColumn.RESPONDENT.weak(ranks.get(SurveyColumn.RESPONDENT))
                && (columns.containsKey(SurveyColumn.QUESTION) || columns.containsKey(SurveyColumn.UNSUR))
                && columns.containsKey(SurveyColumn.SCORE);
        Map<SurveyColumn, SourceRow.Located> context = context(row.sheet());
        Optional<IkmRegime> declared = declaredRegime(context, row);
        if (unsur.size() < MIN_UNSUR_COLUMNS) {
            Optional<SortedMap<Integer, Integer>> byName = unsurByName(row, declared);
            if (byName.isPresent()) {
                unsur = byName.get();
                byName.get().values().forEach(i -> columns.values().remove(i));
            }
        }
        if (unsur.size() >= MIN_UNSUR_COLUMNS && !longShape) {
            readUpperHeader(row, unsur, columns, ranks);
            IkmRegime regime = regimeOf(row.sheet(), unsur.keySet(), declared);
            requireContext(row.sheet(), columns, context);
            return Optional.of(new SurveySheet(row.sheet(), SurveySheet.Shape.WIDE, regime, columns, unsur, context));
        }
        if (longShape) {
            requireContext(row.sheet(), columns, context);
            return Optional.of(new SurveySheet(row.sheet(), SurveySheet.Shape.LONG, declared.orElse(rules.current()), columns,
                    new TreeMap<>(), context));
        }
        return Optional.empty();
    }

    /** Records a header cell as a column, keeping the surest reading of each column. */
    private static void column(String header, int at, Map<SurveyColumn, Integer> columns, Map<SurveyColumn, Integer> ranks) {
        SurveyColumn.of(header).ifPresent(c -> {
            int rank = c.rank(header).orElseThrow();
            if (!ranks.containsKey(c) || rank < ranks.get(c)) {
                columns.put(c, at);
                ranks.put(c, rank);
            }
        });
    }

    /** A header of unsur names without codes ("Persyaratan", "Prosedur", ...): every unsur of one regime named. */
    private Optional<SortedMap<Integer, Integer>> unsurByName(RawRow row, Optional<IkmRegime> declared) {
        List<IkmRegime> candidates = declared.map(List::of).orElse(rules.regimes());
        for (IkmRegime regime : candidates) {
            SortedMap<Integer, Integer> found = new TreeMap<>();
            for (int i = 0; i < row.cells().size(); i++) {
                if (row.cells().get(i) instanceof CellValue.Text t) {
                    int at = i;
                    regime.unsurFor(t.value(), false).ifPresent(u -> found.putIfAbsent(u.number(), at));
                }
            }
            if (found.size() == regime.unsurCount()) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /** Column titles in the row above the unsur codes ("No", "Jenis kelamin" over a merged "Unsur pelayanan"). */
    private void readUpperHeader(RawRow row, SortedMap<Integer, Integer> unsur, Map<SurveyColumn, Integer> columns,
                                 Map<SurveyColumn, Integer> ranks) {
        RawRow above = previousRow.get(row.sheet());
        if (above == null || above.rowNumber() != row.rowNumber() - 1) {
            return;
        }
        Set<Integer> taken = new TreeSet<>(unsur.values());
        taken.addAll(columns.values());
        for (int i = 0; i < above.cells().size(); i++) {
            if (!taken.contains(i) && above.cells().get(i) instanceof CellValue.Text t && row.cell(i).isBlank()
                    && SurveyColumn.of(t.value()).filter(c -> !columns.containsKey(c)).isPresent()) {
                column(t.value(), i, columns, ranks);
            }
        }
    }

    /**
     * The regime of a wide sheet: the one whose unsur are exactly the columns found; a declared
     * regime must agree. Anything else is refused, naming what is missing.
     */
    private IkmRegime regimeOf(String sheet, Set<Integer> found, Optional<IkmRegime> declared) {
        Optional<IkmRegime> byColumns = rules.regimes().stream().filter(r -> found.equals(numbers(r.unsurCount()))).findFirst();
        if (declared.isPresent()) {
            if (byColumns.isPresent() && !byColumns.get().code().equals(declared.get().code())) {
                throw refused("survey_regime_mismatch", sheet, codes(found), declared.get().name().id(), byColumns.get().name().id());
            }
            if (byColumns.isEmpty()) {
                throw refused("survey_unsur_incomplete", sheet, declared.get().name().id(), codes(missing(found, declared.get())), codes(found));
            }
            return declared.get();
        }
        if (byColumns.isPresent()) {
            return byColumns.get();
        }
        int highest = found.stream().mapToInt(Integer::intValue).max().orElse(0);
        IkmRegime nearest = rules.regimes().stream().filter(r -> r.unsurCount() >= highest)
                .min((a, b) -> Integer.compare(a.unsurCount(), b.unsurCount())).orElse(rules.current());
        throw refused("survey_unsur_incomplete", sheet, nearest.name().id(), codes(missing(found, nearest)), codes(found));
    }

    private static Set<Integer> numbers(int count) {
        Set<Integer> all = new TreeSet<>();
        for (int i = 1; i <= count; i++) {
            all.add(i);
        }
        return all;
    }

    private static Set<Integer> missing(Set<Integer> found, IkmRegime regime) {
        Set<Integer> missing = numbers(regime.unsurCount());
        missing.removeAll(found);
        return missing;
    }

    private static String codes(Set<Integer> numbers) {
        return numbers.stream().map(n -> "U" + n).collect(Collectors.joining(", "));
    }

    /** A survey must say, in a column or a label, which unit, region and period it is for. */
    private static void requireContext(String sheet, Map<SurveyColumn, Integer> columns, Map<SurveyColumn, SourceRow.Located> context) {
        for (SurveyColumn c : List.of(SurveyColumn.UNIT, SurveyColumn.REGION, SurveyColumn.PERIOD)) {
            if (!columns.containsKey(c) && !context.containsKey(c)) {
                throw refused("survey_no_" + c.name().toLowerCase(java.util.Locale.ROOT), sheet, sheet);
            }
        }
    }

    private Optional<IkmRegime> declaredRegime(Map<SurveyColumn, SourceRow.Located> context, RawRow row) {
        SourceRow.Located declared = context.get(SurveyColumn.REGIME);
        if (declared == null || declared.value().isBlank()) {
            return Optional.empty();
        }
        Optional<IkmRegime> regime = rules.declaredBy(declared.value().asText());
        if (regime.isEmpty()) {
            throw new FileRefusedException.WhileReading(new FileRefusedException(new Problem(Problem.Severity.FILE_REFUSED,
                    "survey_regime_unknown", declared.sheet(), declared.row(), declared.column(), declared.value().display(),
                    List.of(rules.regimes().stream().map(r -> r.name().id()).collect(Collectors.joining("; "))))));
        }
        return regime;
    }

    private static FileRefusedException.WhileReading refused(String code, String... args) {
        return new FileRefusedException.WhileReading(new FileRefusedException(Problem.file(code, args)));
    }

    // ---- labels above the header ----------------------------------------------------------------

    /** "Unit layanan" | "Puskesmas Halmahera" in neighbouring cells, or "Unit layanan: Puskesmas Halmahera" in one. */
    private void readLabels(RawRow row) {
        for (int i = 0; i < row.cells().size(); i++) {
            if (!(row.cells().get(i) instanceof CellValue.Text t) || t.value().isBlank()) {
                continue;
            }
            String text = t.value();
            int colon = text.indexOf(':');
            Optional<SurveyColumn> label = contextLabel(text);
            if (label.isPresent()) {
                // The first filled cell to the right (a ":" cell between is skipped); none: the empty cell beside
                // the label, so a problem points where the value belongs.
                SourceRow.Located value = new SourceRow.Located(row.sheet(), row.rowNumber(), RawRow.columnLetter(i + 1), CellValue.BLANK);
                int j = i + 1;
                for (; j < row.cells().size(); j++) {
                    if (!row.cell(j).isBlank() && !(row.cell(j) instanceof CellValue.Text v && v.value().trim().equals(":"))) {
                        value = new SourceRow.Located(row.sheet(), row.rowNumber(), RawRow.columnLetter(j), row.cell(j));
                        break;
                    }
                }
                remember(label.get(), value);
                i = j; // the value is no label: "Unit layanan | Periode" names a unit called Periode
            } else if (colon > 0 && colon < text.length() - 1) {
                Optional<SurveyColumn> inline = contextLabel(text.substring(0, colon));
                if (inline.isPresent()) {
                    remember(inline.get(), new SourceRow.Located(row.sheet(), row.rowNumber(), RawRow.columnLetter(i),
                            new CellValue.Text(text.substring(colon + 1).trim())));
                }
            }
        }
    }

    private static Optional<SurveyColumn> contextLabel(String text) {
        return SurveyColumn.of(text).filter(SurveyColumn.CONTEXT::contains);
    }

    private void remember(SurveyColumn column, SourceRow.Located cell) {
        labels.computeIfAbsent(cell.sheet(), k -> new EnumMap<>(SurveyColumn.class)).putIfAbsent(column, cell);
        fileLabels.putIfAbsent(column, cell);
    }

    /** The labels of this sheet, else of the sheets before it. */
    private Map<SurveyColumn, SourceRow.Located> context(String sheet) {
        Map<SurveyColumn, SourceRow.Located> context = new EnumMap<>(SurveyColumn.class);
        context.putAll(fileLabels);
        context.putAll(labels.getOrDefault(sheet, Map.of()));
        return context;
    }

    // ---- data rows -------------------------------------------------------------------------------

    /** A row below the answers that holds the sheet's own sums or means: its first words say so. */
    private static boolean isTotals(RawRow row, SurveySheet sheet) {
        for (int i = 0; i < row.cells().size(); i++) {
            CellValue cell = row.cells().get(i);
            if (cell.isBlank()) {
                continue;
            }
            if (sheet.unsurColumns().containsValue(i) || !(cell instanceof CellValue.Text t)) {
                return false;
            }
            String words = IkmRegime.normalize(t.value());
            return TOTALS.stream().anyMatch(words::startsWith);
        }
        return false;
    }

    private static String firstText(RawRow row) {
        return row.cells().stream().filter(c -> !c.isBlank()).findFirst().map(CellValue::display).orElse("");
    }

    /** A numbered row of an empty form: no answer and nothing about a respondent. Skipped, as an unfilled template row. */
    private static boolean notFilledIn(RawRow row, SurveySheet sheet) {
        if (sheet.shape() == SurveySheet.Shape.LONG) {
            Integer score = sheet.columns().get(SurveyColumn.SCORE);
            Integer question = sheet.columns().getOrDefault(SurveyColumn.QUESTION, sheet.columns().get(SurveyColumn.UNSUR));
            return row.cell(score).isBlank() && row.cell(question).isBlank();
        }
        boolean anyAnswer = sheet.unsurColumns().values().stream().anyMatch(i -> !row.cell(i).isBlank());
        boolean anyAttribute = SurveyColumn.ATTRIBUTES.stream().map(c -> sheet.columns().get(c))
                .anyMatch(i -> i != null && !row.cell(i).isBlank());
        return !anyAnswer && !anyAttribute;
    }
}
