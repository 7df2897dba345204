package id.pantauspm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;

import id.pantauspm.job.NightlyRun;
import id.pantauspm.job.PantauSettings;
import id.pantauspm.job.RunInProgressException;
import id.pantauspm.job.RunStatus;
import id.pantauspm.job.RunSummary;
import id.pantauspm.ops.LogSetup;
import id.pantauspm.ops.OperatorLog;
import id.pantauspm.ops.PantauEnvironment;
import id.pantauspm.report.Messages;
import id.pantauspm.report.ReceiptWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `pantau run`: the nightly job, once. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false)
public class RunCommand implements Callable<Integer> {

    /** The summary's lines also go to the log file (the console has them as the command's output). */
    static final String SUMMARY_LOGGER = "id.pantauspm.summary";

    @Mixin
    SettingsOptions settings;

    /** Where the ingest partitions run: this process's threads (default) or pantau worker processes over RabbitMQ. */
    enum Workers { local, remote }

    @CommandLine.Option(names = "--workers", paramLabel = "local|remote")
    Workers workers;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigurableApplicationContext context;
        if (workers != null) {
            settings.commandSettings.add("--" + id.pantauspm.job.RemoteSettings.WORKERS + "=" + workers);
        }
        try {
            context = Startup.start(settings, spec.commandLine());
        } catch (Startup.StartupFailure failure) {
            err.println(failure.getMessage());
            Startup.statusOfFailedStart(failure);
            return failure.exitCode();
        }
        try (context) {
            PantauSettings pantau = context.getBean(PantauSettings.class);
            CliText text = new CliText(pantau.locale());
            RunStatus status = context.getBean(RunStatus.class);
            try {
                RunSummary summary = context.getBean(NightlyRun.class).run();
                List<String> lines = lines(summary, context.getBean(MessageSource.class), pantau.locale(),
                        pantau.logFolder().resolve(PantauEnvironment.LOG_FILE_NAME), status.file());
                lines.forEach(out::println);
                out.flush();
                LogSetup.fileOnly(SUMMARY_LOGGER);
                OperatorLog summaryLog = OperatorLog.named(SUMMARY_LOGGER);
                lines.stream().filter(l -> !l.isBlank()).forEach(summaryLog::infoText);
                status.finished(summary, summary.exitCode(), outcome(summary, text), details(summary, pantau.locale()));
                return summary.exitCode();
            } catch (id.pantauspm.job.InboxMissingException missing) {
                String message = text.get("cli.run.inbox_missing", missing.inbox());
                err.println(message);
                status.failed(ExitCodes.USAGE, message);
                return ExitCodes.USAGE;
            } catch (RunInProgressException busy) {
                // the other run owns run-status.json: leave it as it is
                err.println(text.get("cli.run.busy", busy.lockFile()));
                return ExitCodes.BUSY;
            } catch (Exception e) {
                // thrown out of the job when even its repository is gone (the database stopped): told as the fault it is
                String reason = context.getBean(NightlyRun.class).describe(e);
                String message = text.get("cli.run.failed", reason);
                err.println(message);
                OperatorLog.of(RunCommand.class).error(e, "cli.run.failed", reason);
                status.failed(ExitCodes.FAILED, message);
                return ExitCodes.FAILED;
            }
        }
    }

    /** The closing summary: what was received, what was refused and why, where things are, what the exit code means. */
    static List<String> lines(RunSummary s, MessageSource messages, Locale locale, Path logFile, Path statusFile) {
        List<String> lines = new ArrayList<>();
        CliText text = new CliText(locale);
        lines.add("");
        lines.add(text.get("cli.summary.title"));
        if (s.resumedExecution() != null) {
            lines.add(text.get("cli.summary.resumed", String.valueOf(s.resumedExecution())));
        }
        if (s.failed()) {
            lines.add(text.get("cli.summary.failed", s.failure()));
        }
        if (s.filesAccepted() + s.filesRefused() == 0 && !s.failed()) {
            lines.add(text.get("cli.summary.nothing_new", s.inbox()));
        }
        lines.add(text.get("cli.summary.files", s.filesAccepted(), s.filesRefused()));
        lines.add(text.get("cli.summary.rows", s.rowsAccepted(), s.rowsRejected()));
        lines.add(text.get("cli.summary.coverage", s.regions().isEmpty() ? "-" : String.join(", ", s.regions()),
                s.periods().isEmpty() ? "-" : String.join(", ", s.periods())));
        if (!s.problemFiles().isEmpty()) {
            lines.add(text.get("cli.summary.problem_files", s.problemFiles().size()));
            ReceiptWriter receipts = new ReceiptWriter(messages, locale);
            for (RunSummary.ProblemFile f : s.problemFiles()) {
                lines.add(f.refused()
                        ? text.get("cli.summary.refused_file", ReceiptWriter.inert(f.fileName()),
                                f.reason() == null ? "-" : sentence(receipts.describe(f.reason())))
                        : text.get("cli.summary.rejected_rows_file", ReceiptWriter.inert(f.fileName()), f.rowsRejected()));
            }
        }
        // A failed run wrote no report: the summary must not point to one as if it were this night's.
        lines.add(s.failed() ? text.get("cli.summary.report_not_written", s.report())
                : text.get("cli.summary.report", s.report()));
        lines.add(text.get("cli.summary.receipts", s.outbox()));
        lines.add(text.get("cli.summary.log", logFile, statusFile));
        lines.add(outcome(s, text));
        return lines;
    }

    /** What the exit code means, as the last line of the summary and the outcome in run-status.json. */
    static String outcome(RunSummary s, CliText text) {
        int code = s.exitCode();
        return switch (code) {
            case ExitCodes.OK -> text.get("cli.summary.exit.0");
            case ExitCodes.SOME_REJECTED -> text.get("cli.summary.exit.3", s.outbox());
            default -> text.get("cli.summary.exit.1");
        };
    }

    private static Map<String, Object> details(RunSummary s, Locale locale) {
        ReceiptWriter receipts = new ReceiptWriter(Messages.create(), locale);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("filesAccepted", s.filesAccepted());
        d.put("filesRefused", s.filesRefused());
        d.put("rowsAccepted", s.rowsAccepted());
        d.put("rowsRejected", s.rowsRejected());
        d.put("regions", List.copyOf(s.regions()));
        d.put("periods", List.copyOf(s.periods()));
        List<Map<String, Object>> refused = new ArrayList<>();
        List<Map<String, Object>> withRejectedRows = new ArrayList<>();
        for (RunSummary.ProblemFile f : s.problemFiles()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", ReceiptWriter.inert(f.fileName()));
            if (f.refused()) {
                m.put("reason", f.reason() == null ? null : sentence(receipts.describe(f.reason())));
                refused.add(m);
            } else {
                m.put("rows", f.rowsRejected());
                withRejectedRows.add(m);
            }
        }
        d.put("refusedFiles", refused);
        d.put("filesWithRejectedRows", withRejectedRows);
        d.put("report", s.report().toString());
        d.put("receipts", s.outbox().toString());
        return d;
    }

    /** A receipt's problem line without its "[BERKAS DITOLAK]" label, which the summary line already says. */
    static String sentence(String described) {
        return described.replaceFirst("^\\[[^]]+] ", "");
    }
}
