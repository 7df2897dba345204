package id.pantauspm.job;

/**
 * Remote partitioning was asked for on a database other than PostgreSQL (the embedded H2 file cannot be shared by
 * processes on several machines): the command says so and exits 2.
 */
public class RemoteNeedsPostgresException extends RuntimeException {

    private final String databaseUrl;

    public RemoteNeedsPostgresException(String databaseUrl) {
        super("remote partitioning needs PostgreSQL as the job repository; the database is " + databaseUrl);
        this.databaseUrl = databaseUrl;
    }

    /** The configured JDBC URL, its password (if any) masked. */
    public String databaseUrl() {
        return databaseUrl;
    }
}
