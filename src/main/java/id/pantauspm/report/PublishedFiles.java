package id.pantauspm.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import id.pantauspm.evaluate.ResultDigest;

/**
 * The last published report's files that a night may copy instead of drawing again (issue 12): a region's PDF whose
 * document (every figure, word and name it shows) is the same as the one the published file was drawn from. A new
 * quarter then draws that quarter's PDFs, not last year's again; a night where one kabupaten sent a file draws its
 * PDFs and its province's. The e-SPM draft workbooks are copied the same way.
 *
 * <p>Each partition keeps, in the run folder, {@code .pantau/<part>.tsv}: a line per file written (its path
 * in the run folder, a tab, the fingerprint of its document). The fingerprint leaves out the day the file was made
 * (a copied PDF keeps the date it was first drawn, which is the date its figures were reported) and includes the
 * program, the PDF templates, the message bundles and the catalogue, region list and settings, so a new release, new
 * wording or a renamed service draws every file again.
 * {@code pantau report} always draws everything. One instance per partition; not shared between threads.
 */
public final class PublishedFiles {

    /** The run folder's sub-folder of the fingerprint lists (published with the run, read by the next night). */
    public static final String FOLDER = ".pantau";

    /** What a document's fingerprint leaves out: the day it was made, and chart objects drawn from its own figures. */
    static final Set<String> UNDATED = Set.of("generatedOn", "placeAndDate", "chart");

    private static final List<String> DRAWN_FROM = List.of("/templates/report/pdf/region.html",
            "/templates/report/pdf/parts.html", "/templates/report/pdf/ikm.html", "/i18n/messages.properties",
            "/i18n/messages_en.properties");

    private static volatile String program;

    private final Path previous;
    private final String inputs;
    private final String list;
    private final Map<String, String> before;
    private final Map<String, String> now = new TreeMap<>();
    private int copied;

    private PublishedFiles(Path previous, String inputs, String list, Map<String, String> before) {
        this.previous = previous;
        this.inputs = inputs;
        this.list = list;
        this.before = before;
    }

    /** Nothing to copy from: every file is drawn (pantau report, a first night). */
    public static PublishedFiles none() {
        return new PublishedFiles(null, "", null, Map.of());
    }

    /**
     * The files a partition may copy from the last published report.
     *
     * @param latest reports/latest (it may not exist: then nothing is copied)
     * @param inputs what every file is drawn from besides its model: the catalogue folder (the names of fields,
     *               services and mutu items, the regions' plans), the region list and the settings (job's
     *               EvaluationInputs key); a change draws every file again
     * @param part   the partition (a province code)
     */
    public static PublishedFiles of(Path latest, String inputs, String part) {
        String list = part + ".tsv";
        Map<String, String> before = new TreeMap<>();
        Path file = latest.resolve(FOLDER).resolve(list);
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) {
                        before.put(line.substring(0, tab), line.substring(tab + 1));
                    }
                }
            } catch (IOException e) {
                before.clear(); // an unreadable list: everything is drawn again
            }
        }
        return new PublishedFiles(latest, inputs, list, before);
    }

    /**
     * The fingerprint of a document model (records, lists, plain values), with the program and templates; null when
     * the model holds a value without a stable fingerprint (then the file is drawn, never copied: a later change to
     * a model cannot make a night copy a stale file or fail).
     */
    String fingerprint(Object document) {
        if (list == null) {
            return null; // none(): nothing is copied nor recorded, so nothing to fingerprint
        }
        try {
            return ResultDigest.of(List.of(program(), inputs, document), UNDATED);
        } catch (IllegalArgumentException unstable) {
            return null;
        }
    }

    /**
     * Copies the published file at {@code relative} into {@code target} when it was drawn from a document with this
     * fingerprint (a hard link where the file system allows: {@link ReportSite#linkOrCopy}), and records the
     * fingerprint for the next night either way.
     *
     * @return true when copied; false when the caller must draw the file
     * @throws IOException when the copy cannot be written (a full disk)
     */
    boolean copied(String relative, String fingerprint, Path target) throws IOException {
        if (fingerprint == null) {
            return false;
        }
        now.put(relative, fingerprint);
        Path source = previous == null ? null : previous.resolve(relative);
        if (source == null || !fingerprint.equals(before.get(relative)) || !Files.isRegularFile(source)) {
            return false;
        }
        ReportSite.linkOrCopy(source, target);
        copied++;
        return true;
    }

    /** How many files were copied rather than drawn. */
    public int copiedCount() {
        return copied;
    }

    /** Writes this partition's fingerprints into the run folder, for the next night. */
    public void save(Path run) throws IOException {
        if (list == null) {
            return;
        }
        Files.createDirectories(run.resolve(FOLDER));
        StringBuilder text = new StringBuilder();
        now.forEach((path, digest) -> text.append(path).append('\t').append(digest).append('\n'));
        Files.writeString(run.resolve(FOLDER).resolve(list), text, StandardCharsets.UTF_8);
    }

    /** The program's jar (size and time) and the PDF templates and words, read once. */
    private static String program() {
        String p = program;
        if (p == null) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(id.pantauspm.ops.Program.identity().getBytes(StandardCharsets.UTF_8));
                for (String resource : DRAWN_FROM) {
                    try (InputStream in = PublishedFiles.class.getResourceAsStream(resource)) {
                        if (in != null) {
                            sha.update(in.readAllBytes());
                        }
                    }
                }
                p = HexFormat.of().formatHex(sha.digest());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            program = p;
        }
        return p;
    }
}
