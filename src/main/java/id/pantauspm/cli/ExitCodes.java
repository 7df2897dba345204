package id.pantauspm.cli;

/**
 * Exit codes cron and systemd act on; `pantau --help` lists them (bundle i18n/cli, usage.exitCodeList).
 * 0 and 3 mean the work was done; 1, 2 and 5 that it was not (1 is resumed by the next run).
 */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int SOME_REJECTED = 3;
    /** `pantau validate`: a file would be refused as a whole. */
    public static final int FILE_REFUSED = 4;
    /** `pantau run`: another run holds the lock; this one did nothing. */
    public static final int BUSY = 5;

    private ExitCodes() {
    }
}
