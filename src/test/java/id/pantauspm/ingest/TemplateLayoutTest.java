package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.regions.RegionDirectory;

/**
 * Layout 2, the fill-in template, as a reader yields its rows: the first sheet "Petunjuk" with the
 * marker in A1 and the metadata (B4 region, B6 period), then field sheets with the header in row 3
 * (A service, B kode data, C nama, D jenis, E satuan, F nilai, G keterangan).
 */
@DisplayName("TemplateLayout and Layouts.detecting(): the fill-in template read back")
class TemplateLayoutTest {

    private static RawRow row(String sheet, int number, Object... contents) {
        List<CellValue> cells = new ArrayList<>();
        for (Object c : contents) {
            if (c instanceof CellValue v) {
                cells.add(v);
            } else if (c instanceof Number n) {
                cells.add(new CellValue.Number(new BigDecimal(n.toString())));
            } else {
                cells.add(c == null || c.toString().isEmpty() ? CellValue.BLANK : new CellValue.Text(c.toString()));
            }
        }
        return new RawRow(sheet, number, cells);
    }

    private static List<RawRow> metadata(Object region, Object period) {
        return List.of(
                row("Petunjuk", 1, TemplateLayout.MARKER),
                row("Petunjuk", 2, "Template Isian Standar Pelayanan Minimal (SPM)"),
                row("Petunjuk", 4, "Kode wilayah", region),
                row("Petunjuk", 5, "Nama wilayah", "Kota Semarang"),
                row("Petunjuk", 6, "Periode", period),
                row("Petunjuk", 7, "Keterangan periode", "Triwulan III tahun 2026"),
                row("Petunjuk", 9, "Nama perangkat daerah (dinas)", "Dinas Kesehatan Kota Semarang"),
                row("Petunjuk", 16, "1. Isi kolom Nilai pada lembar setiap bidang ..."));
    }

    private static List<RawRow> kesSheet() {
        return List.of(
                row("KES", 1, "Kesehatan (KES): Kota Semarang (33.74), Triwulan III tahun 2026"),
                row("KES", 2, "Isi kolom Nilai (kuning). ..."),
                row("KES", 3, "Kode layanan", "Kode data", "Nama data", "Jenis", "Satuan", "Nilai", "Keterangan"),
                row("KES", 4, "KES-K01", "", "Pelayanan kesehatan ibu hamil"),
                row("KES", 5, "KES-K01", "KES-K01.SASARAN", "Jumlah ibu hamil", "proses", "orang", 28678, ""),
                row("KES", 6, "KES-K01", "KES-K01.TERLAYANI", "Jumlah ibu hamil terlayani", "output", "orang", 26404, "Data SIMPUS"),
                row("KES", 7, "KES-K01", "KES-K01.TAHAP1_PENGUMPULAN_DATA", "Progres tahap 1", "proses", "persen", "", ""),
                row("KES", 8, "KES-K01", "KES-K01.ANGGARAN_RENCANA", "Anggaran", "input", "rupiah", "-", "belum ada DPA"),
                row("KES", 9, "KES-K01", "KES-K01.ANGGARAN_REALISASI", "Realisasi", "input", "rupiah", " ", "catatan tanpa nilai"));
    }

    private static List<SourceRow> feed(Layout layout, List<RawRow> rows) {
        List<SourceRow> data = new ArrayList<>();
        for (RawRow r : rows) {
            layout.accept(r).ifPresent(data::add);
        }
        return data;
    }

    private static List<RawRow> template(Object region, Object period) {
        List<RawRow> rows = new ArrayList<>(metadata(region, period));
        rows.addAll(kesSheet());
        return rows;
    }

    @Test
    @DisplayName("rows with a code and a value are data; region and period come from the metadata cells")
    void filledRowsWithRegionAndPeriodFromTheMetadata() {
        Layout layout = Layouts.detecting();
        List<SourceRow> data = feed(layout, template("33.74", "2026-TW3"));

        assertThat(data).extracting(r -> r.cell(Column.MEASURE_CODE).asText())
                .containsExactly("KES-K01.SASARAN", "KES-K01.TERLAYANI", "KES-K01.ANGGARAN_RENCANA");
        SourceRow first = data.get(0);
        assertThat(first.sheet()).isEqualTo("KES");
        assertThat(first.rowNumber()).isEqualTo(5);
        assertThat(first.cell(Column.VALUE)).isEqualTo(new CellValue.Number(new BigDecimal("28678")));
        assertThat(first.letter(Column.MEASURE_CODE)).isEqualTo("B");
        assertThat(first.letter(Column.VALUE)).isEqualTo("F");
        assertThat(data.get(1).cell(Column.NOTE).asText()).isEqualTo("Data SIMPUS");
        assertThat(data.get(1).letter(Column.NOTE)).isEqualTo("G");
        // Region and period: the metadata cells, located where the clerk sees them.
        assertThat(first.cell(Column.REGION_CODE).asText()).isEqualTo("33.74");
        assertThat(first.sheetOf(Column.REGION_CODE)).isEqualTo("Petunjuk");
        assertThat(first.rowOf(Column.REGION_CODE)).isEqualTo(4);
        assertThat(first.letter(Column.REGION_CODE)).isEqualTo("B");
        assertThat(first.cell(Column.PERIOD).asText()).isEqualTo("2026-TW3");
        assertThat(first.rowOf(Column.PERIOD)).isEqualTo(6);
        assertThat(first.letter(Column.PERIOD)).isEqualTo("B");
        // The metadata sheet is read, not skipped; the field sheet had its header.
        assertThat(layout.foundAnyHeader()).isTrue();
        assertThat(layout.sheetsWithoutHeader()).isEmpty();
    }

