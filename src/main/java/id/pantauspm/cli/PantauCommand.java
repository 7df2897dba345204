package id.pantauspm.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * `pantau`: the commands an operator and cron use. Every word of the help comes from the bundle
 * i18n/cli (Bahasa Indonesia, English with --lang en or PANTAU_LANG=en), and so do the messages
 * for a command typed wrong.
 */
@Command(name = "pantau", mixinStandardHelpOptions = true, versionProvider = PantauCommand.Version.class,
        sortOptions = false,
        subcommands = {RunCommand.class, WorkerCommand.class, ReportCommand.class, ValidateCommand.class, TemplateCommand.class, CatalogCommand.class,
                LayoutCommand.class, ExportCommand.class, CommandLine.HelpCommand.class})
public class PantauCommand implements Runnable {

    /** The help's bundle: i18n/cli.properties (Indonesian) and cli_en.properties. */
    public static final String HELP_BUNDLE = "i18n.cli";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        Locale language = helpLanguage(args, System.getenv("PANTAU_LANG"));
        CommandLine cli = new CommandLine(new PantauCommand());
        // `pantau worker` reads files into the database only: the folders of the night's outputs are not its options
        CommandLine.Model.CommandSpec worker = cli.getSubcommands().get("worker").getCommandSpec();
        for (String unused : List.of("--archive", "--rejected", "--outbox", "--reports")) {
            worker.remove(worker.findOption(unused));
        }
        cli.setResourceBundle(helpBundle(language));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(new BadUsage(language));
        cli.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The language of the help and of usage messages: --lang on the line, else PANTAU_LANG, else id; unknown ones read as id. */
    static Locale helpLanguage(String[] args, String environment) {
        String lang = environment;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                lang = args[i + 1];
            } else if (args[i].startsWith("--lang=")) {
                lang = args[i].substring("--lang=".length());
            }
        }
        return lang != null && Languages.SUPPORTED.contains(lang) ? Locale.forLanguageTag(lang) : Locale.forLanguageTag("id");
    }

    /** The bundle in exactly that language: never the machine's locale (often English) by fallback. */
    static ResourceBundle helpBundle(Locale language) {
        return ResourceBundle.getBundle(HELP_BUNDLE, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
        throw new CommandLine.ParameterException(spec.commandLine(),
                new CliText(spec.commandLine().getResourceBundle().getLocale()).get("cli.usage.command_required"));
    }

    /** Exit code 2 with a sentence naming what was wrong and where the help is, instead of picocli's English. */
    static final class BadUsage implements CommandLine.IParameterExceptionHandler {

        private final CliText text;

        BadUsage(Locale language) {
            this.text = new CliText(language);
        }

        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            CommandLine cli = e.getCommandLine();
            PrintWriter err = cli.getErr();
            String command = cli.getCommandSpec().qualifiedName();
            if (e instanceof CommandLine.UnmatchedArgumentException u) {
                err.println(text.get("cli.usage.unknown", String.join(" ", u.getUnmatched())));
            } else if (e instanceof CommandLine.MissingParameterException m) {
                err.println(text.get("cli.usage.missing", m.getMissing().stream()
                        .map(a -> a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel())
                        .collect(Collectors.joining(", "))));
            } else {
                err.println(text.get("cli.usage.invalid", e.getMessage()));
            }
            err.println(text.get("cli.usage.see_help", command));
            err.flush();
            return ExitCodes.USAGE;
        }
    }

    /** The version of the installed release (from the jar's manifest), "dev" when run from the sources. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PantauCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Pantau SPM " + (v == null ? "dev" : v)};
        }
    }
}
