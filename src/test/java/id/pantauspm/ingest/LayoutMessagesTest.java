package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.pantauspm.report.Messages;
import id.pantauspm.report.ReceiptWriter;
import id.pantauspm.support.Ingested;

/**
 * The receipt lines of every kind of problem and note issue 9 added (layouts, words, sums, quirks),
 * in Bahasa Indonesia and English: each has its sentence, every argument is in it, no placeholder
 * is left, and a refusal says what to do.
 */
@DisplayName("Layout and quirk messages: every new kind of receipt line in both languages")
class LayoutMessagesTest {

    static final List<Problem> ALL = List.of(
            Problem.note("sheet_hidden", "Daftar", "Daftar"),
            Problem.note("sheet_read_with_layout", "Data", "Data", "OPEN_DATA_JABAR", "Open Data Jabar", "layouts/open-data-jabar.yaml"),
            Problem.note("sheet_read_by_words", "Data", "Data"),
            new Problem(Problem.Severity.NOTE, "columns_not_read", "Data", 1, null, null, List.of("id, satuan")),
            new Problem(Problem.Severity.NOTE, "column_not_recognised", "Data", 1, "C", "keterangan lain", List.of()),
            new Problem(Problem.Severity.NOTE, "column_read_as_layout", "Data", 1, "E", "est", List.of("KES-K08.SASARAN", "X_LAYOUT")),
            new Problem(Problem.Severity.NOTE, "column_read_as_row_service", "Data", 5, "D", "Sasaran", List.of("SASARAN", "C")),
            new Problem(Problem.Severity.NOTE, "column_read_as_words", "Data", 1, "F", "jumlah_penderita_dm", List.of("KES-K09.SASARAN", "penderita", "dm")),
            new Problem(Problem.Severity.NOTE, "column_read_as_words_file", "Data", 1, "E", "jumlah_estimasi_penderita",
                    List.of("KES-K08.SASARAN", "estimasi", "hipertensi")),
            new Problem(Problem.Severity.NOTE, "column_read_as_service", "Data", 1, "B", "Pelayanan Kesehatan Balita",
                    List.of("KES-K04.CAPAIAN_DILAPORKAN", "balita", "PROFIL_KESEHATAN_PERSEN")),
            new Problem(Problem.Severity.NOTE, "column_read_as_file_service", "Data", 1, "E", "jumlah_estimasi_penderita",
                    List.of("KES-K08.SASARAN", "hipertensi", "SATU_DATA_JAKARTA_SPM")),
            new Problem(Problem.Severity.NOTE, "column_not_summed", "Data", 1, "G", "persentase", List.of("CAPAIAN_DILAPORKAN")),
            new Problem(Problem.Severity.FILE_REFUSED, "column_service_unknown", "Data", 1, "E", "jumlah", List.of("data.csv", "")),
            new Problem(Problem.Severity.FILE_REFUSED, "column_service_ambiguous", "Data", 1, "E", "jumlah ibu hamil dan balita",
                    List.of("jumlah ibu hamil dan balita", "KES-K01 ('ibu hamil'), KES-K04 ('balita')")),
            new Problem(Problem.Severity.FILE_REFUSED, "column_measure_unknown", "Data", 1, "E", "x", List.of("KES-K08.X")),
            new Problem(Problem.Severity.FILE_REFUSED, "layout_column_missing", "Data", 1, null, null, List.of("kecamatan", "SATU_DATA_JAKARTA_SPM", "sum_over")),
            new Problem(Problem.Severity.NOTE, "row_not_recognised", "Data", 10, "B", "Jumlah puskesmas", List.of("")),
            new Problem(Problem.Severity.NOTE, "row_read_as_words", "Data", 5, "B", "Jumlah estimasi penderita hipertensi",
                    List.of("KES-K08.SASARAN", "estimasi", "hipertensi")),
            new Problem(Problem.Severity.NOTE, "row_total_skipped", "Rekap", 10, "B", "JUMLAH", List.of()),
            new Problem(Problem.Severity.NOTE, "value_zero_as_missing", "Data", 3, "F", "0", List.of("OPEN_DATA_JABAR")),
            new Problem(Problem.Severity.ROW_REJECTED, "aggregate_incomplete", "Data", 5, "E", "",
                    List.of("KES-K08.SASARAN", "31.71", "2024", "5, 7")),
            new Problem(Problem.Severity.ROW_REJECTED, "aggregate_repeated_subregion", "Data", 9, "E", "",
                    List.of("KES-K08.SASARAN", "31.71", "2024", "GAMBIR / Laki-laki (2, 9)")),
            new Problem(Problem.Severity.ROW_REJECTED, "value_currency_not_expected", "Data", 2, "D", "Rp 1.500", List.of("expected.count")),
            new Problem(Problem.Severity.WARNING, "value_scientific", "Data", 2, "D", "1,25E+11", List.of("125000000000")),
            new Problem(Problem.Severity.ROW_REJECTED, "value_scientific_digits_lost", "Data", 3, "D", "1,23457E+11", List.of()),
            new Problem(Problem.Severity.WARNING, "value_reported_above_100", "Data", 2, "C", "155.2", List.of()),
            new Problem(Problem.Severity.ROW_REJECTED, "region_name_unknown", "Data", 2, "A", "KAB. PACITN", List.of("Kabupaten Pacitan (35.01)")),
            Problem.file("file_no_header", "wilayah, tahun, angka", "OPEN_DATA_JABAR (layouts/open-data-jabar.yaml)", "kode_kabupaten_kota, satuan"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"id", "en"})
    void everyLineHasItsSentence(String lang) {
        ReceiptWriter receipts = new ReceiptWriter(Messages.create(), Locale.forLanguageTag(lang));
        for (Problem p : ALL) {
            String line = receipts.describe(p);
            assertThat(line).as(p.code()).doesNotContain("{", "}", "problem.", "expected.count", "expected.amount");
            p.args().stream().filter(a -> !a.isEmpty() && !a.startsWith("expected.")).forEach(a -> assertThat(line).as(p.code()).contains(a));
            if (p.found() != null && !p.found().isEmpty()) {
                assertThat(line).as(p.code()).contains(p.found());
            }
        }
    }

