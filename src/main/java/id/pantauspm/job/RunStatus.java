package id.pantauspm.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import id.pantauspm.ops.OperatorLog;
import id.pantauspm.ops.ProgressText;
import id.pantauspm.progress.ProgressBoard.Count;
import id.pantauspm.progress.ProgressBoard.Snapshot;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code run-status.json} in the data folder: what the run is doing or did, for a monitoring system
 * (Zabbix, Nagios, Prometheus' textfile collector via jq, a status page). Rewritten whole and atomically at
 * every step, at every progress line and at the end, so a reader never sees half a file. Shape:
 *
 * <pre>
 * { "state": "RUNNING" | "COMPLETED" | "FAILED" | "STOPPED",
 *   "exitCode": 0 | 1 | 3 (once finished), "outcome": the closing sentence,
 *   "run": job instance, "execution": job execution, "resumedExecution": when a stopped run was continued,
 *   "started", "ended", "updated": ISO-8601 times in UTC (2026-07-01T18:30:00Z),
 *   "step": the step now running (null once finished),
 *   "progress": { "step", "line", "counts": [{"unit","done","total"}], "secondsLeft" },
 *   "steps": [{ "name", "label", "status", "started", "ended", "seconds", "read", "written", "counts": [...] }],
 *   "summary": { "filesAccepted", "filesRefused", "rowsAccepted", "rowsRejected", "regions", "periods",
 *                "refusedFiles": [{"file", "reason"}], "filesWithRejectedRows": [{"file", "rows"}] } }
 * </pre>
 */
public class RunStatus {

    public static final String FILE_NAME = "run-status.json";

    private final Path file;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Object> doc = new LinkedHashMap<>();
    private final List<Map<String, Object>> steps = new ArrayList<>();

    public RunStatus(Path dataFolder) {
        this.file = dataFolder.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    synchronized void jobStarted(JobExecution execution) {
        doc.clear();
        steps.clear();
        doc.put("state", "RUNNING");
        doc.put("run", execution.getJobInstance().getInstanceId());
        doc.put("execution", execution.getId());
        doc.put("started", now());
        doc.put("ended", null);
        doc.put("step", null);
        doc.put("progress", null);
        doc.put("steps", steps);
        write();
    }

    synchronized void stepStarted(StepExecution step) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", step.getStepName());
        s.put("label", ProgressText.stepLabel(step.getStepName()));
        s.put("status", "STARTED");
        s.put("started", now());
        steps.add(s);
        doc.put("step", step.getStepName());
        doc.put("progress", null);
        write();
    }

    synchronized void progress(Snapshot snapshot) {
        if (snapshot.step() == null) {
            return;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("step", snapshot.step());
        p.put("line", ProgressText.line(snapshot));
        p.put("counts", counts(snapshot.counts()));
        p.put("secondsLeft", snapshot.remaining().map(d -> d.toSeconds()).orElse(null));
        doc.put("progress", p);
        write();
    }

    synchronized void stepEnded(StepExecution step, Snapshot snapshot) {
        Map<String, Object> s = steps.isEmpty() ? new LinkedHashMap<>() : steps.get(steps.size() - 1);
        s.put("status", step.getStatus().name());
        s.put("ended", now());
        s.put("seconds", snapshot.elapsed().toMillis() / 1000.0);
        s.put("read", step.getReadCount());
        s.put("written", step.getWriteCount());
        s.put("counts", counts(snapshot.counts()));
        doc.put("progress", null);
        write();
    }

    synchronized void jobEnded(JobExecution execution) {
        doc.put("state", execution.getStatus().isRunning() ? "FAILED" : execution.getStatus().name());
        doc.put("step", null);
        doc.put("ended", now());
        write();
    }

    /** The run's outcome once its summary is known: the exit code cron sees and the closing sentence. */
    public synchronized void finished(RunSummary summary, int exitCode, String outcome, Map<String, Object> details) {
        doc.put("state", summary.failed() ? "FAILED" : "COMPLETED");
        doc.put("exitCode", exitCode);
        doc.put("outcome", outcome);
        if (summary.resumedExecution() != null) {
            doc.put("resumedExecution", summary.resumedExecution());
        }
        if (doc.get("ended") == null) {
            doc.put("ended", now());
        }
        doc.put("summary", details);
        write();
    }

    /** A run that could not run (its failure before or around the job): state FAILED with the reason. */
    public synchronized void failed(int exitCode, String outcome) {
        doc.put("state", "FAILED");
        doc.put("exitCode", exitCode);
        doc.put("outcome", outcome);
        doc.putIfAbsent("started", now());
        doc.put("ended", now());
        write();
    }

    private static List<Map<String, Object>> counts(List<Count> counts) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Count c : counts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unit", c.unit());
            m.put("done", c.done());
            m.put("total", c.hasTotal() ? c.total() : null);
            out.add(m);
        }
        return out;
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(); // UTC, as jq's fromdateiso8601 reads it
    }

    private void write() {
        doc.put("updated", now());
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(FILE_NAME + ".part");
            Files.writeString(partial, json.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n");
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // Monitoring must never stop the run; say so once per failure.
            OperatorLog.of(RunStatus.class).warn(e, "log.status.not_written", file, String.valueOf(e.getMessage()));
        }
    }
}
