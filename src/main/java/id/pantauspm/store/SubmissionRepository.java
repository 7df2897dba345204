package id.pantauspm.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Submissions: registration at scan, status at the end of ingest, place once archived. */
@Repository
public class SubmissionRepository {

    private static final String COLUMNS = "id, sha256, file_name, size_bytes, received_at, inbox_path, status, run_id, stored_as";

    private final JdbcClient jdbc;

    public SubmissionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Submission> findBySha256(String sha256) {
        return jdbc.sql("select " + COLUMNS + " from submission where sha256 = ?").param(sha256)
                .query(SubmissionRepository::map).optional();
    }

    public Submission register(String sha256, String fileName, long sizeBytes, Instant receivedAt, Path inboxPath, long runId) {
        jdbc.sql("insert into submission (sha256, file_name, size_bytes, received_at, scanned_at, inbox_path, status, run_id) "
                        + "values (?, ?, ?, ?, ?, ?, 'RECEIVED', ?)")
                .params(sha256, fileName, sizeBytes, Timestamp.from(receivedAt), Timestamp.from(Instant.now()),
                        inboxPath.toString(), runId)
                .update();
        return findBySha256(sha256).orElseThrow();
    }

    /** A pending file seen again, perhaps under another name: read it from where it now is. */
    public void updateInboxPath(long id, Path inboxPath) {
        jdbc.sql("update submission set inbox_path = ? where id = ?").params(inboxPath.toString(), id).update();
    }

    /** Received and not yet ingested, oldest first: later received wins when both cover the same data. */
    public List<Submission> pending() {
        return jdbc.sql("select " + COLUMNS + " from submission where status = 'RECEIVED' order by received_at, id")
                .query(SubmissionRepository::map).list();
    }

    public void finish(long id, Submission.Status status, int accepted, int rejected, int warned) {
        jdbc.sql("update submission set status = ?, rows_accepted = ?, rows_rejected = ?, rows_warned = ?, finished_at = ? where id = ?")
                .params(status.name(), accepted, rejected, warned, Timestamp.from(Instant.now()), id).update();
    }

