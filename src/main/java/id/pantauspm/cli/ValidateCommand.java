package id.pantauspm.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueException;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.ingest.FileRefusedException;
import id.pantauspm.ingest.ParsedRow;
import id.pantauspm.ingest.Problem;
import id.pantauspm.ingest.RowParser;
import id.pantauspm.ingest.SpreadsheetFormats;
import id.pantauspm.ingest.FileIngest;
import id.pantauspm.ingest.LayoutFiles;
import id.pantauspm.ingest.Layouts;
import id.pantauspm.job.ScanTasklet;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.report.Messages;
import id.pantauspm.report.Receipt;
import id.pantauspm.report.ReceiptWriter;
import id.pantauspm.store.Submission;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `pantau validate FILE...`: the job's checks on files an office is about to send, writing nothing,
 * printing the receipt each would get.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check files as the nightly job would, without storing anything, and print their receipts.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file can be accepted", "3:accepted, but some rows would be rejected",
                "4:a file would be refused as a whole", "2:bad usage or an invalid catalogue"})
public class ValidateCommand implements Callable<Integer> {

    public static final int FILE_REFUSED = 4;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to check (xlsx, xlsm, xls, csv, txt).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--catalogue", paramLabel = "DIR", description = "The SPM catalogue folder. Default: indicators/ of the installation.")
    Path catalogue;

    @Option(names = "--lang", paramLabel = "id|en", description = "Language of the receipts. Default: id.")
    String lang = "id";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Languages.check(lang, spec.commandLine());
        Catalogue loaded;
        Layouts layouts;
        try {
            Path folder = CatalogueFolder.resolve(catalogue);
            loaded = new CatalogueLoader().load(folder);
            layouts = Layouts.load(loaded, folder.resolve(LayoutFiles.FOLDER));
        } catch (CatalogueException e) {
            spec.commandLine().getErr().println("The SPM catalogue is invalid: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        RowParser parser = new RowParser(loaded, RegionDirectory.official());
        ReceiptWriter receipts = new ReceiptWriter(Messages.create(), Locale.forLanguageTag(lang));
        SpreadsheetFormats formats = SpreadsheetFormats.standard();
        int worst = ExitCodes.OK;
        for (Path file : files) {
            Receipt receipt = check(file, formats, parser, layouts);
            out.println(receipts.render(receipt));
            int code = receipt.submission().status() == Submission.Status.REFUSED ? FILE_REFUSED
                    : receipt.rejectedRows() > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
            worst = Math.max(worst, code);
        }
        out.flush();
        return worst;
    }

    private static Receipt check(Path file, SpreadsheetFormats formats, RowParser parser, Layouts layouts) {
        List<Problem> problems = new ArrayList<>();
        int accepted = 0;
        Set<String> rejectedRows = new java.util.HashSet<>();
        Set<String> warnedRows = new java.util.HashSet<>();
        Submission.Status status = Submission.Status.INGESTED;
        try (FileIngest submission = FileIngest.open(file, formats, layouts, parser)) {
            for (List<ParsedRow> batch; !(batch = submission.next()).isEmpty(); ) {
                for (ParsedRow parsed : batch) {
                    problems.addAll(parsed.problems());
                    String where = parsed.source().sheet() + "!" + parsed.source().rowNumber();
                    if (parsed.accepted()) {
                        accepted++;
                    }
                    if (parsed.rejected()) {
                        rejectedRows.add(where);
                    } else if (parsed.problems().stream().anyMatch(p -> p.severity() == Problem.Severity.WARNING)) {
                        warnedRows.add(where);
                    }
                }
            }
            problems.addAll(submission.endNotes());
        } catch (FileRefusedException e) {
            problems.clear();
            problems.add(e.problem());
            status = Submission.Status.REFUSED;
            accepted = 0;
            rejectedRows.clear();
            warnedRows.clear();
        }
        String sha = Files.isRegularFile(file) ? ScanTasklet.sha256(file) : "-";
        long size = Files.isRegularFile(file) ? file.toFile().length() : 0;
        Submission s = new Submission(0, sha, file.getFileName().toString(), size, Instant.now(), file, status, 0, null);
        return new Receipt(s, accepted, rejectedRows.size(), warnedRows.size(), problems, List.of(), List.of(), true);
    }
}
