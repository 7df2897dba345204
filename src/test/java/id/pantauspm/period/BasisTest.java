package id.pantauspm.period;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Basis: what a quarter's figure counts, as offices write it")
class BasisTest {

    @Test
    @DisplayName("the basis column: kumulatif, s.d., year to date; triwulan, non-kumulatif, bulan ini")
    void theBasisColumn() {
        assertThat(Basis.parse("Kumulatif")).contains(Basis.YEAR_TO_DATE);
        assertThat(Basis.parse("s.d.")).contains(Basis.YEAR_TO_DATE);
        assertThat(Basis.parse("s.d. triwulan")).contains(Basis.YEAR_TO_DATE);
        assertThat(Basis.parse("year to date")).contains(Basis.YEAR_TO_DATE);
        assertThat(Basis.parse("triwulan")).contains(Basis.PERIOD_ONLY);
        assertThat(Basis.parse("Non-Kumulatif")).contains(Basis.PERIOD_ONLY);
        assertThat(Basis.parse("bulan ini")).contains(Basis.PERIOD_ONLY);
        assertThat(Basis.parse("kadang-kadang")).isEmpty();
    }

    @Test
    @DisplayName("notes and titles: both directions are recognised, and ordinary notes say nothing")
    void notesAndTitles() {
        assertThat(Basis.impliedBy("LAPORAN TRIWULAN III TAHUN 2026 (KUMULATIF)")).contains(Basis.YEAR_TO_DATE);
        assertThat(Basis.impliedBy("Realisasi s.d. 30 September 2026")).contains(Basis.YEAR_TO_DATE);
        assertThat(Basis.impliedBy("Januari - September 2026")).contains(Basis.YEAR_TO_DATE);
        assertThat(Basis.impliedBy("hanya triwulan III (Juli-September)")).contains(Basis.PERIOD_ONLY);
        assertThat(Basis.impliedBy("Juli - September saja")).contains(Basis.PERIOD_ONLY);
        assertThat(Basis.impliedBy("angka non-kumulatif")).contains(Basis.PERIOD_ONLY);
        assertThat(Basis.impliedBy("Data SIMPUS, hanya 3 puskesmas yang melapor")).isEmpty();
        assertThat(Basis.impliedBy("Kekurangan tenaga bidan di 3 puskesmas")).isEmpty();
    }
}
