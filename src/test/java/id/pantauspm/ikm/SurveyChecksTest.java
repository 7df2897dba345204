package id.pantauspm.ikm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.pantauspm.catalogue.IkmRules;
import id.pantauspm.ikm.SurveyChecks.Finding;
import id.pantauspm.ikm.SurveyChecks.Line;
import id.pantauspm.ikm.SurveyChecks.Outcome;
import id.pantauspm.ikm.SurveyChecks.Severity;

/** The checks that need a whole survey: repeats, conflicts, gaps, the population and the sample. */
class SurveyChecksTest {

    static final IkmRules RULES = IkmCalculatorTest.RULES;
    static final String NINE = "PERMENPANRB_14_2017";
    long ids;

    /** A wide row (one questionnaire): scores U1 first, attributes sex, age, education, occupation, date, service. */
    Line wide(int row, String respondent, List<String> attributes, Long population, int... scores) {
        List<SurveyChecks.Answer> answers = new ArrayList<>();
        for (int u = 0; u < scores.length; u++) {
            answers.add(new SurveyChecks.Answer(++ids, u + 1, scores[u], String.valueOf((char) ('E' + u))));
        }
        return new Line("puskesmas halmahera", "Puskesmas Halmahera", "2025", NINE, population, "Data!" + row, respondent,
                attributes, true, "Data", row, answers);
    }

    /** A long row: one answer of one respondent. */
    Line answer(int row, String respondent, int unsur, int score) {
        return new Line("puskesmas halmahera", "Puskesmas Halmahera", "2025", NINE, 400L, respondent.toLowerCase(), respondent,
                null, false, "Jawaban", row, List.of(new SurveyChecks.Answer(++ids, unsur, score, "C")));
    }

    static List<String> attributes(String sex, String age) {
        return Arrays.asList(sex, age, "SMA", "Swasta", null, null);
    }

