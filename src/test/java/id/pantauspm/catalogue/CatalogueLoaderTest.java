package id.pantauspm.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("CatalogueLoader on the shipped indicators/ folder")
class CatalogueLoaderTest {

    /** Maven runs tests from the project root. */
    static final Path SHIPPED = Path.of("indicators");

    private static Catalogue catalogue;

    @BeforeAll
    static void load() {
        catalogue = new CatalogueLoader().load(SHIPPED);
    }

    @Test
    @DisplayName("six fields, the six concurrent basic-service affairs of UU 23/2014")
    void sixFields() {
        assertThat(catalogue.fields()).extracting(Field::code)
                .containsExactlyInAnyOrder("PEND", "KES", "PU", "PERKIM", "TRANTIB", "SOS");
    }

    @Test
    @DisplayName("14 provinsi and 29 kabupaten/kota services: 43 in all, the codes of spm-domain.md section 2")
    void servicesOfPp2Of2018() {
        assertThat(catalogue.services()).hasSize(43);
        assertThat(catalogue.services(Level.PROVINSI)).extracting(ServiceType::code).containsExactlyInAnyOrder(
                "PEND-P01", "PEND-P02", "KES-P01", "KES-P02", "PU-P01", "PU-P02", "PERKIM-P01", "PERKIM-P02",
                "TRANTIB-P01", "SOS-P01", "SOS-P02", "SOS-P03", "SOS-P04", "SOS-P05");
        assertThat(catalogue.services(Level.KABKOTA)).extracting(ServiceType::code).containsExactlyInAnyOrder(
                "PEND-K01", "PEND-K02", "PEND-K03",
                "KES-K01", "KES-K02", "KES-K03", "KES-K04", "KES-K05", "KES-K06", "KES-K07", "KES-K08", "KES-K09",
                "KES-K10", "KES-K11", "KES-K12",
                "PU-K01", "PU-K02", "PERKIM-K01", "PERKIM-K02",
                "TRANTIB-K01", "TRANTIB-K02", "TRANTIB-K03", "TRANTIB-K04", "TRANTIB-K05",
                "SOS-K01", "SOS-K02", "SOS-K03", "SOS-K04", "SOS-K05");
    }

    @ParameterizedTest(name = "{0}: {1} provinsi + {2} kabupaten/kota services")
    @CsvSource({"PEND, 2, 3", "KES, 2, 12", "PU, 2, 2", "PERKIM, 2, 2", "TRANTIB, 1, 5", "SOS, 5, 5"})
    void servicesPerField(String fieldCode, int provinsi, int kabkota) {
        Field field = catalogue.field(fieldCode).orElseThrow();
        assertThat(field.services()).filteredOn(s -> s.level() == Level.PROVINSI).hasSize(provinsi);
        assertThat(field.services()).filteredOn(s -> s.level() == Level.KABKOTA).hasSize(kabkota);
        assertThat(field.services()).allSatisfy(s -> assertThat(s.fieldCode()).isEqualTo(fieldCode));
    }

