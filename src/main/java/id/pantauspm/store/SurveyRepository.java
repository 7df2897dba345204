package id.pantauspm.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import id.pantauspm.ikm.Response;
import id.pantauspm.ikm.SurveyChecks;
import id.pantauspm.ingest.SurveyFindings;
import id.pantauspm.ingest.SurveyLine;

/**
 * Community satisfaction survey answers (IKM): bulk inserts, the submission's lines for the
 * whole-survey checks, answers left out of the count, activation with supersede per region, unit
 * and period, and reading the counted answers per unit for evaluation.
 */
@Repository
public class SurveyRepository {

    private final JdbcTemplate jdbc;

    public SurveyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A survey line's answers, one row each, inserted inactive: they count only once their whole file is in. */
    public void insert(long submissionId, List<SurveyLine> lines) {
        List<Object[]> rows = new ArrayList<>();
        for (SurveyLine l : lines) {
            for (SurveyLine.Answer a : l.answers()) {
                rows.add(new Object[] {submissionId, l.regionCode(), cut(l.unitKey(), 200), cut(l.unitName(), 200), l.periodCode(),
                        l.regimeCode(), l.population(), cut(l.respondentKey(), 400), cut(l.respondent(), 200), l.sex(), l.age(),
                        l.education(), l.occupation(), l.surveyDate(), l.serviceUsed(), l.shape() == id.pantauspm.ingest.SurveySheet.Shape.WIDE,
                        a.unsur(), cut(a.questionId(), 200), a.score(), cut(l.sheet(), 300), l.rowNumber(), a.column()});
            }
        }
        jdbc.batchUpdate("insert into survey_answer (submission_id, region_code, unit_key, unit_name, period_code, regime, "
                + "population, respondent_key, respondent, sex, age, education, occupation, survey_date, service_used, wide, "
                + "unsur, question_id, score, source_sheet, source_row, source_column, counted, active) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, false)", rows);
    }

    /** Whether a submission holds survey answers (it is a survey file). */
    public boolean holds(long submissionId) {
        Integer n = jdbc.queryForObject("select count(*) from survey_answer where submission_id = ?", Integer.class, submissionId);
        return n != null && n > 0;
    }

    /** A submission's stored rows as the whole-survey checks read them, in file order; answers keep their ids. */
    public List<SurveyChecks.Line> lines(long submissionId) {
        Map<String, Object[]> heads = new LinkedHashMap<>();
        Map<String, List<SurveyChecks.Answer>> answers = new LinkedHashMap<>();
        jdbc.query("select id, unit_key, unit_name, period_code, regime, population, respondent_key, respondent, sex, age, "
                + "education, occupation, survey_date, service_used, wide, unsur, score, source_sheet, source_row, source_column "
                + "from survey_answer where submission_id = ? order by id", (RowCallbackHandler) rs -> {
                    String key = rs.getString(18) + "\u001F" + rs.getInt(19);
                    heads.computeIfAbsent(key, k -> {
                        try {
                            return new Object[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                    (Long) rs.getObject(6, Long.class), rs.getString(7), rs.getString(8),
                                    SurveyFindings.attributes(rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                                            rs.getString(13), rs.getString(14)), rs.getBoolean(15), rs.getString(18), rs.getInt(19)};
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    answers.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new SurveyChecks.Answer(rs.getLong(1), rs.getInt(16), rs.getInt(17), rs.getString(20)));
                }, submissionId);
        List<SurveyChecks.Line> lines = new ArrayList<>();
        heads.forEach((key, h) -> {
            @SuppressWarnings("unchecked")
            List<String> attributes = (List<String>) h[7];
            lines.add(new SurveyChecks.Line((String) h[0], (String) h[1], (String) h[2], (String) h[3], (Long) h[4],
                    (String) h[5], (String) h[6], attributes, (Boolean) h[8], (String) h[9], (Integer) h[10], answers.get(key)));
        });
        return lines;
    }

    /** Leaves answers out of the count (repeats, conflicts); they stay stored, as the receipt says. */
    public void exclude(Collection<Long> answerIds) {
        jdbc.batchUpdate("update survey_answer set counted = false where id = ?",
                answerIds.stream().map(id -> new Object[] {id}).toList());
    }

    /**
     * Makes the answers of a night's survey files count, one file after the other in the order they were
     * received (then by id), so the file received last wins per region, unit and period whatever order the
     * ingest partitions finished in. Run once, after every partition, in one transaction (the reconcile step):
     * files read at once would otherwise lock each other's answers.
     *
     * @param night the night's ingested submissions; those without survey answers are passed over
     * @return how many survey files were activated
     */
    public int activateNight(Collection<Long> night) {
        if (night.isEmpty()) {
            return 0;
        }
        String ids = night.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        List<Object[]> files = jdbc.query("select s.id, s.received_at from submission s where s.id in (" + ids + ") "
                + "and exists (select 1 from survey_answer a where a.submission_id = s.id) order by s.received_at, s.id",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant()});
        for (Object[] f : files) {
            activate((Long) f[0], (Instant) f[1]);
        }
        return files.size();
    }

    /**
     * Makes a fully ingested submission's answers count. Per region, unit and period the submission
     * received last wins (a corrected survey replaces the earlier one whole); earlier answers stay
     * as history, inactive.
     */
    public void activate(long submissionId, Instant receivedAt) {
        Timestamp at = Timestamp.from(receivedAt);
        // Key by key (a survey file holds one or a few units and periods), so each update finds the answers it
        // replaces through the index on (active, region, unit, period): asking it of every active answer made a
        // night of many survey files quadratic (issue 10, found by the fuzzing test).
        List<Object[]> keys = jdbc.query("select distinct region_code, unit_key, period_code from survey_answer where submission_id = ?",
                (rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)}, submissionId);
        for (Object[] key : keys) {
            jdbc.update("update survey_answer set active = false where active = true and region_code = ? and unit_key = ? "
                    + "and period_code = ? and submission_id <> ? "
                    + "and submission_id in (select s.id from submission s where s.received_at < ? or (s.received_at = ? and s.id < ?))",
                    key[0], key[1], key[2], submissionId, at, at, submissionId);
        }
        for (Object[] key : keys) {
            // whether a later submission's answers already count for this key: then this one stays history
            Integer newer = jdbc.queryForObject("select count(*) from (select 1 from survey_answer w join submission ws "
                    + "on ws.id = w.submission_id where w.active = true and w.region_code = ? and w.unit_key = ? "
                    + "and w.period_code = ? and (ws.received_at > ? or (ws.received_at = ? and ws.id > ?)) "
                    + "fetch first 1 rows only) n", Integer.class, key[0], key[1], key[2], at, at, submissionId);
            if (newer == null || newer == 0) {
                jdbc.update("update survey_answer set active = true where submission_id = ? and region_code = ? "
                        + "and unit_key = ? and period_code = ?", submissionId, key[0], key[1], key[2]);
            }
        }
    }

