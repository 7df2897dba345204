package id.pantauspm.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import id.pantauspm.evaluate.RegionEvaluation;

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
    }

    public void save(RegionEvaluation e) {
        String region = e.regionCode();
        String period = e.period().code();
        jdbc.batchUpdate("insert into service_result (region_code, period_code, service_code, field_code, target_population, "
                        + "served, recipient_pct_uncapped, recipient_pct, quality_pct, mutu_items, service_index, category, status, "
                        + "warnings, rule_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.services(), 200, (ps, s) -> {
                    ps.setString(1, region);
                    ps.setString(2, period);
                    ps.setString(3, s.serviceCode());
                    ps.setString(4, s.fieldCode());
                    ps.setBigDecimal(5, s.targetPopulation());
                    ps.setBigDecimal(6, s.served());
                    ps.setBigDecimal(7, s.recipientAchievementUncapped());
                    ps.setBigDecimal(8, s.recipientAchievement());
                    ps.setBigDecimal(9, s.qualityAchievement());
                    ps.setInt(10, s.mutuItemsReported());
                    ps.setBigDecimal(11, s.index());
                    ps.setString(12, s.categoryCode());
                    ps.setString(13, s.status().name());
                    ps.setString(14, s.warnings().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
                    ps.setString(15, e.ruleVersion());
                });
        jdbc.batchUpdate("insert into field_result (region_code, period_code, field_code, field_index, category, "
                        + "services_computed, services_total, rule_version) values (?, ?, ?, ?, ?, ?, ?, ?)",
                e.fields(), 50, (ps, f) -> {
                    ps.setString(1, region);
                    ps.setString(2, period);
                    ps.setString(3, f.fieldCode());
                    ps.setBigDecimal(4, f.index());
                    ps.setString(5, f.categoryCode());
                    ps.setInt(6, f.servicesComputed());
                    ps.setInt(7, f.servicesTotal());
                    ps.setString(8, e.ruleVersion());
                });
        int computed = (int) e.fields().stream().filter(f -> f.index() != null).count();
        jdbc.update("insert into region_result (region_code, period_code, region_index, category, fields_computed, fields_total, "
                + "rule_version) values (?, ?, ?, ?, ?, ?, ?)",
                region, period, e.index(), e.categoryCode(), computed, e.fields().size(), e.ruleVersion());
    }

    /** A stored service result, as the report reads it. */
    public record ServiceRow(String regionCode, String periodCode, String serviceCode, String fieldCode,
                             BigDecimal targetPopulation, BigDecimal served, BigDecimal recipientUncapped,
                             BigDecimal recipient, BigDecimal quality, BigDecimal index, String category, String status,
                             String warnings, String ruleVersion) {
        public BigDecimal stillToServe() {
            return targetPopulation == null || served == null ? null : targetPopulation.subtract(served).max(BigDecimal.ZERO);
        }
    }

    public record FieldRow(String regionCode, String periodCode, String fieldCode, BigDecimal index, String category,
                           int servicesComputed, int servicesTotal) {
    }

    public record RegionRow(String regionCode, String periodCode, BigDecimal index, String category, int fieldsComputed,
                            int fieldsTotal, String ruleVersion) {
    }

    public List<ServiceRow> services() {
        return jdbc.query("select region_code, period_code, service_code, field_code, target_population, served, "
                + "recipient_pct_uncapped, recipient_pct, quality_pct, service_index, category, status, warnings, rule_version "
                + "from service_result order by region_code, period_code, service_code", (rs, n) -> new ServiceRow(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
                rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getString(14)));
    }

    public List<FieldRow> fields() {
        return jdbc.query("select region_code, period_code, field_code, field_index, category, services_computed, services_total "
                + "from field_result order by region_code, period_code, field_code", (rs, n) -> new FieldRow(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5), rs.getInt(6), rs.getInt(7)));
    }

    public List<RegionRow> regions() {
        return jdbc.query("select region_code, period_code, region_index, category, fields_computed, fields_total, rule_version "
                + "from region_result order by region_code, period_code", (rs, n) -> new RegionRow(
                rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7)));
    }
}
