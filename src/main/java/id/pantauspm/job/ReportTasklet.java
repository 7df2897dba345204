package id.pantauspm.job;

import java.nio.file.Path;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import id.pantauspm.ops.OperatorLog;
import id.pantauspm.report.ReportSite;

/** Writes the reports from the stored results (reports/runs/&lt;time&gt;/, published as reports/latest/). */
class ReportTasklet implements Tasklet {

    private static final OperatorLog log = OperatorLog.of(ReportTasklet.class);

    private final PantauSettings settings;
    private final ReportSite site;

    ReportTasklet(PantauSettings settings, ReportSite site) {
        this.settings = settings;
        this.site = site;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Path index = site.publish(settings.reportsFolder(), null, null);
        log.info("log.report.done", index);
        return RepeatStatus.FINISHED;
    }
}
