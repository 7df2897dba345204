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
import id.pantauspm.mail.MailSettings;
import id.pantauspm.mail.OfficeContacts;
import id.pantauspm.report.ChasePages;
import id.pantauspm.report.EspmDraft;
import id.pantauspm.report.HtmlReport;
import id.pantauspm.report.IkmData;
import id.pantauspm.report.IkmPages;
import id.pantauspm.report.PdfReport;
import id.pantauspm.report.ReceiptWriter;
import id.pantauspm.report.ReportFormat;
import id.pantauspm.report.ReportSite;
import id.pantauspm.report.SitePages;
import id.pantauspm.report.TabularReports;
import id.pantauspm.store.EvaluationState;
import id.pantauspm.store.IkmResultRepository;
import id.pantauspm.store.NightReconciler;
import id.pantauspm.store.ResultRepository;
import id.pantauspm.store.SubmissionRepository;
import id.pantauspm.store.SurveyRepository;
import id.pantauspm.store.ValueRepository;

/**
 * The nightly job: scan, ingest, reconcile, evaluate, ikm, report (index, service pages, tables), report-regions (region
 * pages, e-SPM drafts and PDFs, partitioned by province), publish, archive, notify (mail, when on). Every step is idempotent and may run
 * again on a restart, so a run that died is completed by the next one without double counting.
 */
