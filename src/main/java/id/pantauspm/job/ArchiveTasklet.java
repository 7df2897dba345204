package id.pantauspm.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import id.pantauspm.ops.OperatorLog;
import id.pantauspm.progress.Counter;
import id.pantauspm.progress.Progress;
import id.pantauspm.report.MarkedWorkbook;
import id.pantauspm.report.Receipt;
import id.pantauspm.report.ReceiptWriter;
import id.pantauspm.store.DuplicateFile;
import id.pantauspm.store.ResultRepository;
import id.pantauspm.store.Submission;
import id.pantauspm.store.SubmissionRepository;
import id.pantauspm.store.ValueRepository;

/**
 * Puts every finished file in the archive (ingested) or the rejected folder (refused), byte for
 * byte, with its receipt beside it and in the outbox. The inbox copy is removed only once the
 * copy is verified by its SHA-256; in samples mode it is left where it is.
 */
class ArchiveTasklet implements Tasklet {

    private static final OperatorLog log = OperatorLog.of(ArchiveTasklet.class);

    private final PantauSettings settings;
    private final SubmissionRepository submissions;
    private final ValueRepository values;
    private final ReceiptWriter receipts;
    private final ResultRepository results;

    ArchiveTasklet(PantauSettings settings, SubmissionRepository submissions, ValueRepository values, ReceiptWriter receipts,
                   ResultRepository results) {
        this.results = results;
        this.settings = settings;
        this.submissions = submissions;
        this.values = values;
        this.receipts = receipts;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        java.util.List<Submission> awaiting = submissions.awaitingArchive();
        Counter filed = Progress.counter("files", awaiting.size());
        for (Submission s : awaiting) {
            filed.increment();
            boolean refused = s.status() == Submission.Status.REFUSED;
            Path folder = refused ? settings.rejectedFolder()
                    : settings.archiveFolder().resolve(s.receivedAt().atZone(ZoneId.systemDefault()).toLocalDate().toString());
            Path target = folder.resolve(s.id() + "_" + s.fileName());
            String receipt = receipts.render(new Receipt(s, values.countValues(s.id()), values.countRejectedRows(s.id()),
                    values.countRowsWithWarnings(s.id()), values.problems(s.id()), changes(s),
                    values.sameNight(s.id()), results.flagsOfSubmission(s.id()), false));
            createFolder(folder);
            if (Files.isRegularFile(s.inboxPath())) {
                receipt += markedCopy(s);
                copyVerified(s.inboxPath(), s.sha256(), s.fileName(), target);
                if (!settings.keepsInboxFiles()) {
                    Files.delete(s.inboxPath());
                }
            } else if (!Files.isRegularFile(target)) {
                log.warn("log.archive.missing", s.fileName());
                continue;
            }
            if (refused) {
                receipts.write(folder.resolve(receipts.fileName(s)), receipt);
            }
            receipts.write(settings.outboxFolder().resolve(receipts.fileName(s)), receipt);
            submissions.storedAs(s.id(), target.toAbsolutePath());
            contribution.incrementWriteCount(1);
            log.info("log.archive.stored", s.fileName(), target);
        }
        for (DuplicateFile d : submissions.duplicatesAwaitingArchive()) {
            fileDuplicate(d);
            contribution.incrementWriteCount(1);
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * A copy of bytes already received: into the archive beside the original, with a receipt saying whose copy it is.
     * A copy of a refused file is refused again, like its original: into the rejected folder, its receipt (there and
     * in the outbox) saying it is the file refused earlier, still refused, and why.
     */
    private void fileDuplicate(DuplicateFile d) throws IOException {
        Submission original = submissions.find(d.submissionId()).orElseThrow();
        boolean refused = original.status() == Submission.Status.REFUSED;
        Path folder = refused ? settings.rejectedFolder()
                : settings.archiveFolder().resolve(d.receivedAt().atZone(ZoneId.systemDefault()).toLocalDate().toString());
        Path target = folder.resolve(original.id() + "-" + d.id() + "_" + d.fileName());
        createFolder(folder);
        if (Files.isRegularFile(d.inboxPath())) {
            copyVerified(d.inboxPath(), original.sha256(), d.fileName(), target);
            if (!settings.keepsInboxFiles()) {
                Files.delete(d.inboxPath());
            }
        } else if (!Files.isRegularFile(target)) {
            log.warn("log.archive.vanished", d.fileName());
            return;
        }
        String receipt = refused
                ? receipts.renderDuplicate(d, original, submissions.finishedAt(original.id()).orElse(null), values.problems(original.id()))
                : receipts.renderDuplicate(d, original);
        if (refused) {
            receipts.write(folder.resolve(receipts.fileName(original, d)), receipt);
        }
        receipts.write(settings.outboxFolder().resolve(receipts.fileName(original, d)), receipt);
        submissions.duplicateStoredAs(d.id(), target.toAbsolutePath());
        log.info(refused ? "log.archive.duplicate_refused" : "log.archive.duplicate", d.fileName(), original.fileName(), target);
    }

    /** What this file changed against earlier ones, and the earlier values of its services it left out. */
    private java.util.List<id.pantauspm.store.ValueChange> changes(Submission s) {
        java.util.List<id.pantauspm.store.ValueChange> all = new java.util.ArrayList<>(values.changes(s.id()));
        all.addAll(values.dropped(s.id()));
        return all;
    }

    /** For a workbook with problem cells, a marked copy in the outbox; its line for the receipt. */
    private String markedCopy(Submission s) {
        try {
            String base = receipts.fileName(s).replaceFirst("\\.txt$", "");
            return MarkedWorkbook.write(s.inboxPath(), base, values.problems(s.id()), receipts, settings.outboxFolder())
                    .map(p -> "\n" + receipts.markedCopyLine(p.getFileName().toString()) + "\n").orElse("");
        } catch (IOException | RuntimeException e) {
            // The receipt itself matters more than the marked copy: say nothing of a copy that failed.
            log.warn("log.archive.no_marked_copy", s.fileName(), String.valueOf(e.getMessage()));
            return "";
        }
    }

    private static void createFolder(Path folder) throws IOException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new id.pantauspm.ops.FolderWriteFailed(folder, e);
        }
    }

    private static void copyVerified(Path source, String sha256, String fileName, Path target) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // a full disk leaves a truncated copy: remove it, the inbox file stays and the next run copies it again
            Files.deleteIfExists(partial);
            throw new id.pantauspm.ops.FolderWriteFailed(target.getParent(), e);
        }
        if (!ScanTasklet.sha256(partial).equals(sha256)) {
            Files.delete(partial);
            throw new IOException("copy of " + fileName + " does not match its SHA-256; the inbox file changed while being read");
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