    @Test
    @DisplayName("codes are <FIELD>-<P|K><NN>: the field prefix, P for provinsi and K for kabupaten/kota, numbered 01.. without gaps")
    void serviceCodes() {
        for (Field field : catalogue.fields()) {
            for (Level level : Level.values()) {
                String letter = level == Level.PROVINSI ? "P" : "K";
                List<String> codes = field.services().stream().filter(s -> s.level() == level).map(ServiceType::code).toList();
                List<String> expected = new ArrayList<>();
                for (int n = 1; n <= codes.size(); n++) {
                    expected.add(String.format("%s-%s%02d", field.code(), letter, n));
                }
                assertThat(codes).as(field.code() + " " + level).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    @DisplayName("every service has <service>.SASARAN and <service>.TERLAYANI as whole counts")
    void everyServiceHasTargetAndServedCounts() {
        for (ServiceType s : catalogue.services()) {
            Measure target = catalogue.measure(s.code() + ".SASARAN").orElseThrow(() -> new AssertionError(s.code() + ".SASARAN"));
            Measure served = catalogue.measure(s.code() + ".TERLAYANI").orElseThrow(() -> new AssertionError(s.code() + ".TERLAYANI"));
            assertThat(target.type()).as(target.code()).isEqualTo(ValueType.COUNT);
            assertThat(served.type()).as(served.code()).isEqualTo(ValueType.COUNT);
            assertThat(served.kind()).as(served.code()).isEqualTo(Kind.OUTPUT);
            assertThat(s.targetPopulationMeasure()).isEqualTo(target.code());
            assertThat(s.servedMeasure()).isEqualTo(served.code());
            assertThat(target.localCode()).isEqualTo("SASARAN");
            assertThat(target.serviceCode()).isEqualTo(s.code());
        }
    }

    @Test
    @DisplayName("every service has CAPAIAN_PENERIMA = TERLAYANI / SASARAN x 100")
    void everyServiceHasRecipientAchievement() {
        for (ServiceType s : catalogue.services()) {
            Indicator capaian = s.indicators().stream().filter(i -> i.code().equals(s.code() + ".CAPAIAN_PENERIMA"))
                    .findFirst().orElseThrow(() -> new AssertionError(s.code() + " has no CAPAIAN_PENERIMA"));
            assertThat(capaian.formula()).as(s.code()).isInstanceOfSatisfying(Formula.Ratio.class, r -> {
                assertThat(r.numerator()).isEqualTo(s.code() + ".TERLAYANI");
                assertThat(r.denominator()).isEqualTo(s.code() + ".SASARAN");
                assertThat(r.factor()).isEqualByComparingTo("100");
            });
            assertThat(capaian.target()).isEqualByComparingTo("100");
            assertThat(capaian.direction()).isEqualTo(Indicator.Direction.HIGHER);
        }
    }

    @Test
    @DisplayName("every measure a formula names exists in the catalogue")
    void formulasReferToKnownMeasures() {
        for (ServiceType s : catalogue.services()) {
            for (Indicator i : s.indicators()) {
                assertThat(i.formula().measures()).as(i.code())
                        .allSatisfy(m -> assertThat(catalogue.measure(m)).as(m).isPresent());
            }
        }
    }

    @Test
    @DisplayName("each mutu item becomes two input counts, <service>.<ITEM>_BUTUH and <service>.<ITEM>_TERSEDIA")
    void mutuMeasuresAreGenerated() {
        ServiceType k01 = catalogue.service("KES-K01").orElseThrow();
        assertThat(k01.mutu()).extracting(MutuItem::code).contains("BUKU_KIA", "TABLET_TAMBAH_DARAH", "TENAGA_BIDAN");
        Measure needed = catalogue.measure("KES-K01.BUKU_KIA_BUTUH").orElseThrow();
        Measure available = catalogue.measure("KES-K01.BUKU_KIA_TERSEDIA").orElseThrow();
        assertThat(needed.type()).isEqualTo(ValueType.COUNT);
        assertThat(needed.kind()).isEqualTo(Kind.INPUT);
        assertThat(needed.unit()).isEqualTo("buah");
        assertThat(needed.name().id()).isEqualTo("Buku KIA (dibutuhkan)");
        assertThat(available.name().en()).isEqualTo("Maternal and child health handbook (available)");

        for (ServiceType s : catalogue.services()) {
            for (MutuItem item : s.mutu()) {
                assertThat(item.serviceCode()).isEqualTo(s.code());
                assertThat(catalogue.measure(s.code() + "." + item.code() + "_BUTUH")).as(item.neededMeasure()).isPresent();
                assertThat(catalogue.measure(s.code() + "." + item.code() + "_TERSEDIA")).as(item.availableMeasure()).isPresent();
            }
        }
    }

    @ParameterizedTest(name = "{0} on every service, type {1}")
    @CsvSource({
            "TAHAP1_PENGUMPULAN_DATA,       PERCENT",
            "TAHAP2_PENGHITUNGAN_KEBUTUHAN, PERCENT",
            "TAHAP3_PENYUSUNAN_RENCANA,     PERCENT",
            "TAHAP4_PELAKSANAAN,            PERCENT",
            "ANGGARAN_RENCANA,              AMOUNT",
            "ANGGARAN_REALISASI,            AMOUNT",
    })
    void commonMeasuresOnEveryService(String localCode, ValueType type) {
        for (ServiceType s : catalogue.services()) {
            Measure m = catalogue.measure(s.code() + "." + localCode).orElseThrow(() -> new AssertionError(s.code() + "." + localCode));
            assertThat(m.type()).isEqualTo(type);
            assertThat(m.serviceCode()).isEqualTo(s.code());
            assertThat(s.indicators()).extracting(Indicator::code).contains(s.code() + ".REALISASI_ANGGARAN");
        }
    }

    @Test
    @DisplayName("no two measures share a code, so none is silently shadowed")
    void measureCodesAreUnique() {
        List<String> all = catalogue.services().stream().flatMap(s -> s.measures().stream()).map(Measure::code).toList();
        Map<String, Long> counts = all.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts).allSatisfy((code, n) -> assertThat(n).as(code).isEqualTo(1L));
        assertThat(catalogue.measures()).hasSize(all.size());
    }

    @Nested
    @DisplayName("rule set 2026.3 (periods from 2024)")
    class Rules {

        private final RuleSet rules = catalogue.ruleSetFor(LocalDate.of(2025, 12, 31));

        @Test
        void versionAndValidity() {
            assertThat(catalogue.ruleSets()).extracting(RuleSet::version).containsExactly("2026.2", "2026.3");
            assertThat(rules.version()).isEqualTo("2026.3");
            assertThat(catalogue.ruleSetFor(LocalDate.of(2019, 1, 1)).version()).isEqualTo("2026.2");
            // Permenkes 6/2024 and the Rapor Pendidikan quality from 2024: the last day of 2023 and the first of 2024
            assertThat(catalogue.ruleSetFor(LocalDate.of(2023, 12, 31)).version()).isEqualTo("2026.2");
            assertThat(catalogue.ruleSetFor(LocalDate.of(2024, 1, 1)).version()).isEqualTo("2026.3");
            assertThatThrownBy(() -> catalogue.ruleSetFor(LocalDate.of(2018, 12, 31)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("2018-12-31");
        }

        @Test
        @DisplayName("weights 80% recipients / 20% quality, sourced for PEND and the default for the others")
        void weights() {
            assertThat(rules.weightsFor("PEND").recipients()).isEqualByComparingTo("80");
            assertThat(rules.weightsFor("PEND").quality()).isEqualByComparingTo("20");
            assertThat(rules.weightsFor("PEND").source()).contains("311/M/2022", "Kemendagri report format");
            // every field's weights cite the Kemendagri report format (A penerima 80%, B mutu 20%)
            assertThat(rules.defaultWeights().source()).contains("Kemendagri laporan penerapan SPM format", "80%", "20%");
            assertThat(rules.weightsFor("KES")).isSameAs(rules.defaultWeights());
            assertThat(rules.defaultWeights().recipients()).isEqualByComparingTo("80");
            assertThat(rules.defaultWeights().quality()).isEqualByComparingTo("20");
            assertThat(rules.fieldIndex()).isEqualTo(RuleSet.Aggregation.MEAN);
            assertThat(rules.regionIndex()).isEqualTo(RuleSet.Aggregation.MEAN);
        }

        @Test
        @DisplayName("bands in the order of the sources: Paripurna, Utama, Madya, Pratama, Muda, Belum (Pratama above Muda)")
        void bandOrder() {
            assertThat(rules.bands()).extracting(CategoryBand::code).containsExactly(
                    "TUNTAS_PARIPURNA", "TUNTAS_UTAMA", "TUNTAS_MADYA", "TUNTAS_PRATAMA", "TUNTAS_MUDA", "BELUM_TUNTAS");
            assertThat(rules.bands()).extracting(b -> b.name().id()).containsExactly(
                    "Tuntas Paripurna", "Tuntas Utama", "Tuntas Madya", "Tuntas Pratama", "Tuntas Muda", "Belum Tuntas");
            CategoryBand pratama = rules.bands().get(3);
            CategoryBand muda = rules.bands().get(4);
            assertThat(pratama.min()).isGreaterThan(muda.max());
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "0,       BELUM_TUNTAS",
                "42.03,   BELUM_TUNTAS",
                "59.99,   BELUM_TUNTAS",
                "59.994,  BELUM_TUNTAS",
                "59.995,  TUNTAS_MUDA",   // rounds to 60.00, as the report shows it
                "60.00,   TUNTAS_MUDA",
                "68.76,   TUNTAS_MUDA",   // IP-SPM Q3 2025, published as Tuntas Muda
                "69,      TUNTAS_MUDA",
                "69.99,   TUNTAS_MUDA",
                "70.00,   TUNTAS_PRATAMA",
                "79.99,   TUNTAS_PRATAMA",
                "80.00,   TUNTAS_MADYA",
                "89.99,   TUNTAS_MADYA",
                "90.00,   TUNTAS_UTAMA",
                "97.935,  TUNTAS_UTAMA",  // published as Tuntas Utama; 97.94 when rounded
                "99.99,   TUNTAS_UTAMA",
                "99.994,  TUNTAS_UTAMA",
                "99.995,  TUNTAS_PARIPURNA", // rounds to 100.00
                "100,     TUNTAS_PARIPURNA",
                "100.00,  TUNTAS_PARIPURNA",
        })
        void categoryOf(BigDecimal index, String band) {
            assertThat(rules.categoryOf(index)).map(CategoryBand::code).contains(band);
        }

        @ParameterizedTest(name = "{0} has no category")
        @CsvSource({"100.01", "-0.01", "250"})
        void outsideAllBands(BigDecimal index) {
            assertThat(rules.categoryOf(index)).isEmpty();
        }
    }

    @Nested
    @DisplayName("a broken copy of the catalogue")
    class Broken {

        @TempDir
        Path dir;

        private Path copy() {
            try (Stream<Path> files = Files.walk(SHIPPED)) {
                for (Path from : files.toList()) {
                    Path to = dir.resolve(SHIPPED.relativize(from).toString());
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(from, to);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return dir;
        }

        /** Replaces the first occurrence of a text in a file of the copy, failing if it is not there. */
        private void edit(String file, String from, String to) throws IOException {
            Path p = dir.resolve(file);
            String text = Files.readString(p);
            int at = text.indexOf(from);
            assertThat(at).as("'%s' in %s", from, file).isNotNegative();
            Files.writeString(p, text.substring(0, at) + to + text.substring(at + from.length()));
        }

        private CatalogueException loadFails() {
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> new CatalogueLoader().load(dir));
            assertThat(t).isInstanceOf(CatalogueException.class);
            return (CatalogueException) t;
        }

        @Test
        void anUnchangedCopyLoads() {
            copy();
            assertThat(new CatalogueLoader().load(dir).services()).hasSize(43);
        }

        @Test
        @DisplayName("a measure without kind: the message names the file, the path and the measure")
        void missingKind() throws IOException {
            copy();
            // the first measure of kesehatan.yaml is KES-P01.SASARAN
            edit("fields/kesehatan.yaml", "        kind: proses\n", "");
            assertThat(loadFails().getMessage()).contains("kesehatan.yaml").contains("services[0]/measures[0]/kind")
                    .contains("SASARAN").contains("missing");
        }

        @Test
        @DisplayName("an unknown value type: the message names file, path, the value found and what is allowed")
        void unknownType() throws IOException {
            copy();
            edit("fields/kesehatan.yaml", "type: count", "type: jumlah");
            assertThat(loadFails().getMessage()).contains("kesehatan.yaml").contains("services[0]/measures[0]/type")
                    .contains("'jumlah'").contains("count").contains("percent");
        }

        @Test
        void unknownFormulaType() throws IOException {
            copy();
            edit("fields/kesehatan.yaml", "{type: ratio,", "{type: division,");
            assertThat(loadFails().getMessage()).contains("kesehatan.yaml").contains("services[0]/indicators[0]/formula/type")
                    .contains("ratio, sum or measure");
        }

        @Test
        @DisplayName("a problem in common.yaml names common.yaml, not the field file that pulled it in")
        void brokenCommonMeasure() throws IOException {
            copy();
            edit("common.yaml", "    type: percent\n", "");
            assertThat(loadFails().getMessage()).contains("common.yaml").contains("measures[0]/type")
                    .contains("TAHAP1_PENGUMPULAN_DATA").doesNotContain("kesehatan.yaml");
        }

        @Test
        void bandBoundThatIsNotANumber() throws IOException {
            copy();
            edit("rules.yaml", "min: 60.00", "min: enam puluh");
            assertThat(loadFails().getMessage()).contains("rules.yaml").contains("versions[0]/categories/bands[4]/min")
                    .contains("TUNTAS_MUDA").contains("enam puluh");
        }

        @Test
        void yamlThatDoesNotParse() throws IOException {
            copy();
            edit("fields/pendidikan.yaml", "services:", "services: [unclosed");
            assertThat(loadFails().getMessage()).contains("pendidikan.yaml").contains("not valid YAML");
        }

        @Test
        @DisplayName("the message names the file only, not the machine path it sits in")
        void messageNamesTheFileNotTheMachinePath() throws IOException {
            copy();
            edit("fields/kesehatan.yaml", "        kind: proses\n", "");
            assertThat(loadFails().getMessage()).doesNotContain(dir.toString()).startsWith("fields/kesehatan.yaml:");
        }

        @Test
        void missingFolder() {
            assertThatThrownBy(() -> new CatalogueLoader().load(dir.resolve("nowhere")))
                    .isInstanceOf(CatalogueException.class).hasMessageContaining("not found");
        }

        @Test
        @DisplayName("a service without TERLAYANI is refused (spm-domain.md 3: every service has SASARAN and TERLAYANI)")
        void serviceWithoutServedCount() throws IOException {
            copy();
            // KES-P01's TERLAYANI becomes TERLAYANI_STANDAR: the service no longer has the measure the maths needs
            edit("fields/kesehatan.yaml", "      - code: TERLAYANI\n", "      - code: TERLAYANI_STANDAR\n");
            assertThat(loadFails().getMessage()).contains("kesehatan.yaml").contains("KES-P01").contains("TERLAYANI");
        }

        @Test
        @DisplayName("every problem is listed, one per line, as file:line: message")
        void everyProblemOnItsOwnLine() throws IOException {
            copy();
            edit("fields/kesehatan.yaml", "        kind: proses\n", "");
            edit("rules.yaml", "min: 60.00", "min: enam puluh");
            CatalogueException e = loadFails();
            assertThat(e.problems()).hasSize(2);
            assertThat(e.getMessage().split("\n")).containsExactly(
                    "rules.yaml:" + e.problems().get(0).line() + ": versions[0]/categories/bands[4]/min (TUNTAS_MUDA): expected a number, found 'enam puluh'",
                    e.problems().get(1).toString());
            assertThat(e.problems().get(1).file()).isEqualTo("fields/kesehatan.yaml");
        }
    }
}
