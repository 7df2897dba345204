package id.pantauspm.dhis2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import id.pantauspm.cli.ExitCodes;
import id.pantauspm.support.Cli;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("pantau export dhis2: stored values and results as ADX and dataValueSets, through a mapping")
class Dhis2ExportTest {

    /** Two regions, one quarter and one year, KES-K01 only: every exported number can be checked by hand. */
    private static final String SUBMISSION = """
            kode_wilayah,periode,kode_data,nilai
            33.02,2026-TW3,KES-K01.SASARAN,32247
            33.02,2026-TW3,KES-K01.TERLAYANI,23138
            33.74,2026-TW3,KES-K01.SASARAN,28678
            33.74,2026-TW3,KES-K01.TERLAYANI,20792
            33.02,2025,KES-K01.SASARAN,32000
            33.02,2025,KES-K01.TERLAYANI,24000
            """;

    /** Banyumas (33.02) has an org unit; Kota Semarang (33.74) has none and must be named as left out. */
    private static final String MAPPING = """
            dataSet: SPM-KABKOTA
            orgUnit:
              regions:
                "33.02": OU_BANYUMAS
            values:
              KES-K01.SASARAN: DE_K01_SASARAN
              KES-K01.TERLAYANI: {dataElement: DE_K01_TERLAYANI, categoryOptionCombo: COC_DINKES, disaggregation: {sumber: DINKES}}
            services:
              KES-K01: {recipient: DE_K01_CAPAIAN}
            """;

    @TempDir
    Path temp;

    private List<String> settings;
    private Path mapping;

    @BeforeEach
    void runTheJobOnce() throws Exception {
        Path inbox = Files.createDirectories(temp.resolve("inbox"));
        Files.writeString(inbox.resolve("kes.csv"), SUBMISSION);
        mapping = Files.writeString(temp.resolve("dhis2-mapping.yaml"), MAPPING);
        settings = List.of("--db-url", TestDatabase.h2(temp).url(), "--data", temp.resolve("data").toString(),
                "--reports", temp.resolve("reports").toString(), "--catalogue", PantauHome.PROJECT.resolve("indicators").toString());
        List<String> run = new ArrayList<>(List.of("run", "--inbox", inbox.toString()));
        run.addAll(settings);
        assertThat(Cli.pantau(run.toArray(String[]::new)).code()).isZero();
    }

    private Cli.Result export(String... more) {
        List<String> args = new ArrayList<>(List.of("export", "dhis2", "--mapping", mapping.toString(), "--out", temp.resolve("out").toString()));
        args.addAll(List.of(more));
        args.addAll(settings);
        return Cli.pantau(args.toArray(String[]::new));
    }

