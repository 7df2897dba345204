package id.pantauspm.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import id.pantauspm.job.RunSummary;
import id.pantauspm.report.Messages;

/** The run's closing summary as `pantau run` prints it, for tests outside the cli package. */
public final class RunFaultsTestAccess {

    private RunFaultsTestAccess() {
    }

    public static List<String> summaryLines(RunSummary s, Locale locale) {
        return RunCommand.lines(s, Messages.create(), locale, Path.of("pantau.log"), Path.of("run-status.json"));
    }
}
