package id.pantauspm.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The counters of the step now running, and the estimate of the time it has left. One board per
 * run; steps follow one another on it.
 */
public final class ProgressBoard {

    /** One counter as seen at one moment. */
    public record Count(String unit, long done, long total) {
        public boolean hasTotal() {
            return total >= 0;
        }
    }

    /**
     * The step's state at one moment.
     *
     * @param step      the step's name (scan, ingest, evaluate, report, archive, ...), null between steps
     * @param elapsed   since the step started
     * @param counts    every counter of the step, in the order they were first asked for
     * @param remaining estimated time left for the work now counted, when it can be estimated
     */
    public record Snapshot(String step, Duration elapsed, List<Count> counts, Optional<Duration> remaining) {
    }

    private final LongSupplier clock;
    private String step;
    private long stepStart;
    private final List<Counter> counters = new ArrayList<>();

    public ProgressBoard() {
        this(System::nanoTime);
    }

    /** @param clock nanoseconds, as System.nanoTime (a test passes its own) */
    public ProgressBoard(LongSupplier clock) {
        this.clock = clock;
    }

    public synchronized void startStep(String name) {
        step = name;
        stepStart = clock.getAsLong();
        counters.clear();
    }

    public synchronized void endStep() {
        step = null;
        counters.clear();
    }

    public synchronized Counter counter(String unit, long total) {
        for (Counter c : counters) {
            if (c.unit().equals(unit)) {
                c.total(total);
                return c;
            }
        }
        Counter c = new Counter(unit, total, clock);
        counters.add(c);
        return c;
    }

    public synchronized Snapshot snapshot() {
        long now = clock.getAsLong();
        List<Count> counts = counters.stream().map(c -> new Count(c.unit(), c.done(), c.total())).toList();
        return new Snapshot(step, Duration.ofNanos(step == null ? 0 : now - stepStart), counts, remaining(now));
    }

    /**
     * Time left for the counter now moving: the newest counter with a total that is not complete, at
     * the pace it has kept since its first unit was done (the first unit's wait, e.g. fonts loaded
     * for the first PDF, is preparation, not pace). Nothing until two units have been counted apart.
     */
    private Optional<Duration> remaining(long now) {
        for (int i = counters.size() - 1; i >= 0; i--) {
            Counter c = counters.get(i);
            long done = c.done();
            if (!c.hasTotal() || done >= c.total()) {
                continue;
            }
            long first = c.firstNanos();
            long spent = now - first;
            if (first == Long.MIN_VALUE || done < 2 || spent <= 0) {
                return Optional.empty();
            }
            double perItem = (double) spent / (done - 1);
            return Optional.of(Duration.ofNanos((long) (perItem * (c.total() - done))));
        }
        return Optional.empty();
    }

    /** Whether every counter with a total is complete (the step is finishing what is not counted). */
    public static boolean allComplete(Snapshot s) {
        return !s.counts().isEmpty() && s.counts().stream().allMatch(c -> !c.hasTotal() || c.done() >= c.total())
                && s.counts().stream().anyMatch(Count::hasTotal);
    }
}
