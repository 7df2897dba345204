package id.pantauspm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.ingest.Layouts;
import id.pantauspm.ingest.SpreadsheetFormats;
import id.pantauspm.ingest.SubmissionFile;
import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.support.Cli;
import id.pantauspm.support.Cli.Result;
import id.pantauspm.support.PantauHome;

@DisplayName("pantau template: one workbook per region and period, without a database")
class TemplateCommandTest {

    @TempDir
    Path temp;

    static Result pantau(String... args) {
        return Cli.pantau(args);
    }

    /** `pantau template` with the shipped catalogue, writing into a folder of this test. */
    Result template(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("template", "--out", out.toString()));
        if (!List.of(more).contains("--catalogue")) {
            args.addAll(List.of("--catalogue", PantauHome.PROJECT.resolve("indicators").toString()));
        }
        args.addAll(List.of(more));
        return pantau(args.toArray(String[]::new));
    }

    static List<String> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void oneRegionAndPeriodGivesOneWorkbookThatReadsAsATemplate() throws Exception {
        Path out = temp.resolve("templat");
        Result r = template(out, "--region", "33.74", "--period", "2026-TW3");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(files(out)).containsExactly("Template SPM 33.74 Kota Semarang 2026-TW3.xlsx");
        assertThat(r.out()).contains("Ditulis: ", "Template SPM 33.74 Kota Semarang 2026-TW3.xlsx", "1 template ditulis ke");
        // Read as the job reads it: a template, nothing filled in yet, no sheet skipped, not refused.
        try (SubmissionFile file = SubmissionFile.open(out.resolve("Template SPM 33.74 Kota Semarang 2026-TW3.xlsx"),
                SpreadsheetFormats.standard(), Layouts.detecting())) {
            assertThat(file.next()).isEmpty();
            assertThat(file.endNotes()).isEmpty();
        }
    }

    @Test
    void everyKabupatenKotaOfAProvinceForOneFieldInEnglish() throws Exception {
        Path out = temp.resolve("jateng");
        Result r = template(out, "--region", "33.*", "--period", "2026-Q3", "--field", "kes", "--lang", "en");

        assertThat(r.code()).as(r.err()).isZero();
        List<Region> regencies = RegionDirectory.official().regenciesOf("33");
        assertThat(regencies).hasSize(35);
        assertThat(files(out)).containsExactlyInAnyOrderElementsOf(regencies.stream()
                .map(g -> "Template SPM " + g.code() + " " + g.name() + " 2026-TW3 KES.xlsx").toList());
        assertThat(r.out()).contains("35 template(s) written to");
    }

    @Test
    void severalRegionsAtOnceAndExistingFilesAreKeptUnlessOverwriteIsGiven() throws Exception {
        Path out = temp.resolve("out");
        assertThat(template(out, "--region", "33,3374", "--period", "2026").code()).isZero();
        assertThat(files(out)).containsExactly("Template SPM 33 Jawa Tengah 2026.xlsx", "Template SPM 33.74 Kota Semarang 2026.xlsx");
        Path semarang = out.resolve("Template SPM 33.74 Kota Semarang 2026.xlsx");
        Files.writeString(semarang, "a filled copy saved under the same name");

        Result again = template(out, "--region", "33.74", "--period", "2026");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("Sudah ada, tidak ditimpa", "0 template ditulis", "1 berkas sudah ada");
        assertThat(semarang).hasContent("a filled copy saved under the same name");

        assertThat(template(out, "--region", "33.74", "--period", "2026", "--overwrite").code()).isZero();
        assertThat(Files.size(semarang)).isGreaterThan(10_000);
    }

    @Test
    void badUsageExitsWithTwoAndSaysWhatIsWrong() throws Exception {
        Path out = temp.resolve("out");
        Result region = template(out, "--region", "99.99", "--period", "2026");
        assertThat(region.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(region.err()).contains("Wilayah \"99.99\" tidak dikenal", "33.*");
        assertThat(template(out, "--region", "99.*", "--period", "2026").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(template(out, "--region", "33.74.*", "--period", "2026").code()).isEqualTo(ExitCodes.USAGE);

        Result period = template(out, "--region", "33.74", "--period", "TW3", "--lang", "en");
        assertThat(period.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(period.err()).contains("Period \"TW3\" cannot be read");

        Result field = template(out, "--region", "33.74", "--period", "2026", "--field", "AGAMA");
        assertThat(field.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(field.err()).contains("AGAMA", "KES", "PEND");

        assertThat(template(out, "--region", "33.74", "--period", "2026", "--lang", "fr").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(template(out, "--period", "2026").code()).as("--region is required").isEqualTo(ExitCodes.USAGE);

        Path broken = temp.resolve("indicators");
        PantauHome.copyTree(PantauHome.PROJECT.resolve("indicators"), broken);
        Path health = broken.resolve("fields/kesehatan.yaml");
        Files.writeString(health, Files.readString(health).replaceFirst("kind: output", "kind: hasil"));
        Result catalogue = template(out, "--region", "33.74", "--period", "2026", "--catalogue", broken.toString());
        assertThat(catalogue.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(catalogue.err()).contains("Katalog SPM tidak valid", "kesehatan.yaml", "'hasil'");

        assertThat(out).doesNotExist();
    }

    @Test
    void helpListsTheCommandAndHowToNameManyRegions() {
        assertThat(pantau("--help").out()).contains("template");
        String help = pantau("template", "--help").out();
        assertThat(help).contains("--region", "33.*", "all", "--period", "--field", "--out", "--lang", "--catalogue", "--overwrite");
    }

    @Test
    void theCatalogueComesFromTheOptionElsePantauCatalogueElsePantauHome() {
        Path option = Path.of("/srv/katalog");
        assertThat(TemplateCommand.catalogueFolder(option, Map.of("PANTAU_HOME", "/opt/pantau"))).isEqualTo(option);
        assertThat(TemplateCommand.catalogueFolder(null, Map.of("PANTAU_HOME", "/opt/pantau", "PANTAU_CATALOGUE", "katalog")))
                .isEqualTo(Path.of("/opt/pantau/katalog"));
        assertThat(TemplateCommand.catalogueFolder(null, Map.of("PANTAU_HOME", "/opt/pantau"))).isEqualTo(Path.of("/opt/pantau/indicators"));
        assertThat(TemplateCommand.catalogueFolder(null, Map.of())).isEqualTo(Path.of("indicators").toAbsolutePath());
    }

    @Test
    @Tag("slow")
    void allWritesOneWorkbookPerProvinceAndKabupatenKota() throws Exception {
        Path out = temp.resolve("semua");
        Result r = template(out, "--region", "all", "--period", "2026");

        assertThat(r.code()).as(r.err()).isZero();
        List<String> written = files(out);
        assertThat(written).hasSize(38 + 514);
        assertThat(written.stream().filter(n -> n.matches("Template SPM \\d\\d [^0-9].*"))).hasSize(38);
        assertThat(written.stream().filter(n -> n.matches("Template SPM \\d\\d\\.\\d\\d .*"))).hasSize(514);
    }
}
