package id.pantauspm.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import id.pantauspm.catalogue.IkmRules;
import id.pantauspm.ikm.SurveyChecks;

/**
 * The whole-survey checks ({@link SurveyChecks}) said as receipt problems. The job runs them over
 * a submission's stored lines, `pantau validate` over the lines it read; both through here.
 */
public final class SurveyFindings {

    private SurveyFindings() {
    }

    /** A line as the checks see it; {@code firstId} numbers its answers (ids of the caller's choosing). */
    public static SurveyChecks.Line line(SurveyLine l, List<Long> answerIds) {
        List<SurveyChecks.Answer> answers = new ArrayList<>();
        for (int i = 0; i < l.answers().size(); i++) {
            SurveyLine.Answer a = l.answers().get(i);
            answers.add(new SurveyChecks.Answer(answerIds.get(i), a.unsur(), a.score(), a.column()));
        }
        return new SurveyChecks.Line(l.unitKey(), l.unitName(), l.periodCode(), l.regimeCode(), l.population(), l.respondentKey(),
                l.respondent(), attributes(l.sex(), l.age(), l.education(), l.occupation(), l.surveyDate(), l.serviceUsed()),
                l.shape() == SurveySheet.Shape.WIDE, l.sheet(), l.rowNumber(), answers);
    }

    /** The respondent attributes in the order {@link SurveyColumn#ATTRIBUTES} lists them; nulls where not stated. */
    public static List<String> attributes(String sex, String age, String education, String occupation, String date, String service) {
        return Arrays.asList(sex, age, education, occupation, date, service);
    }

    public static Problem problem(SurveyChecks.Finding f) {
        Problem.Severity severity = switch (f.severity()) {
            case REJECTED -> Problem.Severity.ROW_REJECTED;
            case WARNING -> Problem.Severity.WARNING;
            case NOTE -> Problem.Severity.NOTE;
        };
        return new Problem(severity, f.code(), f.sheet(), f.row(), f.column(), f.found(), f.args());
    }

    /** The checks over lines read in memory (`pantau validate`): their problems, in the order found. */
    public static List<Problem> check(IkmRules rules, List<SurveyLine> lines) {
        List<SurveyChecks.Line> checked = new ArrayList<>();
        long id = 0;
        for (SurveyLine l : lines) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < l.answers().size(); i++) {
                ids.add(++id);
            }
            checked.add(line(l, ids));
        }
        return SurveyChecks.check(rules, checked).findings().stream().map(SurveyFindings::problem).toList();
    }
}