@Configuration
@org.springframework.boot.context.properties.EnableConfigurationProperties(ChaseSettings.class)
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightly";

    @Bean
    Job nightlyJob(JobRepository jobs, Step scanStep, Step ingestStep, Step reconcileStep, Step evaluateStep, Step ikmStep,
                   Step reportStep, Step reportRegionsStep, Step publishStep, Step archiveStep, Step notifyStep) {
        return new JobBuilder(JOB_NAME, jobs)
                .incrementer(new RunIdIncrementer())
                .start(scanStep).next(ingestStep).next(reconcileStep).next(evaluateStep).next(ikmStep).next(reportStep)
                .next(reportRegionsStep).next(publishStep)
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

    /**
     * Ingest, partitioned by file: each pending submission is a partition read by the {@code ingest-file} step
     * on a thread of its own (as many at once as there are cores, or {@code pantau.workers}), each restartable on
     * its own. With {@code pantau.workers=remote} RemotePartitioningConfiguration replaces it by a manager step that
     * hands the same partitions to {@code pantau worker} processes.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression(
            "!'${" + RemoteSettings.WORKERS + ":local}'.trim().equalsIgnoreCase('" + RemoteSettings.REMOTE + "')")
    Step ingestStep(JobRepository jobs, Step ingestFileStep, SubmissionRepository submissions, PantauSettings settings) {
        return new StepBuilder("ingest", jobs)
                .partitioner(INGEST_FILE_STEP, new SubmissionPartitioner(submissions))
                .step(new StopWhenDatabaseLost(ingestFileStep))
                .gridSize(settings.threads())
                .taskExecutor(partitionExecutor("ingest-", settings.threads()))
                .allowStartIfComplete(true)
                .build();
    }

    static final String INGEST_FILE_STEP = "ingest-file";

    /** Threads for the partitions of one step; not a bean, so Boot's own task executor and the job operator are unchanged. */
    static org.springframework.core.task.TaskExecutor partitionExecutor(String prefix, int threads) {
        org.springframework.core.task.SimpleAsyncTaskExecutor executor = new org.springframework.core.task.SimpleAsyncTaskExecutor(prefix);
        executor.setConcurrencyLimit(threads);
        return executor;
    }

    /** One file of the ingest: its rows in chunks, one transaction each, then its end marker. */
    @Bean
    Step ingestFileStep(JobRepository jobs, PlatformTransactionManager tx, PantauSettings settings,
                        PendingSubmissionReader pendingSubmissionReader, ParseRowProcessor parseRowProcessor,
                        IngestWriter ingestWriter, SubmissionRepository submissions, ValueRepository values,
                        org.springframework.beans.factory.ObjectProvider<RemotePartitioningConfiguration.RemoteWorkerInput> worker) {
        // in a `pantau worker` process the same step, built as a remote worker step: its partitions come from the queue
        RemotePartitioningConfiguration.RemoteWorkerInput remote = worker.getIfAvailable();
        StepBuilder builder = remote == null ? new StepBuilder(INGEST_FILE_STEP, jobs) : remote.stepBuilder(INGEST_FILE_STEP, jobs);
        return builder.<IngestItem, IngestItem>chunk(settings.chunkSize())
                .transactionManager(tx) // without it chunks are not atomic
                .reader(pendingSubmissionReader)
                .processor(parseRowProcessor)
                .writer(ingestWriter)
                // A value that still breaks a write or a row's parsing is its submission's problem, never the night's:
                // skipped (data faults only, without limit) and recorded for the receipt. Faults of the database or the
                // machine are not skipped: the run stops (exit 1) and the next one resumes it.
                .faultTolerant()
                .skipPolicy(new IngestFaults.DataFaultsOnly())
                .skipListener(new IngestFaults.Recorder(submissions, values, tx))
                .build();
    }

    @Bean
    @StepScope
    ParseRowProcessor parseRowProcessor(RowParser parser, SurveyParser surveyParser) {
        return new ParseRowProcessor(parser, surveyParser);
    }

    @Bean
    @StepScope
    PendingSubmissionReader pendingSubmissionReader(SubmissionRepository submissions, ValueRepository values,
                                                    SpreadsheetFormats formats, Layouts layouts,
                                                    @org.springframework.beans.factory.annotation.Value(
                                                            "#{stepExecutionContext['submissionId']}") Long submissionId) {
        return new PendingSubmissionReader(submissions, values, formats, layouts::forFile, submissionId);
    }

    @Bean
    @StepScope
    IngestWriter ingestWriter(SubmissionRepository submissions, ValueRepository values, Catalogue catalogue,
                              SurveyRepository surveys, IkmRules ikmRules, SpreadsheetFormats formats,
                              PlatformTransactionManager tx) {
        return new IngestWriter(submissions, values, catalogue, new SurveyIngest(surveys, values, ikmRules), formats, tx);
    }

    @Bean
    Step evaluateStep(JobRepository jobs, PlatformTransactionManager tx, ValueRepository values, ResultRepository results,
                      SubmissionRepository submissions, SpmEvaluator evaluator, Catalogue catalogue, RegionDirectory regions,
                      PantauSettings settings, ReportingCalendar calendar, EvaluationState state) {
        EvaluateTasklet evaluate = new EvaluateTasklet(values, results, submissions, evaluator, new PeriodFigures(catalogue),
                new ProvinceRollup(catalogue), regions, settings.qualityJumpFactor(), calendar, state,
                () -> EvaluationInputs.key(settings)).withSavepoints(tx);
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
    Step reportStep(JobRepository jobs, PlatformTransactionManager tx, PantauSettings settings, ReportSite site,
                    EvaluationState state, ChasePages chase, ResultRepository results) {
        return new StepBuilder("report", jobs).tasklet(new ReportTasklet(settings, site, state, chase, results), tx)
                .allowStartIfComplete(true).build();
    }

    static final String PROVINCE_REPORT_STEP = "report-regions-province";

    /**
     * The region pages and PDFs, partitioned by province (a province's page and PDF list its kabupaten/kota, so they are
     * written together): each partition reads its province's results only and writes into the run folder the report
     * step began; as many at once as there are cores ({@code pantau.workers}). Every partition runs again on a restart,
     * since the report step begins a new run folder. A failed partition (a full disk) fails the step, and the run folder
     * is discarded.
     */
    @Bean
    Step reportRegionsStep(JobRepository jobs, Step provinceReportStep, ProvincePartitioner provincePartitioner,
                           PantauSettings settings, ReportSite site) {
        return new StepBuilder("report-regions", jobs)
                .partitioner(PROVINCE_REPORT_STEP, provincePartitioner)
                .step(provinceReportStep)
                .gridSize(settings.threads())
                .taskExecutor(partitionExecutor("report-", settings.threads()))
                .listener(new org.springframework.batch.core.listener.StepExecutionListener() {
                    @Override
                    public org.springframework.batch.core.ExitStatus afterStep(org.springframework.batch.core.step.StepExecution step) {
                        org.springframework.batch.infrastructure.item.ExecutionContext job = step.getJobExecution().getExecutionContext();
                        if (step.getStatus() != org.springframework.batch.core.BatchStatus.COMPLETED
                                && job.containsKey(ReportTasklet.RUN_FOLDER)) {
                            site.discard(java.nio.file.Path.of(job.getString(ReportTasklet.RUN_FOLDER)));
                        }
                        return null;
                    }
                })
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    ProvincePartitioner provincePartitioner(ResultRepository results, PantauSettings settings,
                                            @org.springframework.beans.factory.annotation.Value(
                                                    "#{jobExecutionContext['" + ReportTasklet.RUN_FOLDER + "']}") String run) {
        return new ProvincePartitioner(results, run, () -> EvaluationInputs.key(settings));
    }

    @Bean
    Step provinceReportStep(JobRepository jobs, PlatformTransactionManager tx, ProvinceReportTasklet provinceReportTasklet) {
        return new StepBuilder(PROVINCE_REPORT_STEP, jobs).tasklet(provinceReportTasklet, tx).allowStartIfComplete(true).build();
    }

    @Bean
    @StepScope
    ProvinceReportTasklet provinceReportTasklet(ReportSite site, HtmlReport html, PdfReport pdf, PantauSettings settings,
                                                @org.springframework.beans.factory.annotation.Value(
                                                        "#{stepExecutionContext['" + ProvincePartitioner.PROVINCE + "']}") String province,
                                                @org.springframework.beans.factory.annotation.Value(
                                                        "#{jobExecutionContext['" + ReportTasklet.RUN_FOLDER + "']}") String run,
                                                @org.springframework.beans.factory.annotation.Value(
                                                        "#{stepExecutionContext['" + ProvincePartitioner.CHARTED + "']}") String charted,
                                                @org.springframework.beans.factory.annotation.Value(
                                                        "#{stepExecutionContext['" + ProvincePartitioner.PAGES + "']}") Long pages,
                                                @org.springframework.beans.factory.annotation.Value(
                                                        "#{stepExecutionContext['" + ProvincePartitioner.PDFS + "']}") Long pdfs,
                                                @org.springframework.beans.factory.annotation.Value(
                                                        "#{stepExecutionContext['" + ProvincePartitioner.INPUTS + "']}") String inputs) {
        return new ProvinceReportTasklet(site, html, pdf, settings.reportsFolder(), province, java.nio.file.Path.of(run),
                charted.isEmpty() ? java.util.Set.of() : java.util.Set.of(charted.split(",")), pages, pdfs,
                inputs != null ? inputs : EvaluationInputs.key(settings)); // a partition begun before the key was in its context
    }

    /** The run folder the report and report-regions steps wrote becomes reports/latest/ in one swap. */
    @Bean
    Step publishStep(JobRepository jobs, PlatformTransactionManager tx, PantauSettings settings, ReportSite site,
                     EvaluationState state) {
        return new StepBuilder("publish", jobs).tasklet(new PublishTasklet(settings, site, state), tx)
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
                          ReportFormat format, ReportingCalendar calendar, PdfReport pdf, ChaseSettings chase) {
        return new HtmlReport(templates, results, catalogue, regions, format, calendar, pdf).expecting(chase.regions());
    }

    @Bean
    ReportSite reportSite(ResultRepository results, HtmlReport html, SitePages pages, PdfReport pdf, TabularReports tables,
                          IkmPages ikmPages, IkmResultRepository ikmResults, IkmRules ikmRules, SubmissionRepository submissions,
                          PantauSettings settings, ChasePages chase, ITemplateEngine templates, ReportFormat format,
                          Catalogue catalogue) {
        ReportSite.Part pdfs = (data, folder) -> pdf.write(data, folder.resolve(ReportSite.PDF_FOLDER));
        return new ReportSite(results, html, List.of(pages, tables::write, ikmPages, chase,
                new EspmDraft(templates, format, catalogue, pdf::problemsAndSolutions)), pdfs, settings.reportRunsKept(),
                (period, region) -> IkmData.load(ikmResults, ikmRules, submissions, period, region));
    }

    @Bean
    ChasePages chasePages(ITemplateEngine templates, ReportFormat format, ReportingCalendar calendar, RegionDirectory regions,
                          Catalogue catalogue, SubmissionRepository submissions, PantauSettings settings, MailSettings mail,
                          ChaseSettings chase) {
        return new ChasePages(templates, format, calendar, catalogue.rulesStart(), regions, catalogue, submissions, () -> {
            try {
                return OfficeContacts.load(settings.home().resolve(mail.offices()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e); // a broken office list is the operator's to fix, named in the message
            }
        }, chase.regions(), () -> java.time.LocalDate.now(java.time.ZoneId.systemDefault()));
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
                        RegionDirectory regions, ReportFormat format, SignerSettings signer,
                        id.pantauspm.catalogue.RegionPlans plans) {
        return new PdfReport(templates, results, values, catalogue, regions, format,
                new PdfReport.Signer(signer.name(), signer.position(), signer.nip(), signer.place(), signer.region()), plans);
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
