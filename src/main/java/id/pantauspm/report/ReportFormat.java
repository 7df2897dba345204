package id.pantauspm.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CategoryBand;
import id.pantauspm.period.Period;
import id.pantauspm.regions.RegionDirectory;

/** Numbers, dates and names as the reader's language writes them (Indonesian: 1.234,5; 27 November 2026). */
public final class ReportFormat {

    private final Locale locale;
    private final MessageSource messages;
    private final Catalogue catalogue;
    private final RegionDirectory regions;

    public ReportFormat(Locale locale, MessageSource messages, Catalogue catalogue, RegionDirectory regions) {
        this.locale = "id".equals(locale.getLanguage()) ? Locale.forLanguageTag("id-ID") : locale;
        this.messages = messages;
        this.catalogue = catalogue;
        this.regions = regions;
    }

    public Locale locale() {
        return locale;
    }

    public String pct(BigDecimal x) {
        if (x == null) {
            return "–";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(x.setScale(2, RoundingMode.HALF_UP));
    }

    public String count(BigDecimal x) {
        if (x == null) {
            return "–";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(2);
        return f.format(x);
    }

    public String date(LocalDate d) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(d);
    }

    public String period(String code) {
        Period p = Period.parse(code).orElseThrow();
        String roman = new String[] {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}[p.number() - 1];
        return messages.getMessage("period." + p.kind().name(), new Object[] {String.valueOf(p.year()), p.number(), roman}, locale);
    }

    public String region(String code) {
        return regions.find(code).map(r -> r.name()).orElse(code);
    }

    public String service(String code) {
        return catalogue.service(code).map(s -> s.name().in(locale)).orElse(code);
    }

    /** A service's code and name short enough for a chart's axis: "KES-K08 kesehatan penderita hipertensi". */
    public String serviceShort(String code) {
        String name = service(code).replaceFirst("^(Pelayanan kesehatan( pada)?|Pelayanan|Health care for|Health care) ", "");
        return code + " " + (name.length() <= 44 ? name : name.substring(0, 43) + "\u2026");
    }

    public String field(String code) {
        return catalogue.field(code).map(f -> f.name().in(locale)).orElse(code);
    }

    public String category(String code) {
        if (code == null) {
            return messages.getMessage("category.none", null, locale);
        }
        return catalogue.ruleSets().stream().flatMap(r -> r.bands().stream()).filter(b -> b.code().equals(code))
                .map(CategoryBand::name).findFirst().map(n -> n.in(locale)).orElse(code);
    }

    /**
     * A service's category cell: its category, or for a service with nobody to serve (0/0) the one
     * label every output gives that state, so a 0/0 service is never also "not computable".
     */
    public String category(String code, String status) {
        return code == null && "NOTHING_TO_SERVE".equals(status) ? msg("status.NOTHING_TO_SERVE") : category(code);
    }

    public String colour(String category) {
        return Categories.hex(category);
    }

    /** background and text colour of a category cell, as a CSS style. */
    public String cellStyle(String category) {
        return "background:" + Categories.hex(category) + ";color:" + Categories.textHex(category);
    }

    /**
     * A bar chart's legend for a period: the categories, the words for "not computable", and for a
     * part of a year the reference line: the region's own plan when every service charted has the same
     * one, otherwise the share of the year elapsed (evaluate.ReportingCalendar.proRataShare).
     */
    public ChartRenderer.Legend chartLegend(String periodCode, List<BigDecimal> plans) {
        Period p = Period.parse(periodCode).orElseThrow();
        List<String[]> categories = new java.util.ArrayList<>();
        catalogue.ruleSets().get(catalogue.ruleSets().size() - 1).bands()
                .forEach(b -> categories.add(new String[] {b.code(), category(b.code())}));
        categories.add(new String[] {null, category(null)});
        BigDecimal reference = null;
        String label = null;
        if (p.kind() != Period.Kind.YEAR) {
            java.util.Set<BigDecimal> distinct = new java.util.HashSet<>();
            plans.forEach(x -> distinct.add(x == null ? null : x.stripTrailingZeros()));
            if (distinct.size() == 1 && !distinct.contains(null)) {
                reference = plans.get(0);
                label = msg("chart.reference.plan", pct(reference));
            } else {
                reference = id.pantauspm.evaluate.ReportingCalendar.proRataShare(p);
                label = msg("chart.reference.pro_rata", pct(reference));
            }
        }
        return new ChartRenderer.Legend(locale, msg("chart.not_computable"), categories, reference, label);
    }

    public MessageSource messages() {
        return messages;
    }

    public String msg(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
