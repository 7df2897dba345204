package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.ingest.Problem.Severity;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.report.ReceiptWriter;

/**
 * Values that used to stop the whole night (issue 10) are checked where they are parsed and become a row problem
 * located at sheet "Data", row 7, column D, said in the clerk's language. Columns: A region, B period, C measure,
 * D value, E note.
 */
@DisplayName("Poison values: too long, beyond the population, not finite: a located row problem, never a crash")
class PoisonValuesTest {

    private static final Map<Column, Integer> POSITIONS = Map.of(
            Column.REGION_CODE, 0, Column.PERIOD, 1, Column.MEASURE_CODE, 2, Column.VALUE, 3, Column.NOTE, 4);

    private static RowParser parser;

    @BeforeAll
    static void load() {
        parser = new RowParser(new CatalogueLoader().load(Path.of("indicators")), RegionDirectory.official());
    }

    private static ParsedRow parse(String region, String measure, CellValue value) {
        List<CellValue> cells = new ArrayList<>(List.of(new CellValue.Text(region), new CellValue.Text("2025"),
                new CellValue.Text(measure), value, CellValue.BLANK));
        return parser.parse(new SourceRow(new RawRow("Data", 7, cells), POSITIONS), DecimalConvention.COMMA);
    }

    private static ParsedRow parse(String region, String measure, String text) {
        return parse(region, measure, new CellValue.Text(text));
    }

    private static Problem rejection(ParsedRow parsed) {
        assertThat(parsed.accepted()).as("rejected: %s", parsed.problems()).isFalse();
        List<Problem> r = parsed.problems().stream().filter(p -> p.severity() == Severity.ROW_REJECTED).toList();
        assertThat(r).hasSize(1);
        Problem p = r.get(0);
        assertThat(p.sheet()).isEqualTo("Data");
        assertThat(p.row()).isEqualTo(7);
        assertThat(p.column()).isEqualTo("D");
        return p;
    }

