package id.pantauspm.job;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import id.pantauspm.ops.OperatorLog;
import id.pantauspm.store.NightReconciler;

/** The night's values start to count, with conflicts between them named rather than chosen (one transaction). */
class ReconcileTasklet implements Tasklet {

    private static final OperatorLog log = OperatorLog.of(ReconcileTasklet.class);

    private final NightReconciler reconciler;

    ReconcileTasklet(NightReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        NightReconciler.Outcome o = reconciler.reconcile();
        contribution.incrementWriteCount(o.activated());
        if (o.submissions() > 0) {
            reconciler.refreshStatistics();
            log.info("log.reconcile.done",
                    o.submissions(), o.activated(), o.conflictingRows(), o.repeats());
        }
        return RepeatStatus.FINISHED;
    }
}
