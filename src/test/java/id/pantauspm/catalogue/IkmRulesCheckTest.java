package id.pantauspm.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.PantauHome;

/**
 * indicators/ikm.yaml is checked by `pantau catalog check` like the rest of the catalogue: a copy
 * broken in one place is refused at that file and line, saying what to fix.
 */
@DisplayName("ikm.yaml in the catalogue check")
class IkmRulesCheckTest {

    static final String FILE = "ikm.yaml";

    @TempDir
    Path dir;

    @BeforeEach
    void copy() throws IOException {
        PantauHome.copyTree(Path.of("indicators"), dir);
    }

    @Test
    @DisplayName("the shipped rules load: two regimes (9 and 14 unsur) and the 90-row Krejcie-Morgan table")
    void shippedRulesLoad() {
        IkmRules rules = new IkmRulesLoader().load(dir);
        assertThat(rules.version()).isEqualTo("ikm-2026.1");
        assertThat(rules.current().code()).isEqualTo("PERMENPANRB_14_2017");
        assertThat(rules.regimes()).extracting(IkmRegime::unsurCount).containsExactly(9, 14);
        assertThat(rules.current().weightDenominator()).isEqualTo(9);
        assertThat(rules.current().scale()).isEqualTo(25);
        assertThat(rules.current().unsur(8).name().id()).isEqualTo("Penanganan pengaduan, saran dan masukan");
        assertThat(rules.sampleSize().rows()).hasSize(90);
        assertThat(rules.withUnsurCount(14).orElseThrow().code()).isEqualTo("KEPMENPAN_25_2004");
    }

    @Test
    @DisplayName("words that name a regime, and the unsur a header or question names")
    void regimeAndUnsurWords() {
        IkmRules rules = new IkmRulesLoader().load(dir);
        IkmRegime nine = rules.current();
        assertThat(rules.declaredBy("Permenpan RB No. 14 Tahun 2017").orElseThrow().code()).isEqualTo("PERMENPANRB_14_2017");
        assertThat(rules.declaredBy("KEP/25/M.PAN/2/2004").orElseThrow().code()).isEqualTo("KEPMENPAN_25_2004");
        assertThat(rules.declaredBy("pedoman lama")).isEmpty();
        assertThat(nine.unsurFor("U1", false).orElseThrow().number()).isEqualTo(1);
        assertThat(nine.unsurFor("U09", false).orElseThrow().number()).isEqualTo(9);
        assertThat(nine.unsurFor("Unsur 3", false).orElseThrow().number()).isEqualTo(3);
        assertThat(nine.unsurFor("U4. Biaya/Tarif", false).orElseThrow().number()).isEqualTo(4);
        assertThat(nine.unsurFor("Biaya / Tarif", false).orElseThrow().number()).isEqualTo(4);
        assertThat(nine.unsurFor("Sarana dan Prasarana", false).orElseThrow().number()).isEqualTo(9);
        assertThat(nine.unsurFor("7", true).orElseThrow().number()).isEqualTo(7);
        assertThat(nine.unsurFor("7", false)).isEmpty();
        assertThat(nine.unsurFor("U12", false)).isEmpty();
        assertThat(nine.unsurFor("Umur", false)).isEmpty();
        // The same word is another unsur in the older regime.
        assertThat(rules.regime("KEPMENPAN_25_2004").orElseThrow().unsurFor("Persyaratan", false).orElseThrow().number()).isEqualTo(2);
    }

    @Test
    @DisplayName("a rounded weight (0.111) is refused: every unsur weighs exactly 1/n")
    void weightMustBeTheExactFraction() throws IOException {
        int at = edit("weight: 1/9", "weight: 0.111");
        refused(at, "regimes[0]/weight (PERMENPANRB_14_2017): '0.111' is not a fraction 1/n", "write weight: 1/9");
    }

    @Test
    @DisplayName("a weight that does not fit the number of unsur")
    void weightMustFitTheUnsur() throws IOException {
        int at = edit("weight: 1/14", "weight: 1/9");
        refused(at, "regimes[1]/weight (KEPMENPAN_25_2004): 1/9 does not fit 14 unsur of equal weight; write weight: 1/14");
    }

    @Test
    @DisplayName("a gap between bands names the band and the value it should have")
    void bandGap() throws IOException {
        int at = edit("        min: 76.61\n        max: 88.30", "        min: 76.61\n        max: 88.20");
        refused(at + 1, "regimes[0]/bands[1]/max (B): the band above starts at 88.31, so this one ends at 88.30", "found 88.20");
    }

    @Test
    @DisplayName("the lowest band starts at the lowest score times the scale (25.00)")
    void lowestBand() throws IOException {
        int at = edit("        min: 25.00\n        max: 64.99", "        min: 20.00\n        max: 64.99");
        refused(at, "regimes[0]/bands[3]/min (D): the lowest band starts at 25.00");
    }

    @Test
    @DisplayName("unsur out of order, and a word naming two unsur")
    void unsurCodesAndAliases() throws IOException {
        int code = edit("      - code: U3\n        name: {id: \"Waktu", "      - code: U4\n        name: {id: \"Waktu");
        refused(code, "regimes[0]/unsur[2]/code (U4): 'U4' is unsur number 3 in this list: its code is U3");
        int alias = edit("aliases: [\"sarana dan prasarana\", \"sarana prasarana\", \"sarana\"]",
                "aliases: [\"sarana dan prasarana\", \"sarana prasarana\", \"biaya\"]");
        refused(alias, "'biaya' already names U4; a word may name one unsur only");
    }

    @Test
    @DisplayName("a typo in the sample table: populations must ascend")
    void sampleTableOrder() throws IOException {
        int at = edit("    - [110, 86]", "    - [10, 86]");
        refused(at, "sample_size/table[19]: populations ascend: 10 follows 100");
        assertThatThrownBy(() -> new IkmRulesLoader().load(dir)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("ikm.yaml:" + at);
    }

    @Test
    @DisplayName("a missing ikm.yaml is named")
    void missingFile() throws IOException {
        Files.delete(dir.resolve(FILE));
        assertThat(CatalogueCheck.check(dir)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.message()).contains("file missing");
        });
    }

    private int edit(String from, String to) throws IOException {
        Path p = dir.resolve(FILE);
        String text = Files.readString(p);
        int at = text.indexOf(from);
        assertThat(at).as("'%s' in %s", from, FILE).isNotNegative();
        Files.writeString(p, text.substring(0, at) + to + text.substring(at + from.length()));
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private void refused(int line, String... fragments) {
        List<CatalogueProblem> problems = CatalogueCheck.check(dir);
        assertThat(problems).as("a problem at %s:%d with %s", FILE, line, List.of(fragments)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains(fragments);
        });
    }
}
