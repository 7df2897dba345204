package id.pantauspm.evaluate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.pantauspm.period.Period;

/**
 * How an index moved against the periods it may be compared with (spm-domain.md, Periods): the
 * previous period of the same kind in the same year, since year-to-date figures only compare within
 * their year (a TW1 is not held against last year's full TW4), and the same period a year before.
 * A trend exists only where both figures do.
 */
public final class Trends {

    /** The region's index (IP-SPM for its own figure) as a trend's subject. */
    public static final String REGION = "REGION";

    /**
     * @param subject         {@link #REGION}, a field code or a service code
     * @param comparedPeriod  the earlier period
     * @param earlier         its index
     * @param change          this index minus the earlier one, in points (indices are compared as stored, two decimals)
     */
    public record Trend(String regionCode, Period period, RegionEvaluation.Scope scope, String subject, Period comparedPeriod,
                        BigDecimal earlier, BigDecimal change) {
    }

    private Trends() {
    }

    /** The periods a figure of {@code p} is compared with, the closer first. */
    public static List<Period> comparable(Period p) {
        List<Period> out = new ArrayList<>();
        if (p.kind() != Period.Kind.YEAR && p.number() > 1) {
            out.add(new Period(p.year(), p.kind(), p.number() - 1));
        }
        out.add(new Period(p.year() - 1, p.kind(), p.number()));
        return out;
    }

    /** Every trend of one region and scope, given its evaluations by period. */
    public static List<Trend> of(Map<Period, RegionEvaluation> byPeriod) {
        List<Trend> trends = new ArrayList<>();
        for (RegionEvaluation now : byPeriod.values()) {
            for (Period p : comparable(now.period())) {
                RegionEvaluation before = byPeriod.get(p);
                if (before == null) {
                    continue;
                }
                add(trends, now, REGION, now.index(), p, before.index());
                for (FieldResult f : now.fields()) {
                    before.fields().stream().filter(b -> b.fieldCode().equals(f.fieldCode())).findFirst()
                            .ifPresent(b -> add(trends, now, f.fieldCode(), f.index(), p, b.index()));
                }
                for (ServiceResult s : now.services()) {
                    before.services().stream().filter(b -> b.serviceCode().equals(s.serviceCode())).findFirst()
                            .ifPresent(b -> add(trends, now, s.serviceCode(), s.index(), p, b.index()));
                }
            }
        }
        return trends;
    }

    private static void add(List<Trend> trends, RegionEvaluation now, String subject, BigDecimal index, Period compared,
                            BigDecimal earlier) {
        if (index != null && earlier != null) {
            trends.add(new Trend(now.regionCode(), now.period(), now.scope(), subject, compared, earlier,
                    index.subtract(earlier)));
        }
    }
}
