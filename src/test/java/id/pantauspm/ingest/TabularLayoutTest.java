package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("TabularLayout: finding the header row and the data rows under it")
class TabularLayoutTest {

    private static RawRow row(String sheet, int number, String... texts) {
        List<CellValue> cells = new ArrayList<>();
        for (String t : texts) {
            cells.add(t == null || t.isBlank() ? CellValue.BLANK : new CellValue.Text(t));
        }
        return new RawRow(sheet, number, cells);
    }

    /** Feeds rows in order and keeps the data rows. */
    private static List<SourceRow> feed(TabularLayout layout, RawRow... rows) {
        List<SourceRow> data = new ArrayList<>();
        for (RawRow r : rows) {
            layout.accept(r).ifPresent(data::add);
        }
        return data;
    }

    @Test
    @DisplayName("title rows and blank rows above the header are ignored; the header itself is no data")
    void headerBelowTitleRows() {
        TabularLayout layout = new TabularLayout();
        List<SourceRow> data = feed(layout,
                row("Data", 1, "LAPORAN CAPAIAN SPM BIDANG KESEHATAN"),
                row("Data", 2, "Dinas Kesehatan Kabupaten Banyumas", "", "Tahun 2025"),
                row("Data", 3),
                row("Data", 4, "No", "Kode Wilayah", "Periode", "Kode Data", "Nilai", "Keterangan"),
                row("Data", 5, "1", "33.02", "2025", "KES-K01.SASARAN", "31995", ""),
                row("Data", 6, "2", "33.02", "2025", "KES-K01.TERLAYANI", "30189", "Sebagian di bidan"));

        assertThat(data).hasSize(2);
        SourceRow first = data.get(0);
        assertThat(first.rowNumber()).isEqualTo(5);
        assertThat(first.sheet()).isEqualTo("Data");
        assertThat(first.cell(Column.REGION_CODE).asText()).isEqualTo("33.02");
        assertThat(first.cell(Column.PERIOD).asText()).isEqualTo("2025");
        assertThat(first.cell(Column.MEASURE_CODE).asText()).isEqualTo("KES-K01.SASARAN");
        assertThat(first.cell(Column.VALUE).asText()).isEqualTo("31995");
        assertThat(first.letter(Column.REGION_CODE)).isEqualTo("B");
        assertThat(first.letter(Column.VALUE)).isEqualTo("E");
        assertThat(first.letter(Column.NOTE)).isEqualTo("F");
        assertThat(data.get(1).cell(Column.NOTE).asText()).isEqualTo("Sebagian di bidan");
        assertThat(layout.foundAnyHeader()).isTrue();
        assertThat(layout.sheetsWithoutHeader()).isEmpty();
    }

    @Test
    @DisplayName("aliases and other spellings: KODE_WILAYAH, Kode Daerah, region_code, Kode Indikator, Jumlah ...")
    void headerAliases() {
        TabularLayout layout = new TabularLayout();
        List<SourceRow> data = feed(layout,
                row("S", 1, "Jumlah", "Kode Indikator", "PERIODE", "KODE_WILAYAH", "Catatan"),
                row("S", 2, "12", "KES-K01.SASARAN", "2025", "33.02", "ok"));

        assertThat(data).singleElement().satisfies(r -> {
            assertThat(r.letter(Column.VALUE)).isEqualTo("A");
            assertThat(r.letter(Column.MEASURE_CODE)).isEqualTo("B");
            assertThat(r.letter(Column.PERIOD)).isEqualTo("C");
            assertThat(r.letter(Column.REGION_CODE)).isEqualTo("D");
            assertThat(r.cell(Column.NOTE).asText()).isEqualTo("ok");
        });
    }

    @ParameterizedTest(name = "\"{0}\" is column {1}")
    @CsvSource(delimiter = '|', textBlock = """
            kode_wilayah      | REGION_CODE
            KODE_WILAYAH      | REGION_CODE
            Kode Wilayah      | REGION_CODE
            KodeWilayah       | REGION_CODE
            Kode-Wilayah      | REGION_CODE
            Kode Daerah       | REGION_CODE
            region_code       | REGION_CODE
            Region Code       | REGION_CODE
            periode           | PERIOD
            Period            | PERIOD
            kode_data         | MEASURE_CODE
            Kode Indikator    | MEASURE_CODE
            measure_code      | MEASURE_CODE
            Indicator Code    | MEASURE_CODE
            Nilai             | VALUE
            value             | VALUE
            Jumlah            | VALUE
            Realisasi         | VALUE
            Keterangan        | NOTE
            note              | NOTE
            catatan           | NOTE
            Nama Wilayah      | REGION_NAME
            region_name       | REGION_NAME
            Nama Data         | MEASURE_NAME
            Satuan            | UNIT
            unit              | UNIT
            ' Nilai '         | VALUE
            Kode Wilayah:     | REGION_CODE
            """)
    void headerSpellings(String header, Column column) {
        assertThat(Column.forHeader(header)).contains(column);
    }

