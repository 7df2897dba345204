package id.pantauspm.evaluate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import id.pantauspm.catalogue.CategoryBand;
import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.Field;
import id.pantauspm.catalogue.Formula;
import id.pantauspm.catalogue.Indicator;
import id.pantauspm.catalogue.Measure;
import id.pantauspm.catalogue.RegionPlans;
import id.pantauspm.catalogue.Level;
import id.pantauspm.catalogue.MutuItem;
import id.pantauspm.catalogue.RuleSet;
import id.pantauspm.catalogue.ServiceType;
import id.pantauspm.period.Period;

/**
 * The maths of the SPM (spm-domain.md section 4), driven by the catalogue and a rule version.
 * Pure: values in, verdicts out.
 */
public final class SpmEvaluator {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Catalogue catalogue;
    private final RegionPlans plans;

    public SpmEvaluator(Catalogue catalogue) {
        this(catalogue, RegionPlans.none());
    }

    public SpmEvaluator(Catalogue catalogue, RegionPlans plans) {
        this.catalogue = catalogue;
        this.plans = plans;
    }

    /**
     * How many regions a roll-up sums, for its coverage and whether it may carry a category.
     *
     * @param regionsTotal     the regions it could sum (every kabupaten/kota of the province, or of the country)
     * @param regionsReporting of those, the ones that reported anything for the period
     * @param includedByService per service, the regions whose SASARAN and TERLAYANI are both in the sums
     */
    public record RollupCounts(int regionsTotal, int regionsReporting, Map<String, Integer> includedByService) {
    }

    /**
     * Evaluates one region's own services for one period.
     *
     * @param values the reported numbers by full measure code; a measure absent from the map is missing
     */
    public RegionEvaluation evaluate(String regionCode, Level level, Period period, Map<String, BigDecimal> values) {
        return evaluate(regionCode, level, period, values, RegionEvaluation.Scope.OWN, RegionEvaluation.Basis.reported(period));
    }

    public RegionEvaluation evaluate(String regionCode, Level level, Period period, Map<String, BigDecimal> values,
                                     RegionEvaluation.Scope scope, RegionEvaluation.Basis basis) {
        return evaluate(regionCode, level, period, values, scope, basis, null);
    }

