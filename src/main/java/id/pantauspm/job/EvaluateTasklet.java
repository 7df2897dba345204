package id.pantauspm.job;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import id.pantauspm.catalogue.Level;
import id.pantauspm.evaluate.PeriodFigures;
import id.pantauspm.evaluate.ProvinceRollup;
import id.pantauspm.evaluate.QualityFlags;
import id.pantauspm.evaluate.ReportingCalendar;
import id.pantauspm.evaluate.ResultDigest;
import id.pantauspm.evaluate.Trends;
import id.pantauspm.evaluate.RegionEvaluation;
import id.pantauspm.evaluate.SpmEvaluator;
import id.pantauspm.period.Period;
import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.ops.OperatorLog;
import id.pantauspm.progress.Counter;
import id.pantauspm.progress.Progress;
import id.pantauspm.store.EvaluationState;
import id.pantauspm.store.ResultRepository;
import id.pantauspm.store.SubmissionRepository;
import id.pantauspm.store.ValueRepository;

/**
 * Evaluates the regions whose active values changed since the last night (all of them when the
 * catalogue, the region list or the evaluation settings changed), and their province's and the
 * country's roll-ups: each region's figures per period (quarters year to date, years from their own
 * report or the year-end figure), then each province's roll-up over its kabupaten/kota and the
 * country's over every kabupaten/kota, each with its coverage.
 *
 * <p>Every region is still read and evaluated in memory, because the data-quality flags compare a
 * region with all others (a median) and the roll-ups sum them; of the changed regions and the roll-ups they enter,
 * only the region-periods whose result differs from the stored one (ResultDigest) are written, the replaced ones
 * going to the history tables, and only the periods where a kabupaten/kota's result changed get their ranks written
 * again. A new quarter thus writes that quarter and the year and semester it enters, not every period of every
 * year. A night with no value inserted or deleted since the last evaluation reads two indexed figures and writes
 * nothing; one whose new values changed no region's active set reads one count per region. The roll-ups are summed region
 * by region, so no step holds every region's figures of every period.
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
    private final EvaluationState state;
    private final java.util.function.Supplier<String> inputsKey;
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
                    ReportingCalendar calendar, EvaluationState state, java.util.function.Supplier<String> inputsKey) {
        this.flagFactor = flagFactor;
        this.calendar = calendar;
        this.submissions = submissions;
        this.values = values;
        this.results = results;
        this.evaluator = evaluator;
        this.figures = figures;
        this.rollup = rollup;
        this.regions = regions;
        this.state = state;
        this.inputsKey = inputsKey;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        String key = inputsKey.get();
        String mark = state.valuesMark();
        // everything again after a new catalogue, region list or program, or when stored results lack their
        // fingerprints (written before V72)
        boolean everything = !state.lastInputsKey().map(key::equals).orElse(false) || !results.digestsComplete();
        Map<String, String> before = state.evaluatedFingerprints();
        if (!everything && state.lastValuesMark().map(mark::equals).orElse(false)) {
            log.info("log.evaluate.unchanged", before.size()); // no value inserted or deleted since: no scan
            return RepeatStatus.FINISHED;
        }
        Map<String, String> current = state.currentFingerprints();
        Set<String> changed = new TreeSet<>();
        for (String region : union(current.keySet(), before.keySet())) {
            if (everything || !Objects.equals(current.get(region), before.get(region))) {
                changed.add(region);
            }
        }
        if (changed.isEmpty()) {
            state.stillReflects(mark);
            log.info("log.evaluate.unchanged", current.size());
            return RepeatStatus.FINISHED;
        }
        // the roll-ups a changed kabupaten/kota enters: its province's and the country's
        Set<String> provinces = new TreeSet<>();
        for (String code : changed) {
            regions.find(code).filter(r -> !r.isProvince()).ifPresent(r -> provinces.add(r.provinceCode()));
        }
        boolean national = everything || changed.stream().anyMatch(c -> regions.find(c).filter(r -> !r.isProvince()).isPresent());
        if (everything) {
            // a new catalogue, region list or program: every result is written again by this run
            regions.provinces().forEach(p -> provinces.add(p.code()));
            for (String code : changed) {
                results.replace(code, RegionEvaluation.Scope.OWN, runId);
            }
            for (String province : provinces) {
                results.replace(province, RegionEvaluation.Scope.ROLLUP, runId);
            }
            results.replace(RegionEvaluation.NATIONAL_CODE, RegionEvaluation.Scope.NATIONAL, runId);
        }
        results.clearFlagsAndArrivals();
        // what is stored, per region, scope and period; a region-period is written only where its result differs
        Map<String, Map<String, Map<String, String>>> stored = everything ? Map.of() : results.digests();
        Writes writes = new Writes(runId, stored);

        // province -> period -> the sums of its kabupaten/kota; and the same for the whole country
        Map<String, Map<Period, ProvinceRollup.Sums>> provinceSums = new TreeMap<>();
        Map<Period, ProvinceRollup.Sums> nationalSums = new TreeMap<>();
        // kabupaten/kota's own indices, to rank them among their province's and the country's
        List<RegionEvaluation> regencyResults = new ArrayList<>();
        QualityFlags flags = new QualityFlags(flagFactor);
        List<QualityFlags.Flag> notEvaluated = new ArrayList<>();
        int[] computed = {0};
        Counter counted = Progress.counter("regions", values.activeRegionCount());
        values.forEachRegion((regionCode, byPeriodCode) -> {
            Region region = regions.find(regionCode).orElseThrow();
            boolean write = changed.contains(regionCode);
            Map<Period, Map<String, PeriodFigures.Reported>> reported = new TreeMap<>();
            byPeriodCode.forEach((code, measured) -> reported.put(Period.parse(code).orElseThrow(), measured));
            Map<Period, RegionEvaluation> own = new TreeMap<>();
            for (PeriodFigures.Figure f : figures.assemble(reported)) {
                RegionEvaluation e;
                try {
                    RegionEvaluation figure = evaluator.evaluate(regionCode,
                            region.isProvince() ? Level.PROVINSI : Level.KABKOTA, f.period(), f.values(),
                            RegionEvaluation.Scope.OWN, new RegionEvaluation.Basis(f.covered(), f.missing(), f.derived(),
                                    f.unresolved()));
                    e = evaluator.againstEarlier(figure, years -> own.get(yearsBefore(f.period(), years)));
                } catch (RuntimeException | StackOverflowError fault) {
                    if (savepoint == null || !IngestFaults.isDataFault(fault)) {
                        throw fault;
                    }
                    notEvaluated.add(notEvaluated(regionCode, f.period(), fault));
                    continue;
                }
                own.put(f.period(), e);
                computed[0]++;
                flags.add(regionCode, f.findings());
                e.services().forEach(s -> flags.add(regionCode, region.population(), f.period(), s, f.origins()));
                if (!region.isProvince()) {
                    regencyResults.add(e); // every kabupaten/kota, changed or not: ranks are among all of them
                }
                if (!region.isProvince() && (national || provinces.contains(region.provinceCode()))) {
                    ProvinceRollup.Sums sums = rollup.sum(Level.KABKOTA, List.of(f.values()));
                    if (provinces.contains(region.provinceCode())) {
                        provinceSums.computeIfAbsent(region.provinceCode(), k -> new TreeMap<>())
                                .merge(f.period(), sums, ProvinceRollup::plus);
                    }
                    if (national) {
                        nationalSums.merge(f.period(), sums, ProvinceRollup::plus);
                    }
                }
            }
            if (write) {
                writes.region(regionCode, RegionEvaluation.Scope.OWN, own, notEvaluated);
                state.evaluated(regionCode, current.get(regionCode), runId);
                contribution.incrementWriteCount(1);
            }
            counted.increment();
        });
        for (String gone : changed) {
            if (!current.containsKey(gone)) {
                // no active values any more: its stored periods go to history
                writes.region(gone, RegionEvaluation.Scope.OWN, Map.of(), notEvaluated);
                state.evaluated(gone, null, runId);
            }
        }
        int ownWritten = writes.written;
        provinceSums.forEach((province, byPeriod) -> {
            Map<Period, RegionEvaluation> rolled = new TreeMap<>();
            byPeriod.forEach((period, sums) -> rolled.put(period, evaluator.againstEarlier(rollUp(province,
                    RegionEvaluation.Scope.ROLLUP, period, sums, regions.regenciesOf(province).size()),
                    years -> rolled.get(yearsBefore(period, years)))));
            writes.region(province, RegionEvaluation.Scope.ROLLUP, rolled, notEvaluated);
        });
        for (String province : provinces) {
            if (!provinceSums.containsKey(province)) { // none of its kabupaten/kota has values any more
                writes.region(province, RegionEvaluation.Scope.ROLLUP, Map.of(), notEvaluated);
            }
        }
        if (national) {
            int allRegencies = regions.provinces().stream().mapToInt(p -> regions.regenciesOf(p.code()).size()).sum();
            Map<Period, RegionEvaluation> country = new TreeMap<>();
            nationalSums.forEach((period, sums) -> country.put(period,
                    rollUp(RegionEvaluation.NATIONAL_CODE, RegionEvaluation.Scope.NATIONAL, period, sums, allRegencies)));
            writes.region(RegionEvaluation.NATIONAL_CODE, RegionEvaluation.Scope.NATIONAL, country, notEvaluated, false);
        }
        int rollups = writes.written - ownWritten;
        // a period's ranks change only when a kabupaten/kota's result of that period did
        Set<String> rankPeriods = everything ? null : writes.regencyPeriods;
        results.saveRanks(ranks(rankPeriods == null ? regencyResults
                : regencyResults.stream().filter(e -> rankPeriods.contains(e.period().code())).toList()), rankPeriods);
        List<QualityFlags.Flag> found = new ArrayList<>(flags.flags());
        found.addAll(notEvaluated);
        results.saveFlags(found);
        results.saveArrivals(submissions.arrivals().stream().filter(a -> Period.parse(a.periodCode()).isPresent())
                .map(a -> calendar.arrival(a.regionCode(), Period.parse(a.periodCode()).orElseThrow(), a.fieldCode(), a.first(),
                        a.last(), a.files())).toList());
        state.recordRun(runId, key, mark, changed.size(), rollups);
        log.info("log.evaluate.done", computed[0], provinceSums.values().stream().mapToInt(Map::size).sum(),
                nationalSums.size(), found.size());
        log.info("log.evaluate.written", writes.written, writes.unchanged);
        log.info("log.evaluate.changed", changed.size(), current.size());
        return RepeatStatus.FINISHED;
    }

    /**
     * Writes one region's results of one scope where they differ from what is stored (by {@link ResultDigest}): a
     * changed period's old rows go to the history tables, an unchanged period keeps its rows and the run that produced
     * them, a stored period no longer produced is removed. A region-period whose rows cannot be written (a figure too
     * large for its column, issue 10) is flagged NOT_EVALUATED and left without a result; the night goes on.
     */
    private final class Writes {
        private final long runId;
        private final Map<String, Map<String, Map<String, String>>> stored;
        /** periods in which a kabupaten/kota's own result was written or removed: their ranks are written again */
        private final Set<String> regencyPeriods = new TreeSet<>();
        private int written;
        private int unchanged;

        Writes(long runId, Map<String, Map<String, Map<String, String>>> stored) {
            this.runId = runId;
            this.stored = stored;
        }

        void region(String code, RegionEvaluation.Scope scope, Map<Period, RegionEvaluation> byPeriod,
                    List<QualityFlags.Flag> notEvaluated) {
            region(code, scope, byPeriod, notEvaluated, true);
        }

        void region(String code, RegionEvaluation.Scope scope, Map<Period, RegionEvaluation> byPeriod,
                    List<QualityFlags.Flag> notEvaluated, boolean withTrends) {
            Map<String, String> before = stored.getOrDefault(code, Map.of()).getOrDefault(scope.name(), Map.of());
            Map<Period, List<Trends.Trend>> trends = new java.util.HashMap<>();
            if (withTrends) {
                Trends.of(byPeriod).forEach(t -> trends.computeIfAbsent(t.period(), k -> new ArrayList<>()).add(t));
            }
            boolean regency = scope == RegionEvaluation.Scope.OWN
                    && regions.find(code).filter(r -> !r.isProvince()).isPresent();
            Set<String> produced = new java.util.HashSet<>();
            for (RegionEvaluation e : byPeriod.values()) {
                String period = e.period().code();
                produced.add(period);
                List<Trends.Trend> itsTrends = trends.getOrDefault(e.period(), List.of());
                String digest = ResultDigest.of(e, itsTrends);
                String was = before.get(period);
                if (digest.equals(was)) {
                    unchanged++;
                    continue;
                }
                try {
                    inSavepoint(() -> {
                        if (was != null) {
                            results.replacePeriod(code, scope, period, runId);
                        }
                        results.save(e, runId);
                        results.saveTrends(itsTrends, runId);
                        results.saveDigest(code, scope, period, digest, runId);
                        return null;
                    });
                    written++;
                } catch (RuntimeException | StackOverflowError fault) {
                    if (savepoint == null || !IngestFaults.isDataFault(fault)) {
                        throw fault;
                    }
                    notEvaluated.add(notEvaluated(code, e.period(), fault));
                    if (was != null) {
                        results.replacePeriod(code, scope, period, runId); // no stale result stays beside the flag
                    }
                }
                if (regency) {
                    regencyPeriods.add(period);
                }
            }
            for (String period : before.keySet()) {
                if (!produced.contains(period)) {
                    results.replacePeriod(code, scope, period, runId);
                    if (regency) {
                        regencyPeriods.add(period);
                    }
                }
            }
        }
    }

    private static QualityFlags.Flag notEvaluated(String regionCode, Period period, Throwable fault) {
        log.warn(fault, "log.evaluate.not_evaluated", regionCode, period.code(),
                fault.getClass().getSimpleName() + ": " + String.valueOf(fault.getMessage()).lines().findFirst().orElse(""));
        return new QualityFlags.Flag(regionCode, period.code(), null, null, "NOT_EVALUATED", null, null, null, null, null);
    }

    /** The same period n years earlier (TW3 2025 for TW3 2027 two years on). */
    private static Period yearsBefore(Period p, int years) {
        return new Period(p.year() - years, p.kind(), p.number());
    }

    /**
     * Kabupaten/kota ranked among those of their province and of the country, per period, by IP-SPM, by
     * each field index and each service index (evaluate.Ranking: equal indices share a rank).
     */
    private List<ResultRepository.RankRow> ranks(List<RegionEvaluation> regencies) {
        // (within, group, period, subject) -> region -> index
        Map<List<String>, Map<String, BigDecimal>> groups = new java.util.LinkedHashMap<>();
        for (RegionEvaluation e : regencies) {
            String province = regions.find(e.regionCode()).orElseThrow().provinceCode();
            for (String[] within : new String[][] {{"PROVINCE", province}, {"NATIONAL", RegionEvaluation.NATIONAL_CODE}}) {
                java.util.function.BiConsumer<String, BigDecimal> put = (subject, index) -> groups
                        .computeIfAbsent(List.of(within[0], within[1], e.period().code(), subject), k -> new java.util.HashMap<>())
                        .put(e.regionCode(), index);
                put.accept(id.pantauspm.evaluate.Trends.REGION, e.index());
                e.fields().forEach(f -> put.accept(f.fieldCode(), f.index()));
                e.services().forEach(s -> put.accept(s.serviceCode(), s.index()));
            }
        }
        List<ResultRepository.RankRow> rows = new ArrayList<>();
        groups.forEach((key, indices) -> id.pantauspm.evaluate.Ranking.competition(indices).forEach((region, place) ->
                rows.add(new ResultRepository.RankRow(region, key.get(2), key.get(3), key.get(0), place.rank(), place.of()))));
        return rows;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private <T> T inSavepoint(java.util.function.Supplier<T> work) {
        return savepoint == null ? work.get() : savepoint.execute(status -> work.get());
    }

    private RegionEvaluation rollUp(String code, RegionEvaluation.Scope scope, Period period, ProvinceRollup.Sums sums,
                                    int regionsTotal) {
        return evaluator.evaluate(code, Level.KABKOTA, period, sums.values(), scope, RegionEvaluation.Basis.reported(period),
                new SpmEvaluator.RollupCounts(regionsTotal, sums.regionsReporting(), sums.regenciesIncluded()));
    }
}
