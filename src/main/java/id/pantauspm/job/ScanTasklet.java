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
 * submission, the earliest copy by file time; every other copy is registered as a duplicate, to be
 * filed with its own receipt by the archive step.
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
        // Oldest first: of two copies of the same bytes, the earliest by file time is the submission.
        List<Path> files = new java.util.ArrayList<>(inboxFiles(inbox));
        files.removeIf(ScanTasklet::notFollowed);
        java.util.Map<Path, java.time.Instant> times = new java.util.HashMap<>();
        java.util.Map<Path, Long> sizes = new java.util.HashMap<>();
        for (Path file : files) {
            times.put(file, Files.getLastModifiedTime(file).toInstant());
            sizes.put(file, Files.size(file));
        }
        files.removeAll(stillBeingWritten(files, times, sizes, settings.ingest().settleTime()));
        files.sort(java.util.Comparator.comparing((Path f) -> times.get(f)).thenComparing(f -> f));
        Counter scanned = Progress.counter("files", files.size());
        for (Path file : files) {
            scanned.increment();
            Path path = file.toAbsolutePath();
            String sha = sha256(file);
            Optional<Submission> known = submissions.findBySha256(sha);
            if (known.isEmpty()) {
                submissions.register(sha, file.getFileName().toString(), Files.size(file), times.get(file), path, runId);
                contribution.incrementReadCount();
                log.info("log.scan.received", file.getFileName());
                continue;
            }
            Submission s = known.get();
            // Seen before: read in place in samples mode, or still waiting since a run that died. In a real
            // inbox a file already filed and dropped again under the same name is a new copy.
            boolean keeps = settings.keepsInboxFiles();
            if ((s.inboxPath().equals(path) && (keeps || s.storedAs() == null)) || submissions.isDuplicateAt(s.id(), path, keeps)) {
                continue;
            }
            if (s.status() == Submission.Status.RECEIVED && !Files.isRegularFile(s.inboxPath())) {
                // A pending file that moved (renamed by the office after a run died): read it where it now is.
                submissions.updateInboxPath(s.id(), path);
                continue;
            }
            // Another copy of bytes already received: filed with a receipt saying so, never just deleted.
            submissions.registerDuplicate(s.id(), file.getFileName().toString(), Files.size(file), times.get(file), path, runId);
            log.info("log.scan.duplicate", file.getFileName(), s.fileName());
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * A symbolic link is never followed: it could point anywhere on this machine (/etc, another office's folder),
     * and a file is only what an office put in the inbox. Said in the log, left where it is.
     */
    private static boolean notFollowed(Path file) {
        if (Files.isSymbolicLink(file)) {
            log.warn("log.scan.symlink", file.getFileName());
            return true;
        }
        return false;
    }

    /**
     * Files still being written when the scan starts (a copy over the network, a program saving): a file changed
     * within the settle time is looked at again once that time has passed, and taken only if its size and time
     * stayed the same; otherwise it is left for the next run, whole.
     */
    static List<Path> stillBeingWritten(List<Path> files, java.util.Map<Path, java.time.Instant> times,
                                        java.util.Map<Path, Long> sizes, java.time.Duration settle) throws IOException {
        if (settle.isZero() || settle.isNegative()) {
            return List.of();
        }
        java.time.Instant now = java.time.Instant.now();
        List<Path> young = files.stream().filter(f -> times.get(f).isAfter(now.minus(settle))).toList();
        if (young.isEmpty()) {
            return List.of();
        }
        try {
            Thread.sleep(settle.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Path> changing = new java.util.ArrayList<>();
        for (Path f : young) {
            if (!Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || !Files.getLastModifiedTime(f).toInstant().equals(times.get(f)) || Files.size(f) != sizes.get(f)) {
                changing.add(f);
                log.info("log.scan.still_written", f.getFileName());
            }
        }
        return changing;
    }

    /** Every regular, visible file below the inbox, in a stable order; symbolic links are listed (and then refused). */
    static List<Path> inboxFiles(Path inbox) throws IOException {
        try (Stream<Path> walk = Files.walk(inbox)) {
            return walk.filter(p -> Files.isRegularFile(p) || Files.isSymbolicLink(p))
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
