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
import id.pantauspm.catalogue.IkmRules;
import id.pantauspm.catalogue.IkmRulesLoader;
import id.pantauspm.ingest.FileRefusedException;
import id.pantauspm.ingest.ParsedRow;
import id.pantauspm.ingest.Problem;
import id.pantauspm.ingest.RowParser;
import id.pantauspm.ingest.SourceRow;
import id.pantauspm.ingest.SpreadsheetFormats;
import id.pantauspm.ingest.SubmissionFile;
import id.pantauspm.ingest.Layouts;
import id.pantauspm.ingest.ParsedSurveyRow;
import id.pantauspm.ingest.SurveyFindings;
import id.pantauspm.ingest.SurveyLine;
import id.pantauspm.ingest.SurveyParser;
import id.pantauspm.ingest.SurveyRow;
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
        IkmRules ikm;
        try {
            loaded = new CatalogueLoader().load(CatalogueFolder.resolve(catalogue));
            ikm = new IkmRulesLoader().load(CatalogueFolder.resolve(catalogue));
        } catch (CatalogueException e) {
            spec.commandLine().getErr().println("The SPM catalogue is invalid: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        RowParser parser = new RowParser(loaded, RegionDirectory.official());
        SurveyParser surveys = new SurveyParser(ikm, RegionDirectory.official());
        ReceiptWriter receipts = new ReceiptWriter(Messages.create(), Locale.forLanguageTag(lang));
        SpreadsheetFormats formats = SpreadsheetFormats.standard();
        int worst = ExitCodes.OK;
        for (Path file : files) {
            Receipt receipt = check(file, formats, parser, surveys, ikm);
            out.println(receipts.render(receipt));
            int code = receipt.submission().status() == Submission.Status.REFUSED ? FILE_REFUSED
                    : receipt.rejectedRows() > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
            worst = Math.max(worst, code);
        }
        out.flush();
        return worst;
    }

    private static Receipt check(Path file, SpreadsheetFormats formats, RowParser parser, SurveyParser surveys, IkmRules ikm) {
        List<Problem> problems = new ArrayList<>();
        int accepted = 0;
        Set<String> rejectedRows = new java.util.HashSet<>();
        Set<String> warnedRows = new java.util.HashSet<>();
        Submission.Status status = Submission.Status.INGESTED;
        List<SurveyLine> surveyLines = new ArrayList<>();
        try (SubmissionFile submission = SubmissionFile.open(file, formats, Layouts.detecting(ikm))) {
            Optional<SourceRow> row;
            while ((row = submission.next()).isPresent()) {
                Optional<SurveyRow> survey = submission.survey(row.get());
                if (survey.isPresent()) {
                    // A community satisfaction survey's row (IKM): the same checks as the job's.
                    ParsedSurveyRow answers = surveys.parse(survey.get(), submission.convention());
                    problems.addAll(answers.problems());
                    String where = row.get().sheet() + "!" + row.get().rowNumber();
                    if (answers.accepted()) {
                        surveyLines.add(answers.line());
                        if (answers.problems().stream().anyMatch(p -> p.severity() == Problem.Severity.WARNING)) {
                            warnedRows.add(where);
                        }
                    } else if (answers.rejected()) {
                        rejectedRows.add(where);
                    }
                    continue;
                }
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
            for (Problem p : SurveyFindings.check(ikm, surveyLines)) {
                problems.add(p);
                String where = p.sheet() + "!" + p.row();
                if (p.severity() == Problem.Severity.ROW_REJECTED && rejectedRows.add(where)) {
                    accepted--; // a repeat counted once: its row is no longer accepted
                } else if (p.severity() == Problem.Severity.WARNING && p.row() != null) {
                    warnedRows.add(where);
                }
            }
            accepted += surveyLines.size();
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