    @Test
    @DisplayName("a year: the values as received and the recipient achievement 24,000 / 32,000 = 75 %, in a valid ADX message")
    void aYearAsAdx() throws Exception {
        Cli.Result r = export("--period", "2025", "--format", "adx");

        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        Path adx = temp.resolve("out/pantau-dhis2-2025.adx.xml");
        assertThat(r.out()).contains(adx.toString(), "3 nilai untuk 1 org unit");
        assertThat(temp.resolve("out/pantau-dhis2-2025.json")).doesNotExist();
        validateAgainstAdxSchema(Files.readString(adx));

        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(adx.toFile());
        NodeList groups = doc.getElementsByTagNameNS(AdxWriter.NAMESPACE, "group");
        assertThat(groups.getLength()).isEqualTo(1);
        Element group = (Element) groups.item(0);
        assertThat(group.getAttribute("orgUnit")).isEqualTo("OU_BANYUMAS");
        assertThat(group.getAttribute("period")).isEqualTo("2025-01-01/P1Y");
        assertThat(group.getAttribute("dataSet")).isEqualTo("SPM-KABKOTA");
        assertThat(dataValues(group)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DE_K01_SASARAN", "32000", "DE_K01_TERLAYANI", "24000", "DE_K01_CAPAIAN", "75"));
        Element terlayani = dataValue(group, "DE_K01_TERLAYANI");
        assertThat(terlayani.getAttribute("sumber")).isEqualTo("DINKES"); // the disaggregation rides along
    }

    @Test
    @DisplayName("a quarter as 2026Q3: dataValueSets JSON with the quarter's values, ADX with 2026-07-01/P3M; unmapped regions named")
    void aQuarterInBothFormats() throws Exception {
        Cli.Result r = export("--period", "2026Q3");

        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("1 wilayah tanpa org unit dilewati: 33.74");
        String adx = Files.readString(temp.resolve("out/pantau-dhis2-2026Q3.adx.xml"));
        validateAgainstAdxSchema(adx);
        assertThat(adx).contains("period=\"2026-07-01/P3M\"").doesNotContain("OU_33");

        JsonNode set = JsonMapper.builder().build().readTree(temp.resolve("out/pantau-dhis2-2026Q3.json").toFile());
        assertThat(set.get("dataSet").asString()).isEqualTo("SPM-KABKOTA");
        Map<String, JsonNode> byElement = new java.util.HashMap<>();
        set.get("dataValues").forEach(v -> byElement.put(v.get("dataElement").asString(), v));
        JsonNode sasaran = byElement.get("DE_K01_SASARAN");
        assertThat(sasaran.get("period").asString()).isEqualTo("2026Q3");
        assertThat(sasaran.get("orgUnit").asString()).isEqualTo("OU_BANYUMAS");
        assertThat(sasaran.get("value").asString()).isEqualTo("32247");
        assertThat(sasaran.has("categoryOptionCombo")).isFalse();
        JsonNode terlayani = byElement.get("DE_K01_TERLAYANI");
        assertThat(terlayani.get("value").asString()).isEqualTo("23138");
        assertThat(terlayani.get("categoryOptionCombo").asString()).isEqualTo("COC_DINKES");
        assertThat(terlayani.get("comment").asString()).contains("KES-K01.TERLAYANI", "33.02", "2026-TW3");
    }

    @Test
    @DisplayName("a mapping with a code the catalogue does not know is refused, naming the entry; exit code 2")
    void aMisspelledCodeIsNamed() throws Exception {
        Files.writeString(mapping, MAPPING.replace("KES-K01.SASARAN:", "KES-K01.SASARANN:"));

        Cli.Result r = export("--period", "2025");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("tidak valid", "values.KES-K01.SASARANN: no such code in the catalogue");
        assertThat(temp.resolve("out")).doesNotExist();
    }

    @Test
    @DisplayName("a period that is not one, and a missing mapping file, are usage errors that say what to do")
    void usageErrors() {
        assertThat(export("--period", "kuartal-x").code()).isEqualTo(ExitCodes.USAGE);
        Cli.Result noMapping = Cli.pantau(concat(List.of("export", "dhis2", "--period", "2025", "--mapping",
                temp.resolve("nowhere.yaml").toString()), settings));
        assertThat(noMapping.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noMapping.err()).contains("tidak ditemukan", "dhis2-mapping.example.yaml");
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }

    static void validateAgainstAdxSchema(String xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var schema = factory.newSchema(Dhis2ExportTest.class.getResource("/adx/adx.xsd"));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Map<String, String> dataValues(Element group) {
        Map<String, String> values = new java.util.HashMap<>();
        NodeList list = group.getElementsByTagNameNS(AdxWriter.NAMESPACE, "dataValue");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            values.put(e.getAttribute("dataElement"), e.getAttribute("value"));
        }
        return values;
    }

    private static Element dataValue(Element group, String dataElement) {
        NodeList list = group.getElementsByTagNameNS(AdxWriter.NAMESPACE, "dataValue");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (e.getAttribute("dataElement").equals(dataElement)) {
                return e;
            }
        }
        throw new AssertionError("no dataValue " + dataElement);
    }
}
