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
            return walk.filter(Files::isRegularFile).collect(Collectors.toMap(p -> folder.relativize(p).toString(), p -> {
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
