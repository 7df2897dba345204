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
import id.pantauspm.evaluate.QualityFlags;
import id.pantauspm.evaluate.ReportingCalendar;
import id.pantauspm.evaluate.Trends;
import id.pantauspm.evaluate.RegionEvaluation;
import id.pantauspm.evaluate.SpmEvaluator;
import id.pantauspm.period.Period;
import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.ops.OperatorLog;
import id.pantauspm.progress.Counter;
import id.pantauspm.progress.Progress;
import id.pantauspm.store.ResultRepository;
import id.pantauspm.store.SubmissionRepository;
import id.pantauspm.store.ValueRepository;

/**
 * Rebuilds every result from the active values, in one transaction, so the same values always give
 * the same results: each region's figures per period (quarters year to date, years from their own
 * report or the year-end figure), then each province's roll-up over its kabupaten/kota and the
 * country's over every kabupaten/kota, each with its coverage.
 */
class EvaluateTasklet implements Tasklet {

    private static final OperatorLog log = OperatorLog.of(EvaluateTasklet.class);

    private final ValueRepository values;
    private final ResultRepository results;
    private final SpmEvaluator evaluator;
    private final PeriodFigures figures;
    private final ProvinceRollup rollup;
    private final RegionDirectory regions;
    private final java.math.BigDecimal flagFactor;
    private final ReportingCalendar calendar;
    private final SubmissionRepository submissions;
    private org.springframework.transaction.support.TransactionTemplate savepoint;

    /**
     * Each region's figure is evaluated and saved under a savepoint, so a figure that still breaks a computation or a
     * write on what an office sent (issue 10) undoes only itself: it is flagged NOT_EVALUATED for the data-quality
     * page and the office's receipt, and the night goes on. Faults of the database or the machine still stop the run.
     */
    EvaluateTasklet withSavepoints(org.springframework.transaction.PlatformTransactionManager tx) {
        this.savepoint = new org.springframework.transaction.support.TransactionTemplate(tx);
        this.savepoint.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        return this;
    }

    EvaluateTasklet(ValueRepository values, ResultRepository results, SubmissionRepository submissions, SpmEvaluator evaluator,
                    PeriodFigures figures, ProvinceRollup rollup, RegionDirectory regions, java.math.BigDecimal flagFactor,
                    ReportingCalendar calendar) {
        this.flagFactor = flagFactor;
        this.calendar = calendar;
        this.submissions = submissions;
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
        // province -> period -> the figures of its kabupaten/kota; and the same for the whole country
        Map<String, Map<Period, List<Map<String, BigDecimal>>>> regencyFigures = new TreeMap<>();
        Map<Period, List<Map<String, BigDecimal>>> nationalFigures = new TreeMap<>();
        int[] evaluated = {0};
        QualityFlags flags = new QualityFlags(flagFactor);
        List<QualityFlags.Flag> notEvaluated = new ArrayList<>();
        Counter counted = Progress.counter("regions", values.activeRegionCount());
        values.forEachRegion((regionCode, byPeriodCode) -> {
            Region region = regions.find(regionCode).orElseThrow();
            Map<Period, Map<String, PeriodFigures.Reported>> reported = new TreeMap<>();
            byPeriodCode.forEach((code, measured) -> reported.put(Period.parse(code).orElseThrow(), measured));
            Map<Period, RegionEvaluation> own = new TreeMap<>();
            for (PeriodFigures.Figure f : figures.assemble(reported)) {
                RegionEvaluation e;
                try {
                    e = inSavepoint(() -> {
                        RegionEvaluation figure = evaluator.evaluate(regionCode,
                                region.isProvince() ? Level.PROVINSI : Level.KABKOTA, f.period(), f.values(),
                                RegionEvaluation.Scope.OWN, new RegionEvaluation.Basis(f.covered(), f.missing(), f.derived(),
                                        f.unresolved()));
                        results.save(figure);
                        return figure;
                    });
                } catch (RuntimeException | StackOverflowError fault) {
                    if (savepoint == null || !IngestFaults.isDataFault(fault)) {
                        throw fault;
                    }
                    log.warn(fault, "log.evaluate.not_evaluated", regionCode, f.period().code(),
                            fault.getClass().getSimpleName() + ": " + String.valueOf(fault.getMessage()).lines().findFirst().orElse(""));
                    notEvaluated.add(new QualityFlags.Flag(regionCode, f.period().code(), null, null, "NOT_EVALUATED", null,
                            null, null, null, null));
                    continue;
                }
                own.put(f.period(), e);
                flags.add(regionCode, f.findings());
                e.services().forEach(s -> flags.add(regionCode, region.population(), f.period(), s, f.origins()));
                evaluated[0]++;
                if (!region.isProvince()) {
                    regencyFigures.computeIfAbsent(region.provinceCode(), k -> new TreeMap<>())
                            .computeIfAbsent(f.period(), k -> new ArrayList<>()).add(f.values());
                    nationalFigures.computeIfAbsent(f.period(), k -> new ArrayList<>()).add(f.values());
                }
            }
            results.saveTrends(Trends.of(own));
            contribution.incrementWriteCount(1);
            counted.increment();
        });
        regencyFigures.forEach((province, byPeriod) -> {
            Map<Period, RegionEvaluation> rolled = new TreeMap<>();
            byPeriod.forEach((period, regencies) -> {
                RegionEvaluation e = rollUp(province, RegionEvaluation.Scope.ROLLUP, period, regencies,
                        regions.regenciesOf(province).size());
                results.save(e);
                rolled.put(period, e);
            });
            results.saveTrends(Trends.of(rolled));
        });
        int allRegencies = regions.provinces().stream().mapToInt(p -> regions.regenciesOf(p.code()).size()).sum();
        nationalFigures.forEach((period, regencies) -> results.save(rollUp(RegionEvaluation.NATIONAL_CODE,
                RegionEvaluation.Scope.NATIONAL, period, regencies, allRegencies)));
        List<QualityFlags.Flag> found = new ArrayList<>(flags.flags());
        found.addAll(notEvaluated);
        results.saveFlags(found);
        results.saveArrivals(submissions.arrivals().stream().filter(a -> Period.parse(a.periodCode()).isPresent())
                .map(a -> calendar.arrival(a.regionCode(), Period.parse(a.periodCode()).orElseThrow(), a.fieldCode(), a.first(),
                        a.last(), a.files())).toList());
        log.info("log.evaluate.done", evaluated[0], regencyFigures.values().stream().mapToInt(Map::size).sum(),
                nationalFigures.size(), found.size());
        return RepeatStatus.FINISHED;
    }

    private <T> T inSavepoint(java.util.function.Supplier<T> work) {
        return savepoint == null ? work.get() : savepoint.execute(status -> work.get());
    }

    private RegionEvaluation rollUp(String code, RegionEvaluation.Scope scope, Period period,
                                    List<Map<String, BigDecimal>> regencies, int regionsTotal) {
        ProvinceRollup.Sums sums = rollup.sum(Level.KABKOTA, regencies);
        return evaluator.evaluate(code, Level.KABKOTA, period, sums.values(), scope, RegionEvaluation.Basis.reported(period),
                new SpmEvaluator.RollupCounts(regionsTotal, sums.regionsReporting(), sums.regenciesIncluded()));
    }
}
