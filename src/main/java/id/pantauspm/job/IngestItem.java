package id.pantauspm.job;

import java.util.List;

import id.pantauspm.ingest.DecimalConvention;
import id.pantauspm.ingest.ParsedRow;
import id.pantauspm.ingest.ParsedSurveyRow;
import id.pantauspm.ingest.SurveyRow;
import id.pantauspm.ingest.Problem;
import id.pantauspm.ingest.SourceRow;
import id.pantauspm.store.Submission;

/** What flows through the ingest step: rows of a submission, then the end of its file. */
sealed interface IngestItem {

    Submission submission();

    /** A data row as read, not yet checked, with the title text above its sheet's header. */
    record Row(Submission submission, SourceRow row, DecimalConvention convention, String sheetTitle) implements IngestItem {
    }

    /** A data row checked against the catalogue and the region list. */
    record Parsed(Submission submission, ParsedRow parsed) implements IngestItem {
    }

    /** A row of a community satisfaction survey (IKM) as read, not yet checked. */
    record Survey(Submission submission, SurveyRow row, DecimalConvention convention) implements IngestItem {
    }

    /** A survey row checked against the IKM rules and the region list. */
    record SurveyParsed(Submission submission, ParsedSurveyRow parsed) implements IngestItem {
    }

    /**
     * The file is read to its end, or refused as a whole. {@code totals}: the values a layout summed
     * from sub-region rows (with their lineage), known only at the end of the file.
     */
    record End(Submission submission, List<Problem> problems, boolean refused, List<ParsedRow> totals) implements IngestItem {

        End(Submission submission, List<Problem> problems, boolean refused) {
            this(submission, problems, refused, List.of());
        }
    }
}
