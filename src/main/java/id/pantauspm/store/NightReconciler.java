package id.pantauspm.store;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import id.pantauspm.ingest.Problem;

/**
 * Makes the values of a night's ingested files count, with no silent choice (issue 8):
 * <ul>
 * <li>two different values for one region, period and measure, in one file or across the night's
 * files, are a <b>conflict</b>: every row involved is named in its file's receipt, none is used, and
 * the value active before stays;</li>
 * <li>the same value repeated is used once, the repeats warned;</li>
 * <li>a file supersedes, per region, period and service, what earlier nights' files received before
 * it said (a corrected file replaces the earlier values of the services it reports, which stay as
 * history; other services keep theirs); a file received before the one already holding the data
 * stays history.</li>
 * <li>a survey file (IKM) replaces whole, per region, unit and period, the answers of a file received
 * before it; files are taken in the order received, so the result does not depend on which ingest
 * partition finished first.</li>
 * </ul>
 * The schema keeps at most one active value per region, period and measure.
 */
@Repository
public class NightReconciler {

    /** Submissions whose values are in, waiting for this step. */
    private static final String NIGHT = "select id from submission where status = 'INGESTED' and activated_at is null";
    private static final String ACTIVE_KEY = "region_code || '|' || period_code || '|' || measure_code";
    private static final String KEY_OF_VALUE = "k.region_code = measured_value.region_code "
            + "and k.period_code = measured_value.period_code and k.measure_code = measured_value.measure_code";

    private final JdbcTemplate jdbc;
    private final ValueRepository values;
    private final SurveyRepository surveys;

    public NightReconciler(JdbcTemplate jdbc, ValueRepository values, SurveyRepository surveys) {
        this.jdbc = jdbc;
        this.values = values;
        this.surveys = surveys;
    }

    /** What the step did, for the log. */
    public record Outcome(int submissions, int activated, int conflictingRows, int repeats) {
    }

    private record Row(long id, long submissionId, String fileName, String region, String period, String measure,
                       BigDecimal amount, String sheet, int row, String column) {

        String key() {
            return region + "|" + period + "|" + measure;
        }
    }

    /**
     * After a night's values were added: PostgreSQL's planner statistics brought up to date, so the receipts'
     * queries over the new values use their indexes (stale figures made it scan the values once per value).
     */
    public void refreshStatistics() {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        if (product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgresql")) {
            jdbc.execute("analyze measured_value");
            jdbc.execute("analyze submission");
        }
    }

