package id.pantauspm.store;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import id.pantauspm.evaluate.PeriodFigures;
import id.pantauspm.ingest.MeasuredValue;
import id.pantauspm.period.Basis;
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
                        + "measure_code, amount, note, source_sheet, source_row, source_column, basis, active) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)",
                rows, 1000, (ps, r) -> {
                    MeasuredValue v = r.value();
                    ps.setLong(1, submissionId);
                    ps.setString(2, v.regionCode());
                    ps.setString(3, v.periodCode());
                    ps.setString(4, r.fieldCode());
                    ps.setString(5, r.serviceCode());
                    ps.setString(6, v.measureCode());
                    ps.setBigDecimal(7, v.amount());
                    ps.setString(8, truncate(v.note(), id.pantauspm.ingest.IngestLimits.MAX_NOTE_CHARS)); // cut at parse, with a warning
                    ps.setString(9, truncate(v.sheet(), 300));
                    ps.setInt(10, v.rowNumber());
                    ps.setString(11, v.column());
                    ps.setString(12, v.basis() == null ? null : v.basis().name());
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

    /**
     * The lineage of values a layout summed from sub-region rows (measured_value_part): every cell
     * added up, with its sub-region and amount, keyed like its value by submission, region, period
     * and measure.
     */
    public void insertParts(long submissionId, List<Row> rows) {
        List<Object[]> parts = new java.util.ArrayList<>();
        for (Row r : rows) {
            MeasuredValue v = r.value();
            for (MeasuredValue.Part p : v.parts()) {
                parts.add(new Object[] {submissionId, v.regionCode(), v.periodCode(), v.measureCode(), truncate(p.sheet(), 300),
                        p.row(), p.column(), truncate(p.subregion(), 300), p.amount()});
            }
        }
        jdbc.batchUpdate("insert into measured_value_part (submission_id, region_code, period_code, measure_code, source_sheet, "
                + "source_row, source_column, subregion, amount) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", parts);
    }

    /** A summed value's parts, in the order they were read: (sheet, row, column, sub-region, amount). */
    public List<MeasuredValue.Part> parts(long submissionId, String regionCode, String periodCode, String measureCode) {
        return jdbc.query("select source_sheet, source_row, source_column, subregion, amount from measured_value_part "
                        + "where submission_id = ? and region_code = ? and period_code = ? and measure_code = ? order by id",
                (rs, n) -> new MeasuredValue.Part(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5)),
                submissionId, regionCode, periodCode, measureCode);
    }

    /** Leftovers of a run that died while ingesting these submissions: they are read again from the start. */
    public void clearPartial(long submissionId) {
        jdbc.update("delete from measured_value_part where submission_id = ?", submissionId);
        jdbc.update("delete from measured_value where submission_id = ?", submissionId);
        jdbc.update("delete from survey_answer where submission_id = ?", submissionId); // a survey file's answers (IKM)
        jdbc.update("delete from submission_problem where submission_id = ?", submissionId);
    }

    /**
     * Streams the active values region by region, grouped by the period they were reported for.
     * At most one value is active per region, period and measure (the schema holds it); one reported as missing is absent.
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
        Map<String, Map<String, PeriodFigures.Reported>> byPeriod = new LinkedHashMap<>();
        jdbc.query("select region_code, period_code, measure_code, amount, basis, id from measured_value where active = true" + only
                + " order by region_code, period_code, id", (RowCallbackHandler) rs -> {
                    String region = rs.getString(1);
                    if (!region.equals(current[0])) {
                        if (current[0] != null) {
                            consumer.accept(current[0], byPeriod);
                        }
                        byPeriod.clear();
                        current[0] = region;
                    }
                    Map<String, PeriodFigures.Reported> values = byPeriod.computeIfAbsent(rs.getString(2), k -> new LinkedHashMap<>());
                    BigDecimal amount = rs.getBigDecimal(4);
                    if (amount != null) { // reported as missing: missing, never zero
                        String basis = rs.getString(5);
                        values.put(rs.getString(3), new PeriodFigures.Reported(amount,
                                basis == null ? null : Basis.valueOf(basis), rs.getLong(6)));
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
        /** @param valuesByPeriod period code to measure code to the value as reported (at most one active per measure) */
        void accept(String regionCode, Map<String, Map<String, PeriodFigures.Reported>> valuesByPeriod);
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
                + "where v.submission_id = ? and ws.status = 'INGESTED' and w.in_conflict = false and v.in_conflict = false "
                + "and (ws.received_at < vs.received_at or (ws.received_at = vs.received_at and ws.id < vs.id)) "
                + "order by ws.received_at, ws.id, w.id", (RowCallbackHandler) rs -> earlier.put(
                        rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
                        new Object[] {rs.getBigDecimal(4), rs.getString(5)}), submissionId);
        List<ValueChange> changes = new java.util.ArrayList<>();
        if (earlier.isEmpty()) {
            return changes;
        }
        jdbc.query("select region_code, period_code, measure_code, amount from measured_value where submission_id = ? "
                + "and in_conflict = false order by id",
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

    /**
     * Earlier values that stopped counting because this submission reported their service without
     * them (the service's values are replaced as a whole) and that nothing replaced: said in the
     * receipt, so the office notices a value it meant to keep.
     */
    public List<ValueChange> dropped(long submissionId) {
        Map<String, ValueChange> latest = new LinkedHashMap<>();
        jdbc.query("select w.region_code, w.period_code, w.measure_code, w.amount, ws.file_name from measured_value v "
                + "join submission vs on vs.id = v.submission_id "
                + "join measured_value w on w.region_code = v.region_code and w.period_code = v.period_code "
                + "and w.service_code = v.service_code and w.submission_id <> v.submission_id "
                + "join submission ws on ws.id = w.submission_id "
                + "where v.submission_id = ? and ws.status = 'INGESTED' and w.in_conflict = false "
                + "and (ws.received_at < vs.received_at or (ws.received_at = vs.received_at and ws.id < vs.id)) "
                + "and not exists (select 1 from measured_value x where x.submission_id = v.submission_id "
                + "and x.region_code = w.region_code and x.period_code = w.period_code and x.measure_code = w.measure_code) "
                + "and not exists (select 1 from measured_value a where a.active = true and a.region_code = w.region_code "
                + "and a.period_code = w.period_code and a.measure_code = w.measure_code) "
                + "order by ws.received_at, ws.id, w.id", (RowCallbackHandler) rs -> latest.put(
                        rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
                        new ValueChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), null,
                                rs.getString(5), true)), submissionId);
        return new java.util.ArrayList<>(latest.values());
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** Other files of the same run that cover some of the same region, period and field. */
    public List<SameNightSubmission> sameNight(long submissionId) {
        return jdbc.query("select o.file_name, o.received_at, case when o.received_at > s.received_at "
                + "or (o.received_at = s.received_at and o.id > s.id) then 1 else 0 end from submission o "
                + "join submission s on s.id = ? where o.run_id = s.run_id and o.id <> s.id and o.status = 'INGESTED' "
                // the files sharing a region, period and service with this one, found once from its own values (a
                // subquery per other file of the night cost 0.2 s per file on a national night)
                + "and o.id in (select ov.submission_id from measured_value sv join measured_value ov "
                + "on ov.region_code = sv.region_code and ov.period_code = sv.period_code and ov.service_code = sv.service_code "
                + "where sv.submission_id = ?) order by o.received_at, o.id",
                (rs, n) -> new SameNightSubmission(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3) == 1),
                submissionId, submissionId);
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

    /** Values accepted from a submission; for a survey file (IKM), its rows with an answer counted. */
    public int countValues(long submissionId) {
        Integer n = jdbc.queryForObject("select count(*) from measured_value where submission_id = ? and in_conflict = false",
                Integer.class, submissionId);
        Integer survey = jdbc.queryForObject("select count(*) from (select distinct source_sheet, source_row from survey_answer "
                + "where submission_id = ? and counted = true) r", Integer.class, submissionId);
        return (n == null ? 0 : n) + (survey == null ? 0 : survey);
    }

    public List<Problem> problems(long submissionId) {
        return jdbc.query("select severity, problem_code, source_sheet, source_row, source_column, found_text, details "
                + "from submission_problem where submission_id = ? order by id", (rs, n) -> new Problem(
                Problem.Severity.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                (Integer) rs.getObject(4, Integer.class), rs.getString(5), rs.getString(6),
                rs.getString(7) == null || rs.getString(7).isEmpty() ? List.of() : List.of(rs.getString(7).split(UNIT_SEPARATOR, -1))),
                submissionId);
    }

    /**
     * The first {@code limit} problems of a submission that are more than a note, in the order found, and how many
     * there are: the data-quality page shows ten per file, and a file of 300,000 refused rows must not be read whole.
     */
    public ProblemsShown problemsShown(long submissionId, int limit) {
        List<Problem> first = jdbc.query("select severity, problem_code, source_sheet, source_row, source_column, found_text, details "
                + "from submission_problem where submission_id = ? and severity <> 'NOTE' order by id limit ?", (rs, n) -> new Problem(
                Problem.Severity.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                (Integer) rs.getObject(4, Integer.class), rs.getString(5), rs.getString(6),
                rs.getString(7) == null || rs.getString(7).isEmpty() ? List.of() : List.of(rs.getString(7).split(UNIT_SEPARATOR, -1))),
                submissionId, limit);
        Integer all = jdbc.queryForObject("select count(*) from submission_problem where submission_id = ? and severity <> 'NOTE'",
                Integer.class, submissionId);
        return new ProblemsShown(first, all == null ? 0 : all);
    }

    /** Some of a submission's problems and the number of all of them. */
    public record ProblemsShown(List<Problem> first, int total) {
    }

    /** A conflict named in a file's receipt, with the file. */
    public record Conflict(String fileName, Problem problem) {
    }

    /** Every conflict between values of a night's files (neither used), newest file first. */
    public List<Conflict> conflicts() {
        return jdbc.query("select s.file_name, p.severity, p.problem_code, p.source_sheet, p.source_row, p.source_column, "
                + "p.found_text, p.details from submission_problem p join submission s on s.id = p.submission_id "
                + "where p.problem_code in ('value_conflict_in_file', 'value_conflict_other_file') "
                + "order by s.received_at desc, s.id desc, p.id", (rs, n) -> new Conflict(rs.getString(1), new Problem(
                Problem.Severity.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                (Integer) rs.getObject(5, Integer.class), rs.getString(6), rs.getString(7),
                rs.getString(8) == null || rs.getString(8).isEmpty() ? List.of() : List.of(rs.getString(8).split(UNIT_SEPARATOR, -1)))));
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

    /** A note an office wrote in the keterangan column beside an active value. */
    public record Note(String regionCode, String periodCode, String measureCode, String note) {
    }

    /**
     * The notes offices wrote beside the active values, for the reports' obstacles sections: of a province and its
     * kabupaten/kota (codes {@code P} and {@code P.xx}), or of every region when {@code province} is null; in region,
     * period and measure order. One query per report run or partition: asked per region and period it was thousands of
     * index lookups a night (issue 12). The province's codes are looked up in the (active, region_code, period_code)
     * index, not found by scanning every value.
     */
    public List<Note> notes(String province) {
        String select = "select region_code, period_code, measure_code, note from measured_value where active = true "
                + "and note is not null ";
        String order = " order by region_code, period_code, measure_code";
        org.springframework.jdbc.core.RowMapper<Note> note =
                (rs, n) -> new Note(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
        if (province == null) {
            return jdbc.query(select + order, note);
        }
        // two selects, each a look-up of the index (a LIKE with a fixed prefix is a range in H2), rather than one OR
        return jdbc.query(select + "and region_code = ? union all " + select + "and region_code like ?" + order, note,
                province, province + ".%");
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
