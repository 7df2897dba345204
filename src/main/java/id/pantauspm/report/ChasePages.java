package id.pantauspm.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueCheck;
import id.pantauspm.catalogue.Field;
import id.pantauspm.catalogue.Level;
import id.pantauspm.evaluate.ChaseList;
import id.pantauspm.evaluate.ChaseList.Item;
import id.pantauspm.evaluate.ChaseList.Status;
import id.pantauspm.evaluate.ReportingCalendar;
import id.pantauspm.mail.OfficeContacts;
import id.pantauspm.period.Period;
import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.store.ResultRepository.ReportingRow;
import id.pantauspm.store.SubmissionRepository;

/**
 * The chase list ("daftar tagihan laporan") for the Tim Penerapan SPM: per office (perangkat daerah)
 * and region, what is due, what arrived, what is late, with the contact the office gave in its
 * template; as {@code tagihan.html} and {@code tagihan-laporan.csv} (the reader's spreadsheet dialect).
 * The statuses are {@link ChaseList}'s; this class only lays them out.
 */
public final class ChasePages implements ReportSite.Part {

    public static final String PAGE = "tagihan.html";
    public static final String CSV = "tagihan-laporan.csv";

    /** One line as a reader sees it. */
    public record Line(String provinceName, String regionCode, String regionName, String fieldCode, String office,
                       String periodCode, String periodLabel, String deadline, Status status, long days, String lastArrival,
                       int files, String officer, String contact) {
    }

    /**
     * One office of one region within a status: the call to make, with every period it concerns. {@code texts} are its
     * lines as sentences and {@code who} its officer and contact, worded here once: a national list has ~10,000 lines,
     * and worded by the template they cost a night with nothing new about a second. {@code page} is the link to the
     * region's page, null when it has none.
     */
    public record Group(String regionCode, String regionName, String provinceName, String office, String page,
                        List<String> texts, String who) {
    }

    /** A due period's counts per status, for the head of the page. */
    public record PeriodCount(String periodLabel, String deadline, boolean passed, Map<Status, Integer> counts) {
    }

    private final PageRenderer pages;
    private final ReportFormat fmt;
    private final ChaseList chase;
    private final RegionDirectory regions;
    private final Catalogue catalogue;
    private final SubmissionRepository submissions;
    private final Supplier<OfficeContacts> offices;
    private final List<String> scope;
    private final Supplier<LocalDate> today;
    private final ReportingCalendar calendar;

    /**
     * @param offices the operator's office list (pantau.mail.offices), for offices that never sent a template
     * @param scope   pantau.chase.regions: the regions expected to report (a province code brings its
     *                kabupaten/kota); empty: every province anything arrived from
     * @param today   the day the list is drawn up on
     */
    public ChasePages(ITemplateEngine templates, ReportFormat fmt, ReportingCalendar calendar, LocalDate rulesStart,
                      RegionDirectory regions, Catalogue catalogue, SubmissionRepository submissions,
                      Supplier<OfficeContacts> offices, List<String> scope, Supplier<LocalDate> today) {
        this.pages = new PageRenderer(templates, fmt);
        this.fmt = fmt;
        this.calendar = calendar;
        this.chase = new ChaseList(calendar, rulesStart);
        this.regions = regions;
        this.catalogue = catalogue;
        this.submissions = submissions;
        this.offices = offices;
        this.scope = scope == null ? List.of() : List.copyOf(scope);
        this.today = today;
    }

    /** Within a report: a region links to its page when it has results (the report writes a page for each). */
    @Override
    public void write(ReportData data, Path folder) throws IOException {
        write(data, folder, data.regionCodes()::contains);
    }

    /**
     * Today's list beside a published report (a night with nothing new).
     *
     * @param published where the region pages are ({@code wilayah/<code>.html}): a region without one is named,
     *                  not linked
     */
    public void write(ReportData data, Path folder, Path published) throws IOException {
        Map<String, Boolean> pages = new HashMap<>(); // one look per region, not per office
        write(data, folder, code -> pages.computeIfAbsent(code,
                c -> Files.isRegularFile(published.resolve("wilayah").resolve(c + ".html"))));
    }

