package id.pantauspm.ops;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which build of the program is running, for what must be computed or drawn again after an upgrade. */
public final class Program {

    private Program() {
    }

    /**
     * The program's jar as "size@modified-millis", so a new release differs; empty when run from a classes folder
     * (a developer's build, the tests).
     */
    public static String identity() {
        try {
            Path code = Path.of(Program.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(code) ? Files.size(code) + "@" + Files.getLastModifiedTime(code).toMillis() : "";
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "";
        }
    }
}
