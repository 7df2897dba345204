package id.pantauspm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;

/**
 * A number that appears in two outputs is the same number in both: the CSV (read as the tools read
 * it), the workbook's cells, the region's HTML page and its PDF, for the bundled samples' quarter
 * reports of Kabupaten Sleman and Kota Semarang (the two that carry budget, stages and mutu).
 */
@DisplayName("HTML, PDF, XLSX, CSV and the e-SPM draft show the same numbers")
class OutputsAgreeTest {

    @TempDir
    static Path temp;

    static PantauHome home;
    static final Locale ID = Locale.forLanguageTag("id-ID");

    @BeforeAll
    static void runOnSamples() {
        home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp)).samplesMode();
        home.run();
    }

    /** Columns compared, with how the pages print them: a count with thousands dots, a percentage with two decimals. */
    static final Map<String, Boolean> NUMBERS = new java.util.LinkedHashMap<>();
    static {
        NUMBERS.put("target_population", false);
        NUMBERS.put("served", false);
        NUMBERS.put("recipient_pct_uncapped", true);
        NUMBERS.put("service_index", true);
        NUMBERS.put("budget_planned", false);
        NUMBERS.put("budget_spent", false);
        NUMBERS.put("stage4_pct", true);
    }

    @Test
    void everyServiceNumberOfTheQuarterIsTheSameInCsvWorkbookPageAndPdf() throws Exception {
        List<Map<String, String>> csv = csv("layanan.csv");
        Map<String, Map<String, BigDecimal>> workbook = workbookServices();
        int compared = 0;
        for (String region : List.of("34.04", "33.74")) {
            String html = Files.readString(home.reports().resolve("latest/wilayah/" + region + ".html"));
            String quarter = html.substring(html.indexOf("Triwulan III tahun 2026"), html.indexOf("Tahun 2025"));
            String pdf = pdfText(region, "2026-TW3");
            for (Map<String, String> row : csv) {
                if (!row.get("region_code").equals(region) || !row.get("period_code").equals("2026-TW3")
                        || !row.get("scope").equals("OWN")) {
                    continue;
                }
                String service = row.get("service_code");
                Map<String, BigDecimal> cells = workbook.get(region + "|2026-TW3|" + service);
                assertThat(cells).as("%s %s in the workbook", region, service).isNotNull();
                for (Map.Entry<String, Boolean> column : NUMBERS.entrySet()) {
                    String text = row.get(column.getKey());
                    if (text == null || text.isEmpty()) {
                        assertThat(cells.get(column.getKey())).as("%s %s %s empty in both", region, service, column.getKey()).isNull();
                        continue;
                    }
                    BigDecimal value = new BigDecimal(text.replace(',', '.'));
                    assertThat(cells.get(column.getKey())).as("%s %s %s: workbook = CSV", region, service, column.getKey())
                            .isEqualByComparingTo(value);
                    String shown = column.getValue() ? pct(value) : count(value);
                    {
                        // The page's rows of the service hold the number as printed.
                        assertThat(rowOf(quarter, service)).as("%s %s %s on the page", region, service, column.getKey()).contains(">" + shown + "<");
                    }
                    assertThat(pdf).as("%s %s %s in the PDF", region, service, column.getKey()).contains(shown);
                    compared++;
                }
            }
        }
        // Sleman 12 + 3 services with counts, Semarang 12: at least four numbers each; the budget and stages add more.
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void theIpSpmIsTheSameOnTheIndexTheRegionPageThePdfTheWorkbookAndTheCsv() throws Exception {
        String index = Files.readString(home.reports().resolve("latest/index.html"));
        for (Map<String, String> row : csv("wilayah.csv")) {
            if (!row.get("scope").equals("OWN") || !row.get("period_code").equals("2026-TW3")) {
                continue;
            }
            BigDecimal ipspm = new BigDecimal(row.get("region_index").replace(',', '.'));
            String shown = pct(ipspm);
            String region = row.get("region_code");
            assertThat(index).as("IP-SPM of %s on the index", region).contains(">" + shown + "<");
            assertThat(Files.readString(home.reports().resolve("latest/wilayah/" + region + ".html"))).contains(shown);
            assertThat(pdfText(region, "2026-TW3")).as("IP-SPM of %s in its PDF", region).contains(shown);
            try (InputStream in = Files.newInputStream(home.reports().resolve("latest/hasil-spm.xlsx"));
                 XSSFWorkbook wb = new XSSFWorkbook(in)) {
                List<Map<String, Object>> rows = rows(wb.getSheet("Wilayah"));
                assertThat(rows).anySatisfy(r -> {
                    assertThat(r.get("Kode wilayah")).isEqualTo(region);
                    assertThat(r.get("Periode")).isEqualTo("2026-TW3");
                    assertThat((BigDecimal) r.get("IP-SPM (Indeks Pencapaian SPM)")).isEqualByComparingTo(ipspm);
                });
            }
        }
    }

    @Test
    @DisplayName("the e-SPM draft holds the numbers of the CSV: per service A (to serve, served, %, index), C (budget), and the IP-SPM")
    void theEspmDraftHoldsTheSameNumbers() throws Exception {
        List<Map<String, String>> services = csv("layanan.csv");
        int compared = 0;
        for (String region : List.of("34.04", "33.74")) {
            Path draft = home.reports().resolve("latest/espm/" + region + "-2026-TW3.xlsx");
            try (InputStream in = Files.newInputStream(draft); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                // a service's lines in its field sheet: block A first, block C second ("KES-K01 Pelayanan ...")
                Map<String, List<org.apache.poi.ss.usermodel.Row>> lines = new java.util.HashMap<>();
                for (int n = 1; n < wb.getNumberOfSheets(); n++) {
                    for (org.apache.poi.ss.usermodel.Row r : wb.getSheetAt(n)) {
                        org.apache.poi.ss.usermodel.Cell name = r.getCell(1);
                        if (name != null && name.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                                && name.getStringCellValue().matches("[A-Z]+-[PK]\\d\\d .*")) {
                            lines.computeIfAbsent(name.getStringCellValue().split(" ")[0], k -> new ArrayList<>()).add(r);
                        }
                    }
                }
                for (Map<String, String> row : services) {
                    if (!row.get("region_code").equals(region) || !row.get("period_code").equals("2026-TW3")
                            || !row.get("scope").equals("OWN")) {
                        continue;
                    }
                    List<org.apache.poi.ss.usermodel.Row> found = lines.get(row.get("service_code"));
                    assertThat(found).as("%s %s in the e-SPM draft", region, row.get("service_code")).hasSizeGreaterThanOrEqualTo(2);
                    Map<String, org.apache.poi.ss.usermodel.Cell> cells = new java.util.LinkedHashMap<>();
                    cells.put("target_population", found.get(0).getCell(2));
                    cells.put("served", found.get(0).getCell(3));
                    cells.put("recipient_pct", found.get(0).getCell(5));
                    cells.put("service_index", found.get(0).getCell(6));
                    cells.put("budget_planned", found.get(1).getCell(2));
                    cells.put("budget_spent", found.get(1).getCell(3));
                    for (Map.Entry<String, org.apache.poi.ss.usermodel.Cell> c : cells.entrySet()) {
                        String text = row.get(c.getKey());
                        String what = region + " " + row.get("service_code") + " " + c.getKey();
                        if (text == null || text.isEmpty()) {
                            assertThat(c.getValue().getCellType()).as("%s empty in both", what)
                                    .isEqualTo(org.apache.poi.ss.usermodel.CellType.BLANK);
                            continue;
                        }
                        assertThat(BigDecimal.valueOf(c.getValue().getNumericCellValue()))
                                .as("%s: e-SPM draft = CSV", what).isEqualByComparingTo(new BigDecimal(text.replace(',', '.')));
                        compared++;
                    }
                }
                String ipspm = csv("wilayah.csv").stream().filter(r -> r.get("region_code").equals(region)
                        && r.get("period_code").equals("2026-TW3") && r.get("scope").equals("OWN"))
                        .findFirst().orElseThrow().get("region_index");
                org.apache.poi.ss.usermodel.Row total = null;
                for (org.apache.poi.ss.usermodel.Row r : wb.getSheetAt(0)) {
                    if (r.getCell(0) != null && "IP-SPM".equals(r.getCell(0).getStringCellValue())) {
                        total = r;
                    }
                }
                assertThat(total).as("the IP-SPM line of %s", region).isNotNull();
                assertThat(BigDecimal.valueOf(total.getCell(1).getNumericCellValue()))
                        .isEqualByComparingTo(new BigDecimal(ipspm.replace(',', '.')));
            }
        }
        assertThat(compared).isGreaterThan(60);
    }

    // ---- readers ----------------------------------------------------------------------------------

    private static String pct(BigDecimal x) {
        NumberFormat f = NumberFormat.getNumberInstance(ID);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(x);
    }

    private static String count(BigDecimal x) {
        NumberFormat f = NumberFormat.getNumberInstance(ID);
        f.setMaximumFractionDigits(2);
        return f.format(x);
    }

    /** The HTML of every table row naming the service (its results, its budget, its stages). */
    private static String rowOf(String html, String service) {
        StringBuilder rows = new StringBuilder();
        for (int at = html.indexOf(">" + service + "<"); at >= 0; at = html.indexOf(">" + service + "<", at + 1)) {
            int start = html.lastIndexOf("<tr", at);
            int end = html.indexOf("</tr>", at);
            if (start >= 0 && end > at) {
                rows.append(html, start, end).append('\n');
            }
        }
        assertThat(rows).as("%s on the page", service).isNotEmpty();
        return rows.toString();
    }

    private static String pdfText(String region, String period) throws Exception {
        try (Stream<Path> files = Files.list(home.reports().resolve("latest/pdf"))) {
            Path file = files.filter(f -> f.getFileName().toString().contains(" " + region + " ")
                    && f.getFileName().toString().endsWith(" " + period + ".pdf")).findFirst().orElseThrow();
            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                return new PDFTextStripper().getText(doc);
            }
        }
    }

    /** A CSV of the report (semicolons, decimal commas, BOM) as rows by header. */
    private static List<Map<String, String>> csv(String name) throws Exception {
        List<String> lines = Files.readAllLines(home.reports().resolve("latest/csv/" + name), StandardCharsets.UTF_8);
        String[] header = lines.get(0).replace("\uFEFF", "").split(";", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.contains("\"")) {
                continue; // a quoted name with a semicolon: not among the rows compared
            }
            String[] cells = line.split(";", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length && i < cells.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The workbook's services sheet: region|period|service to the compared columns' numbers. */
    private static Map<String, Map<String, BigDecimal>> workbookServices() throws Exception {
        Map<String, String> headers = Map.of("target_population", "Sasaran", "served", "Terlayani sesuai standar",
                "recipient_pct_uncapped", "Capaian penerima tanpa batas (%)", "service_index", "Indeks layanan",
                "budget_planned", "Anggaran direncanakan (Rp)", "budget_spent", "Realisasi anggaran (Rp)",
                "stage4_pct", "Tahap 4 pelaksanaan (%)");
        Map<String, Map<String, BigDecimal>> out = new HashMap<>();
        try (InputStream in = Files.newInputStream(home.reports().resolve("latest/hasil-spm.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Map<String, Object> r : rows(wb.getSheet("Layanan"))) {
                Map<String, BigDecimal> numbers = new HashMap<>();
                headers.forEach((id, label) -> {
                    assertThat(r).as("column %s in the workbook", label).containsKey(label);
                    numbers.put(id, (BigDecimal) r.get(label));
                });
                out.put(r.get("Kode wilayah") + "|" + r.get("Periode") + "|" + r.get("Kode layanan"), numbers);
            }
        }
        return out;
    }

    /** A sheet's rows by its header row (the first row): text as strings, numbers as BigDecimal, blanks as null. */
    private static List<Map<String, Object>> rows(XSSFSheet sheet) {
        Row head = sheet.getRow(0);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, Object> m = new HashMap<>();
            for (Cell h : head) {
                Cell c = row.getCell(h.getColumnIndex());
                Object v = c == null || c.getCellType() == CellType.BLANK ? null
                        : c.getCellType() == CellType.NUMERIC ? BigDecimal.valueOf(c.getNumericCellValue()) : c.getStringCellValue();
                m.put(h.getStringCellValue(), v);
            }
            rows.add(m);
        }
        return rows;
    }
}
