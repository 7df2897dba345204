package id.pantauspm.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import id.pantauspm.ikm.UnitIkm;
import id.pantauspm.ikm.UnsurScore;

/** IKM results in plain tables beside the SPM results (ikm_result, ikm_unsur_result), rebuilt at each run. */
@Repository
public class IkmResultRepository {

    private final JdbcTemplate jdbc;

    public IkmResultRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void clear() {
        jdbc.update("delete from ikm_unsur_result");
        jdbc.update("delete from ikm_result");
    }

    public void save(UnitIkm u, String rulesVersion) {
        var r = u.result();
        jdbc.update("insert into ikm_result (region_code, unit_key, unit_name, period_code, regime, respondents, ikm, ikm_exact, "
                        + "band, shortcut_ikm, shortcut_band, population, sample_required, sample_adequate, unanswered_items, "
                        + "excluded_answers, previous_period, previous_ikm, change_previous, submission_id, rules_version) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                u.regionCode(), u.unitKey(), u.unitName(), u.periodCode(), r.regime().code(), r.respondents(), r.ikm(),
                r.exact() == null ? null : r.exact().toString(), r.band() == null ? null : r.band().code(), r.shortcutIkm(),
                r.shortcutBand() == null ? null : r.shortcutBand().code(), u.sample().population(), u.sample().required(),
                u.sample().adequate(), u.unansweredItems(), u.excludedAnswers(),
                u.trend() == null ? null : u.trend().previousPeriod(), u.trend() == null ? null : u.trend().previousIkm(),
                u.trend() == null ? null : u.trend().change(), u.submissionId(), rulesVersion);
        List<UnsurScore> weakest = r.weakestFirst();
        List<Object[]> rows = new ArrayList<>();
        for (UnsurScore s : r.unsur()) {
            int rank = weakest.indexOf(s);
            rows.add(new Object[] {u.regionCode(), u.unitKey(), u.periodCode(), s.unsur().number(), s.unsur().code(), s.answers(),
                    s.sum(), s.nrr(), s.converted(), s.band() == null ? null : s.band().code(), rank < 0 ? null : rank + 1});
        }
        jdbc.batchUpdate("insert into ikm_unsur_result (region_code, unit_key, period_code, unsur, unsur_code, answers, score_sum, "
                + "nrr, converted, band, weakness_rank) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** A unit's stored IKM, as the reports read it. */
    public record UnitRow(String regionCode, String unitKey, String unitName, String periodCode, String regime, int respondents,
                          BigDecimal ikm, String ikmExact, String band, BigDecimal shortcutIkm, String shortcutBand,
                          Long population, Integer sampleRequired, Boolean sampleAdequate, int unansweredItems,
                          int excludedAnswers, String previousPeriod, BigDecimal previousIkm, BigDecimal changePrevious,
                          long submissionId, String rulesVersion) {
    }

    /** One unsur of a unit's stored IKM. */
    public record UnsurRow(String regionCode, String unitKey, String periodCode, int unsur, String unsurCode, int answers,
                           long scoreSum, BigDecimal nrr, BigDecimal converted, String band, Integer weaknessRank) {
    }

    public List<UnitRow> units() {
        return jdbc.query("select region_code, unit_key, unit_name, period_code, regime, respondents, ikm, ikm_exact, band, "
                + "shortcut_ikm, shortcut_band, population, sample_required, sample_adequate, unanswered_items, excluded_answers, "
                + "previous_period, previous_ikm, change_previous, submission_id, rules_version from ikm_result "
                + "order by region_code, period_code, unit_key", (rs, n) -> new UnitRow(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getBigDecimal(7), rs.getString(8),
                rs.getString(9), rs.getBigDecimal(10), rs.getString(11), (Long) rs.getObject(12, Long.class),
                (Integer) rs.getObject(13, Integer.class), (Boolean) rs.getObject(14, Boolean.class), rs.getInt(15), rs.getInt(16),
                rs.getString(17), rs.getBigDecimal(18), rs.getBigDecimal(19), rs.getLong(20), rs.getString(21)));
    }

    public List<UnsurRow> unsur() {
        return jdbc.query("select region_code, unit_key, period_code, unsur, unsur_code, answers, score_sum, nrr, converted, band, "
                + "weakness_rank from ikm_unsur_result order by region_code, period_code, unit_key, unsur", (rs, n) -> new UnsurRow(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getInt(6), rs.getLong(7),
                rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10), (Integer) rs.getObject(11, Integer.class)));
    }
}
