package id.pantauspm.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.pantauspm.dhis2.Dhis2Settings;
import id.pantauspm.job.PantauSettings;
import id.pantauspm.mail.MailSettings;
import id.pantauspm.support.PantauHome;

@DisplayName("config/pantau.properties of the release lists every setting the application reads, commented")
class ShippedSettingsTest {

    private static final Path SHIPPED = PantauHome.PROJECT.resolve("src/dist/config/pantau.properties");

    @Test
    void everySettingIsListed() throws Exception {
        String shipped = Files.readString(SHIPPED);
        List<String> settings = new ArrayList<>();
        names("pantau", PantauSettings.class, settings);
        names("pantau.progress", ProgressSettings.class, settings);
        names("pantau.mail", MailSettings.class, settings);
        names("pantau.dhis2", Dhis2Settings.class, settings);
        names("pantau.report.signer", id.pantauspm.job.SignerSettings.class, settings);
        names("pantau.remote", id.pantauspm.job.RemoteSettings.class, settings);
        settings.remove(id.pantauspm.job.RemoteSettings.LISTEN); // set by pantau worker itself
        settings.add(id.pantauspm.job.RemoteSettings.WORKERS);
        // settings read through placeholders in application.properties (the log's rotation)
        Matcher m = Pattern.compile("\\$\\{(pantau\\.log\\.[a-z.-]+):").matcher(
                Files.readString(PantauHome.PROJECT.resolve("src/main/resources/application.properties")));
        while (m.find()) {
            settings.add(m.group(1));
        }
        settings.add("pantau.log.format");
        settings.add("pantau.db.url");
        settings.add("pantau.db.user");
        settings.add("pantau.db.password");
        // home is where the launcher runs from (PANTAU_HOME), not a setting of the file
        settings.remove("pantau.home");

        assertThat(settings).hasSizeGreaterThan(35).allSatisfy(name ->
                assertThat(shipped).as(name).containsPattern("(?m)^#" + Pattern.quote(name) + "="));
        assertThat(shipped.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))).isEmpty();
    }

    /** Property names of a settings record, as Spring binds them (kebab case), nested records included. */
    private static void names(String prefix, Class<?> type, List<String> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            String name = prefix + "." + c.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
            if (c.getType().isRecord()) {
                names(name, c.getType(), out);
            } else {
                out.add(name);
            }
        }
    }
}
