package id.pantauspm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.pantauspm.evaluate.QualityFlags;
import id.pantauspm.store.ResultRepository;
import id.pantauspm.store.ResultRepository.FieldRow;
import id.pantauspm.store.ResultRepository.IndicatorRow;
import id.pantauspm.store.ResultRepository.MutuRow;
import id.pantauspm.store.ResultRepository.RegionRow;
import id.pantauspm.store.ResultRepository.ReportingRow;
import id.pantauspm.store.ResultRepository.ServiceRow;
import id.pantauspm.store.ResultRepository.TrendRow;

/**
 * Issue 12: the report must not hold every result of every year (a ten-year national history ran out of a
 * 512 MB heap reading every service result at once). The results are read one region (every period) or one
 * period (every region) at a time, and only a bounded number of regions is kept.
 */
@DisplayName("Report data: read by region or by period, never all at once")
class ReportDataTest {

    private static final List<String> PERIODS = List.of("2025-TW1", "2025-TW2", "2025-TW3", "2025-TW4", "2026-TW1",
            "2026-TW2", "2026-TW3", "2026-TW4");
    private static final int REGIONS = 60;
    private static final List<String> SERVICES = List.of("KES-K01", "KES-K02", "PEND-K01");

    /** 60 regions x 8 quarters x 3 services; SASARAN 1000 + region number, TERLAYANI the period's position. */
    private static final class Recording implements ReportData.Source {
        final List<String> reads = new ArrayList<>();
        int largestRead;

        static String region(int n) {
            return String.format("33.%02d", n);
        }

        @Override
        public List<RegionRow> regions() {
            List<RegionRow> rows = new ArrayList<>();
            for (int r = 1; r <= REGIONS; r++) {
                for (String p : PERIODS) {
                    rows.add(new RegionRow(region(r), p, BigDecimal.valueOf(50), "TUNTAS_MUDA", 2, 6, "2026.2", "OWN", p,
                            null, false, null, 3, 3, null, null, null, null, null, null));
                }
            }
            return rows;
        }

        @Override
        public List<ServiceRow> services(String region, String period) {
            reads.add("services " + region + " " + period);
            List<ServiceRow> rows = new ArrayList<>();
            for (int r = 1; r <= REGIONS; r++) {
                for (int p = 0; p < PERIODS.size(); p++) {
                    if ((region == null || region.equals(region(r))) && (period == null || period.equals(PERIODS.get(p)))) {
                        for (String s : SERVICES) {
                            rows.add(new ServiceRow(region(r), PERIODS.get(p), s, s.substring(0, s.indexOf('-')),
                                    BigDecimal.valueOf(1000 + r), BigDecimal.valueOf(p + 1), null, null, null, null, null,
                                    "COMPUTED", null, "2026.2", "OWN", null, null, null, 0, null, null, null));
                        }
                    }
                }
            }
            largestRead = Math.max(largestRead, rows.size());
            return rows;
        }

        @Override
        public List<FieldRow> fields(String region, String period) {
            reads.add("fields " + region + " " + period);
            return List.of();
        }

        @Override
        public List<IndicatorRow> indicators(String region, String period) {
            reads.add("indicators " + region + " " + period);
            return List.of();
        }

        @Override
        public List<TrendRow> trends(String region, String period) {
            reads.add("trends " + region + " " + period);
            return List.of();
        }

        @Override
        public List<MutuRow> mutu(String region, String period) {
            return List.of();
        }

        @Override
        public List<ReportingRow> reporting(String region, String period) {
            return List.of();
        }

        @Override
        public List<ResultRepository.RankRow> ranks(String region, String period) {
            reads.add("ranks " + region + " " + period);
            return List.of();
        }

        @Override
        public List<ServiceRow> ownResultsOfService(String serviceCode) {
            return List.of();
        }

        @Override
        public List<QualityFlags.Flag> flags() {
            return List.of();
        }
    }

    @Test
    @DisplayName("a region page's look-ups over eight quarters read that region's services once, and give its own numbers")
    void aRegionIsReadOnceForEveryPeriod() {
        Recording source = new Recording();
        ReportData data = new ReportData(source);
        for (int p = 0; p < PERIODS.size(); p++) {
            ReportData.Part part = data.part("33.07", PERIODS.get(p), ReportData.OWN);
            // region 7: SASARAN 1000 + 7 = 1007; TERLAYANI the period's position, 1 to 8
            assertThat(part.services()).extracting(ServiceRow::serviceCode).containsExactly("KES-K01", "KES-K02", "PEND-K01");
            assertThat(part.services()).extracting(ServiceRow::targetPopulation).containsOnly(BigDecimal.valueOf(1007));
            assertThat(part.services()).extracting(ServiceRow::served).containsOnly(BigDecimal.valueOf(p + 1));
        }
        assertThat(source.reads).filteredOn(r -> r.startsWith("services")).containsExactly("services 33.07 null");
        assertThat(source.largestRead).isEqualTo(PERIODS.size() * SERVICES.size()); // 24 rows, not 60 x 24
    }

