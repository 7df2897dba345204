package id.pantauspm.dhis2;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import id.pantauspm.store.ResultRepository;
import id.pantauspm.store.ValueRepository;

/** The DHIS2 export's settings and the exporter over the stored values and results. */
@Configuration
@EnableConfigurationProperties(Dhis2Settings.class)
public class Dhis2Configuration {

    @Bean
    Dhis2Export dhis2Export(ValueRepository values, ResultRepository results) {
        return new Dhis2Export(values, results);
    }
}