    @ParameterizedTest(name = "\"{0}\" is no column")
    @ValueSource(strings = {"No", "Kode", "Wilayah", "Tahun", "Capaian", ""})
    void notAHeader(String header) {
        assertThat(Column.forHeader(header)).isEmpty();
    }

    @Test
    @DisplayName("a row with only three of the four required headers is not the header")
    void allFourRequiredHeadersAreNeeded() {
        TabularLayout layout = new TabularLayout();
        List<SourceRow> data = feed(layout,
                row("S", 1, "kode_wilayah", "periode", "nilai", "keterangan"),
                row("S", 2, "33.02", "2025", "12", ""));

        assertThat(data).isEmpty();
        assertThat(layout.foundAnyHeader()).isFalse();
        assertThat(layout.sheetsWithoutHeader()).containsExactly("S");
    }

    @Test
    @DisplayName("a sheet without a header (notes, instructions) is skipped and listed; other sheets are read")
    void sheetWithoutHeaderIsListed() {
        TabularLayout layout = new TabularLayout();
        List<SourceRow> data = feed(layout,
                row("Petunjuk", 1, "Isi kolom nilai dengan angka."),
                row("Petunjuk", 2, "Jangan ubah kode data."),
                row("Data", 1, "kode_wilayah", "periode", "kode_data", "nilai"),
                row("Data", 2, "33.02", "2025", "KES-K01.SASARAN", "31995"),
                row("Grafik", 1));

        assertThat(data).extracting(SourceRow::sheet).containsExactly("Data");
        assertThat(layout.sheetsWithoutHeader()).containsExactly("Petunjuk", "Grafik");
        assertThat(layout.foundAnyHeader()).isTrue();
    }

    @Test
    @DisplayName("each sheet has its own header, in its own columns")
    void headerPerSheet() {
        TabularLayout layout = new TabularLayout();
        List<SourceRow> data = feed(layout,
                row("KES", 1, "kode_wilayah", "periode", "kode_data", "nilai"),
                row("KES", 2, "33.02", "2025", "KES-K01.SASARAN", "31995"),
                row("PEND", 3, "Judul"),
                row("PEND", 4, "nilai", "kode_data", "periode", "kode_wilayah"),
                row("PEND", 5, "60815", "PEND-K01.SASARAN", "2025", "33.02"));

        assertThat(data).hasSize(2);
        assertThat(data.get(0).cell(Column.VALUE).asText()).isEqualTo("31995");
        assertThat(data.get(1).cell(Column.VALUE).asText()).isEqualTo("60815");
        assertThat(data.get(1).letter(Column.VALUE)).isEqualTo("A");
        assertThat(data.get(1).rowNumber()).isEqualTo(5);
    }

    @Test
    @DisplayName("blank rows under the header are skipped, data after them is still read")
    void blankRowsSkipped() {
        TabularLayout layout = new TabularLayout();
        List<SourceRow> data = feed(layout,
                row("S", 1, "kode_wilayah", "periode", "kode_data", "nilai"),
                row("S", 2, "33.02", "2025", "KES-K01.SASARAN", "31995"),
                row("S", 3),
                row("S", 4, "", " ", "", ""),
                row("S", 5, "33.02", "2025", "KES-K01.TERLAYANI", "30189"));

        assertThat(data).extracting(SourceRow::rowNumber).containsExactly(2, 5);
    }

    @Test
    @DisplayName("a row that is not blank but lacks a value is still a data row (the parser decides: missing)")
    void rowWithEmptyValueIsData() {
        TabularLayout layout = new TabularLayout();
        feed(layout, row("S", 1, "kode_wilayah", "periode", "kode_data", "nilai"));
        Optional<SourceRow> r = layout.accept(row("S", 2, "33.02", "2025", "KES-K01.SASARAN"));

        assertThat(r).isPresent();
        assertThat(r.get().cell(Column.VALUE).isBlank()).isTrue();
        assertThat(r.get().cell(Column.NOTE).isBlank()).isTrue();
        assertThat(r.get().letter(Column.NOTE)).isNull();
    }

    @Test
    @DisplayName("numbers in a row never make a header, even if they sit under header-like titles")
    void numericCellsAreNoHeaders() {
        TabularLayout layout = new TabularLayout();
        RawRow numbers = new RawRow("S", 1, List.of(new CellValue.Number(BigDecimal.ONE), new CellValue.Number(BigDecimal.TEN)));
        assertThat(layout.accept(numbers)).isEmpty();
        assertThat(layout.foundAnyHeader()).isFalse();
    }

    @Test
    void columnLetters() {
        assertThat(RawRow.columnLetter(0)).isEqualTo("A");
        assertThat(RawRow.columnLetter(25)).isEqualTo("Z");
        assertThat(RawRow.columnLetter(26)).isEqualTo("AA");
        assertThat(RawRow.columnLetter(27)).isEqualTo("AB");
        assertThat(RawRow.columnLetter(701)).isEqualTo("ZZ");
        assertThat(RawRow.columnLetter(702)).isEqualTo("AAA");
    }
}
