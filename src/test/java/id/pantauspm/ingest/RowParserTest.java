package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.ingest.Problem.Severity;
import id.pantauspm.regions.RegionDirectory;

/**
 * Rows of the tabular layout as a reader yields them, on the shipped catalogue and region list.
 * Columns: A kode_wilayah, B periode, C kode_data, D nilai, E keterangan; every row is row 7 of sheet "Data".
 */
@DisplayName("RowParser: a spreadsheet row becomes a value or a precise rejection")
class RowParserTest {

    private static final Map<Column, Integer> POSITIONS = Map.of(
            Column.REGION_CODE, 0, Column.PERIOD, 1, Column.MEASURE_CODE, 2, Column.VALUE, 3, Column.NOTE, 4);

    private static RowParser parser;

    @BeforeAll
    static void load() {
        parser = new RowParser(new CatalogueLoader().load(Path.of("indicators")), RegionDirectory.official());
    }

    private static CellValue cell(Object content) {
        if (content instanceof CellValue c) {
            return c;
        }
        if (content == null) {
            return CellValue.BLANK;
        }
        if (content instanceof Number n) {
            return new CellValue.Number(new BigDecimal(n.toString()));
        }
        return new CellValue.Text(content.toString());
    }

    private static SourceRow row(Object region, Object period, Object measure, Object value, Object note) {
        List<CellValue> cells = new ArrayList<>();
        for (Object c : new Object[] {region, period, measure, value, note}) {
            cells.add(cell(c));
        }
        return new SourceRow(new RawRow("Data", 7, cells), POSITIONS);
    }

    private static ParsedRow parse(Object region, Object period, Object measure, Object value, DecimalConvention convention) {
        return parser.parse(row(region, period, measure, value, null), convention);
    }

    private static ParsedRow parse(Object region, Object period, Object measure, Object value) {
        return parse(region, period, measure, value, DecimalConvention.COMMA);
    }

    private static MeasuredValue accepted(ParsedRow parsed) {
        assertThat(parsed.accepted()).as("accepted, problems: %s", parsed.problems()).isTrue();
        return parsed.value();
    }

    private static Problem onlyRejection(ParsedRow parsed) {
        assertThat(parsed.accepted()).as("rejected").isFalse();
        assertThat(parsed.value()).isNull();
        List<Problem> rejections = parsed.problems().stream().filter(p -> p.severity() == Severity.ROW_REJECTED).toList();
        assertThat(rejections).hasSize(1);
        return rejections.get(0);
    }

    @Test
    @DisplayName("an accepted row: region, period and measure in their canonical form, with sheet, row and note")
    void acceptedRowIsCanonical() {
        ParsedRow parsed = parser.parse(row(" 33.74 ", "Triwulan III 2026", " kes-k01.terlayani ", 812, "  Posyandu aktif "),
                DecimalConvention.COMMA);

        assertThat(parsed.problems()).isEmpty();
        assertThat(accepted(parsed)).isEqualTo(new MeasuredValue("33.74", "2026-TW3", "KES-K01.TERLAYANI",
                new BigDecimal("812"), "Posyandu aktif", "Data", 7, "D", null));
    }