    public Outcome reconcile() {
        List<Long> night = jdbc.queryForList(NIGHT, Long.class);
        if (night.isEmpty()) {
            return new Outcome(0, 0, 0, 0);
        }
        // The night's submissions as a list of numbers: an IN list of constants is an index range on
        // H2 and PostgreSQL alike, where a subquery would be run again for every value on H2.
        String ids = night.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        // Survey answers: per unit and period the file received last, here rather than at the end of each
        // file, where two partitions reading files of one unit locked the same answers.
        surveys.activateNight(night);
        jdbc.update("delete from reconcile_key");
        jdbc.update("delete from reconcile_service");
        // 1. Every key of the night once, with the value to keep and whether the night disagrees on it (more
        //    than one distinct amount; missing counts as a value of its own).
        jdbc.update("insert into reconcile_key (region_code, period_code, measure_code, keep_id, in_conflict) "
                + "select v.region_code, v.period_code, v.measure_code, max(v.id), case when count(distinct v.amount) > 1 "
                + "or (count(v.amount) > 0 and count(v.amount) < count(*)) then true else false end from measured_value v "
                + "where v.submission_id in (" + ids + ") group by v.region_code, v.period_code, v.measure_code");
        int conflicting = jdbc.update("update measured_value set in_conflict = true where submission_id in (" + ids + ") "
                + "and exists (select 1 from reconcile_key k where k.in_conflict = true and " + KEY_OF_VALUE + ")");
        Map<Long, List<Problem>> problems = new LinkedHashMap<>();
        if (conflicting > 0) {
            conflictProblems(problems, ids);
        }
        // 2. Per region, period and service, the latest file of the night that reports it.
        jdbc.update("insert into reconcile_service (region_code, period_code, service_code, received_at, submission_id) "
                + "select v.region_code, v.period_code, v.service_code, max(s.received_at), max(s.id) from measured_value v "
                + "join submission s on s.id = v.submission_id where v.submission_id in (" + ids + ") "
                + "group by v.region_code, v.period_code, v.service_code");
        // 3. Services superseded: earlier nights' active values for a region, period and service that a file of
        //    this night, received later, reports; values in conflict keep their earlier value. Per service,
        //    not per field: the programme holders of one dinas send their services in separate files.
        jdbc.update("update measured_value set active = false, active_key = null where active = true "
                + "and exists (select 1 from reconcile_service r join submission s on s.id = measured_value.submission_id "
                + "where r.region_code = measured_value.region_code and r.period_code = measured_value.period_code "
                + "and r.service_code = measured_value.service_code "
                + "and (r.received_at > s.received_at or (r.received_at = s.received_at and r.submission_id > s.id))) "
                + "and not exists (select 1 from reconcile_key k where k.in_conflict = true and " + KEY_OF_VALUE + ")");
        // 4. One value per key: the last row of the last file received (all rows of a key agree by now),
        //    unless a file received later than this one already holds the service.
        int activated = jdbc.update("update measured_value set active = true, active_key = " + ACTIVE_KEY
                + " where submission_id in (" + ids + ") and exists (select 1 from reconcile_key k where k.keep_id = measured_value.id "
                + "and k.in_conflict = false) "
                + "and not exists (select 1 from measured_value w join submission ws on ws.id = w.submission_id "
                + "join submission s on s.id = measured_value.submission_id where w.active = true "
                + "and w.region_code = measured_value.region_code and w.period_code = measured_value.period_code "
                + "and w.service_code = measured_value.service_code "
                + "and (ws.received_at > s.received_at or (ws.received_at = s.received_at and ws.id > s.id)))");
        int repeats = repeatProblems(problems, ids);
        heldByNewerProblems(problems, ids);
        problems.forEach(values::insertProblems);
        Timestamp now = Timestamp.from(Instant.now());
        for (long id : night) {
            jdbc.update("update submission set activated_at = ?, rows_accepted = ?, rows_rejected = ?, rows_warned = ? where id = ?",
                    now, values.countValues(id), values.countRejectedRows(id), values.countRowsWithWarnings(id), id);
        }
        jdbc.update("delete from reconcile_key");
        jdbc.update("delete from reconcile_service");
        return new Outcome(night.size(), activated, conflicting, repeats);
    }

