package id.pantauspm.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.PantauHome;

/** The words offices use, in the catalogue: on every service, checked with file and line. */
@DisplayName("Catalogue words: every service has its words, one word per service and level, measures' words known")
class CatalogueWordsTest {

    static final Path SHIPPED = PantauHome.PROJECT.resolve("indicators");

    @Test
    @DisplayName("every one of the 43 services has words, and the measure words come in their reading order")
    void shipped() {
        Catalogue c = new CatalogueLoader().load(SHIPPED);

        assertThat(c.words().byService()).hasSize(43);
        assertThat(c.words().byService().get("KES-K08")).contains("hipertensi");
        assertThat(c.words().byMeasure().keySet()).containsExactly("CAPAIAN_DILAPORKAN", "TERLAYANI", "SASARAN");
        assertThat(c.words().byMeasure().get("SASARAN")).contains("estimasi", "sasaran", "penderita");
    }

    @Test
    @DisplayName("a word on two services of one level, and measure words for a measure that is not everyone's: each a problem at its line")
    void problems(@TempDir Path dir) throws Exception {
        PantauHome.copyTree(SHIPPED, dir);
        Path kes = dir.resolve("fields/kesehatan.yaml");
        List<String> lines = Files.readAllLines(kes);
        int k09 = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("    words: [diabetes melitus")) {
                k09 = i;
                lines.set(i, "    words: [diabetes melitus, hipertensi]");
            }
        }
        Files.write(kes, lines);
        Path common = dir.resolve("common.yaml");
        Files.writeString(common, Files.readString(common).replace("measure_words:\n", "measure_words:\n  ANGKA_LAIN: [angka]\n"));

        List<CatalogueProblem> problems = CatalogueCheck.check(dir);
        int line = k09 + 1;

        assertThat(problems).extracting(CatalogueProblem::toString).anySatisfy(p -> assertThat(p)
                .startsWith("fields/kesehatan.yaml:" + line + ": services[10]/words (KES-K09): the word 'hipertensi' is already a word of another kabkota service"));
        assertThat(problems).extracting(CatalogueProblem::toString).anySatisfy(p -> assertThat(p)
                .startsWith("common.yaml:").contains("measure_words/ANGKA_LAIN").contains("is not a measure every service has"));
    }
}
