package id.pantauspm.job;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import id.pantauspm.ops.OperatorLog;
import id.pantauspm.report.ReportSite;
import id.pantauspm.store.EvaluationState;

/**
 * Writes the reports from the stored results (reports/runs/&lt;time&gt;/, published as reports/latest/), when
 * anything was evaluated or received since the reports last published: a night with nothing new leaves them
 * as they are. {@code pantau report} always writes them.
 */
class ReportTasklet implements Tasklet {

    private static final OperatorLog log = OperatorLog.of(ReportTasklet.class);

    private final PantauSettings settings;
    private final ReportSite site;

    private final EvaluationState state;

    ReportTasklet(PantauSettings settings, ReportSite site, EvaluationState state) {
        this.settings = settings;
        this.site = site;
        this.state = state;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        String inputs = state.reportInputs();
        Path latest = settings.reportsFolder().resolve("latest").resolve("index.html");
        if (inputs.equals(state.reportedInputs()) && Files.isRegularFile(latest)) {
            log.info("log.report.unchanged", latest.getParent());
            return RepeatStatus.FINISHED;
        }
        Path index = site.publish(settings.reportsFolder(), null, null);
        state.reported(inputs);
        log.info("log.report.done", index);
        return RepeatStatus.FINISHED;
    }
}
