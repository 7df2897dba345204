package id.pantauspm.mail;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mail from {@code pantau.mail.*} (off by default); Boot's own spring.mail.* is not used, so one place configures it. */
@Configuration
@EnableConfigurationProperties(MailSettings.class)
public class MailConfiguration {

    @Bean
    Mailer mailer(MailSettings settings) {
        return new Mailer(settings);
    }
}
