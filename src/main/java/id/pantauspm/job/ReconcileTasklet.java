package id.pantauspm.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import id.pantauspm.store.NightReconciler;

/** The night's values start to count, with conflicts between them named rather than chosen (one transaction). */
class ReconcileTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReconcileTasklet.class);

    private final NightReconciler reconciler;

    ReconcileTasklet(NightReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        NightReconciler.Outcome o = reconciler.reconcile();
        contribution.incrementWriteCount(o.activated());
        if (o.submissions() > 0) {
            log.info("reconcile: {} file(s), {} value(s) now count, {} row(s) in conflict (none used), {} repeat(s)",
                    o.submissions(), o.activated(), o.conflictingRows(), o.repeats());
        }
        return RepeatStatus.FINISHED;
    }
}
