package id.pantauspm.progress;

/**
 * Where long work reports how far it is, for the progress lines, the bar and run-status.json: the
 * code doing the work asks for a counter and adds to it; whoever watches (the job's progress
 * listener) reads the board. Without a board (a unit test, a command that shows no progress) the
 * counters are simply not looked at. Plain Java, so every layer may count its work.
 */
public final class Progress {

    private static volatile ProgressBoard board;

    private Progress() {
    }

    /**
     * A counter for work of this unit in the current step, e.g. {@code counter("pdfs", 552)}; the
     * same unit asked for again in the same step gets the same counter with the new total.
     *
     * @param unit  key of the unit's words in the bundles ({@code progress.<unit>})
     * @param total how many there will be, or {@link Counter#UNKNOWN}
     */
    public static Counter counter(String unit, long total) {
        ProgressBoard b = board;
        return b == null ? Counter.detached(unit, total) : b.counter(unit, total);
    }

    /** The board now watched; work counted from now on lands there. */
    public static void attach(ProgressBoard watched) {
        board = watched;
    }

    public static void detach(ProgressBoard watched) {
        if (board == watched) {
            board = null;
        }
    }

    public static ProgressBoard board() {
        return board;
    }
}
