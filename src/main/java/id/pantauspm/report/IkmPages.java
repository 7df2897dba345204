package id.pantauspm.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.store.IkmResultRepository.UnitRow;
import id.pantauspm.store.IkmResultRepository.UnsurRow;

/**
 * The community satisfaction index (IKM) pages: {@code ikm.html}, the regions with surveyed units
 * per period, and {@code ikm/<region>.html}, a region's units with their IKM, band, the unsur from
 * the weakest (what each unit must improve first), respondents against the minimum sample, and the
 * change against the unit's previous survey. Every number comes from the stored results.
 */
public final class IkmPages implements ReportSite.Part {

    /** How many of a unit's weakest unsur the overview table names. */
    static final int WEAKEST = 3;

    private final PageRenderer pages;
    private final RegionDirectory regions;
    private final ReportFormat fmt;

    public IkmPages(ITemplateEngine templates, RegionDirectory regions, ReportFormat fmt) {
        this.pages = new PageRenderer(templates, fmt);
        this.regions = regions;
        this.fmt = fmt;
    }

    /** One unsur of a unit, formatted: its code, name, mean score (NRR), NRR x 25, band, and the width of its bar. */
    public record UnsurLine(String code, String name, String nrr, String converted, String band, String bandStyle, int answers,
                            int rank, int barPercent) {
    }

    /**
     * One unit of a region and period, formatted for the page and the PDF.
     *
     * @param trend        "▲ +6,48" against {@code trendAgainst}, or null
     * @param sample       "3 / 73" respondents against the minimum, or the respondents alone without a population
     * @param notes        what a reader must know to trust the figure (sample, gaps, repeats, the rounded weight)
     */
    public record UnitLine(UnitRow row, String ikm, String band, String bandStyle, String trend, boolean up, String trendAgainst,
                           String sample, Boolean sampleAdequate, List<UnsurLine> weakest, List<UnsurLine> unsur,
                           List<String> notes, String source, String regime, String period) {
    }

    /** A region's units in one period. */
    public record PeriodSection(String code, String label, List<UnitLine> units, Map<String, Long> bandCounts,
                                long smallSamples) {
    }

    /** A region on the overview: its units of the period, the lowest first. */
    public record RegionLine(String code, String name, String province, List<UnitLine> units, Map<String, Long> bandCounts,
                             long smallSamples) {
    }

    public record OverviewPeriod(String code, String label, List<RegionLine> regions) {
    }

    /** The bands of one regime in the legend. */
    public record Legend(String regime, List<LegendBand> bands) {
    }

    /** A band in the legend: letter and name, colour, range. */
    public record LegendBand(String band, String style, String range) {
    }

    @Override
    public void write(ReportData data, Path folder) throws IOException {
        IkmData ikm = data.ikm();
        Files.createDirectories(folder.resolve("ikm"));
        List<OverviewPeriod> overview = new ArrayList<>();
        for (String period : ikm.periods()) {
            List<RegionLine> lines = new ArrayList<>();
            for (String region : ikm.regionCodes()) {
                List<UnitRow> units = ikm.units(region, period);
                if (!units.isEmpty()) {
                    lines.add(new RegionLine(region, fmt.region(region), province(region), units.stream().map(u -> line(ikm, u)).toList(),
                            ikm.bandCounts(units), ikm.smallSamples(units)));
                }
            }
            overview.add(new OverviewPeriod(period, fmt.period(period), lines));
        }
        Context index = pages.context();
        index.setVariable("periods", overview);
        index.setVariable("legend", legend(ikm));
        index.setVariable("rulesVersion", ikm.rulesVersion());
        index.setVariable("ikmBand", IkmBands.STYLE);
        pages.render("report/ikm-summary", index, folder.resolve("ikm.html"));

        for (String region : ikm.regionCodes()) {
            List<PeriodSection> sections = new ArrayList<>();
            for (String period : ikm.periods(region)) {
                List<UnitRow> units = ikm.units(region, period);
                sections.add(new PeriodSection(period, fmt.period(period), units.stream().map(u -> line(ikm, u)).toList(),
                        ikm.bandCounts(units), ikm.smallSamples(units)));
            }
            Region r = regions.find(region).orElseThrow();
            Context page = pages.context();
            page.setVariable("region", r);
            page.setVariable("provinceName", province(region));
            page.setVariable("spmPage", data.regionCodes().contains(region) ? "../wilayah/" + region + ".html" : null);
            page.setVariable("sections", sections);
            page.setVariable("legend", legend(ikm));
            page.setVariable("rulesVersion", ikm.rulesVersion());
            page.setVariable("ikmBand", IkmBands.STYLE);
            pages.render("report/ikm-region", page, folder.resolve("ikm").resolve(region + ".html"));
        }
    }

