package id.pantauspm.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import id.pantauspm.PantauApplication;
import id.pantauspm.job.NightlyRun;
import id.pantauspm.job.RunSummary;
import id.pantauspm.job.ScanTasklet;

/**
 * A Pantau installation in a temporary folder: its own inbox, archive, rejected, outbox and
 * reports folders, the shipped catalogue, and a test database. Runs the real job in-process.
 */
public final class PantauHome {

    /** The repository's root: Maven runs tests from there. */
    public static final Path PROJECT = Path.of("").toAbsolutePath();
    public static final Path SAMPLES = PROJECT.resolve("input-samples");

    private final Path home;
    private final TestDatabase database;
    private final List<String> extraArgs = new ArrayList<>();
    private boolean samplesMode;
    private Path catalogue = PROJECT.resolve("indicators");

    public PantauHome(Path home, TestDatabase database) {
        this.home = home;
        this.database = database;
    }

    /** Reads input-samples/ under this home in place (no inbox setting), as the README's first command does. */
    public PantauHome samplesMode() {
        copyTree(SAMPLES, home.resolve("input-samples"));
        samplesMode = true;
        return this;
    }

    /** Reads this catalogue folder instead of the project's indicators/ (a copy a test changes). */
    public PantauHome catalogue(Path folder) {
        this.catalogue = folder;
        return this;
    }

    public PantauHome with(String springArg) {
        extraArgs.add(springArg);
        return this;
    }

    public Path path() {
        return home;
    }

    public Path inbox() {
        return samplesMode ? home.resolve("input-samples") : home.resolve("inbox");
    }

    public Path archive() {
        return home.resolve("data/archive");
    }

    public Path rejected() {
        return home.resolve("data/rejected");
    }

    public Path outbox() {
        return home.resolve("data/outbox");
    }

    public Path reports() {
        return home.resolve("reports");
    }

    public PantauHome dropSamples() {
        copyTree(SAMPLES, inbox());
        return this;
    }

    public Path drop(Path source, String asName) {
        try {
            Files.createDirectories(inbox());
            Path target = inbox().resolve(asName);
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path write(String name, String content) {
        try {
            Files.createDirectories(inbox());
            return Files.writeString(inbox().resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Spring arguments of this installation, also usable by a separate process. */
    public List<String> springArgs() {
        List<String> args = new ArrayList<>();
        args.add("--pantau.home=" + home);
        if (!samplesMode) {
            args.add("--pantau.inbox=" + inbox());
        }
        args.add("--pantau.catalogue=" + catalogue);
        args.addAll(database.springArgs());
        args.addAll(extraArgs);
        return args;
    }

    public ConfigurableApplicationContext start() {
        try {
            Files.createDirectories(inbox());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PantauApplication.start(springArgs());
    }

    /** One `pantau run`, in-process, returning its summary and a way to look into the database. */
    public RunSummary run() {
        try (ConfigurableApplicationContext context = start()) {
            return context.getBean(NightlyRun.class).run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a query against this installation's database (starting the application for it). */
    public <T> T query(java.util.function.Function<JdbcTemplate, T> query) {
        try (ConfigurableApplicationContext context = start()) {
            return query.apply(context.getBean(JdbcTemplate.class));
        }
    }

    public long count(String sql, Object... args) {
        Long n = query(db -> db.queryForObject(sql, Long.class, args));
        return n == null ? 0 : n;
    }

    public Map<String, Object> row(String sql, Object... args) {
        return query(db -> db.queryForMap(sql, args));
    }

    public java.math.BigDecimal decimal(String sql, Object... args) {
        return query(db -> db.queryForObject(sql, java.math.BigDecimal.class, args));
    }

    /** File name (relative path) to SHA-256 of every file below a folder. */
    public static Map<String, String> fingerprints(Path folder) {
        Map<String, String> prints = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return prints;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).forEach(p -> prints.put(folder.relativize(p).toString(), ScanTasklet.sha256(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return prints;
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
