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
import id.pantauspm.ingest.Problem;
import id.pantauspm.ops.OperatorLog;
import id.pantauspm.report.Messages;
import id.pantauspm.report.ReceiptWriter;
import id.pantauspm.store.Submission;
import id.pantauspm.store.SubmissionRepository;
import id.pantauspm.store.ValueRepository;

/**
 * Stores a chunk of checked rows in one transaction. At the end of a file its values start to
 * count (superseding earlier submissions for the same region, period and field) and the
 * submission gets its status; a refused file keeps nothing but its reason.
 */
class IngestWriter implements ItemWriter<IngestItem> {

    private static final OperatorLog log = OperatorLog.of(IngestWriter.class);

    private final SubmissionRepository submissions;
    private final ValueRepository values;
    private final Catalogue catalogue;

    IngestWriter(SubmissionRepository submissions, ValueRepository values, Catalogue catalogue) {
        this.submissions = submissions;
        this.values = values;
        this.catalogue = catalogue;
    }

    @Override
    public void write(Chunk<? extends IngestItem> chunk) {
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
        values.insertProblems(s.id(), end.problems());
        values.activate(s.id(), s.receivedAt());
        int accepted = values.countValues(s.id());
        int rejected = values.countRejectedRows(s.id());
        int warned = values.countRowsWithWarnings(s.id());
        submissions.finish(s.id(), Submission.Status.INGESTED, accepted, rejected, warned);
        log.info("log.ingest.finished", s.fileName(), accepted, rejected, warned);
    }
}
