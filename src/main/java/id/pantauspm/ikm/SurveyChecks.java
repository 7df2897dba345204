package id.pantauspm.ikm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import id.pantauspm.catalogue.IkmRegime;
import id.pantauspm.catalogue.IkmRules;

/**
 * The checks of a survey that need all its rows (a submission's, per unit and period), each
 * finding located at the row a clerk can fix:
 * <ul>
 *   <li>a respondent submitted twice: one row per respondent with the same respondent number, or
 *   without numbers the same answers and the same stated attributes: the later row is not counted.
 *   The same number on rows with other answers is two questionnaires under one number: both count,
 *   with a warning;</li>
 *   <li>in the long shape, a respondent answering one unsur twice: the same score is counted once;
 *   different scores are a conflict and neither is counted (nothing is chosen silently);</li>
 *   <li>unanswered items of a long-shape respondent (the wide shape says so row by row when read);</li>
 *   <li>a stated population that differs between rows, and the sample against the Krejcie-Morgan
 *   table (PermenPAN-RB 14/2017) for the population stated, or a note that none was;</li>
 *   <li>one unit and period under two regimes: only the first is counted, never mixed.</li>
 * </ul>
 * Pure: lines in, findings and the answers to leave out of the count out.
 */
public final class SurveyChecks {

    private SurveyChecks() {
    }

    /** One stored answer, with the identity the caller uses to leave it out of the count. */
    public record Answer(long id, int unsur, int score, String column) {
    }

