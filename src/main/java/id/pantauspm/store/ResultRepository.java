package id.pantauspm.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import id.pantauspm.evaluate.QualityFlags;
import id.pantauspm.evaluate.ReportingCalendar;
import id.pantauspm.evaluate.Trends;
import id.pantauspm.evaluate.RegionEvaluation;
import id.pantauspm.period.Period;

/** Evaluation results in plain tables, rebuilt from the active values at each run. */
@Repository
public class ResultRepository {

    private final JdbcTemplate jdbc;

    public ResultRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void clear() {
        jdbc.update("delete from service_result");
        jdbc.update("delete from field_result");
        jdbc.update("delete from region_result");
        jdbc.update("delete from indicator_result");
        jdbc.update("delete from quality_flag");
        jdbc.update("delete from mutu_result");
        jdbc.update("delete from trend_result");
        jdbc.update("delete from reporting_result");
        jdbc.update("delete from rank_result");
        jdbc.update("delete from result_digest");
    }

    /** A region's stored place among kabupaten/kota by a subject (REGION, a field or a service code). */
    public record RankRow(String regionCode, String periodCode, String subject, String within, int rank, int of) {
    }

    /** Replaces every stored rank: ranks are among all kabupaten/kota, so they are computed and written whole. */
    public void saveRanks(List<RankRow> ranks) {
        saveRanks(ranks, null);
    }

    /**
     * Replaces the stored ranks of the given periods (null: of every period) with these, which must be theirs: a
     * period's ranks are among all its kabupaten/kota, so they are written whole, and only for periods where a
     * kabupaten/kota's result changed.
     */
    public void saveRanks(List<RankRow> ranks, java.util.Collection<String> periods) {
        if (periods == null) {
            jdbc.update("delete from rank_result");
        } else {
            jdbc.batchUpdate("delete from rank_result where period_code = ?", periods.stream().map(p -> new Object[] {p}).toList());
        }
        jdbc.batchUpdate("insert into rank_result (region_code, period_code, subject, within_scope, rank_place, ranked_count) "
                + "values (?, ?, ?, ?, ?, ?)", ranks, 500, (ps, r) -> {
                    ps.setString(1, r.regionCode());
                    ps.setString(2, r.periodCode());
                    ps.setString(3, r.subject());
                    ps.setString(4, r.within());
                    ps.setInt(5, r.rank());
                    ps.setInt(6, r.of());
                });
    }

    public List<RankRow> ranks() {
        return ranks(null, null);
    }

    /** The ranks of one region and/or one period (null: any). */
    public List<RankRow> ranks(String region, String period) {
        Where w = Where.of(region, period);
        return jdbc.query("select region_code, period_code, subject, within_scope, rank_place, ranked_count from rank_result "
                + w.sql + "order by region_code, period_code, subject, within_scope", (rs, n) -> new RankRow(code(rs, 1),
                code(rs, 2), code(rs, 3), code(rs, 4), rs.getInt(5), rs.getInt(6)), w.args);
    }

    /**
     * A text column of a result as one shared instance: the report keeps many thousand rows whose codes (region,
     * period, scope, service, category, rule version) repeat, and a String per cell took more heap than the rows.
     */
    private static String code(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        String text = rs.getString(column);
        return text == null ? null : text.intern();
    }

    /**
     * A numeric column as a compact BigDecimal (an unscaled long, no BigInteger behind it), for the same reason: the
     * driver's decoding kept a BigInteger and an int array under each of a million numbers.
     */
    private static java.math.BigDecimal number(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        java.math.BigDecimal n = rs.getBigDecimal(column);
        return n == null || n.precision() > 18 ? n : java.math.BigDecimal.valueOf(n.unscaledValue().longValue(), n.scale());
    }

    /**
     * A filter on region_code and/or period_code (null: any), for the report's reads of one region (every period:
     * the primary keys' prefix) or of one period (every region: the period indexes, V51), so that no reader holds
     * every result of every year.
     */
    private record Where(String sql, Object[] args) {
        static Where of(String region, String period) {
            if (region != null && period != null) {
                return new Where("where region_code = ? and period_code = ? ", new Object[] {region, period});
            }
            if (region != null) {
                return new Where("where region_code = ? ", new Object[] {region});
            }
            if (period != null) {
                return new Where("where period_code = ? ", new Object[] {period});
            }
            return new Where("", new Object[0]);
        }
    }

