package id.pantauspm.job;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import id.pantauspm.store.Submission;
import id.pantauspm.store.SubmissionRepository;

/**
 * The ingest step's partitions: one per file still to be read, so each file is read on its own
 * thread (or worker) and a killed run reads again only the files it had not finished. On a restart
 * the files already ingested are no longer pending, so they get no partition.
 */
class SubmissionPartitioner implements Partitioner {

    static final String SUBMISSION_ID = "submissionId";

    private final SubmissionRepository submissions;

    SubmissionPartitioner(SubmissionRepository submissions) {
        this.submissions = submissions;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (Submission s : submissions.pending()) {
            ExecutionContext context = new ExecutionContext();
            context.putLong(SUBMISSION_ID, s.id());
            partitions.put("submission-" + s.id(), context);
        }
        return partitions;
    }
}
