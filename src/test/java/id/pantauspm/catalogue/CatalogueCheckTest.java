package id.pantauspm.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pantau catalog check: the shipped catalogue passes, and a copy broken in one place is refused
 * with the file, the line and what to fix. Each test breaks a copy of indicators/ with a text
 * replacement and expects the problem on the line of the replacement.
 */
@DisplayName("CatalogueCheck")
class CatalogueCheckTest {

    static final Path SHIPPED = Path.of("indicators");

    @Test
    @DisplayName("every file in indicators/ passes, with zero problems")
    void shippedCatalogueHasNoProblem() {
        assertThat(CatalogueCheck.check(SHIPPED)).isEmpty();
    }

    @Test
    void aMissingFolderIsOneProblemSayingSo(@TempDir Path dir) {
        List<CatalogueProblem> problems = CatalogueCheck.check(dir.resolve("nowhere"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEmpty();
            assertThat(p.message()).contains("catalogue folder not found", "nowhere");
        });
    }

    @Test
    void problemsReadLikeCompilerMessages() {
        assertThat(new CatalogueProblem("fields/kesehatan.yaml", 25, "services[0]/measures[1]/kind (TERLAYANI): 'hasil' is not one of [input, proses, output, outcome]"))
                .hasToString("fields/kesehatan.yaml:25: services[0]/measures[1]/kind (TERLAYANI): 'hasil' is not one of [input, proses, output, outcome]");
        assertThat(new CatalogueProblem("rules.yaml", 0, "file missing")).hasToString("rules.yaml: file missing");
    }

    @Nested
    @DisplayName("a broken copy")
    class Broken {

        @TempDir
        Path dir;

        @BeforeEach
        void copy() {
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
        }

        /** Replaces the first occurrence of a text in a file of the copy; returns the line it starts on. */
        private int edit(String file, String from, String to) throws IOException {
            Path p = dir.resolve(file);
            String text = Files.readString(p);
            int at = text.indexOf(from);
            assertThat(at).as("'%s' in %s", from, file).isNotNegative();
            Files.writeString(p, text.substring(0, at) + to + text.substring(at + from.length()));
            return lineOf(text, at);
        }

        /** The line of the first occurrence of a text in a file of the copy, as it is now. */
        private int line(String file, String text) throws IOException {
            String content = Files.readString(dir.resolve(file));
            int at = content.indexOf(text);
            assertThat(at).as("'%s' in %s", text, file).isNotNegative();
            return lineOf(content, at);
        }

        private static int lineOf(String text, int offset) {
            return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        }

        private List<CatalogueProblem> problems() {
            return CatalogueCheck.check(dir);
        }

