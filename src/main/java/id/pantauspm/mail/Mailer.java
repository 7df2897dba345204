package id.pantauspm.mail;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends plain-text mail in UTF-8 with attachments over SMTP as {@link MailSettings} says: STARTTLS
 * required by default (never falling back to clear text), or TLS from the first byte, with the
 * server's certificate checked against Java's trust store and the host name, or, for a relay named in
 * {@code pantau.mail.trust}, accepted as that relay's own.
 */
public class Mailer {

    /** One message: to whom, what, with which files. */
    public record Letter(Collection<String> to, String subject, String body, List<Path> attachments) {
    }

    private final MailSettings settings;
    private final JavaMailSenderImpl sender;

    public Mailer(MailSettings settings) {
        this.settings = settings;
        this.sender = sender(settings);
    }

    /** Whether mail is on and has what it needs to be sent (a server and a sender). */
    public boolean ready() {
        return settings.enabled() && settings.host() != null && !settings.host().isBlank() && settings.from() != null
                && !settings.from().isBlank();
    }

    public MailSettings settings() {
        return settings;
    }

    public void send(Letter letter) throws MailException, MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper m = new MimeMessageHelper(message, !letter.attachments().isEmpty(), "UTF-8");
        m.setFrom(settings.from());
        m.setTo(letter.to().toArray(String[]::new));
        m.setSubject(letter.subject());
        m.setText(letter.body(), false);
        for (Path file : letter.attachments()) {
            m.addAttachment(file.getFileName().toString(), new FileSystemResource(file));
        }
        sender.send(message);
    }

    static JavaMailSenderImpl sender(MailSettings s) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(s.host());
        sender.setPort(s.port());
        sender.setDefaultEncoding("UTF-8");
        if (s.username() != null && !s.username().isBlank()) {
            sender.setUsername(s.username());
            sender.setPassword(s.password());
        }
        Properties p = sender.getJavaMailProperties();
        boolean tls = "tls".equalsIgnoreCase(s.security()) || "ssl".equalsIgnoreCase(s.security());
        String prefix = tls ? "mail.smtps." : "mail.smtp.";
        sender.setProtocol(tls ? "smtps" : "smtp");
        p.put(prefix + "auth", String.valueOf(s.username() != null && !s.username().isBlank()));
        if ("starttls".equalsIgnoreCase(s.security())) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true"); // never send in clear text when the server offers no TLS
        }
        if (!"none".equalsIgnoreCase(s.security())) {
            if (s.trust().isEmpty()) {
                // a public certificate: signed by a CA in Java's trust store and naming the host
                p.put(prefix + "ssl.checkserveridentity", "true");
            } else {
                // the operator names the relay whose own (self-signed) certificate is accepted; such a
                // certificate often names no host (or not the IP address used), so the name is not checked
                p.put(prefix + "ssl.trust", String.join(" ", s.trust()));
                p.put(prefix + "ssl.checkserveridentity", "false"); // Angus Mail checks it unless told not to
            }
        }
        p.put(prefix + "connectiontimeout", "15000");
        p.put(prefix + "timeout", "30000");
        p.put(prefix + "writetimeout", "30000");
        return sender;
    }
}
