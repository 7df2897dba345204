package id.pantauspm.job;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import id.pantauspm.catalogue.Level;
import id.pantauspm.evaluate.PeriodFigures;
import id.pantauspm.evaluate.ProvinceRollup;
import id.pantauspm.evaluate.RegionEvaluation;
import id.pantauspm.evaluate.SpmEvaluator;
import id.pantauspm.period.Period;
import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.ops.OperatorLog;
import id.pantauspm.progress.Counter;
import id.pantauspm.progress.Progress;
import id.pantauspm.store.ResultRepository;
import id.pantauspm.store.ValueRepository;

/**
 * Rebuilds every result from the active values, in one transaction, so the same values always give
 * the same results: each region's figures per period (quarters cumulative, years from quarters),
 * then each province's roll-up over its kabupaten/kota.
 */
class EvaluateTasklet implements Tasklet {

    private static final OperatorLog log = OperatorLog.of(EvaluateTasklet.class);

    private final ValueRepository values;
    private final ResultRepository results;
    private final SpmEvaluator evaluator;
    private final PeriodFigures figures;
    private final ProvinceRollup rollup;
    private final RegionDirectory regions;

    EvaluateTasklet(ValueRepository values, ResultRepository results, SpmEvaluator evaluator, PeriodFigures figures,
                    ProvinceRollup rollup, RegionDirectory regions) {
        this.values = values;
        this.results = results;
        this.evaluator = evaluator;
        this.figures = figures;
        this.rollup = rollup;
        this.regions = regions;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        results.clear();
        // province -> period -> the figures of its kabupaten/kota
        Map<String, Map<Period, List<Map<String, BigDecimal>>>> regencyFigures = new TreeMap<>();
        int[] evaluated = {0};
        Counter counted = Progress.counter("regions", values.activeRegionCount());
        values.forEachRegion((regionCode, byPeriodCode) -> {
            Region region = regions.find(regionCode).orElseThrow();
            Map<Period, Map<String, BigDecimal>> reported = new TreeMap<>();
            byPeriodCode.forEach((code, measured) -> reported.put(Period.parse(code).orElseThrow(), measured));
            for (PeriodFigures.Figure f : figures.assemble(reported)) {
                results.save(evaluator.evaluate(regionCode, region.isProvince() ? Level.PROVINSI : Level.KABKOTA, f.period(),
                        f.values(), RegionEvaluation.Scope.OWN, new RegionEvaluation.Basis(f.covered(), f.missing(), f.derived())));
                evaluated[0]++;
                if (!region.isProvince()) {
                    regencyFigures.computeIfAbsent(region.provinceCode(), k -> new TreeMap<>())
                            .computeIfAbsent(f.period(), k -> new ArrayList<>()).add(f.values());
                }
            }
            contribution.incrementWriteCount(1);
            counted.increment();
        });
        regencyFigures.forEach((province, byPeriod) -> byPeriod.forEach((period, regencies) -> {
            ProvinceRollup.Sums sums = rollup.sum(regencies);
            results.save(evaluator.evaluate(province, Level.KABKOTA, period, sums.values(), RegionEvaluation.Scope.ROLLUP,
                    RegionEvaluation.Basis.reported(period)), sums.regenciesIncluded());
        }));
        log.info("log.evaluate.done", evaluated[0],
                regencyFigures.values().stream().mapToInt(Map::size).sum());
        return RepeatStatus.FINISHED;
    }
}
