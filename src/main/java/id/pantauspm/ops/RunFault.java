package id.pantauspm.ops;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.sql.SQLException;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * What stopped a run, told so that an operator can act on it (issue 10, point 5): the database went away, a disk is
 * full, a folder cannot be written, or else the first line of the cause. The run's own faults of data never come
 * here: they are problems of their file, in its receipt.
 *
 * @param kind    the kind of fault
 * @param subject the database address (without password), the folder, or for {@link Kind#OTHER} the cause's first line
 */
public record RunFault(Kind kind, String subject) {

    public enum Kind {
        /** The database stopped answering or refused connections (server stopped, network cut, pool exhausted). */
        DATABASE,
        /** No space left on the device (or the user's quota) holding the folder being written. */
        DISK_FULL,
        /** The folder is read-only, not a folder, or not ours to write. */
        NOT_WRITABLE,
        OTHER
    }

    /**
     * The fault a failure stands for, looking through its causes.
     *
     * @param failure     what the run or a step failed with
     * @param databaseUrl the database's address for the message; a password in it is masked
     */
    public static RunFault of(Throwable failure, String databaseUrl) {
        if (isDatabase(failure)) {
            return new RunFault(Kind.DATABASE, masked(databaseUrl));
        }
        String folder = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FolderWriteFailed f && folder == null) {
                folder = String.valueOf(f.folder());
            }
            if (t instanceof IOException && isDiskFull(t.getMessage())) {
                return new RunFault(Kind.DISK_FULL, folder != null ? folder : fileOf(t));
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException || t instanceof NotDirectoryException
                    || t instanceof java.nio.file.FileAlreadyExistsException
                    || t instanceof FileSystemException fs && fs.getReason() != null
                    && (fs.getReason().contains("Read-only") || fs.getReason().contains("Not a directory"))) {
                return new RunFault(Kind.NOT_WRITABLE, folder != null ? folder : fileOf(t));
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getMessage() != null ? failure.getMessage() : root.toString();
        return new RunFault(Kind.OTHER, message.lines().findFirst().orElse(message));
    }

    /**
     * True when a failure means the database is gone rather than that a value broke a statement: a connection that
     * cannot be had or was cut (SQLSTATE class 08), the server shutting down or not accepting connections yet
     * (57P01-57P03), or Spring's and the pool's words for the same.
     */
    public static boolean isDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** The sentence for the summary, run-status.json and the log, in the operator's language. */
    public String describe(MessageSource messages, Locale locale) {
        String key = switch (kind) {
            case DATABASE -> "run.fault.database";
            case DISK_FULL -> "run.fault.disk_full";
            case NOT_WRITABLE -> "run.fault.not_writable";
            case OTHER -> "run.fault.other";
        };
        return messages.getMessage(key, new Object[] {subject}, locale);
    }

    /** ENOSPC or EDQUOT as the JDK words them. */
    static boolean isDiskFull(String message) {
        return message != null && (message.contains("No space left on device") || message.contains("Disk quota exceeded"));
    }

    private static String fileOf(Throwable t) {
        return t instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : "?";
    }

    private static String masked(String url) {
        return url == null || url.isBlank() ? "?" : url.replaceAll("(?i)password=[^&;]*", "password=***");
    }
}
