package id.pantauspm.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import id.pantauspm.catalogue.IkmRules;
import id.pantauspm.ikm.UnitIkm;
import id.pantauspm.store.IkmResultRepository;
import id.pantauspm.store.SurveyRepository;

/**
 * Rebuilds every IKM result from the active survey answers, in one transaction: each unit's IKM
 * per period under the regime its survey follows, its sample against the Krejcie-Morgan minimum,
 * and its change against the unit's previous comparable survey.
 */
class IkmEvaluateTasklet implements Tasklet {

    private static final id.pantauspm.ops.OperatorLog log = id.pantauspm.ops.OperatorLog.of(IkmEvaluateTasklet.class);

    private final SurveyRepository surveys;
    private final IkmResultRepository results;
    private final IkmRules rules;

    IkmEvaluateTasklet(SurveyRepository surveys, IkmResultRepository results, IkmRules rules) {
        this.surveys = surveys;
        this.results = results;
        this.rules = rules;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        results.clear();
        List<UnitIkm> units = new ArrayList<>();
        for (SurveyRepository.UnitSurvey s : surveys.activeSurveys()) {
            units.add(UnitIkm.of(s.regionCode(), s.unitKey(), s.unitName(), s.periodCode(),
                    rules.regime(s.regime()).orElseThrow(() -> new IllegalStateException("IKM regime " + s.regime()
                            + " is no longer in indicators/ikm.yaml; stored answers of " + s.unitName() + " need it")),
                    s.responses(), s.population(), s.excludedAnswers(), s.submissionId(), rules.sampleSize()));
        }
        for (UnitIkm u : UnitIkm.withTrends(units)) {
            results.save(u, rules.version());
            contribution.incrementWriteCount(1);
        }
        log.info("log.ikm.done", units.size());
        return RepeatStatus.FINISHED;
    }
}