    public void saveTrends(List<Trends.Trend> trends) {
        saveTrends(trends, null);
    }

    /** @param runId the run that produced them (null: not known) */
    public void saveTrends(List<Trends.Trend> trends, Long runId) {
        jdbc.batchUpdate("insert into trend_result (region_code, period_code, scope, subject, compared_period, earlier_index, "
                + "change_points, run_id) values (?, ?, ?, ?, ?, ?, ?, ?)", trends, 500, (ps, t) -> {
                    ps.setObject(8, runId, java.sql.Types.BIGINT);
                    ps.setString(1, t.regionCode());
                    ps.setString(2, t.period().code());
                    ps.setString(3, t.scope().name());
                    ps.setString(4, t.subject());
                    ps.setString(5, t.comparedPeriod().code());
                    ps.setBigDecimal(6, t.earlier());
                    ps.setBigDecimal(7, t.change());
                });
    }

    public void saveArrivals(List<ReportingCalendar.Arrival> arrivals) {
        jdbc.batchUpdate("insert into reporting_result (region_code, period_code, field_code, first_received, last_received, "
                + "files, deadline, on_time) values (?, ?, ?, ?, ?, ?, ?, ?)", arrivals, 500, (ps, a) -> {
                    ps.setString(1, a.regionCode());
                    ps.setString(2, a.period().code());
                    ps.setString(3, a.fieldCode());
                    ps.setTimestamp(4, java.sql.Timestamp.from(a.first()));
                    ps.setTimestamp(5, java.sql.Timestamp.from(a.last()));
                    ps.setInt(6, a.files());
                    ps.setObject(7, a.deadline());
                    ps.setBoolean(8, a.onTime());
                });
    }

    /** A stored trend: {@code subject} REGION, a field or a service code. */
    public record TrendRow(String regionCode, String periodCode, String scope, String subject, String comparedPeriod,
                           BigDecimal earlier, BigDecimal change) {
    }

    public List<TrendRow> trends() {
        return trends(null, null);
    }

    /** The trends of one region and/or one period (null: any). */
    public List<TrendRow> trends(String region, String period) {
        Where w = Where.of(region, period);
        return jdbc.query("select region_code, period_code, scope, subject, compared_period, earlier_index, change_points "
                + "from trend_result " + w.sql + "order by region_code, period_code, scope, subject, compared_period desc", (rs, n) ->
                new TrendRow(code(rs, 1), code(rs, 2), code(rs, 3), code(rs, 4), code(rs, 5),
                        number(rs, 6), number(rs, 7)), w.args);
    }

    /** A stored mutu item's gap. */
    public record MutuRow(String regionCode, String periodCode, String scope, String serviceCode, String itemCode,
                          BigDecimal needed, BigDecimal available, BigDecimal gap, BigDecimal metPct) {
    }

    public List<MutuRow> mutu() {
        return mutu(null, null);
    }

    /** The mutu gaps of one region and/or one period (null: any). */
    public List<MutuRow> mutu(String region, String period) {
        Where w = Where.of(region, period);
        return jdbc.query("select region_code, period_code, scope, service_code, item_code, needed, available, gap, met_pct "
                + "from mutu_result " + w.sql + "order by region_code, period_code, scope, service_code, item_code", (rs, n) ->
                new MutuRow(code(rs, 1), code(rs, 2), code(rs, 3), code(rs, 4), code(rs, 5),
                        number(rs, 6), number(rs, 7), number(rs, 8), number(rs, 9)), w.args);
    }

    /** When a region's data for a period and field arrived, against the deadline. */
    public record ReportingRow(String regionCode, String periodCode, String fieldCode, java.time.Instant first,
                               java.time.Instant last, int files, java.time.LocalDate deadline, boolean onTime) {
    }

    public List<ReportingRow> reporting() {
        return reporting(null, null);
    }

