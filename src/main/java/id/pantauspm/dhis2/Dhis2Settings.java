package id.pantauspm.dhis2;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pantau.dhis2.*}: where the mapping file is (relative to the installation folder, like every folder setting).
 *
 * @param mapping the YAML mapping from Pantau's codes to the DHIS2 instance's (Dhis2Mapping)
 */
@ConfigurationProperties("pantau.dhis2")
public record Dhis2Settings(@DefaultValue("config/dhis2-mapping.yaml") Path mapping) {
}
