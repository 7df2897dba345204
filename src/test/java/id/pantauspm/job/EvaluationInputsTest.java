package id.pantauspm.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.PantauHome;

/** What makes a night evaluate every region again: a changed catalogue file or evaluation setting, nothing else. */
@DisplayName("The evaluation's inputs key follows the catalogue and the settings")
class EvaluationInputsTest {

    @TempDir
    Path temp;

    private PantauSettings settings(int deadlineDay) {
        return new PantauSettings(temp, null, null, null, null, null, temp.resolve("katalog"), "id", 500, 30, deadlineDay,
                new BigDecimal("2"), new PantauSettings.Ingest(org.springframework.util.unit.DataSize.ofMegabytes(100), 2_000_000,
                        new BigDecimal("2"), java.time.Duration.ofSeconds(1)),
                null, null, null);
    }

    @Test
    void aChangedCatalogueFileOrSettingChangesTheKey() throws Exception {
        PantauHome.copyTree(PantauHome.PROJECT.resolve("indicators"), temp.resolve("katalog"));
        String first = EvaluationInputs.key(settings(20));
        assertThat(EvaluationInputs.key(settings(20))).as("same inputs, same key").isEqualTo(first);

        Path rules = temp.resolve("katalog/rules.yaml");
        Files.writeString(rules, Files.readString(rules) + "\n# a comment is a change too: the file is what was evaluated\n");
        String afterEdit = EvaluationInputs.key(settings(20));
        assertThat(afterEdit).isNotEqualTo(first);

        assertThat(EvaluationInputs.key(settings(15))).as("another deadline day").isNotEqualTo(afterEdit);
    }
}
