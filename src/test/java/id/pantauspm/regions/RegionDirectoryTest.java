package id.pantauspm.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import id.pantauspm.regions.RegionDirectory.Resolution.Note;

@DisplayName("RegionDirectory: the official list and what offices type into a region cell")
class RegionDirectoryTest {

    private static RegionDirectory regions;

    @BeforeAll
    static void load() {
        regions = RegionDirectory.official();
    }

    @Test
    @DisplayName("the shipped list has 38 provinces, 416 kabupaten and 98 kota (Kepmendagri 300.2.2-2138/2025)")
    void officialCounts() {
        assertThat(regions.provinces()).hasSize(38);
        assertThat(regions.all()).filteredOn(r -> r.level() == Region.Level.KABUPATEN).hasSize(416);
        assertThat(regions.all()).filteredOn(r -> r.level() == Region.Level.KOTA).hasSize(98);
        assertThat(regions.all()).hasSize(38 + 416 + 98);
    }

    @Test
    @DisplayName("codes follow Kemendagri: kabupaten 01-69, kota 71-99, each under an existing province")
    void codesFollowTheKemendagriScheme() {
        for (Region r : regions.all()) {
            if (r.isProvince()) {
                assertThat(r.code()).matches("\\d{2}");
                assertThat(r.provinceCode()).isEqualTo(r.code());
                continue;
            }
            assertThat(r.code()).matches("\\d{2}\\.\\d{2}");
            int kk = Integer.parseInt(r.code().substring(3));
            if (r.level() == Region.Level.KABUPATEN) {
                assertThat(kk).as(r.code()).isBetween(1, 69);
            } else {
                assertThat(kk).as(r.code()).isBetween(71, 99);
            }
            assertThat(r.code()).startsWith(r.provinceCode() + ".");
            assertThat(regions.find(r.provinceCode())).as("province of " + r.code()).isPresent();
        }
    }

    @Test
    void regenciesOfJawaTengahAreSortedAndIncludeSemarang() {
        List<Region> jateng = regions.regenciesOf("33");
        // Jawa Tengah: 29 kabupaten + 6 kota
        assertThat(jateng).hasSize(35);
        assertThat(jateng).extracting(Region::code).isSorted().contains("33.02", "33.74");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            33.74                   | 33.74 | Kota Semarang                   | EXACT
            ' 33.74 '               | 33.74 | Kota Semarang                   | EXACT
            3374                    | 33.74 | Kota Semarang                   | WITHOUT_DOT
            11.10                   | 11.10 | Kabupaten Aceh Singkil          | EXACT
            11.1                    | 11.10 | Kabupaten Aceh Singkil          | SHORTENED_BY_EXCEL
            33                      | 33    | Jawa Tengah                     | EXACT
            33.0                    | 33    | Jawa Tengah                     | EXACT
            KOTA SEMARANG           | 33.74 | Kota Semarang                   | BY_NAME
            kota semarang           | 33.74 | Kota Semarang                   | BY_NAME
            Kab. Banyumas           | 33.02 | Kabupaten Banyumas              | BY_NAME
            KAB BANYUMAS            | 33.02 | Kabupaten Banyumas              | BY_NAME
            Kabupaten Bogor         | 32.01 | Kabupaten Bogor                 | BY_NAME
            Kota Bogor              | 32.71 | Kota Bogor                      | BY_NAME
            Jawa Tengah             | 33    | Jawa Tengah                     | BY_NAME
            Provinsi Jawa Tengah    | 33    | Jawa Tengah                     | BY_NAME
            Kabupaten Toli Toli     | 72.04 | Kabupaten Toli-Toli             | BY_NAME
            KOTA ADM. JAKARTA PUSAT | 31.71 | Kota Administrasi Jakarta Pusat | BY_NAME
            Kota Adm Jakarta Timur  | 31.75 | Kota Administrasi Jakarta Timur | BY_NAME
            """)
    void resolves(String text, String code, String name, Note note) {
        var resolution = regions.resolve(text);
        assertThat(resolution).isPresent();
        assertThat(resolution.get().region().code()).isEqualTo(code);
        assertThat(resolution.get().region().name()).isEqualTo(name);
        assertThat(resolution.get().note()).isEqualTo(note);
    }

    @Test
    @DisplayName("11.1 is read as 11.10 only because 11.1 itself cannot be a code (codes have two digits after the dot)")
    void shortenedCodeOnlyWhereUnambiguous() {
        assertThat(regions.find("11.1")).isEmpty();
        assertThat(regions.find("11.10")).isPresent();
        // 11.01 exists too, but Excel drops trailing zeros only, so 11.1 can never mean 11.01
        assertThat(regions.resolve("11.1")).map(r -> r.region().code()).contains("11.10");
        // 33.7 could only be 33.70, which does not exist (kota start at 71): nothing, not a guess
        assertThat(regions.find("33.70")).isEmpty();
        assertThat(regions.resolve("33.7")).isEmpty();
    }

    @Test
    @DisplayName("the Kepulauan Seribu kabupaten resolves from its abbreviated name 'Kab. Adm. Kepulauan Seribu'")
    void abbreviatedKabupatenAdministrasi() {
        assertThat(regions.resolve("Kabupaten Administrasi Kepulauan Seribu")).map(r -> r.region().code()).contains("31.01");
        assertThat(regions.resolve("Kab. Adm. Kepulauan Seribu")).map(r -> r.region().code()).contains("31.01");
    }

    @ParameterizedTest(name = "\"{0}\" resolves to nothing")
    @ValueSource(strings = {"99.99", "99", "9999", "33.99", "3399", "33.740", "33,74", "Semarang",
            // Bogor is both a kabupaten (32.01) and a kota (32.71): a bare name must not pick one
            "Bogor", "BOGOR", "Solok",
            "Kota Atlantis", "abc", "3.374"})
    void unknownOrAmbiguousResolvesToNothing(String text) {
        assertThat(regions.resolve(text)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void blankResolvesToNothing(String text) {
        assertThat(regions.resolve(text)).isEmpty();
    }

    @Test
    @DisplayName("a name that matches two regions after normalising resolves to neither")
    void ambiguousNameInADirectory() {
        RegionDirectory twoOfAKind = new RegionDirectory(List.of(
                new Region("91", "Papua", Region.Level.PROVINSI, "91", 0),
                new Region("91.01", "Kabupaten Merauke", Region.Level.KABUPATEN, "91", 0),
                new Region("92.01", "Kab. Merauke", Region.Level.KABUPATEN, "92", 0)));
        assertThat(regions.resolve("Kabupaten Merauke")).isPresent(); // unique in the official list
        assertThat(twoOfAKind.resolve("Kabupaten Merauke")).isEmpty();
        assertThat(twoOfAKind.resolve("KAB MERAUKE")).isEmpty();
        assertThat(twoOfAKind.resolve("91.01")).map(r -> r.region().name()).contains("Kabupaten Merauke");
    }

    @Test
    void findByExactCodeOnly() {
        assertThat(regions.find("33.74")).map(Region::name).contains("Kota Semarang");
        assertThat(regions.find("33.74")).map(Region::level).contains(Region.Level.KOTA);
        assertThat(regions.find("33.74")).map(Region::provinceCode).contains("33");
        assertThat(regions.find("3374")).isEmpty();
    }
}
