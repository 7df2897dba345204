package id.pantauspm.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import id.pantauspm.job.RemoteSettings;
import id.pantauspm.ops.OperatorLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * `pantau worker`: a long-running process that takes ingest partitions (one file each) from the RabbitMQ queue
 * {@code pantau.remote.queue} and reads them into the shared PostgreSQL, for a `pantau run --workers remote` on another
 * machine. It never runs the nightly job itself. SIGTERM (systemctl stop) ends it: no new partition is taken, the
 * one being read is finished within {@code pantau.remote.shutdown-timeout}, else it goes back to the queue.
 */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false)
public class WorkerCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions settings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        settings.commandSettings.add("--" + RemoteSettings.WORKERS + "=" + RemoteSettings.REMOTE);
        settings.commandSettings.add("--" + RemoteSettings.LISTEN + "=true");
        // Spring's shutdown waits as long for the file being read (else it would close the database under it after 30 s)
        settings.commandSettings.add("--spring.lifecycle.timeout-per-shutdown-phase=${pantau.remote.shutdown-timeout:10m}");
        ConfigurableApplicationContext context;
        try {
            context = Startup.start(settings, spec.commandLine());
        } catch (Startup.StartupFailure failure) {
            err.println(failure.getMessage());
            return failure.exitCode();
        }
        CountDownLatch closed = new CountDownLatch(1);
        // closed by Spring's shutdown hook on SIGTERM: the listener container stops first, then the database
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        RemoteSettings remote = context.getBean(RemoteSettings.class);
        org.springframework.core.env.Environment env = context.getEnvironment();
        OperatorLog.of(WorkerCommand.class).info("log.worker.listening", remote.queue(),
                env.getProperty("spring.rabbitmq.host", "localhost") + ":" + env.getProperty("spring.rabbitmq.port", "5672"),
                remote.consumers());
        if (!context.isActive()) {
            return ExitCodes.OK;
        }
        closed.await();
        return ExitCodes.OK;
    }
}
