package id.pantauspm.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import id.pantauspm.job.PantauSettings;
import id.pantauspm.period.Period;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.report.ReportSite;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `pantau report`: the reports again from the database, without ingesting anything. */
@Command(name = "report", mixinStandardHelpOptions = true)
public class ReportCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions settings;

    @Option(names = "--period", paramLabel = "P")
    String period;

    @Option(names = "--region", paramLabel = "CODE")
    String region;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String periodCode = null;
        if (period != null) {
            periodCode = Period.parse(period).map(Period::code).orElseThrow(() ->
                    new CommandLine.ParameterException(spec.commandLine(), text().get("cli.usage.period", period)));
        }
        String regionCode = null;
        if (region != null) {
            regionCode = RegionDirectory.official().resolve(region).map(r -> r.region().code()).orElseThrow(() ->
                    new CommandLine.ParameterException(spec.commandLine(), text().get("cli.usage.region", region)));
        }
        ConfigurableApplicationContext context;
        try {
            context = Startup.start(settings, spec.commandLine());
        } catch (Startup.StartupFailure failure) {
            spec.commandLine().getErr().println(failure.getMessage());
            return failure.exitCode();
        }
        try (context) {
            Path index = context.getBean(ReportSite.class)
                    .publish(context.getBean(PantauSettings.class).reportsFolder(), periodCode, regionCode);
            spec.commandLine().getOut().println(index);
            return ExitCodes.OK;
        } catch (Exception e) {
            spec.commandLine().getErr().println(text().get("cli.report.failed", String.valueOf(e.getMessage())));
            return ExitCodes.FAILED;
        }
    }

    private CliText text() {
        return new CliText(Startup.language(spec.commandLine()));
    }
}
