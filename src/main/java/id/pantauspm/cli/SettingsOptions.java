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

    @Option(names = "--config", paramLabel = "FILE", description = "Extra settings file (properties or YAML).")
    Path config;

    @Option(names = "--inbox", paramLabel = "DIR", description = "Folder offices drop files into. Default: the bundled input-samples/, read in place.")
    Path inbox;

    @Option(names = "--archive", paramLabel = "DIR", description = "Where ingested files are kept. Default: data/archive.")
    Path archive;

    @Option(names = "--rejected", paramLabel = "DIR", description = "Where refused files are kept. Default: data/rejected.")
    Path rejected;

    @Option(names = "--outbox", paramLabel = "DIR", description = "Where receipts for offices go. Default: data/outbox.")
    Path outbox;

    @Option(names = "--reports", paramLabel = "DIR", description = "Where reports go. Default: reports/.")
    Path reports;

    @Option(names = "--catalogue", paramLabel = "DIR", description = "The SPM catalogue folder. Default: indicators/.")
    Path catalogue;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder: database, lock, run-status.json, default archive, rejected and outbox. Default: data/.")
    Path data;

    @Option(names = "--logs", paramLabel = "DIR", description = "Log folder (pantau.log, rotated). Default: logs/ in the data folder.")
    Path logs;

    @Option(names = "--db-url", paramLabel = "JDBC-URL", description = "Database, e.g. jdbc:postgresql://localhost:5432/pantau. Default: H2 file under data/.")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD")
    String dbPassword;

    @Option(names = "--lang", paramLabel = "id|en", description = "Language of reports and receipts. Default: id.")
    String lang;

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
