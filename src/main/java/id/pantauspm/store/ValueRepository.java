package id.pantauspm.store;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import id.pantauspm.ingest.MeasuredValue;
import id.pantauspm.ingest.Problem;

/** Values and problems of submissions: bulk inserts, activation with supersede, reading for evaluation. */
@Repository
public class ValueRepository {

    private static final String UNIT_SEPARATOR = "\u001F";

    private final JdbcTemplate jdbc;

    public ValueRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A value with the catalogue facts stored beside it for plain SQL readers. */
    public record Row(MeasuredValue value, String fieldCode, String serviceCode) {
    }

    /** Inserted inactive: they count only once their whole file is in. */
    public void insert(long submissionId, List<Row> rows) {
        jdbc.batchUpdate("insert into measured_value (submission_id, region_code, period_code, field_code, service_code, "
                        + "measure_code, amount, note, source_sheet, source_row, active) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)",
                rows, 1000, (ps, r) -> {
                    MeasuredValue v = r.value();
                    ps.setLong(1, submissionId);
                    ps.setString(2, v.regionCode());
                    ps.setString(3, v.periodCode());
                    ps.setString(4, r.fieldCode());
                    ps.setString(5, r.serviceCode());
                    ps.setString(6, v.measureCode());
                    ps.setBigDecimal(7, v.amount());
                    ps.setString(8, truncate(v.note(), 2000));
                    ps.setString(9, truncate(v.sheet(), 300));
                    ps.setInt(10, v.rowNumber());
                });
    }

    public void insertProblems(long submissionId, List<Problem> problems) {
        jdbc.batchUpdate("insert into submission_problem (submission_id, severity, problem_code, source_sheet, source_row, "
                        + "source_column, found_text, details) values (?, ?, ?, ?, ?, ?, ?, ?)",
                problems, 1000, (ps, p) -> {
                    ps.setLong(1, submissionId);
                    ps.setString(2, p.severity().name());
                    ps.setString(3, p.code());
                    ps.setString(4, truncate(p.sheet(), 300));
                    ps.setObject(5, p.row());
                    ps.setString(6, p.column());
                    ps.setString(7, truncate(p.found(), 2000));
                    ps.setString(8, truncate(String.join(UNIT_SEPARATOR, p.args()), 2000));
                });
    }

    /** Leftovers of a run that died while ingesting these submissions: they are read again from the start. */
    public void clearPartial(long submissionId) {
        jdbc.update("delete from measured_value where submission_id = ?", submissionId);
        jdbc.update("delete from submission_problem where submission_id = ?", submissionId);
    }

    /**
     * Makes a fully ingested submission's values count. Per region, period and field, the submission
     * received last wins: earlier ones are deactivated (kept as history), and this one stays inactive
     * where a later one already holds the data.
     */
    public void activate(long submissionId, java.time.Instant receivedAt) {
        Timestamp at = Timestamp.from(receivedAt);
        jdbc.update("update measured_value set active = false where active = true and submission_id <> ? "
                + "and exists (select 1 from measured_value n where n.submission_id = ? and n.region_code = measured_value.region_code "
                + "and n.period_code = measured_value.period_code and n.field_code = measured_value.field_code) "
                + "and submission_id in (select s.id from submission s where s.received_at < ? or (s.received_at = ? and s.id < ?))",
                submissionId, submissionId, at, at, submissionId);
        jdbc.update("update measured_value set active = true where submission_id = ? and not exists ("
                + "select 1 from measured_value w join submission ws on ws.id = w.submission_id where w.active = true "
                + "and w.region_code = measured_value.region_code and w.period_code = measured_value.period_code "
                + "and w.field_code = measured_value.field_code and (ws.received_at > ? or (ws.received_at = ? and ws.id > ?)))",
                submissionId, at, at, submissionId);
    }

    /**
     * Streams the active values region by region, grouped by the period they were reported for.
     * Within a period a measure reported twice keeps its last row; one reported as missing is absent.
     */
    public void forEachRegion(RegionConsumer consumer) {
        forEachRegion(List.of(), consumer);
    }

    /**
     * The same for the measures of the given local codes only (e.g. ANGGARAN_RENCANA of every
     * service), so a reader that needs a few measures does not read them all.
     */
    public void forEachRegion(List<String> localCodes, RegionConsumer consumer) {
        String only = localCodes.isEmpty() ? ""
                : " and (" + String.join(" or ", localCodes.stream().map(c -> "measure_code like ?").toList()) + ")";
        Object[] args = localCodes.stream().map(c -> "%." + c).toArray();
        String[] current = {null};
        Map<String, Map<String, BigDecimal>> byPeriod = new LinkedHashMap<>();
        jdbc.query("select region_code, period_code, measure_code, amount from measured_value where active = true" + only
                + " order by region_code, period_code, id", (RowCallbackHandler) rs -> {
                    String region = rs.getString(1);
                    if (!region.equals(current[0])) {
                        if (current[0] != null) {
                            consumer.accept(current[0], byPeriod);
                        }
                        byPeriod.clear();
                        current[0] = region;
                    }
                    Map<String, BigDecimal> values = byPeriod.computeIfAbsent(rs.getString(2), k -> new LinkedHashMap<>());
                    BigDecimal amount = rs.getBigDecimal(4);
                    if (amount == null) {
                        values.remove(rs.getString(3)); // reported as missing: missing, never zero
                    } else {
                        values.put(rs.getString(3), amount);
                    }
                }, args);
        if (current[0] != null) {
            consumer.accept(current[0], byPeriod);
        }
    }

    /** How many regions have active values: the regions {@link #forEachRegion(RegionConsumer)} will visit. */
    public long activeRegionCount() {
        Long n = jdbc.queryForObject("select count(distinct region_code) from measured_value where active = true", Long.class);
        return n == null ? 0 : n;
    }

