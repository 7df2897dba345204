package id.pantauspm.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.Level;
import id.pantauspm.catalogue.ServiceType;
import id.pantauspm.catalogue.Measure;
import id.pantauspm.catalogue.ValueType;
import id.pantauspm.period.Basis;
import id.pantauspm.period.Period;
import id.pantauspm.regions.RegionDirectory;

/**
 * Where a spreadsheet row becomes a value: checks region, period, measure and number against the
 * catalogue and the region list, and says precisely what is wrong when it cannot.
 */
public final class RowParser {

    /** Words for "no figure". Excel's #N/A is not among them: it is a formula error in every format (CellText). */
    private static final Set<String> MISSING = Set.of("", "-", "--", "\u2013", "\u2014", "n/a", "na",
            "tidak ada data", "tidak ada", "t/a", "belum ada data");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Whole digits a stored value may have: values are numeric(24, 4) in the schema (V2, V10), so 20.
     * A longer number (a NIK or an account number pasted into a count) is the row's problem here,
     * never a failed write that stops the night.
     */
    public static final int MAX_WHOLE_DIGITS = 20;
    /**
     * Whole digits of an amount in rupiah: 15 is up to Rp 999 triliun, more than any region's whole budget (the
     * national APBN is about Rp 3.300 triliun, 16 digits, and no region reports it for one service). It keeps every
     * sum the evaluation makes of them (services of a region, regions of the country) within the schema.
     */
    public static final int MAX_AMOUNT_WHOLE_DIGITS = 15;
    /** Decimals the schema keeps; more are rounded as the database would round them. */
    public static final int STORED_DECIMALS = 4;
    /** Default of {@code pantau.ingest.population-factor}. */
    public static final BigDecimal DEFAULT_POPULATION_FACTOR = BigDecimal.valueOf(2);
    /** Units of counts whose plausible size the region's population bounds (people, households). */
    private static final Set<String> UNITS_OF_PEOPLE = Set.of("orang", "jiwa", "rumah tangga", "keluarga", "kk");

    private final Catalogue catalogue;
    private final RegionDirectory regions;
    private final java.time.Clock clock;
    private final BigDecimal populationFactor;

    public RowParser(Catalogue catalogue, RegionDirectory regions) {
        this(catalogue, regions, java.time.Clock.systemDefaultZone());
    }

    /** @param clock today, for periods that have not begun yet */
    public RowParser(Catalogue catalogue, RegionDirectory regions, java.time.Clock clock) {
        this(catalogue, regions, clock, DEFAULT_POPULATION_FACTOR);
    }

    /**
     * @param populationFactor a count of people or households above this many times the region's population
     *                         (regions/wilayah.csv) is refused as implausible ({@code pantau.ingest.population-factor})
     */
    public RowParser(Catalogue catalogue, RegionDirectory regions, java.time.Clock clock, BigDecimal populationFactor) {
        if (populationFactor == null || populationFactor.signum() <= 0) {
            throw new IllegalArgumentException("pantau.ingest.population-factor must be positive: " + populationFactor);
        }
        this.catalogue = catalogue;
        this.regions = regions;
        this.clock = clock;
        this.populationFactor = populationFactor;
    }

    public ParsedRow parse(SourceRow row, DecimalConvention convention) {
        return parse(row, convention, null);
    }

