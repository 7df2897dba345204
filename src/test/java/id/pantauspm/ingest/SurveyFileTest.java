package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.support.Workbooks;

/**
 * Survey files read as the job reads them (format reader, layout, parser, whole-survey checks):
 * recognised by content in both shapes, every problem located at its cell.
 */
@DisplayName("Survey files: recognised by content, wide and long, problems at their cells")
class SurveyFileTest {

    static final IkmRules RULES = new IkmRulesLoader().load(Path.of("indicators"));
    static final SurveyParser PARSER = new SurveyParser(RULES, RegionDirectory.official());

    @TempDir
    Path dir;

    /** Everything reading a file gives: parsed rows, the notes at its end and the whole-survey findings. */
    record Read(List<ParsedSurveyRow> rows, List<Problem> notes, List<Problem> checks) {

        List<SurveyLine> lines() {
            return rows.stream().filter(ParsedSurveyRow::accepted).map(ParsedSurveyRow::line).toList();
        }

        List<Problem> problems() {
            List<Problem> all = new ArrayList<>();
            rows.forEach(r -> all.addAll(r.problems()));
            all.addAll(notes);
            all.addAll(checks);
            return all;
        }

        Problem only(String code) {
            List<Problem> found = problems().stream().filter(p -> p.code().equals(code)).toList();
            assertThat(found).as(code).hasSize(1);
            return found.get(0);
        }
    }

    static Read read(Path file) throws FileRefusedException {
        List<ParsedSurveyRow> rows = new ArrayList<>();
        try (SubmissionFile f = SubmissionFile.open(file, SpreadsheetFormats.standard(), Layouts.detecting(RULES))) {
            Optional<SourceRow> row;
            while ((row = f.next()).isPresent()) {
                SurveyRow survey = f.survey(row.get()).orElseThrow(() -> new AssertionError("not a survey row"));
                rows.add(PARSER.parse(survey, f.convention()));
            }
            List<Problem> notes = f.endNotes();
            List<SurveyLine> lines = rows.stream().filter(ParsedSurveyRow::accepted).map(ParsedSurveyRow::line).toList();
            return new Read(rows, notes, SurveyFindings.check(RULES, lines));
        }
    }

