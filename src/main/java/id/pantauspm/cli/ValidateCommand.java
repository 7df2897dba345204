package id.pantauspm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;

import id.pantauspm.job.ValidationRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * `pantau validate FILE...`: the nightly job's own ingest over files an office is about to send,
 * with the same settings (pantau.properties, PANTAU_* variables, options), against a throwaway
 * database: the receipts say what a run would accept, warn and reject, conflicts between the files
 * and data-quality findings included. Nothing is stored, moved or reported.
 */
@Command(name = "validate", mixinStandardHelpOptions = true)
public class ValidateCommand implements Callable<Integer> {

    public static final int FILE_REFUSED = ValidationRun.REFUSED;

    @Parameters(paramLabel = "FILE", arity = "1..*", descriptionKey = "files")
    List<Path> files = new ArrayList<>();

    @Mixin
    SettingsOptions settings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path file : files) {
            if (!Files.exists(file)) {
                err.println(new CliText(Startup.language(spec.commandLine())).get("cli.validate.not_found", file));
                return ExitCodes.USAGE;
            }
        }
        Path inbox;
        try {
            inbox = copyToInbox(files);
        } catch (IOException | UncheckedIOException e) {
            err.println("pantau validate: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            ConfigurableApplicationContext context;
            try {
                context = Startup.start(springArgs(inbox), spec.commandLine());
            } catch (Startup.StartupFailure failure) {
                err.println(failure.getMessage());
                return failure.exitCode();
            }
            try (context) {
                int worst = ExitCodes.OK;
                for (ValidationRun.Checked c : context.getBean(ValidationRun.class).validate()) {
                    out.println(c.receipt());
                    worst = Math.max(worst, c.exitCode());
                }
                out.flush();
                return worst;
            } catch (Exception e) {
                err.println("pantau validate failed: " + e.getMessage());
                return ExitCodes.FAILED;
            }
        } finally {
            deleteQuietly(inbox);
        }
    }

    /**
     * The run's settings, with the inbox at the copies and a database of the check's own: what is
     * checked is never stored where the nightly run keeps its values, and no lock is taken.
     */
    private SettingsOptions springArgs(Path inbox) {
        SettingsOptions checked = new SettingsOptions();
        checked.config = settings.config;
        checked.catalogue = settings.catalogue;
        checked.lang = settings.lang;
        checked.inbox = inbox;
        checked.dbUrl = "jdbc:h2:mem:validate-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        checked.dbUser = "sa";
        checked.dbPassword = "";
        checked.quiet = true;
        return checked;
    }

    /**
     * Copies (file times kept: the earlier of two copies of the same bytes is the submission) into a
     * folder of their own, one subfolder per argument so names never clash; a folder's files are taken whole.
     */
    static Path copyToInbox(List<Path> files) throws IOException {
        Path inbox = Files.createTempDirectory("pantau-validate");
        int n = 0;
        for (Path file : files) {
            List<Path> each;
            if (Files.isDirectory(file)) {
                try (Stream<Path> walk = Files.walk(file)) {
                    each = walk.filter(Files::isRegularFile).sorted().toList();
                }
            } else {
                each = List.of(file);
            }
            for (Path f : each) {
                Path folder = Files.createDirectories(inbox.resolve(String.format("%05d", ++n)));
                Files.copy(f, folder.resolve(f.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return inbox;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind holds only copies
        }
    }
}
