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
        id.pantauspm.ops.PantauEnvironment.forget();
        try {
            return PantauApplication.start(args);
        } catch (RuntimeException e) {
            StartupFailure failure = classify(e, text, args);
            logged(failure);
            throw failure;
        }
    }

    /** The logger of a failed start's sentence in the log file (the console has it already, on standard error). */
    static final String STARTUP_LOGGER = "id.pantauspm.startup";

    /**
     * A start that failed leaves its sentence in the log file too, as the console printed it, so a run started by cron
     * is not an empty log. Through the log's own appender (its format, text or JSON) when logging had started; else
     * appended as a text line to the log file the settings name, when they were read.
     */
    static void logged(StartupFailure failure) {
        String sentence = failure.getMessage();
        id.pantauspm.ops.PantauEnvironment.resolvedLogFile().ifPresent(file -> {
            if (id.pantauspm.ops.LogSetup.errorToFileOnly(STARTUP_LOGGER, sentence, file)) {
                return;
            }
            try {
                java.nio.file.Files.createDirectories(file.getParent());
                String line = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                        + " ERROR [pantau] " + sentence + System.lineSeparator();
                java.nio.file.Files.writeString(file, line, java.nio.charset.StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException | RuntimeException ignored) {
                // the console has the sentence; a log folder that cannot be written is not the fault to report
            }
        });
    }

    /**
     * run-status.json of a run that could not start: state FAILED, its exit code, when, and the sentence, for the
     * monitoring that reads it. Not for exit code 5 (busy): the other run owns run-status.json.
     */
    static void statusOfFailedStart(StartupFailure failure) {
        if (failure.exitCode() == ExitCodes.BUSY) {
            return;
        }
        id.pantauspm.ops.PantauEnvironment.resolvedDataFolder()
                .ifPresent(data -> new id.pantauspm.job.RunStatus(data).failed(failure.exitCode(), failure.getMessage()));
    }

    /** A start that failed, as the operator should read it: a setting, a busy or unreachable database, or else. */
    static StartupFailure classify(RuntimeException e, CliText text, List<String> args) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CatalogueException c) {
                // one problem per line, file:line: message, as `pantau catalog check` prints them
                return new StartupFailure(text.get("cli.start.catalogue_invalid", c.problems().size(), c.getMessage()),
                        ExitCodes.USAGE, e);
            }
            if (t instanceof id.pantauspm.ops.UnsupportedDatabaseException unsupported) {
                return new StartupFailure(text.get("cli.start.db_unsupported", unsupported.databaseUrl()), ExitCodes.USAGE, e);
            }
            if (t instanceof id.pantauspm.job.RemoteNeedsPostgresException remote) {
                return new StartupFailure(text.get("cli.start.remote_needs_postgres", remote.databaseUrl()), ExitCodes.USAGE, e);
            }
            if (t instanceof BindException b) {
                return new StartupFailure(text.get("cli.start.setting_invalid",
                        b.getMessage() + (b.getCause() == null ? "" : ": " + b.getCause().getMessage())), ExitCodes.USAGE, e);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && (sql.getErrorCode() == H2_DATABASE_IN_USE
                    || String.valueOf(sql.getMessage()).contains("already in use"))) {
                // the embedded database file is open in another pantau process: another run (or report) is busy;
                // H2's own message is a lock dump that means nothing to an operator
                return new StartupFailure(text.get("cli.start.db_busy"), ExitCodes.BUSY, e);
            }
            if (t instanceof java.sql.SQLException sql && "3D000".equals(sql.getSQLState())) {
                // the server answered: the setting is wrong, and a retry will not help (exit 2, not 1)
                return new StartupFailure(text.get("cli.start.db_missing", databaseUrl(args)), ExitCodes.USAGE, e);
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals("28000") || sql.getSQLState().equals("28P01"))) {
                return new StartupFailure(text.get("cli.start.db_login", databaseUrl(args)), ExitCodes.USAGE, e);
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return new StartupFailure(text.get("cli.start.db_unreachable", databaseUrl(args)), ExitCodes.FAILED, e);
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new StartupFailure(text.get("cli.start.failed", firstLine(root.getMessage())), ExitCodes.FAILED, e);
    }

    /** H2's error code for a database file another process holds open. */
    private static final int H2_DATABASE_IN_USE = 90020;

    /** The database named on the command line, if any (never its password), else the configured one. */
    private static String databaseUrl(List<String> args) {
        return args.stream().filter(a -> a.startsWith("--pantau.db.url=")).map(a -> a.substring("--pantau.db.url=".length()))
                .map(u -> u.replaceAll("(?i)password=[^&;]*", "password=***")).findFirst().orElse("pantau.db.url");
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** The language the command's help was chosen in (--lang, else PANTAU_LANG, else id). */
    static java.util.Locale language(CommandLine cli) {
        java.util.ResourceBundle help = cli.getResourceBundle();
        return help == null ? java.util.Locale.forLanguageTag("id") : help.getLocale();
    }
}