    /** The office header a fill-in template carried (each part cut to its column's width). */
    public void saveContact(long id, id.pantauspm.ingest.TemplateContact.Details details) {
        jdbc.sql("update submission set office_name = ?, officer_name = ?, contact = ? where id = ?")
                .params(cut(details.office(), 300), cut(details.officer(), 300), cut(details.contact(), 500), id).update();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** An office's latest contact for a region and field: from the newest ingested template that had values for them. */
    public record OfficeContact(String regionCode, String fieldCode, String office, String officer, String contact) {
    }

    /** The newest template contact per region and field (one row each). */
    public List<OfficeContact> officeContacts() {
        return jdbc.sql("select k.region_code, k.field_code, s.office_name, s.officer_name, s.contact from "
                        + "(select v.region_code, v.field_code, max(v.submission_id) as submission_id from measured_value v "
                        + "join submission c on c.id = v.submission_id "
                        + "where c.status = 'INGESTED' and (c.office_name is not null or c.officer_name is not null or c.contact is not null) "
                        + "group by v.region_code, v.field_code) k join submission s on s.id = k.submission_id "
                        + "order by k.region_code, k.field_code")
                .query((rs, n) -> new OfficeContact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Finished and still in the inbox. */
    public List<Submission> awaitingArchive() {
        return jdbc.sql("select " + COLUMNS + " from submission where status <> 'RECEIVED' and stored_as is null order by id")
                .query(SubmissionRepository::map).list();
    }

    public void storedAs(long id, Path place) {
        jdbc.sql("update submission set stored_as = ? where id = ?").params(place.toString(), id).update();
    }

    public List<Submission> ofRun(long runId) {
        return jdbc.sql("select " + COLUMNS + " from submission where run_id = ? order by id").param(runId)
                .query(SubmissionRepository::map).list();
    }

    /** Row counts of a run's submissions: accepted, rejected. */
    public long[] rowCounts(long runId) {
        return jdbc.sql("select coalesce(sum(rows_accepted), 0), coalesce(sum(rows_rejected), 0) from submission where run_id = ?")
                .param(runId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** When a region's data for a period and field first and last arrived, and in how many files. */
    public record Arrival(String regionCode, String periodCode, String fieldCode, Instant first, Instant last, int files) {
    }

    /** Every region, period and field that has accepted values, with when they arrived. */
    public List<Arrival> arrivals() {
        return jdbc.sql("select v.region_code, v.period_code, v.field_code, min(s.received_at), max(s.received_at), "
                        + "count(distinct s.id) from measured_value v join submission s on s.id = v.submission_id "
                        + "where s.status = 'INGESTED' group by v.region_code, v.period_code, v.field_code "
                        + "order by v.region_code, v.period_code, v.field_code")
                .query((rs, n) -> new Arrival(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getInt(6)))
                .list();
    }

    /** A finished submission with its counts, for the data-quality page. */
    public record Finished(long id, String fileName, Instant receivedAt, Submission.Status status, int accepted,
                           int rejected, int warned) {
    }

    public List<Finished> finished() {
        return jdbc.sql("select id, file_name, received_at, status, coalesce(rows_accepted, 0), coalesce(rows_rejected, 0), "
                        + "coalesce(rows_warned, 0) from submission where status <> 'RECEIVED' order by received_at desc, id desc")
                .query((rs, n) -> new Finished(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        Submission.Status.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getInt(7)))
                .list();
    }

    public Optional<Submission> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from submission where id = ?").param(id).query(SubmissionRepository::map).optional();
    }

    // ---------------------------------------------------------------- duplicate files

    private static final String DUPLICATE_COLUMNS = "id, submission_id, file_name, size_bytes, received_at, inbox_path, run_id, stored_as";

    public void registerDuplicate(long submissionId, String fileName, long sizeBytes, Instant receivedAt, Path inboxPath, long runId) {
        jdbc.sql("insert into duplicate_file (submission_id, file_name, size_bytes, received_at, scanned_at, inbox_path, run_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(submissionId, fileName, sizeBytes, Timestamp.from(receivedAt), Timestamp.from(Instant.now()),
                        inboxPath.toString(), runId)
                .update();
    }

    /**
     * Whether this copy was already registered: still waiting to be filed (a run died), or, when the
     * inbox is read in place ({@code filedToo}), filed already.
     */
    public boolean isDuplicateAt(long submissionId, Path inboxPath, boolean filedToo) {
        return jdbc.sql("select count(*) from duplicate_file where submission_id = ? and inbox_path = ?"
                        + (filedToo ? "" : " and stored_as is null"))
                .params(submissionId, inboxPath.toString()).query(Integer.class).single() > 0;
    }

    public List<DuplicateFile> duplicatesAwaitingArchive() {
        return jdbc.sql("select " + DUPLICATE_COLUMNS + " from duplicate_file where stored_as is null order by id")
                .query((rs, n) -> new DuplicateFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getTimestamp(5).toInstant(), Path.of(rs.getString(6)), rs.getLong(7), rs.getString(8)))
                .list();
    }

    public void duplicateStoredAs(long id, Path place) {
        jdbc.sql("update duplicate_file set stored_as = ? where id = ?").params(place.toString(), id).update();
    }

    /**
     * Copies registered in a run whose original was refused: the same bytes are refused again, so the run counts them
     * among its refused files (and its exit code says so).
     */
    public List<DuplicateFile> refusedDuplicatesOfRun(long runId) {
        return jdbc.sql("select d.id, d.submission_id, d.file_name, d.size_bytes, d.received_at, d.inbox_path, d.run_id, d.stored_as "
                        + "from duplicate_file d join submission s on s.id = d.submission_id "
                        + "where d.run_id = ? and s.status = 'REFUSED' order by d.id")
                .param(runId)
                .query((rs, n) -> new DuplicateFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getTimestamp(5).toInstant(), Path.of(rs.getString(6)), rs.getLong(7), rs.getString(8)))
                .list();
    }

    /** When a submission's ingest ended (accepted or refused); empty while it is still waiting. */
    public Optional<Instant> finishedAt(long id) {
        return jdbc.sql("select finished_at from submission where id = ? and finished_at is not null").param(id)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    /** Copies of earlier submissions' bytes filed in a run. */
    public int duplicatesOfRun(long runId) {
        return jdbc.sql("select count(*) from duplicate_file where run_id = ?").param(runId).query(Integer.class).single();
    }

    private static Submission map(ResultSet rs, int rowNum) throws SQLException {
        return new Submission(rs.getLong("id"), rs.getString("sha256").trim(), rs.getString("file_name"),
                rs.getLong("size_bytes"), rs.getTimestamp("received_at").toInstant(), Path.of(rs.getString("inbox_path")),
                Submission.Status.valueOf(rs.getString("status")), rs.getLong("run_id"), rs.getString("stored_as"));
    }
}