    /** The arrivals of one region and/or one period (null: any). */
    public List<ReportingRow> reporting(String region, String period) {
        Where w = Where.of(region, period);
        return jdbc.query("select region_code, period_code, field_code, first_received, last_received, files, deadline, on_time "
                + "from reporting_result " + w.sql + "order by region_code, period_code, field_code", (rs, n) ->
                new ReportingRow(code(rs, 1), code(rs, 2), code(rs, 3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getObject(7, java.time.LocalDate.class), rs.getBoolean(8)), w.args);
    }

    /** The evaluation's data-quality flags. */
    public void saveFlags(List<QualityFlags.Flag> flags) {
        jdbc.batchUpdate("insert into quality_flag (region_code, period_code, service_code, measure_code, kind, value_id, amount, "
                        + "reference, reference_period, extra_amount) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                flags, 500, (ps, f) -> {
                    ps.setString(1, f.regionCode());
                    ps.setString(2, f.periodCode());
                    ps.setString(3, f.serviceCode());
                    ps.setString(4, f.measureCode());
                    ps.setString(5, f.kind());
                    ps.setObject(6, f.valueId(), java.sql.Types.BIGINT);
                    ps.setBigDecimal(7, f.amount());
                    ps.setBigDecimal(8, f.reference());
                    ps.setString(9, f.referencePeriod());
                    ps.setBigDecimal(10, f.extra());
                });
    }

    /** A quality flag's columns, in the order {@link #flag} reads them. */
    private static final String FLAG_COLUMNS = "f.region_code, f.period_code, f.service_code, f.measure_code, f.kind, "
            + "f.value_id, f.amount, f.reference, f.reference_period, f.extra_amount";

    /** Every stored flag, in region, period, service order. */
    public List<QualityFlags.Flag> flags() {
        return jdbc.query("select " + FLAG_COLUMNS + " from quality_flag f "
                + "order by f.region_code, f.period_code, f.service_code, f.kind, f.id", (rs, n) -> flag(rs));
    }

    /**
     * The flags a submission's receipt tells of: those on values it sent, then the figures that could not be evaluated
     * (NOT_EVALUATED) for a region and period it sent values for.
     */
    public List<QualityFlags.Flag> flagsOfSubmission(long submissionId) {
        List<QualityFlags.Flag> flags = new java.util.ArrayList<>(jdbc.query("select " + FLAG_COLUMNS
                + " from quality_flag f join measured_value v on v.id = f.value_id "
                + "where v.submission_id = ? order by f.region_code, f.period_code, f.service_code, f.kind, f.id",
                (rs, n) -> flag(rs), submissionId));
        // Such a figure is flagged for its region and period, not for a value: the files that sent values for that
        // period, or for a quarter, semester or month of that year, are told of it.
        flags.addAll(jdbc.query("select " + FLAG_COLUMNS + " from quality_flag f "
                + "where f.kind = 'NOT_EVALUATED' and f.value_id is null and exists (select 1 from measured_value v "
                + "where v.submission_id = ? and v.region_code = f.region_code "
                + "and (v.period_code = f.period_code or v.period_code like f.period_code || '-%')) "
                + "order by f.region_code, f.period_code, f.id", (rs, n) -> flag(rs), submissionId));
        return flags;
    }

    private static QualityFlags.Flag flag(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new QualityFlags.Flag(code(rs, 1), code(rs, 2), code(rs, 3), code(rs, 4), code(rs, 5),
                rs.getObject(6, Long.class), number(rs, 7), number(rs, 8), code(rs, 9), number(rs, 10));
    }

    public void save(RegionEvaluation e) {
        save(e, null);
    }

    /**
     * Moves the stored results of a region's scope (every period) into the history tables, marked as
     * replaced by the given run, and deletes them, so the region can be written again.
     */
    public void replace(String regionCode, RegionEvaluation.Scope scope, long byRun) {
        moveToHistory("region_code = ? and scope = ?", byRun, regionCode, scope.name());
    }

    /**
     * The fingerprint of every stored result (evaluate.ResultDigest), by region code, scope and period code.
     *
     * @return region code -> scope -> period code -> digest
     */
    public Map<String, Map<String, Map<String, String>>> digests() {
        Map<String, Map<String, Map<String, String>>> all = new java.util.HashMap<>();
        jdbc.query("select region_code, scope, period_code, digest from result_digest", (org.springframework.jdbc.core.RowCallbackHandler) rs ->
                all.computeIfAbsent(rs.getString(1), k -> new java.util.HashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new java.util.HashMap<>()).put(rs.getString(3), rs.getString(4)));
        return all;
    }

    /**
     * Moves one region-period's stored result of a scope into the history tables, marked as replaced by the given run,
     * and deletes it with its trends and fingerprint, so the period can be written again (or stays gone).
     */
    public void replacePeriod(String regionCode, RegionEvaluation.Scope scope, String periodCode, long byRun) {
        moveToHistory("region_code = ? and period_code = ? and scope = ?", byRun, regionCode, periodCode, scope.name());
    }

