package id.pantauspm.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import id.pantauspm.PantauApplication;

/**
 * `pantau run` as its own operating-system process, configured by PANTAU_* environment variables as
 * an operator would, for tests that kill it or limit its memory.
 */
public final class PantauProcess {

    private PantauProcess() {
    }

    public static Process run(PantauHome home, String maxHeap) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"), PantauApplication.class.getName(), "run");
        Map<String, String> env = pb.environment();
        for (String arg : home.springArgs()) {
            // --pantau.db.url=... becomes PANTAU_DB_URL=...
            String[] kv = arg.substring(2).split("=", 2);
            env.put(kv[0].toUpperCase().replace('.', '_').replace('-', '_'), kv[1]);
        }
        pb.redirectErrorStream(true);
        return pb.start();
    }
}
