package id.pantauspm.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import id.pantauspm.ingest.IngestLimits;

@DisplayName("PantauSettings: the ingest limits from pantau.ingest.*")
class PantauSettingsTest {

    private static PantauSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("pantau", PantauSettings.class);
    }

    @Test
    @DisplayName("defaults: 100 MB and 2,000,000 data rows per file")
    void defaults() {
        assertThat(bind(Map.of()).ingestLimits()).isEqualTo(IngestLimits.defaults());
        assertThat(IngestLimits.defaults()).isEqualTo(new IngestLimits(100L * 1024 * 1024, 2_000_000));
    }

    @Test
    @DisplayName("pantau.ingest.max-file-bytes takes bytes or a unit; pantau.ingest.max-rows a count")
    void configured() {
        assertThat(bind(Map.of("pantau.ingest.max-file-bytes", "20MB", "pantau.ingest.max-rows", "500000")).ingestLimits())
                .isEqualTo(new IngestLimits(20L * 1024 * 1024, 500_000));
        assertThat(bind(Map.of("pantau.ingest.max-file-bytes", "262144")).ingestLimits().maxFileBytes()).isEqualTo(262_144);
    }
}
