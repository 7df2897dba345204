package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import id.pantauspm.report.ReceiptWriter;

/** The receipt lines of the ingest problems, as offices read them, in both languages. */
@DisplayName("Ingest messages: every problem code has its sentence, in Bahasa Indonesia and English, with its arguments filled")
class IngestMessagesTest {

    private static ReceiptWriter receipts(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/ingest", "i18n/template");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new ReceiptWriter(messages, locale);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"id", "en"})
    void fileProblems(String lang) {
        ReceiptWriter r = receipts(Locale.forLanguageTag(lang));
        List<Problem> problems = List.of(
                Problem.file("file_type_ods", "ods"),
                Problem.file("file_zero_bytes"),
                Problem.file("file_too_large", "293 KB", "256 KB"),
                Problem.file("file_too_many_rows", "100"),
                Problem.file("file_content_mismatch", "xlsx", "PDF"),
                Problem.note("file_read_as_content", null, "xlsx", "Excel 97-2003 .xls"),
                Problem.file("file_encrypted"),
                Problem.file("file_truncated"),
                Problem.file("file_xls_too_old"),
                Problem.file("file_zip_bomb", "xl/worksheets/sheet1.xml"),
                new Problem(Problem.Severity.FILE_REFUSED, "csv_unterminated_quote", "data.csv", 3, "E", "belum ditutup", List.of()),
                Problem.note("sheet_skipped", "Petunjuk", "Petunjuk"));
        for (Problem p : problems) {
            String line = r.describe(p);
            assertThat(line).as(p.code()).doesNotContain("{", "}", "problem.");
            p.args().forEach(a -> assertThat(line).as(p.code()).contains(a));
        }
        assertThat(r.describe(Problem.file("file_content_mismatch", "xlsx", "PDF"))).contains("PDF", ".xlsx");
        assertThat(r.describe(problems.stream().filter(p -> p.code().equals("csv_unterminated_quote")).findFirst().orElseThrow()))
                .contains("data.csv", "3", "E", "belum ditutup");
    }

    @Test
    @DisplayName("a skipped sheet is named in the sentence, not only in the location (was: Lembar \"{1}\" dilewati)")
    void skippedSheetNamed() {
        String line = receipts(Locale.forLanguageTag("id")).describe(Problem.note("sheet_skipped", "Petunjuk", "Petunjuk"));
        assertThat(line).contains("Lembar \"Petunjuk\" dilewati");
    }

    @Test
    @DisplayName("every problem.* key of the ingest bundle exists in English too")
    void bundlesAgree() throws Exception {
        Properties id = new Properties();
        Properties en = new Properties();
        try (var a = getClass().getResourceAsStream("/i18n/ingest.properties"); var b = getClass().getResourceAsStream("/i18n/ingest_en.properties")) {
            id.load(a);
            en.load(b);
        }
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(id.stringPropertyNames());
    }
}
