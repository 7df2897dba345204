package id.pantauspm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.cli.PantauCommand;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;

@DisplayName("pantau report: the reports again from the database, nothing ingested")
class ReportCommandTest {

    @TempDir
    Path temp;

    @Test
    void unchangedDataGivesIdenticalReportsApartFromTheGenerationTime() throws Exception {
        PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp)).samplesMode();
        home.run();
        Map<String, String> first = htmlAndCharts(home.reports().resolve("latest"));

        int code = pantau(home, "report");
        assertThat(code).isZero();
        Map<String, String> second = htmlAndCharts(home.reports().resolve("latest"));

        assertThat(second).isEqualTo(first);
        assertThat(home.count("select count(*) from submission")).isEqualTo(23); // nothing new ingested
        try (Stream<Path> runs = Files.list(home.reports().resolve("runs"))) {
            assertThat(runs.count()).isEqualTo(2);
        }
    }

    /**
     * The nightly job writes the region pages a province at a time (a partition each); `pantau report` writes them all at
     * once. Where one province's newest quarter is older than another's, the charts still follow the newest quarter of
     * all, as when written at once: Kudus (Jawa Tengah) reports Triwulan III, Sleman (DIY) Triwulan II only, so Sleman's
     * page has no quarter chart either way.
     */
    @Test
    void pagesWrittenProvinceByProvinceEqualPagesWrittenAtOnce() throws Exception {
        PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp));
        home.write("dinkes kudus.csv", "kode_wilayah;periode;kode_data;nilai\n"
                + "33.19;2026-TW3;KES-K01.SASARAN;1000\n33.19;2026-TW3;KES-K01.TERLAYANI;700\n");
        home.write("dinkes sleman.csv", "kode_wilayah;periode;kode_data;nilai\n"
                + "34.04;2026-TW2;KES-K01.SASARAN;2000\n34.04;2026-TW2;KES-K01.TERLAYANI;900\n");
        assertThat(home.run().exitCode()).isZero();
        Path latest = home.reports().resolve("latest");
        assertThat(latest.resolve("wilayah/34.04.html")).content().contains("Triwulan II tahun 2026");
        assertThat(latest.resolve("charts/region-33.19-2026-TW3.svg")).exists();
        assertThat(latest.resolve("charts/region-34.04-2026-TW2.svg")).doesNotExist();
        Map<String, String> nightly = htmlAndCharts(latest);

        assertThat(pantau(home, "report")).isZero();

        assertThat(htmlAndCharts(home.reports().resolve("latest"))).isEqualTo(nightly);
    }

    @Test
    void aFilteredReportIsWrittenApartAndLeavesLatestAlone() throws Exception {
        PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp)).samplesMode();
        home.run();
        Map<String, String> latest = htmlAndCharts(home.reports().resolve("latest"));

        assertThat(pantau(home, "report", "--region", "3374", "--period", "Triwulan III 2026")).isZero();

        assertThat(htmlAndCharts(home.reports().resolve("latest"))).isEqualTo(latest);
        try (Stream<Path> runs = Files.list(home.reports().resolve("runs"))) {
            Path filtered = runs.filter(p -> p.getFileName().toString().endsWith("-33.74-2026-TW3")).findFirst().orElseThrow();
            assertThat(filtered.resolve("wilayah/33.74.html")).content().contains("Triwulan III tahun 2026").doesNotContain("Tahun 2025");
            assertThat(filtered.resolve("wilayah/33.02.html")).doesNotExist();
        }
        assertThat(pantau(home, "report", "--region", "99.99")).isEqualTo(2);
    }

    private static int pantau(PantauHome home, String... args) {
        String[] all = Stream.concat(Stream.of(args), home.springArgs().stream()
                .filter(a -> a.startsWith("--pantau.db.url=") || a.startsWith("--pantau.catalogue="))
                .map(a -> a.replace("--pantau.db.url=", "--db-url=").replace("--pantau.catalogue=", "--catalogue=")))
                .toArray(String[]::new);
        String[] withReports = Stream.concat(Stream.of(all), Stream.of("--reports=" + home.reports())).toArray(String[]::new);
        return PantauCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), withReports);
    }

    /** The generated files and their content, the generation date left out (PDFs by their text). */
    private static Map<String, String> htmlAndCharts(Path folder) throws Exception {
        try (Stream<Path> walk = Files.walk(folder)) {
            // the nightly job's list of what it drew (.pantau/, PublishedFiles) is bookkeeping, not a report
            return walk.filter(Files::isRegularFile).filter(p -> !folder.relativize(p).startsWith(PublishedFiles.FOLDER)).collect(Collectors.toMap(p -> folder.relativize(p).toString(), p -> {
                try {
                    String name = p.toString();
                    if (name.endsWith(".html")) {
                        return Files.readString(p).replaceAll("Dibuat \\d+ \\w+ \\d{4}", "");
                    }
                    if (name.endsWith(".pdf")) { // a PDF embeds its creation time: compare what it says
                        try (var pdf = org.apache.pdfbox.Loader.loadPDF(p.toFile())) {
                            return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("Dibuat \\d+ \\w+ \\d{4}", "");
                        }
                    }
                    if (name.endsWith(".xlsx")) { // a workbook's zip entries carry their write time: compare its cells
                        StringBuilder cells = new StringBuilder();
                        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(p.toFile())) {
                            var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
                            wb.forEach(sheet -> sheet.forEach(row -> row.forEach(c -> cells.append(formatter.formatCellValue(c)).append('|'))));
                        }
                        return cells.toString();
                    }
                    return id.pantauspm.job.ScanTasklet.sha256(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }
}
