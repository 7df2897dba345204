package id.pantauspm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.HeadlessChromium;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;

/**
 * Every page kind and every PDF kind of the bundled samples' report, in both languages, as the
 * Tim Penerapan SPM, the head of region and the province officer read them (spm-domain.md, "Who
 * reads what"): the pages in Chromium, the PDFs as text and, where poppler is installed, as images.
 * The screenshots are left in target/report-shots/ to be looked at.
 */
@Tag("slow")
@DisplayName("Every page and PDF kind, rendered, in Bahasa Indonesia and English")
class ReportKindsRenderingTest {

    @TempDir
    static Path temp;

    static PantauHome id;
    static PantauHome en;
    static final Path SHOTS = PantauHome.PROJECT.resolve("target/report-shots");

    @BeforeAll
    static void runOnSamplesInBothLanguages() throws IOException {
        // The signer is Sleman's: its reports carry the name and NIP, every other region's dotted lines.
        String[] signer = {"--pantau.report.signer.name=dr. Rina Kusumawati, M.Kes.",
                "--pantau.report.signer.position=Kepala Bappeda Kabupaten Sleman", "--pantau.report.signer.nip=19700101 199003 2 001",
                "--pantau.report.signer.region=34.04"};
        id = new PantauHome(temp.resolve("id"), TestDatabase.h2(temp.resolve("db-id"))).samplesMode();
        en = new PantauHome(temp.resolve("en"), TestDatabase.h2(temp.resolve("db-en"))).samplesMode().with("--pantau.lang=en");
        for (String s : signer) {
            id.with(s);
            en.with(s);
        }
        id.run();
        en.run();
        Files.createDirectories(SHOTS);
    }

    @Test
    void theIndexPageStartsWithTheStatusLineTheFinderAndTheDownloadsThenTheYearThenTheQuarter() throws Exception {
        String dom = page(id, "index.html", "index-id");
        // 4 kabupaten/kota reported TW3 2026 of the 42 that must (the chase list's: the provinces files came from, Jawa
        // Tengah 1 + 35 kabupaten/kota and DI Yogyakarta 1 + 5), not of all 552; the 20 October deadline is behind us.
        assertThat(dom).contains("Triwulan III tahun 2026 (kumulatif sejak Januari): 4 dari 42 wilayah yang wajib melapor telah melapor",
                "batas 20 Oktober 2026 telah lewat", "Tahun 2025: 6 dari 42 wilayah yang wajib melapor telah melapor", "Cari wilayah Anda",
                "Provinsi Daerah Istimewa Yogyakarta", "wilayah/34.html", "hasil-spm.xlsx",
                "Laporan Penerapan SPM untuk ditandatangani (PDF, 14 berkas)", "Daftar tagihan laporan", "Draf e-SPM");
        assertThat(dom.indexOf("IP-SPM Tahun 2025")).isPositive()
                .isLessThan(dom.indexOf("IP-SPM Triwulan III tahun 2026"));
        assertThat(dom.indexOf("IP-SPM Triwulan III tahun 2026")).isLessThan(dom.indexOf("Grafik Tahun 2025"));
        // Fields in PP 2/2018 order in the table's head.
        assertThat(dom.indexOf(">Pendidikan<")).isLessThan(dom.indexOf(">Kesehatan<"));
        assertThat(dom.indexOf(">Kesehatan<")).isLessThan(dom.indexOf(">Pekerjaan Umum<"));

        String domEn = page(en, "index.html", "index-en");
        assertThat(domEn).contains("4 of the 42 regions that must report have reported", "the deadline of 20 October 2026 has passed", "Find your region",
                "Belum Tuntas (not met)");
    }

