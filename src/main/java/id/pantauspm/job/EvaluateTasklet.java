package id.pantauspm.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import id.pantauspm.catalogue.Level;
import id.pantauspm.evaluate.RegionEvaluation;
import id.pantauspm.evaluate.SpmEvaluator;
import id.pantauspm.period.Period;
import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.store.ResultRepository;
import id.pantauspm.store.ValueRepository;

/** Rebuilds every result from the active values, in one transaction: the same values give the same results. */
class EvaluateTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(EvaluateTasklet.class);

    private final ValueRepository values;
    private final ResultRepository results;
    private final SpmEvaluator evaluator;
    private final RegionDirectory regions;

    EvaluateTasklet(ValueRepository values, ResultRepository results, SpmEvaluator evaluator, RegionDirectory regions) {
        this.values = values;
        this.results = results;
        this.evaluator = evaluator;
        this.regions = regions;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        results.clear();
        int[] evaluated = {0};
        values.forEachRegionPeriod((regionCode, periodCode, measured) -> {
            Region region = regions.find(regionCode).orElseThrow();
            Period period = Period.parse(periodCode).orElseThrow();
            RegionEvaluation e = evaluator.evaluate(regionCode, region.isProvince() ? Level.PROVINSI : Level.KABKOTA,
                    period, measured);
            results.save(e);
            evaluated[0]++;
            contribution.incrementWriteCount(1);
        });
        log.info("evaluate: {} region-period(s) evaluated", evaluated[0]);
        return RepeatStatus.FINISHED;
    }
}
