package id.pantauspm.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.pantauspm.evaluate.ChaseList.Item;
import id.pantauspm.evaluate.ChaseList.Status;
import id.pantauspm.period.Period;
import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;

/** Who to chase, on days worked out by hand from the deadlines (20th of the month after a quarter; year + 3 months). */
class ChaseListTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private final ReportingCalendar calendar = new ReportingCalendar(20, JAKARTA);
    private final ChaseList chase = new ChaseList(calendar, LocalDate.of(2019, 1, 1));
    private final RegionDirectory regions = RegionDirectory.official();

    private static Instant at(int y, int m, int d) {
        return LocalDate.of(y, m, d).atTime(9, 0).atZone(JAKARTA).toInstant();
    }

    @Test
    @DisplayName("on 29 November 2026: year 2025 (due 31 March 2026) and TW3 2026 (due 20 October) have passed; TW4 is next")
    void duePeriodsOnADay() {
        assertThat(chase.duePeriods(LocalDate.of(2026, 11, 29)))
                .containsExactlyInAnyOrder(Period.year(2025), Period.quarter(2026, 3), Period.quarter(2026, 4));
        // On the deadline day itself TW3 is still open: TW2 is the last passed quarter.
        assertThat(chase.duePeriods(LocalDate.of(2026, 10, 20)))
                .containsExactlyInAnyOrder(Period.year(2025), Period.quarter(2026, 2), Period.quarter(2026, 3));
        // 10 January 2026: TW4 2025 is due on 20 January, the year 2025 only on 31 March: 2024 is the last passed year.
        assertThat(chase.duePeriods(LocalDate.of(2026, 1, 10)))
                .containsExactlyInAnyOrder(Period.year(2024), Period.quarter(2025, 3), Period.quarter(2025, 4));
        // Nothing before the rules apply (PP 2/2018 from 2019).
        assertThat(new ChaseList(calendar, LocalDate.of(2019, 1, 1)).duePeriods(LocalDate.of(2019, 2, 1)))
                .containsExactly(Period.quarter(2019, 1));
    }

    @Test
    @DisplayName("on time, late by 13 days, overdue by 40 and 243 days, 52 days left: per office and period, most urgent first")
    void statusesAndDays() {
        Region semarang = regions.find("33.74").orElseThrow();
        LocalDate today = LocalDate.of(2026, 11, 29);
        Period tw3 = Period.quarter(2026, 3);
        List<ReportingCalendar.Arrival> arrivals = List.of(
                // health TW3 arrived 15 October, before the 20 October deadline
                calendar.arrival("33.74", tw3, "KES", at(2026, 10, 1), at(2026, 10, 15), 2),
                // education TW3 on 2 November: 20 Oct -> 2 Nov = 13 days late
                calendar.arrival("33.74", tw3, "PEND", at(2026, 11, 2), at(2026, 11, 2), 1));
        ChaseList.Contact kes = new ChaseList.Contact("Dinas Kesehatan Kota Semarang", "dr. Ani", "0812-3456-7890");

        List<Item> items = chase.compute(List.of(semarang), r -> List.of("PEND", "KES"), arrivals,
                Map.of("33.74|KES", kes), today);

        // 2 fields x 3 due periods
        assertThat(items).hasSize(6);
        // Overdue first, offices in the order given (PEND before KES); 20 Oct -> 29 Nov = 11 + 29 = 40 days;
        // 31 Mar -> 29 Nov = 30+31+30+31+31+30+31+29 = 243 days.
        assertThat(items.subList(0, 2)).extracting(Item::status, i -> i.period().code(), Item::fieldCode, Item::days)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Status.OVERDUE, "2025", "PEND", 243L),
                        org.assertj.core.groups.Tuple.tuple(Status.OVERDUE, "2025", "KES", 243L));
        assertThat(items.get(1).contact()).isEqualTo(kes);
        assertThat(items.get(0).contact()).isNull();
        assertThat(items.get(2)).extracting(Item::status, Item::fieldCode, Item::days, Item::files)
                .containsExactly(Status.LATE, "PEND", 13L, 1);
        // TW4 2026: due 20 January 2027; 29 Nov -> 29 Dec = 30, -> 20 Jan = 22: 52 days left
        assertThat(items.subList(3, 5)).extracting(Item::status, i -> i.period().code(), Item::days)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(Status.AWAITED, "2026-TW4", 52L));
        assertThat(items.get(5)).extracting(Item::status, Item::fieldCode, Item::days, Item::lastArrival)
                .containsExactly(Status.ON_TIME, "KES", 0L, at(2026, 10, 15));
    }

    @Test
    @DisplayName("a correction after the deadline makes an on-time report late: the last file counts")
    void aLateCorrectionIsLate() {
        Region semarang = regions.find("33.74").orElseThrow();
        Period tw3 = Period.quarter(2026, 3);
        List<Item> items = chase.compute(List.of(semarang), r -> List.of("KES"),
                List.of(calendar.arrival("33.74", tw3, "KES", at(2026, 10, 10), at(2026, 10, 25), 2)), Map.of(),
                LocalDate.of(2026, 11, 29));
        assertThat(items).filteredOn(i -> i.period().equals(tw3)).singleElement()
                .extracting(Item::status, Item::days).containsExactly(Status.LATE, 5L);
    }

    @Test
    @DisplayName("who must report: the configured regions (a province brings its kabupaten/kota), else the provinces that sent anything")
    void expectedRegions() {
        assertThat(ChaseList.expectedRegions(regions, List.of("33.74"), List.of())).extracting(Region::code)
                .containsExactly("33.74");
        // Daerah Istimewa Yogyakarta: the province and its 4 kabupaten and 1 kota
        assertThat(ChaseList.expectedRegions(regions, List.of("34"), List.of())).extracting(Region::code)
                .containsExactly("34", "34.01", "34.02", "34.03", "34.04", "34.71");
        // nothing configured, Kota Semarang sent: Jawa Tengah and its 29 kabupaten and 6 kota
        assertThat(ChaseList.expectedRegions(regions, List.of(), List.of("33.74"))).hasSize(36)
                .extracting(Region::code).contains("33", "33.01", "33.74");
    }
}
