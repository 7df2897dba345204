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
import id.pantauspm.catalogue.IkmRules;
import id.pantauspm.evaluate.PeriodFigures;
import id.pantauspm.evaluate.ProvinceRollup;
import id.pantauspm.evaluate.ReportingCalendar;
import id.pantauspm.evaluate.SpmEvaluator;
import id.pantauspm.ingest.Layouts;
import id.pantauspm.ingest.RowParser;
import id.pantauspm.ingest.SpreadsheetFormats;
import id.pantauspm.ingest.SurveyParser;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.report.HtmlReport;
import id.pantauspm.report.IkmData;
import id.pantauspm.report.IkmPages;
import id.pantauspm.report.PdfReport;
import id.pantauspm.report.ReceiptWriter;
import id.pantauspm.report.ReportFormat;
import id.pantauspm.report.ReportSite;
import id.pantauspm.report.SitePages;
import id.pantauspm.report.TabularReports;
import id.pantauspm.store.IkmResultRepository;
import id.pantauspm.store.NightReconciler;
import id.pantauspm.store.ResultRepository;
import id.pantauspm.store.SubmissionRepository;
import id.pantauspm.store.SurveyRepository;
import id.pantauspm.store.ValueRepository;

/**
 * The nightly job: scan, ingest, evaluate, report, archive, notify (mail, when on). Every step is idempotent and may run
 * again on a restart, so a run that died is completed by the next one without double counting.
 */
