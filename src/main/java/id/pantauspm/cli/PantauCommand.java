package id.pantauspm.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `pantau`: the commands an operator and cron use. */
@Command(name = "pantau", mixinStandardHelpOptions = true, version = "Pantau SPM 0.1.0",
        description = "Pantau SPM: measures regions against the Standar Pelayanan Minimal (PP 2/2018) from the spreadsheets offices send.",
        subcommands = {RunCommand.class, ReportCommand.class, ValidateCommand.class, TemplateCommand.class, CatalogCommand.class,
                LayoutCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:all files and rows accepted",
                "1:the run failed",
                "2:bad usage or configuration (including an invalid catalogue)",
                "3:finished, but some files or rows were rejected (see the receipts)"})
public class PantauCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new PantauCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. pantau run");
    }
}