    private String province(String region) {
        return regions.find(region).filter(r -> !r.isProvince()).map(r -> fmt.region(r.provinceCode())).orElse(null);
    }

    UnitLine line(IkmData ikm, UnitRow u) {
        return line(fmt, ikm, u);
    }

    /** A unit's figures as the page, the PDF and the overview show them. */
    static UnitLine line(ReportFormat fmt, IkmData ikm, UnitRow u) {
        List<UnsurLine> unsur = new ArrayList<>();
        // Bars from the floor of the scale (25) to its top (100), so differences between unsur show.
        BigDecimal floor = ikm.regime(u.regime()).map(r -> BigDecimal.valueOf((long) r.minScore() * r.scale())).orElse(BigDecimal.valueOf(25));
        BigDecimal top = ikm.regime(u.regime()).map(r -> BigDecimal.valueOf((long) r.maxScore() * r.scale())).orElse(BigDecimal.valueOf(100));
        for (UnsurRow s : ikm.weakestFirst(u)) {
            unsur.add(new UnsurLine(s.unsurCode(), ikm.unsurName(u.regime(), s.unsur(), fmt.locale()),
                    s.nrr() == null ? "–" : fmt.pct(s.nrr()), fmt.pct(s.converted()),
                    s.band() == null ? "–" : ikm.bandName(u.regime(), s.band(), fmt.locale()), IkmBands.style(s.band()), s.answers(),
                    s.weaknessRank() == null ? 0 : s.weaknessRank(),
                    s.converted() == null ? 0 : s.converted().subtract(floor).multiply(BigDecimal.valueOf(100))
                            .divide(top.subtract(floor), 0, RoundingMode.HALF_UP).max(BigDecimal.ONE).intValue()));
        }
        List<String> notes = new ArrayList<>();
        if (u.ikm() == null) {
            notes.add(fmt.msg("ikm.note.not_computable", unsur.stream().filter(s -> s.answers() == 0).map(UnsurLine::code)
                    .reduce((a, b) -> a + ", " + b).orElse("")));
        }
        if (Boolean.FALSE.equals(u.sampleAdequate())) {
            notes.add(fmt.msg("ikm.note.sample_small", u.respondents(), fmt.count(BigDecimal.valueOf(u.population())),
                    u.sampleRequired(), u.sampleRequired() - u.respondents()));
        } else if (u.sampleAdequate() == null) {
            notes.add(fmt.msg("ikm.note.population_missing"));
        }
        if (u.unansweredItems() > 0) {
            notes.add(fmt.msg("ikm.note.unanswered", u.unansweredItems()));
        }
        if (u.excludedAnswers() > 0) {
            notes.add(fmt.msg("ikm.note.excluded", u.excludedAnswers()));
        }
        if (u.band() != null && u.shortcutBand() != null && !u.band().equals(u.shortcutBand())) {
            String weight = ikm.regime(u.regime()).map(r -> fmt.count(r.shortcutWeight())).orElse("");
            notes.add(fmt.msg("ikm.note.shortcut", weight, fmt.pct(u.shortcutIkm()), u.shortcutBand(), fmt.pct(u.ikm()), u.band()));
        }
        String trend = null;
        boolean up = false;
        if (u.changePrevious() != null) {
            int sign = u.changePrevious().signum();
            up = sign >= 0;
            trend = (sign > 0 ? "\u25B2 +" : sign < 0 ? "\u25BC " : "= ") + fmt.pct(u.changePrevious());
        }
        String sample = u.sampleRequired() == null ? String.valueOf(u.respondents()) : u.respondents() + " / " + u.sampleRequired();
        return new UnitLine(u, fmt.pct(u.ikm()), u.band() == null ? fmt.msg("ikm.not_computable") : ikm.bandName(u.regime(), u.band(), fmt.locale()),
                IkmBands.style(u.band()), trend, up, u.previousPeriod() == null ? null : fmt.period(u.previousPeriod()), sample,
                u.sampleAdequate(), unsur.stream().filter(s -> s.rank() > 0).limit(WEAKEST).toList(), unsur, notes,
                ikm.source(u.submissionId()), ikm.regimeName(u.regime(), fmt.locale()), fmt.period(u.periodCode()));
    }

    /** The bands of each regime the results use, with their ranges. */
    private List<Legend> legend(IkmData ikm) {
        List<Legend> legend = new ArrayList<>();
        ikm.regimesUsed().forEach(r -> legend.add(new Legend(r.name().in(fmt.locale()), r.bands().stream()
                .map(b -> new LegendBand(b.code() + " " + b.name().in(fmt.locale()), IkmBands.style(b.code()),
                        fmt.pct(b.min()) + " – " + fmt.pct(b.max()))).toList())));
        return legend;
    }
}