@Configuration
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightly";

    @Bean
    Job nightlyJob(JobRepository jobs, Step scanStep, Step ingestStep, Step reconcileStep, Step evaluateStep, Step ikmStep,
                   Step reportStep, Step archiveStep, Step notifyStep) {
        return new JobBuilder(JOB_NAME, jobs)
                .incrementer(new RunIdIncrementer())
                .start(scanStep).next(ingestStep).next(reconcileStep).next(evaluateStep).next(ikmStep).next(reportStep)
                .next(archiveStep)
                .next(notifyStep) // mail, when on (OperationsConfiguration)
                .build();
    }

    public static final String VALIDATE_JOB_NAME = "validate";

    /** `pantau validate`: the same steps up to the evaluation, over the files to check, nothing filed or reported. */
    @Bean
    Job validateJob(JobRepository jobs, Step scanStep, Step ingestStep, Step reconcileStep, Step evaluateStep) {
        return new JobBuilder(VALIDATE_JOB_NAME, jobs)
                .incrementer(new RunIdIncrementer())
                .start(scanStep).next(ingestStep).next(reconcileStep).next(evaluateStep)
                .build();
    }

    @Bean
    Step reconcileStep(JobRepository jobs, PlatformTransactionManager tx, NightReconciler reconciler) {
        return new StepBuilder("reconcile", jobs).tasklet(new ReconcileTasklet(reconciler), tx)
                .allowStartIfComplete(true).build();
    }

    @Bean
    Step scanStep(JobRepository jobs, PlatformTransactionManager tx, PantauSettings settings, SubmissionRepository submissions) {
        return new StepBuilder("scan", jobs).tasklet(new ScanTasklet(settings, submissions), tx)
                .allowStartIfComplete(true).build();
    }

    @Bean
    Step ingestStep(JobRepository jobs, PlatformTransactionManager tx, PantauSettings settings,
                    PendingSubmissionReader pendingSubmissionReader, RowParser parser, SurveyParser surveyParser,
                    IngestWriter ingestWriter, SubmissionRepository submissions, ValueRepository values) {
        return new StepBuilder("ingest", jobs).<IngestItem, IngestItem>chunk(settings.chunkSize())
                .transactionManager(tx) // without it chunks are not atomic
                .reader(pendingSubmissionReader)
                .processor(new ParseRowProcessor(parser, surveyParser))
                .writer(ingestWriter)
                // A value that still breaks a write or a row's parsing is its submission's problem, never the night's:
                // skipped (data faults only, without limit) and recorded for the receipt. Faults of the database or the
                // machine are not skipped: the run stops (exit 1) and the next one resumes it.
                .faultTolerant()
                .skipPolicy(new IngestFaults.DataFaultsOnly())
                .skipListener(new IngestFaults.Recorder(submissions, values, tx))
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    PendingSubmissionReader pendingSubmissionReader(SubmissionRepository submissions, ValueRepository values,
                                                    SpreadsheetFormats formats, Layouts layouts) {
        return new PendingSubmissionReader(submissions, values, formats, layouts::forFile);
    }

    @Bean
    @StepScope
    IngestWriter ingestWriter(SubmissionRepository submissions, ValueRepository values, Catalogue catalogue,
                              SurveyRepository surveys, IkmRules ikmRules, PlatformTransactionManager tx) {
        return new IngestWriter(submissions, values, catalogue, new SurveyIngest(surveys, values, ikmRules), tx);
    }

    @Bean
    Step evaluateStep(JobRepository jobs, PlatformTransactionManager tx, ValueRepository values, ResultRepository results,
                      SubmissionRepository submissions, SpmEvaluator evaluator, Catalogue catalogue, RegionDirectory regions,
                      PantauSettings settings, ReportingCalendar calendar) {
        EvaluateTasklet evaluate = new EvaluateTasklet(values, results, submissions, evaluator, new PeriodFigures(catalogue),
                new ProvinceRollup(catalogue), regions, settings.qualityJumpFactor(), calendar).withSavepoints(tx);
        return new StepBuilder("evaluate", jobs).tasklet(evaluate, tx)
                .allowStartIfComplete(true).build();
    }

    /** The community satisfaction index (IKM) of every unit surveyed, beside the SPM results. */
    @Bean
    Step ikmStep(JobRepository jobs, PlatformTransactionManager tx, SurveyRepository surveys, IkmResultRepository ikmResults,
                 IkmRules ikmRules) {
        return new StepBuilder("ikm", jobs).tasklet(new IkmEvaluateTasklet(surveys, ikmResults, ikmRules), tx)
                .allowStartIfComplete(true).build();
    }

    @Bean
    ReportingCalendar reportingCalendar(PantauSettings settings) {
        return new ReportingCalendar(settings.deadlineDay(), java.time.ZoneId.systemDefault());
    }

    @Bean
    Step reportStep(JobRepository jobs, PlatformTransactionManager tx, PantauSettings settings, ReportSite site) {
        return new StepBuilder("report", jobs).tasklet(new ReportTasklet(settings, site), tx)
                .allowStartIfComplete(true).build();
    }

    @Bean
    Step archiveStep(JobRepository jobs, PlatformTransactionManager tx, PantauSettings settings,
                     SubmissionRepository submissions, ValueRepository values, ReceiptWriter receipts, ResultRepository results) {
        return new StepBuilder("archive", jobs).tasklet(new ArchiveTasklet(settings, submissions, values, receipts, results), tx)
                .allowStartIfComplete(true).build();
    }

    @Bean
    HtmlReport htmlReport(ITemplateEngine templates, ResultRepository results, Catalogue catalogue, RegionDirectory regions,
                          ReportFormat format) {
        return new HtmlReport(templates, results, catalogue, regions, format);
    }

    @Bean
    ReportSite reportSite(ResultRepository results, HtmlReport html, SitePages pages, PdfReport pdf, TabularReports tables,
                          IkmPages ikmPages, IkmResultRepository ikmResults, IkmRules ikmRules, SubmissionRepository submissions,
                          PantauSettings settings) {
        ReportSite.Part pdfs = (data, folder) -> pdf.write(data, folder.resolve("pdf"));
        return new ReportSite(results, html, List.of(pages, pdfs, tables::write, ikmPages), settings.reportRunsKept(),
                (period, region) -> IkmData.load(ikmResults, ikmRules, submissions, period, region));
    }

    @Bean
    IkmPages ikmPages(ITemplateEngine templates, RegionDirectory regions, ReportFormat format) {
        return new IkmPages(templates, regions, format);
    }

    @Bean
    SitePages sitePages(ITemplateEngine templates, Catalogue catalogue, RegionDirectory regions, SubmissionRepository submissions,
                        ValueRepository values, ReportFormat format, PantauSettings settings, ReportingCalendar calendar) {
        return new SitePages(templates, catalogue, regions, submissions, values, format, calendar,
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
