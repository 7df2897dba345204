package id.pantauspm.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

@DisplayName("Folder settings: relative ones from the installation folder, whichever source; data and logs where the server keeps them")
class FolderSettingsTest {

    private static PantauSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("pantau", PantauSettings.class);
    }

    @Test
    @DisplayName("a relative inbox is taken from the installation folder (file, environment and option all bind the same way)")
    void relativeFromHome() {
        PantauSettings s = bind(Map.of("pantau.home", "/opt/pantau", "pantau.inbox", "inbox", "pantau.reports", "../laporan"));
        assertThat(s.inboxFolder()).isEqualTo(Path.of("/opt/pantau/inbox"));
        assertThat(s.reportsFolder()).isEqualTo(Path.of("/opt/laporan"));
        // an option reaches the binding as given: SettingsOptions no longer makes it absolute against the working folder
        var options = new id.pantauspm.cli.SettingsOptionsProbe().inbox(Path.of("inbox")).springArgs();
        assertThat(options).contains("--pantau.inbox=inbox");
    }

    @Test
    @DisplayName("defaults: data/ under the installation, archive, rejected, outbox and logs inside it")
    void defaults() {
        PantauSettings s = bind(Map.of("pantau.home", "/opt/pantau"));
        assertThat(s.dataFolder()).isEqualTo(Path.of("/opt/pantau/data"));
        assertThat(s.archiveFolder()).isEqualTo(Path.of("/opt/pantau/data/archive"));
        assertThat(s.outboxFolder()).isEqualTo(Path.of("/opt/pantau/data/outbox"));
        assertThat(s.logFolder()).isEqualTo(Path.of("/opt/pantau/data/logs"));
    }

    @Test
    @DisplayName("on a server: pantau.data=/var/lib/pantau moves the data, pantau.logs=/var/log/pantau the logs, away from the code")
    void serverPlaces() {
        PantauSettings s = bind(Map.of("pantau.home", "/opt/pantau", "pantau.data", "/var/lib/pantau", "pantau.logs", "/var/log/pantau"));
        assertThat(s.archiveFolder()).isEqualTo(Path.of("/var/lib/pantau/archive"));
        assertThat(s.rejectedFolder()).isEqualTo(Path.of("/var/lib/pantau/rejected"));
        assertThat(s.logFolder()).isEqualTo(Path.of("/var/log/pantau"));
        assertThat(s.catalogueFolder()).isEqualTo(Path.of("/opt/pantau/indicators"));
    }
}
