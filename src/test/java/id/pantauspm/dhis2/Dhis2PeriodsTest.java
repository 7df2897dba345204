package id.pantauspm.dhis2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

import id.pantauspm.period.Period;

@DisplayName("DHIS2 periods: 2026-TW3 is 2026Q3 in the Web API and 2026-07-01/P3M in ADX")
class Dhis2PeriodsTest {

    @Test
    void everyKindOfPeriodInBothSpellings() {
        assertThat(Dhis2Periods.dhis2(Period.parse("2026-TW3").orElseThrow())).isEqualTo("2026Q3");
        assertThat(Dhis2Periods.adx(Period.parse("2026-TW3").orElseThrow())).isEqualTo("2026-07-01/P3M");
        assertThat(Dhis2Periods.dhis2(Period.parse("2026-TW1").orElseThrow())).isEqualTo("2026Q1");
        assertThat(Dhis2Periods.adx(Period.parse("2026-TW1").orElseThrow())).isEqualTo("2026-01-01/P3M");
        assertThat(Dhis2Periods.dhis2(Period.parse("2026-S2").orElseThrow())).isEqualTo("2026S2");
        assertThat(Dhis2Periods.adx(Period.parse("2026-S2").orElseThrow())).isEqualTo("2026-07-01/P6M");
        assertThat(Dhis2Periods.dhis2(Period.parse("2026-07").orElseThrow())).isEqualTo("202607");
        assertThat(Dhis2Periods.adx(Period.parse("2026-12").orElseThrow())).isEqualTo("2026-12-01/P1M");
        assertThat(Dhis2Periods.dhis2(Period.parse("2025").orElseThrow())).isEqualTo("2025");
        assertThat(Dhis2Periods.adx(Period.parse("2025").orElseThrow())).isEqualTo("2025-01-01/P1Y");
    }

    @Test
    void readsDhis2SpellingsAndPantauSpellings() {
        assertThat(Dhis2Periods.parse("2026Q3")).contains(Period.quarter(2026, 3));
        assertThat(Dhis2Periods.parse("Triwulan III 2026")).contains(Period.quarter(2026, 3));
        assertThat(Dhis2Periods.parse("202607")).contains(new Period(2026, Period.Kind.MONTH, 7));
        assertThat(Dhis2Periods.parse("2026S1")).contains(new Period(2026, Period.Kind.SEMESTER, 1));
        assertThat(Dhis2Periods.parse("202613")).isEmpty();
    }

    @Test
    @DisplayName("the test schema refuses what ADX refuses: no period, a bare year, a value that is not a number")
    void theSchemaIsNotAPushover() throws Exception {
        String good = """
                <adx xmlns="urn:ihe:qrph:adx:2015" exported="2026-11-29T10:00:00Z">
                  <group orgUnit="OU" period="2026-07-01/P3M"><dataValue dataElement="DE" value="12.5"/></group>
                </adx>""";
        validate(good);
        for (String bad : new String[] {good.replace(" period=\"2026-07-01/P3M\"", ""), good.replace("2026-07-01/P3M", "2026Q3"),
                good.replace("12.5", "12,5"), good.replace(" exported=\"2026-11-29T10:00:00Z\"", "")}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> validate(bad)).isInstanceOf(SAXException.class);
        }
    }

    private static void validate(String xml) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(Dhis2PeriodsTest.class.getResource("/adx/adx.xsd"))
                .newValidator().validate(new StreamSource(new StringReader(xml)));
    }
}