    @Test
    @DisplayName("the two languages say different sentences (no line left untranslated)")
    void translated() {
        ReceiptWriter id = new ReceiptWriter(Messages.create(), Locale.forLanguageTag("id"));
        ReceiptWriter en = new ReceiptWriter(Messages.create(), Locale.forLanguageTag("en"));
        for (Problem p : ALL) {
            assertThat(id.describe(p)).as(p.code()).isNotEqualTo(en.describe(p));
        }
    }

    @Test
    @DisplayName("a file no layout reads is refused with the headers found, the nearest layout, what it lacks, and where to go")
    void refusalThatTeaches() {
        Ingested in = Ingested.readText("rekap dinkes.csv", "Rekap capaian\nwilayah;tahun;angka\n33.74;2025;12\n");

        assertThat(in.refusal()).isNotNull();
        assertThat(in.refusal().code()).isEqualTo("file_no_header");
        assertThat(in.refusal().args()).containsExactly("wilayah, tahun, angka", "layout 1 (kode_wilayah, periode, kode_data, nilai)",
                "kode_wilayah, periode, kode_data, nilai");
        Ingested wide = Ingested.readText("jabar.csv", "id,kode_kabupaten_kota,tahun,angka\n1,3201,2019,5\n");
        assertThat(wide.refusal().args()).containsExactly("id, kode_kabupaten_kota, tahun, angka",
                "OPEN_DATA_JABAR (layouts/open-data-jabar.yaml)", "nama_kabupaten_kota, satuan");
        String id = new ReceiptWriter(Messages.create(), Locale.forLanguageTag("id")).describe(wide.refusal());
        assertThat(id).contains("Judul kolom yang ditemukan: id, kode_kabupaten_kota, tahun, angka", "OPEN_DATA_JABAR",
                "pantau template", "indicators/layouts", "pantau layout suggest");
        String en = new ReceiptWriter(Messages.create(), Locale.forLanguageTag("en")).describe(wide.refusal());
        assertThat(en).contains("Headers found: id, kode_kabupaten_kota, tahun, angka", "Nearest layout: OPEN_DATA_JABAR",
                "pantau template", "indicators/layouts");
    }
}
