package id.pantauspm.ingest;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.pantauspm.catalogue.IkmRegime;
import id.pantauspm.catalogue.IkmRules;
import id.pantauspm.catalogue.IkmUnsur;
import id.pantauspm.period.Period;
import id.pantauspm.regions.RegionDirectory;

/**
 * Where a survey row becomes answers: checks the unit, region, period, population, the question of
 * a long-shape row and every score against the regime (PermenPAN-RB 14/2017: whole numbers 1 to 4),
 * and says precisely what is wrong where it cannot. A row with a score outside the scale is
 * rejected whole (its other answers are from the same questionnaire); an unsur left blank is
 * unanswered, never 0, and the receipt says which.
 */
public final class SurveyParser {

    /** Cells that mean "no answer" rather than a score. */
    private static final Set<String> NO_ANSWER = Set.of("", "-", "--", "\u2013", "\u2014", "n/a", "na", "tidak menjawab",
            "tidak diisi", "tt");
    private static final int MAX_TEXT = 200;

    private final IkmRules rules;
    private final RegionDirectory regions;

    public SurveyParser(IkmRules rules, RegionDirectory regions) {
        this.rules = rules;
        this.regions = regions;
    }

    public ParsedSurveyRow parse(SurveyRow row, DecimalConvention convention) {
        List<Problem> problems = new ArrayList<>();
        IkmRegime regime = row.sheet().regime();
        String region = region(row, problems);
        String unit = text(row, SurveyColumn.UNIT);
        if (unit == null) {
            problems.add(row.problem(Problem.Severity.ROW_REJECTED, "survey_unit_empty", SurveyColumn.UNIT));
        }
        String period = period(row, problems);
        Long population = population(row, convention, problems);
        List<SurveyLine.Answer> answers = new ArrayList<>();
        String respondent = text(row, SurveyColumn.RESPONDENT);
        String respondentKey;
        if (row.sheet().shape() == SurveySheet.Shape.WIDE) {
            respondentKey = row.sheetName() + "!" + row.rowNumber();
            List<String> unanswered = new ArrayList<>();
            Integer firstBlank = null;
            for (Map.Entry<Integer, Integer> u : row.sheet().unsurColumns().entrySet()) {
                CellValue cell = row.raw().cell(u.getValue());
                if (noAnswer(cell)) {
                    unanswered.add(regime.unsur(u.getKey()).code());
                    firstBlank = firstBlank == null ? u.getValue() : firstBlank;
                    continue;
                }
                Optional<Integer> score = score(cell, regime, convention);
                if (score.isEmpty()) {
                    problems.add(row.problemAt(Problem.Severity.ROW_REJECTED, "survey_score_invalid", u.getValue(),
                            regime.unsur(u.getKey()).code(), String.valueOf(regime.minScore()), String.valueOf(regime.maxScore())));
                } else {
                    answers.add(new SurveyLine.Answer(u.getKey(), null, score.get(), RawRow.columnLetter(u.getValue())));
                }
            }
            if (unanswered.size() == regime.unsurCount()) {
                problems.add(row.problemAt(Problem.Severity.ROW_REJECTED, "survey_no_answers", firstBlank,
                        respondentLabel(row, respondent)));
            } else if (!unanswered.isEmpty()) {
                problems.add(row.problemAt(Problem.Severity.WARNING, "survey_unanswered", firstBlank,
                        respondentLabel(row, respondent), String.join(", ", unanswered)));
            }
        } else {
            if (respondent == null) {
                problems.add(row.problem(Problem.Severity.ROW_REJECTED, "survey_respondent_missing", SurveyColumn.RESPONDENT));
            }
            respondentKey = respondent == null ? null : IkmRegime.normalize(respondent).isEmpty() ? respondent.trim()
                    : IkmRegime.normalize(respondent);
            Optional<LongAnswer> answer = longAnswer(row, regime, convention, problems);
            if (answer.isEmpty() && problems.stream().noneMatch(p -> p.severity() == Problem.Severity.ROW_REJECTED)) {
                return new ParsedSurveyRow(row, null, List.copyOf(problems)); // an answer left blank: counted as unanswered
            }
            answer.ifPresent(a -> answers.add(new SurveyLine.Answer(a.unsur().number(), a.questionId(), a.score(), a.column())));
        }
        boolean rejected = problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ROW_REJECTED);
        if (rejected) {
            return new ParsedSurveyRow(row, null, List.copyOf(problems));
        }
        SurveyLine line = new SurveyLine(region, unit, unitKey(unit), period, regime.code(), population, respondentKey,
                respondent, text(row, SurveyColumn.SEX), text(row, SurveyColumn.AGE), text(row, SurveyColumn.EDUCATION),
                text(row, SurveyColumn.OCCUPATION), text(row, SurveyColumn.DATE), text(row, SurveyColumn.SERVICE), answers,
                row.sheetName(), row.rowNumber(), row.sheet().shape());
        return new ParsedSurveyRow(row, line, List.copyOf(problems));
    }

    /** Two spellings of one unit ("PUSKESMAS  Halmahera", "Puskesmas Halmahera.") are one unit. */
    public static String unitKey(String unitName) {
        return unitName == null ? null : unitName.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private record LongAnswer(IkmUnsur unsur, String questionId, int score, String column) {
    }

    /** The question of a long-shape row (or its unsur column), mapped to an unsur, and its score. */
    private Optional<LongAnswer> longAnswer(SurveyRow row, IkmRegime regime, DecimalConvention convention, List<Problem> problems) {
        boolean byUnsur = row.sheet().columns().containsKey(SurveyColumn.UNSUR);
        SurveyColumn questionColumn = byUnsur ? SurveyColumn.UNSUR : SurveyColumn.QUESTION;
        String question = text(row, SurveyColumn.QUESTION);
        CellValue asked = row.cell(questionColumn);
        CellValue scoreCell = row.cell(SurveyColumn.SCORE);
        Optional<IkmUnsur> unsur = Optional.empty();
        if (asked.isBlank()) {
            problems.add(row.problem(Problem.Severity.ROW_REJECTED, "survey_question_missing", questionColumn,
                    String.join(", ", regime.unsur().stream().map(IkmUnsur::code).toList())));
        } else {
            unsur = regime.unsurFor(asked.asText(), true);
            if (unsur.isEmpty()) {
                problems.add(row.problem(Problem.Severity.ROW_REJECTED, "survey_question_unknown", questionColumn,
                        regime.name().id(), "U1-U" + regime.unsurCount()));
            }
        }
        if (noAnswer(scoreCell)) {
            return Optional.empty();
        }
        Optional<Integer> score = score(scoreCell, regime, convention);
        if (score.isEmpty()) {
            problems.add(row.problem(Problem.Severity.ROW_REJECTED, "survey_score_invalid", SurveyColumn.SCORE,
                    unsur.map(IkmUnsur::code).orElse(asked.asText()), String.valueOf(regime.minScore()),
                    String.valueOf(regime.maxScore())));
            return Optional.empty();
        }
        if (unsur.isEmpty()) {
            return Optional.empty();
        }
        Integer at = row.sheet().columns().get(SurveyColumn.SCORE);
        return Optional.of(new LongAnswer(unsur.get(), question != null ? question : asked.asText(), score.get(),
                RawRow.columnLetter(at)));
    }

    /** A whole number within the regime's scale; "4", 4 and 4.0 are 4; 3.5, 0, 5, "Baik" and errors are not scores. */
    private static Optional<Integer> score(CellValue cell, IkmRegime regime, DecimalConvention convention) {
        BigDecimal value = null;
        if (cell instanceof CellValue.Number n) {
            value = n.value();
        } else if (cell instanceof CellValue.Text t) {
            value = NumberText.parse(t.value(), convention).filter(p -> !p.percent()).map(NumberText.Parsed::value).orElse(null);
        }
        if (value == null || value.stripTrailingZeros().scale() > 0) {
            return Optional.empty();
        }
        int score;
        try {
            score = value.intValueExact();
        } catch (ArithmeticException tooLarge) {
            return Optional.empty();
        }
        return score >= regime.minScore() && score <= regime.maxScore() ? Optional.of(score) : Optional.empty();
    }

    private static boolean noAnswer(CellValue cell) {
        return cell.isBlank() || cell instanceof CellValue.Text t && NO_ANSWER.contains(t.value().trim().toLowerCase(Locale.ROOT));
    }

    private String region(SurveyRow row, List<Problem> problems) {
        CellValue cell = row.cell(SurveyColumn.REGION);
        if (cell.isBlank()) {
            problems.add(row.problem(Problem.Severity.ROW_REJECTED, "region_missing", SurveyColumn.REGION));
            return null;
        }
        var resolved = regions.resolve(cell.asText());
        if (resolved.isEmpty()) {
            problems.add(row.problem(Problem.Severity.ROW_REJECTED, "region_unknown", SurveyColumn.REGION));
            return null;
        }
        var r = resolved.get();
        switch (r.note()) {
            case WITHOUT_DOT -> problems.add(row.problem(Problem.Severity.NOTE, "region_without_dot", SurveyColumn.REGION, r.region().code()));
            case SHORTENED_BY_EXCEL -> problems.add(row.problem(Problem.Severity.WARNING, "region_shortened", SurveyColumn.REGION,
                    r.region().code(), r.region().name()));
            case BY_NAME -> problems.add(row.problem(Problem.Severity.WARNING, "region_by_name", SurveyColumn.REGION,
                    r.region().code(), r.region().name()));
            case EXACT -> { }
        }
        return r.region().code();
    }

    private static String period(SurveyRow row, List<Problem> problems) {
        CellValue cell = row.cell(SurveyColumn.PERIOD);
        if (cell.isBlank()) {
            problems.add(row.problem(Problem.Severity.ROW_REJECTED, "period_missing", SurveyColumn.PERIOD));
            return null;
        }
        Optional<Period> period = Period.parse(cell.asText());
        if (period.isEmpty()) {
            problems.add(row.problem(Problem.Severity.ROW_REJECTED, "period_unreadable", SurveyColumn.PERIOD));
            return null;
        }
        return period.get().code();
    }

    /** The unit's stated population of users: a whole number of at least 1; anything else is warned and left out. */
    private static Long population(SurveyRow row, DecimalConvention convention, List<Problem> problems) {
        if (!row.has(SurveyColumn.POPULATION)) {
            return null;
        }
        CellValue cell = row.cell(SurveyColumn.POPULATION);
        if (noAnswer(cell)) {
            return null;
        }
        BigDecimal value = cell instanceof CellValue.Number n ? n.value()
                : cell instanceof CellValue.Text t ? NumberText.parse(t.value(), convention).filter(p -> !p.percent())
                .map(p -> p.ambiguous() && p.otherReading().stripTrailingZeros().scale() <= 0 && p.value().stripTrailingZeros().scale() > 0
                        ? p.otherReading() : p.value()).orElse(null) : null;
        if (value == null || value.signum() <= 0 || value.stripTrailingZeros().scale() > 0) {
            problems.add(row.problem(Problem.Severity.WARNING, "survey_population_unreadable", SurveyColumn.POPULATION));
            return null;
        }
        return value.longValue();
    }

    /** A text cell as written (dates as ISO dates, numbers without a trailing .0), cut to a length a table holds; null when blank. */
    private static String text(SurveyRow row, SurveyColumn column) {
        if (!row.has(column)) {
            return null;
        }
        CellValue cell = row.cell(column);
        if (cell.isBlank()) {
            return null;
        }
        String t = cell instanceof CellValue.Date d ? d.date().format(DateTimeFormatter.ISO_LOCAL_DATE) : cell.asText();
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
    }

    private static String respondentLabel(SurveyRow row, String respondent) {
        return respondent != null ? respondent : String.valueOf(row.rowNumber());
    }
}
