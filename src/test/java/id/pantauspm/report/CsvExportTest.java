package id.pantauspm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;

import id.pantauspm.report.CsvExport.Dialect;

/** The CSV files on results made by hand: each language's dialect, parsed back with OpenCSV. */
@DisplayName("CsvExport on results made by hand")
class CsvExportTest {

    @TempDir
    Path temp;

    @Test
    void theDialectFollowsTheLanguagesSpreadsheets() {
        assertThat(Dialect.of(Locale.forLanguageTag("id-ID"))).isEqualTo(new Dialect(';', ','));
        assertThat(Dialect.of(Locale.forLanguageTag("id"))).isEqualTo(new Dialect(';', ','));
        assertThat(Dialect.of(Locale.ENGLISH)).isEqualTo(new Dialect(',', '.'));
    }

    @Test
    void inIndonesianSemicolonsAndDecimalCommaWithFixedHeadersAndEmptyCellsForWhatCannotBeComputed() throws Exception {
        ResultTables tables = ResultFixtures.tables(ResultFixtures.small(), "id");
        Path folder = new CsvExport().write(tables, temp.resolve("csv"));
        assertThat(names(folder)).containsExactlyInAnyOrder("BACA.txt", "wilayah.csv", "bidang.csv", "layanan.csv",
                "indikator.csv", "gabungan-provinsi.csv", "gabungan-bidang.csv", "gabungan-layanan.csv", "gabungan-indikator.csv",
                "ikm.csv", "ikm-unsur.csv");
        assertThat(folder.resolve("BACA.txt")).content(StandardCharsets.UTF_8).contains("titik koma (;)", "koma (92,07)", "read.csv2");

        List<String[]> services = read(folder.resolve("layanan.csv"), ';');
        assertThat(services.get(0)).startsWith("scope", "region_code", "region_name", "province_name", "region_level",
                "period_code", "period_label", "field_code", "service_code", "service_name", "target_population", "served",
                "still_to_serve", "recipient_pct_uncapped", "recipient_pct", "plan_target", "quality_pct", "mutu_items",
                "service_index", "category", "category_code", "reported_pct", "budget_planned", "budget_spent", "budget_pct",
                "stage1_pct", "stage2_pct", "stage3_pct", "stage4_pct", "status", "status_code", "warnings", "warning_codes");
        assertThat(services).hasSize(1 + 4);
        List<String> header = List.of(services.get(0));
        String[] none = services.get(1);
        assertThat(none[header.indexOf("region_code")]).isEqualTo("33.01");
        for (String empty : List.of("target_population", "served", "still_to_serve", "recipient_pct", "service_index", "category",
                "category_code", "warnings", "warning_codes")) {
            assertThat(none[header.indexOf(empty)]).as(empty).isEmpty();
        }
        assertThat(none[header.indexOf("status_code")]).isEqualTo("NOT_COMPUTABLE");
        String[] semarang = services.get(2);
        assertThat(semarang[header.indexOf("target_population")]).isEqualTo("28678");
        assertThat(semarang[header.indexOf("served")]).isEqualTo("21580,5");
        assertThat(semarang[header.indexOf("still_to_serve")]).isEqualTo("7097,5");
        assertThat(semarang[header.indexOf("recipient_pct")]).isEqualTo("75,25");
        assertThat(semarang[header.indexOf("plan_target")]).isEqualTo("75,00");
        assertThat(semarang[header.indexOf("category")]).isEqualTo("Tuntas Pratama");
        assertThat(semarang[header.indexOf("category_code")]).isEqualTo("TUNTAS_PRATAMA");

        List<String[]> regions = read(folder.resolve("wilayah.csv"), ';');
        List<String> r = List.of(regions.get(0));
        assertThat(regions.get(1)[r.indexOf("change_previous")]).isEqualTo("2,75");
        assertThat(regions.get(1)[r.indexOf("periods_covered")]).isEqualTo("2026-TW1,2026-TW2");
        assertThat(regions.get(1)[r.indexOf("derived")]).isEqualTo("false");
        assertThat(regions.get(3)[r.indexOf("previous_period")]).isEmpty();

        List<String[]> indicators = read(folder.resolve("indikator.csv"), ';');
        List<String> i = List.of(indicators.get(0));
        assertThat(indicators.get(2)[i.indexOf("indicator_value")]).isEqualTo("75,25");
        assertThat(indicators.get(2)[i.indexOf("target")]).isEqualTo("100");
    }

    @Test
    void inEnglishCommasAndDecimalPointWithTheSameHeadersAndQuotesWhereAValueHasAComma() throws Exception {
        ResultTables tables = ResultFixtures.tables(ResultFixtures.small(), "en");
        Path folder = new CsvExport().write(tables, temp.resolve("csv"));
        assertThat(folder.resolve("README.txt")).content(StandardCharsets.UTF_8).contains("comma (,)", "decimal point (92.07)");
        assertThat(folder.resolve("BACA.txt")).doesNotExist();

        String raw = Files.readString(folder.resolve("layanan.csv"), StandardCharsets.UTF_8);
        assertThat(raw).contains("\"Tuntas Utama (met, primary)\"").contains("\r\n");
        List<String[]> services = read(folder.resolve("layanan.csv"), ',');
        List<String> header = List.of(services.get(0));
        String[] k02 = services.get(3);
        assertThat(k02[header.indexOf("category")]).isEqualTo("Tuntas Utama (met, primary)");
        assertThat(k02[header.indexOf("recipient_pct_uncapped")]).isEqualTo("120.00");
        assertThat(k02[header.indexOf("warning_codes")]).isEqualTo("SERVED_ABOVE_TARGET");
        for (String[] line : services) {
            assertThat(line).hasSameSizeAs(services.get(0));
        }
        // The same tables in both languages: same files, headers and row counts.
        Path indonesian = new CsvExport().write(ResultFixtures.tables(ResultFixtures.small(), "id"), temp.resolve("csv-id"));
        for (ResultTables.Table t : tables.tables()) {
            List<String[]> en = read(folder.resolve(t.id() + ".csv"), ',');
            List<String[]> id = read(indonesian.resolve(t.id() + ".csv"), ';');
            assertThat(en.get(0)).isEqualTo(id.get(0));
            assertThat(en).hasSameSizeAs(id);
            try (Stream<Object[]> rows = t.rows()) {
                assertThat(en).hasSize(1 + (int) rows.count());
            }
        }
    }

    @Test
    void aSecondExportReplacesTheFolderWhole() throws Exception {
        Path folder = temp.resolve("csv");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("old.csv"), "stale");
        new CsvExport().write(ResultFixtures.tables(ResultFixtures.small(), "id"), folder);
        assertThat(folder.resolve("old.csv")).doesNotExist();
        assertThat(temp.resolve("csv.new")).doesNotExist();
    }

    private static List<String[]> read(Path file, char separator) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).as("UTF-8 byte order mark").startsWith(0xEF, 0xBB, 0xBF);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            assertThat(reader.read()).isEqualTo(0xFEFF);
            CSVReader csv = new CSVReaderBuilder(reader).withCSVParser(new CSVParserBuilder().withSeparator(separator).build()).build();
            return csv.readAll();
        }
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
