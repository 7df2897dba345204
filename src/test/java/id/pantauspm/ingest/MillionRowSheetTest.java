package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.catalogue.Level;
import id.pantauspm.catalogue.Measure;
import id.pantauspm.catalogue.ServiceType;
import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.PantauProcess;
import id.pantauspm.support.TestDatabase;

/**
 * Memory stays flat however long the sheet: a workbook of 1,000,000 data rows, generated here,
 * is ingested by a real `pantau run` process limited to a 512 MB heap.
 */
@Tag("slow")
class MillionRowSheetTest {

    static final int ROWS = 1_000_000;

    @TempDir
    Path temp;

    @Test
    void aMillionRowSheetIsIngestedWithinA512MegabyteHeap() throws Exception {
        PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp.resolve("db")));
        Files.createDirectories(home.inbox());
        writeMillionRows(home.inbox().resolve("rekap nasional bulanan.xlsx"));

        Process process = PantauProcess.run(home, "512m");
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            out.lines().forEach(output::add);
        }
        assertThat(process.waitFor(20, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as("exit code; output:%n%s", String.join("\n", output.subList(
                Math.max(0, output.size() - 30), output.size()))).isZero();
        assertThat(output).noneMatch(line -> line.contains("OutOfMemoryError"));
        assertThat(home.count("select count(*) from measured_value where active = true")).isEqualTo(ROWS);
    }

    /** Distinct rows: every kabupaten/kota, month and health measure, until a million (POI's streaming writer). */
    static void writeMillionRows(Path file) throws Exception {
        Catalogue catalogue = new CatalogueLoader().load(PantauHome.PROJECT.resolve("indicators"));
        List<String> measures = new ArrayList<>();
        for (ServiceType s : catalogue.services(Level.KABKOTA)) {
            s.measures().stream().map(Measure::code).forEach(measures::add);
        }
        List<Region> regencies = RegionDirectory.official().all().stream().filter(r -> !r.isProvince()).toList();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
            wb.setCompressTempFiles(true);
            Sheet sheet = wb.createSheet("Data");
            Row header = sheet.createRow(0);
            String[] names = {"kode_wilayah", "periode", "kode_data", "nilai"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            int written = 0;
            outer:
            for (int month = 1; month <= 12; month++) {
                for (Region r : regencies) {
                    for (String m : measures) {
                        Row row = sheet.createRow(++written);
                        row.createCell(0).setCellValue(r.code());
                        row.createCell(1).setCellValue(String.format("2025-%02d", month));
                        row.createCell(2).setCellValue(m);
                        row.createCell(3).setCellValue(m.endsWith("TERLAYANI") ? 90 : m.contains("TAHAP") ? 50 : 100);
                        if (written == ROWS) {
                            break outer;
                        }
                    }
                }
            }
            wb.write(out);
        }
    }
}