    @Test
    @DisplayName("through RowParser: values stored with the metadata's region and period; \"-\" is missing, an empty value is no row")
    void parsedAsTheJobParsesIt() {
        RowParser parser = new RowParser(new CatalogueLoader().load(Path.of("indicators")), RegionDirectory.official());
        List<ParsedRow> parsed = feed(Layouts.detecting(), template("33.74", "2026-TW3")).stream()
                .map(r -> parser.parse(r, DecimalConvention.COMMA)).toList();

        assertThat(parsed).allMatch(ParsedRow::accepted).allMatch(p -> p.problems().isEmpty());
        assertThat(parsed).extracting(p -> p.value().regionCode()).containsOnly("33.74");
        assertThat(parsed).extracting(p -> p.value().periodCode()).containsOnly("2026-TW3");
        assertThat(parsed.get(0).value().amount()).isEqualByComparingTo("28678");
        assertThat(parsed.get(0).value().sheet()).isEqualTo("KES");
        assertThat(parsed.get(0).value().rowNumber()).isEqualTo(5);
        assertThat(parsed.get(1).value().note()).isEqualTo("Data SIMPUS");
        assertThat(parsed.get(2).value().amount()).as("the clerk typed -: missing, never zero").isNull();
        assertThat(parsed.get(2).value().note()).isEqualTo("belum ada DPA");
    }

    @Test
    @DisplayName("issue 8: the \"Sifat angka\" cell declares what every value counts: triwulan = the quarter alone")
    void theBasisCellDeclaresTheBasisOfEveryValue() {
        RowParser parser = new RowParser(new CatalogueLoader().load(Path.of("indicators")), RegionDirectory.official());
        List<RawRow> rows = new ArrayList<>(metadata("33.74", "2026-TW3"));
        rows.add(row("Petunjuk", 14, "Sifat angka", "triwulan"));
        rows.addAll(kesSheet());

        List<ParsedRow> parsed = feed(Layouts.detecting(), rows).stream().map(r -> parser.parse(r, DecimalConvention.COMMA)).toList();

        assertThat(parsed).allMatch(ParsedRow::accepted);
        // the flow (people served) takes it; the stocks (target population, planned budget) are counts at the end
        assertThat(parsed).extracting(p -> p.value().measureCode() + "=" + p.value().basis()).containsExactly(
                "KES-K01.SASARAN=null", "KES-K01.TERLAYANI=PERIOD_ONLY", "KES-K01.ANGGARAN_RENCANA=null");
        // without the cell (a template of a year, or an older one), nothing is declared: the rule version decides
        List<ParsedRow> undeclared = feed(Layouts.detecting(), template("33.74", "2026-TW3")).stream()
                .map(r -> parser.parse(r, DecimalConvention.COMMA)).toList();
        assertThat(undeclared).extracting(p -> p.value().basis()).containsOnlyNulls();
    }

    @Test
    @DisplayName("a region or period the clerk changed to another valid one is taken: the content decides")
    void changedMetadataIsAccepted() {
        RowParser parser = new RowParser(new CatalogueLoader().load(Path.of("indicators")), RegionDirectory.official());
        List<ParsedRow> parsed = feed(Layouts.detecting(), template("3319", "Triwulan II 2026")).stream()
                .map(r -> parser.parse(r, DecimalConvention.COMMA)).toList();

        assertThat(parsed).allMatch(ParsedRow::accepted);
        assertThat(parsed).extracting(p -> p.value().regionCode()).containsOnly("33.19");
        assertThat(parsed).extracting(p -> p.value().periodCode()).containsOnly("2026-TW2");
    }

