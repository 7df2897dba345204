package id.pantauspm.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import id.pantauspm.ops.OperatorLog;
import id.pantauspm.progress.Counter;
import id.pantauspm.progress.Progress;
import id.pantauspm.store.Submission;
import id.pantauspm.store.SubmissionRepository;

/**
 * Finds new files in the inbox and fingerprints them (SHA-256): the same bytes dropped twice are one
 * submission. A copy of bytes already archived is removed from the inbox, since nothing is lost.
 */
public class ScanTasklet implements Tasklet {

    private static final OperatorLog log = OperatorLog.of(ScanTasklet.class);

    private final PantauSettings settings;
    private final SubmissionRepository submissions;

    public ScanTasklet(PantauSettings settings, SubmissionRepository submissions) {
        this.settings = settings;
        this.submissions = submissions;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        Path inbox = settings.inboxFolder();
        if (!Files.isDirectory(inbox)) {
            throw new IllegalStateException("inbox folder not found: " + inbox);
        }
        List<Path> files = inboxFiles(inbox);
        Counter scanned = Progress.counter("files", files.size());
        for (Path file : files) {
            scanned.increment();
            String sha = sha256(file);
            Optional<Submission> known = submissions.findBySha256(sha);
            if (known.isEmpty()) {
                submissions.register(sha, file.getFileName().toString(), Files.size(file),
                        Files.getLastModifiedTime(file).toInstant(), file.toAbsolutePath(), runId);
                contribution.incrementReadCount();
                log.info("log.scan.received", file.getFileName());
            } else if (known.get().status() == Submission.Status.RECEIVED && !Files.isRegularFile(known.get().inboxPath())) {
                // A pending file that moved (renamed by the office): read it where it now is. A second copy
                // of the same bytes leaves the registered one, whose name the receipt gives, in place.
                submissions.updateInboxPath(known.get().id(), file.toAbsolutePath());
            } else if (!settings.keepsInboxFiles() && known.get().storedAs() != null
                    && Files.exists(Path.of(known.get().storedAs())) && sha256(Path.of(known.get().storedAs())).equals(sha)) {
                log.info("log.scan.duplicate_removed", file.getFileName(), String.valueOf(known.get().id()));
                Files.delete(file);
            }
        }
        return RepeatStatus.FINISHED;
    }

    /** Every regular, visible file below the inbox, in a stable order. */
    static List<Path> inboxFiles(Path inbox) throws IOException {
        try (Stream<Path> walk = Files.walk(inbox)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("~$")) // Office lock files of open workbooks
                    .filter(p -> { // hidden files and folders
                        for (Path part : inbox.relativize(p)) {
                            if (part.toString().startsWith(".")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted()
                    .toList();
        }
    }

    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
