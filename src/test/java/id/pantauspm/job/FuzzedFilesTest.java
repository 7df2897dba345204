package id.pantauspm.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.Cli;
import id.pantauspm.support.Ingested;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.PoisonFiles;
import id.pantauspm.support.TestDatabase;

/**
 * Issue 10, point 6: a seeded mutator over the bundled samples, the field cases and the poison files (byte flips,
 * truncation, duplicated chunks, corrupted parts inside the zip) makes {@value #FILES} files. Each is read by the
 * shared ingest path under a time limit; then all of them go through `pantau validate` and through one real night.
 * Any crash (an exception out of the ingest path, exit 1, a stack trace on the console) or hang fails the test and
 * keeps the input under target/fuzz-failures/ to replay. Seed: -Dpantau.fuzz.seed=N (printed on failure).
 */
@Tag("slow")
@DisplayName("Fuzzed files: 1,000 mutated inputs, no crash, no hang, through validate and a real run")
class FuzzedFilesTest {

    static final int FILES = 1_000;
    private static final long SEED = Long.getLong("pantau.fuzz.seed", 20261129L);
    private static final Path KEPT = PantauHome.PROJECT.resolve("target/fuzz-failures");

    @TempDir
    Path temp;

    /** The seeds: every small sample, field case and poison file, by name. */
    static Map<String, byte[]> seeds() throws IOException {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (Path folder : List.of(PantauHome.SAMPLES, PantauHome.PROJECT.resolve("src/test/resources/cases"))) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    if (Files.size(f) < 200_000 && f.getFileName().toString().matches(".*\\.(csv|txt|xlsx|xls)")) {
                        seeds.put(f.getFileName().toString(), Files.readAllBytes(f));
                    }
                }
            }
        }
        seeds.putAll(PoisonFiles.all());
        return seeds;
    }

    /** {@value #FILES} mutants, named after their seed file and mutation, reproducible from {@link #SEED}. */
    static Map<String, byte[]> mutants(Map<String, byte[]> seeds, long seed) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>(seeds.keySet());
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; out.size() < FILES; i++) {
            String name = names.get(random.nextInt(names.size()));
            byte[] bytes = seeds.get(name);
            int kind = random.nextInt(name.endsWith(".xlsx") ? 5 : 4);
            byte[] mutant = switch (kind) {
                case 0 -> flip(bytes, random);
                case 1 -> Arrays.copyOf(bytes, random.nextInt(Math.max(1, bytes.length)));
                case 2 -> duplicateChunk(bytes, random);
                case 3 -> flip(duplicateChunk(bytes, random), random);
                default -> corruptPart(bytes, random);
            };
            String ext = name.substring(name.lastIndexOf('.'));
            out.put(String.format("f%04d-%d-%s", i, kind, name.substring(0, name.lastIndexOf('.'))
                    .replaceAll("[^A-Za-z0-9-]", "_")) + ext, mutant);
        }
        return out;
    }

    private static byte[] flip(byte[] bytes, Random random) {
        byte[] b = bytes.clone();
        int flips = 1 + random.nextInt(10);
        for (int i = 0; i < flips && b.length > 0; i++) {
            b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return b;
    }

    private static byte[] duplicateChunk(byte[] bytes, Random random) {
        if (bytes.length < 2) {
            return bytes.clone();
        }
        int from = random.nextInt(bytes.length);
        int len = 1 + random.nextInt(Math.min(4096, bytes.length - from));
        int at = random.nextInt(bytes.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.write(bytes, from, len);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    /** One part of the xlsx (a sheet, the shared strings, the styles...) flipped or cut, the zip itself intact. */
    private static byte[] corruptPart(byte[] zip, Random random) {
        try {
            List<String> entries = new ArrayList<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    entries.add(e.getName());
                }
            }
            if (entries.isEmpty()) {
                return flip(zip, random);
            }
            String victim = entries.get(random.nextInt(entries.size()));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    byte[] part = in.readAllBytes();
                    if (e.getName().equals(victim)) {
                        part = random.nextBoolean() ? flip(part, random) : Arrays.copyOf(part, random.nextInt(Math.max(1, part.length)));
                    }
                    out.write(part);
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException | RuntimeException notAZip) {
            return flip(zip, random);
        }
    }

    private static void keep(String name, byte[] bytes, String why) {
        try {
            Files.createDirectories(KEPT);
            Files.write(KEPT.resolve(name), bytes);
            Files.writeString(KEPT.resolve(name + ".why.txt"), "seed " + SEED + "\n" + why + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void fuzzedFilesNeverCrashTheNight() throws Exception {
        long started = System.nanoTime();
        Map<String, byte[]> mutants = mutants(seeds(), SEED);
        assertThat(mutants).hasSizeGreaterThanOrEqualTo(1_000);
        Path folder = Files.createDirectories(temp.resolve("fuzzed"));
        for (Map.Entry<String, byte[]> m : mutants.entrySet()) {
            Files.write(folder.resolve(m.getKey()), m.getValue());
        }

        // 1. Each file through the shared ingest path, under a time limit: no exception escapes, none hangs.
        List<String> crashes = new ArrayList<>();
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            for (Map.Entry<String, byte[]> m : mutants.entrySet()) {
                Future<Ingested> read = one.submit(() -> Ingested.read(folder.resolve(m.getKey())));
                try {
                    read.get(30, TimeUnit.SECONDS);
                } catch (TimeoutException hang) {
                    read.cancel(true);
                    keep(m.getKey(), m.getValue(), "hang: more than 30 s");
                    crashes.add(m.getKey() + ": hang");
                    one.shutdownNow();
                    one = Executors.newSingleThreadExecutor();
                } catch (java.util.concurrent.ExecutionException crash) {
                    java.io.StringWriter trace = new java.io.StringWriter();
                    crash.getCause().printStackTrace(new java.io.PrintWriter(trace));
                    keep(m.getKey(), m.getValue(), trace.toString());
                    crashes.add(m.getKey() + ": " + crash.getCause());
                }
            }
        } finally {
            one.shutdownNow();
        }
        assertThat(crashes).as("crashes and hangs (inputs kept in %s, seed %d)", KEPT, SEED).isEmpty();

        // 2. All of them through `pantau validate`: 0, 3 or 4, never 1, never a stack trace.
        PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp));
        Cli.Result validate = Cli.pantau("validate", folder.toString(), "--data", temp.resolve("validate-data").toString(),
                "--catalogue", PantauHome.PROJECT.resolve("indicators").toString());
        assertThat(validate.code()).as("validate exit, err: %s", tail(validate.err())).isIn(0, 3, 4);
        assertThat(validate.out() + validate.err()).doesNotContain("Exception", "\tat ");

        // 3. All of them in one real night: it finishes (exit 0 or 3), every file filed with its receipt.
        try (Stream<Path> files = Files.list(folder)) {
            Files.createDirectories(home.inbox());
            for (Path f : files.toList()) {
                Files.copy(f, home.inbox().resolve(f.getFileName()));
            }
        }
        RunSummary night = home.run();
        assertThat(night.failed()).as("night failed (seed %d): %s", SEED, night.failure()).isFalse();
        assertThat(night.exitCode()).isIn(RunSummary.OK, RunSummary.SOME_REJECTED);
        try (Stream<Path> left = Files.list(home.inbox())) {
            assertThat(left.toList()).as("files left in the inbox").isEmpty();
        }
        System.out.printf("FUZZ seed %d: %d files, ingest path + validate + one night, 0 crashes, %.1f s%n", SEED,
                mutants.size(), (System.nanoTime() - started) / 1e9);
    }

    private static String tail(String s) {
        return s.length() <= 2000 ? s : s.substring(s.length() - 2000);
    }
}
