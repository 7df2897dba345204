package id.pantauspm.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueException;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.ingest.FileRefusedException;
import id.pantauspm.ingest.ParsedRow;
import id.pantauspm.ingest.Problem;
import id.pantauspm.ingest.RowParser;
import id.pantauspm.ingest.SourceRow;
import id.pantauspm.ingest.SpreadsheetFormats;
import id.pantauspm.ingest.SubmissionFile;
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
@Command(name = "validate", mixinStandardHelpOptions = true)
public class ValidateCommand implements Callable<Integer> {

    public static final int FILE_REFUSED = 4;

    @Parameters(paramLabel = "FILE", arity = "1..*", descriptionKey = "files")
    List<Path> files = new ArrayList<>();

    @Option(names = "--catalogue", paramLabel = "DIR")
    Path catalogue;

    @Option(names = "--lang", paramLabel = "id|en")
    String lang = "id";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Languages.check(lang, spec.commandLine());
        Catalogue loaded;
        try {
            loaded = new CatalogueLoader().load(CatalogueFolder.resolve(catalogue));
        } catch (CatalogueException e) {
            spec.commandLine().getErr().println("The SPM catalogue is invalid: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        RowParser parser = new RowParser(loaded, RegionDirectory.official());
        ReceiptWriter receipts = new ReceiptWriter(Messages.create(), Locale.forLanguageTag(lang));
        SpreadsheetFormats formats = SpreadsheetFormats.standard();
        int worst = ExitCodes.OK;
        for (Path file : files) {
            Receipt receipt = check(file, formats, parser);
            out.println(receipts.render(receipt));
            int code = receipt.submission().status() == Submission.Status.REFUSED ? FILE_REFUSED
                    : receipt.rejectedRows() > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
            worst = Math.max(worst, code);
        }
        out.flush();
        return worst;
    }

    private static Receipt check(Path file, SpreadsheetFormats formats, RowParser parser) {
        List<Problem> problems = new ArrayList<>();
        int accepted = 0;
        Set<String> rejectedRows = new java.util.HashSet<>();
        Set<String> warnedRows = new java.util.HashSet<>();
        Submission.Status status = Submission.Status.INGESTED;
        try (SubmissionFile submission = SubmissionFile.open(file, formats, Layouts.detecting())) {
            Optional<SourceRow> row;
            while ((row = submission.next()).isPresent()) {
                ParsedRow parsed = parser.parse(row.get(), submission.convention());
                problems.addAll(parsed.problems());
                String where = row.get().sheet() + "!" + row.get().rowNumber();
                if (parsed.accepted()) {
                    accepted++;
                    if (parsed.problems().stream().anyMatch(p -> p.severity() == Problem.Severity.WARNING)) {
                        warnedRows.add(where);
                    }
                } else {
                    rejectedRows.add(where);
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
