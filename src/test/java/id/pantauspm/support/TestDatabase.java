package id.pantauspm.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The databases the job is tested against: an H2 file (the default) and a real PostgreSQL when
 * PANTAU_TEST_DB_URL names one (.ci/run creates it). Each test gets its own H2 file or its own
 * PostgreSQL schema, so tests never see each other's data.
 */
public record TestDatabase(String kind, String url, String user, String password) {

    public static final String PG_URL_VARIABLE = "PANTAU_TEST_DB_URL";

    public static TestDatabase h2(Path folder) {
        return new TestDatabase("h2", "jdbc:h2:file:" + folder.toAbsolutePath().resolve("pantau")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
    }

    /** A fresh schema in the configured PostgreSQL; the test is skipped, saying why, when none is configured. */
    public static TestDatabase postgres() {
        String base = System.getenv(PG_URL_VARIABLE);
        Assumptions.assumeTrue(base != null && !base.isBlank(),
                "PostgreSQL tests skipped: no server configured (set " + PG_URL_VARIABLE
                        + "=jdbc:postgresql://127.0.0.1:5432/DB; .ci/run does)");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        String user = System.getenv().getOrDefault("PANTAU_TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("PANTAU_TEST_DB_PASSWORD", "");
        return new TestDatabase("postgresql:" + schema, url, user, password);
    }

    /** Spring arguments that point the application at this database. */
    public List<String> springArgs() {
        List<String> args = new ArrayList<>();
        args.add("--pantau.db.url=" + url);
        args.add("--pantau.db.user=" + user);
        args.add("--pantau.db.password=" + password);
        if (kind.startsWith("postgresql:")) {
            String schema = kind.substring("postgresql:".length());
            args.add("--spring.flyway.schemas=" + schema);
            args.add("--spring.flyway.create-schemas=true");
        }
        return args;
    }
}
