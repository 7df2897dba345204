package id.pantauspm.job;

import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import id.pantauspm.ingest.RowParser;
import id.pantauspm.ingest.SurveyParser;
import id.pantauspm.ingest.ValueAssembler;

/**
 * Hands each row to its parser (values, or survey answers), then a value to its file's
 * {@link ValueAssembler} (which holds the parts a layout sums, e.g. one row per kecamatan); at the
 * end of a file the totals ride on its end marker. A file is always read from its first row within
 * one run (a restarted run reads it again), so the assembler of a file never outlives the run.
 */
class ParseRowProcessor implements ItemProcessor<IngestItem, IngestItem> {

    private final RowParser parser;
    private final SurveyParser surveys;
    private final Map<Long, ValueAssembler> assemblers = new HashMap<>();

    ParseRowProcessor(RowParser parser, SurveyParser surveys) {
        this.parser = parser;
        this.surveys = surveys;
    }

    @Override
    public IngestItem process(IngestItem item) {
        if (item instanceof IngestItem.Row r) {
            ValueAssembler assembler = assemblers.computeIfAbsent(r.submission().id(), k -> new ValueAssembler());
            return new IngestItem.Parsed(r.submission(), assembler.accept(parser.parse(r.row(), r.convention(), r.sheetTitle())));
        }
        if (item instanceof IngestItem.End end) {
            ValueAssembler assembler = assemblers.remove(end.submission().id());
            if (assembler != null && !end.refused()) {
                return new IngestItem.End(end.submission(), end.problems(), false, assembler.finish());
            }
        }
        if (item instanceof IngestItem.Survey s) {
            return new IngestItem.SurveyParsed(s.submission(), surveys.parse(s.row(), s.convention()));
        }
        return item;
    }
}
