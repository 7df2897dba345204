package id.pantauspm.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;

import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.ingest.FileRefusedException;
import id.pantauspm.ingest.IngestLimits;
import id.pantauspm.ingest.ParsedRow;
import id.pantauspm.ingest.Problem;
import id.pantauspm.ingest.RowParser;
import id.pantauspm.ingest.SourceRow;
import id.pantauspm.ingest.SpreadsheetFormats;
import id.pantauspm.ingest.SubmissionFile;
import id.pantauspm.ingest.TabularLayout;
import id.pantauspm.regions.RegionDirectory;

/**
 * The ingest corpus: bad and awkward inputs with their exact expected outcome. Text files are
 * committed under src/test/resources/corpus/, binary ones are written by {@link CorpusFiles}, and two
 * are converted by LibreOffice when {@code soffice} is installed. expected.csv lists, per file, every
 * value stored and every problem reported (see the README beside it).
 */
public final class Corpus {

    public static final Path COMMITTED = PantauHome.PROJECT.resolve("src/test/resources/corpus");
    public static final Path EXPECTED = COMMITTED.resolve("expected.csv");

    /** The limits the corpus is read with: small, so that files over them stay small too. */
    public static final IngestLimits LIMITS = new IngestLimits(256 * 1024, 100);
    /** The same limits as settings of a Pantau installation. */
    public static final List<String> LIMIT_SETTINGS = List.of("--pantau.ingest.max-file-bytes=256KB", "--pantau.ingest.max-rows=100");

    /** Files made by LibreOffice from {@link #LIBREOFFICE_SOURCE}, by the name they get in the corpus. */
    public static final Map<String, String> LIBREOFFICE_FILES = Map.of("LO 01 dari CSV.xlsx", "xlsx", "LO 02 dari CSV.xls", "xls");
    static final String LIBREOFFICE_SOURCE_NAME = "LO sumber.csv";
    static final String LIBREOFFICE_SOURCE = "kode_wilayah,periode,kode_data,nilai,keterangan\n"
            + "33.74,2025,KES-K11.SASARAN,1500,\n"
            + "33.74,2025,KES-K11.TERLAYANI,=D2-50,rumus\n"
            + "3374,2025,KES-K11.TAHAP1_PENGUMPULAN_DATA,95%,\n"
            + "33.74,2025,KES-K11.TAHAP2_PENGHITUNGAN_KEBUTUHAN,=1/0,\n"
            + "33.74,2025,KES-K11.ANGGARAN_REALISASI,-5,\n"
            + "11.10,2026-07,KES-K11.SASARAN,\"1,5\",\n";

    private static Map<String, Path> materialized;
    private static String libreOfficeProblem;

    private Corpus() {
    }

    /** One line of expected.csv: a value stored, a problem reported, a refusal, or nothing at all. */
    public record Fact(String file, String fact, String sheet, Integer row, String column, String code, String found,
                       String args, String region, String period, String measure, String amount) {

        /** What is compared: everything but the message arguments, which are compared only where the table gives them. */
        public String key() {
            return switch (fact) {
                case "value" -> String.join(" | ", fact, sheet, String.valueOf(row), region, period, measure, amount);
                case "nothing" -> fact;
                default -> String.join(" | ", fact, code, nullToEmpty(sheet), row == null ? "" : row.toString(),
                        nullToEmpty(column), nullToEmpty(found));
            };
        }
    }