    /** Copies the region and service results matching {@code where} into history (replaced by {@code byRun}), then deletes
     *  every result, trend and fingerprint row matching it. */
    private void moveToHistory(String where, long byRun, Object... args) {
        Object[] withRun = new Object[args.length + 1];
        withRun[0] = byRun;
        System.arraycopy(args, 0, withRun, 1, args.length);
        jdbc.update("insert into region_result_history (region_code, period_code, scope, region_index, category, "
                + "provisional_index, services_computed, services_due, coverage_pct, rule_version, run_id, replaced_by_run) "
                + "select region_code, period_code, scope, region_index, category, provisional_index, services_computed, "
                + "services_due, coverage_pct, rule_version, run_id, ? from region_result where " + where, withRun);
        jdbc.update("insert into service_result_history (region_code, period_code, scope, service_code, target_population, "
                + "served, recipient_pct, quality_pct, service_index, category, status, rule_version, run_id, replaced_by_run) "
                + "select region_code, period_code, scope, service_code, target_population, served, recipient_pct, quality_pct, "
                + "service_index, category, status, rule_version, run_id, ? from service_result where " + where, withRun);
        for (String table : List.of("service_result", "field_result", "region_result", "indicator_result", "mutu_result",
                "trend_result", "result_digest")) {
            jdbc.update("delete from " + table + " where " + where, args);
        }
    }

    /** Whether every stored result has its fingerprint (one row per region, period and scope in both tables). */
    public boolean digestsComplete() {
        Long results = jdbc.queryForObject("select count(*) from region_result", Long.class);
        Long digests = jdbc.queryForObject("select count(*) from result_digest", Long.class);
        return java.util.Objects.equals(results, digests);
    }

    /** Records the fingerprint of a region-period's result just saved (after {@link #replacePeriod} or on a first write). */
    public void saveDigest(String regionCode, RegionEvaluation.Scope scope, String periodCode, String digest, long runId) {
        jdbc.update("insert into result_digest (region_code, scope, period_code, digest, run_id) values (?, ?, ?, ?, ?)",
                regionCode, scope.name(), periodCode, digest, runId);
    }

    /** Deletes the flags and arrivals, which are computed over every region at once (a median, a deadline). */
    public void clearFlagsAndArrivals() {
        jdbc.update("delete from quality_flag");
        jdbc.update("delete from reporting_result");
    }

