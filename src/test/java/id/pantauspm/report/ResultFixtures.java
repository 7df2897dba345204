package id.pantauspm.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.catalogue.Indicator;
import id.pantauspm.catalogue.Level;
import id.pantauspm.catalogue.ServiceType;
import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.store.ResultRepository.FieldRow;
import id.pantauspm.store.ResultRepository.IndicatorRow;
import id.pantauspm.store.ResultRepository.RegionRow;
import id.pantauspm.store.ResultRepository.ServiceRow;
import id.pantauspm.store.ResultRepository.TrendRow;
import id.pantauspm.support.PantauHome;

/** Stored results made by hand, for the table writers without a database or a run. */
final class ResultFixtures {

    static final Catalogue CATALOGUE = new CatalogueLoader().load(PantauHome.PROJECT.resolve("indicators"));
    static final RegionDirectory REGIONS = RegionDirectory.official();

    private ResultFixtures() {
    }

    static ReportFormat format(String language) {
        return new ReportFormat(Locale.forLanguageTag(language), Messages.create(), CATALOGUE, REGIONS);
    }

    static ResultTables tables(ReportData data, String language) {
        return ResultTables.of(data, CATALOGUE, REGIONS, format(language));
    }

    static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    /**
     * Kota Semarang in quarters 1 and 2 of 2026 (quarter 1 has no previous period), Kabupaten
     * Cilacap in quarter 2 with nothing computable, and Jawa Tengah's roll-up of quarter 2.
     */
    static ReportData small() {
        List<RegionRow> regions = List.of(
                new RegionRow("33.74", "2026-TW1", d("72.50"), "TUNTAS_PRATAMA", 1, 6, "2026.2", "OWN", "2026-TW1", null, false, null, 0, 0, null, null, null, null, null, null),
                new RegionRow("33.74", "2026-TW2", d("75.25"), "TUNTAS_PRATAMA", 1, 6, "2026.2", "OWN", "2026-TW1,2026-TW2", null, false, null, 0, 0, null, null, null, null, null, null),
                new RegionRow("33.01", "2026-TW2", null, null, 0, 6, "2026.2", "OWN", "2026-TW2", "2026-TW1", false, null, 0, 0, null, null, null, null, null, null),
                new RegionRow("33", "2026-TW2", d("75.25"), "TUNTAS_PRATAMA", 1, 6, "2026.2", "ROLLUP", "2026-TW1,2026-TW2", null, false, null, 0, 0, null, null, null, null, null, null));
        List<FieldRow> fields = List.of(
                new FieldRow("33.74", "2026-TW1", "KES", d("72.50"), "TUNTAS_PRATAMA", 1, 12, 12, d("72.50"), null, "OWN"),
                new FieldRow("33.74", "2026-TW2", "KES", d("75.25"), "TUNTAS_PRATAMA", 1, 12, 12, d("75.25"), null, "OWN"),
                new FieldRow("33.74", "2026-TW2", "PEND", null, null, 0, 3, 3, null, null, "OWN"),
                new FieldRow("33.01", "2026-TW2", "KES", null, null, 0, 12, 12, null, null, "OWN"),
                new FieldRow("33", "2026-TW2", "KES", d("75.25"), "TUNTAS_PRATAMA", 1, 12, 12, d("75.25"), null, "ROLLUP"));
        List<ServiceRow> services = List.of(
                new ServiceRow("33.74", "2026-TW1", "KES-K01", "KES", d("28678.0000"), d("20792.0000"), d("72.50"), d("72.50"), null,
                        d("72.50"), "TUNTAS_PRATAMA", "COMPUTED", "INDEX_WITHOUT_QUALITY", "2026.2", "OWN", null, null, null, 0, null, null, null),
                new ServiceRow("33.74", "2026-TW2", "KES-K01", "KES", d("28678.0000"), d("21580.5000"), d("75.25"), d("75.25"), null,
                        d("75.25"), "TUNTAS_PRATAMA", "COMPUTED", "INDEX_WITHOUT_QUALITY", "2026.2", "OWN", d("75.00"), null, null, 0, null, null, null),
                new ServiceRow("33.74", "2026-TW2", "KES-K02", "KES", d("100.0000"), d("120.0000"), d("120.00"), d("100.00"),
                        d("50.00"), d("90.00"), "TUNTAS_UTAMA", "COMPUTED", "SERVED_ABOVE_TARGET", "2026.2", "OWN", null, null, null, 2, null, null, null),
                new ServiceRow("33.01", "2026-TW2", "KES-K01", "KES", null, null, null, null, null, null, null, "NOT_COMPUTABLE", "",
                        "2026.2", "OWN", null, null, null, 0, null, null, null),
                new ServiceRow("33", "2026-TW2", "KES-K01", "KES", d("57356.0000"), d("43161.0000"), d("75.25"), d("75.25"), null,
                        d("75.25"), "TUNTAS_PRATAMA", "COMPUTED", "INDEX_WITHOUT_QUALITY", "2026.2", "ROLLUP", null, 2, 35, 0, null, null, null));
        List<IndicatorRow> indicators = List.of(
                new IndicatorRow("33.74", "2026-TW2", "OWN", "KES-K01.CAPAIAN_PENERIMA", "KES-K01", d("75.2500"), d("100.0000"), d("75.0000")),
                new IndicatorRow("33.01", "2026-TW2", "OWN", "KES-K01.CAPAIAN_PENERIMA", "KES-K01", null, d("100.0000"), null));
        // Kota Semarang's TW2 against its TW1, as the evaluation stores it: 75.25 - 72.50 = +2.75 points
        List<TrendRow> trends = List.of(
                new TrendRow("33.74", "2026-TW2", "OWN", "REGION", "2026-TW1", d("72.50"), d("2.75")),
                new TrendRow("33.74", "2026-TW2", "OWN", "KES", "2026-TW1", d("72.50"), d("2.75")),
                new TrendRow("33.74", "2026-TW2", "OWN", "KES-K01", "2026-TW1", d("72.50"), d("2.75")));
        return new ReportData(regions, fields, services, indicators, List.of(), trends, List.of(), List.of());
    }