    @Test
    void aRegionPageShowsWhatItsPdfShows() throws Exception {
        String dom = page(id, "wilayah/34.04.html", "region-id");
        // Still to serve, by hand: health 633,455 (dinkes_sleman_tw3_2026.csv, KES-K10 without TERLAYANI left out) plus
        // social (the Dinas Sosial template) 125 + 55 + 108 + 23 + 0 = 311: 633,766.
        assertThat(dom).contains("Peringkat 1 dari 2 kabupaten/kota di provinsi", "Tiga layanan terlemah",
                "Seluruhnya 633.766 sasaran belum terlayani sesuai standar.", "Anggaran", "1.180.000.000", "742.000.000",
                "Tahapan penerapan SPM", "Permasalahan dan solusi", "Skrining hipertensi di posbindu baru berjalan di 12 dari 25 desa",
                "Laporan Penerapan SPM (PDF) untuk periode ini", "Halaman Provinsi Daerah Istimewa Yogyakarta");
        // Sleman's KES-K08 plan for 2026 comes from indicators/targets/contoh-rencana-2026.yaml: called an example.
        assertThat(dom).contains("bukan rencana resmi daerah");
        String domEn = page(en, "wilayah/34.04.html", "region-en");
        assertThat(domEn).contains("Three weakest services", "Problems and solutions", "Budget", "Rank 1 of 2 kabupaten/kota");
    }

    @Test
    void theProvincePageSaysWhoReportedAndRanksItsKabupatenKota() throws Exception {
        String dom = page(id, "wilayah/34.html", "province-id");
        // DIY has 5 kabupaten/kota; Sleman and Kota Yogyakarta sent TW3 2026.
        assertThat(dom).contains("2 dari 5 kabupaten/kota sudah mengirim data", "Kabupaten Bantul", "Belum mengirim data",
                "Peringkat kabupaten/kota per jenis pelayanan dasar", "1. Kabupaten Sleman 43,36",
                "Provinsi belum mengirim data 14 jenis pelayanan dasar provinsi");
        String domEn = page(en, "wilayah/34.html", "province-en");
        assertThat(domEn).contains("2 of 5 kabupaten/kota have sent data", "Nothing sent yet");
    }

    @Test
    void theOtherPageKindsRender() throws Exception {
        assertThat(page(id, "layanan/KES-K08.html", "service-id")).contains("Kabupaten Sleman", "KES-K08");
        assertThat(page(id, "kelengkapan.html", "completeness-id")).contains("Kabupaten Cilacap");
        assertThat(page(id, "kualitas-data.html", "quality-id")).contains("laporan-rusak.xlsx");
        assertThat(page(id, "ikm.html", "ikm-id")).contains("Puskesmas Halmahera");
        assertThat(page(en, "layanan/KES-K08.html", "service-en")).contains("Kabupaten Sleman");
        assertThat(page(en, "kelengkapan.html", "completeness-en")).contains("Kabupaten Cilacap");
        assertThat(page(en, "kualitas-data.html", "quality-en")).contains("laporan-rusak.xlsx");
        assertThat(page(en, "ikm.html", "ikm-en")).contains("Puskesmas Halmahera");
        // the chase list: the sample template's office with the officer and contact it gave; a region that sent nothing
        assertThat(page(id, "tagihan.html", "chase-id")).contains("Daftar tagihan laporan", "Dinas Sosial Kabupaten Sleman",
                "Sri Wahyuni, S.Sos. · 0274 868405 / dinsos@slemankab.go.id", "Kabupaten Kulon Progo");
        assertThat(page(en, "tagihan.html", "chase-en")).contains("Reports to chase", "Sri Wahyuni", "Kabupaten Kulon Progo");
        assertThat(page(id, "espm/index.html", "espm-id")).contains("Draf isian e-SPM", "34.04-2026-TW3.xlsx", "Kabupaten Sleman");
    }

