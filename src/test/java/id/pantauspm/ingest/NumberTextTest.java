package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("NumberText: numbers a clerk typed as text")
class NumberTextTest {

    private static NumberText.Parsed parse(String text, DecimalConvention convention) {
        return NumberText.parse(text, convention).orElseThrow(() -> new AssertionError("not read: '" + text + "'"));
    }

    @ParameterizedTest(name = "\"{0}\" is {1} whatever the file's convention")
    @CsvSource(delimiter = '|', textBlock = """
            1.234,5         | 1234.5
            1,234.5         | 1234.5
            1.234.567,89    | 1234567.89
            1,234,567.89    | 1234567.89
            1.250.000.000   | 1250000000
            1,250,000,000   | 1250000000
            87,5            | 87.5
            87.5            | 87.5
            0.5             | 0.5
            0,5             | 0.5
            .5              | 0.5
            ,5              | 0.5
            0.500           | 0.5
            12345           | 12345
            -312            | -312
            +312            | 312
            1 234 567       | 1234567
            """)
    void unambiguousInBothConventions(String text, BigDecimal expected) {
        for (DecimalConvention convention : DecimalConvention.values()) {
            NumberText.Parsed p = parse(text, convention);
            assertThat(p.value()).as("%s in %s", text, convention).isEqualByComparingTo(expected);
            assertThat(p.ambiguous()).as("%s in %s is ambiguous", text, convention).isFalse();
            assertThat(p.otherReading()).isNull();
            assertThat(p.percent()).isFalse();
        }
    }

    @ParameterizedTest(name = "\"{0}\" is {1} with the percent sign noted")
    @CsvSource(delimiter = '|', textBlock = """
            95%       | 95
            95 %      | 95
            87,5%     | 87.5
            87.5 %    | 87.5
            100%      | 100
            """)
    void percentSign(String text, BigDecimal expected) {
        NumberText.Parsed p = parse(text, DecimalConvention.COMMA);
        assertThat(p.value()).isEqualByComparingTo(expected);
        assertThat(p.percent()).isTrue();
    }

    @Test
    @DisplayName("a minus sign, also the typographic one (U+2212), makes the number negative")
    void negative() {
        assertThat(parse("-312", DecimalConvention.DOT).value()).isEqualByComparingTo("-312");
        assertThat(parse("\u2212312", DecimalConvention.DOT).value()).isEqualByComparingTo("-312");
        assertThat(parse("- 1.234,5", DecimalConvention.COMMA).value()).isEqualByComparingTo("-1234.5");
    }

    @ParameterizedTest(name = "\"{0}\" in {1}: read {2}, could also be {3}")
    @CsvSource({
            // a dot: thousands in the Indonesian (COMMA) convention, decimal in the DOT convention
            "1.234, COMMA, 1234,  1.234",
            "1.234, DOT,   1.234, 1234",
            // a comma: the other way round
            "'1,234', COMMA, 1.234, 1234",
            "'1,234', DOT,   1234,  1.234",
            "-7.065,  COMMA, -7065, -7.065",
    })
    void ambiguousTextFollowsTheFileConventionAndKeepsTheOtherReading(String text, DecimalConvention convention,
                                                                      BigDecimal value, BigDecimal other) {
        NumberText.Parsed p = parse(text, convention);
        assertThat(p.value()).isEqualByComparingTo(value);
        assertThat(p.ambiguous()).isTrue();
        assertThat(p.otherReading()).isEqualByComparingTo(other);
    }

    @ParameterizedTest(name = "\"{0}\" is not ambiguous")
    @ValueSource(strings = {"0.123", "1.23", "1.2345", "1234.567", "12,5"})
    void onlyOneToThreeDigitsThenExactlyThreeAreAmbiguous(String text) {
        // 0.123 cannot be a thousands group (no leading zero group); 1.23 and 1.2345 are not groups of three;
        // 1234.567 has a whole part too long for a first group.
        assertThat(parse(text, DecimalConvention.COMMA).ambiguous()).isFalse();
        assertThat(parse(text, DecimalConvention.DOT).ambiguous()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" is not a number")
    @ValueSource(strings = {"seribu", "1.2.3", "1,23,4", "12abc", "abc12", "1.234.5", "1,234.567,8", "12,34.5",
            "1e3", "%", "-", "+", "5-", "1..2", "1,,2", "Rp"})
    void garbageIsNotANumber(String text) {
        for (DecimalConvention convention : DecimalConvention.values()) {
            assertThat(NumberText.parse(text, convention)).as("%s in %s", text, convention).isEmpty();
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u00A0"})
    void nothingIsNotANumber(String text) {
        assertThat(NumberText.parse(text, DecimalConvention.COMMA)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DecimalConvention.class)
    @DisplayName("non-breaking spaces (as Excel and web pages paste them) are ignored like spaces")
    void nonBreakingSpaces(DecimalConvention convention) {
        assertThat(parse("1\u00A0234\u00A0567", convention).value()).isEqualByComparingTo("1234567");
        assertThat(parse("\u00A0812\u00A0", convention).value()).isEqualByComparingTo("812");
        NumberText.Parsed percent = parse("95\u00A0%", convention);
        assertThat(percent.value()).isEqualByComparingTo("95");
        assertThat(percent.percent()).isTrue();
    }
}
