package id.pantauspm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/**
 * Options shared by the commands that start the application. Each becomes a Spring argument, so it
 * wins over environment variables (PANTAU_INBOX, PANTAU_DB_URL, ...) and pantau.properties.
 */
public class SettingsOptions {

    @Option(names = "--config", paramLabel = "FILE")
    Path config;

    @Option(names = "--inbox", paramLabel = "DIR")
    Path inbox;

    @Option(names = "--archive", paramLabel = "DIR")
    Path archive;

    @Option(names = "--rejected", paramLabel = "DIR")
    Path rejected;

    @Option(names = "--outbox", paramLabel = "DIR")
    Path outbox;

    @Option(names = "--reports", paramLabel = "DIR")
    Path reports;

    @Option(names = "--catalogue", paramLabel = "DIR")
    Path catalogue;

    @Option(names = "--data", paramLabel = "DIR")
    Path data;

    @Option(names = "--logs", paramLabel = "DIR")
    Path logs;

    @Option(names = "--db-url", paramLabel = "JDBC-URL")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD")
    String dbPassword;

    @Option(names = "--lang", paramLabel = "id|en")
    String lang;

    /** Progress lines off: set by commands whose output is the result itself (pantau validate). */
    boolean quiet;

    /** Settings a command itself adds (pantau run --workers, pantau worker), as Spring arguments. */
    final List<String> commandSettings = new ArrayList<>();

    List<String> toSpringArgs() {
        List<String> args = new ArrayList<>();
        if (config != null) {
            args.add("--spring.config.additional-location=optional:file:" + config.toAbsolutePath());
        }
        add(args, "pantau.inbox", inbox);
        add(args, "pantau.archive", archive);
        add(args, "pantau.rejected", rejected);
        add(args, "pantau.outbox", outbox);
        add(args, "pantau.reports", reports);
        add(args, "pantau.catalogue", catalogue);
        add(args, "pantau.data", data);
        add(args, "pantau.logs", logs);
        add(args, "pantau.db.url", dbUrl);
        add(args, "pantau.db.user", dbUser);
        add(args, "pantau.db.password", dbPassword);
        add(args, "pantau.lang", lang);
        args.addAll(commandSettings);
        if (quiet) {
            args.add("--logging.level.id.pantauspm=ERROR");
        }
        return args;
    }

    private static void add(List<String> args, String property, Object value) {
        if (value != null) {
            // A relative folder stays relative: PantauSettings takes it from the installation folder (PANTAU_HOME),
            // exactly as the same setting in pantau.properties or the environment.
            args.add("--" + property + "=" + value);
        }
    }
}
