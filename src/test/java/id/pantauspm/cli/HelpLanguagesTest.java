package id.pantauspm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.pantauspm.support.Cli;
import picocli.CommandLine;

@DisplayName("pantau --help: every command, option and exit code in Bahasa Indonesia, and in English with --lang en")
class HelpLanguagesTest {

    @Test
    @DisplayName("the main help in both languages lists the commands and exit codes 0 to 5")
    void mainHelp() {
        Cli.Result id = Cli.pantau("--help");
        assertThat(id.code()).isZero();
        assertThat(id.out()).contains("Penggunaan: pantau", "Perintah:", "Opsi:", "Kode keluar:", "run", "report", "validate",
                "template", "catalog", "export", "Tampilkan bantuan ini, lalu keluar.")
                .contains("  4   pantau validate: ada berkas yang akan ditolak seluruhnya.",
                        "  5   pantau run: proses lain masih berjalan")
                .doesNotContain("Usage:", "Show this help");
        Cli.Result en = Cli.pantau("--help", "--lang", "en");
        assertThat(en.out()).contains("Usage: pantau", "Commands:", "Exit codes:", "  4   pantau validate: a file would be refused as a whole.")
                .doesNotContain("Penggunaan");
    }

    @Test
    @DisplayName("every option and parameter of every command has its description in both languages, and they differ")
    void everyOptionDescribedInBothLanguages() {
        List<String> missing = new ArrayList<>();
        for (String lang : List.of("id", "en")) {
            CommandLine cli = new CommandLine(new PantauCommand());
            cli.setResourceBundle(PantauCommand.helpBundle(Locale.forLanguageTag(lang)));
            walk(cli, lang, missing);
        }
        assertThat(missing).isEmpty();
        CommandLine id = new CommandLine(new PantauCommand());
        id.setResourceBundle(PantauCommand.helpBundle(Locale.forLanguageTag("id")));
        CommandLine en = new CommandLine(new PantauCommand());
        en.setResourceBundle(PantauCommand.helpBundle(Locale.ENGLISH));
        assertThat(String.join(" ", id.getSubcommands().get("run").getCommandSpec().findOption("--inbox").description()))
                .isNotEqualTo(String.join(" ", en.getSubcommands().get("run").getCommandSpec().findOption("--inbox").description()));
    }

    @Test
    @DisplayName("pantau layout's help is in Bahasa Indonesia; pantau worker lists only the options it uses, PostgreSQL required")
    void layoutAndWorkerHelp() {
        Cli.Result layout = Cli.pantau("layout", "suggest", "--help");
        assertThat(layout.out().replaceAll("\\s+", " ")).contains("Cetak draf tata letak untuk BERKAS", "Berkas yang judul kolomnya belum dikenal",
                "Bahasa catatan draf", "4 Berkas tidak dapat dibaca.").doesNotContain("Print a draft", "A file whose headers");
        assertThat(Cli.pantau("layout", "check", "--help").out()).contains("Periksa folder tata letak terhadap katalog SPM");
        Cli.Result none = Cli.pantau("layout");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("pantau layout memerlukan perintah: suggest BERKAS atau check.");

        Cli.Result worker = Cli.pantau("worker", "--help");
        assertThat(worker.out().replaceAll("\\s+", " ")).contains("--db-url", "Basis data PostgreSQL bersama", "H2 bawaan tidak dapat dipakai bersama")
                .doesNotContain("--reports", "--archive", "--rejected", "--outbox", "Bawaan: berkas H2 di folder data");
        Cli.Result reports = Cli.pantau("worker", "--reports", "/tmp/x");
        assertThat(reports.code()).isEqualTo(2); // not silently ignored any more
    }

    private static void walk(CommandLine cli, String lang, List<String> missing) {
        CommandLine.Model.CommandSpec spec = cli.getCommandSpec();
        if (spec.usageMessage().description().length == 0) {
            missing.add(lang + ": " + spec.qualifiedName() + " (description)");
        }
        spec.options().forEach(o -> {
            if (o.description().length == 0 || o.description()[0].isBlank()) {
                missing.add(lang + ": " + spec.qualifiedName() + " " + o.longestName());
            }
        });
        spec.positionalParameters().forEach(p -> {
            if (p.description().length == 0) {
                missing.add(lang + ": " + spec.qualifiedName() + " " + p.paramLabel());
            }
        });
        cli.getSubcommands().values().forEach(sub -> walk(sub, lang, missing));
    }

    @Test
    @DisplayName("the help bundles have the same keys in both languages")
    void sameKeys() throws Exception {
        assertThat(keys("/i18n/cli_en.properties")).isEqualTo(keys("/i18n/cli.properties"));
    }

    @Test
    @DisplayName("a command typed wrong is answered in the chosen language with where the help is; exit code 2")
    void badUsage() {
        Cli.Result unknown = Cli.pantau("run", "--inbx", "x");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("Tidak dikenal: --inbx", "Lihat: pantau run --help");
        Cli.Result missing = Cli.pantau("template", "--region", "33.74", "--lang", "en");
        assertThat(missing.err()).contains("Missing: --period", "See: pantau template --help");
        assertThat(Cli.pantau("export").err()).contains("pantau export dhis2 --period");
    }

    private static TreeSet<String> keys(String resource) throws Exception {
        Properties p = new Properties();
        try (InputStream in = HelpLanguagesTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
