package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.pantauspm.support.Ingested;
import id.pantauspm.support.PantauHome;

/**
 * The field cases (src/test/resources/field-cases, README there): files real spreadsheet programs
 * wrote, each read as the job reads it, with the values worked out by hand from their cells.
 */
@DisplayName("Field cases: Excel's doubles, date cells, scientific notation, rupiah text, merged cells")
class FieldCasesTest {

    static final Path CASES = PantauHome.PROJECT.resolve("src/test/resources/field-cases");

    private static Ingested read(String name) {
        return Ingested.read(CASES.resolve(name));
    }

    @Test
    @DisplayName("A: 17-digit doubles read at Excel's 15 digits, in cells and in a SUM's cached result")
    void excelDoubles() {
        Ingested in = read("A-excel-17digit-doubles.xlsx");

        assertThat(in.refusal()).isNull();
        assertThat(in.values()).extracting("rowNumber", "regionCode", "periodCode", "measureCode", "amount").containsExactly(
                tuple(2, "33.74", "2026-TW3", "KES-K01.SASARAN", new java.math.BigDecimal("31995")),
                tuple(3, "33.74", "2026-TW3", "KES-K01.TAHAP1_PENGUMPULAN_DATA", new java.math.BigDecimal("57")),
                tuple(4, "33.74", "2026-TW3", "KES-K01.ANGGARAN_REALISASI", new java.math.BigDecimal("1234567.89")),
                tuple(5, "33.74", "2026-TW3", "KES-K01.TERLAYANI", new java.math.BigDecimal("30189")),
                tuple(6, "33.10", "2026-TW3", "KES-K01.SASARAN", new java.math.BigDecimal("28000")));
        assertThat(in.problems()).extracting(Problem::code, Problem::row, Problem::column, Problem::found)
                .containsExactly(tuple("region_shortened", 6, "A", "33.1"));
        assertThat(in.rejectedRows()).isZero();
    }

    @Test
    @DisplayName("C1: ISO date cells in an extra column do not refuse the file")
    void isoDateCellsInAnExtraColumn() {
        Ingested in = read("C1-iso-date-cell-in-extra-column.xlsx");

        assertThat(in.refusal()).isNull();
        assertThat(in.values()).extracting("measureCode", "amount").containsExactly(
                tuple("KES-K01.SASARAN", new java.math.BigDecimal("31995")),
                tuple("KES-K01.TERLAYANI", new java.math.BigDecimal("30189")));
        assertThat(in.problems()).isEmpty();
    }

    @Test
    @DisplayName("C2: an ISO date cell shown as mmm-yy is the month 2026-07")
    void isoDateCellAsMonthPeriod() {
        Ingested in = read("C2-iso-date-cell-as-month-period.xlsx");

        assertThat(in.values()).extracting("periodCode", "measureCode", "amount").containsExactly(
                tuple("2026-07", "KES-K01.SASARAN", new java.math.BigDecimal("31995")),
                tuple("2026-07", "KES-K01.TERLAYANI", new java.math.BigDecimal("2410")));
        assertThat(in.problems()).isEmpty();
    }

    @Test
    @DisplayName("M: 1,25E+11 accepted as 125000000000 with a warning; 1,23457E+11 (digits lost) rejected")
    void scientificNotation() {
        Ingested in = read("M-scientific-notation.csv");

        assertThat(in.values()).extracting("rowNumber", "measureCode", "amount")
                .containsExactly(tuple(2, "KES-K01.ANGGARAN_RENCANA", new java.math.BigDecimal("125000000000")));
        assertThat(in.problems()).extracting(Problem::severity, Problem::code, Problem::row, Problem::column, Problem::found)
                .containsExactly(
                        tuple(Problem.Severity.WARNING, "value_scientific", 2, "D", "1,25E+11"),
                        tuple(Problem.Severity.ROW_REJECTED, "value_scientific_digits_lost", 3, "D", "1,23457E+11"));
        assertThat(in.problems().get(0).args()).containsExactly("125000000000");
    }

    @Test
    @DisplayName("N: rupiah text with Rp, IDR, spaces and ,- read as amounts")
    void rupiahText() {
        Ingested in = read("N-rupiah-currency-text.csv");

        assertThat(in.values()).extracting("measureCode", "amount").containsExactly(
                tuple("KES-K01.ANGGARAN_RENCANA", new java.math.BigDecimal("1250000000")),
                tuple("KES-K01.ANGGARAN_REALISASI", new java.math.BigDecimal("1234567.00")),
                tuple("KES-K02.ANGGARAN_RENCANA", new java.math.BigDecimal("750000000")),
                tuple("KES-K02.ANGGARAN_REALISASI", new java.math.BigDecimal("1500000")),
                tuple("KES-K03.ANGGARAN_REALISASI", new java.math.BigDecimal("2000000")));
        assertThat(in.problems()).isEmpty();
    }

    @Test
    @DisplayName("N: rupiah text is an amount only: a count written with Rp is rejected at its cell")
    void rupiahOnlyForAmounts() {
        Ingested in = Ingested.readText("rp.csv", "kode_wilayah;periode;kode_data;nilai\n33.74;2026;KES-K01.SASARAN;Rp 1.500\n");

        assertThat(in.values()).isEmpty();
        assertThat(in.problems()).extracting(Problem::code, Problem::row, Problem::column, Problem::found)
                .containsExactly(tuple("value_currency_not_expected", 2, "D", "Rp 1.500"));
    }

    @Test
    @DisplayName("Q: region and period merged over three rows are every row's region and period")
    void mergedRegionAndPeriod() {
        Ingested in = read("Q-merged-region-period.xlsx");

        assertThat(in.values()).extracting("rowNumber", "regionCode", "periodCode", "measureCode", "amount").containsExactly(
                tuple(2, "33.74", "2026-TW3", "KES-K01.SASARAN", new java.math.BigDecimal("31995")),
                tuple(3, "33.74", "2026-TW3", "KES-K01.TERLAYANI", new java.math.BigDecimal("30189")),
                tuple(4, "33.74", "2026-TW3", "KES-K02.SASARAN", new java.math.BigDecimal("30423")));
        assertThat(in.problems()).isEmpty();
    }

    @Test
    @DisplayName("the same quirks in every reader: the cases written again by LibreOffice as xls read the same")
    void sameInXls() throws Exception {
        var office = id.pantauspm.support.LibreOffice.installed();
        Path dir = java.nio.file.Files.createTempDirectory("pantau-cases");
        for (String name : List.of("A-excel-17digit-doubles.xlsx", "Q-merged-region-period.xlsx")) {
            Path xls = office.convert(CASES.resolve(name), "xls:MS Excel 97", dir.resolve("xls"), dir.resolve("profile"));
            Ingested original = read(name);
            Ingested again = Ingested.read(xls);
            assertThat(again.values()).as(name).extracting("regionCode", "periodCode", "measureCode", "amount")
                    .containsExactlyElementsOf(original.values().stream()
                            .map(v -> tuple(v.regionCode(), v.periodCode(), v.measureCode(), v.amount())).toList());
        }
    }
}