    /** Every row in conflict is named with each row it disagrees with; the value still used, if any, is said once. */
    private void conflictProblems(Map<Long, List<Problem>> problems, String ids) {
        Map<String, List<Row>> byKey = new LinkedHashMap<>();
        jdbc.query("select v.id, v.submission_id, s.file_name, v.region_code, v.period_code, v.measure_code, v.amount, "
                + "v.source_sheet, v.source_row, v.source_column from measured_value v join submission s on s.id = v.submission_id "
                + "where v.in_conflict = true and v.submission_id in (" + ids + ") "
                + "order by v.region_code, v.period_code, v.measure_code, s.received_at, v.id", (RowCallbackHandler) rs -> {
                    Row r = new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getBigDecimal(7), rs.getString(8), rs.getInt(9), rs.getString(10));
                    byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
                });
        Map<String, Object[]> previous = new LinkedHashMap<>();
        jdbc.query("select v.region_code || '|' || v.period_code || '|' || v.measure_code, v.amount, s.file_name "
                + "from measured_value v join submission s on s.id = v.submission_id join reconcile_key k on k.in_conflict = true "
                + "and k.region_code = v.region_code and k.period_code = v.period_code and k.measure_code = v.measure_code "
                + "where v.active = true", (RowCallbackHandler) rs -> previous.put(rs.getString(1), new Object[] {rs.getBigDecimal(2), rs.getString(3)}));
        for (List<Row> rows : byKey.values()) {
            for (Row r : rows) {
                List<Problem> of = problems.computeIfAbsent(r.submissionId(), k -> new ArrayList<>());
                for (Row other : rows) {
                    if (other.id() == r.id() || Objects.equals(other.amount(), r.amount())
                            || (other.amount() != null && r.amount() != null && other.amount().compareTo(r.amount()) == 0)) {
                        continue;
                    }
                    boolean sameFile = other.submissionId() == r.submissionId();
                    List<String> args = new ArrayList<>(List.of(r.measure(), r.region(), r.period()));
                    if (!sameFile) {
                        args.add(other.fileName());
                    }
                    args.addAll(List.of(other.sheet(), String.valueOf(other.row()), plain(other.amount())));
                    of.add(new Problem(Problem.Severity.ROW_REJECTED,
                            sameFile ? "value_conflict_in_file" : "value_conflict_other_file", r.sheet(), r.row(), r.column(),
                            plain(r.amount()), List.copyOf(args)));
                }
                Object[] kept = previous.get(r.key());
                if (kept != null) {
                    of.add(new Problem(Problem.Severity.NOTE, "value_conflict_previous_kept", r.sheet(), r.row(), r.column(),
                            plain(r.amount()), List.of(r.measure(), r.region(), r.period(), plain((BigDecimal) kept[0]),
                                    (String) kept[1])));
                }
            }
        }
    }

    /** Rows of the night that repeat the value now active, in the same or another file: warned, not stored twice. */
    private int repeatProblems(Map<Long, List<Problem>> problems, String ids) {
        int[] n = {0};
        jdbc.query("select v.submission_id, v.source_sheet, v.source_row, v.source_column, v.amount, v.measure_code, v.region_code, "
                + "v.period_code, a.submission_id, s.file_name, a.source_sheet, a.source_row from measured_value v "
                + "join measured_value a on a.active_key = v.region_code || '|' || v.period_code || '|' || v.measure_code "
                + "and a.id <> v.id join submission s on s.id = a.submission_id "
                + "where v.submission_id in (" + ids + ") and v.active = false and v.in_conflict = false "
                + "and a.submission_id in (" + ids + ") order by v.submission_id, v.id", (RowCallbackHandler) rs -> {
                    boolean sameFile = rs.getLong(1) == rs.getLong(9);
                    List<String> args = new ArrayList<>(List.of(rs.getString(6), rs.getString(7), rs.getString(8)));
                    if (!sameFile) {
                        args.add(rs.getString(10));
                    }
                    args.addAll(List.of(rs.getString(11), String.valueOf(rs.getInt(12))));
                    problems.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Problem(Problem.Severity.WARNING,
                            sameFile ? "value_repeated_in_file" : "value_repeated_other_file", rs.getString(2), rs.getInt(3),
                            rs.getString(4), plain(rs.getBigDecimal(5)), List.copyOf(args)));
                    n[0]++;
                });
        return n[0];
    }

    /**
     * Values of the night not used because a file dated later already holds their service (a correction
     * unzipped with its old date, say): one warning per file and newer file, never silence.
     */
    private void heldByNewerProblems(Map<Long, List<Problem>> problems, String ids) {
        jdbc.query("select v.submission_id, a_s.file_name, a_s.received_at, count(*) from measured_value v "
                + "join submission vs on vs.id = v.submission_id "
                + "join measured_value a on a.active_key = v.region_code || '|' || v.period_code || '|' || v.measure_code "
                + "join submission a_s on a_s.id = a.submission_id "
                + "where v.submission_id in (" + ids + ") and v.active = false and v.in_conflict = false "
                + "and a.submission_id not in (" + ids + ") "
                + "and (a_s.received_at > vs.received_at or (a_s.received_at = vs.received_at and a_s.id > vs.id)) "
                + "group by v.submission_id, a_s.file_name, a_s.received_at order by v.submission_id, a_s.received_at",
                (RowCallbackHandler) rs -> problems.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Problem(
                        Problem.Severity.WARNING, "values_held_by_newer", null, null, null, null,
                        List.of(String.valueOf(rs.getLong(4)), rs.getString(2),
                                rs.getTimestamp(3).toLocalDateTime().toLocalDate().toString()))));
    }

    private static String plain(BigDecimal x) {
        return x == null ? "-" : x.stripTrailingZeros().toPlainString();
    }
}