    /**
     * @param sheetTitle the text above the sheet's header (its title rows), or null: a title saying
     *                   "KUMULATIF" or "s.d." is held against the basis a value is taken on
     */
    public ParsedRow parse(SourceRow row, DecimalConvention convention, String sheetTitle) {
        List<Problem> problems = new ArrayList<>();
        String regionCode = region(row, problems);
        Period period = period(row, problems);
        Optional<Measure> measure = measure(row, problems);
        BigDecimal amount = measure.map(m -> amount(row, m, convention, problems)).orElse(null);
        if (amount != null && regionCode != null) {
            amount = plausible(row, regionCode, measure.get(), amount, problems);
        }
        if (regionCode != null && measure.isPresent()) {
            checkLevel(row, regionCode, measure.get(), problems);
        }
        Basis basis = declaredBasis(row, period, measure.orElse(null), problems);
        boolean rejected = problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ROW_REJECTED);
        if (rejected) {
            return new ParsedRow(row, null, List.copyOf(problems));
        }
        String note = row.cell(Column.NOTE).asText();
        if (measure.get().type() == ValueType.TEXT) {
            // Words the office wrote as the value (a problem, a solution): kept as written, a note beside them after it.
            String words = row.cell(Column.VALUE).isBlank() ? "" : row.cell(Column.VALUE).asText().strip();
            if (MISSING.contains(words.toLowerCase(Locale.ROOT))) {
                words = ""; // "-": nothing written
            }
            note = words.isEmpty() ? note : note.isEmpty() ? words : words + "\n(" + note + ")";
        }
        if (note.length() > IngestLimits.MAX_NOTE_CHARS) {
            // kept up to the limit, and the office told where it was cut: never cut silently
            problems.add(Problem.at(Problem.Severity.WARNING, "note_too_long", row,
                    measure.get().type() == ValueType.TEXT ? Column.VALUE : Column.NOTE,
                    String.valueOf(note.length()), String.valueOf(IngestLimits.MAX_NOTE_CHARS)));
            note = note.substring(0, IngestLimits.MAX_NOTE_CHARS);
        }
        checkBasisWording(row, period, measure.get(), basis, note, sheetTitle, problems);
        checkInForce(row, period, measure.get(), problems);
        MeasuredValue value = new MeasuredValue(regionCode, period.code(), measure.get().code(), amount,
                note.isEmpty() ? null : note, row.sheet(), row.rowNumber(), row.letter(Column.VALUE), basis);
        return new ParsedRow(row, value, List.copyOf(problems));
    }

    /**
     * What the office said a sub-year figure counts (the {@code basis} column, or the template's
     * "Sifat angka" cell); null when it said nothing (the rule version's default applies) or for a year.
     */
    private Basis declaredBasis(SourceRow row, Period period, Measure measure, List<Problem> problems) {
        CellValue cell = row.cell(Column.BASIS);
        if (cell.isBlank() || period == null) {
            return null;
        }
        Optional<Basis> basis = Basis.parse(cell.asText());
        if (basis.isEmpty()) {
            problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "basis_unreadable", row, Column.BASIS));
            return null;
        }
        if (period.kind() == Period.Kind.YEAR) {
            if (basis.get() == Basis.PERIOD_ONLY) { // a year is the whole year either way: said, then ignored
                problems.add(Problem.at(Problem.Severity.NOTE, "basis_ignored_for_year", row, Column.BASIS));
            }
            return null;
        }
        if (basis.get() == Basis.PERIOD_ONLY && measure != null && measure.accumulation() == Measure.Accumulation.LATEST) {
            if (row.elsewhere().containsKey(Column.BASIS)) {
                return null; // the template's one "Sifat angka" cell speaks of its flows; its stocks are counts at the end
            }
            // A stock (target population, enrolment, items available) is a count at the period's end; a count
            // for the quarter alone is another measure, and taking it as the stock would be a wrong number.
            problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "basis_period_only_on_stock", row, Column.BASIS,
                    measure.code()));
            return null;
        }
        return basis.get();
    }

    /**
     * A note or the sheet's title that says the opposite of the basis a flow's figure is taken on
     * ("s.d. 30 September" on a figure read as the quarter alone) is warned: the clerk says which is right.
     */
    private void checkBasisWording(SourceRow row, Period period, Measure measure, Basis declared, String note,
                                   String sheetTitle, List<Problem> problems) {
        if (period.kind() == Period.Kind.YEAR || measure.accumulation() != Measure.Accumulation.SUM) {
            return;
        }
        Basis taken = declared != null ? declared : catalogue.ruleSetFor(period.lastDay()).defaultBasis(period.kind());
        for (String text : java.util.Arrays.asList(note, sheetTitle)) {
            Optional<Basis> said = Basis.impliedBy(text);
            if (said.isPresent() && said.get() != taken) {
                String key = said.get() == Basis.YEAR_TO_DATE ? "basis_text_says_year_to_date" : "basis_text_says_period_only";
                problems.add(Problem.at(Problem.Severity.WARNING, key, row, Column.VALUE, shorten(text),
                        declared == null ? "basis.default" : "basis.declared"));
                return;
            }
        }
    }

    /**
     * A measure of another rule version than the period's (a Permenkes 4/2019 item reported for 2024) is kept,
     * since nothing an office sends is lost, but the evaluation of the period does not count it: the clerk is told.
     */
    private void checkInForce(SourceRow row, Period period, Measure measure, List<Problem> problems) {
        String version = catalogue.ruleSetFor(period.lastDay()).version();
        if (!measure.inForce().in(version)) {
            problems.add(Problem.at(Problem.Severity.WARNING, "measure_not_in_version", row, Column.MEASURE_CODE,
                    period.code(), version, String.join(", ", measure.inForce().versions())));
        }
    }

    private static String shorten(String text) {
        String t = text.replaceAll("\\s+", " ").trim();
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }

    /**
     * A province reports its own (provinsi) services, a kabupaten/kota its own: a value for the other
     * level could never be evaluated, so the clerk is told rather than the value kept unused.
     */
    private void checkLevel(SourceRow row, String regionCode, Measure measure, List<Problem> problems) {
        boolean province = regions.find(regionCode).map(r -> r.isProvince()).orElse(false);
        Level level = catalogue.service(measure.serviceCode()).map(ServiceType::level).orElse(null);
        if (level != null && province != (level == Level.PROVINSI)) {
            problems.add(Problem.at(Problem.Severity.ROW_REJECTED, province ? "measure_for_regency" : "measure_for_province",
                    row, Column.MEASURE_CODE, regionCode));
        }
    }

    private String region(SourceRow row, List<Problem> problems) {
        CellValue cell = row.cell(Column.REGION_CODE);
        if (cell.isBlank()) {
            problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "region_missing", row, Column.REGION_CODE));
            return null;
        }
        var resolved = regions.resolve(cell.asText());
        if (resolved.isEmpty()) {
            var closest = regions.closestNames(cell.asText(), 3);
            if (!closest.isEmpty()) {
                String named = String.join("; ", closest.stream().map(r -> r.name() + " (" + r.code() + ")").toList());
                problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "region_name_unknown", row, Column.REGION_CODE, named));
            } else {
                problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "region_unknown", row, Column.REGION_CODE));
            }
            return null;
        }
        var r = resolved.get();
        switch (r.note()) {
            case WITHOUT_DOT -> problems.add(Problem.at(Problem.Severity.NOTE, "region_without_dot", row, Column.REGION_CODE, r.region().code()));
            case SHORTENED_BY_EXCEL -> problems.add(Problem.at(Problem.Severity.WARNING, "region_shortened", row, Column.REGION_CODE, r.region().code(), r.region().name()));
            case BY_NAME -> problems.add(Problem.at(Problem.Severity.WARNING, "region_by_name", row, Column.REGION_CODE, r.region().code(), r.region().name()));
            case EXACT -> { }
        }
        return r.region().code();
    }

    private Period period(SourceRow row, List<Problem> problems) {
        CellValue cell = row.cell(Column.PERIOD);
        if (cell.isBlank()) {
            problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "period_missing", row, Column.PERIOD));
            return null;
        }
        Optional<Period> period = Period.parse(cell.asText());
        if (period.isEmpty()) {
            problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "period_unreadable", row, Column.PERIOD));
            return null;
        }
        // A period no rule version covers (before PP 2/2018 applied) cannot be judged; one that has not
        // begun cannot have been measured: each is the row's problem, never the night's.
        if (catalogue.ruleSetAt(period.get().lastDay()).isEmpty()) {
            problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "period_before_rules", row, Column.PERIOD,
                    String.valueOf(catalogue.rulesStart().getYear())));
            return null;
        }
        if (period.get().firstDay().isAfter(java.time.LocalDate.now(clock))) {
            problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "period_in_future", row, Column.PERIOD,
                    period.get().code()));
            return null;
        }
        return period.get();
    }

    private Optional<Measure> measure(SourceRow row, List<Problem> problems) {
        CellValue cell = row.cell(Column.MEASURE_CODE);
        if (cell.isBlank()) {
            problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "measure_missing", row, Column.MEASURE_CODE));
            return Optional.empty();
        }
        String code = cell.asText().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
        Optional<Measure> measure = catalogue.measure(code);
        if (measure.isEmpty()) {
            problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "measure_unknown", row, Column.MEASURE_CODE));
        }
        return measure;
    }

    private BigDecimal amount(SourceRow row, Measure measure, DecimalConvention convention, List<Problem> problems) {
        if (measure.type() == ValueType.TEXT) {
            return null; // words, not a number: kept in the note (parse)
        }
        CellValue cell = row.cell(Column.VALUE);
        BigDecimal value;
        boolean percentSign = false;
        if (cell.isBlank()) {
            return null;
        }
        if (cell instanceof CellValue.FormulaError) {
            problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "value_formula_error", row, Column.VALUE));
            return null;
        }
        if (cell instanceof CellValue.FormulaWithoutResult) {
            problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "value_formula_without_result", row, Column.VALUE));
            return null;
        }
        if (cell instanceof CellValue.Number n) {
            value = n.value();
        } else if (cell instanceof CellValue.Percent p) {
            value = p.shown();
            percentSign = true;
        } else if (cell instanceof CellValue.Date) {
            problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "value_unreadable", row, Column.VALUE, expected(measure)));
            return null;
        } else {
            String text = cell.asText();
            if (MISSING.contains(text.toLowerCase(Locale.ROOT))) {
                return null;
            }
            if (NumberText.nonFinite(text)) {
                // NaN, Infinity, #NUM! as text: what another system writes for a division by zero or an overflow
                problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "value_not_finite", row, Column.VALUE, expected(measure)));
                return null;
            }
            Optional<NumberText.Parsed> parsed = NumberText.parse(text, convention);
            if (parsed.isEmpty()) {
                problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "value_unreadable", row, Column.VALUE, expected(measure)));
                return null;
            }
            value = parsed.get().value();
            percentSign = parsed.get().percent();
            if (parsed.get().currency() && measure.type() != ValueType.AMOUNT) {
                problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "value_currency_not_expected", row, Column.VALUE, expected(measure)));
                return null;
            }
            if (parsed.get().scientific()) {
                if (parsed.get().digitsMayBeLost()) {
                    problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "value_scientific_digits_lost", row, Column.VALUE));
                    return null;
                }
                problems.add(Problem.at(Problem.Severity.WARNING, "value_scientific", row, Column.VALUE,
                        value.toPlainString()));
            }
            if (parsed.get().ambiguous()) {
                BigDecimal other = parsed.get().otherReading();
                if (measure.type() == ValueType.COUNT && isWhole(other) != isWhole(value)) {
                    // A count is whole: only one reading fits, so there is nothing to doubt.
                    value = isWhole(value) ? value : other;
                } else if (measure.type() == ValueType.COUNT && value.scale() > 0 && isWhole(value)
                        && other.compareTo(value) > 0) {
                    // "1.000" people: nobody writes one person with three zero decimals; it is a thousand, as
                    // "1.234" is 1,234 (a count's round thousands must not lose their zeros).
                    value = other;
                } else {
                    problems.add(Problem.at(Problem.Severity.WARNING, "value_ambiguous", row, Column.VALUE,
                            ReceiptNumbers.arg(value), "convention." + convention.name()));
                }
            }
        }
        if (value.signum() == 0 && row.reading() != null && row.reading().zeroMeansMissing()) {
            // The source writes 0 for "not reported" (its layout says so): missing, never a zero achievement.
            problems.add(Problem.at(Problem.Severity.NOTE, "value_zero_as_missing", row, Column.VALUE, row.reading().layout()));
            return null;
        }
        if (percentSign && measure.type() != ValueType.PERCENT) {
            problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "value_percent_not_expected", row, Column.VALUE, expected(measure)));
            return null;
        }
        switch (measure.type()) {
            case COUNT -> {
                if (value.signum() < 0) {
                    problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "value_negative", row, Column.VALUE, expected(measure)));
                } else if (value.stripTrailingZeros().scale() > 0) {
                    problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "value_not_whole", row, Column.VALUE, expected(measure)));
                }
            }
            case PERCENT -> {
                if (value.signum() >= 0 && value.compareTo(HUNDRED) > 0 && measure.localCode().equals(Measure.REPORTED_ACHIEVEMENT)) {
                    // A reported achievement above 100 is real (served beyond the estimated target): kept, and said.
                    problems.add(Problem.at(Problem.Severity.WARNING, "value_reported_above_100", row, Column.VALUE));
                } else if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
                    problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "value_percent_range", row, Column.VALUE, expected(measure)));
                }
            }
            case AMOUNT -> {
                if (value.signum() < 0) {
                    problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "value_negative", row, Column.VALUE, expected(measure)));
                }
            }
            case NUMBER, TEXT -> { }
        }
        return value;
    }

    /**
     * The value's size against what the schema can hold and what the region could have: more whole digits than
     * {@link #MAX_WHOLE_DIGITS}, or a count of people or households above the population times the factor, is the
     * row's problem. More decimals than the schema keeps are rounded as the database would round them.
     */
    private BigDecimal plausible(SourceRow row, String regionCode, Measure measure, BigDecimal value, List<Problem> problems) {
        BigDecimal stripped = value.stripTrailingZeros();
        int digits = measure.type() == ValueType.AMOUNT ? MAX_AMOUNT_WHOLE_DIGITS : MAX_WHOLE_DIGITS;
        if (stripped.precision() - stripped.scale() > digits) {
            problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "value_too_many_digits", row, Column.VALUE,
                    String.valueOf(digits), expected(measure)));
            return null;
        }
        if (measure.type() == ValueType.COUNT && measure.unit() != null
                && UNITS_OF_PEOPLE.contains(measure.unit().toLowerCase(Locale.ROOT).strip())) {
            long population = regions.find(regionCode).map(r -> r.population()).orElse(0L);
            if (population > 0) {
                BigDecimal bound = BigDecimal.valueOf(population).multiply(populationFactor)
                        .setScale(0, java.math.RoundingMode.FLOOR);
                if (value.compareTo(bound) > 0) {
                    problems.add(Problem.at(Problem.Severity.ROW_REJECTED, "value_above_population", row, Column.VALUE,
                            ReceiptNumbers.arg(BigDecimal.valueOf(population)), ReceiptNumbers.arg(populationFactor),
                            ReceiptNumbers.arg(bound), regionCode));
                    return null;
                }
            }
        }
        if (value.scale() > STORED_DECIMALS) {
            return value.setScale(STORED_DECIMALS, java.math.RoundingMode.HALF_UP);
        }
        return value;
    }

    private static boolean isWhole(BigDecimal x) {
        return x.stripTrailingZeros().scale() <= 0;
    }

    /** The message key of what a measure's value must be, e.g. expected.count. */
    private static String expected(Measure measure) {
        return "expected." + measure.type().name().toLowerCase(Locale.ROOT);
    }
}