    /** @param runId the run that produced it (null: not known) */
    public void save(RegionEvaluation e, Long runId) {
        String region = e.regionCode();
        String period = e.period().code();
        String scope = e.scope().name();
        jdbc.batchUpdate("insert into service_result (region_code, period_code, scope, service_code, field_code, target_population, "
                        + "served, recipient_pct_uncapped, recipient_pct, quality_pct, mutu_items, service_index, category, status, "
                        + "warnings, plan_target, regions_included, regions_total, rule_version, budget_planned, budget_spent, "
                        + "budget_pct, stage1_pct, stage2_pct, stage3_pct, stage4_pct, reported_pct, run_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.services(), 200, (ps, s) -> {
                    ps.setObject(28, runId, java.sql.Types.BIGINT);
                    id.pantauspm.evaluate.ServiceProgress p = e.progress().stream()
                            .filter(x -> x.serviceCode().equals(s.serviceCode())).findFirst()
                            .orElse(new id.pantauspm.evaluate.ServiceProgress(s.serviceCode(), null, null, null, null, null));
                    ps.setString(1, region);
                    ps.setString(2, period);
                    ps.setString(3, scope);
                    ps.setString(4, s.serviceCode());
                    ps.setString(5, s.fieldCode());
                    ps.setBigDecimal(6, s.targetPopulation());
                    ps.setBigDecimal(7, s.served());
                    ps.setBigDecimal(8, s.recipientAchievementUncapped());
                    ps.setBigDecimal(9, s.recipientAchievement());
                    ps.setBigDecimal(10, s.qualityAchievement());
                    ps.setInt(11, s.mutuItemsReported());
                    ps.setBigDecimal(12, s.index());
                    ps.setString(13, s.categoryCode());
                    ps.setString(14, s.status().name());
                    ps.setString(15, s.warnings().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
                    ps.setBigDecimal(16, s.planTarget());
                    ps.setObject(17, s.regionsIncluded(), java.sql.Types.INTEGER);
                    ps.setObject(18, s.regionsTotal(), java.sql.Types.INTEGER);
                    ps.setString(19, e.ruleVersion());
                    ps.setBigDecimal(20, s.budget().planned());
                    ps.setBigDecimal(21, s.budget().spent());
                    ps.setBigDecimal(22, s.budget().pct());
                    ps.setBigDecimal(23, p.dataCollection());
                    ps.setBigDecimal(24, p.needsCalculation());
                    ps.setBigDecimal(25, p.planning());
                    ps.setBigDecimal(26, p.delivery());
                    ps.setBigDecimal(27, p.reportedAchievement());
                });
        jdbc.batchUpdate("insert into mutu_result (region_code, period_code, scope, service_code, item_code, needed, available, "
                        + "gap, met_pct, run_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.mutu(), 500, (ps, m) -> {
                    ps.setObject(10, runId, java.sql.Types.BIGINT);
                    ps.setString(1, region);
                    ps.setString(2, period);
                    ps.setString(3, scope);
                    ps.setString(4, m.serviceCode());
                    ps.setString(5, m.itemCode());
                    ps.setBigDecimal(6, m.needed());
                    ps.setBigDecimal(7, m.available());
                    ps.setBigDecimal(8, m.gap());
                    ps.setBigDecimal(9, m.metPct());
                });
        jdbc.batchUpdate("insert into field_result (region_code, period_code, scope, field_code, field_index, category, "
                        + "services_computed, services_due, services_total, provisional_index, coverage_pct, rule_version, run_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.fields(), 50, (ps, f) -> {
                    ps.setObject(13, runId, java.sql.Types.BIGINT);
                    ps.setString(1, region);
                    ps.setString(2, period);
                    ps.setString(3, scope);
                    ps.setString(4, f.fieldCode());
                    ps.setBigDecimal(5, f.index());
                    ps.setString(6, f.categoryCode());
                    ps.setInt(7, f.servicesComputed());
                    ps.setInt(8, f.servicesDue());
                    ps.setInt(9, f.servicesTotal());
                    ps.setBigDecimal(10, f.provisionalIndex());
                    ps.setBigDecimal(11, f.coverage());
                    ps.setString(12, e.ruleVersion());
                });
        jdbc.batchUpdate("insert into indicator_result (region_code, period_code, scope, indicator_code, service_code, "
                        + "indicator_value, target, plan_target, run_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.indicators(), 500, (ps, i) -> {
                    ps.setObject(9, runId, java.sql.Types.BIGINT);
                    ps.setString(1, region);
                    ps.setString(2, period);
                    ps.setString(3, scope);
                    ps.setString(4, i.indicatorCode());
                    ps.setString(5, i.serviceCode());
                    ps.setBigDecimal(6, i.value());
                    ps.setBigDecimal(7, i.target());
                    ps.setBigDecimal(8, i.planTarget());
                });
        int fieldsComputed = (int) e.fields().stream().filter(f -> f.servicesComputed() > 0).count();
        boolean rollup = e.scope() != RegionEvaluation.Scope.OWN;
        jdbc.update("insert into region_result (region_code, period_code, scope, region_index, category, provisional_index, "
                        + "services_computed, services_due, fields_computed, fields_total, coverage_pct, regions_reporting, "
                        + "regions_total, periods_covered, periods_missing, derived, rule_version, budget_planned, budget_spent, "
                        + "budget_pct, still_to_serve, weakest_services, run_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                region, period, scope, e.index(), e.categoryCode(), e.provisionalIndex(), e.servicesComputed(), e.servicesDue(),
                fieldsComputed, e.fields().size(), e.coverage(), rollup ? e.regionsReporting() : null,
                rollup ? e.regionsTotal() : null, codes(e.basis().covered()),
                e.basis().missing().isEmpty() ? null : codes(e.basis().missing()), e.basis().derived(), e.ruleVersion(),
                e.budget().planned(), e.budget().spent(), e.budget().pct(), e.stillToServe(),
                e.weakest().isEmpty() ? null : String.join(",", e.weakest()), runId);
    }

    private static String codes(List<Period> periods) {
        return periods.stream().map(Period::code).collect(Collectors.joining(","));
    }

    /**
     * A stored service result, as the report reads it.
     *
     * @param regionsIncluded roll-ups: regions whose counts are summed (null for a region's own figure)
     * @param regionsTotal    roll-ups: regions that could have been summed
     */
    public record ServiceRow(String regionCode, String periodCode, String serviceCode, String fieldCode,
                             BigDecimal targetPopulation, BigDecimal served, BigDecimal recipientUncapped,
                             BigDecimal recipient, BigDecimal quality, BigDecimal index, String category, String status,
                             String warnings, String ruleVersion, String scope, BigDecimal planTarget,
                             Integer regionsIncluded, Integer regionsTotal, Integer mutuItems, BigDecimal budgetPlanned,
                             BigDecimal budgetSpent, BigDecimal budgetPct, BigDecimal stage1, BigDecimal stage2,
                             BigDecimal stage3, BigDecimal stage4, BigDecimal reportedPct) {

        /** Without stages or a reported achievement (fixtures). */
        public ServiceRow(String regionCode, String periodCode, String serviceCode, String fieldCode,
                          BigDecimal targetPopulation, BigDecimal served, BigDecimal recipientUncapped,
                          BigDecimal recipient, BigDecimal quality, BigDecimal index, String category, String status,
                          String warnings, String ruleVersion, String scope, BigDecimal planTarget,
                          Integer regionsIncluded, Integer regionsTotal, Integer mutuItems, BigDecimal budgetPlanned,
                          BigDecimal budgetSpent, BigDecimal budgetPct) {
            this(regionCode, periodCode, serviceCode, fieldCode, targetPopulation, served, recipientUncapped, recipient, quality,
                    index, category, status, warnings, ruleVersion, scope, planTarget, regionsIncluded, regionsTotal, mutuItems,
                    budgetPlanned, budgetSpent, budgetPct, null, null, null, null, null);
        }

        /** Whether any of the four application stages was reported. */
        public boolean hasStages() {
            return stage1 != null || stage2 != null || stage3 != null || stage4 != null;
        }

        public BigDecimal stillToServe() {
            return targetPopulation == null || served == null ? null : targetPopulation.subtract(served).max(BigDecimal.ZERO);
        }
    }

    /**
     * @param index            official field index (every service due counts, one without data as 0)
     * @param provisionalIndex over reported services only; never ranked or categorised
     * @param coverage         roll-ups: percent of (service, region) pairs reported
     */
    public record FieldRow(String regionCode, String periodCode, String fieldCode, BigDecimal index, String category,
                           int servicesComputed, int servicesDue, int servicesTotal, BigDecimal provisionalIndex,
                           BigDecimal coverage, String scope) {
    }

    /**
     * @param index            IP-SPM (official) for a region's own figure
     * @param provisionalIndex over reported services only; never ranked or categorised
     * @param regionsReporting roll-ups: summed regions that reported anything (null for a region's own figure)
     */
    public record RegionRow(String regionCode, String periodCode, BigDecimal index, String category, int fieldsComputed,
                            int fieldsTotal, String ruleVersion, String scope, String periodsCovered, String periodsMissing,
                            boolean derived, BigDecimal provisionalIndex, int servicesComputed, int servicesDue,
                            BigDecimal coverage, Integer regionsReporting, Integer regionsTotal, BigDecimal budgetPlanned,
                            BigDecimal budgetSpent, BigDecimal budgetPct, BigDecimal stillToServe, String weakestServices) {

        /** Without the still-to-serve total and the weakest services (fixtures). */
        public RegionRow(String regionCode, String periodCode, BigDecimal index, String category, int fieldsComputed,
                         int fieldsTotal, String ruleVersion, String scope, String periodsCovered, String periodsMissing,
                         boolean derived, BigDecimal provisionalIndex, int servicesComputed, int servicesDue,
                         BigDecimal coverage, Integer regionsReporting, Integer regionsTotal, BigDecimal budgetPlanned,
                         BigDecimal budgetSpent, BigDecimal budgetPct) {
            this(regionCode, periodCode, index, category, fieldsComputed, fieldsTotal, ruleVersion, scope, periodsCovered,
                    periodsMissing, derived, provisionalIndex, servicesComputed, servicesDue, coverage, regionsReporting,
                    regionsTotal, budgetPlanned, budgetSpent, budgetPct, null, null);
        }

        /** The weakest services' codes, weakest first. */
        public List<String> weakest() {
            return weakestServices == null || weakestServices.isBlank() ? List.of() : List.of(weakestServices.split(","));
        }
    }

    public List<ServiceRow> services() {
        return services(null, null);
    }

    /** The service results of one region and/or one period (null: any). */
    public List<ServiceRow> services(String region, String period) {
        return services(Where.of(region, period));
    }

    /** Every region's own results of one service, in every period (a service page): by the index V51. */
    public List<ServiceRow> ownResultsOfService(String serviceCode) {
        return services(new Where("where service_code = ? and scope = 'OWN' ", new Object[] {serviceCode}));
    }

    private List<ServiceRow> services(Where w) {
        return jdbc.query("select region_code, period_code, service_code, field_code, target_population, served, "
                + "recipient_pct_uncapped, recipient_pct, quality_pct, service_index, category, status, warnings, rule_version, "
                + "scope, plan_target, regions_included, regions_total, mutu_items, budget_planned, budget_spent, budget_pct, "
                + "stage1_pct, stage2_pct, stage3_pct, stage4_pct, reported_pct from service_result "
                + w.sql + "order by region_code, period_code, scope, service_code",
                (rs, n) -> new ServiceRow(
                code(rs, 1), code(rs, 2), code(rs, 3), code(rs, 4), number(rs, 5), number(rs, 6),
                number(rs, 7), number(rs, 8), number(rs, 9), number(rs, 10), code(rs, 11),
                code(rs, 12), code(rs, 13), code(rs, 14), code(rs, 15), number(rs, 16),
                rs.getObject(17, Integer.class), rs.getObject(18, Integer.class), rs.getObject(19, Integer.class),
                number(rs, 20), number(rs, 21), number(rs, 22), number(rs, 23), number(rs, 24),
                number(rs, 25), number(rs, 26), number(rs, 27)), w.args);
    }

    public List<FieldRow> fields() {
        return fields(null, null);
    }

    /** The field results of one region and/or one period (null: any). */
    public List<FieldRow> fields(String region, String period) {
        Where w = Where.of(region, period);
        return jdbc.query("select region_code, period_code, field_code, field_index, category, services_computed, services_due, "
                + "services_total, provisional_index, coverage_pct, scope from field_result "
                + w.sql + "order by region_code, period_code, scope, field_code", (rs, n) -> new FieldRow(
                code(rs, 1), code(rs, 2), code(rs, 3), number(rs, 4), code(rs, 5), rs.getInt(6), rs.getInt(7),
                rs.getInt(8), number(rs, 9), number(rs, 10), code(rs, 11)), w.args);
    }

    /** An indicator's stored value, as the reports read it. */
    public record IndicatorRow(String regionCode, String periodCode, String scope, String indicatorCode, String serviceCode,
                               BigDecimal value, BigDecimal target, BigDecimal planTarget) {
    }

    public List<IndicatorRow> indicators() {
        return indicators(null, null);
    }

    /** The indicator values of one region and/or one period (null: any). */
    public List<IndicatorRow> indicators(String region, String period) {
        Where w = Where.of(region, period);
        return jdbc.query("select region_code, period_code, scope, indicator_code, service_code, indicator_value, target, "
                + "plan_target from indicator_result " + w.sql + "order by region_code, period_code, scope, indicator_code", (rs, n) ->
                new IndicatorRow(code(rs, 1), code(rs, 2), code(rs, 3), code(rs, 4), code(rs, 5),
                        number(rs, 6), number(rs, 7), number(rs, 8)), w.args);
    }

    public List<RegionRow> regions() {
        return jdbc.query("select region_code, period_code, region_index, category, fields_computed, fields_total, rule_version, "
                + "scope, periods_covered, periods_missing, derived, provisional_index, services_computed, services_due, coverage_pct, "
                + "regions_reporting, regions_total, budget_planned, budget_spent, budget_pct, still_to_serve, weakest_services "
                + "from region_result "
                + "order by region_code, period_code, scope",
                (rs, n) -> new RegionRow(code(rs, 1), code(rs, 2), number(rs, 3), code(rs, 4), rs.getInt(5),
                        rs.getInt(6), code(rs, 7), code(rs, 8), code(rs, 9), code(rs, 10), rs.getBoolean(11),
                        number(rs, 12), rs.getInt(13), rs.getInt(14), number(rs, 15),
                        rs.getObject(16, Integer.class), rs.getObject(17, Integer.class), number(rs, 18),
                        number(rs, 19), number(rs, 20), number(rs, 21), code(rs, 22)));
    }
}
