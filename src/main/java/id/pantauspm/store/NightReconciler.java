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
 * <li>a file supersedes, per region, period and field, what earlier nights' files received before it
 * said (a corrected file replaces the earlier values, which stay as history); a file received
 * before the one already holding the data stays history.</li>
 * </ul>
 * The schema keeps at most one active value per region, period and measure.
 */
@Repository
public class NightReconciler {

    /** Submissions whose values are in, waiting for this step. */
    private static final String NIGHT = "select id from submission where status = 'INGESTED' and activated_at is null";
    private static final String SAME_KEY = "c.region_code = v.region_code and c.period_code = v.period_code "
            + "and c.measure_code = v.measure_code";
    private static final String ACTIVE_KEY = "region_code || '|' || period_code || '|' || measure_code";

    private final JdbcTemplate jdbc;
    private final ValueRepository values;

    public NightReconciler(JdbcTemplate jdbc, ValueRepository values) {
        this.jdbc = jdbc;
        this.values = values;
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

    public Outcome reconcile() {
        List<Long> night = jdbc.queryForList(NIGHT, Long.class);
        if (night.isEmpty()) {
            return new Outcome(0, 0, 0, 0);
        }
        // 1. Conflicts: a key with more than one distinct amount (missing counts as a value of its own).
        int conflicting = jdbc.update("update measured_value set in_conflict = true where submission_id in (" + NIGHT + ") "
                + "and exists (select 1 from (select v.region_code, v.period_code, v.measure_code from measured_value v "
                + "where v.submission_id in (" + NIGHT + ") group by v.region_code, v.period_code, v.measure_code "
                + "having count(distinct v.amount) > 1 or (count(v.amount) > 0 and count(v.amount) < count(*))) c "
                + "where c.region_code = measured_value.region_code and c.period_code = measured_value.period_code "
                + "and c.measure_code = measured_value.measure_code)");
        Map<Long, List<Problem>> problems = new LinkedHashMap<>();
        if (conflicting > 0) {
            conflictProblems(problems);
        }
        // 2. Fields superseded: earlier nights' active values for a region, period and field that a file of
        //    this night, received later, also covers; values in conflict keep their earlier value.
        jdbc.update("update measured_value set active = false, active_key = null where active = true "
                + "and not exists (select 1 from measured_value c where c.in_conflict = true and c.submission_id in (" + NIGHT + ") "
                + "and c.region_code = measured_value.region_code and c.period_code = measured_value.period_code "
                + "and c.measure_code = measured_value.measure_code) "
                + "and exists (select 1 from measured_value n join submission ns on ns.id = n.submission_id "
                + "join submission s on s.id = measured_value.submission_id "
                + "where ns.status = 'INGESTED' and ns.activated_at is null and n.region_code = measured_value.region_code "
                + "and n.period_code = measured_value.period_code and n.field_code = measured_value.field_code "
                + "and (ns.received_at > s.received_at or (ns.received_at = s.received_at and ns.id > s.id)))");
        // 3. One value per key: the last row of the last file received (all rows of a key agree by now),
        //    unless a file received later than this one already holds the field.
        int activated = jdbc.update("update measured_value set active = true, active_key = " + ACTIVE_KEY
                + " where id in (select max(v.id) from measured_value v where v.submission_id in (" + NIGHT + ") "
                + "and v.in_conflict = false group by v.region_code, v.period_code, v.measure_code) "
                + "and not exists (select 1 from measured_value w join submission ws on ws.id = w.submission_id "
                + "join submission s on s.id = measured_value.submission_id where w.active = true "
                + "and w.region_code = measured_value.region_code and w.period_code = measured_value.period_code "
                + "and w.field_code = measured_value.field_code "
                + "and (ws.received_at > s.received_at or (ws.received_at = s.received_at and ws.id > s.id)))");
        int repeats = repeatProblems(problems);
        problems.forEach(values::insertProblems);
        Timestamp now = Timestamp.from(Instant.now());
        for (long id : night) {
            jdbc.update("update submission set activated_at = ?, rows_accepted = ?, rows_rejected = ?, rows_warned = ? where id = ?",
                    now, values.countValues(id), values.countRejectedRows(id), values.countRowsWithWarnings(id), id);
        }
        return new Outcome(night.size(), activated, conflicting, repeats);
    }

    /** Every row in conflict is named with each row it disagrees with; the value still used, if any, is said once. */
    private void conflictProblems(Map<Long, List<Problem>> problems) {
        Map<String, List<Row>> byKey = new LinkedHashMap<>();
        jdbc.query("select v.id, v.submission_id, s.file_name, v.region_code, v.period_code, v.measure_code, v.amount, "
                + "v.source_sheet, v.source_row, v.source_column from measured_value v join submission s on s.id = v.submission_id "
                + "where v.in_conflict = true and v.submission_id in (" + NIGHT + ") "
                + "order by v.region_code, v.period_code, v.measure_code, s.received_at, v.id", (RowCallbackHandler) rs -> {
                    Row r = new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getBigDecimal(7), rs.getString(8), rs.getInt(9), rs.getString(10));
                    byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
                });
        Map<String, Object[]> previous = new LinkedHashMap<>();
        jdbc.query("select v.region_code || '|' || v.period_code || '|' || v.measure_code, v.amount, s.file_name "
                + "from measured_value v join submission s on s.id = v.submission_id where v.active = true and exists ("
                + "select 1 from measured_value c where c.in_conflict = true and c.submission_id in (" + NIGHT + ") and " + SAME_KEY
                + ")", (RowCallbackHandler) rs -> previous.put(rs.getString(1), new Object[] {rs.getBigDecimal(2), rs.getString(3)}));
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
    private int repeatProblems(Map<Long, List<Problem>> problems) {
        int[] n = {0};
        jdbc.query("select v.submission_id, v.source_sheet, v.source_row, v.source_column, v.amount, v.measure_code, v.region_code, "
                + "v.period_code, a.submission_id, s.file_name, a.source_sheet, a.source_row from measured_value v "
                + "join measured_value a on a.active = true and a.region_code = v.region_code and a.period_code = v.period_code "
                + "and a.measure_code = v.measure_code and a.id <> v.id join submission s on s.id = a.submission_id "
                + "where v.submission_id in (" + NIGHT + ") and v.active = false and v.in_conflict = false "
                + "and a.submission_id in (" + NIGHT + ") order by v.submission_id, v.id", (RowCallbackHandler) rs -> {
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

    private static String plain(BigDecimal x) {
        return x == null ? "-" : x.stripTrailingZeros().toPlainString();
    }
}
