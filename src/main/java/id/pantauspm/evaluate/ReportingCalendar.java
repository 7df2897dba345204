package id.pantauspm.evaluate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import id.pantauspm.period.Period;

/**
 * When a period's report is due and whether what arrived was on time (Permendagri 59/2021 Pasal 24
 * and practice): a quarter (or semester, month) on the configured day of the month after it (the
 * 20th by default, pantau.deadline-day); a year with the LPPD, three months after it ends.
 */
public final class ReportingCalendar {

    /**
     * A region's data for one period and field, as it arrived.
     *
     * @param onTime the last file came on or before the deadline (a correction after it makes the field late)
     */
    public record Arrival(String regionCode, Period period, String fieldCode, Instant first, Instant last, int files,
                          LocalDate deadline, boolean onTime) {
    }

    private final int deadlineDay;
    private final ZoneId zone;

    public ReportingCalendar(int deadlineDay, ZoneId zone) {
        this.deadlineDay = deadlineDay;
        this.zone = zone;
    }

    public LocalDate deadline(Period period) {
        if (period.kind() == Period.Kind.YEAR) {
            return period.lastDay().plusMonths(3);
        }
        LocalDate next = period.lastDay().plusMonths(1);
        return next.withDayOfMonth(Math.min(deadlineDay, next.lengthOfMonth()));
    }

    /** The calendar day an instant falls on, in the region's time zone. */
    public LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /**
     * Where a cumulative figure should stand by the end of a period if the year's target is reached
     * evenly: the share of the year elapsed, in percent (TW III: 75; semester I: 50; March: 25; a year: 100).
     * The reference line of a quarter's chart where the region set no plan of its own.
     */
    public static java.math.BigDecimal proRataShare(Period period) {
        int elapsed = switch (period.kind()) {
            case YEAR -> 12;
            case SEMESTER -> 6 * period.number();
            case QUARTER -> 3 * period.number();
            case MONTH -> period.number();
        };
        return java.math.BigDecimal.valueOf(elapsed * 100L).divide(java.math.BigDecimal.valueOf(12), 2, java.math.RoundingMode.HALF_UP);
    }

    public Arrival arrival(String regionCode, Period period, String fieldCode, Instant first, Instant last, int files) {
        LocalDate deadline = deadline(period);
        return new Arrival(regionCode, period, fieldCode, first, last, files, deadline,
                !last.atZone(zone).toLocalDate().isAfter(deadline));
    }
}