        /** The copy is refused with a problem at this file and line whose message has every fragment. */
        private void refused(String file, int line, String... fragments) {
            List<CatalogueProblem> problems = problems();
            assertThat(problems).as("problems of the broken copy").isNotEmpty();
            assertThat(problems).as("a problem at %s:%d with %s", file, line, List.of(fragments)).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo(file);
                assertThat(p.line()).isEqualTo(line);
                assertThat(p.message()).contains(fragments);
            });
        }

        @Test
        void anUnchangedCopyPasses() {
            assertThat(problems()).isEmpty();
        }

        @Test
        @DisplayName("duplicate service code in the same file: the second names the first")
        void duplicateServiceCode() throws IOException {
            int first = line("fields/kesehatan.yaml", "- code: KES-K01\n");
            int at = edit("fields/kesehatan.yaml", "- code: KES-K02\n", "- code: KES-K01\n");
            refused("fields/kesehatan.yaml", at, "services[3]/code (KES-K01): KES-K01 is already defined at fields/kesehatan.yaml:" + first,
                    "each service code is defined once");
        }

        @Test
        @DisplayName("duplicate service codes across files, and a field given two files")
        void duplicateServiceCodeAcrossFiles() throws IOException {
            Files.copy(dir.resolve("fields/kesehatan.yaml"), dir.resolve("fields/kesehatan-lama.yaml"));
            int at = line("fields/kesehatan.yaml", "- code: KES-K07\n");
            refused("fields/kesehatan.yaml", at, "KES-K07 is already defined at fields/kesehatan-lama.yaml:" + at);
            refused("fields/kesehatan.yaml", line("fields/kesehatan.yaml", "code: KES\n"),
                    "field/code (KES): KES is already the field of fields/kesehatan-lama.yaml:");
        }

        @Test
        void malformedServiceCode() throws IOException {
            int at = edit("fields/kesehatan.yaml", "- code: KES-K03\n", "- code: KES-K3\n");
            refused("fields/kesehatan.yaml", at, "services[4]/code (KES-K3): 'KES-K3' is not a service code",
                    "expected <FIELD>-<P|K><NN> such as KES-K01");
        }

        @Test
        @DisplayName("a service code of another field than the file's")
        void serviceCodeOfAnotherField() throws IOException {
            int at = edit("fields/sosial.yaml", "- code: SOS-K05\n", "- code: KES-K13\n");
            refused("fields/sosial.yaml", at, "'KES-K13' is a service of field KES but this file is field SOS", "start the code with SOS-");
        }

        @Test
        @DisplayName("level and code disagree: K is kabupaten/kota")
        void levelCodeMismatch() throws IOException {
            edit("fields/kesehatan.yaml", "- code: KES-K01\n    level: kabkota\n", "- code: KES-K01\n    level: provinsi\n");
            refused("fields/kesehatan.yaml", line("fields/kesehatan.yaml", "- code: KES-K01\n") + 1,
                    "services[2]/level (KES-K01): 'provinsi' does not match the code KES-K01", "write level: kabkota");
        }

        @Test
        @DisplayName("a measure code in lower case")
        void measureCodeInLowerCase() throws IOException {
            int at = edit("fields/kesehatan.yaml", "      - code: SASARAN\n", "      - code: sasaran\n");
            refused("fields/kesehatan.yaml", at, "services[0]/measures[0]/code (sasaran): 'sasaran' is not a valid code", "write SASARAN");
            // and the service now lacks the measure the maths needs
            refused("fields/kesehatan.yaml", line("fields/kesehatan.yaml", "    measures:\n"), "services[0]/measures (KES-P01): no measure SASARAN");
        }

        @Test
        @DisplayName("a measure code given twice in a service")
        void duplicateMeasureCode() throws IOException {
            int first = line("fields/kesehatan.yaml", "      - code: SASARAN\n");
            int at = edit("fields/kesehatan.yaml", "      - code: TERLAYANI\n", "      - code: SASARAN\n");
            refused("fields/kesehatan.yaml", at, "SASARAN appears twice in KES-P01 (first at line " + first + ")");
        }

        @Test
        @DisplayName("a mutu item whose generated _BUTUH measure is already a measure of the service")
        void mutuItemCollidingWithAMeasure() throws IOException {
            edit("fields/kesehatan.yaml", "      - code: TERLAYANI\n", "      - code: OBAT_BMHP_BUTUH\n");
            int at = line("fields/kesehatan.yaml", "      - code: OBAT_BMHP\n");
            refused("fields/kesehatan.yaml", at, "mutu item OBAT_BMHP gives the measure OBAT_BMHP_BUTUH, which KES-P01 already has");
        }

        @Test
        @DisplayName("a measure named like a common one")
        void measureNamedLikeACommonOne() throws IOException {
            int at = edit("fields/kesehatan.yaml", "      - code: TERLAYANI\n", "      - code: ANGGARAN_RENCANA\n");
            refused("fields/kesehatan.yaml", at, "ANGGARAN_RENCANA is a common measure every service already has (common.yaml:"
                    + line("common.yaml", "- code: ANGGARAN_RENCANA") + ")");
        }

        @Test
        @DisplayName("a formula naming a measure the service does not have")
        void formulaNamingUnknownMeasure() throws IOException {
            int at = edit("fields/pekerjaan-umum.yaml", "numerator: KAPASITAS_AIR_CURAH", "numerator: KAPASITAS_AIR_CURA");
            refused("fields/pekerjaan-umum.yaml", at,
                    "services[0]/indicators[1]/formula/numerator (PEMENUHAN_KAPASITAS_CURAH): 'KAPASITAS_AIR_CURA' is not a measure of PU-P01",
                    "(did you mean 'KAPASITAS_AIR_CURAH'?)");
        }

        @Test
        @DisplayName("a formula naming another service's measure that does not exist")
        void formulaNamingUnknownFullCode() throws IOException {
            int at = edit("fields/pendidikan.yaml", "{type: measure, of: APS_16_18}", "{type: measure, of: PEND-P01.APS_16_81}");
            refused("fields/pendidikan.yaml", at, "formula/of (CAPAIAN_APS): 'PEND-P01.APS_16_81' is not a measure in the catalogue",
                    "PEND-P01 has no measure APS_16_81 (did you mean 'APS_16_18'?)");
            // a full code that exists is fine, even in another service
            edit("fields/pendidikan.yaml", "PEND-P01.APS_16_81", "PEND-K02.APS_7_15");
            assertThat(problems()).isEmpty();
        }

        @Test
        @DisplayName("CAPAIAN_PENERIMA is fixed: TERLAYANI / SASARAN x 100")
        void recipientAchievementFormulaIsFixed() throws IOException {
            int at = edit("fields/kesehatan.yaml", "numerator: TERLAYANI, denominator: SASARAN, factor: 100}",
                    "numerator: SASARAN, denominator: TERLAYANI, factor: 100}");
            refused("fields/kesehatan.yaml", at, "services[0]/indicators[0]/formula (CAPAIAN_PENERIMA): CAPAIAN_PENERIMA is the recipient achievement");
        }

        @Test
        @DisplayName("a service without TERLAYANI: the line of its measures, the service and what every service needs")
        void serviceWithoutServedCount() throws IOException {
            edit("fields/kesehatan.yaml", "      - code: TERLAYANI\n", "      - code: TERLAYANI_STANDAR\n");
            refused("fields/kesehatan.yaml", line("fields/kesehatan.yaml", "    measures:\n"),
                    "services[0]/measures (KES-P01): no measure TERLAYANI: every service needs",
                    "every service needs SASARAN (how many must be served) and TERLAYANI", "type: count");
            // ... and CAPAIAN_PENERIMA now names a measure that is not there
            refused("fields/kesehatan.yaml", line("fields/kesehatan.yaml", "numerator: TERLAYANI"), "'TERLAYANI' is not a measure of KES-P01");
        }

        @Test
        @DisplayName("TERLAYANI that is a percent, not a count")
        void servedCountOfTheWrongType() throws IOException {
            int at = edit("fields/kesehatan.yaml", "        type: count\n        accumulation: sum        # people served",
                    "        type: percent\n        accumulation: sum        # people served");
            refused("fields/kesehatan.yaml", at, "services[0]/measures[1]/type (TERLAYANI): TERLAYANI must be type: count");
        }

        @Test
        @DisplayName("a service without CAPAIAN_PENERIMA")
        void serviceWithoutRecipientAchievement() throws IOException {
            edit("fields/kesehatan.yaml", "      - code: CAPAIAN_PENERIMA\n", "      - code: CAPAIAN\n");
            refused("fields/kesehatan.yaml", line("fields/kesehatan.yaml", "    indicators:\n"),
                    "services[0]/indicators (KES-P01): no indicator CAPAIAN_PENERIMA");
        }

        @Test
        @DisplayName("an unknown kind: the value found and what is allowed")
        void unknownKind() throws IOException {
            int at = edit("fields/kesehatan.yaml", "kind: output", "kind: hasil");
            assertThat(problems()).containsExactly(new CatalogueProblem("fields/kesehatan.yaml", at,
                    "services[0]/measures[1]/kind (TERLAYANI): 'hasil' is not one of [input, proses, output, outcome]"));
        }

        @Test
        @DisplayName("an accumulation other than sum or latest")
        void unknownAccumulation() throws IOException {
            int at = edit("fields/kesehatan.yaml", "accumulation: sum        # people served", "accumulation: total        # people served");
            refused("fields/kesehatan.yaml", at, "services[0]/measures[1]/accumulation (TERLAYANI): 'total' is not one of [sum, latest]");
        }

        @Test
        @DisplayName("a measure without source")
        void missingSource() throws IOException {
            edit("fields/kesehatan.yaml", "        source: \"Permendagri 59/2021 (tahap pengumpulan data); Permenkes 6/2024\"\n", "");
            refused("fields/kesehatan.yaml", line("fields/kesehatan.yaml", "      - code: SASARAN\n"),
                    "services[0]/measures[0]/source (SASARAN): missing", "name the regulation it comes from");
        }

        @Test
        @DisplayName("an empty source on a mutu item, a service without regulation, a rule version without source")
        void blankSources() throws IOException {
            int mutu = edit("fields/kesehatan.yaml",
                    "        source: \"Permenkes 6/2024 Lampiran (standar jumlah dan kualitas barang dan/atau jasa)\"",
                    "        source: \"  \"");
            refused("fields/kesehatan.yaml", mutu, "services[0]/mutu[0]/source (OBAT_BMHP): empty");
            edit("fields/sosial.yaml", "    regulation: ", "    # regulation: ");
            refused("fields/sosial.yaml", line("fields/sosial.yaml", "  - code: SOS-P01"), "services[0]/regulation (SOS-P01): missing");
            edit("rules.yaml", "    source: \"PP 2/2018; ", "    sources: \"PP 2/2018; ");
            refused("rules.yaml", line("rules.yaml", "  - version:"), "versions[0]/source (2026.2): missing");
            refused("rules.yaml", line("rules.yaml", "    sources:"), "versions[0]/sources (2026.2): unknown key; expected version, valid_from", "(did you mean 'source'?)");
        }

        @Test
        @DisplayName("a category scheme without source")
        void categoriesWithoutSource() throws IOException {
            edit("rules.yaml", "      source: \"Scheme used", "      # source: \"Scheme used");
            // a missing key is reported on the first line of its entry
            refused("rules.yaml", line("rules.yaml", "      bands:"), "versions[0]/categories/source (2026.2): missing");
        }

        @Test
        @DisplayName("weights 80 / 30 do not add up to 100")
        void weightsNotSummingToHundred() throws IOException {
            edit("rules.yaml", "quality: 20", "quality: 30");
            refused("rules.yaml", line("rules.yaml", "recipients: 80"),
                    "versions[0]/service_index_weights/default (2026.2): recipients 80 + quality 30 = 110, not 100", "must add up to 100");
        }

        @Test
        @DisplayName("weights for a field that does not exist")
        void weightsForAnUnknownField() throws IOException {
            int at = edit("rules.yaml", "        PEND:\n", "        PENDIDIKAN:\n");
            refused("rules.yaml", at, "by_field/PENDIDIKAN (2026.2): 'PENDIDIKAN' is not a field of the catalogue", "PEND");
        }

        @Test
        @DisplayName("a gap between bands: Madya from 80.50 leaves 80.00 .. 80.49 without category")
        void bandGap() throws IOException {
            int at = edit("rules.yaml", "min: 80.00", "min: 80.50");
            assertThat(problems()).containsExactly(new CatalogueProblem("rules.yaml", at,
                    "versions[0]/categories/bands[2]/min (TUNTAS_MADYA): indices from 80.00 to 80.49 fall in no band: TUNTAS_PRATAMA ends at 79.99;"
                            + " make this min 80.00 (the max of TUNTAS_PRATAMA + 0.01) or raise that max to 80.49"));
        }

        @Test
        @DisplayName("overlapping bands: Madya from 79.50 while Pratama runs to 79.99")
        void bandOverlap() throws IOException {
            int at = edit("rules.yaml", "min: 80.00", "min: 79.50");
            refused("rules.yaml", at, "bands[2]/min (TUNTAS_MADYA): indices from 79.50 to 79.99 fall in both TUNTAS_MADYA and TUNTAS_PRATAMA",
                    "make this min 80.00");
        }

        @Test
        @DisplayName("bands that do not reach 100.00 or 0.00")
        void bandsNotCoveringTheScale() throws IOException {
            int top = edit("rules.yaml", "min: 100.00\n          max: 100.00", "min: 100.00\n          max: 100.00".replace("max: 100.00", "max: 100"));
            assertThat(problems()).as("100 and 100.00 are the same bound").isEmpty();
            edit("rules.yaml", "min: 0.00", "min: 1.00");
            refused("rules.yaml", line("rules.yaml", "min: 1.00"), "the lowest band starts at 1.00: indices from 0.00 to 0.99 fall in no band");
            assertThat(top).isPositive();
        }

        @Test
        @DisplayName("a band whose min is above its max, and a bound with three decimals")
        void bandBoundsOutOfOrder() throws IOException {
            int at = edit("rules.yaml", "min: 70.00", "min: 79.999");
            refused("rules.yaml", at, "bands[3]/min (TUNTAS_PRATAMA): 79.999 has more than two decimals");
            edit("rules.yaml", "min: 79.999", "min: 85.00");
            refused("rules.yaml", at, "bands[3]/min (TUNTAS_PRATAMA): min 85.00 is above max 79.99");
        }

        @Test
        @DisplayName("bands listed out of order")
        void bandsOutOfOrder() throws IOException {
            String rules = Files.readString(dir.resolve("rules.yaml"));
            String muda = rules.substring(rules.indexOf("        - code: TUNTAS_MUDA"), rules.indexOf("        - code: BELUM_TUNTAS"));
            Files.writeString(dir.resolve("rules.yaml"), rules.replace(muda, "")
                    .replace("        # Pratama ranks above Muda", muda + "        # Pratama ranks above Muda"));
            refused("rules.yaml", line("rules.yaml", "- code: TUNTAS_PRATAMA"),
                    "TUNTAS_PRATAMA (min 70.00) is listed below TUNTAS_MUDA (min 60.00); list the bands from the highest to the lowest");
        }

        @Test
        @DisplayName("a rule version that ends before it starts")
        void validToBeforeValidFrom() throws IOException {
            int at = edit("rules.yaml", "valid_to: null", "valid_to: 2018-12-31");
            refused("rules.yaml", at, "versions[1]/valid_to (2026.3): valid_to 2018-12-31 is before valid_from 2024-01-01");
        }

        @Test
        @DisplayName("two rule versions in force on the same day, and a version name given twice")
        void overlappingVersions() throws IOException {
            String rules = Files.readString(dir.resolve("rules.yaml"));
            String version = rules.substring(rules.lastIndexOf("  - version:"));
            String next = version.replace("version: \"2026.3\"", "version: \"2027.1\"").replace("valid_from: 2024-01-01", "valid_from: 2027-01-01");
            Files.writeString(dir.resolve("rules.yaml"), rules + next);
            int at = line("rules.yaml", "valid_from: 2027-01-01");
            refused("rules.yaml", at, "versions[2]/valid_from (2027.1): version 2027.1 starts on 2027-01-01 while version 2026.3",
                    "still applies (it has no valid_to)", "close 2026.3 with valid_to: 2026-12-31");

            // closing the first version the day before fixes it; a day too early leaves a gap
            edit("rules.yaml", "valid_to: null", "valid_to: 2026-12-31");
            assertThat(problems()).isEmpty();
            edit("rules.yaml", "valid_to: 2026-12-31", "valid_to: 2026-12-30");
            refused("rules.yaml", at, "no rule version applies from 2026-12-31 to 2026-12-31");

            edit("rules.yaml", "version: \"2027.1\"", "version: \"2026.3\"");
            refused("rules.yaml", at - 1, "version 2026.3 appears twice");
        }

        @Test
        @DisplayName("YAML that does not parse: the file, the line, and the other files are still checked")
        void yamlSyntaxError() throws IOException {
            int at = edit("fields/pendidikan.yaml", "  name: {id: \"Pendidikan\", en: \"Education\"}", "  name: {id: \"Pendidikan\", en: \"Education\"");
            edit("fields/kesehatan.yaml", "kind: output", "kind: hasil");
            List<CatalogueProblem> problems = problems();
            assertThat(problems).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo("fields/pendidikan.yaml");
                assertThat(p.line()).isBetween(at, at + 1);
                assertThat(p.message()).startsWith("not valid YAML: ").contains("flow mapping");
            });
            assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("'hasil'"));
            // no noise from the unread file: PEND still counts as a field for the weights
            assertThat(problems).hasSize(2);
        }

        @Test
        @DisplayName("a tab in the indentation")
        void tabIndentation() throws IOException {
            int at = edit("common.yaml", "    kind: proses\n", "\tkind: proses\n");
            refused("common.yaml", at, "not valid YAML", "spaces, not tabs");
        }

        @Test
        @DisplayName("a key given twice in one entry")
        void keyGivenTwice() throws IOException {
            int first = line("fields/kesehatan.yaml", "        unit: orang\n");
            int at = edit("fields/kesehatan.yaml", "        type: count\n", "        type: count\n        unit: jiwa\n") + 1;
            refused("fields/kesehatan.yaml", at, "key 'unit' appears twice in the same entry (first on line " + first + ")");
        }

        @Test
        @DisplayName("an unknown key, such as a misspelt valid_to")
        void unknownKey() throws IOException {
            int at = edit("rules.yaml", "valid_to: null", "valid_until: null");
            refused("rules.yaml", at, "versions[1]/valid_until (2026.3): unknown key");
        }

        @Test
        @DisplayName("issue 13: sum_of naming a measure the service does not have, and a quality method that does not exist")
        void sumOfAndQualityMethod() throws IOException {
            int at = edit("fields/pekerjaan-umum.yaml", "sum_of: [RUMAH_CUBLUK, RUMAH_LUMPUR_TINJA_IPLT, RUMAH_SR_IPALD]",
                    "sum_of: [RUMAH_CUBLUK, RUMAH_LUMPUR_TINJA, RUMAH_SR_IPALD]");
            refused("fields/pekerjaan-umum.yaml", at, "sum_of (TERLAYANI): 'RUMAH_LUMPUR_TINJA' is not another measure of PU-K02");
            edit("fields/pekerjaan-umum.yaml", "RUMAH_LUMPUR_TINJA, ", "RUMAH_LUMPUR_TINJA_IPLT, ");
            int method = edit("rules.yaml", "          method: reported", "          method: rapor");
            refused("rules.yaml", method, "quality/by_field/PEND/method (2026.3): 'rapor' is not one of [item_mean, pooled, reported]");
        }

        @Test
        @DisplayName("mutu: [] without a mutu_note")
        void emptyMutuWithoutNote() throws IOException {
            int at = line("fields/pekerjaan-umum.yaml", "    mutu: []");
            edit("fields/pekerjaan-umum.yaml", "    mutu_note: {", "    # mutu_note: {");
            refused("fields/pekerjaan-umum.yaml", at, "services[0]/mutu (PU-P01): no mutu item and no mutu_note");
        }

        @Test
        @DisplayName("a field file that is missing its field code and a missing rules.yaml")
        void missingPieces() throws IOException {
            Files.delete(dir.resolve("rules.yaml"));
            edit("fields/perumahan.yaml", "  code: PERKIM\n", "");
            List<CatalogueProblem> problems = problems();
            assertThat(problems).contains(new CatalogueProblem("rules.yaml", 0, "file missing"));
            refused("fields/perumahan.yaml", line("fields/perumahan.yaml", "field:") + 1, "field/code: missing");
        }

        @Test
        @DisplayName("many problems at once, ordered by file and line")
        void allProblemsAtOnce() throws IOException {
            edit("fields/sosial.yaml", "kind: output", "kind: hasil");
            edit("fields/kesehatan.yaml", "kind: output", "kind: hasil");
            edit("rules.yaml", "quality: 20", "quality: 30");
            edit("common.yaml", "type: percent", "type: persen");
            List<CatalogueProblem> problems = problems();
            assertThat(problems).extracting(CatalogueProblem::file)
                    .containsExactly("rules.yaml", "common.yaml", "fields/kesehatan.yaml", "fields/sosial.yaml");
        }
    }
}
