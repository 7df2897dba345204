package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.Ingested;
import id.pantauspm.support.LookAlikes;

/**
 * Look-alike files of the five shapes offices and portals publish (support/LookAlikes: same headers,
 * names and quirks, invented numbers, saved by LibreOffice), each read with the shipped layouts
 * (indicators/layouts) with the values worked out by hand, and how each column was read. The same
 * files go through the real job in LookAlikeJobContract.
 */
@DisplayName("Open-data and office layouts: the five shapes read with exact values and lineage")
class LookAlikeLayoutsTest {

    @TempDir
    static Path temp;
    static Map<String, Path> files;

    @BeforeAll
    static void write() throws Exception {
        files = LookAlikes.write(temp.resolve("inbox"), temp.resolve("work"));
    }

    private static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    @Test
    @DisplayName("shape 1, Satu Data Jakarta: kecamatan and sex rows summed per kota, the service from the file name")
    void satuDataJakarta() {
        Ingested in = Ingested.read(files.get(LookAlikes.JAKARTA));

        assertThat(in.refusal()).isNull();
        // Jakarta Pusat: 1200+1350+2100+2230+3050+3120 = 13050 estimated, 1310+1188+1950+2301+2890+3005 = 12644 served;
        // Kepulauan Seribu: 410+438+377+402 = 1627, 395+451+360+388 = 1594.
        assertThat(in.values()).extracting("regionCode", "periodCode", "measureCode", "amount").containsExactly(
                tuple("31.71", "2024", "KES-K08.SASARAN", n("13050")),
                tuple("31.71", "2024", "KES-K08.TERLAYANI", n("12644")),
                tuple("31.01", "2024", "KES-K08.SASARAN", n("1627")),
                tuple("31.01", "2024", "KES-K08.TERLAYANI", n("1594")));
        MeasuredValue pusat = in.values().get(0);
        assertThat(pusat.parts()).extracting("row", "column", "subregion", "amount").containsExactly(
                tuple(2, "E", "GAMBIR / Laki-laki", n("1200")), tuple(3, "E", "GAMBIR / Perempuan", n("1350")),
                tuple(4, "E", "SAWAH BESAR / Laki-laki", n("2100")), tuple(5, "E", "SAWAH BESAR / Perempuan", n("2230")),
                tuple(6, "E", "KEMAYORAN / Laki-laki", n("3050")), tuple(7, "E", "KEMAYORAN / Perempuan", n("3120")));
        assertThat(in.values().get(3).parts()).extracting("row").containsExactly(8, 9, 10, 11);
        // each region name is warned once, with the code chosen
        assertThat(in.problems()).filteredOn(p -> p.severity() != Problem.Severity.NOTE)
                .extracting(Problem::code, Problem::found, Problem::args).containsExactly(
                        tuple("region_by_name", "KOTA ADM. JAKARTA PUSAT", List.of("31.71", "Kota Administrasi Jakarta Pusat")),
                        tuple("region_by_name", "KAB. ADM. KEP. SERIBU", List.of("31.01", "Kabupaten Administrasi Kepulauan Seribu")));
        assertThat(in.problems()).extracting(Problem::code, Problem::column, Problem::found, Problem::args).contains(
                tuple("column_read_as_file_service", "E", "jumlah_estimasi_penderita", List.of("KES-K08.SASARAN", "hipertensi", "SATU_DATA_JAKARTA_SPM")),
                tuple("column_read_as_file_service", "F", "jumlah_yang_mendapatkan_pelayanan_kesehatan",
                        List.of("KES-K08.TERLAYANI", "hipertensi", "SATU_DATA_JAKARTA_SPM")));
        assertThat(in.problems()).extracting(Problem::code).contains("sheet_read_with_layout", "columns_not_read");
    }

