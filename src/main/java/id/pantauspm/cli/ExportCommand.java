package id.pantauspm.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.dhis2.AdxWriter;
import id.pantauspm.dhis2.DataValueSetWriter;
import id.pantauspm.dhis2.Dhis2Export;
import id.pantauspm.dhis2.Dhis2Mapping;
import id.pantauspm.dhis2.Dhis2MappingException;
import id.pantauspm.dhis2.Dhis2Periods;
import id.pantauspm.dhis2.Dhis2Settings;
import id.pantauspm.job.PantauSettings;
import id.pantauspm.period.Period;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `pantau export`: the stored figures in other systems' formats; today DHIS2. */
@Command(name = "export", mixinStandardHelpOptions = true, subcommands = {ExportCommand.Dhis2.class})
public class ExportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
        throw new CommandLine.ParameterException(spec.commandLine(),
                new CliText(Startup.language(spec.commandLine())).get("cli.export.choose"));
    }

    /** `pantau export dhis2 --period P`: an ADX message and a dataValueSets JSON file for one period. */
    @Command(name = "dhis2", mixinStandardHelpOptions = true, sortOptions = false)
    static class Dhis2 implements Callable<Integer> {

        @Option(names = "--period", required = true, paramLabel = "P")
        String period;

        @Option(names = "--mapping", paramLabel = "FILE")
        Path mapping;

        @Option(names = "--format", paramLabel = "adx|json|both", defaultValue = "both")
        String format;

        @Option(names = "--out", paramLabel = "DIR")
        Path out;

        @Mixin
        SettingsOptions settings;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CliText text = new CliText(Startup.language(spec.commandLine()));
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Period p = Dhis2Periods.parse(period).orElseThrow(() ->
                    new CommandLine.ParameterException(spec.commandLine(), text.get("cli.usage.period", period)));
            String f = format.toLowerCase(Locale.ROOT);
            if (!f.equals("adx") && !f.equals("json") && !f.equals("both")) {
                throw new CommandLine.ParameterException(spec.commandLine(), text.get("cli.usage.format", format));
            }
            ConfigurableApplicationContext context;
            try {
                context = Startup.start(settings, spec.commandLine());
            } catch (Startup.StartupFailure failure) {
                err.println(failure.getMessage());
                return failure.exitCode();
            }
            try (context) {
                PantauSettings pantau = context.getBean(PantauSettings.class);
                // a relative file or folder is taken from the installation folder, like every folder setting
                Path mappingFile = pantau.home().resolve(mapping != null ? mapping : context.getBean(Dhis2Settings.class).mapping());
                if (!Files.isRegularFile(mappingFile)) {
                    err.println(text.get("cli.export.mapping_missing", mappingFile));
                    return ExitCodes.USAGE;
                }
                Dhis2Mapping m;
                try {
                    m = Dhis2Mapping.load(mappingFile, context.getBean(Catalogue.class));
                } catch (Dhis2MappingException e) {
                    err.println(text.get("cli.export.mapping_invalid", mappingFile, e.problems().size()));
                    e.problems().forEach(problem -> err.println("- " + problem));
                    return ExitCodes.USAGE;
                }
                Dhis2Export.Collected collected = context.getBean(Dhis2Export.class).collect(p, m);
                if (!collected.unmappedRegions().isEmpty()) {
                    stdout.println(text.get("cli.export.unmapped_regions", collected.unmappedRegions().size(),
                            String.join(", ", collected.unmappedRegions())));
                }
                if (!collected.unmappedCodes().isEmpty()) {
                    stdout.println(text.get("cli.export.unmapped_codes", collected.unmappedCodes().size(),
                            String.join(", ", collected.unmappedCodes())));
                }
                if (collected.values().isEmpty()) {
                    stdout.println(text.get("cli.export.nothing", p.code()));
                    return ExitCodes.OK;
                }
                Path folder = out != null ? pantau.home().resolve(out) : pantau.dataFolder().resolve("export");
                String base = "pantau-dhis2-" + Dhis2Periods.dhis2(p);
                Instant now = Instant.now();
                if (!f.equals("json")) {
                    Path file = write(folder.resolve(base + ".adx.xml"), o -> AdxWriter.write(collected, m, now, o));
                    stdout.println(text.get("cli.export.written", file, collected.values().size(), collected.orgUnits()));
                }
                if (!f.equals("adx")) {
                    Path file = write(folder.resolve(base + ".json"), o -> DataValueSetWriter.write(collected, m, o));
                    stdout.println(text.get("cli.export.written", file, collected.values().size(), collected.orgUnits()));
                }
                stdout.flush();
                return ExitCodes.OK;
            } catch (IOException | RuntimeException e) {
                err.println(text.get("cli.export.failed", String.valueOf(e.getMessage())));
                return ExitCodes.FAILED;
            }
        }

        private interface Body {
            void write(OutputStream out) throws IOException;
        }

        /** Written beside, then moved over the target: an upload never picks up half a file. */
        private static Path write(Path file, Body body) throws IOException {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            try (OutputStream o = Files.newOutputStream(partial)) {
                body.write(o);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        }
    }
}
