package id.pantauspm.mail;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pantau.mail.*}: receipts to the offices and the morning summary to officials, over SMTP.
 * Off unless {@code pantau.mail.enabled=true}.
 *
 * @param host        the SMTP server (the pemda's mail relay)
 * @param port        587 for STARTTLS (the default), 465 for TLS from the start
 * @param security    {@code starttls} (required, the default), {@code tls} (SMTPS) or {@code none} (a relay on the same machine only)
 * @param trust       hosts whose certificate is trusted without a public CA (an internal relay's own certificate); empty: Java's trust store
 * @param from        the sender, e.g. {@code Pantau SPM <spm@jatengprov.go.id>}
 * @param officials   who get the morning summary
 * @param receipts    whether offices get their receipts by mail
 * @param offices     CSV of office contacts, {@code kode_wilayah,bidang,surel} (bidang empty or * for every field);
 *                    relative to the installation folder; a contact in a template's metadata (B11) comes first
 * @param fallback    who gets a receipt no office address was found for (e.g. the Tim Penerapan SPM); empty: nobody
 * @param reportUrl   where reports/latest is published for readers (e.g. https://intranet/spm/), for links in the summary
 * @param summaryRegion the region whose newest PDF report is attached to the summary (e.g. 33 for a province)
 */
@ConfigurationProperties("pantau.mail")
public record MailSettings(@DefaultValue("false") boolean enabled, String host, @DefaultValue("587") int port,
                           String username, String password, @DefaultValue("starttls") String security,
                           @DefaultValue List<String> trust, String from, @DefaultValue List<String> officials,
                           @DefaultValue("true") boolean receipts, @DefaultValue("config/offices.csv") Path offices,
                           String fallback, String reportUrl, String summaryRegion) {
}