    /**
     * A survey row as stored: a wide row holds a respondent's answers, a long row one answer.
     *
     * @param respondentKey groups a long-shape respondent's rows; a wide row is its own respondent
     * @param respondent    the number or id as written, null when the sheet has none
     * @param attributes    sex, age, education, occupation, date, service used as written (nulls where not stated)
     */
    public record Line(String unitKey, String unitName, String periodCode, String regimeCode, Long population,
                      String respondentKey, String respondent, List<String> attributes, boolean wide, String sheet, int row,
                      List<Answer> answers) {

        public Line {
            attributes = attributes == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(attributes));
            answers = List.copyOf(answers);
        }
    }

    public enum Severity { REJECTED, WARNING, NOTE }

    /** A finding for the receipt: {@code code} is a message key suffix; {@code row} null for the unit as a whole. */
    public record Finding(Severity severity, String code, String sheet, Integer row, String column, String found,
                         List<String> args) {
    }

    /**
     * @param excluded   ids of answers not counted (repeats, conflicts, a second regime)
     * @param respondents per unit and period ({@code unitKey|periodCode}), the questionnaires counted
     */
    public record Outcome(List<Finding> findings, Set<Long> excluded, Map<String, Integer> respondents) {
    }

    public static Outcome check(IkmRules rules, List<Line> lines) {
        List<Finding> findings = new ArrayList<>();
        Set<Long> excluded = new LinkedHashSet<>();
        Map<String, Integer> respondents = new LinkedHashMap<>();
        Map<String, List<Line>> units = new LinkedHashMap<>();
        for (Line l : lines) {
            units.computeIfAbsent(l.unitKey() + "|" + l.periodCode(), k -> new ArrayList<>()).add(l);
        }
        units.forEach((key, ofUnit) -> respondents.put(key, checkUnit(rules, ofUnit, findings, excluded)));
        return new Outcome(List.copyOf(findings), Set.copyOf(excluded), respondents);
    }

    /** Checks one unit and period; returns the questionnaires counted. */
    private static int checkUnit(IkmRules rules, List<Line> lines, List<Finding> findings, Set<Long> excluded) {
        Line first = lines.get(0);
        IkmRegime regime = rules.regime(first.regimeCode()).orElseThrow();
        List<Line> counted = new ArrayList<>();
        for (Line l : lines) {
            if (l.regimeCode().equals(regime.code())) {
                counted.add(l);
            } else {
                l.answers().forEach(a -> excluded.add(a.id()));
                findings.add(new Finding(Severity.REJECTED, "survey_regimes_mixed", l.sheet(), l.row(), null, null,
                        List.of(first.unitName(), regime.name().id(), String.valueOf(first.row()))));
            }
        }
        int respondents = duplicates(counted, findings, excluded)
                + repeatsAndGaps(regime, counted.stream().filter(l -> !l.wide()).toList(), findings, excluded);
        population(rules, first, counted, respondents, findings);
        findings.add(new Finding(Severity.NOTE, "survey_unit_read", first.sheet(), null, null, null,
                List.of(first.unitName(), first.periodCode(), String.valueOf(respondents), regime.name().id())));
        return respondents;
    }

    /** Wide rows: the same respondent submitted twice. Returns the wide questionnaires counted. */
    private static int duplicates(List<Line> lines, List<Finding> findings, Set<Long> excluded) {
        Map<String, Line> byNumber = new HashMap<>();
        Map<String, Line> byContent = new HashMap<>();
        int counted = 0;
        for (Line l : lines) {
            if (!l.wide()) {
                continue;
            }
            String content = fingerprint(l);
            Line earlier = null;
            String code = null;
            if (l.respondent() != null && !l.respondent().isBlank()) {
                String number = IkmRegime.normalize(l.respondent()).isEmpty() ? l.respondent().trim() : IkmRegime.normalize(l.respondent());
                Line sameNumber = byNumber.putIfAbsent(number, l);
                if (sameNumber != null && fingerprint(sameNumber).equals(content)) {
                    earlier = sameNumber;
                    code = "survey_duplicate_respondent";
                } else if (sameNumber != null) {
                    findings.add(new Finding(Severity.WARNING, "survey_respondent_number_reused", l.sheet(), l.row(), null,
                            l.respondent(), List.of(l.respondent(), where(sameNumber, l))));
                }
            } else if (l.attributes().stream().anyMatch(Objects::nonNull)) {
                Line sameContent = byContent.putIfAbsent(content, l);
                if (sameContent != null) {
                    earlier = sameContent;
                    code = "survey_duplicate_answers";
                }
            }
            if (earlier != null) {
                l.answers().forEach(a -> excluded.add(a.id()));
                findings.add(new Finding(Severity.REJECTED, code, l.sheet(), l.row(), null, l.respondent(),
                        List.of(l.respondent() == null ? "" : l.respondent(), where(earlier, l))));
            } else {
                counted++;
            }
        }
        return counted;
    }

    /** The answers and the stated attributes of a questionnaire, the way two copies of it compare equal. */
    private static String fingerprint(Line l) {
        String answers = l.answers().stream().sorted((a, b) -> Integer.compare(a.unsur(), b.unsur()))
                .map(a -> a.unsur() + "=" + a.score()).collect(Collectors.joining(","));
        String attributes = l.attributes().stream().map(a -> a == null ? "" : IkmRegime.normalize(a)).collect(Collectors.joining("|"));
        return answers + "#" + attributes;
    }

    /**
     * Long rows: an unsur answered twice by one respondent, and unsur a respondent left out.
     * Returns the long-shape respondents with at least one answer counted.
     */
    private static int repeatsAndGaps(IkmRegime regime, List<Line> lines, List<Finding> findings, Set<Long> excluded) {
        Map<String, List<Line>> byRespondent = new LinkedHashMap<>();
        for (Line l : lines) {
            byRespondent.computeIfAbsent(l.respondentKey(), k -> new ArrayList<>()).add(l);
        }
        int counted = 0;
        for (List<Line> ofRespondent : byRespondent.values()) {
            Map<Integer, List<Line>> byUnsur = new TreeMap<>();
            for (Line l : ofRespondent) {
                for (Answer a : l.answers()) {
                    byUnsur.computeIfAbsent(a.unsur(), k -> new ArrayList<>()).add(l);
                }
            }
            Set<Integer> answered = new TreeSet<>();
            for (Map.Entry<Integer, List<Line>> e : byUnsur.entrySet()) {
                List<Line> same = e.getValue();
                String unsur = regime.unsur(e.getKey()).code();
                Line firstAnswer = same.get(0);
                if (same.size() == 1) {
                    answered.add(e.getKey());
                    continue;
                }
                Set<Integer> scores = same.stream().map(l -> score(l, e.getKey())).collect(Collectors.toSet());
                if (scores.size() == 1) {
                    answered.add(e.getKey());
                    for (Line repeat : same.subList(1, same.size())) {
                        exclude(repeat, e.getKey(), excluded);
                        findings.add(new Finding(Severity.REJECTED, "survey_answer_repeated", repeat.sheet(), repeat.row(),
                                column(repeat, e.getKey()), String.valueOf(score(repeat, e.getKey())),
                                List.of(repeat.respondent(), unsur, where(firstAnswer, repeat))));
                    }
                } else {
                    String rows = same.stream().map(l -> String.valueOf(l.row())).collect(Collectors.joining(", "));
                    for (Line conflicting : same) {
                        exclude(conflicting, e.getKey(), excluded);
                        findings.add(new Finding(Severity.REJECTED, "survey_answer_conflict", conflicting.sheet(), conflicting.row(),
                                column(conflicting, e.getKey()), String.valueOf(score(conflicting, e.getKey())),
                                List.of(conflicting.respondent(), unsur, rows)));
                    }
                }
            }
            if (answered.isEmpty()) {
                continue;
            }
            counted++;
            List<String> missing = new ArrayList<>();
            for (int u = 1; u <= regime.unsurCount(); u++) {
                if (!answered.contains(u)) {
                    missing.add(regime.unsur(u).code());
                }
            }
            if (!missing.isEmpty()) {
                Line at = ofRespondent.get(0);
                findings.add(new Finding(Severity.WARNING, "survey_unanswered", at.sheet(), at.row(), null, at.respondent(),
                        List.of(at.respondent(), String.join(", ", missing))));
            }
        }
        return counted;
    }

    private static int score(Line l, int unsur) {
        return l.answers().stream().filter(a -> a.unsur() == unsur).findFirst().orElseThrow().score();
    }

    private static String column(Line l, int unsur) {
        return l.answers().stream().filter(a -> a.unsur() == unsur).findFirst().map(Answer::column).orElse(null);
    }

    private static void exclude(Line l, int unsur, Set<Long> excluded) {
        l.answers().stream().filter(a -> a.unsur() == unsur).forEach(a -> excluded.add(a.id()));
    }

    /** The population stated for the unit, a differing one warned, and the sample judged against it. */
    private static void population(IkmRules rules, Line first, List<Line> lines, int respondents, List<Finding> findings) {
        Line stated = lines.stream().filter(l -> l.population() != null).findFirst().orElse(null);
        if (stated == null) {
            findings.add(new Finding(Severity.NOTE, "survey_population_missing", first.sheet(), null, null, null,
                    List.of(first.unitName(), first.periodCode())));
            return;
        }
        Set<Long> warned = new TreeSet<>();
        for (Line l : lines) {
            if (l.population() != null && !l.population().equals(stated.population()) && warned.add(l.population())) {
                findings.add(new Finding(Severity.WARNING, "survey_population_differs", l.sheet(), l.row(), null,
                        String.valueOf(l.population()), List.of(first.unitName(), String.valueOf(stated.population()),
                        where(stated, l))));
            }
        }
        SampleAdequacy sample = SampleAdequacy.of(rules.sampleSize(), stated.population(), respondents);
        if (Boolean.FALSE.equals(sample.adequate())) {
            findings.add(new Finding(Severity.WARNING, "survey_sample_small", first.sheet(), null, null, null,
                    List.of(first.unitName(), first.periodCode(), String.valueOf(respondents), String.valueOf(stated.population()),
                            String.valueOf(sample.required()))));
        }
    }

    /** "12" for a row of the same sheet, "Data!12" for another sheet's. */
    private static String where(Line earlier, Line now) {
        return earlier.sheet().equals(now.sheet()) ? String.valueOf(earlier.row()) : earlier.sheet() + "!" + earlier.row();
    }
}
