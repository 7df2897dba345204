package id.pantauspm.ops;

/**
 * pantau.db.url names a database kind Pantau SPM does not run on (MySQL, SQL Server, ...): only PostgreSQL and the
 * embedded H2 file are supported (the migrations, the job repository and the queries are written and tested for these
 * two). Found when the settings are read, before any driver is looked for, so the command says so and exits 2 instead
 * of naming a driver class it cannot load.
 */
public class UnsupportedDatabaseException extends RuntimeException {

    private final String databaseUrl;

    public UnsupportedDatabaseException(String databaseUrl) {
        super("unsupported database (only jdbc:postgresql: and jdbc:h2: are supported): " + databaseUrl);
        this.databaseUrl = databaseUrl;
    }

    /** The configured JDBC URL, its password (if any) masked. */
    public String databaseUrl() {
        return databaseUrl;
    }

    /** Whether a JDBC URL is of a kind Pantau SPM runs on: PostgreSQL or H2. */
    public static boolean supported(String url) {
        String u = url.trim().toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("jdbc:postgresql:") || u.startsWith("jdbc:h2:");
    }
}
