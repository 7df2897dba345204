package id.pantauspm.progress;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A count of done work of one kind in the current step (files, rows, regions, pages, PDFs), with its
 * total when known. Thread-safe: workers of a pool may add to it.
 */
public final class Counter {

    /** Total not known in advance (rows of a streamed file). */
    public static final long UNKNOWN = -1;

    private final String unit;
    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    private final long createdNanos;
    private final java.util.function.LongSupplier clock;
    private final java.util.concurrent.atomic.AtomicLong firstNanos = new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE);

    Counter(String unit, long total, java.util.function.LongSupplier clock) {
        this.unit = unit;
        this.total = total;
        this.clock = clock;
        this.createdNanos = clock.getAsLong();
    }

    /** A counter that goes nowhere, for work done outside a job (a unit test, a command without progress). */
    static Counter detached(String unit, long total) {
        return new Counter(unit, total, System::nanoTime);
    }

    public void add(long n) {
        firstNanos.compareAndSet(Long.MIN_VALUE, clock.getAsLong());
        done.addAndGet(n);
    }

    public void increment() {
        add(1);
    }

    /** For counts read elsewhere (a step's read count): the done count as it now is. */
    public void set(long n) {
        done.set(n);
    }

    public void total(long total) {
        this.total = total;
    }

    /** The unit's key in the bundles: {@code progress.<unit>}. */
    public String unit() {
        return unit;
    }

    public long done() {
        return done.get();
    }

    public long total() {
        return total;
    }

    public boolean hasTotal() {
        return total >= 0;
    }

    long createdNanos() {
        return createdNanos;
    }

    /** When the first unit was done (the pace is measured from there: preparing the work is not the work); MIN_VALUE before. */
    long firstNanos() {
        return firstNanos.get();
    }
}
