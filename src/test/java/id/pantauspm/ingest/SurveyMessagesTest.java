package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.pantauspm.report.Messages;
import id.pantauspm.report.ReceiptWriter;

/** Every survey problem as an office reads it in its receipt, in Bahasa Indonesia and English, arguments filled. */
class SurveyMessagesTest {

    static final List<Problem> PROBLEMS = List.of(
            Problem.note("survey_sheet_read_wide", "Data", "Data", "PermenPAN-RB 14/2017 (9 unsur)"),
            Problem.note("survey_sheet_read_long", "Data", "Data", "PermenPAN-RB 14/2017 (9 unsur)"),
            new Problem(Problem.Severity.NOTE, "survey_totals_skipped", "Data", 40, null, "Jumlah", List.of("40")),
            Problem.file("survey_regime_mismatch", "Data", "U1, U2", "KepMenPAN 25/2004 (14 unsur)", "PermenPAN-RB 14/2017 (9 unsur)"),
            Problem.file("survey_unsur_incomplete", "Data", "PermenPAN-RB 14/2017 (9 unsur)", "U9", "U1, U8"),
            Problem.file("survey_no_unit", "Data", "Data"),
            Problem.file("survey_no_region", "Data", "Data"),
            Problem.file("survey_no_period", "Data", "Data"),
            new Problem(Problem.Severity.FILE_REFUSED, "survey_regime_unknown", "Data", 7, "B", "pedoman lama",
                    List.of("PermenPAN-RB 14/2017 (9 unsur); KepMenPAN 25/2004 (14 unsur)")),
            new Problem(Problem.Severity.ROW_REJECTED, "survey_unit_empty", "Survei", 3, "B", "", List.of()),
            new Problem(Problem.Severity.WARNING, "survey_population_unreadable", "Survei", 6, "B", "banyak", List.of()),
            new Problem(Problem.Severity.ROW_REJECTED, "survey_score_invalid", "Data", 12, "H", "5", List.of("U3", "1", "4")),
            new Problem(Problem.Severity.ROW_REJECTED, "survey_no_answers", "Data", 13, "F", "", List.of("12")),
            new Problem(Problem.Severity.WARNING, "survey_unanswered", "Data", 14, "I", "", List.of("13", "U4, U8")),
            new Problem(Problem.Severity.ROW_REJECTED, "survey_respondent_missing", "Data", 15, "E", "", List.of()),
            new Problem(Problem.Severity.ROW_REJECTED, "survey_question_missing", "Data", 16, "F", "", List.of("U1, U2")),
            new Problem(Problem.Severity.ROW_REJECTED, "survey_question_unknown", "Data", 17, "F", "U10",
                    List.of("PermenPAN-RB 14/2017 (9 unsur)", "U1-U9")),
            new Problem(Problem.Severity.ROW_REJECTED, "survey_duplicate_respondent", "Data", 40, null, "7", List.of("7", "11")),
            new Problem(Problem.Severity.ROW_REJECTED, "survey_duplicate_answers", "Data", 41, null, null, List.of("", "12")),
            new Problem(Problem.Severity.WARNING, "survey_respondent_number_reused", "Data", 42, null, "5", List.of("5", "11")),
            new Problem(Problem.Severity.ROW_REJECTED, "survey_answer_repeated", "Data", 20, "G", "3", List.of("R1", "U1", "2")),
            new Problem(Problem.Severity.ROW_REJECTED, "survey_answer_conflict", "Data", 29, "G", "2", List.of("R2", "U5", "24, 29")),
            new Problem(Problem.Severity.ROW_REJECTED, "survey_regimes_mixed", "Lama", 5, null, null,
                    List.of("Puskesmas Halmahera", "PermenPAN-RB 14/2017 (9 unsur)", "10")),
            new Problem(Problem.Severity.WARNING, "survey_population_differs", "Data", 12, null, "25", List.of("Puskesmas", "20", "11")),
            new Problem(Problem.Severity.WARNING, "survey_sample_small", "Data", null, null, null,
                    List.of("Puskesmas Kedungmundu", "2025", "150", "9000", "368")),
            new Problem(Problem.Severity.NOTE, "survey_population_missing", "Data", null, null, null, List.of("Puskesmas", "2025")),
            new Problem(Problem.Severity.NOTE, "survey_unit_read", "Data", null, null, null,
                    List.of("Puskesmas", "2025", "150", "PermenPAN-RB 14/2017 (9 unsur)")));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"id", "en"})
    void everySurveyProblemIsASentenceWithItsArguments(String lang) {
        ReceiptWriter receipts = new ReceiptWriter(Messages.create(), Locale.forLanguageTag(lang));
        for (Problem p : PROBLEMS) {
            String line = receipts.describe(p);
            assertThat(line).as(p.code()).doesNotContain("{", "}", "problem.", "''");
            p.args().stream().filter(a -> !a.isEmpty()).forEach(a -> assertThat(line).as(p.code()).contains(a));
            if (p.found() != null && !p.found().isEmpty() && p.severity() != Problem.Severity.NOTE) {
                assertThat(line).as(p.code()).contains(p.found());
            }
        }
        assertThat(receipts.describe(PROBLEMS.get(11))).contains(lang.equals("id") ? "baris 12, kolom H" : "row 12, column H");
    }
}
