package id.pantauspm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;

@DisplayName("Report pages: trends, services, completeness and data quality")
class SitePagesTest {

    @TempDir
    Path temp;

    @Test
    void aRegionPageShowsTheTrendAgainstThePreviousQuarterAndTheSameQuarterLastYear() throws Exception {
        PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp));
        String h = "kode_wilayah,periode,kode_data,nilai\n";
        // KES-K01 in Kota Semarang, people served year to date (as e-SPM asks) against 1,000 pregnant women:
        // 2025: TW1 300 -> 30.00; 2026: TW1 250 (25.00), TW2 550 from January (55.00).
        drop(home, "2025-tw1.csv", h + "33.74,2025-TW1,KES-K01.SASARAN,1000\n33.74,2025-TW1,KES-K01.TERLAYANI,300\n", "2025-04-10");
        drop(home, "2026-tw1.csv", h + "33.74,2026-TW1,KES-K01.SASARAN,1000\n33.74,2026-TW1,KES-K01.TERLAYANI,250\n", "2026-04-10");
        drop(home, "2026-tw2.csv", h + "33.74,2026-TW2,KES-K01.SASARAN,1000\n33.74,2026-TW2,KES-K01.TERLAYANI,550\n", "2026-07-25");

        home.run();

        String page = Files.readString(home.reports().resolve("latest/wilayah/33.74.html"));
        // TW2 2026 (55.00) against TW1 2026 (25.00): +30,00; TW1 2026 (25.00) against TW1 2025 (30.00): -5,00.
        assertThat(page).contains("\u25B2 +30,00 (Triwulan I tahun 2026", "\u25BC -5,00 (Triwulan I tahun 2025");
        // The trend chart of the year's quarters (TW1 and TW2 of 2026) is drawn and linked.
        assertThat(page).contains("charts/trend-33.74.svg");
        assertThat(home.reports().resolve("latest/charts/trend-33.74.svg")).exists();

        // TW2 arrived on 25 July, after the 20 July deadline: late; TW1 on 10 April: on time.
        String completeness = Files.readString(home.reports().resolve("latest/kelengkapan.html"));
        assertThat(completeness).contains("Batas waktu: 20 Juli 2026", "terlambat", "tepat waktu",
                "Jawa Tengah: 1 dari 36 wilayah mengirim, 1 terlambat");

        String service = Files.readString(home.reports().resolve("latest/layanan/KES-K01.html"));
        assertThat(service).contains("Kota Semarang", "55,00", "Nasional");
        // the service's ranking is charted for the newest quarter only (as on the index); each quarter keeps its table
        assertThat(service).contains("charts/layanan-KES-K01-2026-TW2.svg", "Triwulan I tahun 2025", "30,00")
                .doesNotContain("charts/layanan-KES-K01-2026-TW1.svg", "charts/layanan-KES-K01-2025-TW1.svg");
        assertThat(home.reports().resolve("latest/charts/layanan-KES-K01-2025-TW1.svg")).doesNotExist();
    }

    @Test
    @DisplayName("on the index a field with no service reported reads 'belum lapor', not a reported zero in the Belum Tuntas colour")
    void aFieldWithoutReportsIsNotShownAsAReportedZero() throws Exception {
        PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp));
        String h = "kode_wilayah,periode,kode_data,nilai\n";
        // Kota Semarang reports two health services only: every other field has no service reported. Its official field
        // index is 0,00 (a service without data counts as 0), which must not read like six fields that reported zeros.
        drop(home, "semarang.csv", h + "33.74,2026-TW2,KES-K01.SASARAN,1000\n33.74,2026-TW2,KES-K01.TERLAYANI,550\n"
                + "33.74,2026-TW2,KES-K02.SASARAN,1000\n33.74,2026-TW2,KES-K02.TERLAYANI,900\n", "2026-07-10");

        home.run();

        String index = Files.readString(home.reports().resolve("latest/index.html"));
        String ranking = index.substring(index.indexOf("<table class=\"ranking\""));
        String row = ranking.substring(ranking.indexOf("wilayah/33.74.html"));
        row = row.substring(0, row.indexOf("</tr>")).replaceAll("\\s+", " ");
        int fields = ResultFixtures.CATALOGUE.fields().size();
        // health reported: its cell is a number in a category colour; the other fields: "belum lapor", no colour
        assertThat(row.split("belum lapor", -1)).hasSize(fields); // fields - 1 occurrences
        assertThat(row).contains("title=\"Tidak ada layanan bidang ini yang dilaporkan; indeks resminya 0,00");
        assertThat(row).doesNotContain(">0,00<");
        // health: (55,00 + 90,00) / 12 services due = 12,08, in its category's colour
        String health = row.substring(row.indexOf("class=\"num cat\""));
        assertThat(health).startsWith("class=\"num cat\" style=\"background").contains(">12,08</td>");
    }

    @Test
    void theDataQualityPageFlagsServedAboveTargetAndTargetAbovePopulation() throws Exception {
        PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp));
        String h = "kode_wilayah,periode,kode_data,nilai\n";
        // Kota Magelang (33.71) has 128,709 people: a target of 200,000 cannot be right (flagged, kept). Above twice the
        // population (257,418, pantau.ingest.population-factor) it would be a rejected row instead (issue 10).
        drop(home, "magelang.csv", h + "33.71,2025,KES-K06.SASARAN,200000\n33.71,2025,KES-K06.TERLAYANI,160000\n"
                + "33.71,2025,KES-K01.SASARAN,100\n33.71,2025,KES-K01.TERLAYANI,120\n", "2026-01-10");

        home.run();

        String page = Files.readString(home.reports().resolve("latest/kualitas-data.html"));
        assertThat(page).contains("Terlayani melebihi sasaran", "120,00%", "Sasaran melebihi jumlah penduduk wilayah", "magelang.csv");
    }

    private static void drop(PantauHome home, String name, String content, String day) throws Exception {
        Path file = home.write(name, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(day + "T08:00:00Z")));
    }
}
