package id.pantauspm.job;

import java.util.List;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilder;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;

import id.pantauspm.store.SubmissionRepository;

/**
 * Remote partitioning over RabbitMQ ({@code pantau.workers=remote}), Spring Batch Integration's own: the
 * {@code ingest} step of {@code pantau run --workers remote} becomes a manager step that sends one
 * {@link StepExecutionRequest} per file to a durable queue and then polls the shared job repository until every
 * partition's step execution has ended; each {@code pantau worker} takes requests from the queue and runs the
 * {@code ingest-file} step for them against the same PostgreSQL. The other steps stay in the manager.
 *
 * <p>Why a worker killed mid-file loses nothing, with no code of ours: a worker takes one request at a time
 * (prefetch 1) and acknowledges it only when the listener returns, i.e. after its step execution has ended and been
 * stored (AUTO acknowledgement; the handler runs on the consumer thread through a direct channel). When the worker
 * dies, RabbitMQ puts the unacknowledged request back on the queue and hands it to another worker.
 * {@code StepExecutionRequestHandler} runs whatever step execution it is given, also one left STARTED by the dead
 * worker, and the manager meanwhile waits, as a STARTED execution is still running to it. Running a file again is
 * safe: the reader clears the partial values of a file not yet ingested and reads it from its first row (the same
 * path that completes a killed local run). Should every worker be gone, the manager's timeout fails the step and the
 * next {@code pantau run} resumes the files not ingested.
 *
 * <p>A request a worker cannot handle at all (its step execution unknown to the database) is dropped, not requeued
 * forever; the manager's timeout then ends the wait.
 */
@Configuration
@ConditionalOnProperty(name = RemoteSettings.WORKERS, havingValue = RemoteSettings.REMOTE)
@EnableConfigurationProperties(RemoteSettings.class)
// Spring Integration only in remote mode (Boot 4 auto-configures it only with spring-boot-integration, not needed here)
@org.springframework.integration.config.EnableIntegration
class RemotePartitioningConfiguration {

    /** Both sides declare the queue (durable, so requests outlive a broker restart); whichever connects first makes it. */
    @Bean
    Queue partitionQueue(RemoteSettings remote, Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            // every process must see the same job repository and values: an H2 file is one process's only
            throw new RemoteNeedsPostgresException(url.replaceAll("(?i)password=[^&;]*", "password=***"));
        }
        return QueueBuilder.durable(remote.queue()).build();
    }

    /** Requests go as serialized {@link StepExecutionRequest}s; only that class (and its fields' types) is read back. */
    @Bean
    MessageConverter partitionMessageConverter() {
        SimpleMessageConverter converter = new SimpleMessageConverter();
        converter.setAllowedListPatterns(List.of(StepExecutionRequest.class.getName(), "java.lang.*"));
        return converter;
    }

    // --- the manager: pantau run --workers remote

    @Bean
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    IntegrationFlow partitionRequestsToBroker(AmqpTemplate rabbit, RemoteSettings remote) {
        // the default exchange routes by queue name
        return IntegrationFlow.from(partitionRequests()).handle(Amqp.outboundAdapter(rabbit).routingKey(remote.queue())).get();
    }

    /** Replaces the local ingest step (NightlyJobConfiguration): the same partitions, handed out over the broker. */
    @Bean
    Step ingestStep(JobRepository jobs, SubmissionRepository submissions, RemoteSettings remote) {
        return new RemotePartitioningManagerStepBuilder("ingest", jobs)
                .partitioner(NightlyJobConfiguration.INGEST_FILE_STEP, new SubmissionPartitioner(submissions))
                .outputChannel(partitionRequests())
                // no input channel: the manager polls the job repository, so no replies travel back
                .pollInterval(remote.pollInterval().toMillis())
                .timeout(remote.timeout().toMillis())
                .allowStartIfComplete(true)
                .build();
    }

    // --- the worker: pantau worker

    @Configuration
    @ConditionalOnProperty(name = RemoteSettings.LISTEN, havingValue = "true")
    static class Worker {

        @Bean
        DirectChannel partitionsReceived() {
            return new DirectChannel();
        }

        @Bean
        IntegrationFlow partitionsFromBroker(ConnectionFactory connections, RemoteSettings remote, MessageConverter converter) {
            return IntegrationFlow.from(Amqp.inboundAdapter(connections, remote.queue())
                            .messageConverter(converter)
                            .configureContainer(c -> c
                                    .acknowledgeMode(AcknowledgeMode.AUTO) // after the listener returns: see the class comment
                                    .prefetchCount(1) // one file at a time per consumer: the others stay for other workers
                                    .concurrentConsumers(Math.max(1, remote.consumers()))
                                    .defaultRequeueRejected(false)
                                    .shutdownTimeout(remote.shutdownTimeout().toMillis())))
                    .channel(partitionsReceived())
                    .get();
        }

        /** How NightlyJobConfiguration builds {@code ingest-file} in a worker: a worker step fed by the queue. */
        @Bean
        RemoteWorkerInput remoteWorkerInput(BeanFactory beans) {
            return (name, jobs) -> new RemotePartitioningWorkerStepBuilder(name, jobs)
                    .inputChannel(partitionsReceived())
                    // only the ingest-file step may be run by a message, whatever name it carries
                    .stepLocator(requested -> NightlyJobConfiguration.INGEST_FILE_STEP.equals(requested)
                            ? beans.getBean("ingestFileStep", Step.class) : null)
                    .beanFactory(beans);
        }
    }

    /** The step builder of a worker step, present in a {@code pantau worker} process only. */
    @FunctionalInterface
    interface RemoteWorkerInput {
        org.springframework.batch.core.step.builder.StepBuilder stepBuilder(String name, JobRepository jobs);
    }
}
