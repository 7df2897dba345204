package id.pantauspm.job;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import id.pantauspm.ingest.RowParser;
import id.pantauspm.ingest.SurveyParser;

/** Hands each row to its parser (values, or survey answers); the end-of-file marker passes through. */
class ParseRowProcessor implements ItemProcessor<IngestItem, IngestItem> {

    private final RowParser parser;
    private final SurveyParser surveys;

    ParseRowProcessor(RowParser parser, SurveyParser surveys) {
        this.parser = parser;
        this.surveys = surveys;
    }

    @Override
    public IngestItem process(IngestItem item) {
        if (item instanceof IngestItem.Row r) {
            return new IngestItem.Parsed(r.submission(), parser.parse(r.row(), r.convention(), r.sheetTitle()));
        }
        if (item instanceof IngestItem.Survey s) {
            return new IngestItem.SurveyParsed(s.submission(), surveys.parse(s.row(), s.convention()));
        }
        return item;
    }
}
