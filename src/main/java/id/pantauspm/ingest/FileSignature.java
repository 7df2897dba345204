package id.pantauspm.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The first bytes of a file, to tell what it really is whatever its name says. */
final class FileSignature {

    private FileSignature() {
    }

    static byte[] head(Path file) throws FileRefusedException {
        return head(file, 8);
    }

    static byte[] head(Path file, int bytes) throws FileRefusedException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(bytes);
            if (head.length == 0) {
                throw new FileRefusedException(Problem.file("file_zero_bytes"));
            }
            return head;
        } catch (IOException e) {
            throw new FileRefusedException(Problem.corrupt(file, e), e);
        }
    }

    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    static boolean isOle2(byte[] head) {
        return head.length >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0;
    }
}
