package id.pantauspm.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import id.pantauspm.catalogue.IkmRules;
import id.pantauspm.ikm.SurveyChecks;
import id.pantauspm.ingest.Problem;
import id.pantauspm.ingest.SurveyFindings;
import id.pantauspm.ingest.SurveyLine;
import id.pantauspm.store.Submission;
import id.pantauspm.store.SurveyRepository;
import id.pantauspm.store.ValueRepository;

/**
 * The survey side of the ingest writer: stores a chunk's checked survey rows, and at the end of a
 * survey file runs the whole-survey checks over what was stored (repeats, conflicts, gaps, the
 * sample), puts their findings in the receipt and leaves the repeats out of the count. It touches
 * only its own file's answers, so files read at once never wait on each other; the answers start to
 * count in the reconcile step ({@link id.pantauspm.store.NightReconciler}), where the file received
 * last wins per unit and period whichever partition finished first.
 */
class SurveyIngest {

    private static final id.pantauspm.ops.OperatorLog log = id.pantauspm.ops.OperatorLog.of(SurveyIngest.class);

    private final SurveyRepository surveys;
    private final ValueRepository values;
    private final IkmRules rules;

    SurveyIngest(SurveyRepository surveys, ValueRepository values, IkmRules rules) {
        this.surveys = surveys;
        this.values = values;
        this.rules = rules;
    }

    /** Stores the survey rows of one chunk (in the chunk's transaction). */
    void write(List<IngestItem.SurveyParsed> rows) {
        Map<Long, List<SurveyLine>> lines = new LinkedHashMap<>();
        Map<Long, List<Problem>> problems = new LinkedHashMap<>();
        for (IngestItem.SurveyParsed p : rows) {
            long id = p.submission().id();
            problems.computeIfAbsent(id, k -> new ArrayList<>()).addAll(p.parsed().problems());
            if (p.parsed().accepted()) {
                lines.computeIfAbsent(id, k -> new ArrayList<>()).add(p.parsed().line());
            }
        }
        lines.forEach(surveys::insert);
        problems.forEach(values::insertProblems);
    }

    /** At the end of a survey file that was not refused: the whole-survey checks (activation waits for reconcile). */
    void finish(Submission s) {
        if (!surveys.holds(s.id())) {
            return;
        }
        SurveyChecks.Outcome outcome = SurveyChecks.check(rules, surveys.lines(s.id()));
        values.insertProblems(s.id(), outcome.findings().stream().map(SurveyFindings::problem).toList());
        surveys.exclude(outcome.excluded());
        log.info("log.ingest.survey", s.fileName(),
                outcome.respondents().size(), outcome.excluded().size());
    }
}
