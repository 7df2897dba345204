package id.pantauspm.job;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.step.skip.SkipPolicy;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionException;

import id.pantauspm.ingest.Problem;
import id.pantauspm.ops.OperatorLog;
import id.pantauspm.store.Submission;
import id.pantauspm.store.SubmissionRepository;
import id.pantauspm.store.ValueRepository;

/**
 * What the ingest step does when a value still breaks a write or the parsing of a row, after the parser's own
 * checks (issue 10): a fault of the data is skipped (Spring Batch's scan writes the chunk again item by item and
 * skips only the item that fails) and {@link Recorder} turns it into the submission's problem, so the clerk's
 * receipt names the row and the night goes on. (Spring Batch 6.0 scans a failed chunk one item per transaction.) A fault of the machine (the database unreachable, a full disk, a
 * lost connection) is never skipped: the run stops with exit 1 and the next run resumes it.
 */
final class IngestFaults {

    private static final OperatorLog log = OperatorLog.of(IngestFaults.class);

    private IngestFaults() {
    }

    /** Skips faults of the data, without limit (each is recorded); never faults of the database or the machine. */
    static final class DataFaultsOnly implements SkipPolicy {
        @Override
        public boolean shouldSkip(Throwable t, long skipCount) {
            return isDataFault(t);
        }
    }

    /** Whether a failure comes from what a file holds rather than from the database, the disk or the JVM. */
    static boolean isDataFault(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof Error && !(c instanceof StackOverflowError)
                    || c instanceof TransientDataAccessException || c instanceof DataAccessResourceFailureException
                    || c instanceof NonTransientDataAccessResourceException || c instanceof TransactionException
                    || c instanceof SQLTransientException || c instanceof SQLNonTransientConnectionException
                    || c instanceof SQLRecoverableException || c instanceof IOException
                    || c instanceof SQLException s && s.getSQLState() != null && !dataState(s.getSQLState())) {
                return false;
            }
        }
        if (t instanceof DataIntegrityViolationException) {
            return true; // a value out of a column's range, a text too long for its column
        }
        if (t instanceof UncategorizedSQLException u) {
            return u.getSQLException() != null && u.getSQLException().getSQLState() != null
                    && dataState(u.getSQLException().getSQLState());
        }
        if (t instanceof DataAccessException) {
            return false; // a statement the database would refuse whatever the data: a defect, not a row's problem
        }
        // Our own code tripping on what a file holds (an arithmetic, a parse, a nesting too deep).
        return t instanceof RuntimeException || t instanceof StackOverflowError;
    }

    /** SQLSTATE classes 22 (data exception) and 23 (integrity constraint): the value, not the database. */
    private static boolean dataState(String state) {
        return state.startsWith("22") || state.startsWith("23");
    }

    /**
     * Records each skipped item as its submission's problem: a row as a rejected row, located, and the end of a
     * file (whose totals or survey could not be stored) as the file refused whole, so it goes to the rejected
     * folder with its receipt. Runs in the chunk's transaction, after the item's own savepoint was rolled back.
     */
    static final class Recorder implements SkipListener<IngestItem, IngestItem> {

        private final SubmissionRepository submissions;
        private final ValueRepository values;
        private final org.springframework.transaction.support.TransactionTemplate own;

        /**
         * @param tx the record is written in a transaction of its own: Spring Batch 6 writes a failing chunk again one
         *           item per transaction and rolls back the transaction of the item it skips, which would take the
         *           record with it
         */
        Recorder(SubmissionRepository submissions, ValueRepository values, org.springframework.transaction.PlatformTransactionManager tx) {
            this.submissions = submissions;
            this.values = values;
            this.own = new org.springframework.transaction.support.TransactionTemplate(tx);
            this.own.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }

        @Override
        public void onSkipInProcess(IngestItem item, Throwable t) {
            record(item, t);
        }

        @Override
        public void onSkipInWrite(IngestItem item, Throwable t) {
            record(item, t);
        }

        private void record(IngestItem item, Throwable t) {
            own.executeWithoutResult(status -> recordNow(item, t));
        }

        private void recordNow(IngestItem item, Throwable t) {
            Submission s = item.submission();
            String fault = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage()));
            if (item instanceof IngestItem.End) {
                values.clearPartial(s.id());
                values.insertProblems(s.id(), List.of(Problem.file("file_not_storable")));
                submissions.finish(s.id(), Submission.Status.REFUSED, 0, 0, 0);
                log.warn(t, "log.ingest.file_skipped", s.fileName(), fault);
                return;
            }
            Problem problem = located(item);
            values.insertProblems(s.id(), List.of(problem));
            log.warn(t, "log.ingest.row_skipped", s.fileName(), problem.sheet(), problem.row(), fault);
        }

        private static Problem located(IngestItem item) {
            if (item instanceof IngestItem.Parsed p) {
                var row = p.parsed().source();
                return new Problem(Problem.Severity.ROW_REJECTED, "value_not_storable", row.sheet(), row.rowNumber(),
                        valueColumn(p), found(p), List.of());
            }
            if (item instanceof IngestItem.Row r) {
                return new Problem(Problem.Severity.ROW_REJECTED, "value_not_storable", r.row().sheet(), r.row().rowNumber(),
                        r.row().letter(id.pantauspm.ingest.Column.VALUE),
                        r.row().cell(id.pantauspm.ingest.Column.VALUE).display(), List.of());
            }
            if (item instanceof IngestItem.Survey s) {
                return new Problem(Problem.Severity.ROW_REJECTED, "value_not_storable", s.row().raw().sheet(),
                        s.row().rowNumber(), null, null, List.of());
            }
            if (item instanceof IngestItem.SurveyParsed s) {
                return new Problem(Problem.Severity.ROW_REJECTED, "value_not_storable", s.parsed().source().raw().sheet(),
                        s.parsed().source().rowNumber(), null, null, List.of());
            }
            return new Problem(Problem.Severity.ROW_REJECTED, "value_not_storable", null, null, null, null, List.of());
        }

        private static String valueColumn(IngestItem.Parsed p) {
            return p.parsed().value() != null ? p.parsed().value().column() : null;
        }

        private static String found(IngestItem.Parsed p) {
            if (p.parsed().value() == null || p.parsed().value().amount() == null) {
                return null;
            }
            String shown = p.parsed().value().amount().toPlainString();
            return shown.length() <= 40 ? shown : shown.substring(0, 37) + "...";
        }

        private static String firstLine(String message) {
            String line = message.lines().findFirst().orElse("");
            return line.length() <= 200 ? line : line.substring(0, 197) + "...";
        }
    }
}
