package id.pantauspm.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import id.pantauspm.progress.ProgressBoard.Count;
import id.pantauspm.progress.ProgressBoard.Snapshot;

/**
 * A progress bar on the last line of a terminal, redrawn in place; log lines printed meanwhile
 * appear above it (the bar is erased before each and drawn again after). Only where standard
 * output is a terminal: in cron, systemd or a pipe the log's progress lines say the same.
 */
public final class TerminalBar implements AutoCloseable {

    private static final String ERASE_LINE = "\r\033[K";
    static final int BAR_WIDTH = 24;

    private final PrintStream terminal;
    private final PrintStream previousOut;
    private final int columns;
    private String shown = "";
    private boolean drawn;

    private TerminalBar(PrintStream terminal, int columns) {
        this.terminal = terminal;
        this.previousOut = System.out;
        this.columns = columns;
    }

    /** Whether a bar can be drawn: standard input and output are a terminal (java.io.Console exists). */
    public static boolean available() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    /** Takes over standard output until closed: what others print lands above the bar. */
    public static TerminalBar open() {
        PrintStream terminal = System.out;
        int columns = 80;
        try {
            columns = Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80")));
        } catch (NumberFormatException e) {
            // keep 80
        }
        TerminalBar bar = new TerminalBar(terminal, columns);
        System.setOut(new PrintStream(bar.new Above(), true, StandardCharsets.UTF_8));
        return bar;
    }

    public synchronized void draw(Snapshot snapshot) {
        shown = render(snapshot, columns);
        redraw();
    }

    private void redraw() {
        if (shown.isEmpty()) {
            return;
        }
        terminal.print(ERASE_LINE + shown);
        terminal.flush();
        drawn = true;
    }

    private void erase() {
        if (drawn) {
            terminal.print(ERASE_LINE);
            drawn = false;
        }
    }

    @Override
    public synchronized void close() {
        erase();
        terminal.flush();
        System.setOut(previousOut);
    }

    /**
     * One line: the step, a bar for the counter now moving, its count and the time left, cut to the
     * terminal's width. E.g. "Menulis laporan [########----------------] 120 dari 552 PDF, sisa sekitar 3 menit".
     */
    static String render(Snapshot s, int columns) {
        if (s.step() == null) {
            return "";
        }
        Count moving = null;
        for (Count c : s.counts()) {
            if (c.hasTotal() && c.total() > 0 && c.done() < c.total()) {
                moving = c;
            }
        }
        StringBuilder line = new StringBuilder(ProgressText.stepLabel(s.step())).append(' ');
        if (moving != null) {
            int filled = (int) (BAR_WIDTH * moving.done() / moving.total());
            line.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ");
        }
        line.append(ProgressText.counts(s.counts()));
        s.remaining().ifPresent(d -> line.append(", ").append(OperatorLog.text("progress.remaining", ProgressText.duration(d))));
        String text = line.toString();
        return text.length() < columns ? text : text.substring(0, columns - 2) + "…";
    }

    /** Standard output while the bar is up: erase the bar, print, draw the bar again after a whole line. */
    private final class Above extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (TerminalBar.this) {
                erase();
                terminal.write(b, off, len);
                if (len > 0 && b[off + len - 1] == '\n') {
                    redraw();
                }
            }
        }

        @Override
        public void flush() {
            terminal.flush();
        }
    }
}
