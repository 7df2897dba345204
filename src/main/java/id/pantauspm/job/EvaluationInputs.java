package id.pantauspm.job;

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
import java.util.stream.Stream;

import id.pantauspm.regions.RegionDirectory;

/**
 * What every result depends on besides the values: the catalogue folder (fields, targets, rule versions, layouts),
 * the region list, the evaluation settings and the program itself. When this key differs from the last night's,
 * every region is evaluated again.
 */
final class EvaluationInputs {

    private EvaluationInputs() {
    }

    static String key(PantauSettings settings) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Path folder = settings.catalogueFolder();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(folder)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                sha.update(folder.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(f));
            }
            try (InputStream regions = EvaluationInputs.class.getResourceAsStream(RegionDirectory.RESOURCE)) {
                if (regions != null) {
                    sha.update(regions.readAllBytes());
                }
            }
            sha.update(("deadline=" + settings.deadlineDay() + ";jump=" + settings.qualityJumpFactor().toPlainString())
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(id.pantauspm.ops.Program.identity().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
