package id.pantauspm.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.catalogue.IkmRules;
import id.pantauspm.catalogue.IkmRulesLoader;
import id.pantauspm.ikm.IkmCalculator;
import id.pantauspm.ikm.IkmResult;
import id.pantauspm.ikm.Response;
import id.pantauspm.ingest.FileRefusedException;
import id.pantauspm.ingest.Layouts;
import id.pantauspm.ingest.ParsedSurveyRow;
import id.pantauspm.ingest.Problem;
import id.pantauspm.ingest.SourceRow;
import id.pantauspm.ingest.SpreadsheetFormats;
import id.pantauspm.ingest.SubmissionFile;
import id.pantauspm.ingest.SurveyLine;
import id.pantauspm.ingest.SurveyParser;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.support.Cli;
import id.pantauspm.support.LibreOffice;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.Surveys;

/**
 * `pantau template --ikm`: the survey template an office fills in, read back by the same ingest as
 * every survey, also after LibreOffice saved it again.
 */
@DisplayName("pantau template --ikm: the survey template, filled in and read back")
class IkmTemplateTest {

    static final IkmRules RULES = new IkmRulesLoader().load(PantauHome.PROJECT.resolve("indicators"));

    @TempDir
    Path temp;

    Path written(String... more) throws Exception {
        Path out = Files.createTempDirectory(temp, "templat");
        List<String> args = new ArrayList<>(List.of("template", "--ikm", "--region", "33.74", "--period", "2025", "--out",
                out.toString(), "--catalogue", PantauHome.PROJECT.resolve("indicators").toString()));
        args.addAll(List.of(more));
        Cli.Result r = Cli.pantau(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        try (var files = Files.list(out)) {
            return files.findFirst().orElseThrow();
        }
    }

    /** Fills the template as a clerk would: the population, then the three respondents of Surveys.THREE from row 10. */
    static Path fill(Path template, Path target, boolean withUnit) throws Exception {
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheetAt(0);
            if (withUnit && s.getRow(2).getCell(1).getStringCellValue().isEmpty()) {
                s.getRow(2).getCell(1).setCellValue("Puskesmas Halmahera");
            }
            s.getRow(5).getCell(1).setCellValue(90);
            for (int i = 0; i < Surveys.THREE.length; i++) {
                Row row = s.getRow(9 + i);
                row.getCell(0).setCellValue(i + 1);
                row.getCell(1).setCellValue(i % 2 == 0 ? "L" : "P");
                for (int u = 0; u < 9; u++) {
                    row.getCell(7 + u).setCellValue(Surveys.THREE[i][u]);
                }
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                wb.write(out);
            }
        }
        return target;
    }

    record Read(List<SurveyLine> lines, List<Problem> problems) {
    }

    static Read read(Path file) throws FileRefusedException {
        SurveyParser parser = new SurveyParser(RULES, RegionDirectory.official());
        List<SurveyLine> lines = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (SubmissionFile f = SubmissionFile.open(file, SpreadsheetFormats.standard(), Layouts.detecting(RULES))) {
            Optional<SourceRow> row;
            while ((row = f.next()).isPresent()) {
                ParsedSurveyRow parsed = parser.parse(f.survey(row.get()).orElseThrow(), f.convention());
                problems.addAll(parsed.problems());
                if (parsed.accepted()) {
                    lines.add(parsed.line());
                }
            }
            problems.addAll(f.endNotes());
        }
        return new Read(lines, problems);
    }

    static IkmResult ikm(List<SurveyLine> lines) {
        return IkmCalculator.compute(RULES.current(), lines.stream().map(l -> new Response(l.respondentKey(),
                l.answers().stream().collect(java.util.stream.Collectors.toMap(SurveyLine.Answer::unsur, SurveyLine.Answer::score))))
                .toList());
    }

    @Test
    @DisplayName("written with its unit, filled in and read back: three respondents, 81.48 B, nothing else said")
    void filledTemplateReadsBack() throws Exception {
        Path template = written("--unit", "Puskesmas Halmahera");
        assertThat(template.getFileName().toString()).isEqualTo("Template IKM 33.74 Kota Semarang 2025 Puskesmas Halmahera.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(template.toFile())) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Survei");
            assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("Petunjuk");
            Row header = wb.getSheetAt(0).getRow(8);
            assertThat(header.getCell(7).getStringCellValue()).isEqualTo("U1 Persyaratan");
            assertThat(header.getCell(15).getStringCellValue()).isEqualTo("U9 Sarana dan prasarana");
            assertThat(wb.getSheetAt(0).getDataValidations()).anySatisfy(v ->
                    assertThat(v.getValidationConstraint().getFormula1()).isEqualTo("1"));
        }
        // An empty template is a survey with no answers yet: nothing to store, nothing rejected.
        assertThat(read(template).lines()).isEmpty();

        Read r = read(fill(template, temp.resolve("diisi.xlsx"), false));
        assertThat(r.lines()).hasSize(3).allSatisfy(l -> {
            assertThat(l.unitName()).isEqualTo("Puskesmas Halmahera");
            assertThat(l.regionCode()).isEqualTo("33.74");
            assertThat(l.periodCode()).isEqualTo("2025");
            assertThat(l.population()).isEqualTo(90L);
            assertThat(l.regimeCode()).isEqualTo("PERMENPANRB_14_2017");
        });
        assertThat(r.problems()).extracting(Problem::severity).containsOnly(Problem.Severity.NOTE);
        assertThat(ikm(r.lines()).ikm()).isEqualByComparingTo("81.48");
    }

    @Test
    @DisplayName("saved again by LibreOffice, the filled template reads back exactly")
    void throughLibreOffice() throws Exception {
        LibreOffice office = LibreOffice.installed();
        Path filled = fill(written("--unit", "Puskesmas Halmahera"), temp.resolve("diisi.xlsx"), false);
        Path saved = office.convert(filled, "xlsx:Calc MS Excel 2007 XML", temp.resolve("lo"), temp.resolve("profile"));
        Read r = read(saved);
        assertThat(r.lines()).extracting(SurveyLine::respondent).containsExactly("1", "2", "3");
        assertThat(r.lines().get(0).answers()).extracting(SurveyLine.Answer::score).containsExactly(4, 3, 3, 3, 4, 3, 3, 2, 3);
        assertThat(r.problems()).extracting(Problem::severity).containsOnly(Problem.Severity.NOTE);
        assertThat(ikm(r.lines()).ikm()).isEqualByComparingTo("81.48");
    }

    @Test
    @DisplayName("a unit left empty is a problem at B3, the cell where it belongs; in English the words are English")
    void unitLeftEmpty() throws Exception {
        Read r = read(fill(written(), temp.resolve("tanpa-unit.xlsx"), false));
        assertThat(r.lines()).isEmpty();
        assertThat(r.problems()).filteredOn(p -> p.code().equals("survey_unit_empty")).hasSize(3).allSatisfy(p -> {
            assertThat(p.sheet()).isEqualTo("Survei");
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("B");
        });
        Path english = written("--lang", "en", "--unit", "Puskesmas Halmahera");
        assertThat(english.getFileName().toString()).isEqualTo("IKM template 33.74 Kota Semarang 2025 Puskesmas Halmahera.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(english.toFile())) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Survey");
            assertThat(wb.getSheetAt(0).getRow(8).getCell(7).getStringCellValue()).isEqualTo("U1 Requirements");
        }
        assertThat(read(fill(english, temp.resolve("filled.xlsx"), false)).lines()).hasSize(3);
    }
}
