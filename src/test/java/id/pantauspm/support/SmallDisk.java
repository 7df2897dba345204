package id.pantauspm.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real small disk (a tmpfs of a few megabytes mounted on a test folder) that a test can fill to the last byte, so
 * the application meets the operating system's own "No space left on device", not a simulation of it. Mounting
 * needs root (as .ci/run has); elsewhere the test is skipped, saying why.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path mountPoint;
    private final Path filler;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve(".filler");
    }

    public static SmallDisk mount(Path mountPoint, int megabytes) throws Exception {
        Files.createDirectories(mountPoint);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mountPoint.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        boolean mounted = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "cannot mount a small tmpfs here (needs root): " + out.strip());
        return new SmallDisk(mountPoint);
    }

    public Path path() {
        return mountPoint;
    }

    /** Fills the disk to the last block, then frees {@code leaveBytes}: the next larger write fails with ENOSPC. */
    public void fill(long leaveBytes) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (RandomAccessFile f = new RandomAccessFile(filler.toFile(), "rw")) {
            f.seek(f.length());
            try {
                while (true) {
                    f.write(block);
                }
            } catch (IOException full) {
                // the disk is full
            }
            f.setLength(Math.max(0, f.length() - leaveBytes));
        }
    }

    /** Frees what {@link #fill} took, as an operator clearing space would. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws Exception {
        new ProcessBuilder("umount", "-l", mountPoint.toString()).redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
    }
}
