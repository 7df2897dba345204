package id.pantauspm.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.catalogue.Measure;
import id.pantauspm.job.RunSummary;
import id.pantauspm.period.Period;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.support.LibreOffice;
import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;

/**
 * The promise of layout 2: a template written by `pantau template`, filled in by a clerk and saved
 * by Excel (here POI) or LibreOffice, is read back by the nightly job exactly: every value the
 * clerk typed is stored as typed, with the region and period of the metadata cells; a value left
 * empty is no value.
 */
@DisplayName("The fill-in template, written, filled in and ingested by the job: read back exactly")
class TemplateRoundTripTest {

    static Catalogue catalogue;

    @TempDir
    Path temp;

    @BeforeAll
    static void load() {
        catalogue = new CatalogueLoader().load(PantauHome.PROJECT.resolve("indicators"));
    }

    /** What the clerk typed for a measure: an amount, null for "-", and a note. */
    record Typed(BigDecimal amount, String note) {
    }

    /** Writes a template and fills it in as a clerk would; returns what was typed per measure code. */
    private Map<String, Typed> writeAndFill(String region, String period, String field, Path filled) throws Exception {
        TemplateWriter writer = new TemplateWriter(catalogue, Locale.forLanguageTag("id"));
        Path written = writer.write(RegionDirectory.official().find(region).orElseThrow(), Period.parse(period).orElseThrow(),
                field, temp.resolve("written"));
        Map<String, Typed> typed = new TreeMap<>();
        try (InputStream in = Files.newInputStream(written); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            wb.getSheetAt(0).getRow(8).getCell(1).setCellValue("Dinas Kesehatan Kota Semarang");
            wb.getSheetAt(0).getRow(9).getCell(1).setCellValue("Siti Rahayu");
            CellStyle percentTyped = wb.createCellStyle();
            percentTyped.cloneStyleFrom(wb.getSheetAt(1).getRow(TemplateWriter.FIRST_DATA_ROW + 1).getCell(TemplateWriter.COL_VALUE).getCellStyle());
            percentTyped.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            boolean percentSignUsed = false;
            int i = 0;
            for (int s = 1; s < wb.getNumberOfSheets(); s++) {
                XSSFSheet sheet = wb.getSheetAt(s);
                for (Row r : sheet) {
                    if (r.getRowNum() < TemplateWriter.FIRST_DATA_ROW || r.getCell(TemplateWriter.COL_MEASURE).getStringCellValue().isEmpty()) {
                        continue;
                    }
                    i++;
                    String code = r.getCell(TemplateWriter.COL_MEASURE).getStringCellValue();
                    Measure m = catalogue.measure(code).orElseThrow();
                    var value = r.getCell(TemplateWriter.COL_VALUE);
                    String note = i % 7 == 0 ? "Sumber: SIMPUS \u2013 triwulan berjalan, revisi ke-" + i + " (dr. Ni\u2019matul)" : null;
                    if (note != null) {
                        r.getCell(TemplateWriter.COL_NOTE).setCellValue(note);
                    }
                    if (i % 5 == 4) {
                        continue; // not filled in: no value
                    }
                    BigDecimal amount;
                    if (m.type() == id.pantauspm.catalogue.ValueType.TEXT && i % 11 != 3) {
                        // Words (PERMASALAHAN, SOLUSI): stored as written in the note, the clerk's note after them.
                        String words = "Tenaga bidan kurang di puskesmas ke-" + i;
                        value.setCellValue(words);
                        typed.put(code, new Typed(null, note == null ? words : words + "\n(" + note + ")"));
                        continue;
                    }
                    if (i % 11 == 3) {
                        value.setCellValue("-");
                        amount = null;
                    } else {
                        amount = switch (m.type()) {
                            case COUNT -> BigDecimal.valueOf(1000L + 37L * i);
                            case PERCENT -> new BigDecimal("7.25").multiply(BigDecimal.valueOf(1 + i % 13));
                            case AMOUNT -> new BigDecimal("1250000000.5").add(BigDecimal.valueOf(1000L * i));
                            case NUMBER -> new BigDecimal("-3.25").add(BigDecimal.valueOf(i));
                            case TEXT -> throw new IllegalStateException("words are typed above");
                        };
                        if (m.type() == id.pantauspm.catalogue.ValueType.PERCENT && !percentSignUsed) {
                            // Typed as "87,5%": Excel keeps 0.875 under a percent format.
                            value.setCellValue(amount.movePointLeft(2).doubleValue());
                            value.setCellStyle(percentTyped);
                            percentSignUsed = true;
                        } else {
                            value.setCellValue(amount.doubleValue());
                        }
                    }
                    typed.put(code, new Typed(amount, note));
                }
            }
            assertThat(percentSignUsed).isTrue();
            try (OutputStream out = Files.newOutputStream(filled)) {
                wb.write(out);
            }
        }
        return typed;
    }