    @Test
    @DisplayName("a bad region or period rejects the rows and points at the metadata cell")
    void badMetadataIsReportedAtTheMetadataCell() {
        RowParser parser = new RowParser(new CatalogueLoader().load(Path.of("indicators")), RegionDirectory.official());
        List<ParsedRow> parsed = feed(Layouts.detecting(), template("99.99", "TW 9")).stream()
                .map(r -> parser.parse(r, DecimalConvention.COMMA)).toList();

        assertThat(parsed).hasSize(3).noneMatch(ParsedRow::accepted);
        Problem region = parsed.get(0).problems().stream().filter(p -> p.code().equals("region_unknown")).findFirst().orElseThrow();
        assertThat(region.sheet()).isEqualTo("Petunjuk");
        assertThat(region.row()).isEqualTo(4);
        assertThat(region.column()).isEqualTo("B");
        assertThat(region.found()).isEqualTo("99.99");
        Problem period = parsed.get(0).problems().stream().filter(p -> p.code().equals("period_unreadable")).findFirst().orElseThrow();
        assertThat(period.sheet()).isEqualTo("Petunjuk");
        assertThat(period.row()).isEqualTo(6);
        assertThat(period.column()).isEqualTo("B");
        assertThat(period.found()).isEqualTo("TW 9");
    }

    @Test
    @DisplayName("metadata labels deleted: the rows say the region and period are missing, at B4 and B6")
    void deletedMetadataPointsWhereItBelongs() {
        RowParser parser = new RowParser(new CatalogueLoader().load(Path.of("indicators")), RegionDirectory.official());
        List<RawRow> rows = new ArrayList<>(List.of(row("Petunjuk", 1, TemplateLayout.MARKER)));
        rows.addAll(kesSheet());
        List<ParsedRow> parsed = feed(Layouts.detecting(), rows).stream().map(r -> parser.parse(r, DecimalConvention.COMMA)).toList();

        assertThat(parsed).hasSize(3).noneMatch(ParsedRow::accepted);
        assertThat(parsed.get(0).problems()).extracting(Problem::code, Problem::sheet, Problem::row, Problem::column)
                .contains(org.assertj.core.groups.Tuple.tuple("region_missing", "Petunjuk", 4, "B"),
                        org.assertj.core.groups.Tuple.tuple("period_missing", "Petunjuk", 6, "B"));
    }

    @Test
    @DisplayName("English labels and headers read the same; a numeric year in the period cell too")
    void englishTemplate() {
        List<RawRow> rows = List.of(
                row("Instructions", 1, "pantau-spm template v1"),
                row("Instructions", 4, "Region code", "33.74"),
                row("Instructions", 6, "Period", 2026),
                row("KES", 3, "Service code", "Measure code", "Measure name", "Kind", "Unit", "Value", "Note"),
                row("KES", 5, "KES-K01", "KES-K01.SASARAN", "Pregnant women", "process", "orang", 28678, "ok"));
        List<SourceRow> data = feed(Layouts.detecting(), rows);

        assertThat(data).singleElement().satisfies(r -> {
            assertThat(r.cell(Column.REGION_CODE).asText()).isEqualTo("33.74");
            assertThat(r.cell(Column.PERIOD).asText()).isEqualTo("2026");
            assertThat(r.cell(Column.NOTE).asText()).isEqualTo("ok");
            assertThat(r.sheetOf(Column.PERIOD)).isEqualTo("Instructions");
        });
    }

    @Test
    @DisplayName("a template nobody filled in has no rows, and no sheet is said to be skipped")
    void emptyTemplate() {
        List<RawRow> rows = new ArrayList<>(metadata("33.74", "2026-TW3"));
        rows.add(row("KES", 3, "Kode layanan", "Kode data", "Nama data", "Jenis", "Satuan", "Nilai", "Keterangan"));
        rows.add(row("KES", 5, "KES-K01", "KES-K01.SASARAN", "Jumlah ibu hamil", "proses", "orang"));
        rows.add(row("Catatan", 1, "catatan pribadi petugas"));
        Layout layout = Layouts.detecting();

        assertThat(feed(layout, rows)).isEmpty();
        assertThat(layout.foundAnyHeader()).isTrue();
        assertThat(layout.sheetsWithoutHeader()).containsExactly("Catatan");
    }

    @Test
    @DisplayName("without the marker in A1 of the first sheet, a file is read as layout 1")
    void withoutTheMarkerLayoutOne() {
        Layout layout = Layouts.detecting();
        List<SourceRow> data = feed(layout, List.of(
                row("Data", 1, "LAPORAN SPM"),
                row("Data", 2, "kode_wilayah", "periode", "kode_data", "nilai"),
                row("Data", 3, "33.74", "2025", "KES-K01.SASARAN", 28678)));
        assertThat(data).singleElement().satisfies(r -> {
            assertThat(r.letter(Column.REGION_CODE)).isEqualTo("A");
            assertThat(r.sheetOf(Column.REGION_CODE)).isEqualTo("Data");
        });

        // The marker below row 1, or a template without its marker, is no template.
        Layout moved = Layouts.detecting();
        List<RawRow> rows = new ArrayList<>(List.of(row("Petunjuk", 2, TemplateLayout.MARKER)));
        rows.addAll(kesSheet());
        assertThat(feed(moved, rows)).isEmpty();
        assertThat(moved.foundAnyHeader()).isFalse();

        Layout nothing = Layouts.detecting();
        assertThat(nothing.foundAnyHeader()).isFalse();
        assertThat(nothing.sheetsWithoutHeader()).isEmpty();
    }
}
