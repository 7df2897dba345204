package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import id.pantauspm.support.Corpus;
import id.pantauspm.support.Corpus.Fact;

/**
 * Every file of the ingest corpus read as the job reads it, against its exact expected outcome in
 * src/test/resources/corpus/expected.csv: the values stored (region, period, measure, amount, sheet,
 * row), every problem with its location and the text found, or the file's refusal. A file's listed
 * facts are all of it, so a rejected row that stored anything, or a refusal that kept a value, fails.
 */
@DisplayName("Ingest corpus: bad and awkward inputs, each with its exact outcome")
class IngestCorpusTest {

    static Stream<String> corpus() {
        return Corpus.expectations().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void outcomeAsExpected(String name) {
        if (Corpus.LIBREOFFICE_FILES.containsKey(name)) {
            Assumptions.assumeTrue(Corpus.libreOfficeMissing() == null, Corpus.libreOfficeMissing());
        }
        Path file = Corpus.files().get(name);
        assertThat(file).as("corpus file %s (committed or generated)", name).isNotNull().isRegularFile();
        List<Fact> expected = Corpus.expectations().get(name);

        List<Fact> actual = Corpus.outcome(name, file);

        assertThat(actual).extracting(Fact::key).as("outcome of %s", name)
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(Fact::key).toList());
        for (Fact e : expected) {
            if (e.args() != null) {
                assertThat(actual).filteredOn(a -> a.key().equals(e.key())).extracting(Fact::args)
                        .as("message arguments of %s", e.key()).contains(e.args());
            }
        }
    }

    @Test
    @DisplayName("every corpus file is listed in expected.csv and every listed file exists")
    void tableAndFilesAgree() throws Exception {
        Set<String> listed = Corpus.expectations().keySet();
        Set<String> committed;
        try (Stream<Path> files = Files.list(Corpus.COMMITTED)) {
            committed = files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !n.equals("README.md") && !n.equals("expected.csv"))
                    .collect(Collectors.toSet());
        }
        assertThat(listed).containsAll(committed);
        Set<String> available = Corpus.files().keySet();
        List<String> missing = new ArrayList<>(listed);
        missing.removeAll(available);
        if (Corpus.libreOfficeMissing() != null) {
            missing.removeAll(Corpus.LIBREOFFICE_FILES.keySet());
        }
        assertThat(missing).as("listed but neither committed nor generated").isEmpty();
        assertThat(available).allMatch(listed::contains);
    }

    @Test
    @DisplayName("the corpus holds at least 40 distinct inputs and every kind of outcome")
    void breadth() {
        Map<String, List<Fact>> all = Corpus.expectations();
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        Set<String> facts = all.values().stream().flatMap(List::stream).map(Fact::fact).collect(Collectors.toSet());
        assertThat(facts).contains("value", "rejected", "warning", "note", "refused", "nothing");
        Set<String> codes = all.values().stream().flatMap(List::stream).map(Fact::code).filter(c -> c != null)
                .collect(Collectors.toSet());
        assertThat(codes).contains("file_zero_bytes", "file_no_header", "file_type_ods", "file_type_unsupported", "file_content_mismatch",
                "file_encrypted", "file_truncated", "file_corrupt", "file_zip_bomb", "file_too_large", "file_too_many_rows",
                "csv_unterminated_quote", "file_read_as_content", "sheet_skipped", "value_formula_error",
                "value_formula_without_result", "value_ambiguous", "region_shortened", "region_by_name", "region_without_dot",
                "measure_unknown", "value_unreadable", "value_negative", "value_not_whole", "value_percent_range", "period_unreadable");
    }
}