    @Test
    @DisplayName("shape 1 without any layout: read by the words of its headers and file name, the same totals")
    void satuDataJakartaByWordsAlone() {
        Ingested in = Ingested.read(files.get(LookAlikes.JAKARTA), Layouts.of(Ingested.CATALOGUE, List.of()));

        assertThat(in.values()).extracting("regionCode", "measureCode", "amount").containsExactly(
                tuple("31.71", "KES-K08.SASARAN", n("13050")), tuple("31.71", "KES-K08.TERLAYANI", n("12644")),
                tuple("31.01", "KES-K08.SASARAN", n("1627")), tuple("31.01", "KES-K08.TERLAYANI", n("1594")));
        assertThat(in.problems()).extracting(Problem::code, Problem::column, Problem::found, Problem::args).contains(
                tuple("column_read_as_words_file", "E", "jumlah_estimasi_penderita", List.of("KES-K08.SASARAN", "estimasi", "hipertensi")),
                tuple("column_read_as_words_file", "F", "jumlah_yang_mendapatkan_pelayanan_kesehatan",
                        List.of("KES-K08.TERLAYANI", "mendapatkan pelayanan", "hipertensi")),
                tuple("column_not_summed", "G", "persentase", List.of("CAPAIAN_DILAPORKAN")));
    }

    @Test
    @DisplayName("shape 2, Open Data Jabar: codes without the dot, two years, a 0 read as not reported")
    void openDataJabar() {
        Ingested in = Ingested.read(files.get(LookAlikes.JABAR));

        assertThat(in.values()).extracting("rowNumber", "regionCode", "periodCode", "measureCode", "amount").containsExactly(
                tuple(2, "32.01", "2019", "KES-K09.SASARAN", n("48211")),
                tuple(3, "32.02", "2019", "KES-K09.SASARAN", null),
                tuple(4, "32.71", "2019", "KES-K09.SASARAN", n("12876")),
                tuple(5, "32.01", "2020", "KES-K09.SASARAN", n("50102")),
                tuple(6, "32.02", "2020", "KES-K09.SASARAN", n("21430")),
                tuple(7, "32.71", "2020", "KES-K09.SASARAN", n("13390")));
        assertThat(in.problems()).extracting(Problem::code, Problem::row, Problem::found)
                .contains(tuple("value_zero_as_missing", 3, "0"));
        assertThat(in.problems()).extracting(Problem::code, Problem::found, Problem::args)
                .contains(tuple("column_read_as_words", "jumlah_penderita_dm", List.of("KES-K09.SASARAN", "penderita", "dm")));
    }

    @Test
    @DisplayName("shape 2 without any layout: read by words; a 0 stays 0 (only the layout knows this portal writes 0 for none)")
    void openDataJabarByWordsAlone() {
        Ingested in = Ingested.read(files.get(LookAlikes.JABAR), Layouts.of(Ingested.CATALOGUE, List.of()));

        assertThat(in.values()).extracting("regionCode", "periodCode", "amount").contains(
                tuple("32.01", "2019", n("48211")), tuple("32.02", "2019", n("0")), tuple("32.71", "2020", n("13390")));
        assertThat(in.values()).hasSize(6);
    }

    @Test
    @DisplayName("shape 3, puskesmas recap: puskesmas and months summed per service, the totals row not read twice")
    void puskesmasRecap() {
        Ingested in = Ingested.read(files.get(LookAlikes.PUSKESMAS));

        assertThat(in.refusal()).isNull();
        // ibu hamil: 812 + 640 = 1452 to serve; months 793 + 617 = 1410 served; balita: 2410 + 1980 = 4390, 2273 + 1855 = 4128
        assertThat(in.values()).extracting("regionCode", "periodCode", "measureCode", "amount").containsExactlyInAnyOrder(
                tuple("33.02", "2025", "KES-K01.SASARAN", n("1452")),
                tuple("33.02", "2025", "KES-K01.TERLAYANI", n("1410")),
                tuple("33.02", "2025", "KES-K04.SASARAN", n("4390")),
                tuple("33.02", "2025", "KES-K04.TERLAYANI", n("4128")));
        MeasuredValue served = in.values().stream().filter(v -> v.measureCode().equals("KES-K01.TERLAYANI")).findFirst().orElseThrow();
        assertThat(served.parts()).hasSize(24);
        assertThat(served.parts()).extracting("row").containsOnly(6, 8);
        assertThat(served.parts().get(0)).extracting("row", "column", "subregion", "amount").containsExactly(6, "E", "Ajibarang I", n("60"));
        assertThat(in.problems()).extracting(Problem::code, Problem::row, Problem::found)
                .contains(tuple("row_total_skipped", 10, "JUMLAH"), tuple("region_by_name", 2, "KAB. BANYUMAS"));
    }

