package id.pantauspm.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.Measure;
import id.pantauspm.catalogue.ServiceType;
import id.pantauspm.ingest.ParsedRow;
import id.pantauspm.ingest.SpreadsheetFormats;
import id.pantauspm.ingest.TemplateContact;
import id.pantauspm.ingest.Problem;
import id.pantauspm.ops.OperatorLog;
import id.pantauspm.report.Messages;
import id.pantauspm.report.ReceiptWriter;
import id.pantauspm.store.Submission;
import id.pantauspm.store.SubmissionRepository;
import id.pantauspm.store.ValueRepository;

/**
 * Stores a chunk of checked rows in one transaction, inactive. At the end of a file the submission
 * gets its status; its values start to count in the reconcile step, which sees the whole night's
 * files at once. A refused file keeps nothing but its reason.
 */
class IngestWriter implements ItemWriter<IngestItem> {

    private static final OperatorLog log = OperatorLog.of(IngestWriter.class);

    private final SubmissionRepository submissions;
    private final ValueRepository values;
    private final Catalogue catalogue;
    private final SurveyIngest surveys;
    private final SpreadsheetFormats formats;
    private final org.springframework.transaction.support.TransactionTemplate savepoint;

    IngestWriter(SubmissionRepository submissions, ValueRepository values, Catalogue catalogue, SurveyIngest surveys,
                 SpreadsheetFormats formats) {
        this(submissions, values, catalogue, surveys, formats, null);
    }

    /**
     * @param formats reads a fill-in template's office header (B9-B11) for the chase list
     * @param tx when given, each write runs under a savepoint of the chunk's transaction, so a write that fails on
     *           its data undoes only itself: the step's scan then writes the chunk item by item and skips only the
     *           failing item (IngestFaults). Without it, PostgreSQL would refuse every later statement of the chunk.
     */
    IngestWriter(SubmissionRepository submissions, ValueRepository values, Catalogue catalogue, SurveyIngest surveys,
                 SpreadsheetFormats formats, org.springframework.transaction.PlatformTransactionManager tx) {
        this.formats = formats;
        this.submissions = submissions;
        this.values = values;
        this.catalogue = catalogue;
        this.surveys = surveys;
        if (tx != null) {
            this.savepoint = new org.springframework.transaction.support.TransactionTemplate(tx);
            this.savepoint.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        } else {
            this.savepoint = null;
        }
    }

    @Override
    public void write(Chunk<? extends IngestItem> chunk) {
        if (savepoint == null) {
            writeAll(chunk);
        } else {
            savepoint.executeWithoutResult(status -> writeAll(chunk));
        }
    }

    private void writeAll(Chunk<? extends IngestItem> chunk) {
        Map<Long, List<ValueRepository.Row>> valuesBySubmission = new LinkedHashMap<>();
        Map<Long, List<Problem>> problemsBySubmission = new LinkedHashMap<>();
        for (IngestItem item : chunk) {
            if (item instanceof IngestItem.Parsed p) {
                long id = p.submission().id();
                ParsedRow row = p.parsed();
                problemsBySubmission.computeIfAbsent(id, k -> new ArrayList<>()).addAll(row.problems());
                if (row.accepted()) {
                    Measure m = catalogue.measure(row.value().measureCode()).orElseThrow();
                    ServiceType s = catalogue.service(m.serviceCode()).orElseThrow();
                    valuesBySubmission.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(new ValueRepository.Row(row.value(), s.fieldCode(), s.code()));
                }
            }
        }
        valuesBySubmission.forEach(values::insert);
        problemsBySubmission.forEach(values::insertProblems);
        surveys.write(chunk.getItems().stream().filter(IngestItem.SurveyParsed.class::isInstance)
                .map(IngestItem.SurveyParsed.class::cast).toList());
        for (IngestItem item : chunk) {
            if (item instanceof IngestItem.End end) {
                finish(end);
            }
        }
    }

    private void finish(IngestItem.End end) {
        Submission s = end.submission();
        if (end.refused()) {
            values.clearPartial(s.id());
            values.insertProblems(s.id(), end.problems());
            submissions.finish(s.id(), Submission.Status.REFUSED, 0, 0, 0);
            // the sentence of the receipt, not the problem's code
            log.warn("log.ingest.refused", s.fileName(),
                    new ReceiptWriter(Messages.create(), OperatorLog.language()).describe(end.problems().get(0))
                            .replaceFirst("^\\[[^]]+] ", ""));
            return;
        }
        List<ValueRepository.Row> totals = new ArrayList<>();
        List<Problem> totalProblems = new ArrayList<>();
        for (ParsedRow total : end.totals()) {
            totalProblems.addAll(total.problems());
            if (total.accepted()) {
                Measure m = catalogue.measure(total.value().measureCode()).orElseThrow();
                totals.add(new ValueRepository.Row(total.value(), catalogue.service(m.serviceCode()).orElseThrow().fieldCode(), m.serviceCode()));
            }
        }
        values.insert(s.id(), totals);
        values.insertParts(s.id(), totals);
        values.insertProblems(s.id(), totalProblems);
        values.insertProblems(s.id(), end.problems());
        // Its values start to count in the reconcile step, once every file of the night is in.
        // A survey's whole-survey checks; its answers too start to count in the reconcile step.
        surveys.finish(s);
        int accepted = values.countValues(s.id());
        int rejected = values.countRejectedRows(s.id());
        int warned = values.countRowsWithWarnings(s.id());
        java.util.Optional<Problem> nothingStored = nothingStored(accepted, rejected);
        if (nothingStored.isPresent()) {
            // Read to its end but not one value kept: refused, with its rows' reasons kept for the receipt.
            values.insertProblems(s.id(), List.of(nothingStored.get()));
            submissions.finish(s.id(), Submission.Status.REFUSED, 0, rejected, warned);
            log.warn("log.ingest.refused", s.fileName(),
                    new ReceiptWriter(Messages.create(), OperatorLog.language()).describe(nothingStored.get())
                            .replaceFirst("^\\[[^]]+] ", ""));
            return;
        }
        submissions.finish(s.id(), Submission.Status.INGESTED, accepted, rejected, warned);
        // who to call about this region's data: the office header of a fill-in template (the chase list)
        TemplateContact.details(s.inboxPath(), formats).ifPresent(d -> submissions.saveContact(s.id(), d));
        log.info("log.ingest.finished", s.fileName(), accepted, rejected, warned);
    }

    /**
     * The one place that decides whether a file read to its end is accepted: only if it yields at least one stored
     * value (or counted survey answer). A file whose every data row was rejected, or that has no data row at all (a
     * header alone), is refused as a whole like an unreadable one: it goes to the rejected folder, its receipt says
     * DITOLAK with the reason, and the run ends with the exit code of a refused file.
     *
     * @return the file-level problem that refuses it, or empty when the file is accepted
     */
    static java.util.Optional<Problem> nothingStored(int storedValues, int rejectedRows) {
        if (storedValues > 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(rejectedRows > 0 ? Problem.file("nothing_stored", String.valueOf(rejectedRows))
                : Problem.file("no_data_rows"));
    }
}
