package id.pantauspm.evaluate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import id.pantauspm.period.Period;
import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;

/**
 * Who to chase: for each office (a field's perangkat daerah) of each region expected to report, and
 * each period now due, whether its data arrived on time, late, not at all, or is still awaited.
 * Deadlines follow {@link ReportingCalendar} (Permendagri 59/2021 Pasal 24: quarterly through e-SPM,
 * the 20th of the month after; the year with the LPPD, three months after it ends).
 *
 * <p>The periods due on a day are the latest quarter and the latest year whose deadline has passed,
 * and the quarter whose deadline comes next (so a reminder can go out before it passes).
 */
public final class ChaseList {

    /** Most urgent first: what a Tim Penerapan SPM member calls about before anything else. */
    public enum Status {
        /** The deadline passed and nothing arrived. */
        OVERDUE,
        /** It arrived after the deadline (or a correction did). */
        LATE,
        /** The deadline has not passed and nothing arrived yet. */
        AWAITED,
        /** It arrived on or before the deadline. */
        ON_TIME
    }

    /** What an office wrote about itself in its fill-in template, or the operator's office list. Parts may be null. */
    public record Contact(String office, String officer, String contact) {
    }

    /**
     * One office of one region for one period.
     *
     * @param days      for OVERDUE the days since the deadline; for LATE the days the last file came after it;
     *                  for AWAITED the days left; for ON_TIME 0
     * @param lastArrival when the last file with its data arrived (null when none did)
     * @param contact   the office's latest known contact, or null
     */
    public record Item(Region region, String fieldCode, Period period, LocalDate deadline, Status status, long days,
                       Instant lastArrival, int files, Contact contact) {
    }

    private final ReportingCalendar calendar;
    private final LocalDate rulesStart;

    /**
     * @param rulesStart the first day any rule version applies (periods before it are never due)
     */
    public ChaseList(ReportingCalendar calendar, LocalDate rulesStart) {
        this.calendar = calendar;
        this.rulesStart = rulesStart;
    }

    /** The periods due on {@code today}: latest passed quarter, latest passed year, next quarter; oldest first. */
    public List<Period> duePeriods(LocalDate today) {
        Set<Period> due = new LinkedHashSet<>();
        Period quarter = Period.quarter(today.getYear(), (today.getMonthValue() - 1) / 3 + 1);
        // walk back to the newest quarter whose deadline is before today
        Period next = quarter;
        while (!calendar.deadline(quarter).isBefore(today)) {
            next = quarter;
            quarter = previousQuarter(quarter);
        }
        Period year = Period.year(today.getYear() - 1);
        while (!calendar.deadline(year).isBefore(today)) {
            year = Period.year(year.year() - 1);
        }
        for (Period p : List.of(year, quarter, next)) {
            if (!p.lastDay().isBefore(rulesStart)) {
                due.add(p);
            }
        }
        return due.stream().sorted().toList();
    }

    private static Period previousQuarter(Period q) {
        return q.number() == 1 ? Period.quarter(q.year() - 1, 4) : Period.quarter(q.year(), q.number() - 1);
    }

    /**
     * The regions expected to report: those configured ({@code pantau.chase.regions}: a province code
     * stands for the province and all its kabupaten/kota), else every province from which anything
     * arrived, with all its kabupaten/kota. Unknown codes are ignored.
     */
    public static List<Region> expectedRegions(RegionDirectory regions, List<String> configured, Collection<String> reportedCodes) {
        Set<Region> expected = new LinkedHashSet<>();
        if (configured != null && !configured.isEmpty()) {
            for (String code : configured) {
                regions.find(code.strip()).ifPresent(r -> {
                    expected.add(r);
                    if (r.isProvince()) {
                        expected.addAll(regions.regenciesOf(r.code()));
                    }
                });
            }
        } else {
            Set<String> provinces = new java.util.TreeSet<>();
            for (String code : reportedCodes) {
                regions.find(code).ifPresent(r -> provinces.add(r.isProvince() ? r.code() : r.provinceCode()));
            }
            for (String p : provinces) {
                regions.find(p).ifPresent(expected::add);
                expected.addAll(regions.regenciesOf(p));
            }
        }
        return expected.stream().sorted(Comparator.comparing(Region::code)).toList();
    }

    /**
     * The chase list on {@code today}, most urgent first: by status, region code, the fields in {@code fieldsOf}'s
     * order, then period.
     *
     * @param expected  regions that must report
     * @param fieldsOf  the fields a region reports (those with services at its level)
     * @param arrivals  what arrived, per region, period and field
     * @param contacts  the office contact per {@code region|field}
     */
    public List<Item> compute(List<Region> expected, Function<Region, List<String>> fieldsOf,
                              Collection<ReportingCalendar.Arrival> arrivals, Map<String, Contact> contacts, LocalDate today) {
        Map<String, ReportingCalendar.Arrival> byKey = new TreeMap<>();
        for (ReportingCalendar.Arrival a : arrivals) {
            byKey.put(key(a.regionCode(), a.period().code(), a.fieldCode()), a);
        }
        List<Period> due = duePeriods(today);
        List<Item> items = new ArrayList<>();
        for (Region region : expected) {
            for (String field : fieldsOf.apply(region)) {
                Contact contact = contacts.get(region.code() + "|" + field);
                for (Period period : due) {
                    LocalDate deadline = calendar.deadline(period);
                    boolean passed = deadline.isBefore(today);
                    Optional<ReportingCalendar.Arrival> a = Optional.ofNullable(byKey.get(key(region.code(), period.code(), field)));
                    if (a.isEmpty()) {
                        Status status = passed ? Status.OVERDUE : Status.AWAITED;
                        long days = passed ? ChronoUnit.DAYS.between(deadline, today) : ChronoUnit.DAYS.between(today, deadline);
                        items.add(new Item(region, field, period, deadline, status, days, null, 0, contact));
                    } else {
                        ReportingCalendar.Arrival arrival = a.get();
                        Status status = arrival.onTime() ? Status.ON_TIME : Status.LATE;
                        long days = arrival.onTime() ? 0 : ChronoUnit.DAYS.between(deadline, calendar.day(arrival.last()));
                        items.add(new Item(region, field, period, deadline, status, days, arrival.last(), arrival.files(), contact));
                    }
                }
            }
        }
        // stable: within a status and region, offices keep the caller's field order and periods run oldest first
        items.sort(Comparator.comparing(Item::status).thenComparing(i -> i.region().code()));
        return items;
    }

    private static String key(String region, String period, String field) {
        return region + "|" + period + "|" + field;
    }
}