    /**
     * Evaluates a region's own figure, or a roll-up's summed figure ({@code counts} not null): a
     * roll-up service, field or index below the rule version's {@code rollup_min_coverage} gets no
     * category, since a sum over a few regions does not stand for the many.
     */
    public RegionEvaluation evaluate(String regionCode, Level level, Period period, Map<String, BigDecimal> values,
                                     RegionEvaluation.Scope scope, RegionEvaluation.Basis basis, RollupCounts counts) {
        RuleSet rules = catalogue.ruleSetFor(period.lastDay());
        String planRegion = scope == RegionEvaluation.Scope.OWN ? regionCode : null;
        List<ServiceResult> serviceResults = new ArrayList<>();
        List<FieldResult> fieldResults = new ArrayList<>();
        List<BigDecimal> fieldIndices = new ArrayList<>();
        List<BigDecimal> provisionalIndices = new ArrayList<>();
        List<IndicatorResult> indicators = new ArrayList<>();
        List<MutuResult> mutu = new ArrayList<>();
        List<ServiceProgress> progress = new ArrayList<>();
        long pairsReported = 0;
        long pairsDue = 0;
        for (Field field : catalogue.fields()) {
            List<ServiceType> services = field.services().stream().filter(s -> s.level() == level).toList();
            if (services.isEmpty()) {
                continue;
            }
            List<ServiceResult> ofField = new ArrayList<>();
            long fieldPairsReported = 0;
            long fieldPairsDue = 0;
            for (ServiceType s : services) {
                ServiceResult r = evaluateService(s, rules, values, basis.unresolved()).withBudget(budget(s, values));
                mutu.addAll(mutuResults(s, rules, values));
                ServiceProgress p = progress(s, values);
                if (!p.isEmpty()) {
                    progress.add(p);
                }
                if (planRegion != null) {
                    r = withPlan(r, planRegion, period);
                }
                if (counts != null) {
                    int included = counts.includedByService().getOrDefault(s.code(), 0);
                    boolean enough = covers(rules, included, counts.regionsTotal());
                    r = r.inRollup(included, counts.regionsTotal(), enough ? r.categoryCode() : null,
                            enough || r.index() == null ? Set.of() : Set.of(ServiceResult.Warning.COVERAGE_BELOW_MINIMUM));
                    if (r.due()) {
                        fieldPairsReported += included;
                        fieldPairsDue += counts.regionsTotal();
                    }
                }
                ofField.add(r);
            }
            services.forEach(s -> indicators.addAll(indicators(s, rules, values, planRegion, period)));
            serviceResults.addAll(ofField);
            BigDecimal fieldIndex = aggregate(rules, ofField, true);
            BigDecimal provisional = aggregate(rules, ofField, false);
            if (fieldIndex != null) {
                fieldIndices.add(fieldIndex);
            }
            if (provisional != null) {
                provisionalIndices.add(provisional);
            }
            int computed = (int) ofField.stream().filter(r -> r.index() != null).count();
            int due = (int) ofField.stream().filter(ServiceResult::due).count();
            BigDecimal fieldCoverage = counts == null ? null : percent(fieldPairsReported, fieldPairsDue);
            String category = fieldCoverage == null || covers(rules, fieldCoverage) ? category(rules, fieldIndex) : null;
            fieldResults.add(new FieldResult(field.code(), round(fieldIndex), category, computed, ofField.size(), due,
                    round(provisional), fieldCoverage));
            pairsReported += fieldPairsReported;
            pairsDue += fieldPairsDue;
        }
        BigDecimal regionIndex = mean(fieldIndices);
        BigDecimal coverage = counts == null ? null : percent(pairsReported, pairsDue);
        String category = coverage == null || covers(rules, coverage) ? category(rules, regionIndex) : null;
        int computed = (int) serviceResults.stream().filter(r -> r.index() != null).count();
        int due = (int) serviceResults.stream().filter(ServiceResult::due).count();
        return new RegionEvaluation(regionCode, period, scope, rules.version(), List.copyOf(serviceResults),
                List.copyOf(fieldResults), List.copyOf(indicators), round(regionIndex), category,
                round(mean(provisionalIndices)), computed, due, coverage,
                counts == null ? 0 : counts.regionsReporting(), counts == null ? 0 : counts.regionsTotal(), basis,
                budgetTotal(serviceResults), List.copyOf(mutu), List.copyOf(progress), stillToServe(serviceResults),
                weakest(serviceResults));
    }

    /** The stages' progress and the achievement an office reported itself, as reported (never computed). */
    private static ServiceProgress progress(ServiceType s, Map<String, BigDecimal> values) {
        return new ServiceProgress(s.code(), values.get(Measure.code(s.code(), "TAHAP1_PENGUMPULAN_DATA")),
                values.get(Measure.code(s.code(), "TAHAP2_PENGHITUNGAN_KEBUTUHAN")),
                values.get(Measure.code(s.code(), "TAHAP3_PENYUSUNAN_RENCANA")),
                values.get(Measure.code(s.code(), "TAHAP4_PELAKSANAAN")),
                values.get(Measure.code(s.code(), Measure.REPORTED_ACHIEVEMENT)));
    }

