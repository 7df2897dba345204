package id.pantauspm.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import id.pantauspm.period.Period;
import id.pantauspm.store.ResultRepository.RegionRow;
import id.pantauspm.store.ResultRepository.ServiceRow;
import id.pantauspm.store.SubmissionRepository.Arrival;

/**
 * The morning mail for officials, plain text in the report language: the night's status line,
 * the newest period's spread of SPM indices, who reported late or not yet (deadline as on the
 * completeness page), the weakest services, and where to read more. Formats only: the indices
 * are the evaluator's, lateness follows {@link SitePages#deadline(Period, int)}.
 */
public final class MorningSummary {

    static final int WORST_LISTED = 5;

    /** What happened in the night's run, for the status line. */
    public record Night(int filesAccepted, int filesRefused, long rowsAccepted, long rowsRejected) {
    }

    /** Subject and body. */
    public record Text(String subject, String body) {
    }

    private final ReportFormat fmt;
    private final int deadlineDay;

    public MorningSummary(ReportFormat fmt, int deadlineDay) {
        this.fmt = fmt;
        this.deadlineDay = deadlineDay;
    }

    /**
     * @param reportLink where the report can be read (null: not published on a web server)
     * @param pdfNames   the PDF reports attached (may be empty)
     */
    public Text compose(LocalDate today, Night night, ReportData data, List<Arrival> arrivals, String reportLink,
                        List<String> pdfNames) {
        StringBuilder b = new StringBuilder();
        b.append(fmt.msg("mail.summary.greeting")).append("\n\n");
        b.append(fmt.msg("mail.summary.run", night.filesAccepted(), night.filesRefused(), night.rowsAccepted(), night.rowsRejected()))
                .append('\n');
        String status;
        if (night.filesAccepted() + night.filesRefused() == 0) {
            status = fmt.msg("mail.summary.status_nothing");
        } else if (night.filesRefused() > 0 || night.rowsRejected() > 0) {
            status = fmt.msg("mail.summary.status_rejected");
        } else {
            status = fmt.msg("mail.summary.status_ok");
        }
        if (!data.periods().isEmpty()) {
            String period = data.periods().get(0);
            List<RegionRow> ranking = data.ranking(period).stream().filter(r -> r.index() != null).toList();
            if (!ranking.isEmpty()) {
                RegionRow best = ranking.get(0);
                RegionRow worst = ranking.get(ranking.size() - 1);
                b.append(ranking.size() == 1
                        ? fmt.msg("mail.summary.newest_one", fmt.period(period), fmt.pct(best.index()), fmt.region(best.regionCode()))
                        : fmt.msg("mail.summary.newest", fmt.period(period), ranking.size(), fmt.pct(worst.index()),
                                fmt.region(worst.regionCode()), fmt.pct(best.index()), fmt.region(best.regionCode())))
                        .append('\n');
            }
            b.append('\n');
            reporting(b, period, today, arrivals);
            worst(b, data.services(period), period);
        }
        if (reportLink != null) {
            b.append('\n').append(fmt.msg("mail.summary.link", reportLink)).append('\n');
        }
        if (!pdfNames.isEmpty()) {
            b.append(fmt.msg("mail.summary.pdf", String.join(", ", pdfNames))).append('\n');
        }
        b.append('\n').append(fmt.msg("mail.summary.footer")).append('\n');
        return new Text(fmt.msg("mail.summary.subject", fmt.date(today), status), b.toString());
    }

    /** Regions that have reported before and sent the newest period late, or not yet. */
    private void reporting(StringBuilder b, String periodCode, LocalDate today, List<Arrival> arrivals) {
        Period period = Period.parse(periodCode).orElseThrow();
        // the calendar of the evaluation: the same deadline the reports and the completeness page use
        LocalDate deadline = new id.pantauspm.evaluate.ReportingCalendar(deadlineDay, ZoneId.systemDefault()).deadline(period);
        TreeSet<String> reporting = arrivals.stream().map(Arrival::regionCode).collect(Collectors.toCollection(TreeSet::new));
        Map<String, LocalDate> lastArrival = new TreeMap<>();
        arrivals.stream().filter(a -> a.periodCode().equals(periodCode)).forEach(a -> lastArrival.merge(a.regionCode(),
                a.last().atZone(ZoneId.systemDefault()).toLocalDate(), (x, y) -> x.isAfter(y) ? x : y));
        List<String> late = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String region : reporting) {
            LocalDate last = lastArrival.get(region);
            if (last == null) {
                missing.add(fmt.region(region));
            } else if (last.isAfter(deadline)) {
                late.add(fmt.region(region) + " (" + fmt.date(last) + ")");
            }
        }
        b.append(fmt.msg(today.isAfter(deadline) ? "mail.summary.reporting_past" : "mail.summary.reporting_open",
                fmt.period(periodCode), fmt.date(deadline))).append('\n');
        if (late.isEmpty() && missing.isEmpty()) {
            b.append(fmt.msg("mail.summary.all_on_time")).append('\n');
        }
        if (!late.isEmpty()) {
            b.append(fmt.msg("mail.summary.late", late.size(), String.join(", ", late))).append('\n');
        }
        if (!missing.isEmpty()) {
            b.append(fmt.msg("mail.summary.missing", missing.size(), String.join(", ", missing))).append('\n');
        }
    }

    /** The weakest services of the period (index under 100), lowest first. */
    private void worst(StringBuilder b, List<ServiceRow> services, String periodCode) {
        List<ServiceRow> worst = services.stream()
                .filter(s -> s.index() != null && s.index().compareTo(java.math.BigDecimal.valueOf(100)) < 0)
                .sorted(Comparator.comparing(ServiceRow::index).thenComparing(ServiceRow::regionCode).thenComparing(ServiceRow::serviceCode))
                .limit(WORST_LISTED).toList();
        if (worst.isEmpty()) {
            return;
        }
        b.append('\n').append(fmt.msg("mail.summary.worst_title", fmt.period(periodCode))).append('\n');
        for (ServiceRow s : worst) {
            b.append(fmt.msg("mail.summary.worst", fmt.region(s.regionCode()), s.serviceCode() + " " + fmt.service(s.serviceCode()),
                    fmt.pct(s.index()), fmt.category(s.category()))).append('\n');
        }
    }
}
