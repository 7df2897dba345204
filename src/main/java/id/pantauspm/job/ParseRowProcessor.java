package id.pantauspm.job;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import id.pantauspm.ingest.RowParser;

/** Hands each row to the parser; the end-of-file marker passes through. */
class ParseRowProcessor implements ItemProcessor<IngestItem, IngestItem> {

    private final RowParser parser;

    ParseRowProcessor(RowParser parser) {
        this.parser = parser;
    }

    @Override
    public IngestItem process(IngestItem item) {
        if (item instanceof IngestItem.Row r) {
            return new IngestItem.Parsed(r.submission(), parser.parse(r.row(), r.convention(), r.sheetTitle()));
        }
        return item;
    }
}
