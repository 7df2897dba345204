package id.pantauspm.ops;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import id.pantauspm.job.PantauSettings;
import id.pantauspm.job.RemoteSettings;

/**
 * Turns the folder settings into absolute places before anything uses them: the data folder for
 * the default database, and the log folder for the log file. Runs after the settings files are
 * read and before logging starts, so the log file is where the settings say from the first line.
 * Settings given explicitly as Spring properties (e.g. {@code logging.file.name}) still win.
 */
public final class PantauEnvironment implements ApplicationListener<org.springframework.boot.context.event.SpringApplicationEvent>, Ordered {

    /** Boot reads the config files at HIGHEST_PRECEDENCE + 10 and starts logging at + 20. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 15;

    /** The resolved data folder, for placeholders in application.properties. */
    public static final String DATA_FOLDER = "pantau.resolved.data-folder";
    public static final String LOG_FILE_NAME = "pantau.log";

    /** The folders the latest start resolved, for a start that fails later (the database): where to leave its trace. */
    private static volatile PantauSettings lastResolved;

    /** Forgets the folders of an earlier start (a new start is about to resolve its own). */
    public static void forget() {
        lastResolved = null;
    }

    /**
     * The data folder (for run-status.json) and log file of the latest start, once its settings were read: known even
     * when the start failed afterwards (a database that does not exist), so cron's trace goes where the settings say.
     */
    public static java.util.Optional<Path> resolvedDataFolder() {
        PantauSettings s = lastResolved;
        return s == null ? java.util.Optional.empty() : java.util.Optional.of(s.dataFolder());
    }

    public static java.util.Optional<Path> resolvedLogFile() {
        PantauSettings s = lastResolved;
        return s == null ? java.util.Optional.empty() : java.util.Optional.of(s.logFolder().resolve(LOG_FILE_NAME));
    }

    /** A pantau.db.url of a kind not supported, found with the settings and refused once logging has started. */
    private String unsupportedDatabase;

    @Override
    public void onApplicationEvent(org.springframework.boot.context.event.SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            environmentPrepared(prepared);
        } else if (event instanceof org.springframework.boot.context.event.ApplicationContextInitializedEvent
                && unsupportedDatabase != null) {
            // Thrown here, not when the settings are read: logging is set up by now, so Boot's own report of a failed
            // start stays off and the console gets only the command's sentence (no stack trace), before Boot looks for
            // a driver by the URL (a MySQL URL would fail naming com.mysql.cj.jdbc.Driver).
            throw new UnsupportedDatabaseException(unsupportedDatabase);
        }
    }

    private void environmentPrepared(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        PantauSettings settings = Binder.get(env).bindOrCreate("pantau", PantauSettings.class);
        lastResolved = settings;
        String url = env.getProperty("pantau.db.url");
        unsupportedDatabase = url != null && !url.isBlank() && !UnsupportedDatabaseException.supported(url)
                ? url.replaceAll("(?i)password=[^&;]*", "password=***") : null;
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put(DATA_FOLDER, settings.dataFolder().toString());
        resolved.put("logging.file.name", settings.logFolder().resolve(LOG_FILE_NAME).toString());
        String format = env.getProperty("pantau.log.format", "text").trim().toLowerCase(Locale.ROOT);
        // json: the Logstash JSON layout most collectors read (Filebeat, Fluent Bit, Vector); ecs and gelf as Boot names them.
        // Always set, also to "" for text: Boot keeps it in a system property that would outlive this context.
        resolved.put("logging.structured.format.file",
                format.isEmpty() || format.equals("text") ? "" : format.equals("json") ? "logstash" : format);
        // Connections for every partition at once, each with a second for its skip recorder, and two for the job
        // itself: a pool smaller than the partitions makes them wait, and a wait past the connection timeout would
        // read as a lost database. A spring.datasource.hikari.maximum-pool-size set anywhere wins (this source is last).
        resolved.put("spring.datasource.hikari.maximum-pool-size", 2 * settings.threads() + 2);
        if (!RemoteSettings.REMOTE.equals(env.getProperty(RemoteSettings.WORKERS))) {
            // The broker serves remote partitioning only (job.RemotePartitioningConfiguration): elsewhere Boot's RabbitMQ
            // connection factory, with its TLS set-up, cost every command's start about a fifth of a second for nothing.
            resolved.put("spring.autoconfigure.exclude", RabbitAutoConfiguration.class.getName());
        }
        env.getPropertySources().addLast(new MapPropertySource("pantau-resolved-folders", resolved));
        OperatorLog.language(settings.locale());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