    @Test
    @DisplayName("the index page and the workbook go through a period: every region of it is read once, for that period only")
    void aPeriodIsReadOnceForEveryRegion() {
        Recording source = new Recording();
        ReportData data = new ReportData(source).focusOn("2026-TW2");
        for (int r = 1; r <= REGIONS; r++) {
            ReportData.Part part = data.part(Recording.region(r), "2026-TW2", ReportData.OWN);
            assertThat(part.services()).extracting(ServiceRow::targetPopulation).containsOnly(BigDecimal.valueOf(1000 + r));
            assertThat(part.services()).extracting(ServiceRow::served).containsOnly(BigDecimal.valueOf(6)); // 2026-TW2 is 6th
        }
        assertThat(source.reads).filteredOn(r -> r.startsWith("services")).containsExactly("services null 2026-TW2");
        assertThat(source.largestRead).isEqualTo(REGIONS * SERVICES.size()); // 180 rows, not 8 x 180
    }

    @Test
    @DisplayName("the workbook and the CSV files are written in one pass: each period's services read once for both, every row in both")
    void theTablesReadEachPeriodOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        Recording source = new Recording();
        new TabularReports(null, ResultFixtures.CATALOGUE, ResultFixtures.REGIONS, ResultFixtures.format("id"))
                .write(new ReportData(source), folder);
        // before: each of the eight result tables went through every period for each of the two formats (16 reads a period)
        assertThat(source.reads).filteredOn(r -> r.startsWith("services")).containsExactlyInAnyOrderElementsOf(
                PERIODS.stream().map(p -> "services null " + p).toList());
        assertThat(source.reads).noneMatch(r -> r.endsWith("null null"));
        // 60 regions x 8 quarters x 3 services in the services sheet and file: 1,440 rows, newest quarter first
        List<String> csv = java.nio.file.Files.readAllLines(folder.resolve("csv/layanan.csv"));
        assertThat(csv).hasSize(1 + 1440);
        assertThat(csv.get(1)).contains("2026-TW4");
        assertThat(csv.get(1440)).contains("2025-TW1");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                folder.resolve(XlsxReport.FILE_NAME).toFile())) {
            org.apache.poi.ss.usermodel.Sheet services = wb.getSheetAt(3);
            assertThat(services.getLastRowNum()).isEqualTo(1440);
            assertThat(services.getRow(1).getCell(4).getStringCellValue()).isEqualTo("2026-TW4");
            assertThat(services.getRow(1440).getCell(4).getStringCellValue()).isEqualTo("2025-TW1");
        }
    }

    @Test
    @DisplayName("nothing reads every result of every year, and regions seen long ago are let go (read again when needed)")
    void regionsAreNotAllKept() {
        Recording source = new Recording();
        ReportData data = new ReportData(source);
        for (int r = 1; r <= REGIONS; r++) { // a region page each, as HtmlReport writes them
            for (String p : PERIODS) {
                data.part(Recording.region(r), p, ReportData.OWN);
                data.trends(Recording.region(r), p, ReportData.OWN);
                data.rank(Recording.region(r), p, "REGION", "NATIONAL");
            }
        }
        data.part(Recording.region(1), PERIODS.get(0), ReportData.OWN); // the first region again, 59 regions later
        assertThat(source.reads).noneMatch(r -> r.endsWith("null null"));
        assertThat(source.reads).filteredOn(r -> r.equals("services 33.01 null")).hasSize(2);
        assertThat(source.largestRead).isEqualTo(PERIODS.size() * SERVICES.size());
    }

    @Test
    @DisplayName("a service page reads that service's results by period, and the restriction of pantau report --region holds")
    void restrictionAndServicePages() {
        ReportData fixtures = ResultFixtures.small();
        assertThat(fixtures.ownResultsOfService("KES-K01")).containsOnlyKeys("2026-TW2", "2026-TW1");
        assertThat(fixtures.ownResultsOfService("KES-K01").get("2026-TW2")).extracting(ServiceRow::regionCode)
                .containsExactly("33.74", "33.01"); // the province's ROLLUP row is not a region's own result
        assertThat(fixtures.part("33.74", "2026-TW2", ReportData.OWN).services()).extracting(ServiceRow::served)
                .containsExactly(new BigDecimal("21580.5000"), new BigDecimal("120.0000"));
        assertThat(fixtures.trends("33.74", "2026-TW2", ReportData.OWN).get("REGION")).extracting(TrendRow::change)
                .containsExactly(new BigDecimal("2.75"));
    }
}