    /** A unit's survey for a period as evaluation reads it: the questionnaires counted and what surrounds them. */
    public record UnitSurvey(String regionCode, String unitKey, String unitName, String periodCode, String regime,
                             Long population, long submissionId, List<Response> responses, int excludedAnswers) {
    }

    /** Every unit and period with active answers, their counted answers gathered per respondent. */
    public List<UnitSurvey> activeSurveys() {
        Map<String, Object[]> units = new LinkedHashMap<>();
        Map<String, Map<String, Map<Integer, Integer>>> responses = new LinkedHashMap<>();
        Map<String, Integer> excluded = new LinkedHashMap<>();
        jdbc.query("select region_code, unit_key, unit_name, period_code, regime, population, submission_id, respondent_key, "
                + "unsur, score, counted from survey_answer where active = true order by region_code, unit_key, period_code, id",
                (RowCallbackHandler) rs -> {
                    String key = rs.getString(1) + "\u001F" + rs.getString(2) + "\u001F" + rs.getString(4);
                    Object[] unit = units.computeIfAbsent(key, k -> new Object[7]);
                    if (unit[0] == null) {
                        unit[0] = rs.getString(1);
                        unit[1] = rs.getString(2);
                        unit[2] = rs.getString(3);
                        unit[3] = rs.getString(4);
                        unit[4] = rs.getString(5);
                        unit[6] = rs.getLong(7);
                    }
                    Long population = (Long) rs.getObject(6, Long.class);
                    if (unit[5] == null && population != null) {
                        unit[5] = population;
                    }
                    if (rs.getBoolean(11)) {
                        responses.computeIfAbsent(key, k -> new LinkedHashMap<>())
                                .computeIfAbsent(rs.getString(8), k -> new LinkedHashMap<>()).put(rs.getInt(9), rs.getInt(10));
                    } else {
                        excluded.merge(key, 1, Integer::sum);
                    }
                });
        List<UnitSurvey> out = new ArrayList<>();
        units.forEach((key, u) -> out.add(new UnitSurvey((String) u[0], (String) u[1], (String) u[2], (String) u[3], (String) u[4],
                (Long) u[5], (Long) u[6], responses.getOrDefault(key, Map.of()).entrySet().stream()
                .map(e -> new Response(e.getKey(), e.getValue())).toList(), excluded.getOrDefault(key, 0))));
        return out;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
