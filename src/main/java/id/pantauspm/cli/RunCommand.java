package id.pantauspm.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;

import id.pantauspm.job.NightlyRun;
import id.pantauspm.job.PantauSettings;
import id.pantauspm.job.RunSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `pantau run`: the nightly job, once. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Ingest new files from the inbox, evaluate against the SPM catalogue, write reports and receipts.")
public class RunCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions settings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigurableApplicationContext context;
        try {
            context = Startup.start(settings, spec.commandLine());
        } catch (Startup.StartupFailure failure) {
            err.println(failure.getMessage());
            return failure.exitCode();
        }
        try (context) {
            RunSummary summary = context.getBean(NightlyRun.class).run();
            print(out, summary, context.getBean(MessageSource.class), context.getBean(PantauSettings.class).locale());
            return summary.exitCode();
        } catch (Exception e) {
            err.println("pantau run failed: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    static void print(PrintWriter out, RunSummary s, MessageSource messages, Locale locale) {
        out.println();
        out.println(messages.getMessage("cli.summary.title", null, locale));
        if (s.resumedExecution() != null) {
            out.println(messages.getMessage("cli.summary.resumed", new Object[] {s.resumedExecution()}, locale));
        }
        if (s.failed()) {
            out.println(messages.getMessage("cli.summary.failed", new Object[] {s.failure()}, locale));
        }
        if (s.filesAccepted() + s.filesRefused() == 0 && !s.failed()) {
            out.println(messages.getMessage("cli.summary.nothing_new", new Object[] {s.inbox()}, locale));
        }
        out.println(messages.getMessage("cli.summary.files", new Object[] {s.filesAccepted(), s.filesRefused()}, locale));
        out.println(messages.getMessage("cli.summary.rows", new Object[] {s.rowsAccepted(), s.rowsRejected()}, locale));
        out.println(messages.getMessage("cli.summary.coverage",
                new Object[] {s.regions().isEmpty() ? "-" : String.join(", ", s.regions()),
                        s.periods().isEmpty() ? "-" : String.join(", ", s.periods())}, locale));
        out.println(messages.getMessage("cli.summary.report", new Object[] {s.report()}, locale));
        out.println(messages.getMessage("cli.summary.receipts", new Object[] {s.outbox()}, locale));
        out.flush();
    }
}
