package id.pantauspm.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import id.pantauspm.progress.ProgressBoard;
import id.pantauspm.progress.ProgressBoard.Count;
import id.pantauspm.progress.ProgressBoard.Snapshot;

/**
 * A step's progress as a sentence in the operator's language: the step, its counts, the time left.
 * E.g. "Menulis laporan: 120 dari 552 PDF; sisa sekitar 3 menit 10 detik".
 */
public final class ProgressText {

    private ProgressText() {
    }

    /** What the step is doing, in words ({@code step.<name>}); the name itself for a step without words. */
    public static String stepLabel(String step) {
        String key = "step." + step;
        String label = OperatorLog.text(key);
        return label.equals(key) ? step : label;
    }

    public static String line(Snapshot s) {
        String counts = counts(s.counts());
        String left = s.remaining().map(d -> OperatorLog.text("progress.remaining", duration(d)))
                .orElse(OperatorLog.text(ProgressBoard.allComplete(s) ? "progress.finishing" : "progress.remaining_unknown"));
        if (counts.isEmpty()) {
            return OperatorLog.text("progress.line_running", stepLabel(s.step()), duration(s.elapsed()));
        }
        return OperatorLog.text("progress.line", stepLabel(s.step()), counts, left);
    }

    /** The step's counts: "3 dari 18 berkas, 12.345 baris diperiksa". */
    public static String counts(List<Count> counts) {
        List<String> parts = new ArrayList<>();
        for (Count c : counts) {
            parts.add(count(c));
        }
        return String.join(", ", parts);
    }

    public static String count(Count c) {
        return c.hasTotal() ? OperatorLog.text("progress.unit." + c.unit() + ".of", c.done(), c.total())
                : OperatorLog.text("progress.unit." + c.unit(), c.done());
    }

    /** A span as people say it: "1 jam 5 menit", "3 menit 10 detik", "12 detik". */
    public static String duration(Duration d) {
        long seconds = Math.max(0, Math.round(d.toMillis() / 1000.0));
        if (seconds >= 3600) {
            return OperatorLog.text("duration.hours", String.valueOf(seconds / 3600), String.valueOf(seconds % 3600 / 60));
        }
        if (seconds >= 60) {
            return OperatorLog.text("duration.minutes", String.valueOf(seconds / 60), String.valueOf(seconds % 60));
        }
        return OperatorLog.text("duration.seconds", String.valueOf(seconds));
    }
}