    /** Every expected fact, by file, in the order of the table. */
    public static Map<String, List<Fact>> expectations() {
        Map<String, List<Fact>> byFile = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(EXPECTED, StandardCharsets.UTF_8);
             CSVReader csv = new CSVReaderBuilder(in).withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            String[] header = csv.readNext();
            if (header == null || !String.join(",", header).equals("file,fact,sheet,row,column,code,found,args,region,period,measure,amount")) {
                throw new IllegalStateException("expected.csv: unexpected header " + (header == null ? null : String.join(",", header)));
            }
            for (String[] r; (r = csv.readNext()) != null; ) {
                if (r.length == 0 || r[0].isBlank() || r[0].startsWith("#")) {
                    continue;
                }
                if (r.length != 12) {
                    throw new IllegalStateException("expected.csv line " + csv.getLinesRead() + ": 12 fields expected, found " + r.length);
                }
                Integer row = r[3].isBlank() ? null : Integer.valueOf(r[3].trim());
                String sheet = r[2].isEmpty() && row != null ? r[0] : emptyToNull(r[2]); // a CSV's sheet is its file name
                byFile.computeIfAbsent(r[0], k -> new ArrayList<>()).add(new Fact(r[0], r[1], sheet, row, emptyToNull(r[4]),
                        emptyToNull(r[5]), r[6], emptyToNull(r[7]), emptyToNull(r[8]), emptyToNull(r[9]), emptyToNull(r[10]),
                        r[11].isBlank() ? null : canonical(new BigDecimal(r[11].trim()))));
            }
        } catch (IOException | com.opencsv.exceptions.CsvValidationException e) {
            throw new IllegalStateException(e);
        }
        return byFile;
    }

    /**
     * Every corpus file, committed, generated and (when LibreOffice is installed) converted, by name.
     * Written once per test run into a temporary folder.
     */
    public static synchronized Map<String, Path> files() {
        if (materialized == null) {
            try {
                Path dir = Files.createTempDirectory("pantau-corpus");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                Map<String, Path> all = new LinkedHashMap<>();
                for (String name : expectations().keySet()) {
                    Path committed = COMMITTED.resolve(name);
                    if (Files.isRegularFile(committed)) {
                        all.put(name, committed);
                    }
                }
                all.putAll(CorpusFiles.writeTo(dir.resolve("generated")));
                all.putAll(libreOffice(dir.resolve("libreoffice")));
                materialized = Collections.unmodifiableMap(all);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return materialized;
    }

    /** Why the LibreOffice files are missing (soffice not installed), or null when they are there. */
    public static synchronized String libreOfficeMissing() {
        files();
        return libreOfficeProblem;
    }

    /**
     * Converts the LibreOffice source CSV to xlsx and xls with {@code soffice --headless --convert-to},
     * with a private user profile so a LibreOffice running elsewhere does not interfere.
     */
    private static Map<String, Path> libreOffice(Path dir) throws IOException {
        Optional<Path> soffice = onPath("soffice");
        if (soffice.isEmpty()) {
            libreOfficeProblem = "LibreOffice (soffice) is not installed: the LibreOffice-written corpus files are skipped "
                    + "(.ci/run installs libreoffice-calc-nogui)";
            return Map.of();
        }
        Files.createDirectories(dir);
        Path source = Files.writeString(dir.resolve(LIBREOFFICE_SOURCE_NAME), LIBREOFFICE_SOURCE);
        Map<String, Path> made = new LinkedHashMap<>();
        for (Map.Entry<String, String> target : new java.util.TreeMap<>(LIBREOFFICE_FILES).entrySet()) {
            Path out = dir.resolve(target.getValue());
            Files.createDirectories(out);
            ProcessBuilder pb = new ProcessBuilder(soffice.get().toString(), "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                    "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", target.getValue(), "--outdir", out.toString(),
                    source.toString()).redirectErrorStream(true);
            Process p = pb.start();
            String output;
            try {
                if (!p.waitFor(180, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("soffice did not finish converting to " + target.getValue() + " within 180 s");
                }
                output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Path converted = out.resolve("LO sumber." + target.getValue());
            if (!Files.isRegularFile(converted)) {
                throw new IllegalStateException("soffice made no " + converted.getFileName() + ": " + output);
            }
            made.put(target.getKey(), Files.move(converted, dir.resolve(target.getKey()), StandardCopyOption.REPLACE_EXISTING));
        }
        return made;
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder: the system cleans it eventually
        }
    }

    private static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** What the nightly job makes of one file, read with the corpus limits, as facts comparable with the table. */
    public static List<Fact> outcome(String name, Path file) {
        RowParser parser = new RowParser(Shared.CATALOGUE, Shared.REGIONS);
        List<Fact> facts = new ArrayList<>();
        try (SubmissionFile s = SubmissionFile.open(file, SpreadsheetFormats.standard(LIMITS), new TabularLayout())) {
            for (Optional<SourceRow> r; (r = s.next()).isPresent(); ) {
                ParsedRow parsed = parser.parse(r.get(), s.convention());
                if (parsed.accepted()) {
                    var v = parsed.value();
                    facts.add(new Fact(name, "value", v.sheet(), v.rowNumber(), null, null, null, null, v.regionCode(), v.periodCode(),
                            v.measureCode(), v.amount() == null ? null : canonical(v.amount())));
                }
                parsed.problems().forEach(p -> facts.add(problem(name, p)));
            }
            s.endNotes().forEach(p -> facts.add(problem(name, p)));
        } catch (FileRefusedException e) {
            return List.of(problem(name, e.problem()));
        }
        if (facts.isEmpty()) {
            facts.add(new Fact(name, "nothing", null, null, null, null, null, null, null, null, null, null));
        }
        return facts;
    }

    public static Fact problem(String file, Problem p) {
        String fact = switch (p.severity()) {
            case FILE_REFUSED -> "refused";
            case ROW_REJECTED -> "rejected";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
        return new Fact(file, fact, p.sheet(), p.row(), p.column(), p.code(), p.found() == null ? "" : p.found(),
                String.join("|", p.args()), null, null, null, null);
    }

    public static String canonical(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Loaded once: the shipped catalogue and region list. */
    private static final class Shared {
        static final id.pantauspm.catalogue.Catalogue CATALOGUE = new CatalogueLoader().load(PantauHome.PROJECT.resolve("indicators"));
        static final RegionDirectory REGIONS = RegionDirectory.official();
    }
}
