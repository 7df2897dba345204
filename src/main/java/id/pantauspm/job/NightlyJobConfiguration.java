package id.pantauspm.job;

import java.util.List;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.RunIdIncrementer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.thymeleaf.ITemplateEngine;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.evaluate.PeriodFigures;
import id.pantauspm.evaluate.ProvinceRollup;
import id.pantauspm.evaluate.SpmEvaluator;
import id.pantauspm.ingest.Layouts;
import id.pantauspm.ingest.RowParser;
import id.pantauspm.ingest.SpreadsheetFormats;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.report.HtmlReport;
import id.pantauspm.report.PdfReport;
import id.pantauspm.report.ReceiptWriter;
import id.pantauspm.report.ReportFormat;
import id.pantauspm.report.ReportSite;
import id.pantauspm.report.SitePages;
import id.pantauspm.report.TabularReports;
import id.pantauspm.store.ResultRepository;
import id.pantauspm.store.SubmissionRepository;
import id.pantauspm.store.ValueRepository;

/**
 * The nightly job: scan, ingest, evaluate, report, archive, notify (mail, when on). Every step is idempotent and may run
 * again on a restart, so a run that died is completed by the next one without double counting.
 */
@Configuration
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightly";

    @Bean
    Job nightlyJob(JobRepository jobs, Step scanStep, Step ingestStep, Step evaluateStep, Step reportStep, Step archiveStep,
                   Step notifyStep) {
        return new JobBuilder(JOB_NAME, jobs)
                .incrementer(new RunIdIncrementer())
                .start(scanStep).next(ingestStep).next(evaluateStep).next(reportStep).next(archiveStep)
                .next(notifyStep) // mail, when on (OperationsConfiguration)
                .build();
    }

    @Bean
    Step scanStep(JobRepository jobs, PlatformTransactionManager tx, PantauSettings settings, SubmissionRepository submissions) {
        return new StepBuilder("scan", jobs).tasklet(new ScanTasklet(settings, submissions), tx)
                .allowStartIfComplete(true).build();
    }

    @Bean
    Step ingestStep(JobRepository jobs, PlatformTransactionManager tx, PantauSettings settings,
                    PendingSubmissionReader pendingSubmissionReader, RowParser parser, IngestWriter ingestWriter) {
        return new StepBuilder("ingest", jobs).<IngestItem, IngestItem>chunk(settings.chunkSize())
                .transactionManager(tx) // without it chunks are not atomic
                .reader(pendingSubmissionReader)
                .processor(new ParseRowProcessor(parser))
                .writer(ingestWriter)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    PendingSubmissionReader pendingSubmissionReader(SubmissionRepository submissions, ValueRepository values,
                                                    SpreadsheetFormats formats) {
        return new PendingSubmissionReader(submissions, values, formats, Layouts::detecting);
    }

    @Bean
    @StepScope
    IngestWriter ingestWriter(SubmissionRepository submissions, ValueRepository values, Catalogue catalogue) {
        return new IngestWriter(submissions, values, catalogue);
    }

    @Bean
    Step evaluateStep(JobRepository jobs, PlatformTransactionManager tx, ValueRepository values, ResultRepository results,
                      SpmEvaluator evaluator, Catalogue catalogue, RegionDirectory regions) {
        EvaluateTasklet evaluate = new EvaluateTasklet(values, results, evaluator, new PeriodFigures(catalogue),
                new ProvinceRollup(catalogue), regions);
        return new StepBuilder("evaluate", jobs).tasklet(evaluate, tx)
                .allowStartIfComplete(true).build();
    }

    @Bean
    Step reportStep(JobRepository jobs, PlatformTransactionManager tx, PantauSettings settings, ReportSite site) {
        return new StepBuilder("report", jobs).tasklet(new ReportTasklet(settings, site), tx)
                .allowStartIfComplete(true).build();
    }

    @Bean
    Step archiveStep(JobRepository jobs, PlatformTransactionManager tx, PantauSettings settings,
                     SubmissionRepository submissions, ValueRepository values, ReceiptWriter receipts) {
        return new StepBuilder("archive", jobs).tasklet(new ArchiveTasklet(settings, submissions, values, receipts), tx)
                .allowStartIfComplete(true).build();
    }

    @Bean
    HtmlReport htmlReport(ITemplateEngine templates, ResultRepository results, ValueRepository values,
                          SubmissionRepository submissions, Catalogue catalogue, RegionDirectory regions, ReportFormat format,
                          PantauSettings settings) {
        return new HtmlReport(templates, results, values, submissions, catalogue, regions, format, settings.deadlineDay());
    }

    @Bean
    ReportSite reportSite(ResultRepository results, HtmlReport html, SitePages pages, PdfReport pdf, TabularReports tables,
                          PantauSettings settings) {
        ReportSite.Part pdfs = (data, folder) -> pdf.write(data, folder.resolve("pdf"));
        return new ReportSite(results, html, List.of(pages, pdfs, tables::write), settings.reportRunsKept());
    }

    @Bean
    SitePages sitePages(ITemplateEngine templates, Catalogue catalogue, RegionDirectory regions, SubmissionRepository submissions,
                        ValueRepository values, ReportFormat format, PantauSettings settings) {
        return new SitePages(templates, catalogue, regions, submissions, values, format, settings.deadlineDay(),
                settings.qualityJumpFactor());
    }

    @Bean
    PdfReport pdfReport(ITemplateEngine templates, ResultRepository results, ValueRepository values, Catalogue catalogue,
                        RegionDirectory regions, ReportFormat format) {
        return new PdfReport(templates, results, values, catalogue, regions, format);
    }

    @Bean
    TabularReports tabularReports(ResultRepository results, Catalogue catalogue, RegionDirectory regions, ReportFormat format) {
        return new TabularReports(results, catalogue, regions, format);
    }

    @Bean
    ReceiptWriter receiptWriter(MessageSource messages, PantauSettings settings) {
        return new ReceiptWriter(messages, settings.locale());
    }

    @Bean
    ReportFormat reportFormat(MessageSource messages, PantauSettings settings, Catalogue catalogue, RegionDirectory regions) {
        return new ReportFormat(settings.locale(), messages, catalogue, regions);
    }
}