    @Test
    @DisplayName("shape 4, indicator blocks: each row's measure by its words, a column per year, blank years not sent")
    void indicatorBlocks() {
        Ingested in = Ingested.read(files.get(LookAlikes.GORONTALO));

        assertThat(in.values()).extracting("rowNumber", "regionCode", "periodCode", "measureCode", "amount").containsExactlyInAnyOrder(
                tuple(4, "75.71", "2019", "KES-K08.CAPAIAN_DILAPORKAN", n("100")),
                tuple(5, "75.71", "2019", "KES-K08.TERLAYANI", n("6543")),
                tuple(5, "75.71", "2020", "KES-K08.TERLAYANI", n("6710")),
                tuple(6, "75.71", "2019", "KES-K08.SASARAN", n("6543")),
                tuple(6, "75.71", "2020", "KES-K08.SASARAN", n("6801")),
                tuple(7, "75.71", "2019", "KES-K09.CAPAIAN_DILAPORKAN", n("100")),
                tuple(8, "75.71", "2019", "KES-K09.TERLAYANI", n("3825")),
                tuple(9, "75.71", "2019", "KES-K09.SASARAN", n("3825")));
        assertThat(in.problems()).extracting(Problem::code, Problem::row, Problem::found)
                .contains(tuple("row_not_recognised", 10, "Jumlah puskesmas"),
                        tuple("row_read_as_words", 6, "Jumlah estimasi penderita hipertensi di kota"));
    }

    @Test
    @DisplayName("shape 4 outside its office's folder: the city layout does not apply, and nothing is guessed")
    void indicatorBlocksNeedTheirFolder() throws Exception {
        Path elsewhere = java.nio.file.Files.copy(files.get(LookAlikes.GORONTALO), temp.resolve("e-database.xls"));

        Ingested in = Ingested.read(elsewhere);

        assertThat(in.values()).isEmpty();
        assertThat(in.refusal()).isNotNull();
        assertThat(in.refusal().code()).isEqualTo("file_no_header");
        assertThat(in.refusal().args().get(1)).startsWith("BLOK_INDIKATOR_KOTA_GORONTALO");
    }

    @Test
    @DisplayName("shape 5, percentages only: stored as each service's reported achievement at Excel's precision, above 100 kept and warned")
    void percentOnly() {
        Ingested in = Ingested.read(files.get(LookAlikes.JATIM));

        assertThat(in.values()).hasSize(18);
        assertThat(in.values()).extracting("regionCode", "periodCode", "measureCode", "amount").contains(
                tuple("35.01", "2020", "KES-K08.CAPAIAN_DILAPORKAN", n("19.6")),
                tuple("35.01", "2020", "KES-K09.CAPAIAN_DILAPORKAN", n("155.2")),
                tuple("35.02", "2020", "KES-K08.CAPAIAN_DILAPORKAN", n("36.9")),
                tuple("35.02", "2020", "KES-K10.CAPAIAN_DILAPORKAN", n("156.2")),
                tuple("35.77", "2020", "KES-K04.CAPAIAN_DILAPORKAN", n("95.5")),
                tuple("35.77", "2020", "KES-K06.CAPAIAN_DILAPORKAN", n("60.2")),
                tuple("35.77", "2020", "KES-K07.CAPAIAN_DILAPORKAN", n("88.8")));
        assertThat(in.values()).extracting("measureCode").allMatch(c -> ((String) c).endsWith(".CAPAIAN_DILAPORKAN"));
        assertThat(in.problems()).filteredOn(p -> p.code().equals("value_reported_above_100"))
                .extracting(Problem::row, Problem::found).containsExactlyInAnyOrder(tuple(2, "155.2"), tuple(3, "156.2"), tuple(4, "101.3"));
    }
}
