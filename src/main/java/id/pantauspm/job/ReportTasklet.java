package id.pantauspm.job;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import id.pantauspm.report.HtmlReport;
import id.pantauspm.report.TabularReports;

/** Writes the reports from the stored results into reports/latest/: HTML, then the workbook and CSV files. */
class ReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

    private final PantauSettings settings;
    private final HtmlReport html;
    private final TabularReports tables;

    ReportTasklet(PantauSettings settings, HtmlReport html, TabularReports tables) {
        this.settings = settings;
        this.html = html;
        this.tables = tables;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Path latest = settings.reportsFolder().resolve("latest");
        Path index = html.write(latest);
        log.info("report: {}", index);
        // After the HTML: it replaces the folder whole.
        for (Path written : tables.write(latest)) {
            log.info("report: {}", written);
        }
        return RepeatStatus.FINISHED;
    }
}
