package id.pantauspm.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.job.RunSummary;
import id.pantauspm.period.Period;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;
import id.pantauspm.template.TemplateWriter;

@DisplayName("Mail: receipts to the offices and the morning summary to officials, over SMTP with TLS, checked at a real server")
class MailTest {

    /** A real SMTP server speaking TLS from the first byte (SMTPS), with a login; its own certificate. */
    @RegisterExtension
    static final GreenMailExtension SMTPS = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("pantau@jatengprov.go.id", "pantau", "rahasia"));

    @TempDir
    Path temp;

    private PantauHome home(int port, String security) throws Exception {
        Path offices = Files.writeString(temp.resolve("kantor.csv"), """
                kode_wilayah,bidang,surel
                # Kudus: the health office for KES, the regional secretariat for everything else
                33.19,KES,dinkes@kuduskab.go.id
                33.19,*,setda@kuduskab.go.id
                """);
        return new PantauHome(temp.resolve("home"), TestDatabase.h2(temp))
                .with("--pantau.mail.enabled=true")
                .with("--pantau.mail.host=127.0.0.1")
                .with("--pantau.mail.port=" + port)
                .with("--pantau.mail.security=" + security)
                .with("--pantau.mail.trust=127.0.0.1")
                .with("--pantau.mail.username=pantau")
                .with("--pantau.mail.password=rahasia")
                .with("--pantau.mail.from=Pantau SPM <pantau@jatengprov.go.id>")
                .with("--pantau.mail.offices=" + offices)
                .with("--pantau.mail.fallback=tim-spm@jatengprov.go.id")
                .with("--pantau.mail.officials=bupati@kuduskab.go.id,sekda@kuduskab.go.id")
                .with("--pantau.mail.report-url=https://spm.kuduskab.go.id/laporan")
                .with("--pantau.mail.summary-region=33.19");
    }

    @Test
    @DisplayName("each office gets its receipt (template contact, office list, fallback), officials the summary with the PDF; nothing twice")
    void receiptsAndSummary() throws Exception {
        PantauHome home = home(SMTPS.getSmtps().getPort(), "tls");
        home.drop(PantauHome.SAMPLES.resolve("SPM Kes Kudus 2025 (rekap).xlsx"), "SPM Kes Kudus 2025 (rekap).xlsx");
        home.drop(PantauHome.SAMPLES.resolve("laporan-rusak.xlsx"), "laporan-rusak.xlsx");
        home.drop(filledTemplate("0291-431234 / dinkes@semarangkota.go.id"), "Template Semarang.xlsx");

        RunSummary summary = home.run();

        assertThat(summary.exitCode()).isEqualTo(RunSummary.SOME_REJECTED);
        MimeMessage[] received = SMTPS.getReceivedMessages();
        // one delivery per recipient: 3 receipts to one address each, the summary to two officials
        assertThat(received).hasSize(5);

        MimeMessage kudus = to(received, "dinkes@kuduskab.go.id").get(0);
        assertThat(kudus.getSubject()).isEqualTo("Tanda terima Pantau SPM: SPM Kes Kudus 2025 (rekap).xlsx (diterima, 4 baris ditolak)");
        assertThat(text(kudus)).contains("TANDA TERIMA PANTAU SPM", "Baris diterima: 24; baris ditolak: 4",
                "baris 17, kolom F: Nilai \"-312\" negatif");
        assertThat(attachmentNames(kudus)).anyMatch(n -> n.endsWith("SPM Kes Kudus 2025 (rekap).xlsx.tanda-terima.txt"));
        assertThat(to(received, "setda@kuduskab.go.id")).isEmpty(); // the KES line wins over the catch-all

        MimeMessage broken = to(received, "tim-spm@jatengprov.go.id").get(0);
        assertThat(broken.getSubject()).isEqualTo("Tanda terima Pantau SPM: laporan-rusak.xlsx (DITOLAK seluruhnya)");
        assertThat(text(broken)).contains("DITOLAK SELURUHNYA");

        MimeMessage semarang = to(received, "dinkes@semarangkota.go.id").get(0); // the contact the clerk typed into B11
        assertThat(semarang.getSubject()).isEqualTo("Tanda terima Pantau SPM: Template Semarang.xlsx (diterima)");
        assertThat(text(semarang)).contains("Baris diterima: 2; baris ditolak: 0");

        List<MimeMessage> summaries = to(received, "bupati@kuduskab.go.id");
        assertThat(summaries).hasSize(1);
        MimeMessage morning = summaries.get(0);
        assertThat(morning.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("bupati@kuduskab.go.id", "sekda@kuduskab.go.id");
        assertThat(morning.getSubject()).startsWith("Pantau SPM ").endsWith(": ada berkas yang perlu diperbaiki");
        assertThat(text(morning)).contains("Proses semalam: 2 berkas diterima, 1 ditolak; 26 baris diterima, 4 ditolak.",
                "Layanan dengan indeks terendah", "Laporan lengkap: https://spm.kuduskab.go.id/laporan/index.html",
                "Pelaporan Triwulan III tahun 2026", // IP-SPM counts every service type (rule 2026.3): KES-K01 72.50 alone -> health 72.50 / 12 = 6.04,
                // over six fields 6.0417 / 6 = 1.01
                "1 wilayah dinilai; indeks SPM 1,01 (Kota Semarang)",
                "- Kota Semarang, KES-K01 Pelayanan kesehatan ibu hamil: indeks 72,50 (Tuntas Pratama)",
                "- belum mengirim (1): Kabupaten Kudus");
        assertThat(attachmentNames(morning)).containsExactly("Laporan SPM 33.19 Kabupaten Kudus 2025.pdf");
        assertThat(home.count("select count(*) from submission where receipt_mail = 'SENT'")).isEqualTo(3);

        RunSummary again = home.run(); // nothing new: no receipt twice, one more summary
        assertThat(again.exitCode()).isZero();
        assertThat(SMTPS.getReceivedMessages()).hasSize(7);
        assertThat(to(SMTPS.getReceivedMessages(), "dinkes@kuduskab.go.id")).hasSize(1);
    }

    /** A relay that offers no TLS, for the STARTTLS test. */
    @RegisterExtension
    static final GreenMailExtension PLAIN = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    @DisplayName("STARTTLS is required: a server without TLS gets nothing in clear text, the run still ends normally, receipts stay due")
    void neverInClearText() throws Exception {
        PantauHome home = home(PLAIN.getSmtp().getPort(), "starttls");
        home.drop(PantauHome.SAMPLES.resolve("SPM Kes Kudus 2025 (rekap).xlsx"), "kudus.xlsx");

        RunSummary summary = home.run();

        assertThat(summary.exitCode()).isEqualTo(RunSummary.SOME_REJECTED); // mail never fails the run
        assertThat(PLAIN.getReceivedMessages()).isEmpty();
        assertThat(home.count("select count(*) from submission where receipt_mail = 'DUE'")).isEqualTo(1);
    }

    /** Kota Semarang's template for 2026-TW3 with two values of KES-K01 and the clerk's contact in B11. */
    private Path filledTemplate(String contact) throws Exception {
        Catalogue catalogue = new CatalogueLoader().load(PantauHome.PROJECT.resolve("indicators"));
        Path written = new TemplateWriter(catalogue, Locale.forLanguageTag("id")).write(
                RegionDirectory.official().find("33.74").orElseThrow(), Period.quarter(2026, 3), "KES", Files.createDirectories(temp.resolve("t")));
        Path filled = temp.resolve("filled.xlsx");
        try (InputStream in = Files.newInputStream(written); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            wb.getSheetAt(0).getRow(10).getCell(1).setCellValue(contact);
            XSSFSheet kes = wb.getSheet("KES");
            for (Row r : kes) {
                String code = r.getCell(1) == null ? "" : r.getCell(1).toString();
                if (code.equals("KES-K01.SASARAN")) {
                    r.getCell(5).setCellValue(28678);
                } else if (code.equals("KES-K01.TERLAYANI")) {
                    r.getCell(5).setCellValue(20792);
                }
            }
            try (OutputStream out = Files.newOutputStream(filled)) {
                wb.write(out);
            }
        }
        return filled;
    }

    static List<MimeMessage> to(MimeMessage[] messages, String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : messages) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address))
                    && !found.stream().anyMatch(f -> sameMessage(f, m))) {
                found.add(m);
            }
        }
        return found;
    }

    private static boolean sameMessage(MimeMessage a, MimeMessage b) {
        try {
            return a.getMessageID().equals(b.getMessageID());
        } catch (Exception e) {
            return false;
        }
    }

    static String text(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (content instanceof String s) {
            return s;
        }
        Multipart multipart = (Multipart) content;
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (!Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                Object inner = part.getContent();
                return inner instanceof Multipart mp ? GreenMailUtil.getBody(mp.getBodyPart(0)) : inner.toString();
            }
        }
        return "";
    }

    static List<String> attachmentNames(MimeMessage m) throws Exception {
        List<String> names = new ArrayList<>();
        if (m.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    names.add(jakarta.mail.internet.MimeUtility.decodeText(part.getFileName()));
                }
            }
        }
        return names;
    }
}
