package id.pantauspm.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import id.pantauspm.ingest.SpreadsheetFormats;
import id.pantauspm.ingest.TemplateContact;
import id.pantauspm.mail.Mailer;
import id.pantauspm.mail.MailSettings;
import id.pantauspm.mail.OfficeContacts;
import id.pantauspm.ops.OperatorLog;
import id.pantauspm.progress.Counter;
import id.pantauspm.progress.Progress;
import id.pantauspm.report.MorningSummary;
import id.pantauspm.report.ReceiptWriter;
import id.pantauspm.report.ReportData;
import id.pantauspm.report.ReportFormat;
import id.pantauspm.store.MailRepository;
import id.pantauspm.store.ResultRepository;
import id.pantauspm.store.Submission;
import id.pantauspm.store.SubmissionRepository;
import id.pantauspm.store.ValueRepository;

/**
 * The last step: each filed submission's receipt by mail to the office that sent it (the contact
 * in its template, else the office list in settings, else the fallback address), then the morning
 * summary to the officials. Does nothing unless {@code pantau.mail.enabled}. Mail never fails the
 * run: a receipt that could not be sent stays due and is tried again by the next run.
 */
class NotifyTasklet implements Tasklet {

    private static final OperatorLog log = OperatorLog.of(NotifyTasklet.class);
    /** After this many failed sends in a row the server is taken to be down for this run. */
    private static final int GIVE_UP_AFTER = 2;

    private final Mailer mailer;
    private final PantauSettings settings;
    private final MailRepository mails;
    private final SubmissionRepository submissions;
    private final ValueRepository values;
    private final ResultRepository results;
    private final ReceiptWriter receipts;
    private final ReportFormat format;
    private final SpreadsheetFormats formats;

    NotifyTasklet(Mailer mailer, PantauSettings settings, MailRepository mails, SubmissionRepository submissions,
                  ValueRepository values, ResultRepository results, ReceiptWriter receipts, ReportFormat format,
                  SpreadsheetFormats formats) {
        this.mailer = mailer;
        this.settings = settings;
        this.mails = mails;
        this.submissions = submissions;
        this.values = values;
        this.results = results;
        this.receipts = receipts;
        this.format = format;
        this.formats = formats;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        MailSettings mail = mailer.settings();
        if (!mail.enabled()) {
            log.info("log.mail.off");
            return RepeatStatus.FINISHED;
        }
        if (!mailer.ready()) {
            log.warn("log.mail.not_configured");
            return RepeatStatus.FINISHED;
        }
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        if (mail.receipts()) {
            mails.markDue(runId);
            sendReceipts(mail, contribution);
        }
        if (!mail.officials().isEmpty()) {
            sendSummary(mail, runId, contribution);
        }
        return RepeatStatus.FINISHED;
    }

    private void sendReceipts(MailSettings mail, StepContribution contribution) throws IOException {
        OfficeContacts offices = OfficeContacts.load(settings.home().resolve(mail.offices()));
        List<Submission> due = mails.due();
        Counter sent = Progress.counter("mails", due.size());
        int failedInARow = 0;
        for (Submission s : due) {
            sent.increment();
            Set<String> to = addresses(s, offices, mail);
            if (to.isEmpty()) {
                mails.mark(s.id(), MailRepository.NO_ADDRESS, null);
                log.warn("log.mail.receipt_no_address", s.fileName(), settings.home().resolve(mail.offices()));
                continue;
            }
            Path receipt = settings.outboxFolder().resolve(receipts.fileName(s));
            if (!Files.isRegularFile(receipt)) {
                continue; // not filed yet (the archive step left it): due until it is
            }
            List<Path> attachments = new ArrayList<>(List.of(receipt));
            attachments.addAll(markedCopies(receipt));
            String body = format.msg("mail.receipt.intro") + "\n\n" + Files.readString(receipt) + "\n" + format.msg("mail.receipt.footer");
            try {
                mailer.send(new Mailer.Letter(to, format.msg("mail.receipt.subject", ReceiptWriter.inert(s.fileName()), status(s)), body, attachments));
                mails.mark(s.id(), MailRepository.SENT, String.join(", ", to));
                contribution.incrementWriteCount(1);
                log.info("log.mail.receipt_sent", s.fileName(), String.join(", ", to));
                failedInARow = 0;
            } catch (Exception e) {
                log.warn(e, "log.mail.receipt_failed", s.fileName(), String.join(", ", to), reason(e));
                if (++failedInARow >= GIVE_UP_AFTER) {
                    break;
                }
            }
        }
    }