    @Test
    @DisplayName("the same respondent number with the same answers twice: the later row is not counted, naming the first")
    void duplicateRespondent() {
        Line first = wide(11, "7", attributes("L", "34"), 90L, 4, 3, 3, 3, 4, 3, 3, 2, 3);
        Line again = wide(40, "7", attributes("L", "34"), 90L, 4, 3, 3, 3, 4, 3, 3, 2, 3);
        Line other = wide(12, "8", attributes("L", "34"), 90L, 4, 3, 3, 3, 4, 3, 3, 2, 3);
        Outcome o = SurveyChecks.check(RULES, List.of(first, other, again));
        assertThat(o.excluded()).containsExactlyInAnyOrderElementsOf(again.answers().stream().map(SurveyChecks.Answer::id).toList());
        assertThat(rejected(o)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("survey_duplicate_respondent");
            assertThat(f.row()).isEqualTo(40);
            assertThat(f.args()).containsExactly("7", "11");
        });
        // Respondent 8 has the same answers and attributes but its own number: another person, counted.
        assertThat(o.respondents()).containsEntry("puskesmas halmahera|2025", 2);
    }

    @Test
    @DisplayName("without numbers: the same answers and the same stated attributes are one respondent; without attributes they are not judged")
    void duplicateWithoutNumbers() {
        Line a = wide(11, null, attributes("P", "41"), null, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        Line b = wide(12, null, attributes("P", "41"), null, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        Line c = wide(13, null, attributes("P", "29"), null, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        Outcome o = SurveyChecks.check(RULES, List.of(a, b, c));
        assertThat(rejected(o)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("survey_duplicate_answers");
            assertThat(f.row()).isEqualTo(12);
            assertThat(f.args()).containsExactly("", "11");
        });
        assertThat(o.respondents()).containsEntry("puskesmas halmahera|2025", 2);

        // All 3s from people the sheet says nothing about: common answers, not evidence of a copy.
        Line d = wide(11, null, null, null, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        Line e = wide(12, null, null, null, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        assertThat(rejected(SurveyChecks.check(RULES, List.of(d, e)))).isEmpty();
    }

    @Test
    @DisplayName("one number on two different questionnaires: both are counted, with a warning to number them apart")
    void numberReused() {
        Line a = wide(11, "5", attributes("L", "30"), null, 4, 4, 4, 4, 4, 4, 4, 4, 4);
        Line b = wide(12, "5", attributes("P", "52"), null, 2, 3, 3, 3, 3, 3, 3, 3, 3);
        Outcome o = SurveyChecks.check(RULES, List.of(a, b));
        assertThat(o.excluded()).isEmpty();
        assertThat(o.findings()).filteredOn(f -> f.severity() == Severity.WARNING).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("survey_respondent_number_reused");
            assertThat(f.row()).isEqualTo(12);
            assertThat(f.args()).containsExactly("5", "11");
        });
        assertThat(o.respondents()).containsEntry("puskesmas halmahera|2025", 2);
    }

    @Test
    @DisplayName("long shape: a respondent's block pasted twice counts once; a different second score is a conflict, counted for neither")
    void longRepeatsAndConflicts() {
        List<Line> lines = new ArrayList<>();
        int row = 2;
        for (int u = 1; u <= 9; u++) {
            lines.add(answer(row++, "R1", u, 3));
        }
        for (int u = 1; u <= 9; u++) {
            lines.add(answer(row++, "R1", u, 3)); // rows 11-19: the same block again
        }
        for (int u = 1; u <= 9; u++) {
            lines.add(answer(row++, "R2", u, 4)); // rows 20-28
        }
        Line conflicting = answer(row, "R2", 5, 2); // row 29: R2 answered U5 with 4 at row 24
        lines.add(conflicting);
        Outcome o = SurveyChecks.check(RULES, lines);
        assertThat(o.findings()).filteredOn(f -> f.code().equals("survey_answer_repeated")).hasSize(9)
                .first().satisfies(f -> {
                    assertThat(f.row()).isEqualTo(11);
                    assertThat(f.args()).containsExactly("R1", "U1", "2");
                });
        assertThat(o.findings()).filteredOn(f -> f.code().equals("survey_answer_conflict"))
                .extracting(Finding::row).containsExactly(24, 29);
        assertThat(o.findings()).filteredOn(f -> f.code().equals("survey_answer_conflict")).first()
                .satisfies(f -> assertThat(f.args()).containsExactly("R2", "U5", "24, 29"));
        // 9 repeats of R1 and both of R2's U5 answers are left out: R2 now has no U5.
        assertThat(o.excluded()).hasSize(11);
        assertThat(o.findings()).filteredOn(f -> f.code().equals("survey_unanswered")).singleElement()
                .satisfies(f -> {
                    assertThat(f.row()).isEqualTo(20);
                    assertThat(f.args()).containsExactly("R2", "U5");
                });
        assertThat(o.respondents()).containsEntry("puskesmas halmahera|2025", 2);
    }

    @Test
    @DisplayName("150 respondents where 9,000 users were served: short of the 368 the table asks, said for the unit")
    void sampleTooSmall() {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            lines.add(wide(11 + i, String.valueOf(i + 1), null, 9_000L, 3, 3, 3, 3, 3, 3, 3, 3, 3));
        }
        Outcome o = SurveyChecks.check(RULES, lines);
        assertThat(o.findings()).filteredOn(f -> f.code().equals("survey_sample_small")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.row()).isNull();
            assertThat(f.args()).containsExactly("Puskesmas Halmahera", "2025", "150", "9000", "368");
        });
        assertThat(o.findings()).filteredOn(f -> f.code().equals("survey_unit_read")).singleElement()
                .satisfies(f -> assertThat(f.args()).containsExactly("Puskesmas Halmahera", "2025", "150", "PermenPAN-RB 14/2017 (9 unsur)"));
    }

    @Test
    @DisplayName("no population stated: a note, not a verdict; a second, different population: a warning at its row")
    void population() {
        Outcome none = SurveyChecks.check(RULES, List.of(wide(11, "1", null, null, 3, 3, 3, 3, 3, 3, 3, 3, 3)));
        assertThat(none.findings()).extracting(Finding::code).contains("survey_population_missing").doesNotContain("survey_sample_small");

        Outcome differs = SurveyChecks.check(RULES, List.of(wide(11, "1", null, 20L, 3, 3, 3, 3, 3, 3, 3, 3, 3),
                wide(12, "2", null, 25L, 3, 3, 3, 3, 3, 3, 3, 3, 3)));
        assertThat(differs.findings()).filteredOn(f -> f.code().equals("survey_population_differs")).singleElement()
                .satisfies(f -> {
                    assertThat(f.row()).isEqualTo(12);
                    assertThat(f.args()).containsExactly("Puskesmas Halmahera", "20", "11");
                });
        // 2 respondents where 20 users were served: the table asks 19.
        assertThat(differs.findings()).extracting(Finding::code).contains("survey_sample_small");
    }

    private static List<Finding> rejected(Outcome o) {
        return o.findings().stream().filter(f -> f.severity() == Severity.REJECTED).toList();
    }
}
