package id.pantauspm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;

/**
 * A night copies from the published report each PDF whose document is unchanged, and draws the others (issue 12).
 * To tell a copy from a new drawing, the test marks the published PDFs with a PDF comment after their end: a copied
 * file keeps the mark, a drawn one has none.
 */
@DisplayName("A night draws only the PDFs whose figures changed; the others are copied from the published report")
class PublishedFilesTest {

    private static final String MARK = "\n% drawn by an earlier night\n";

    @TempDir
    Path temp;

    private static String csv(String... rows) {
        return "kode_wilayah,periode,kode_data,nilai\n" + String.join("\n", rows) + "\n";
    }

    private static Path pdf(PantauHome home, String name) {
        return home.reports().resolve("latest/pdf/" + name + ".pdf");
    }

    private static void mark(Path pdf) throws Exception {
        Files.writeString(pdf, MARK, StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
    }

    private static boolean marked(Path pdf) throws Exception {
        return new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1).endsWith(MARK);
    }

    @Test
    void unchangedRegionsPdfsAreCopiedChangedOnesDrawn() throws Exception {
        PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp));
        // Night 1: Kudus (Jawa Tengah) and Sleman (DI Yogyakarta) report pregnant women served in Triwulan I 2026.
        home.write("kudus.csv", csv("33.19,2026-TW1,KES-K01.SASARAN,1000", "33.19,2026-TW1,KES-K01.TERLAYANI,800"));
        home.write("sleman.csv", csv("34.04,2026-TW1,KES-K01.SASARAN,2000", "34.04,2026-TW1,KES-K01.TERLAYANI,1500"));
        assertThat(home.run().failed()).isFalse();
        Path kudus = pdf(home, "Laporan SPM 33.19 Kabupaten Kudus 2026-TW1");
        Path sleman = pdf(home, "Laporan SPM 34.04 Kabupaten Sleman 2026-TW1");
        Path jateng = pdf(home, "Laporan SPM 33 Jawa Tengah 2026-TW1");
        Path diy = pdf(home, "Laporan SPM 34 Daerah Istimewa Yogyakarta 2026-TW1");
        Path kudusDraft = home.reports().resolve("latest/espm/33.19-2026-TW1.xlsx");
        Path slemanDraft = home.reports().resolve("latest/espm/34.04-2026-TW1.xlsx");
        for (Path p : new Path[] {kudus, sleman, jateng, diy, kudusDraft, slemanDraft}) {
            assertThat(p).exists();
            mark(p);
        }
        assertThat(home.reports().resolve("latest/.pantau/33.tsv")).content()
                .contains("pdf/Laporan SPM 33.19 Kabupaten Kudus 2026-TW1.pdf\t");

        // Night 2: Sleman corrects its figure. Its PDF, its e-SPM draft and its province's PDF are made again; Kudus's
        // and Jawa Tengah's are the same documents as before and are copied (their mark is still there).
        home.write("sleman-revisi.csv", csv("34.04,2026-TW1,KES-K01.SASARAN,2000", "34.04,2026-TW1,KES-K01.TERLAYANI,1900"));
        assertThat(home.run().failed()).isFalse();
        assertThat(marked(kudus)).isTrue();
        assertThat(marked(jateng)).isTrue();
        assertThat(marked(sleman)).isFalse();
        assertThat(marked(diy)).isFalse();
        assertThat(marked(kudusDraft)).as("Kudus's e-SPM draft, copied").isTrue();
        assertThat(marked(slemanDraft)).as("Sleman's e-SPM draft, written again").isFalse();
        assertThat(text(sleman)).contains("95,00"); // 1,900 of 2,000
        assertThat(text(kudus)).contains("80,00");
        // The copies are stored once: Kudus's PDF in both run folders and in latest is one file on disk (hard links),
        // Sleman's new one is not the first night's.
        java.util.List<Path> runs;
        try (java.util.stream.Stream<Path> folders = Files.list(home.reports().resolve("runs"))) {
            runs = folders.sorted().toList();
        }
        assertThat(runs).hasSize(2);
        String kudusName = "pdf/" + kudus.getFileName();
        String slemanName = "pdf/" + sleman.getFileName();
        assertThat(Files.isSameFile(runs.get(0).resolve(kudusName), runs.get(1).resolve(kudusName))).isTrue();
        assertThat(Files.isSameFile(kudus, runs.get(1).resolve(kudusName))).isTrue();
        assertThat(Files.isSameFile(sleman, runs.get(1).resolve(slemanName))).isTrue();
        assertThat(Files.isSameFile(runs.get(0).resolve(slemanName), runs.get(1).resolve(slemanName))).isFalse();

        // Night 3, in English, after Kota Semarang's first file: every document reads differently, so every PDF is
        // drawn again, DI Yogyakarta's too, where nothing arrived.
        java.util.List<Path> published;
        try (java.util.stream.Stream<Path> files = Files.list(home.reports().resolve("latest/pdf"))) {
            published = files.toList();
        }
        for (Path p : published) {
            if (!marked(p)) {
                mark(p);
            }
        }
        PantauHome english = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp)).with("--pantau.lang=en");
        english.write("semarang.csv", csv("33.74,2026-TW1,KES-K01.SASARAN,3000", "33.74,2026-TW1,KES-K01.TERLAYANI,2400"));
        assertThat(english.run().failed()).isFalse();
        try (java.util.stream.Stream<Path> files = Files.list(english.reports().resolve("latest/pdf"))) {
            assertThat(files.toList()).hasSize(published.size() + 1).allSatisfy(p -> assertThat(marked(p)).isFalse());
        }
    }

    @Test
    @DisplayName("a service renamed in the catalogue draws every PDF again, though no figure changed")
    void aRenamedServiceDrawsEveryPdfAgain() throws Exception {
        Path catalogue = temp.resolve("indicators");
        PantauHome.copyTree(PantauHome.PROJECT.resolve("indicators"), catalogue);
        PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp)).catalogue(catalogue);
        home.write("kudus.csv", csv("33.19,2026-TW1,KES-K01.SASARAN,1000", "33.19,2026-TW1,KES-K01.TERLAYANI,800"));
        assertThat(home.run().failed()).isFalse();
        Path kudus = pdf(home, "Laporan SPM 33.19 Kabupaten Kudus 2026-TW1");
        mark(kudus);

        Path health = catalogue.resolve("fields/kesehatan.yaml");
        Files.writeString(health, Files.readString(health).replace("\"Pelayanan kesehatan ibu hamil\"",
                "\"Pelayanan kesehatan bagi ibu hamil\""));
        home.write("sleman.csv", csv("34.04,2026-TW1,KES-K01.SASARAN,2000", "34.04,2026-TW1,KES-K01.TERLAYANI,1500"));
        assertThat(home.run().failed()).isFalse();
        assertThat(marked(kudus)).isFalse();
        assertThat(text(kudus)).contains("Pelayanan kesehatan bagi ibu hamil");
    }

    @Test
    @DisplayName("a document holding a value without a stable fingerprint is drawn, never copied")
    void anUnstableDocumentIsDrawn() throws Exception {
        Path latest = Files.createDirectories(temp.resolve("latest/pdf"));
        Files.writeString(latest.resolve("a.pdf"), "published");
        PublishedFiles published = PublishedFiles.of(temp.resolve("latest"), "inputs", "33");
        String unstable = published.fingerprint(java.util.List.of("Kudus", new Object()));
        assertThat(unstable).isNull();
        assertThat(published.copied("pdf/a.pdf", unstable, temp.resolve("a.pdf"))).isFalse();
        assertThat(temp.resolve("a.pdf")).doesNotExist();
        assertThat(published.fingerprint(java.util.List.of("Kudus", 1))).hasSize(64)
                .isNotEqualTo(PublishedFiles.of(temp.resolve("latest"), "other inputs", "33").fingerprint(java.util.List.of("Kudus", 1)));
    }

    private static String text(Path pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }
}
