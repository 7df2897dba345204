package id.pantauspm.cli;

import java.util.Locale;
import java.util.Set;

import picocli.CommandLine;

/** The report languages: Bahasa Indonesia (the default) and English. */
final class Languages {

    static final Set<String> SUPPORTED = Set.of("id", "en");

    private Languages() {
    }

    /** The given language, else PANTAU_LANG, else id; a language without bundles is a usage error. */
    static Locale resolve(String given, CommandLine cli) {
        String lang = given != null ? given : System.getenv("PANTAU_LANG");
        if (lang == null || lang.isBlank()) {
            return Locale.forLanguageTag("id");
        }
        check(lang, cli);
        return Locale.forLanguageTag(lang);
    }

    static void check(String lang, CommandLine cli) {
        if (lang != null && !SUPPORTED.contains(lang)) {
            java.util.ResourceBundle help = cli.getResourceBundle();
            Locale words = help == null ? Locale.forLanguageTag("id") : help.getLocale();
            throw new CommandLine.ParameterException(cli, new CliText(words).get("cli.usage.lang", lang));
        }
    }
}
