package id.pantauspm.cli;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.context.ConfigurableApplicationContext;

import id.pantauspm.PantauApplication;
import id.pantauspm.catalogue.CatalogueException;
import picocli.CommandLine;

/** Starts the application for a command, turning configuration mistakes into exit code 2 with a plain message. */
final class Startup {

    private Startup() {
    }

    static final class StartupFailure extends Exception {
        private final int exitCode;

        StartupFailure(String message, int exitCode, Throwable cause) {
            super(message, cause);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    static ConfigurableApplicationContext start(SettingsOptions options, CommandLine cli) throws StartupFailure {
        Languages.check(options.lang, cli);
        CliText text = new CliText(language(cli));
        List<String> args = new ArrayList<>(options.toSpringArgs());
        try {
            return PantauApplication.start(args);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CatalogueException c) {
                    // one problem per line, file:line: message, as `pantau catalog check` prints them
                    throw new StartupFailure(text.get("cli.start.catalogue_invalid", c.problems().size(), c.getMessage()),
                            ExitCodes.USAGE, e);
                }
                if (t instanceof BindException b) {
                    throw new StartupFailure(text.get("cli.start.setting_invalid",
                            b.getMessage() + (b.getCause() == null ? "" : ": " + b.getCause().getMessage())), ExitCodes.USAGE, e);
                }
            }
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new StartupFailure(text.get("cli.start.failed", root.getMessage()), ExitCodes.FAILED, e);
        }
    }

    /** The language the command's help was chosen in (--lang, else PANTAU_LANG, else id). */
    static java.util.Locale language(CommandLine cli) {
        java.util.ResourceBundle help = cli.getResourceBundle();
        return help == null ? java.util.Locale.forLanguageTag("id") : help.getLocale();
    }
}
