package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.pantauspm.support.Ingested;

/**
 * A region's total is only as good as its parts (kecamatan, sex): a part missing, rejected or given
 * twice leaves that total unstored, named in the receipt at the flawed part; the other totals stand.
 */
@DisplayName("Summed sub-region rows: a total with a flawed part is never stored too small")
class SummedPartsTest {

    private static final String HEADER = "periode_data,wilayah,kecamatan,jenis_kelamin,jumlah_estimasi_penderita,"
            + "jumlah_yang_mendapatkan_pelayanan_kesehatan,persentase\n";
    private static final String NAME = "penderita-hipertensi-tahun-2024.csv";

    @Test
    @DisplayName("a blank part: that total is not stored, the rest are")
    void missingPart() {
        Ingested in = Ingested.readText(NAME, HEADER
                + "2024,KOTA ADM. JAKARTA PUSAT,GAMBIR,Laki-laki,1200,1310,109.17\n"
                + "2024,KOTA ADM. JAKARTA PUSAT,GAMBIR,Perempuan,,1188,\n"
                + "2024,KAB. ADM. KEP. SERIBU,KEPULAUAN SERIBU UTARA,Laki-laki,410,395,96.34\n");

        assertThat(in.values()).extracting("regionCode", "measureCode", "amount").containsExactly(
                tuple("31.71", "KES-K08.TERLAYANI", new BigDecimal("2498")),
                tuple("31.01", "KES-K08.SASARAN", new BigDecimal("410")),
                tuple("31.01", "KES-K08.TERLAYANI", new BigDecimal("395")));
        assertThat(in.problems()).filteredOn(p -> p.severity() == Problem.Severity.ROW_REJECTED)
                .extracting(Problem::code, Problem::row, Problem::column, Problem::args)
                .containsExactly(tuple("aggregate_incomplete", 3, "E", java.util.List.of("KES-K08.SASARAN", "31.71", "2024", "3")));
        assertThat(in.rejectedRows()).isEqualTo(1);
    }

    @Test
    @DisplayName("an unreadable part: every total of its measure is in doubt and not stored")
    void rejectedPart() {
        Ingested in = Ingested.readText(NAME, HEADER
                + "2024,KOTA ADM. JAKARTA PUSAT,GAMBIR,Laki-laki,1200,1310,\n"
                + "2024,KOTA ADM. JAKARTA PUSAT,GAMBIR,Perempuan,seribu,1188,\n");

        assertThat(in.values()).extracting("measureCode", "amount").containsExactly(tuple("KES-K08.TERLAYANI", new BigDecimal("2498")));
        assertThat(in.problems()).filteredOn(p -> p.severity() == Problem.Severity.ROW_REJECTED)
                .extracting(Problem::code, Problem::row, Problem::found)
                .containsExactly(tuple("value_unreadable", 3, "seribu"), tuple("aggregate_incomplete", 3, "seribu"));
    }

    @Test
    @DisplayName("the same kecamatan and sex twice: neither is chosen, the total is not stored")
    void repeatedPart() {
        Ingested in = Ingested.readText(NAME, HEADER
                + "2024,KOTA ADM. JAKARTA PUSAT,GAMBIR,Laki-laki,1200,1310,\n"
                + "2024,KOTA ADM. JAKARTA PUSAT,GAMBIR,Laki-laki,1250,1310,\n");

        assertThat(in.values()).isEmpty();
        assertThat(in.problems()).filteredOn(p -> p.severity() == Problem.Severity.ROW_REJECTED)
                .extracting(Problem::code, Problem::row, p -> p.args().get(3)).containsExactly(
                        tuple("aggregate_repeated_subregion", 3, "GAMBIR / Laki-laki (2, 3)"),
                        tuple("aggregate_repeated_subregion", 3, "GAMBIR / Laki-laki (2, 3)"));
    }
}
