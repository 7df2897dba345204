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
     * Evaluates one region's own services for one period.
     *
     * @param values the reported numbers by full measure code; a measure absent from the map is missing
     */
    public RegionEvaluation evaluate(String regionCode, Level level, Period period, Map<String, BigDecimal> values) {
        return evaluate(regionCode, level, period, values, RegionEvaluation.Scope.OWN, RegionEvaluation.Basis.reported(period));
    }

    public RegionEvaluation evaluate(String regionCode, Level level, Period period, Map<String, BigDecimal> values,
                                     RegionEvaluation.Scope scope, RegionEvaluation.Basis basis) {
        RuleSet rules = catalogue.ruleSetFor(period.lastDay());
        String planRegion = scope == RegionEvaluation.Scope.OWN ? regionCode : null;
        List<ServiceResult> serviceResults = new ArrayList<>();
        List<FieldResult> fieldResults = new ArrayList<>();
        List<BigDecimal> fieldIndices = new ArrayList<>();
        List<IndicatorResult> indicators = new ArrayList<>();
        for (Field field : catalogue.fields()) {
            List<ServiceType> services = field.services().stream().filter(s -> s.level() == level).toList();
            if (services.isEmpty()) {
                continue;
            }
            List<ServiceResult> ofField = services.stream()
                    .map(s -> withPlan(evaluateService(s, rules, values), planRegion, period)).toList();
            services.forEach(s -> indicators.addAll(indicators(s, values, planRegion, period)));
            serviceResults.addAll(ofField);
            BigDecimal fieldIndex = aggregate(rules.fieldIndex(), ofField);
            if (fieldIndex != null) {
                fieldIndices.add(fieldIndex);
            }
            int computed = (int) ofField.stream().filter(r -> r.index() != null).count();
            fieldResults.add(new FieldResult(field.code(), round(fieldIndex), category(rules, fieldIndex), computed, ofField.size()));
        }
        BigDecimal regionIndex = mean(fieldIndices);
        return new RegionEvaluation(regionCode, period, scope, rules.version(), List.copyOf(serviceResults),
                List.copyOf(fieldResults), List.copyOf(indicators), round(regionIndex), category(rules, regionIndex), basis);
    }

    private ServiceResult withPlan(ServiceResult r, String region, Period period) {
        if (region == null) {
            return r;
        }
        BigDecimal plan = plans.target(region, Measure.code(r.serviceCode(), Indicator.RECIPIENT_ACHIEVEMENT), period).orElse(null);
        return plan == null ? r : new ServiceResult(r.serviceCode(), r.fieldCode(), r.targetPopulation(), r.served(),
                r.recipientAchievementUncapped(), r.recipientAchievement(), r.qualityAchievement(), r.mutuItemsReported(),
                r.index(), r.categoryCode(), r.status(), r.warnings(), plan);
    }

    /** Every indicator of a service, computed from its formula. */
    List<IndicatorResult> indicators(ServiceType service, Map<String, BigDecimal> values, String region, Period period) {
        List<IndicatorResult> results = new ArrayList<>();
        for (Indicator indicator : service.indicators()) {
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
        BigDecimal target = values.get(service.targetPopulationMeasure());
        BigDecimal served = values.get(service.servedMeasure());
        Set<ServiceResult.Warning> warnings = EnumSet.noneOf(ServiceResult.Warning.class);

        Quality quality = quality(service, values);
        if (target == null || served == null || (target.signum() == 0 && served.signum() > 0)) {
            return new ServiceResult(service.code(), service.fieldCode(), target, served, null, null,
                    round(quality.achievement), quality.items, null, null, ServiceResult.Status.NOT_COMPUTABLE, warnings, null);
        }
        if (target.signum() == 0) {
            return new ServiceResult(service.code(), service.fieldCode(), target, served, null, null,
                    round(quality.achievement), quality.items, null, null, ServiceResult.Status.NOTHING_TO_SERVE, warnings, null);
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
                ServiceResult.Status.COMPUTED, warnings, null);
    }

    private record Quality(BigDecimal achievement, int items) {
    }

    /** Mean over the reported mutu items of available / needed, each capped at 100. */
    private static Quality quality(ServiceType service, Map<String, BigDecimal> values) {
        List<BigDecimal> shares = new ArrayList<>();
        for (MutuItem item : service.mutu()) {
            BigDecimal needed = values.get(item.neededMeasure());
            BigDecimal available = values.get(item.availableMeasure());
            if (needed == null || available == null) {
                continue;
            }
            // Nothing needed: the item is met, whatever is available.
            shares.add(needed.signum() == 0 ? HUNDRED : available.multiply(HUNDRED).divide(needed, MC).min(HUNDRED));
        }
        return new Quality(mean(shares), shares.size());
    }

    private static BigDecimal aggregate(RuleSet.Aggregation method, List<ServiceResult> results) {
        List<ServiceResult> computed = results.stream().filter(r -> r.index() != null).toList();
        if (computed.isEmpty()) {
            return null;
        }
        if (method == RuleSet.Aggregation.WEIGHTED) {
            // Weighted by the people each service must reach: a service for many people counts more.
            BigDecimal weight = computed.stream().map(ServiceResult::targetPopulation).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal sum = computed.stream().map(r -> r.index().multiply(r.targetPopulation()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return sum.divide(weight, MC);
        }
        return mean(computed.stream().map(ServiceResult::index).toList());
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
