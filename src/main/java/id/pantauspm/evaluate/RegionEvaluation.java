package id.pantauspm.evaluate;

import java.math.BigDecimal;
import java.util.List;

import id.pantauspm.period.Period;

/** Everything evaluated for one region and period, with the rule version that produced it. */
public record RegionEvaluation(String regionCode, Period period, String ruleVersion, List<ServiceResult> services,
                               List<FieldResult> fields, BigDecimal index, String categoryCode) {
}
