package id.pantauspm.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * What the stored results and the published reports were computed from, so a night evaluates and
 * reports only what changed since (V70).
 */
@Repository
public class EvaluationState {

    private final JdbcTemplate jdbc;

    public EvaluationState(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each region's active values as one text: count, sum and largest id (values are never edited in place). */
    public Map<String, String> currentFingerprints() {
        Map<String, String> fingerprints = new HashMap<>();
        jdbc.query("select region_code, count(*), sum(id), max(id) from measured_value where active = true group by region_code",
                (RowCallbackHandler) rs -> fingerprints.put(rs.getString(1),
                        rs.getLong(2) + ":" + rs.getBigDecimal(3).toPlainString() + ":" + rs.getLong(4)));
        return fingerprints;
    }

    /**
     * A cheap mark of the stored values as a whole: their number and largest id (both indexed reads). Any insert or
     * delete moves it; active flags change only when a night's new values are reconciled, which inserts. Equal
     * marks thus mean equal {@link #currentFingerprints()} without grouping every value.
     */
    public String valuesMark() {
        Long count = jdbc.queryForObject("select count(*) from measured_value", Long.class);
        Long max = jdbc.queryForObject("select max(id) from measured_value", Long.class);
        return count + ":" + max;
    }

    /** The values mark the last evaluation's results are known to reflect (empty: none, or written before V73). */
    public Optional<String> lastValuesMark() {
        return jdbc.query("select values_mark from evaluation_run order by id desc", rs -> rs.next()
                ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty());
    }

    /** The stored results still reflect the values under this mark (a night that found no fingerprint changed). */
    public void stillReflects(String valuesMark) {
        jdbc.update("update evaluation_run set values_mark = ? where id = (select max(id) from evaluation_run)", valuesMark);
    }

    /** The fingerprints the stored results were computed from. */
    public Map<String, String> evaluatedFingerprints() {
        Map<String, String> fingerprints = new HashMap<>();
        jdbc.query("select region_code, fingerprint from evaluated_region",
                (RowCallbackHandler) rs -> fingerprints.put(rs.getString(1), rs.getString(2)));
        return fingerprints;
    }

    /** The inputs key of the last evaluation (catalogue, regions, settings), if any. */
    public Optional<String> lastInputsKey() {
        return jdbc.query("select inputs_key from evaluation_run order by id desc", rs -> rs.next()
                ? Optional.of(rs.getString(1)) : Optional.<String>empty());
    }

    /** Records that a region's results now reflect these values (null fingerprint: it has none any more). */
    public void evaluated(String regionCode, String fingerprint, long runId) {
        jdbc.update("delete from evaluated_region where region_code = ?", regionCode);
        if (fingerprint != null) {
            jdbc.update("insert into evaluated_region (region_code, fingerprint, run_id) values (?, ?, ?)", regionCode,
                    fingerprint, runId);
        }
    }

    public void recordRun(long runId, String inputsKey, String valuesMark, int regionsChanged, int rollupsWritten) {
        jdbc.update("insert into evaluation_run (run_id, evaluated_at, inputs_key, values_mark, regions_changed, rollups_written) "
                + "values (?, ?, ?, ?, ?, ?)", runId, Timestamp.from(Instant.now()), inputsKey, valuesMark, regionsChanged,
                rollupsWritten);
    }

    /** What the reports would be written from now: the last evaluation, submission and duplicate file. */
    public String reportInputs() {
        Long evaluation = jdbc.queryForObject("select max(id) from evaluation_run", Long.class);
        Long submission = jdbc.queryForObject("select max(id) from submission", Long.class);
        Long duplicate = jdbc.queryForObject("select max(id) from duplicate_file", Long.class);
        return evaluation + ":" + submission + ":" + duplicate;
    }

    /** What the published reports were written from (null: never written by a night). */
    public String reportedInputs() {
        return jdbc.query("select evaluation_id, submission_id, duplicate_id from report_state where id = 1",
                rs -> rs.next() ? rs.getObject(1, Long.class) + ":" + rs.getObject(2, Long.class) + ":"
                        + rs.getObject(3, Long.class) : null);
    }

    public void reported(String inputs) {
        String[] ids = inputs.split(":");
        jdbc.update("delete from report_state");
        jdbc.update("insert into report_state (id, evaluation_id, submission_id, duplicate_id, reported_at) values (1, ?, ?, ?, ?)",
                id(ids[0]), id(ids[1]), id(ids[2]), Timestamp.from(Instant.now()));
    }

    private static Long id(String text) {
        return text.equals("null") ? null : Long.valueOf(text);
    }
}