    /** Every kabupaten/kota with every service and indicator of its level, in the given periods. */
    static ReportData national(List<String> periods) {
        List<RegionRow> regions = new ArrayList<>();
        List<FieldRow> fields = new ArrayList<>();
        List<ServiceRow> services = new ArrayList<>();
        List<IndicatorRow> indicators = new ArrayList<>();
        List<ServiceType> types = CATALOGUE.services(Level.KABKOTA);
        int n = 0;
        for (String period : periods) {
            for (Region region : REGIONS.all()) {
                if (region.isProvince()) {
                    continue;
                }
                BigDecimal index = BigDecimal.valueOf(4000 + n++ % 6000, 2);
                regions.add(new RegionRow(region.code(), period, index, "TUNTAS_MUDA", 6, 6, "2026.2", "OWN", period, null, false, null, 0, 0, null, null, null, null, null, null));
                CATALOGUE.fields().forEach(f -> fields.add(new FieldRow(region.code(), period, f.code(), index, "TUNTAS_MUDA", 1, 1, 1, index, null, "OWN")));
                for (ServiceType s : types) {
                    services.add(new ServiceRow(region.code(), period, s.code(), s.fieldCode(), d("1000"), d("650"), d("65.00"),
                            d("65.00"), null, d("65.00"), "TUNTAS_MUDA", "COMPUTED", "INDEX_WITHOUT_QUALITY", "2026.2", "OWN",
                            null, null, null, 0, null, null, null));
                    for (Indicator i : s.indicators()) {
                        indicators.add(new IndicatorRow(region.code(), period, "OWN", i.code(), s.code(), d("65.0000"), i.target(), null));
                    }
                }
            }
        }
        return new ReportData(regions, fields, services, indicators);
    }
}
