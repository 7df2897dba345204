package id.pantauspm.job;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import id.pantauspm.report.HtmlReport;

/** Writes the reports from the stored results into reports/latest/. */
class ReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

    private final PantauSettings settings;
    private final HtmlReport html;

    ReportTasklet(PantauSettings settings, HtmlReport html) {
        this.settings = settings;
        this.html = html;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Path index = html.write(settings.reportsFolder().resolve("latest"));
        log.info("report: {}", index);
        return RepeatStatus.FINISHED;
    }
}