    private Path xlsx(String name, java.util.function.Consumer<XSSFWorkbook> fill) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, Workbooks.xlsx(fill));
        return p;
    }

    private Path csv(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static void cells(Sheet sheet, int row, Object... values) {
        Row r = sheet.createRow(row - 1);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number n) {
                r.createCell(i).setCellValue(n.doubleValue());
            } else if (values[i] != null) {
                r.createCell(i).setCellValue(values[i].toString());
            }
        }
    }

    /** A unit's wide survey as offices keep it: a title, labels, a two-row header, answers, then the sheet's own totals. */
    private Path puskesmas() throws IOException {
        return xlsx("IKM Puskesmas Halmahera 2025.xlsx", wb -> {
            Sheet notes = wb.createSheet("Petunjuk");
            cells(notes, 1, "Isi satu baris per responden. Skor 1-4.");
            Sheet s = wb.createSheet("Rekap SKM");
            cells(s, 1, "REKAPITULASI SURVEI KEPUASAN MASYARAKAT");
            cells(s, 3, "Unit Layanan", ":", "Puskesmas Halmahera");
            cells(s, 4, "Kode wilayah", "", "33.74");
            cells(s, 5, "Periode: 2025");
            cells(s, 6, "Jumlah populasi", "", 90);
            cells(s, 8, "No", "Jenis Kelamin", "Umur", "Pendidikan", "Pekerjaan", "Unsur Pelayanan");
            cells(s, 9, null, null, null, null, null, "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9");
            cells(s, 10, 1, "L", 34, "SMA", "Swasta", 4, 3, 3, 3, 4, 3, 3, 2, 3);
            cells(s, 11, 2, "P", 41, "S1", "PNS", 3, 3, 4, 3, 3, 3, 4, 3, 3);
            cells(s, 12, 3, "P", 29, "SMP", "IRT", 4, 4, 3, 3, 3, 4, 3, 3, 4);
            cells(s, 13, 4, null, null, null, null); // a numbered row nobody filled in
            cells(s, 15, "Jumlah nilai per unsur", null, null, null, null, 11, 10, 10, 9, 10, 10, 10, 8, 10);
            cells(s, 16, "NRR", null, null, null, null, 3.67, 3.33, 3.33, 3.0, 3.33, 3.33, 3.33, 2.67, 3.33);
            cells(s, 17, "IKM", null, null, null, null, 80.67);
        });
    }

    @Test
    @DisplayName("a wide workbook: labels above a two-row header, three respondents, the empty form row and the sheet's totals skipped")
    void wideWorkbook() throws Exception {
        Read r = read(puskesmas());
        assertThat(r.lines()).hasSize(3);
        SurveyLine first = r.lines().get(0);
        assertThat(first.regionCode()).isEqualTo("33.74");
        assertThat(first.unitName()).isEqualTo("Puskesmas Halmahera");
        assertThat(first.unitKey()).isEqualTo("puskesmas halmahera");
        assertThat(first.periodCode()).isEqualTo("2025");
        assertThat(first.population()).isEqualTo(90L);
        assertThat(first.regimeCode()).isEqualTo("PERMENPANRB_14_2017");
        assertThat(first.respondent()).isEqualTo("1");
        assertThat(first.sex()).isEqualTo("L");
        assertThat(first.age()).isEqualTo("34");
        assertThat(first.sheet()).isEqualTo("Rekap SKM");
        assertThat(first.rowNumber()).isEqualTo(10);
        assertThat(first.answers()).extracting(SurveyLine.Answer::score).containsExactly(4, 3, 3, 3, 4, 3, 3, 2, 3);
        assertThat(first.answers().get(0).column()).isEqualTo("F");
        assertThat(r.problems()).filteredOn(p -> p.severity() != Problem.Severity.NOTE)
                .extracting(Problem::code).containsExactly("survey_sample_small");
        assertThat(r.only("survey_sheet_read_wide").args()).containsExactly("Rekap SKM", "PermenPAN-RB 14/2017 (9 unsur)");
        assertThat(r.only("survey_totals_skipped").row()).isEqualTo(15);
        assertThat(r.only("sheet_skipped").sheet()).isEqualTo("Petunjuk");
        // 3 respondents where 90 users were served: the table asks 73.
        assertThat(r.only("survey_sample_small").args()).containsExactly("Puskesmas Halmahera", "2025", "3", "90", "73");
    }

    @Test
    @DisplayName("scores outside 1-4 reject their row at the cell; a blank item is unanswered with a warning, the row counted")
    void scoresAndBlanks() throws Exception {
        Path file = csv("ikm.csv", """
                Unit layanan;Disdukcapil Kota Semarang
                Kode wilayah;33.74
                Periode;2025-S1
                No;Usia;U1;U2;U3;U4;U5;U6;U7;U8;U9
                1;30;4;4;5;4;4;4;4;4;4
                2;31;4;4;3,5;4;4;4;4;4;4
                3;32;4;Baik;4;4;4;4;4;4;4
                4;33;4;4;4;;4;4;4;-;4
                5;34;;;;;;;;;
                """);
        Read r = read(file);
        assertThat(r.lines()).extracting(SurveyLine::respondent).containsExactly("4");
        assertThat(r.lines().get(0).answers()).hasSize(7);
        List<Problem> invalid = r.problems().stream().filter(p -> p.code().equals("survey_score_invalid")).toList();
        assertThat(invalid).extracting(Problem::row, Problem::column, Problem::found).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5, "E", "5"), org.assertj.core.groups.Tuple.tuple(6, "E", "3,5"),
                org.assertj.core.groups.Tuple.tuple(7, "D", "Baik"));
        assertThat(invalid.get(0).args()).containsExactly("U3", "1", "4");
        assertThat(invalid).allMatch(p -> p.severity() == Problem.Severity.ROW_REJECTED);
        Problem unanswered = r.only("survey_unanswered");
        assertThat(unanswered.severity()).isEqualTo(Problem.Severity.WARNING);
        assertThat(unanswered.row()).isEqualTo(8);
        assertThat(unanswered.column()).isEqualTo("F");
        assertThat(unanswered.args()).containsExactly("4", "U4, U8");
        assertThat(r.only("survey_no_answers").row()).isEqualTo(9);
        assertThat(r.only("survey_population_missing").args()).containsExactly("Disdukcapil Kota Semarang", "2025-S1");
    }

    @Test
    @DisplayName("a long CSV: a missing question id and an unknown one are row problems; a repeated respondent counts once")
    void longShape() throws Exception {
        StringBuilder text = new StringBuilder("kode_wilayah,periode,unit_layanan,populasi,responden,pertanyaan,skor\n");
        String unit = "33.74,2025,Puskesmas Kedungmundu,150,";
        for (int u = 1; u <= 9; u++) {
            text.append(unit).append("R1,U").append(u).append(",3\n");   // rows 2-10
        }
        for (int u = 1; u <= 9; u++) {
            text.append(unit).append("R2,U").append(u).append(",4\n");   // rows 11-19
        }
        for (int u = 1; u <= 9; u++) {
            text.append(unit).append("R1,U").append(u).append(",3\n");   // rows 20-28: R1 sent again
        }
        text.append(unit).append("R3,,4\n");                            // row 29: no question id
        text.append(unit).append("R3,U10,4\n");                         // row 30: no U10 in PermenPAN-RB 14/2017
        text.append(unit).append("R3,Persyaratan,2\n");                 // row 31: by name: U1
        Read r = read(csv("skm-long.csv", text.toString()));

        assertThat(r.only("survey_sheet_read_long").args()).containsExactly("skm-long.csv", "PermenPAN-RB 14/2017 (9 unsur)");
        Problem missing = r.only("survey_question_missing");
        assertThat(missing.row()).isEqualTo(29);
        assertThat(missing.column()).isEqualTo("F");
        assertThat(missing.severity()).isEqualTo(Problem.Severity.ROW_REJECTED);
        Problem unknown = r.only("survey_question_unknown");
        assertThat(unknown.row()).isEqualTo(30);
        assertThat(unknown.found()).isEqualTo("U10");
        assertThat(unknown.args()).containsExactly("PermenPAN-RB 14/2017 (9 unsur)", "U1-U9");
        assertThat(r.lines()).hasSize(28);
        assertThat(r.lines().get(27).answers().get(0).unsur()).isEqualTo(1);
        assertThat(r.lines().get(27).answers().get(0).questionId()).isEqualTo("Persyaratan");
        assertThat(r.problems()).filteredOn(p -> p.code().equals("survey_answer_repeated"))
                .extracting(Problem::row).containsExactly(20, 21, 22, 23, 24, 25, 26, 27, 28);
        // R3 answered only U1: its other eight unsur are unanswered; R1 counts once: 3 respondents of 150 users.
        assertThat(r.only("survey_unanswered").args()).containsExactly("R3", "U2, U3, U4, U5, U6, U7, U8, U9");
        assertThat(r.only("survey_unit_read").args()).containsExactly("Puskesmas Kedungmundu", "2025", "3",
                "PermenPAN-RB 14/2017 (9 unsur)");
        assertThat(r.only("survey_sample_small").args()).containsExactly("Puskesmas Kedungmundu", "2025", "3", "150", "108");
    }

    @Test
    @DisplayName("fourteen unsur columns are a KepMenPAN 25/2004 survey, read under its own regime")
    void fourteenUnsur() throws Exception {
        Read r = read(csv("lama.csv", """
                kode_wilayah,periode,unit_layanan,U1,U2,U3,U4,U5,U6,U7,U8,U9,U10,U11,U12,U13,U14
                34.71,2016,Kantor Pertanahan,4,4,4,4,4,4,4,3,3,3,3,3,3,3
                """));
        assertThat(r.lines()).singleElement().satisfies(l -> {
            assertThat(l.regimeCode()).isEqualTo("KEPMENPAN_25_2004");
            assertThat(l.answers()).hasSize(14);
        });
        assertThat(r.only("survey_sheet_read_wide").args()).containsExactly("lama.csv", "KepMenPAN 25/2004 (14 unsur)");
    }

    @Test
    @DisplayName("refused whole: an unsur column missing, a declaration the columns contradict, no unit anywhere")
    void refusals() throws IOException {
        Path incomplete = csv("kurang.csv", "kode_wilayah,periode,unit_layanan,U1,U2,U3,U4,U5,U6,U7,U8\n33.74,2025,Puskesmas,4,4,4,4,4,4,4,4\n");
        assertThatThrownBy(() -> read(incomplete)).isInstanceOfSatisfying(FileRefusedException.class, e -> {
            assertThat(e.problem().code()).isEqualTo("survey_unsur_incomplete");
            assertThat(e.problem().args()).containsExactly("kurang.csv", "PermenPAN-RB 14/2017 (9 unsur)", "U9",
                    "U1, U2, U3, U4, U5, U6, U7, U8");
        });
        Path mismatch = csv("dasar.csv", """
                Dasar,KepMenPAN 25/2004
                kode_wilayah,periode,unit_layanan,U1,U2,U3,U4,U5,U6,U7,U8,U9
                33.74,2025,Puskesmas,4,4,4,4,4,4,4,4,4
                """);
        assertThatThrownBy(() -> read(mismatch)).isInstanceOfSatisfying(FileRefusedException.class, e -> {
            assertThat(e.problem().code()).isEqualTo("survey_regime_mismatch");
            assertThat(e.problem().args()).contains("KepMenPAN 25/2004 (14 unsur)", "PermenPAN-RB 14/2017 (9 unsur)");
        });
        Path noUnit = csv("tanpa-unit.csv", "kode_wilayah,periode,U1,U2,U3,U4,U5,U6,U7,U8,U9\n33.74,2025,4,4,4,4,4,4,4,4,4\n");
        assertThatThrownBy(() -> read(noUnit)).isInstanceOfSatisfying(FileRefusedException.class,
                e -> assertThat(e.problem().code()).isEqualTo("survey_no_unit"));
    }

    @Test
    @DisplayName("a bad label value is a problem at the label's cell, said once per row it affects")
    void badLabelValue() throws Exception {
        Read r = read(csv("wilayah-salah.csv", """
                Unit layanan;Puskesmas Halmahera
                Kode wilayah;99.99
                Periode;2025
                U1;U2;U3;U4;U5;U6;U7;U8;U9
                4;4;4;4;4;4;4;4;4
                3;3;3;3;3;3;3;3;3
                """));
        assertThat(r.lines()).isEmpty();
        assertThat(r.problems()).filteredOn(p -> p.code().equals("region_unknown")).hasSize(2)
                .allSatisfy(p -> {
                    assertThat(p.row()).isEqualTo(2);
                    assertThat(p.column()).isEqualTo("B");
                    assertThat(p.found()).isEqualTo("99.99");
                });
    }

    @Test
    @DisplayName("a header of unsur names (no codes) is read too; a layout-1 file is still layout 1")
    void namesAndOtherFiles() throws Exception {
        Read r = read(csv("nama.csv", """
                kode_wilayah,periode,unit_layanan,Persyaratan,"Sistem, Mekanisme dan Prosedur",Waktu Penyelesaian,Biaya/Tarif,Produk Spesifikasi Jenis Pelayanan,Kompetensi Pelaksana,Perilaku Pelaksana,"Penanganan Pengaduan, Saran dan Masukan",Sarana dan Prasarana
                33.74,2025,Kelurahan Pleburan,4,3,3,3,3,3,3,3,2
                """));
        assertThat(r.lines()).singleElement().satisfies(l ->
                assertThat(l.answers()).extracting(SurveyLine.Answer::score).containsExactly(4, 3, 3, 3, 3, 3, 3, 3, 2));

        Path spm = csv("spm.csv", "kode_wilayah,periode,kode_data,nilai\n33.74,2025,KES-K01.SASARAN,100\n");
        try (SubmissionFile f = SubmissionFile.open(spm, SpreadsheetFormats.standard(), Layouts.detecting(RULES))) {
            SourceRow row = f.next().orElseThrow();
            assertThat(f.survey(row)).isEmpty();
            assertThat(row.cell(Column.MEASURE_CODE).asText()).isEqualTo("KES-K01.SASARAN");
        }
    }
}
