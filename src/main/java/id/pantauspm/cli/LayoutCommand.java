package id.pantauspm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.MessageSource;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueException;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.ingest.FileRefusedException;
import id.pantauspm.ingest.LayoutDraft;
import id.pantauspm.ingest.LayoutFiles;
import id.pantauspm.ingest.Layouts;
import id.pantauspm.ingest.SpreadsheetFormats;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.report.Messages;
import id.pantauspm.report.ReceiptWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `pantau layout suggest FILE`: a draft layout for a file whose headers no layout knows;
 * `pantau layout check`: the layouts folder (indicators/layouts) checked like the catalogue.
 */
@Command(name = "layout", mixinStandardHelpOptions = true,
        description = "Layouts of files that are not layout 1 or the template (indicators/layouts).",
        subcommands = {LayoutCommand.Suggest.class, LayoutCommand.Check.class})
public class LayoutCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                MESSAGES.getMessage("layout.subcommand_required", null, PantauCommand.helpLanguage(new String[0], System.getenv("PANTAU_LANG"))));
    }

    private static final MessageSource MESSAGES = Messages.create();

    @Command(name = "suggest", mixinStandardHelpOptions = true,
            description = "Print a draft layout for FILE, to check, complete and save in indicators/layouts/.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:a draft was printed", "2:bad usage or an invalid catalogue", "4:the file cannot be read"})
    static class Suggest implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", descriptionKey = "file", description = "A file whose headers no layout knows.")
        Path file;

        @Option(names = "--catalogue", paramLabel = "DIR", description = "The SPM catalogue folder. Default: indicators/ of the installation.")
        Path catalogue;

        @Option(names = "--lang", paramLabel = "id|en", description = "Language of the draft's comments. Default: id.")
        String lang;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Locale locale = Languages.resolve(lang, spec.commandLine());
            Catalogue c;
            try {
                c = new CatalogueLoader().load(CatalogueFolder.resolve(catalogue));
            } catch (CatalogueException e) {
                spec.commandLine().getErr().println(MESSAGES.getMessage("layout.catalogue_invalid",
                        new Object[] {e.problems().size(), CatalogueFolder.resolve(catalogue)}, locale));
                e.problems().forEach(p -> spec.commandLine().getErr().println(p));
                return ExitCodes.USAGE;
            }
            try {
                String draft = LayoutDraft.suggest(file, SpreadsheetFormats.standard(), c, RegionDirectory.official(),
                        a -> MESSAGES.getMessage((String) a[0], java.util.Arrays.copyOfRange(a, 1, a.length), locale));
                PrintWriter out = spec.commandLine().getOut();
                out.print(draft);
                out.flush();
                return ExitCodes.OK;
            } catch (FileRefusedException e) {
                spec.commandLine().getErr().println(new ReceiptWriter(MESSAGES, locale).describe(e.problem()));
                return ValidateCommand.FILE_REFUSED;
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check the layouts folder against the catalogue. Prints every problem as file:line: message.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every layout is valid", "2:bad usage, or a layout is invalid (each problem is printed)"})
    static class Check implements Callable<Integer> {

        @Option(names = "--catalogue", paramLabel = "DIR", description = "The SPM catalogue folder, holding layouts/. Default: indicators/.")
        Path catalogue;

        @Option(names = "--lang", paramLabel = "id|en", description = "Language of the summary. Default: id.")
        String lang;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Locale locale = Languages.resolve(lang, spec.commandLine());
            Path folder = CatalogueFolder.resolve(catalogue);
            PrintWriter out = spec.commandLine().getOut();
            try {
                Catalogue c = new CatalogueLoader().load(folder);
                Layouts layouts = Layouts.load(c, folder.resolve(LayoutFiles.FOLDER));
                out.println(MESSAGES.getMessage("layout.check.valid", new Object[] {layouts.specs().size(),
                        folder.resolve(LayoutFiles.FOLDER)}, locale));
                out.flush();
                return ExitCodes.OK;
            } catch (CatalogueException e) {
                e.problems().forEach(p -> out.println(p));
                out.flush();
                return ExitCodes.USAGE;
            }
        }
    }
}
