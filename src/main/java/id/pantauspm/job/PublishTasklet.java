package id.pantauspm.job;

import java.nio.file.Path;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import id.pantauspm.ops.OperatorLog;
import id.pantauspm.report.ReportSite;
import id.pantauspm.store.EvaluationState;

/**
 * The last report step: the run folder the report and report-regions steps wrote becomes reports/latest/ in one swap, and the
 * inputs it shows are recorded, so that a night with nothing new leaves it as it is. Nothing to do when the report
 * step left the reports unchanged.
 */
final class PublishTasklet implements Tasklet {

    private static final OperatorLog log = OperatorLog.of(PublishTasklet.class);

    private final PantauSettings settings;
    private final ReportSite site;
    private final EvaluationState state;

    PublishTasklet(PantauSettings settings, ReportSite site, EvaluationState state) {
        this.settings = settings;
        this.site = site;
        this.state = state;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        if (!job.containsKey(ReportTasklet.RUN_FOLDER)) {
            return RepeatStatus.FINISHED;
        }
        Path index = site.finish(settings.reportsFolder(), Path.of(job.getString(ReportTasklet.RUN_FOLDER)));
        state.reported(job.getString(ReportTasklet.INPUTS));
        job.remove(ReportTasklet.RUN_FOLDER);
        job.remove(ReportTasklet.INPUTS);
        log.info("log.report.done", index);
        return RepeatStatus.FINISHED;
    }
}