    @FunctionalInterface
    public interface RegionConsumer {
        /** @param valuesByPeriod period code to measure code to amount */
        void accept(String regionCode, Map<String, Map<String, BigDecimal>> valuesByPeriod);
    }

    public int countProblems(long submissionId, Problem.Severity severity) {
        Integer n = jdbc.queryForObject("select count(*) from submission_problem where submission_id = ? and severity = ?",
                Integer.class, submissionId, severity.name());
        return n == null ? 0 : n;
    }

    /** Distinct (region, period) pairs stored by a run's submissions. */
    public List<String[]> coverage(long runId) {
        return jdbc.query("select distinct v.region_code, v.period_code from measured_value v join submission s "
                + "on s.id = v.submission_id where s.run_id = ?", (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, runId);
    }

    /**
     * What a submission changed against the values earlier submissions held for the same region,
     * period and measure (the most recent earlier one per measure); unchanged values are left out.
     */
    public List<ValueChange> changes(long submissionId) {
        Map<String, Object[]> earlier = new LinkedHashMap<>();
        jdbc.query("select w.region_code, w.period_code, w.measure_code, w.amount, ws.file_name from measured_value v "
                + "join submission vs on vs.id = v.submission_id "
                + "join measured_value w on w.region_code = v.region_code and w.period_code = v.period_code "
                + "and w.measure_code = v.measure_code and w.submission_id <> v.submission_id "
                + "join submission ws on ws.id = w.submission_id "
                + "where v.submission_id = ? and ws.status = 'INGESTED' "
                + "and (ws.received_at < vs.received_at or (ws.received_at = vs.received_at and ws.id < vs.id)) "
                + "order by ws.received_at, ws.id, w.id", (RowCallbackHandler) rs -> earlier.put(
                        rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
                        new Object[] {rs.getBigDecimal(4), rs.getString(5)}), submissionId);
        List<ValueChange> changes = new java.util.ArrayList<>();
        if (earlier.isEmpty()) {
            return changes;
        }
        jdbc.query("select region_code, period_code, measure_code, amount from measured_value where submission_id = ? order by id",
                (RowCallbackHandler) rs -> {
                    Object[] before = earlier.remove(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                    BigDecimal now = rs.getBigDecimal(4);
                    if (before != null && !sameAmount((BigDecimal) before[0], now)) {
                        changes.add(new ValueChange(rs.getString(1), rs.getString(2), rs.getString(3), (BigDecimal) before[0],
                                now, (String) before[1]));
                    }
                }, submissionId);
        return changes;
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** Other files of the same run that cover some of the same region, period and field. */
    public List<SameNightSubmission> sameNight(long submissionId) {
        return jdbc.query("select o.file_name, o.received_at, case when o.received_at > s.received_at "
                + "or (o.received_at = s.received_at and o.id > s.id) then 1 else 0 end from submission o "
                + "join submission s on s.id = ? where o.run_id = s.run_id and o.id <> s.id and o.status = 'INGESTED' "
                + "and exists (select 1 from measured_value ov join measured_value sv on sv.submission_id = s.id "
                + "and sv.region_code = ov.region_code and sv.period_code = ov.period_code and sv.field_code = ov.field_code "
                + "where ov.submission_id = o.id) order by o.received_at, o.id",
                (rs, n) -> new SameNightSubmission(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3) == 1),
                submissionId);
    }

    public int countRejectedRows(long submissionId) {
        Integer n = jdbc.queryForObject("select count(*) from (select distinct source_sheet, source_row from submission_problem "
                + "where submission_id = ? and severity = 'ROW_REJECTED') r", Integer.class, submissionId);
        return n == null ? 0 : n;
    }

    public int countRowsWithWarnings(long submissionId) {
        Integer n = jdbc.queryForObject("select count(distinct source_row) from submission_problem where submission_id = ? "
                + "and severity = 'WARNING'", Integer.class, submissionId);
        return n == null ? 0 : n;
    }

    public int countValues(long submissionId) {
        Integer n = jdbc.queryForObject("select count(*) from measured_value where submission_id = ?", Integer.class, submissionId);
        return n == null ? 0 : n;
    }

    public List<Problem> problems(long submissionId) {
        return jdbc.query("select severity, problem_code, source_sheet, source_row, source_column, found_text, details "
                + "from submission_problem where submission_id = ? order by id", (rs, n) -> new Problem(
                Problem.Severity.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                (Integer) rs.getObject(4, Integer.class), rs.getString(5), rs.getString(6),
                rs.getString(7) == null || rs.getString(7).isEmpty() ? List.of() : List.of(rs.getString(7).split(UNIT_SEPARATOR, -1))),
                submissionId);
    }

    /** A mutu item as reported: needed and available, for the report's gap list. */
    public record MutuValue(String regionCode, String periodCode, String measureCode, BigDecimal amount) {
    }

    /** Every active needed/available value of mutu items, to list a region's gaps. */
    public List<MutuValue> mutuValues() {
        return jdbc.query("select region_code, period_code, measure_code, amount from measured_value where active = true "
                + "and amount is not null and (measure_code like '%\\_BUTUH' escape '\\' or measure_code like '%\\_TERSEDIA' escape '\\') "
                + "order by region_code, period_code, measure_code",
                (rs, n) -> new MutuValue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)));
    }

    /** Notes offices wrote in the keterangan column, for the report's obstacles section. */
    public List<Map<String, Object>> notes(String regionCode, String periodCode) {
        return jdbc.queryForList("select measure_code, note from measured_value where active = true and region_code = ? "
                + "and period_code = ? and note is not null order by measure_code", regionCode, periodCode);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
