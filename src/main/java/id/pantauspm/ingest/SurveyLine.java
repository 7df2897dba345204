package id.pantauspm.ingest;

import java.util.List;

/**
 * A survey row as accepted: which unit, region and period it is for, under which regime, who
 * answered (as written, and the key that groups a respondent's answers), the respondent's
 * attributes, and the answers it holds (wide shape: up to one per unsur; long shape: one).
 *
 * @param unitKey        the unit's name compared without case, spaces and punctuation
 * @param population     the unit's stated population of users; null when not stated or unreadable
 * @param respondentKey  a wide row: its sheet and row (each row is one questionnaire); a long row: the respondent id
 * @param respondent     the respondent's number or id as written; null when the sheet has none
 */
public record SurveyLine(String regionCode, String unitName, String unitKey, String periodCode, String regimeCode,
                         Long population, String respondentKey, String respondent, String sex, String age, String education,
                         String occupation, String surveyDate, String serviceUsed, List<Answer> answers, String sheet,
                         int rowNumber, SurveySheet.Shape shape) {

    /** One score given to one unsur; {@code questionId} as the long shape wrote it (null in the wide shape). */
    public record Answer(int unsur, String questionId, int score, String column) {
    }

    public SurveyLine {
        answers = List.copyOf(answers);
    }
}