    /** The template's contact first (the clerk who filled it in), then the office list, else the fallback. */
    private Set<String> addresses(Submission s, OfficeContacts offices, MailSettings mail) {
        Set<String> to = new LinkedHashSet<>();
        if (s.storedAs() != null) {
            TemplateContact.read(Path.of(s.storedAs()), formats).flatMap(OfficeContacts::address).ifPresent(to::add);
        }
        MailRepository.Coverage coverage = mails.coverage(s.id());
        to.addAll(offices.addressesFor(coverage.regions(), coverage.fields()));
        if (to.isEmpty() && mail.fallback() != null && !mail.fallback().isBlank()) {
            to.add(mail.fallback().strip());
        }
        return to;
    }

    private String status(Submission s) {
        if (s.status() == Submission.Status.REFUSED) {
            return format.msg("mail.receipt.status.REFUSED");
        }
        int rejected = values.countRejectedRows(s.id());
        return rejected > 0 ? format.msg("mail.receipt.status.SOME_REJECTED", rejected) : format.msg("mail.receipt.status.INGESTED");
    }

    /** The marked workbook beside the receipt (same name, a workbook's extension), when the archive step wrote one. */
    private static List<Path> markedCopies(Path receipt) throws IOException {
        String base = receipt.getFileName().toString().replaceFirst("\\.txt$", "");
        try (Stream<Path> list = Files.list(receipt.getParent())) {
            return list.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(base + ".") && !n.endsWith(".txt");
            }).sorted().toList();
        }
    }

    private void sendSummary(MailSettings mail, long runId, StepContribution contribution) throws IOException {
        List<Submission> ofRun = submissions.ofRun(runId);
        long[] rows = submissions.rowCounts(runId);
        MorningSummary.Night night = new MorningSummary.Night(
                (int) ofRun.stream().filter(s -> s.status() == Submission.Status.INGESTED).count(),
                (int) ofRun.stream().filter(s -> s.status() == Submission.Status.REFUSED).count(), rows[0], rows[1]);
        List<Path> pdfs = summaryPdfs(mail);
        String link = mail.reportUrl() == null || mail.reportUrl().isBlank() ? null
                : mail.reportUrl().replaceFirst("/?$", "/") + "index.html";
        MorningSummary.Text text = new MorningSummary(format, settings.deadlineDay()).compose(LocalDate.now(), night,
                ReportData.load(results), submissions.arrivals(), link, pdfs.stream().map(p -> p.getFileName().toString()).toList());
        try {
            mailer.send(new Mailer.Letter(mail.officials(), text.subject(), text.body(), pdfs));
            contribution.incrementWriteCount(1);
            log.info("log.mail.summary_sent", String.join(", ", mail.officials()));
        } catch (Exception e) {
            log.warn(e, "log.mail.summary_failed", String.join(", ", mail.officials()), reason(e));
        }
    }

    /** The newest PDF reports of the region named in pantau.mail.summary-region (a year's and a quarter's). */
    private List<Path> summaryPdfs(MailSettings mail) throws IOException {
        if (mail.summaryRegion() == null || mail.summaryRegion().isBlank()) {
            return List.of();
        }
        Path folder = settings.reportsFolder().resolve("latest").resolve("pdf");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        String prefix = format.msg("pdf.file_name", mail.summaryRegion().strip(), "", "").strip();
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().startsWith(prefix + " ")).sorted().toList();
        }
    }

    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
