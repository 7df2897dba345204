package id.pantauspm.job;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.item.ChunkOrientedStep;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import id.pantauspm.ops.ProgressSettings;
import id.pantauspm.store.SubmissionRepository;

/**
 * What an operator watches a run by: progress lines, the bar, run-status.json. Every job and step
 * of the application gets the progress listener when it is built, so a step added later reports
 * its progress without anyone remembering to register it.
 */
@Configuration
@EnableConfigurationProperties(ProgressSettings.class)
public class OperationsConfiguration {

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