    @Test
    @DisplayName("a note of 2,500 characters is kept to its first 2,000, and the office is told where (column E), not cut silently")
    void aLongNoteIsCutWithAWarning() {
        String note = "Posyandu aktif di semua desa. ".repeat(83) + "Akhir."; // 30 x 83 + 6 = 2,496 characters
        ParsedRow parsed = parser.parse(row("33.74", "2026-TW3", "KES-K01.TERLAYANI", 812, note), DecimalConvention.COMMA);

        assertThat(accepted(parsed).note()).hasSize(2000).isEqualTo(note.substring(0, 2000));
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.code()).isEqualTo("note_too_long");
            assertThat(p.column()).isEqualTo("E");
            assertThat(p.row()).isEqualTo(7);
            assertThat(p.args()).containsExactly("2496", "2000");
        });
    }

    @Test
    @DisplayName("numeric cells as Excel stores them: region 33 and year 2026 typed as numbers")
    void numericCellsForRegionAndPeriod() {
        MeasuredValue v = accepted(parse(new BigDecimal("33"), new BigDecimal("2026.0"), "KES-P01.SASARAN", 1500));

        assertThat(v.regionCode()).isEqualTo("33");
        assertThat(v.periodCode()).isEqualTo("2026");
        assertThat(v.amount()).isEqualByComparingTo("1500");
        assertThat(v.note()).isNull();
    }

    @ParameterizedTest(name = "{4} in column {5}, found \"{6}\"")
    @CsvSource(delimiter = '|', textBlock = """
            99.99 | 2025     | KES-K01.SASARAN   | 100     | region_unknown              | A | 99.99
            33.74 | 2025-TW5 | KES-K01.SASARAN   | 100     | period_unreadable           | B | 2025-TW5
            33.74 | 2026-13  | KES-K01.SASARAN   | 100     | period_unreadable           | B | 2026-13
            33.74 | 2025     | KES-K99.SASARAN   | 100     | measure_unknown             | C | KES-K99.SASARAN
            33.74 | 2025     | KES-K01.JUMLAH    | 100     | measure_unknown             | C | KES-K01.JUMLAH
            33.74 | 2025     | KES-K01.SASARAN   | seribu  | value_unreadable            | D | seribu
            33.74 | 2025     | KES-K01.SASARAN   | 1.2.3   | value_unreadable            | D | 1.2.3
            33.74 | 2025     | KES-K01.SASARAN   | 12abc   | value_unreadable            | D | 12abc
            33.74 | 2025     | KES-K01.SASARAN   | -312    | value_negative              | D | -312
            33.74 | 2025     | KES-K01.SASARAN   | 12,5    | value_not_whole             | D | 12,5
            33.74 | 2025     | KES-K01.SASARAN   | 95%     | value_percent_not_expected  | D | 95%
            33.74 | 2025     | KES-K01.TAHAP1_PENGUMPULAN_DATA | 120   | value_percent_range | D | 120
            33.74 | 2025     | KES-K01.TAHAP1_PENGUMPULAN_DATA | 150 % | value_percent_range | D | 150 %
            33.74 | 2025     | KES-K01.TAHAP1_PENGUMPULAN_DATA | -5    | value_percent_range | D | -5
            33.74 | 2025     | KES-K01.ANGGARAN_REALISASI      | -1000 | value_negative      | D | -1000
            """)
    void rejectionsSayWhereAndWhat(String region, String period, String measure, String value,
                                   String code, String column, String found) {
        Problem p = onlyRejection(parse(region, period, measure, value));

        assertThat(p.severity()).isEqualTo(Severity.ROW_REJECTED);
        assertThat(p.code()).isEqualTo(code);
        assertThat(p.column()).isEqualTo(column);
        assertThat(p.found()).isEqualTo(found);
        assertThat(p.sheet()).isEqualTo("Data");
        assertThat(p.row()).isEqualTo(7);
    }

    @Test
    @DisplayName("a value problem names what the measure expects: a count")
    void valueProblemSaysWhatIsExpected() {
        Problem p = onlyRejection(parse("33.74", "2025", "KES-K01.SASARAN", "-312"));
        assertThat(p.args()).containsExactly("expected.count");
        assertThat(onlyRejection(parse("33.74", "2025", "KES-K01.TAHAP1_PENGUMPULAN_DATA", "120")).args())
                .containsExactly("expected.percent");
    }

    @Test
    @DisplayName("numeric cells are checked too: -3 and 12.5 are no counts")
    void numericCellsAreChecked() {
        assertThat(onlyRejection(parse("33.74", "2025", "KES-K01.SASARAN", new BigDecimal("-3"))).code()).isEqualTo("value_negative");
        assertThat(onlyRejection(parse("33.74", "2025", "KES-K01.SASARAN", new BigDecimal("12.5"))).code()).isEqualTo("value_not_whole");
        assertThat(accepted(parse("33.74", "2025", "KES-K01.SASARAN", new BigDecimal("1500.0"))).amount()).isEqualByComparingTo("1500");
    }

    @Test
    @DisplayName("a formula whose cached result is an error (#DIV/0!) rejects the row, never a zero")
    void formulaError() {
        Problem p = onlyRejection(parse("33.74", "2025", "KES-K01.TERLAYANI", new CellValue.FormulaError("#DIV/0!")));
        assertThat(p.code()).isEqualTo("value_formula_error");
        assertThat(p.column()).isEqualTo("D");
        assertThat(p.found()).isEqualTo("#DIV/0!");
    }

    @Test
    @DisplayName("a formula saved without a cached result rejects the row, never a zero")
    void formulaWithoutResult() {
        Problem p = onlyRejection(parse("33.74", "2025", "KES-K01.TERLAYANI", new CellValue.FormulaWithoutResult("SUM(D2:D6)")));
        assertThat(p.code()).isEqualTo("value_formula_without_result");
        assertThat(p.column()).isEqualTo("D");
        assertThat(p.found()).isEqualTo("=SUM(D2:D6)");
    }

    @Test
    @DisplayName("blank region, period and measure cells are each named")
    void blankKeyCells() {
        ParsedRow parsed = parse(null, " ", CellValue.BLANK, 5);
        assertThat(parsed.accepted()).isFalse();
        assertThat(parsed.problems()).extracting(Problem::code, Problem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("region_missing", "A"),
                        org.assertj.core.groups.Tuple.tuple("period_missing", "B"),
                        org.assertj.core.groups.Tuple.tuple("measure_missing", "C"));
    }

    @Test
    @DisplayName("every problem of a row is reported at once, so the clerk fixes it in one go")
    void allProblemsOfARow() {
        ParsedRow parsed = parse("99.99", "TW5", "KES-K01.SASARAN", "seribu");
        assertThat(parsed.accepted()).isFalse();
        assertThat(parsed.problems()).extracting(Problem::code)
                .containsExactly("region_unknown", "period_unreadable", "value_unreadable");
    }

    @ParameterizedTest(name = "\"{0}\" is missing, never zero")
    @ValueSource(strings = {"-", "", "   ", "n/a", "N/A", "tidak ada data", "Tidak Ada Data", "\u2013"})
    void missingIsNeverZero(String text) {
        ParsedRow parsed = parse("33.74", "2025", "KES-K01.TERLAYANI", text);
        MeasuredValue v = accepted(parsed);
        assertThat(v.amount()).isNull();
        assertThat(v.measureCode()).isEqualTo("KES-K01.TERLAYANI");
        assertThat(parsed.problems()).isEmpty();
    }

    @Test
    @DisplayName("Excel's #N/A is a formula error in every format, never missing (CellText reads it so in a CSV too)")
    void excelErrorLiteralIsAFormulaError() {
        ParsedRow parsed = parse("33.74", "2025", "KES-K01.TERLAYANI", CellText.cell("#N/A"));
        assertThat(parsed.accepted()).isFalse();
        assertThat(parsed.problems()).extracting(Problem::code).containsExactly("value_formula_error");
    }

    @Test
    void blankValueCellIsMissing() {
        assertThat(accepted(parse("33.74", "2025", "KES-K01.TERLAYANI", CellValue.BLANK)).amount()).isNull();
    }

    @ParameterizedTest(name = "\"{0}\" for a count in {1}: {2}, no warning")
    @CsvSource({
            // 7.065 people: a count is whole, so only the thousands reading fits
            "7.065,     COMMA, 7065",
            "7.065,     DOT,   7065",
            "'7,065',   DOT,   7065",
            "'7,065',   COMMA, 7065",
            "1.250.000, COMMA, 1250000",
            "'1,250,000', DOT, 1250000",
    })
    void countsSettleAmbiguousThousands(String text, DecimalConvention convention, BigDecimal expected) {
        ParsedRow parsed = parse("33.74", "2025", "KES-K01.SASARAN", text, convention);
        assertThat(accepted(parsed).amount()).isEqualByComparingTo(expected);
        assertThat(parsed.problems()).isEmpty();
    }

    @Test
    @DisplayName("\"1.234\" for a rupiah amount is read by the file's convention and warned as ambiguous")
    void ambiguousAmountIsWarned() {
        ParsedRow parsed = parse("33.74", "2025", "KES-K01.ANGGARAN_RENCANA", "1.234", DecimalConvention.COMMA);

        // COMMA convention: the dot groups thousands -> 1234 (1.234 the other reading)
        assertThat(accepted(parsed).amount()).isEqualByComparingTo("1234");
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.code()).isEqualTo("value_ambiguous");
            assertThat(p.column()).isEqualTo("D");
            assertThat(p.found()).isEqualTo("1.234");
            assertThat(p.args()).containsExactly("number:1234", "convention.COMMA"); // written in the reader's convention
        });

        ParsedRow dot = parse("33.74", "2025", "KES-K01.ANGGARAN_RENCANA", "1.234", DecimalConvention.DOT);
        assertThat(accepted(dot).amount()).isEqualByComparingTo("1.234");
        assertThat(dot.problems()).extracting(Problem::code).containsExactly("value_ambiguous");
    }

    @Test
    void amountWithDecimalsAndThousands() {
        ParsedRow parsed = parse("33.74", "2025", "KES-K01.ANGGARAN_REALISASI", "1.250.000,50");
        assertThat(accepted(parsed).amount()).isEqualByComparingTo("1250000.50");
        assertThat(parsed.problems()).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" for a percentage -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            95%   | 95
            95 %  | 95
            87,5  | 87.5
            100   | 100
            0     | 0
            """)
    void percentages(String text, BigDecimal expected) {
        ParsedRow parsed = parse("33.74", "2025", "KES-K01.TAHAP1_PENGUMPULAN_DATA", text);
        assertThat(accepted(parsed).amount()).isEqualByComparingTo(expected);
        assertThat(parsed.problems()).isEmpty();
    }

    @Test
    @DisplayName("region code 3374 is read as 33.74, with a note")
    void regionWithoutDot() {
        ParsedRow parsed = parse("3374", "2025", "KES-K01.SASARAN", 1000);

        assertThat(accepted(parsed).regionCode()).isEqualTo("33.74");
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.NOTE);
            assertThat(p.code()).isEqualTo("region_without_dot");
            assertThat(p.column()).isEqualTo("A");
            assertThat(p.found()).isEqualTo("3374");
            assertThat(p.args()).containsExactly("33.74");
        });
        // the same as a numeric cell
        assertThat(accepted(parse(new BigDecimal("3374"), "2025", "KES-K01.SASARAN", 1000)).regionCode()).isEqualTo("33.74");
    }

    @Test
    @DisplayName("region 11.1 (Excel's 11.10) is read as 11.10 Kabupaten Aceh Singkil, with a warning")
    void regionShortenedByExcel() {
        ParsedRow parsed = parse(new BigDecimal("11.1"), "2025", "KES-K01.SASARAN", 1000);

        assertThat(accepted(parsed).regionCode()).isEqualTo("11.10");
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.code()).isEqualTo("region_shortened");
            assertThat(p.column()).isEqualTo("A");
            assertThat(p.found()).isEqualTo("11.1");
            assertThat(p.args()).containsExactly("11.10", "Kabupaten Aceh Singkil");
        });
    }

    @Test
    @DisplayName("a region given by name is accepted with a warning naming the code it was read as")
    void regionByName() {
        ParsedRow parsed = parse("Kota Semarang", "2025", "KES-K01.SASARAN", 1000);

        assertThat(accepted(parsed).regionCode()).isEqualTo("33.74");
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.code()).isEqualTo("region_by_name");
            assertThat(p.args()).containsExactly("33.74", "Kota Semarang");
        });
    }

    @Test
    @DisplayName("warnings and notes do not reject: a row can carry both and still be stored")
    void warningsDoNotReject() {
        ParsedRow parsed = parse("3374", "2025", "KES-K01.ANGGARAN_RENCANA", "1.234");
        assertThat(accepted(parsed).amount()).isEqualByComparingTo("1234");
        assertThat(parsed.problems()).extracting(Problem::severity).containsExactly(Severity.NOTE, Severity.WARNING);
    }

    @Test
    @DisplayName("columns elsewhere in the sheet: letters follow the header positions (kode_data in column H)")
    void columnLettersFollowPositions() {
        List<CellValue> cells = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cells.add(CellValue.BLANK);
        }
        cells.set(1, cell("33.74"));
        cells.set(2, cell("2025"));
        cells.set(7, cell("KES-K01.NOPE"));
        cells.set(9, cell("5"));
        SourceRow row = new SourceRow(new RawRow("Rekap", 12, cells),
                Map.of(Column.REGION_CODE, 1, Column.PERIOD, 2, Column.MEASURE_CODE, 7, Column.VALUE, 9));

        Problem p = onlyRejection(parser.parse(row, DecimalConvention.COMMA));
        assertThat(p.column()).isEqualTo("H");
        assertThat(p.sheet()).isEqualTo("Rekap");
        assertThat(p.row()).isEqualTo(12);
    }

    @Test
    @DisplayName("a period before the SPM applied (2010) or not yet begun (2099) is the row's problem, never the night's")
    void periodsOutsideTheRulesOrInTheFutureAreRejectedRows() {
        ParsedRow old = parse("33.74", "2010", "KES-K01.SASARAN", 100);
        ParsedRow future = parse("33.74", "2099", "KES-K01.SASARAN", 100);

        assertThat(old.accepted()).isFalse();
        assertThat(old.problems()).extracting(Problem::code).containsExactly("period_before_rules");
        assertThat(old.problems().get(0).args()).containsExactly("2019");
        assertThat(future.accepted()).isFalse();
        assertThat(future.problems()).extracting(Problem::code).containsExactly("period_in_future");
    }

    @Test
    @DisplayName("a basis the product cannot honour is said: 'triwulan' on a stock is rejected, on a year noted")
    void aBasisThatCannotBeHonouredIsSaid() {
        Map<Column, Integer> withBasis = new java.util.EnumMap<>(POSITIONS);
        withBasis.put(Column.BASIS, 5);
        java.util.function.BiFunction<Object[], String, ParsedRow> parse = (cells, basis) -> {
            List<CellValue> row = new ArrayList<>();
            for (Object c : cells) {
                row.add(cell(c));
            }
            row.add(cell(null));
            row.add(cell(basis));
            return parser.parse(new SourceRow(new RawRow("Data", 7, row), withBasis), DecimalConvention.COMMA);
        };

        // enrolment (PEND-K01.TERLAYANI) is a count at the period's end: "this quarter only" cannot apply
        ParsedRow stock = parse.apply(new Object[] {"33.74", "2026-TW3", "PEND-K01.TERLAYANI", 500}, "triwulan");
        assertThat(stock.accepted()).isFalse();
        assertThat(stock.problems()).extracting(Problem::code).containsExactly("basis_period_only_on_stock");
        // a year is the whole year whatever the basis column says: kept, with a note
        ParsedRow year = parse.apply(new Object[] {"33.74", "2026", "KES-K03.TERLAYANI", 100}, "triwulan");
        assertThat(year.accepted()).isTrue();
        assertThat(year.value().basis()).isNull();
        assertThat(year.problems()).extracting(Problem::code).containsExactly("basis_ignored_for_year");
        // a flow of a quarter takes the declaration
        ParsedRow flow = parse.apply(new Object[] {"33.74", "2026-TW3", "KES-K01.TERLAYANI", 100}, "triwulan");
        assertThat(flow.value().basis()).isEqualTo(id.pantauspm.period.Basis.PERIOD_ONLY);
    }

    @Test
    @DisplayName("a count's round thousands keep their zeros: \"1.000\" people in a comma-delimited file is 1,000, like \"1.234\"")
    void roundThousandsOfACountAreThousands() {
        assertThat(accepted(parse("33.74", "2025", "KES-K01.SASARAN", "1.000", DecimalConvention.DOT)).amount())
                .isEqualByComparingTo("1000");
        assertThat(accepted(parse("33.74", "2025", "KES-K01.SASARAN", "12.500", DecimalConvention.DOT)).amount())
                .isEqualByComparingTo("12500");
        assertThat(accepted(parse("33.74", "2025", "KES-K01.SASARAN", "1.234", DecimalConvention.DOT)).amount())
                .isEqualByComparingTo("1234");
    }

    @Test
    @DisplayName("issue 13: a Permenkes 4/2019 item reported for 2024 is kept with a warning naming both rule versions; for 2023 it is plain")
    void aMeasureOfAnotherRuleVersionIsKeptAndWarned() {
        ParsedRow late = parse("33.74", "2024", "KES-K01.PEMERIKSAAN_USG_BUTUH", 120);
        assertThat(accepted(late).measureCode()).isEqualTo("KES-K01.PEMERIKSAAN_USG_BUTUH");
        assertThat(late.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.code()).isEqualTo("measure_not_in_version");
            assertThat(p.args()).containsExactly("2024", "2026.3", "2026.2");
        });
        assertThat(parse("33.74", "2023", "KES-K01.PEMERIKSAAN_USG_BUTUH", 120).problems()).isEmpty();
        // and the other way round: a 6/2024 item for 2023
        assertThat(parse("33.74", "2023", "KES-K01.GEL_USG_BUTUH", 8).problems()).extracting(Problem::code)
                .containsExactly("measure_not_in_version");
    }
}
