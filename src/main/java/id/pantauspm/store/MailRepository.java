package id.pantauspm.store;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which receipts are to be mailed, and were: {@code submission.receipt_mail} is null (mail was off),
 * DUE, SENT or NO_ADDRESS. A receipt whose mail failed stays DUE and is tried again by the next run.
 */
@Repository
public class MailRepository {

    public static final String DUE = "DUE";
    public static final String SENT = "SENT";
    public static final String NO_ADDRESS = "NO_ADDRESS";

    private final JdbcClient jdbc;

    public MailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The run's filed submissions become due for mailing; returns how many. */
    public int markDue(long runId) {
        return jdbc.sql("update submission set receipt_mail = ? where run_id = ? and receipt_mail is null and stored_as is not null")
                .params(DUE, runId).update();
    }

    /** Every submission whose receipt is due, oldest first. */
    public List<Submission> due() {
        return jdbc.sql("select id, sha256, file_name, size_bytes, received_at, inbox_path, status, run_id, stored_as "
                        + "from submission where receipt_mail = ? order by id")
                .param(DUE)
                .query((rs, n) -> new Submission(rs.getLong("id"), rs.getString("sha256").trim(), rs.getString("file_name"),
                        rs.getLong("size_bytes"), rs.getTimestamp("received_at").toInstant(), Path.of(rs.getString("inbox_path")),
                        Submission.Status.valueOf(rs.getString("status")), rs.getLong("run_id"), rs.getString("stored_as")))
                .list();
    }

    public void mark(long submissionId, String state, String address) {
        jdbc.sql("update submission set receipt_mail = ?, receipt_mail_to = ?, receipt_mail_at = ? where id = ?")
                .params(state, address, Timestamp.from(Instant.now()), submissionId).update();
    }

    /** The regions and the fields a submission's accepted values cover. */
    public record Coverage(TreeSet<String> regions, TreeSet<String> fields) {
    }

    public Coverage coverage(long submissionId) {
        TreeSet<String> regions = new TreeSet<>();
        TreeSet<String> fields = new TreeSet<>();
        jdbc.sql("select distinct region_code, field_code from measured_value where submission_id = ?").param(submissionId)
                .query(rs -> {
                    regions.add(rs.getString(1));
                    fields.add(rs.getString(2));
                });
        return new Coverage(regions, fields);
    }
}
