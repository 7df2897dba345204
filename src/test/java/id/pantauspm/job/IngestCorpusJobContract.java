package id.pantauspm.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import id.pantauspm.store.ValueRepository;
import id.pantauspm.support.Corpus;
import id.pantauspm.support.Corpus.Fact;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;

/**
 * The whole ingest corpus dropped into the inbox at once and run through the real nightly job, with
 * the corpus limits as settings: the run goes on past every refused file, each file ends in the
 * archive or the rejected folder byte for byte, and the database holds exactly the values and
 * problems of expected.csv for each submission (a refused file keeps nothing but its reason).
 */
abstract class IngestCorpusJobContract {

    @TempDir
    Path temp;

    abstract TestDatabase database(Path folder);

    @Test
    @DisplayName("the whole corpus in one run: every file filed byte for byte, exactly the expected values and problems stored")
    void wholeCorpusInOneRun() throws Exception {
        PantauHome home = new PantauHome(temp.resolve("home"), database(temp));
        Corpus.LIMIT_SETTINGS.forEach(home::with);
        Map<String, Path> corpus = Corpus.files();
        corpus.forEach((name, file) -> home.drop(file, name));
        Map<String, String> sent = PantauHome.fingerprints(home.inbox());
        assertThat(sent).hasSize(corpus.size());

        RunSummary summary = home.run();

        assertThat(summary.failed()).as("the run goes on past every refused file: %s", summary.failure()).isFalse();
        assertThat(summary.exitCode()).isEqualTo(RunSummary.SOME_REJECTED);

        // Every file received is in the archive or the rejected folder, byte for byte.
        Map<String, String> filed = new TreeMap<>(PantauHome.fingerprints(home.archive()));
        filed.putAll(PantauHome.fingerprints(home.rejected()));
        assertThat(filed.values()).containsAll(sent.values());

        Map<String, List<Fact>> expected = Corpus.expectations();
        List<Map<String, Object>> submissions = home.query(db -> db.queryForList(
                "select id, sha256, file_name, status, stored_as from submission order by id"));
        // the same bytes twice are one submission
        assertThat(submissions).hasSize((int) sent.values().stream().distinct().count());
        assertThat(summary.filesAccepted() + summary.filesRefused()).isEqualTo(submissions.size());

        try (ConfigurableApplicationContext context = home.start()) {
            JdbcTemplate db = context.getBean(JdbcTemplate.class);
            ValueRepository values = context.getBean(ValueRepository.class);
            for (Map<String, Object> s : submissions) {
                String name = (String) s.get("file_name");
                long id = ((Number) s.get("id")).longValue();
                List<Fact> facts = expected.get(name);
                assertThat(facts).as("expectations for %s", name).isNotNull();
                boolean refusedWhenRead = facts.stream().anyMatch(f -> f.fact().equals("refused"));
                // read to its end but no value to store (a header alone, every row rejected): the job refuses the
                // file, with one more line saying why
                boolean storesNothing = !refusedWhenRead && facts.stream().noneMatch(f -> f.fact().equals("value"));
                if (storesNothing) {
                    boolean rowsRejected = facts.stream().anyMatch(f -> f.fact().equals("rejected"));
                    facts = new ArrayList<>(facts.stream().filter(f -> !f.fact().equals("nothing")).toList());
                    facts.add(new Fact(name, "refused", null, null, null, rowsRejected ? "nothing_stored" : "no_data_rows", "",
                            null, null, null, null, null));
                }
                boolean refused = refusedWhenRead || storesNothing;

                assertThat(s.get("status")).as("status of %s", name).isEqualTo(refused ? "REFUSED" : "INGESTED");
                Path storedAs = Path.of((String) s.get("stored_as"));
                assertThat(storedAs.startsWith(refused ? home.rejected() : home.archive())).as("%s filed in %s", name, storedAs).isTrue();
                assertThat(id + "_" + name).isEqualTo(storedAs.getFileName().toString());
                assertThat(sha256(storedAs)).as("%s kept byte for byte", name).isEqualTo(s.get("sha256").toString().trim());

                List<Fact> stored = new ArrayList<>();
                db.query("select source_sheet, source_row, region_code, period_code, measure_code, amount from measured_value "
                        + "where submission_id = ?", rs -> {
                    BigDecimal amount = rs.getBigDecimal(6);
                    stored.add(new Fact(name, "value", rs.getString(1), rs.getInt(2), null, null, null, null, rs.getString(3),
                            rs.getString(4), rs.getString(5), amount == null ? null : Corpus.canonical(amount)));
                }, id);
                // Corpus files share region 33.74 and its measures, so in one night they disagree with each
                // other: those conflicts and repeats are the night's, checked below, not the file's own.
                values.problems(id).stream().filter(p -> !acrossFiles(p.code()))
                        .forEach(p -> stored.add(Corpus.problem(name, p)));
                if (stored.isEmpty()) {
                    stored.add(new Fact(name, "nothing", null, null, null, null, null, null, null, null, null, null));
                }
                assertThat(stored).extracting(Fact::key).as("stored for %s", name)
                        .containsExactlyInAnyOrderElementsOf(facts.stream().map(Fact::key).toList());
            }
        }

        // Across the night: a value in conflict is never active, and every conflict names the other row.
        assertThat(home.count("select count(*) from measured_value where in_conflict = true and active = true")).isZero();
        assertThat(home.count("select count(*) from submission_problem where problem_code like 'value_conflict%' "
                + "and problem_code <> 'value_conflict_previous_kept' and (details is null or details = '')")).isZero();
        // The second copy of the duplicate is filed at once, with a receipt naming the original.
        assertThat(PantauHome.fingerprints(home.inbox())).isEmpty();
        assertThat(home.count("select count(*) from duplicate_file where stored_as is null")).isZero();
        RunSummary second = home.run();
        assertThat(second.filesAccepted() + second.filesRefused()).isZero();
        assertThat(PantauHome.fingerprints(home.inbox())).isEmpty();
        assertThat(home.count("select count(*) from submission")).isEqualTo(submissions.size());
    }

    private static boolean acrossFiles(String code) {
        return code.startsWith("value_conflict") || code.startsWith("value_repeated");
    }

    private static String sha256(Path file) {
        assertThat(file).isRegularFile();
        return id.pantauspm.job.ScanTasklet.sha256(file);
    }
}