    private void write(ReportData data, Path folder, java.util.function.Predicate<String> hasPage) throws IOException {
        LocalDate day = today.get();
        List<Item> items = items(data.reporting(), day);
        List<Line> lines = items.stream().map(this::line).toList();
        writeCsv(lines, folder.resolve(CSV));
        Map<Status, List<Group>> byStatus = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            Map<String, List<Line>> byOffice = new java.util.LinkedHashMap<>();
            lines.stream().filter(l -> l.status() == s)
                    .forEach(l -> byOffice.computeIfAbsent(l.regionCode() + "|" + l.fieldCode(), k -> new ArrayList<>()).add(l));
            byStatus.put(s, byOffice.values().stream()
                    .map(l -> group(l, hasPage.test(l.get(0).regionCode())))
                    .toList());
        }
        List<PeriodCount> counts = new ArrayList<>();
        for (Period p : chase.duePeriods(day)) {
            Map<Status, Integer> c = new EnumMap<>(Status.class);
            for (Status s : Status.values()) {
                c.put(s, (int) items.stream().filter(i -> i.period().equals(p) && i.status() == s).count());
            }
            LocalDate deadline = calendar.deadline(p);
            counts.add(new PeriodCount(fmt.period(p.code()), fmt.date(deadline), deadline.isBefore(day), c));
        }
        Context page = pages.context();
        page.setVariable("today", fmt.date(day));
        page.setVariable("counts", counts);
        page.setVariable("byStatus", byStatus);
        page.setVariable("statuses", Status.values());
        page.setVariable("csv", CSV);
        page.setVariable("regionCount", items.stream().map(i -> i.region().code()).distinct().count());
        pages.render("report/chase", page, folder.resolve(PAGE));
    }

    private Group group(List<Line> lines, boolean hasPage) {
        Line first = lines.get(0);
        List<String> texts = lines.stream().map(l -> fmt.msg("chase.line." + l.status(), l.periodLabel(), l.deadline(), l.days(),
                l.lastArrival(), l.files())).toList();
        String who = first.officer() == null && first.contact() == null ? fmt.msg("chase.no_contact")
                : Stream.of(first.officer(), first.contact()).filter(Objects::nonNull).collect(Collectors.joining(" · "));
        return new Group(first.regionCode(), first.regionName(),
                first.provinceName().equals(first.regionName()) ? null : first.provinceName(), first.office(),
                hasPage ? "wilayah/" + first.regionCode() + ".html" : null,
                texts, who);
    }

    /** The chase list on a day, from the stored arrivals (evaluate's {@link ChaseList} decides each status). */
    List<Item> items(Collection<ReportingRow> reporting, LocalDate day) {
        Set<String> reported = new LinkedHashSet<>();
        reporting.forEach(r -> reported.add(r.regionCode()));
        List<Region> expected = ChaseList.expectedRegions(regions, scope, reported);
        // only the due periods' arrivals count: a national history holds tens of thousands of others
        Map<String, Period> due = chase.duePeriods(day).stream().collect(Collectors.toMap(Period::code, p -> p));
        List<ReportingCalendar.Arrival> arrivals = reporting.stream()
                .filter(r -> due.containsKey(r.periodCode()))
                .map(r -> new ReportingCalendar.Arrival(r.regionCode(), due.get(r.periodCode()), r.fieldCode(), r.first(),
                        r.last(), r.files(), r.deadline(), r.onTime()))
                .toList();
        return chase.compute(expected, this::fieldsOf, arrivals, contacts(expected), day);
    }

    /** The fields a region reports: those with services at its level, in the order of PP 2/2018 Pasal 4. */
    private List<String> fieldsOf(Region region) {
        Level level = region.isProvince() ? Level.PROVINSI : Level.KABKOTA;
        return catalogue.fields().stream()
                .filter(f -> f.services().stream().anyMatch(s -> s.level() == level))
                .map(Field::code)
                .sorted(java.util.Comparator.comparingInt(c -> CatalogueCheck.FIELD_CODES.indexOf(c)))
                .toList();
    }

    /** Template headers first (newest per region and field), then the operator's office list. */
    private Map<String, ChaseList.Contact> contacts(List<Region> expected) {
        Map<String, ChaseList.Contact> found = new HashMap<>();
        for (SubmissionRepository.OfficeContact c : submissions.officeContacts()) {
            found.put(c.regionCode() + "|" + c.fieldCode(), new ChaseList.Contact(c.office(), c.officer(), c.contact()));
        }
        OfficeContacts list = offices.get();
        for (Region r : expected) {
            for (String field : fieldsOf(r)) {
                String key = r.code() + "|" + field;
                if (found.containsKey(key)) {
                    continue;
                }
                Set<String> addresses = list.addressesFor(Set.of(r.code()), Set.of(field));
                if (!addresses.isEmpty()) {
                    found.put(key, new ChaseList.Contact(null, null, String.join(", ", addresses)));
                }
            }
        }
        return found;
    }

    private Line line(Item i) {
        Region r = i.region();
        String province = r.isProvince() ? r.name() : regions.find(r.provinceCode()).map(Region::name).orElse(r.provinceCode());
        ChaseList.Contact c = i.contact();
        String office = c != null && c.office() != null ? c.office() : fmt.msg("office." + i.fieldCode());
        String last = i.lastArrival() == null ? null : fmt.date(calendar.day(i.lastArrival()));
        return new Line(province, r.code(), r.name(), i.fieldCode(), office, i.period().code(), fmt.period(i.period().code()),
                fmt.date(i.deadline()), i.status(), i.days(), last, i.files(),
                c == null ? null : c.officer(), c == null ? null : c.contact());
    }

    private void writeCsv(List<Line> lines, Path file) throws IOException {
        CsvExport.Dialect dialect = CsvExport.Dialect.of(fmt.locale());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF'); // so a spreadsheet program reads the file as UTF-8
            ICSVWriter csv = new CSVWriter(out, dialect.separator(), ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                    ICSVWriter.DEFAULT_QUOTE_CHARACTER, "\r\n");
            String[] header = {"province", "region_code", "region", "field", "office", "period", "period_label", "deadline",
                    "status", "days", "last_received", "files", "officer", "contact"};
            String[] names = new String[header.length];
            for (int n = 0; n < header.length; n++) {
                names[n] = fmt.msg("chase.csv." + header[n]);
            }
            csv.writeNext(names, false);
            for (Line l : lines) {
                csv.writeNext(new String[] {inert(l.provinceName()), l.regionCode(), inert(l.regionName()), l.fieldCode(),
                        inert(l.office()), l.periodCode(), l.periodLabel(), l.deadline(), fmt.msg("chase.status." + l.status()),
                        String.valueOf(l.days()), l.lastArrival() == null ? "" : l.lastArrival(), String.valueOf(l.files()),
                        inert(l.officer()), inert(l.contact())}, false);
            }
            csv.flush();
            if (csv.checkError()) {
                throw new IOException("could not write " + file);
            }
        }
    }

    /**
     * Text an office wrote, made inert for a spreadsheet: a leading =, +, - or @ would start a formula
     * (a phone number "+62 812..." included), so it gets the apostrophe spreadsheets read as "text".
     */
    static String inert(String text) {
        if (text == null) {
            return "";
        }
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