    @Test
    void theQuarterPdfIsALaporanPenerapanSpmSignedBySlemansSigner() throws Exception {
        String text = pdf(id, "34.04", "2026-TW3", "pdf-quarter-id");
        assertThat(text).contains("PEMERINTAH KABUPATEN SLEMAN", "Disampaikan kepada Gubernur Daerah Istimewa Yogyakarta",
                "Pendahuluan", "Dasar hukum", "Penerapan SPM per bidang", "Permasalahan", "Solusi",
                "Skrining hipertensi", "Posbindu keliling", "Pendamping lanjut usia",
                "1.180.000.000", "742.000.000", "88 dari 95", "Tahapan penerapan SPM", "Penutup",
                "Kepala Bappeda Kabupaten Sleman", "dr. Rina Kusumawati, M.Kes.", "NIP. 19700101 199003 2 001");
        // One label per state: a field without data is Belum Tuntas (counted 0), and says so; never "Belum ada data" as its category.
        assertThat(text).contains("belum ada data: dihitung 0").doesNotContain("Semua layanan pada bidang yang dilaporkan dapat dihitung");

        String english = pdf(en, "34.04", "2026-TW3", "pdf-quarter-en");
        assertThat(english).contains("GOVERNMENT OF KABUPATEN SLEMAN", "Introduction", "Problems", "Solutions", "Closing",
                "Belum Tuntas (not met)", "dr. Rina Kusumawati, M.Kes.");
    }

    @Test
    void theYearPdfAndAnotherRegionsPdfHaveNoBorrowedSignature() throws Exception {
        String year = pdf(id, "34.04", "2025", "pdf-year-id");
        assertThat(year).contains("PEMERINTAH KABUPATEN SLEMAN", "Tahun 2025", "Angka tahunan", "dr. Rina Kusumawati, M.Kes.");
        String semarang = pdf(id, "33.74", "2026-TW3", "pdf-semarang-id");
        // Semarang's report: dotted lines under its own head of region, and its example plans called examples.
        assertThat(semarang).contains("PEMERINTAH KOTA SEMARANG", "Wali Kota Semarang", "(.........................................)",
                "bukan rencana resmi daerah", "Kekurangan 16 bidan")
                .doesNotContain("Rina Kusumawati");
        pdf(en, "34.04", "2025", "pdf-year-en");
    }

    @Test
    void theProvincePdfHoldsItsKabupatenKotaWithTheirIndexAndRank() throws Exception {
        String text = pdf(id, "34", "2026-TW3", "pdf-province-id");
        assertThat(text).contains("PEMERINTAH DAERAH DAERAH ISTIMEWA YOGYAKARTA", "Disampaikan kepada Menteri Dalam Negeri",
                "belum mengirim data jenis pelayanan dasar provinsi", "2 dari 5 kabupaten/kota sudah mengirim data",
                "Kabupaten Sleman", "Kabupaten Bantul", "Belum mengirim data", "Gubernur Daerah Istimewa Yogyakarta");
        assertThat(pdf(en, "34", "2026-TW3", "pdf-province-en")).contains("Submitted to the Minister of Home Affairs",
                "2 of 5 kabupaten/kota have sent data");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** A page's DOM after Chromium rendered it, and its screenshot kept in target/report-shots. */
    private static String page(PantauHome home, String page, String shot) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.installed();
        Path file = home.reports().resolve("latest").resolve(page);
        assertThat(file).exists();
        chromium.screenshot(file, SHOTS.resolve(shot + ".png"), 1280, 2400, temp.resolve("profile-" + shot));
        return chromium.dom(file, temp.resolve("profile-dom-" + shot));
    }

    /** The text of a region's PDF for a period; its pages as images in target/report-shots when poppler is there. */
    private static String pdf(PantauHome home, String region, String period, String shot) throws Exception {
        Path file;
        try (Stream<Path> files = Files.list(home.reports().resolve("latest/pdf"))) {
            List<Path> found = files.filter(f -> f.getFileName().toString().matches(".* " + java.util.regex.Pattern.quote(region)
                    + " .* " + java.util.regex.Pattern.quote(period) + "\\.pdf")).toList();
            assertThat(found).as("one PDF for %s %s", region, period).hasSize(1);
            file = found.get(0);
        }
        Path pdftoppm = Path.of("/usr/bin/pdftoppm");
        if (Files.isExecutable(pdftoppm)) {
            Process p = new ProcessBuilder(pdftoppm.toString(), "-png", "-r", "50", file.toString(),
                    SHOTS.resolve(shot).toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("pdftoppm draws every page").isZero();
        }
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            // Lines joined: a table cell's words wrap onto the next line.
            return new PDFTextStripper().getText(doc).replace("\u00a0", " ").replaceAll("\\s+", " ");
        }
    }

    static void copy(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
