package id.pantauspm.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of a test's own (initdb in a temporary folder, its own port), so the test can stop it in the
 * middle of a run and start it again, as an operator or a crash would, without touching the shared server other
 * tests use. Skipped, saying why, where the PostgreSQL server binaries are not installed.
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final Path socket;
    private final int port;

    private PrivatePostgres(Path bin, Path data, Path socket, int port) {
        this.bin = bin;
        this.data = data;
        this.socket = socket;
        this.port = port;
    }

    /** initdb and start a server in {@code folder}; a test without the binaries is skipped. */
    public static PrivatePostgres start(Path folder) throws Exception {
        Path bin = binaries();
        Assumptions.assumeTrue(bin != null, "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin: test skipped");
        Path root = Files.createDirectories(folder.toAbsolutePath());
        Path socket = Files.createDirectories(root.resolve("sock"));
        if (isRoot()) {
            // initdb refuses to run as root: the server runs as the postgres system user, owner of its folders
            run(List.of("chown", "-R", "postgres", root.toString()));
            run(List.of("chmod", "o+x", root.getParent().toString()));
        }
        PrivatePostgres pg = new PrivatePostgres(bin, root.resolve("data"), socket, freePort());
        pg.asServerUser(List.of(bin.resolve("initdb").toString(), "-D", pg.data.toString(), "-A", "trust", "-U", "postgres",
                "--no-sync", "-E", "UTF8"));
        pg.start();
        // a test JVM stopped half way (a killed build) must not leave a server running
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", pg.data.toString(), "-m", "immediate", "stop"));
            } catch (Exception alreadyStopped) {
                // closed by the test
            }
        }));
        return pg;
    }

    public int port() {
        return port;
    }

    /** A JDBC URL of a database created anew on this server. */
    public String createDatabase(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "")) {
            c.createStatement().execute("create database " + name);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** pg_ctl start, waiting until it accepts connections. */
    public void start() throws Exception {
        asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", data.resolveSibling("server.log").toString(),
                "-o", "-p " + port + " -k " + socket + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
    }

    /** pg_ctl stop in fast mode, as a service stop or a shutdown does: sessions are ended, new connections refused. */
    public void stop() throws Exception {
        asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", "fast", "stop"));
    }

    @Override
    public void close() throws Exception {
        try {
            asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"));
        } catch (IllegalStateException alreadyStopped) {
            // stopped by the test
        }
        try (Stream<Path> walk = Files.walk(data.getParent())) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void asServerUser(List<String> command) throws Exception {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path binaries() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString)).orElse(null);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
