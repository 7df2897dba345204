package id.pantauspm.ops;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.MDC;

import id.pantauspm.progress.ProgressBoard;
import id.pantauspm.progress.ProgressBoard.Snapshot;

/**
 * Watches a run's progress board from its own thread: a progress line in the log at a steady
 * interval (logger {@value #LOGGER}), the same snapshot to a listener (run-status.json), and on a
 * terminal a bar redrawn a few times a second. Lines are written while a step has been running
 * for at least one interval, so a short step says only that it finished.
 */
public final class ProgressReporter implements AutoCloseable {

    public static final String LOGGER = "id.pantauspm.progress";
    private static final long BAR_EVERY_MS = 250;

    private final ProgressBoard board;
    private final Duration interval;
    private final Consumer<Snapshot> onLine;
    private final OperatorLog log = OperatorLog.named(LOGGER);
    private final ScheduledExecutorService timer;
    private final TerminalBar bar;

    /**
     * @param interval how often a progress line is logged (pantau.progress.interval)
     * @param onLine   called with each snapshot a line is logged for
     * @param withBar  draw a bar on the terminal (then the lines go to the log file only)
     */
    public ProgressReporter(ProgressBoard board, Duration interval, Consumer<Snapshot> onLine, boolean withBar) {
        this.board = board;
        this.interval = interval;
        this.onLine = onLine;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pantau-progress");
            t.setDaemon(true);
            return t;
        });
        if (withBar) {
            LogSetup.fileOnly(LOGGER);
            bar = TerminalBar.open();
            timer.scheduleAtFixedRate(() -> bar.draw(board.snapshot()), BAR_EVERY_MS, BAR_EVERY_MS, TimeUnit.MILLISECONDS);
        } else {
            bar = null;
        }
        long every = Math.max(1, interval.toMillis());
        timer.scheduleAtFixedRate(this::line, every, every, TimeUnit.MILLISECONDS);
    }

    private void line() {
        try {
            Snapshot s = board.snapshot();
            if (s.step() == null || s.elapsed().compareTo(interval) < 0) {
                return;
            }
            MDC.put("step", s.step());
            try {
                log.infoText(ProgressText.line(s));
            } finally {
                MDC.remove("step");
            }
            onLine.accept(s);
        } catch (RuntimeException e) {
            // progress must never stop the run
            log.logger().debug("progress line failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (bar != null) {
            bar.close();
            LogSetup.everywhere(LOGGER);
        }
    }
}
