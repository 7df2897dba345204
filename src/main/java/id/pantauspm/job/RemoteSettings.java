package id.pantauspm.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Remote partitioning ({@code pantau.workers=remote}): how the manager ({@code pantau run --workers remote}) and the
 * workers ({@code pantau worker}) meet. The broker itself is Spring Boot's {@code spring.rabbitmq.*}
 * (SPRING_RABBITMQ_HOST, _PORT, _USERNAME, _PASSWORD, _VIRTUAL_HOST); the job repository and the values are the
 * shared PostgreSQL of {@code pantau.db.url}.
 *
 * @param queue {@code pantau.remote.queue}: the durable RabbitMQ queue the ingest partitions are sent to; manager and
 *        workers of one installation name the same one
 * @param pollInterval {@code pantau.remote.poll-interval}: how often the manager looks in the job repository for
 *        partitions the workers have finished
 * @param timeout {@code pantau.remote.timeout}: how long the manager waits for every partition before the ingest
 *        step fails (exit code 1; the next run resumes the partitions not finished)
 * @param consumers {@code pantau.remote.consumers}: partitions one worker process runs at once (one per file)
 * @param shutdownTimeout {@code pantau.remote.shutdown-timeout}: on SIGTERM a worker takes no new partition and this
 *        long finishes the one it is reading; a partition still unfinished then goes back to the queue
 * @param listen set by {@code pantau worker} only: this process consumes the queue
 */
@ConfigurationProperties("pantau.remote")
public record RemoteSettings(@DefaultValue("pantau.partitions") String queue, @DefaultValue("2s") Duration pollInterval,
                             @DefaultValue("12h") Duration timeout, @DefaultValue("1") int consumers,
                             @DefaultValue("10m") Duration shutdownTimeout, boolean listen) {

    /** {@code pantau.workers}: {@code local} (the default: partitions on threads of this process) or {@code remote}. */
    public static final String WORKERS = "pantau.workers";
    public static final String REMOTE = "remote";
    /** Set by {@code pantau worker}. */
    public static final String LISTEN = "pantau.remote.listen";
}