    /** People still to serve over the services with both counts; null when no service has them. */
    static BigDecimal stillToServe(List<ServiceResult> services) {
        List<BigDecimal> known = services.stream().map(ServiceResult::stillToServe).filter(Objects::nonNull).toList();
        return known.isEmpty() ? null : known.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The services furthest from the standard: an index below 100, lowest first; on equal indices the one
     * with more people still to serve first, then the catalogue's order. A service that meets the standard
     * in full needs no attention and is never named.
     */
    static List<String> weakest(List<ServiceResult> services) {
        List<ServiceResult> candidates = services.stream()
                .filter(s -> s.index() != null && s.index().compareTo(HUNDRED) < 0).toList();
        return candidates.stream()
                .sorted(java.util.Comparator.comparing(ServiceResult::index)
                        .thenComparing(ServiceResult::stillToServe, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
                        .thenComparing(candidates::indexOf))
                .limit(RegionEvaluation.WEAKEST).map(ServiceResult::serviceCode).toList();
    }

    private static boolean covers(RuleSet rules, int included, int total) {
        return total > 0 && covers(rules, percent(included, total));
    }

    private static boolean covers(RuleSet rules, BigDecimal coverage) {
        return coverage != null && coverage.compareTo(rules.coverage().rollupMinCoverage()) >= 0;
    }

    /** part / whole x 100 rounded to two decimals; null over nothing. */
    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private ServiceResult withPlan(ServiceResult r, String region, Period period) {
        BigDecimal plan = plans.target(region, Measure.code(r.serviceCode(), Indicator.RECIPIENT_ACHIEVEMENT), period).orElse(null);
        return plan == null ? r : r.withPlan(plan);
    }

    /**
     * Every indicator of a service in force under the rule version, computed from its formula. An indicator
     * whose target is to improve on an earlier year gets that year's value as its target from
     * {@link #againstEarlier}; until then its target is null.
     */
    List<IndicatorResult> indicators(ServiceType service, RuleSet rules, Map<String, BigDecimal> values, String region,
                                     Period period) {
        List<IndicatorResult> results = new ArrayList<>();
        for (Indicator indicator : service.indicatorsIn(rules.version())) {
            BigDecimal plan = region == null ? null : plans.target(region, indicator.code(), period).orElse(null);
            results.add(new IndicatorResult(indicator.code(), service.code(), round(compute(indicator.formula(), values)),
                    indicator.target(), plan));
        }
        return results;
    }

    static BigDecimal compute(Formula formula, Map<String, BigDecimal> values) {
        if (formula instanceof Formula.Ratio r) {
            BigDecimal num = values.get(r.numerator());
            BigDecimal den = values.get(r.denominator());
            return num == null || den == null || den.signum() == 0 ? null : num.multiply(r.factor()).divide(den, MC);
        }
        if (formula instanceof Formula.Sum s) {
            BigDecimal total = BigDecimal.ZERO;
            for (String code : s.of()) {
                BigDecimal v = values.get(code);
                if (v == null) {
                    return null; // a sum with a part missing is missing, never understated
                }
                total = total.add(v);
            }
            return total;
        }
        return values.get(((Formula.Direct) formula).of());
    }

    ServiceResult evaluateService(ServiceType service, RuleSet rules, Map<String, BigDecimal> values) {
        return evaluateService(service, rules, values, java.util.Set.of());
    }

    /** @param unresolved measures reported but not usable: a service with one of them is incomplete, not unreported */
    ServiceResult evaluateService(ServiceType service, RuleSet rules, Map<String, BigDecimal> values,
                                  java.util.Set<String> unresolved) {
        BigDecimal target = values.get(service.targetPopulationMeasure());
        BigDecimal served = values.get(service.servedMeasure());
        Set<ServiceResult.Warning> warnings = EnumSet.noneOf(ServiceResult.Warning.class);

        Quality quality = quality(service, rules, values);
        if (target == null && served == null && !unresolved.contains(service.targetPopulationMeasure())
                && !unresolved.contains(service.servedMeasure())) {
            return new ServiceResult(service.code(), service.fieldCode(), null, null, null, null,
                    round(quality.achievement), quality.items, null, null, ServiceResult.Status.NOT_REPORTED, warnings, null,
                    null, null, ServiceResult.Budget.NONE);
        }
        if (target == null || served == null || (target.signum() == 0 && served.signum() > 0)) {
            return new ServiceResult(service.code(), service.fieldCode(), target, served, null, null,
                    round(quality.achievement), quality.items, null, null, ServiceResult.Status.NOT_COMPUTABLE, warnings, null,
                    null, null, ServiceResult.Budget.NONE);
        }
        if (target.signum() == 0) {
            return new ServiceResult(service.code(), service.fieldCode(), target, served, null, null,
                    round(quality.achievement), quality.items, null, null, ServiceResult.Status.NOTHING_TO_SERVE, warnings, null,
                    null, null, ServiceResult.Budget.NONE);
        }
        BigDecimal uncapped = served.multiply(HUNDRED).divide(target, MC);
        if (uncapped.compareTo(HUNDRED) > 0) {
            warnings.add(ServiceResult.Warning.SERVED_ABOVE_TARGET);
        }
        BigDecimal recipients = uncapped.min(HUNDRED);
        BigDecimal index;
        if (quality.achievement == null) {
            warnings.add(ServiceResult.Warning.INDEX_WITHOUT_QUALITY);
            index = recipients;
        } else {
            RuleSet.Weights w = rules.weightsFor(service.fieldCode());
            index = recipients.multiply(w.recipients()).add(quality.achievement.multiply(w.quality()))
                    .divide(HUNDRED, MC);
        }
        return new ServiceResult(service.code(), service.fieldCode(), target, served, round(uncapped), round(recipients),
                round(quality.achievement), quality.items, round(index), category(rules, index),
                ServiceResult.Status.COMPUTED, warnings, null, null, null, ServiceResult.Budget.NONE);
    }

    /** The service's rupiah as the figure holds them (planned: the latest this year; spent: year to date). */
    private static ServiceResult.Budget budget(ServiceType s, Map<String, BigDecimal> values) {
        BigDecimal planned = values.get(Measure.code(s.code(), Measure.BUDGET_PLANNED));
        BigDecimal spent = values.get(Measure.code(s.code(), Measure.BUDGET_SPENT));
        return planned == null && spent == null ? ServiceResult.Budget.NONE : new ServiceResult.Budget(planned, spent, share(spent, planned));
    }

    /** Sums over the services that reported both amounts: a total of only one side would mislead. */
    private static ServiceResult.Budget budgetTotal(List<ServiceResult> services) {
        List<ServiceResult.Budget> both = services.stream().map(ServiceResult::budget)
                .filter(b -> b.planned() != null && b.spent() != null).toList();
        if (both.isEmpty()) {
            return ServiceResult.Budget.NONE;
        }
        BigDecimal planned = both.stream().map(ServiceResult.Budget::planned).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal spent = both.stream().map(ServiceResult.Budget::spent).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ServiceResult.Budget(planned, spent, share(spent, planned));
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return part == null || whole == null || whole.signum() == 0 ? null : round(part.multiply(HUNDRED).divide(whole, MC));
    }

    /** Each mutu item of the rule version reported with both needed and available: what is still lacking. */
    private static List<MutuResult> mutuResults(ServiceType service, RuleSet rules, Map<String, BigDecimal> values) {
        List<MutuResult> out = new ArrayList<>();
        for (MutuItem item : service.mutuIn(rules.version())) {
            BigDecimal needed = values.get(item.neededMeasure());
            BigDecimal available = values.get(item.availableMeasure());
            if (needed != null && available != null) {
                out.add(new MutuResult(service.code(), item.code(), needed, available,
                        needed.subtract(available).max(BigDecimal.ZERO), round(met(needed, available))));
            }
        }
        return out;
    }

    /** available / needed x 100, capped at 100; an item nobody needs is met. */
    private static BigDecimal met(BigDecimal needed, BigDecimal available) {
        return needed.signum() == 0 ? HUNDRED : available.multiply(HUNDRED).divide(needed, MC).min(HUNDRED);
    }

    private record Quality(BigDecimal achievement, int items) {
    }

    /**
     * The quality achievement by the rule version's method for the service's field (rules.yaml {@code quality}):
     * ITEM_MEAN, the mean over the reported mutu items of the version of available / needed, each capped at
     * 100; POOLED, their summed available over summed needed, capped at 100; REPORTED, the mean of the
     * quality-indicator percentages the service reported (Rapor Pendidikan), each capped at 100.
     */
    private static Quality quality(ServiceType service, RuleSet rules, Map<String, BigDecimal> values) {
        RuleSet.QualityMethod method = rules.qualityFor(service.fieldCode());
        List<BigDecimal> shares = new ArrayList<>();
        if (method == RuleSet.QualityMethod.REPORTED) {
            for (String code : service.qualityIndicators()) {
                BigDecimal pct = values.get(code);
                if (pct != null && catalogueInForce(service, code, rules)) {
                    shares.add(pct.max(BigDecimal.ZERO).min(HUNDRED));
                }
            }
            return new Quality(mean(shares), shares.size());
        }
        BigDecimal neededSum = BigDecimal.ZERO;
        BigDecimal availableSum = BigDecimal.ZERO;
        for (MutuItem item : service.mutuIn(rules.version())) {
            BigDecimal needed = values.get(item.neededMeasure());
            BigDecimal available = values.get(item.availableMeasure());
            if (needed == null || available == null) {
                continue;
            }
            shares.add(met(needed, available));
            neededSum = neededSum.add(needed);
            availableSum = availableSum.add(available);
        }
        if (method == RuleSet.QualityMethod.POOLED && !shares.isEmpty()) {
            return new Quality(met(neededSum, availableSum), shares.size());
        }
        return new Quality(mean(shares), shares.size());
    }

    private static boolean catalogueInForce(ServiceType service, String measureCode, RuleSet rules) {
        return service.measures().stream().filter(m -> m.code().equals(measureCode)).findFirst()
                .map(m -> m.inForce().in(rules.version())).orElse(false);
    }

    /**
     * The evaluation with its comparative targets filled in: an indicator that must improve on the same
     * period n years before (education's literacy and numeracy) gets that period's value as its target.
     * Without the earlier evaluation, or without a value in it, the target stays null (not known).
     *
     * @param earlierByYears the region's evaluations of the same kind of period, by how many years earlier
     */
    public RegionEvaluation againstEarlier(RegionEvaluation e, java.util.function.IntFunction<RegionEvaluation> earlierByYears) {
        boolean any = false;
        List<IndicatorResult> out = new ArrayList<>();
        for (IndicatorResult r : e.indicators()) {
            Indicator indicator = catalogue.service(r.serviceCode()).flatMap(s -> s.indicators().stream()
                    .filter(i -> i.code().equals(r.indicatorCode())).findFirst()).orElse(null);
            if (indicator == null || !indicator.comparative()) {
                out.add(r);
                continue;
            }
            RegionEvaluation earlier = earlierByYears.apply(indicator.improvesOnYearsBefore());
            BigDecimal before = earlier == null ? null : earlier.indicators().stream()
                    .filter(x -> x.indicatorCode().equals(r.indicatorCode())).map(IndicatorResult::value)
                    .filter(Objects::nonNull).findFirst().orElse(null);
            out.add(new IndicatorResult(r.indicatorCode(), r.serviceCode(), r.value(), before, r.planTarget()));
            any |= before != null;
        }
        return any ? e.withIndicators(List.copyOf(out)) : e;
    }

    /**
     * A field's index over its services. Official ({@code official} true, rule ZERO): every due service
     * counts, one without an index as 0, so a partial report never scores above a complete one.
     * Provisional, or rule EXCLUDED: the computed services only. Null when no service counts.
     */
    private static BigDecimal aggregate(RuleSet rules, List<ServiceResult> results, boolean official) {
        boolean countMissing = official && rules.coverage().unreportedService() == RuleSet.UnreportedService.ZERO;
        List<ServiceResult> counted = results.stream()
                .filter(r -> r.index() != null || (countMissing && r.due())).toList();
        if (counted.isEmpty()) {
            return null;
        }
        if (rules.fieldIndex() == RuleSet.Aggregation.WEIGHTED) {
            // Weighted by the people each service must reach. A service without a target population
            // weighs as much as the average known one, so leaving it out cannot raise the index.
            List<BigDecimal> known = counted.stream().map(ServiceResult::targetPopulation).filter(Objects::nonNull).toList();
            BigDecimal fallback = known.isEmpty() ? BigDecimal.ONE : mean(known);
            BigDecimal weight = BigDecimal.ZERO;
            BigDecimal sum = BigDecimal.ZERO;
            for (ServiceResult r : counted) {
                BigDecimal w = r.targetPopulation() == null ? fallback : r.targetPopulation();
                weight = weight.add(w);
                sum = sum.add(w.multiply(r.index() == null ? BigDecimal.ZERO : r.index()));
            }
            return weight.signum() == 0 ? null : sum.divide(weight, MC);
        }
        return mean(counted.stream().map(r -> r.index() == null ? BigDecimal.ZERO : r.index()).toList());
    }

    private static BigDecimal mean(List<BigDecimal> xs) {
        List<BigDecimal> present = xs.stream().filter(Objects::nonNull).toList();
        if (present.isEmpty()) {
            return null;
        }
        return present.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(present.size()), MC);
    }

    private static String category(RuleSet rules, BigDecimal index) {
        return index == null ? null : rules.categoryOf(index).map(CategoryBand::code).orElse(null);
    }

    private static BigDecimal round(BigDecimal x) {
        return x == null ? null : x.setScale(2, RoundingMode.HALF_UP);
    }
}
