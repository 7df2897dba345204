package id.pantauspm.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * LibreOffice, headless, as a clerk's spreadsheet program: opens a workbook and saves it again in
 * another format. Each conversion uses its own profile folder, so parallel runs never collide.
 */
public final class LibreOffice {

    private static final List<String> CANDIDATES = List.of("/usr/bin/soffice", "/usr/bin/libreoffice",
            "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice");

    private final String binary;

    private LibreOffice(String binary) {
        this.binary = binary;
    }

    /** The installed program; the test is skipped, saying so, when there is none (.ci/run installs it). */
    public static LibreOffice installed() {
        String found = CANDIDATES.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        Assumptions.assumeTrue(found != null,
                "LibreOffice not installed (apt-get install libreoffice-calc-nogui): round trip through soffice skipped");
        return new LibreOffice(found);
    }

    /**
     * Opens {@code file} and saves it as {@code filter} (e.g. "xlsx:Calc MS Excel 2007 XML",
     * "xls:MS Excel 97") into {@code outDir}; returns the new file.
     */
    public Path convert(Path file, String filter, Path outDir, Path profile) throws IOException, InterruptedException {
        return convert(file, filter, outDir, profile, null);
    }

    /**
     * The same, reading the source with an import filter, e.g. {@code CSV:44,34,76,1,1/2/2/2} for a CSV
     * whose first two columns are typed as text (a CSV import where the clerk chose the column types).
     */
    public Path convert(Path file, String filter, Path outDir, Path profile, String inFilter) throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        String extension = filter.substring(0, filter.indexOf(':') < 0 ? filter.length() : filter.indexOf(':'));
        List<String> cmd = new java.util.ArrayList<>(List.of(binary, "-env:UserInstallation=" + profile.toAbsolutePath().toUri(), "--headless",
                "--norestore"));
        if (inFilter != null) {
            cmd.add("--infilter=" + inFilter);
        }
        cmd.addAll(List.of("--convert-to", filter, "--outdir", outDir.toAbsolutePath().toString(), file.toAbsolutePath().toString()));
        Path log = Files.createTempFile(outDir, "soffice", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("soffice did not finish converting " + file.getFileName());
        }
        String output = Files.readString(log);
        Files.delete(log);
        String name = file.getFileName().toString();
        Path made = outDir.resolve(name.substring(0, name.lastIndexOf('.')) + "." + extension);
        if (p.exitValue() != 0 || !Files.isRegularFile(made)) {
            throw new IOException("soffice did not convert " + file.getFileName() + " (exit " + p.exitValue() + "): " + output);
        }
        return made;
    }
}
