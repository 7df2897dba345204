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

    /**
     * Any `pantau` command (worker, run --workers remote, ...) as its own process, configured as {@link #run} does, with
     * each setting named as Spring binds environment variables (dots to underscores, dashes dropped:
     * pantau.remote.poll-interval is PANTAU_REMOTE_POLLINTERVAL).
     */
    public static Process start(PantauHome home, String maxHeap, String... command) throws IOException {
        java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + maxHeap,
                "-cp", System.getProperty("java.class.path"), PantauApplication.class.getName()));
        line.addAll(java.util.List.of(command));
        ProcessBuilder pb = new ProcessBuilder(line);
        Map<String, String> env = pb.environment();
        for (String arg : home.springArgs()) {
            String[] kv = arg.substring(2).split("=", 2);
            env.put(kv[0].toUpperCase().replace('.', '_').replace("-", ""), kv[1]);
        }
        pb.redirectErrorStream(true);
        return pb.start();
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
