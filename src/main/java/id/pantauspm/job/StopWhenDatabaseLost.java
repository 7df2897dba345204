package id.pantauspm.job;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

import id.pantauspm.ops.RunFault;

/**
 * The worker step of a partitioned step, stopped for the rest of the run once the database is gone (issue 10,
 * point 5). Without it, every remaining partition (one per file: hundreds on a national night) would wait for a
 * connection the pool cannot give before failing in turn, and a night whose server was stopped would hang for hours
 * instead of ending with exit 1. A partition not started is marked failed here without touching the repository, so
 * the next run starts it as if it had never been tried.
 */
final class StopWhenDatabaseLost implements Step {

    private final Step worker;
    /** The failure that showed the database gone, with the job execution it belongs to (a later run starts afresh). */
    private record Lost(long jobExecution, Throwable failure) {
    }

    private final AtomicReference<Lost> lost = new AtomicReference<>();

    StopWhenDatabaseLost(Step worker) {
        this.worker = worker;
    }

    @Override
    public String getName() {
        return worker.getName();
    }

    @Override
    public boolean isAllowStartIfComplete() {
        return worker.isAllowStartIfComplete();
    }

    @Override
    public int getStartLimit() {
        return worker.getStartLimit();
    }

    @Override
    public void execute(StepExecution partition) throws JobInterruptedException {
        long job = partition.getJobExecution().getId();
        Lost gone = lost.get();
        if (gone != null && gone.jobExecution() == job) {
            partition.setStatus(BatchStatus.FAILED);
            partition.setExitStatus(ExitStatus.FAILED.addExitDescription("not started: the database was lost"));
            partition.addFailureException(gone.failure());
            return;
        }
        try {
            worker.execute(partition);
        } catch (RuntimeException e) {
            remember(job, e);
            throw e;
        }
        partition.getFailureExceptions().forEach(failure -> remember(job, failure));
    }

    private void remember(long job, Throwable failure) {
        if (RunFault.isDatabase(failure)) {
            lost.set(new Lost(job, failure));
        }
    }
}
