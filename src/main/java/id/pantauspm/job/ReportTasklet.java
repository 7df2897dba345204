package id.pantauspm.job;

import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import id.pantauspm.report.HtmlReport;
import id.pantauspm.report.PdfReport;

/** Writes the reports from the stored results into reports/latest/: the HTML pages, then the PDFs under pdf/. */
class ReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

    private final PantauSettings settings;
    private final HtmlReport html;
    private final PdfReport pdf;

    ReportTasklet(PantauSettings settings, HtmlReport html, PdfReport pdf) {
        this.settings = settings;
        this.html = html;
        this.pdf = pdf;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Path latest = settings.reportsFolder().resolve("latest");
        Path index = html.write(latest);
        log.info("report: {}", index);
        // After the HTML: its folder is replaced whole, and pdf/ is written inside it.
        List<Path> pdfs = pdf.write(latest.resolve("pdf"));
        log.info("report: {} PDF(s) in {}", pdfs.size(), latest.resolve("pdf"));
        return RepeatStatus.FINISHED;
    }
}