    /** Runs the job on one file and returns what it stored, by measure code. */
    private Map<String, Typed> ingest(Path file, String region, String period) {
        PantauHome home = new PantauHome(temp.resolve("home-" + file.getFileName()), TestDatabase.h2(temp.resolve("db-" + file.getFileName())));
        home.drop(file, file.getFileName().toString());

        RunSummary summary = home.run();

        assertThat(summary.failed()).isFalse();
        assertThat(summary.filesRefused()).isZero();
        assertThat(summary.filesAccepted()).isEqualTo(1);
        assertThat(summary.rowsRejected()).isZero();
        assertThat(summary.regions()).containsExactly(region);
        assertThat(summary.periods()).containsExactly(period);
        assertThat(home.count("select count(*) from submission_problem")).as("no problem, not even a skipped sheet").isZero();
        assertThat(home.count("select count(*) from measured_value where region_code <> ? or period_code <> ?", region, period)).isZero();
        return home.query(db -> {
            Map<String, Typed> stored = new TreeMap<>();
            db.query("select measure_code, amount, note from measured_value where active = true", rs -> {
                BigDecimal amount = rs.getBigDecimal(2);
                stored.put(rs.getString(1), new Typed(amount == null ? null : amount.stripTrailingZeros(), rs.getString(3)));
            });
            return stored;
        });
    }

    private static void assertExactly(Map<String, Typed> stored, Map<String, Typed> typed) {
        assertThat(stored.keySet()).containsExactlyElementsOf(typed.keySet());
        Map<String, String> differences = new LinkedHashMap<>();
        typed.forEach((code, t) -> {
            Typed s = stored.get(code);
            boolean sameAmount = t.amount() == null ? s.amount() == null : s.amount() != null && s.amount().compareTo(t.amount()) == 0;
            if (!sameAmount || !java.util.Objects.equals(s.note(), t.note())) {
                differences.put(code, "typed " + t + ", stored " + s);
            }
        });
        assertThat(differences).isEmpty();
    }

    @Test
    void aKabupatenKotaTemplateFilledInAndSavedByExcelIsReadBackExactly() throws Exception {
        Path filled = temp.resolve("Template SPM 33.74 Kota Semarang 2026-TW3 (terisi).xlsx");
        Map<String, Typed> typed = writeAndFill("33.74", "2026-TW3", null, filled);
        assertThat(typed).hasSizeGreaterThan(300);
        assertThat(typed.values()).anyMatch(t -> t.amount() == null).anyMatch(t -> t.note() != null)
                .anyMatch(t -> t.amount() != null && t.amount().scale() > 0);

        assertExactly(ingest(filled, "33.74", "2026-TW3"), typed);
    }

    @Test
    void aProvinceTemplateForOneFieldIsReadBackExactly() throws Exception {
        Path filled = temp.resolve("Template SPM 33 Jawa Tengah 2026 KES.xlsx");
        Map<String, Typed> typed = writeAndFill("33", "2026", "KES", filled);
        assertThat(typed.keySet()).allMatch(c -> c.startsWith("KES-P"));

        assertExactly(ingest(filled, "33", "2026"), typed);
    }

    @Test
    void savedAgainByLibreOfficeAsXlsxItIsReadBackExactly() throws Exception {
        LibreOffice soffice = LibreOffice.installed();
        Path filled = temp.resolve("terisi.xlsx");
        Map<String, Typed> typed = writeAndFill("33.74", "2026-TW3", null, filled);
        Path saved = soffice.convert(filled, "xlsx:Calc MS Excel 2007 XML", temp.resolve("libreoffice"), temp.resolve("lo-profile"));

        assertExactly(ingest(saved, "33.74", "2026-TW3"), typed);
    }

    @Test
    void savedByLibreOfficeAsXlsItIsReadBackExactly() throws Exception {
        LibreOffice soffice = LibreOffice.installed();
        Path filled = temp.resolve("terisi.xlsx");
        Map<String, Typed> typed = writeAndFill("33.74", "2026-TW3", null, filled);
        Path saved = soffice.convert(filled, "xls:MS Excel 97", temp.resolve("libreoffice"), temp.resolve("lo-profile"));
        assertThat(saved.getFileName().toString()).endsWith(".xls");

        assertExactly(ingest(saved, "33.74", "2026-TW3"), typed);
    }
}
