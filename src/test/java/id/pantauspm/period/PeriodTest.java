package id.pantauspm.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Period: the spellings of the submission contract")
class PeriodTest {

    @ParameterizedTest(name = "\"{0}\" is read as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026                  | 2026
            ' 2026 '              | 2026
            2026.0                | 2026
            2026-TW3              | 2026-TW3
            2026-tw3              | 2026-TW3
            2026-Q3               | 2026-TW3
            2026Q3                | 2026-TW3
            2026/TW4              | 2026-TW4
            Triwulan III 2026     | 2026-TW3
            triwulan 3 2026       | 2026-TW3
            TRIWULAN  IV  2026    | 2026-TW4
            Triwulan I Tahun 2026 | 2026-TW1
            TW II 2026            | 2026-TW2
            TW3 2026              | 2026-TW3
            2026 TW3              | 2026-TW3
            2026-S1               | 2026-S1
            2026-s2               | 2026-S2
            Semester II 2026      | 2026-S2
            semester 1 2026       | 2026-S1
            2026-07               | 2026-07
            2026-7                | 2026-07
            2026-12               | 2026-12
            """)
    void readsEverySpellingOfTheContract(String text, String code) {
        assertThat(Period.parse(text)).map(Period::code).contains(code);
    }

    @Test
    @DisplayName("a year typed into a numeric cell and read back as 2026.0 is the year 2026")
    void yearFromNumericCell() {
        assertThat(Period.parse("2026.0")).contains(Period.year(2026));
    }

    @Test
    void quarterWordsAndCodeGiveTheSamePeriod() {
        assertThat(Period.parse("Triwulan III 2026")).contains(Period.quarter(2026, 3));
        assertThat(Period.parse("2026-Q3")).isEqualTo(Period.parse("2026-TW3"));
    }

    @ParameterizedTest(name = "\"{0}\" is not a period")
    @ValueSource(strings = {"2025-TW5", "2025-Q0", "2026-13", "2026-00", "2026-S3", "Semester III 2026",
            "Triwulan V 2026", "abc", "26", "TW3", "2026-TW", "1800", "   "})
    void rejectsWhatIsNotAPeriod(String text) {
        assertThat(Period.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nothingIsNotAPeriod(String text) {
        assertThat(Period.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: code {1}, last day {2}")
    @CsvSource({
            "2026,     2026,     2026-12-31",
            "2026-S1,  2026-S1,  2026-06-30",
            "2026-S2,  2026-S2,  2026-12-31",
            "2026-TW1, 2026-TW1, 2026-03-31",
            "2026-TW3, 2026-TW3, 2026-09-30",
            "2026-TW4, 2026-TW4, 2026-12-31",
            "2026-02,  2026-02,  2026-02-28",
            "2028-02,  2028-02,  2028-02-29",
            "2026-07,  2026-07,  2026-07-31",
    })
    void codeAndLastDay(String text, String code, LocalDate lastDay) {
        Period p = Period.parse(text).orElseThrow();
        assertThat(p.code()).isEqualTo(code);
        assertThat(p.toString()).isEqualTo(code);
        assertThat(p.lastDay()).isEqualTo(lastDay);
    }

    @Test
    @DisplayName("a month code always has two digits: 2026-07, never 2026-7")
    void monthCodeIsZeroPadded() {
        assertThat(new Period(2026, Period.Kind.MONTH, 7).code()).isEqualTo("2026-07");
    }

    @Test
    @DisplayName("periods sort by the day they end: Q1 < S1 < 2026-07 < Q3 < 2026 (year) < next year")
    void ordersByLastDay() {
        List<Period> periods = new ArrayList<>(List.of(
                Period.year(2027), Period.year(2026), Period.quarter(2026, 3),
                Period.parse("2026-07").orElseThrow(), Period.parse("2026-S1").orElseThrow(),
                Period.quarter(2026, 1), Period.year(2025)));
        Collections.sort(periods);
        assertThat(periods).extracting(Period::code)
                .containsExactly("2025", "2026-TW1", "2026-S1", "2026-07", "2026-TW3", "2026", "2027");
    }

    @Test
    @DisplayName("periods ending the same day are still distinct and ordered consistently with equals")
    void sameLastDayDifferentKind() {
        Period year = Period.year(2026);
        Period q4 = Period.quarter(2026, 4);
        assertThat(year.lastDay()).isEqualTo(q4.lastDay());
        assertThat(year.compareTo(q4)).isNotZero();
        assertThat(year.compareTo(q4)).isEqualTo(-q4.compareTo(year));
        assertThat(year.compareTo(Period.year(2026))).isZero();
    }

    @ParameterizedTest
    @CsvSource({"QUARTER, 5", "QUARTER, 0", "SEMESTER, 3", "MONTH, 13", "YEAR, 2"})
    void constructorRefusesOutOfRangeNumbers(Period.Kind kind, int number) {
        assertThatThrownBy(() -> new Period(2026, kind, number)).isInstanceOf(IllegalArgumentException.class);
    }
}