    private static String sentence(Problem p, String lang) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/ingest");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new ReceiptWriter(messages, Locale.forLanguageTag(lang)).describe(p);
    }

    @Test
    @DisplayName("a count typed with 21 digits: more than the 20 whole digits the schema holds")
    void twentyOneDigits() {
        Problem p = rejection(parse("33.74", "KES-K01.SASARAN", "123456789012345678901"));
        assertThat(p.code()).isEqualTo("value_too_many_digits");
        assertThat(sentence(p, "id")).contains("lembar \"Data\"", "baris 7", "kolom D", "123456789012345678901",
                "lebih dari 20 angka");
        assertThat(sentence(p, "en")).contains("more than 20 digits");
        // A typed number cell too (Excel keeps 15 significant digits, but the exponent can be anything).
        assertThat(rejection(parse("33.74", "KES-K01.SASARAN", new CellValue.Number(new BigDecimal("1E+21")))).code())
                .isEqualTo("value_too_many_digits");
        // 20 digits of people are within the schema's limit (and then held to the population, below).
        assertThat(rejection(parse("33.74", "KES-K01.SASARAN", new CellValue.Number(new BigDecimal("99999999999999999999"))))
                .code()).isEqualTo("value_above_population");
        // An amount: up to Rp 999.999.999.999.999 (15 digits) is accepted, Rp 1.000 triliun (16 digits) is not.
        assertThat(parse("33.74", "KES-K01.ANGGARAN_RENCANA", new CellValue.Number(new BigDecimal("999999999999999")))
                .accepted()).isTrue();
        Problem amount = rejection(parse("33.74", "KES-K01.ANGGARAN_RENCANA",
                new CellValue.Number(new BigDecimal("1000000000000000"))));
        assertThat(amount.code()).isEqualTo("value_too_many_digits");
        assertThat(sentence(amount, "id")).contains("lebih dari 15 angka");
    }

    @Test
    @DisplayName("a 16-digit NIK pasted into TERLAYANI: above twice Kota Semarang's 1,702,379 people")
    void nikInServed() {
        Problem p = rejection(parse("33.74", "KES-K01.TERLAYANI", new CellValue.Number(new BigDecimal("3374012345678901"))));
        assertThat(p.code()).isEqualTo("value_above_population");
        // 2 x 1,702,379 = 3,404,758: the bound named in the sentence, in the Indonesian convention.
        assertThat(sentence(p, "id")).contains("3.404.758", "1.702.379", "33.74", "baris 7", "kolom D");
        assertThat(sentence(p, "en")).contains("3,404,758", "1,702,379");
    }

    @Test
    @DisplayName("the population bound is exact: 3,404,758 served in Kota Semarang is kept, 3,404,759 is not")
    void boundIsExact() {
        ParsedRow atBound = parse("33.74", "KES-K01.TERLAYANI", new CellValue.Number(new BigDecimal("3404758")));
        assertThat(atBound.accepted()).as("%s", atBound.problems()).isTrue();
        assertThat(rejection(parse("33.74", "KES-K01.SASARAN", new CellValue.Number(new BigDecimal("3404759")))).code())
                .isEqualTo("value_above_population");
        // Items are not people: 3,404,759 iron tablets (90 per pregnant woman) are only held to the digit limit.
        ParsedRow tablets = parse("33.74", "KES-K01.TABLET_TAMBAH_DARAH_TERSEDIA", new CellValue.Number(new BigDecimal("3404759")));
        assertThat(tablets.accepted()).as("%s", tablets.problems()).isTrue();
    }

    @Test
    @DisplayName("the factor is a setting: with 1.5, Kudus (877,821 people) may report at most 1,316,731")
    void factorIsASetting() {
        RowParser strict = new RowParser(new CatalogueLoader().load(Path.of("indicators")), RegionDirectory.official(),
                java.time.Clock.systemDefaultZone(), new BigDecimal("1.5"));
        // 877,821 x 1.5 = 1,316,731.5, floored: 1,316,731
        List<CellValue> ok = new ArrayList<>(List.of(new CellValue.Text("33.19"), new CellValue.Text("2025"),
                new CellValue.Text("KES-K01.SASARAN"), new CellValue.Number(new BigDecimal("1316731")), CellValue.BLANK));
        assertThat(strict.parse(new SourceRow(new RawRow("Data", 7, ok), POSITIONS), DecimalConvention.COMMA).accepted()).isTrue();
        ok.set(3, new CellValue.Number(new BigDecimal("1316732")));
        assertThat(strict.parse(new SourceRow(new RawRow("Data", 7, ok), POSITIONS), DecimalConvention.COMMA).accepted()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"NaN", "nan", "Infinity", "-Infinity", "+inf", "\u221E", "1.#INF", "-1.#IND", "1.#QNAN"})
    @DisplayName("non-finite numbers written as text by other programs are refused as such")
    void nonFinite(String text) {
        Problem p = rejection(parse("33.74", "KES-K01.SASARAN", text));
        assertThat(p.code()).isEqualTo("value_not_finite");
        assertThat(sentence(p, "id")).contains("bukan angka yang sah", "kolom D").doesNotContain("Exception", "Infinite or NaN");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"1E+308", "9,9E+999", "1,5E+21"})
    @DisplayName("scientific notation beyond the schema (1e308) is too many digits, never a failed write")
    void hugeScientific(String text) {
        assertThat(rejection(parse("33.74", "KES-K01.ANGGARAN_REALISASI", text)).code()).isEqualTo("value_too_many_digits");
        // not Excel's notation (lower case, no sign): not read as a number at all (NumberTextTest), still the row's problem
        assertThat(rejection(parse("33.74", "KES-K01.ANGGARAN_REALISASI", "1e308")).code()).isEqualTo("value_unreadable");
    }

    @Test
    @DisplayName("percentages keep their range; decimals beyond the schema's four are rounded as the database rounds")
    void percentAndDecimals() {
        assertThat(rejection(parse("33.74", "KES-K01.CAPAIAN_DILAPORKAN", "-0,5")).code()).isEqualTo("value_percent_range");
        MeasuredValue v = parse("33.74", "KES-K01.ANGGARAN_REALISASI",
                new CellValue.Number(new BigDecimal("1250000.123456"))).value();
        // 1,250,000.123456 to four decimals, half up: 1,250,000.1235
        assertThat(v.amount()).isEqualByComparingTo("1250000.1235");
    }
}
