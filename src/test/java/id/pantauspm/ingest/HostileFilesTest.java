package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;

import id.pantauspm.report.ReceiptWriter;
import id.pantauspm.support.Ingested;
import id.pantauspm.support.PoisonFiles;
import id.pantauspm.support.Workbooks;
import id.pantauspm.support.ZipBombs;

/**
 * Issue 10, point 3: hostile and broken files through the ingest path `run` and `validate` share. Each ends as a row
 * problem at its cell or as the file refused with a plain-language reason; never a stack trace, never a library's
 * exception text in the receipt, never a crash of the night.
 */
@DisplayName("Hostile files: refused in plain words, or a located row problem")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileFilesTest {

    @TempDir
    Path dir;

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private static final String OPEN = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>kode_wilayah</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>periode</t></is></c>"
            + "<c r=\"C1\" t=\"inlineStr\"><is><t>kode_data</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>nilai</t></is></c></row>";
    private static final String CLOSE = "</sheetData></worksheet>";

    private static String dataRow(String value) {
        return "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>33.74</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>2025</t></is></c>"
                + "<c r=\"C2\" t=\"inlineStr\"><is><t>KES-K01.SASARAN</t></is></c>" + value + "</row>";
    }

    private Ingested read(String name, byte[] bytes) throws Exception {
        return Ingested.read(Files.write(dir.resolve(name), bytes));
    }

    private Ingested sheet(String name, String xml) throws Exception {
        return read(name, ZipBombs.withPart(ZipBombs.base(), "xl/worksheets/sheet1.xml",
                out -> out.write(xml.getBytes(StandardCharsets.UTF_8))));
    }

    private static String sentence(Problem p) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/ingest");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        String s = new ReceiptWriter(messages, Locale.forLanguageTag("id")).describe(p);
        assertThat(s).doesNotContain("Exception", "Error", "org.", "java.", "SAX", "WFC", "aalto", "{", "damage.");
        return s;
    }

    private static Problem refusal(Ingested in) {
        assertThat(in.refusal()).as("refused: %s", in.problems()).isNotNull();
        sentence(in.refusal());
        return in.refusal();
    }

    private static Problem rowProblem(Ingested in, String code) {
        assertThat(in.refusal()).as("not refused: %s", in.problems()).isNull();
        Problem p = in.problems().stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in " + in.problems()));
        assertThat(p.row()).isEqualTo(2);
        assertThat(p.column()).isEqualTo("D");
        sentence(p);
        return p;
    }

    @Test
    @DisplayName("xls: a chain of 1,000 formulas (deeper than the evaluator's stack) is a formula without result at D2")
    void deepFormulaChainXls() throws Exception {
        Ingested in = read("rantai.xls", PoisonFiles.deepFormulaChain(1_000));
        rowProblem(in, "value_formula_without_result");
        assertThat(in.values()).extracting(MeasuredValue::amount).containsExactly(new java.math.BigDecimal("700"));
    }

    @Test
    @DisplayName("xlsx: a chain of 1,000 formulas saved without results is a formula without result at D2")
    void deepFormulaChainXlsx() throws Exception {
        Ingested in = read("rantai.xlsx", Workbooks.xlsx(wb -> {
            Sheet data = wb.createSheet("Data");
            Sheet chain = wb.createSheet("Hitung");
            chain.createRow(0).createCell(0).setCellValue(1);
            for (int i = 1; i < 1_000; i++) {
                chain.createRow(i).createCell(0).setCellFormula("A" + i + "+1");
            }
            String[] names = {"kode_wilayah", "periode", "kode_data", "nilai"};
            Row h = data.createRow(0);
            for (int i = 0; i < names.length; i++) {
                h.createCell(i).setCellValue(names[i]);
            }
            Row r = data.createRow(1);
            r.createCell(0).setCellValue("33.74");
            r.createCell(1).setCellValue("2025");
            r.createCell(2).setCellValue("KES-K01.SASARAN");
            r.createCell(3).setCellFormula("Hitung!A1000");
        }));
        rowProblem(in, "value_formula_without_result");
    }

    @Test
    @DisplayName("xlsx: NaN and INF in number cells, and 1E+999999999, are row problems at D2 (never a parser's text)")
    void nonFiniteNumberCells() throws Exception {
        rowProblem(sheet("nan.xlsx", HEAD + OPEN + dataRow("<c r=\"D2\"><v>NaN</v></c>") + CLOSE), "value_not_finite");
        rowProblem(sheet("inf.xlsx", HEAD + OPEN + dataRow("<c r=\"D2\"><v>INF</v></c>") + CLOSE), "value_not_finite");
        rowProblem(sheet("huge.xlsx", HEAD + OPEN + dataRow("<c r=\"D2\"><v>1E+999999999</v></c>") + CLOSE), "value_unreadable");
        rowProblem(sheet("big.xlsx", HEAD + OPEN + dataRow("<c r=\"D2\"><v>1E+308</v></c>") + CLOSE), "value_too_many_digits");
    }

    @Test
    @DisplayName("xlsx: XML that is not well formed is refused: 'a part of the workbook is not well formed'")
    void malformedXml() throws Exception {
        Problem p = refusal(sheet("rusak.xlsx", HEAD + OPEN + dataRow("<c r=\"D2\"><v>5</v>") + CLOSE));
        assertThat(p.args()).containsExactly("damage.xml");
        assertThat(sentence(p)).contains("tidak tersusun dengan benar");
    }

    @Test
    @DisplayName("xlsx: an external entity (XXE) is never resolved: nothing of /etc/passwd reaches a value or a receipt")
    void externalEntity() throws Exception {
        Ingested in = sheet("xxe.xlsx", HEAD + "<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + OPEN
                + dataRow("<c r=\"D2\" t=\"inlineStr\"><is><t>&x;</t></is></c>") + CLOSE);
        assertThat(in.problems().toString()).doesNotContain("root:");
        assertThat(in.values().toString()).doesNotContain("root:");
        if (in.refusal() != null) {
            sentence(in.refusal());
        }
    }

    @Test
    @DisplayName("xlsx: entity expansion (a billion laughs) is refused, quickly and in plain words")
    void entityExpansion() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        Ingested in = sheet("tawa.xlsx", HEAD + dtd + OPEN + dataRow("<c r=\"D2\" t=\"inlineStr\"><is><t>&l10;</t></is></c>") + CLOSE);
        refusal(in);
    }

    @Test
    @DisplayName("a zip bomb, an encrypted workbook, a truncated workbook: each refused with its reason")
    void bombsEncryptedTruncated() throws Exception {
        assertThat(refusal(read("bom.xlsx", ZipBombs.emptyCells(400_000_000L))).code()).isEqualTo("file_zip_bomb");
        assertThat(refusal(read("sandi.xlsx", Workbooks.encryptXlsx(ZipBombs.base(), "rahasia"))).code())
                .startsWith("file_encrypted");
        byte[] whole = ZipBombs.base();
        Problem cut = refusal(read("potong.xlsx", java.util.Arrays.copyOf(whole, whole.length / 2)));
        assertThat(cut.code()).isIn("file_truncated", "file_corrupt");
    }

    @Test
    @DisplayName("Problem.corrupt says the kind of damage, never the library's message")
    void damageKinds() {
        assertThat(Problem.damage(new StackOverflowError())).isEqualTo("damage.too_deep");
        assertThat(Problem.damage(new RuntimeException(new java.util.zip.ZipException("invalid LOC header")))).isEqualTo("damage.zip");
        assertThat(Problem.damage(new IllegalStateException("x", new org.xml.sax.SAXParseException("bad", null))))
                .isEqualTo("damage.xml");
        assertThat(Problem.damage(new NumberFormatException("Character N is neither a decimal digit"))).isEqualTo("damage.number");
        assertThat(Problem.damage(new IllegalStateException("?"))).isEqualTo("damage.unknown");
        assertThat(Problem.corrupt(Path.of("/srv/pantau/inbox/a.xlsx"), new IllegalStateException("/srv/pantau/inbox/a.xlsx: bad"))
                .args()).containsExactly("damage.unknown");
    }
}
