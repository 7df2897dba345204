package id.pantauspm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.HeadlessChromium;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;

/** The report as an official sees it: the bundled samples' report opened in a real (headless) browser. */
@DisplayName("The HTML report rendered in Chromium")
class ReportRenderingTest {

    @TempDir
    static Path temp;

    static PantauHome home;

    @BeforeAll
    static void runOnSamples() {
        home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp)).samplesMode();
        home.run();
    }

    @Test
    void theSummaryPageShowsRankingCategoriesAndChartsOffline() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.installed();
        Path index = home.reports().resolve("latest/index.html");

        String dom = chromium.dom(index, temp.resolve("profile-dom"));
        assertThat(dom).contains("Laporan Pencapaian Standar Pelayanan Minimal", "Triwulan III tahun 2026",
                "Tahun 2025", "Kota Semarang", "Kabupaten Gunungkidul", "Tuntas Madya", "Kesehatan", "Pendidikan");
        // Offline: every image and stylesheet is a relative file that exists beside the page.
        assertThat(dom).doesNotContain("http://", "https://");
        for (String src : dom.split("src=\"")) {
            if (src.startsWith("charts/")) {
                assertThat(index.resolveSibling(src.substring(0, src.indexOf('"')))).exists();
            }
        }

        Path png = temp.resolve("summary.png");
        chromium.screenshot(index, png, 1280, 2000, temp.resolve("profile-shot"));
        BufferedImage shot = ImageIO.read(png.toFile());
        assertThat(shot.getWidth()).isEqualTo(1280);
        // A page that rendered: many distinct colours (text, category colours, charts), not a blank page.
        assertThat(distinctColours(shot)).isGreaterThan(200);
        Files.copy(png, PantauHome.PROJECT.resolve("target/report-summary.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aRegionPageShowsItsServicesWithWhatIsStillToServe() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.installed();
        String dom = chromium.dom(home.reports().resolve("latest/wilayah/34.71.html"), temp.resolve("profile-region"));
        assertThat(dom).contains("Kota Yogyakarta", "KES-K02", "Terlayani melebihi sasaran",
                "Tidak ada sasaran (0/0)", "Belum terlayani");
    }

    @Test
    void partialSubmissionsRegionsWithoutDataAndPeriodsWithoutAPreviousOneAreSaidSo() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.installed();
        // Gunungkidul left KES-K12 TERLAYANI out: incomplete, counted 0; 11 of 12 health services reported, and the
        // provisional figure over those 11 is shown beside the official one.
        String partial = chromium.dom(home.reports().resolve("latest/wilayah/34.03.html"), temp.resolve("profile-partial"));
        assertThat(partial).contains("Data belum lengkap", "11 dari 12 layanan dilaporkan",
                "Angka sementara atas layanan yang sudah dilaporkan saja: 84,11");
        // 2025 is the first year: no trend arrows, and no error either.
        assertThat(partial).doesNotContain("\u25B2", "\u25BC");
        // Regions that sent nothing are listed on the completeness page, per province.
        String completeness = chromium.dom(home.reports().resolve("latest/kelengkapan.html"), temp.resolve("profile-complete"));
        assertThat(completeness).contains("Belum mengirim", "Kabupaten Cilacap", "36 provinsi belum ada kiriman");
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
