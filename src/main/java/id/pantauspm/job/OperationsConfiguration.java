package id.pantauspm.job;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.item.ChunkOrientedStep;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.transaction.PlatformTransactionManager;

import id.pantauspm.ingest.SpreadsheetFormats;
import id.pantauspm.mail.Mailer;
import id.pantauspm.ops.ProgressSettings;
import id.pantauspm.report.ReceiptWriter;
import id.pantauspm.report.ReportFormat;
import id.pantauspm.store.MailRepository;
import id.pantauspm.store.ResultRepository;
import id.pantauspm.store.SubmissionRepository;
import id.pantauspm.store.ValueRepository;

/**
 * What an operator watches a run by: progress lines, the bar, run-status.json. Every job and step
 * of the application gets the progress listener when it is built, so a step added later reports
 * its progress without anyone remembering to register it.
 */
@Configuration
@EnableConfigurationProperties(ProgressSettings.class)
public class OperationsConfiguration {

    /** The last step: receipts to the offices and the morning summary to officials, when mail is on. */
    @Bean
    Step notifyStep(JobRepository jobs, PlatformTransactionManager tx, Mailer mailer, PantauSettings settings, MailRepository mails,
                    SubmissionRepository submissions, ValueRepository values, ResultRepository results, ReceiptWriter receipts,
                    ReportFormat format, SpreadsheetFormats formats) {
        return new StepBuilder("notify", jobs).tasklet(new NotifyTasklet(mailer, settings, mails, submissions, values, results,
                receipts, format, formats), tx).allowStartIfComplete(true).build();
    }

    @Bean
    RunStatus runStatus(PantauSettings settings) {
        return new RunStatus(settings.dataFolder());
    }

    @Bean
    RunProgressListener runProgressListener(RunStatus status, SubmissionRepository submissions, ProgressSettings settings) {
        return new RunProgressListener(status, submissions, settings);
    }

    /** Static, and the listener looked up late, so post-processing does not create the repositories early. */
    @Bean
    static BeanPostProcessor progressListenerRegistration(ObjectProvider<RunProgressListener> listener) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractJob job) {
                    job.registerJobExecutionListener(listener.getObject());
                }
                if (bean instanceof AbstractStep step) {
                    step.registerStepExecutionListener(listener.getObject());
                }
                if (bean instanceof ChunkOrientedStep<?, ?> chunked) {
                    registerChunkListener(chunked, listener.getObject());
                }
                return bean;
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void registerChunkListener(ChunkOrientedStep<?, ?> step, RunProgressListener listener) {
        ((ChunkOrientedStep) step).registerChunkListener(listener);
    }
}
