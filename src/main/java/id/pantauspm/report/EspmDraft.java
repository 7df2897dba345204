package id.pantauspm.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueCheck;
import id.pantauspm.catalogue.MutuItem;
import id.pantauspm.catalogue.ServiceType;
import id.pantauspm.period.Period;
import id.pantauspm.store.ResultRepository.FieldRow;
import id.pantauspm.store.ResultRepository.MutuRow;
import id.pantauspm.store.ResultRepository.RegionRow;
import id.pantauspm.store.ResultRepository.ServiceRow;

/**
 * The e-SPM draft: per region and quarter, a workbook shaped like the Kemendagri report format that
 * e-SPM's entry forms follow ("FORMAT SPM KEMENDAGRI", see ../shared/docs/domain-findings.md 1.1):
 * a summary sheet with the IP-SPM, then per field (in PP 2/2018 order) block A, recipients (80%): per
 * jenis pelayanan dasar the total to serve (SASARAN), served (TERLAYANI), not yet served and the
 * percentage; block B, mutu (20%): per item needed, available, not yet available, percentage; block C,
 * budget: allocation, realisation, difference, percentage. Every number is the stored result the other
 * reports show (year to date for a quarter), so the Tim types or pastes exactly what they read.
 *
 * <p>Written to {@code espm/<region>-<period>.xlsx} for each region's quarters of the newest year it
 * reported, with {@code espm/index.html} listing them.
 */
public final class EspmDraft implements ReportSite.RegionalPart {

    public static final String FOLDER = "espm";

    private final ReportFormat fmt;
    private final Catalogue catalogue;
    private final PageRenderer pages;
    private final ProblemsAndSolutions problems;

    /** The offices' PERMASALAHAN and SOLUSI per service code of a region and period: [problem, solution], either null. */
    @FunctionalInterface
    public interface ProblemsAndSolutions {
        Map<String, String[]> of(ReportData data, String region, String period);
    }

    public EspmDraft(ITemplateEngine templates, ReportFormat fmt, Catalogue catalogue, ProblemsAndSolutions problems) {
        this.fmt = fmt;
        this.catalogue = catalogue;
        this.pages = new PageRenderer(templates, fmt);
        this.problems = problems;
    }

    /** A workbook written, for the index page. */
    public record Draft(String regionCode, String regionName, String periodCode, String periodLabel, String file,
                        BigDecimal index, String category) {
    }

    /** The list of drafts (e-spm/index.html), from the regions' headline results only. */
    @Override
    public void writeIndex(ReportData data, Path folder) throws IOException {
        Path out = Files.createDirectories(folder.resolve(FOLDER));
        List<Draft> drafts = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : quartersByRegion(data).entrySet()) {
            for (String period : e.getValue()) {
                RegionRow row = data.region(e.getKey(), period, ReportData.OWN);
                drafts.add(new Draft(e.getKey(), fmt.region(e.getKey()), period, fmt.period(period), fileName(e.getKey(), period),
                        row.index(), row.category()));
            }
        }
        Context page = pages.context();
        page.setVariable("drafts", drafts);
        pages.render("report/espm", page, out.resolve("index.html"));
    }

    /** A draft workbook per region of {@code rows} and quarter of its newest year (e-spm/&lt;code&gt;-&lt;period&gt;.xlsx). */
    @Override
    public void writeRegions(ReportData rows, Path folder) throws IOException {
        writeRegions(rows, folder, PublishedFiles.none());
    }

    /** The same, copying a draft from the last published report when what it is written from is unchanged. */
    @Override
    public void writeRegions(ReportData rows, Path folder, PublishedFiles published) throws IOException {
        Path out = Files.createDirectories(folder.resolve(FOLDER));
        for (Map.Entry<String, List<String>> e : quartersByRegion(rows).entrySet()) {
            for (String period : e.getValue()) {
                ReportData.Part part = rows.part(e.getKey(), period, ReportData.OWN);
                List<MutuRow> mutu = rows.mutu(e.getKey(), period, ReportData.OWN);
                Map<String, String[]> problemsByService = problems.of(rows, e.getKey(), period);
                String name = fileName(e.getKey(), period);
                Path file = out.resolve(name);
                if (!published.copied(FOLDER + "/" + name, published.fingerprint(List.of(part, mutu, problemsByService)),
                        file)) {
                    write(part, mutu, problemsByService, file);
                }
            }
        }
    }

    private static String fileName(String region, String period) {
        return region + "-" + period + ".xlsx";
    }

    /** Each region's quarters (with its own results) of the newest year it has a quarter in, oldest first. */
    static Map<String, List<String>> quartersByRegion(ReportData data) {
        Map<String, List<Period>> quarters = new TreeMap<>();
        for (String code : data.periods()) {
            Period p = Period.parse(code).orElseThrow();
            if (p.kind() != Period.Kind.QUARTER) {
                continue;
            }
            for (RegionRow r : data.ranking(code)) {
                quarters.computeIfAbsent(r.regionCode(), k -> new ArrayList<>()).add(p);
            }
        }
        Map<String, List<String>> result = new TreeMap<>();
        quarters.forEach((region, list) -> {
            int newest = list.stream().mapToInt(Period::year).max().orElseThrow();
            result.put(region, list.stream().filter(p -> p.year() == newest).sorted().map(Period::code).toList());
        });
        return result;
    }

    private final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final CellStyle count;
        final CellStyle pct;
        final CellStyle block;
        final CellStyle wrapped;

        Styles(SXSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 13);
            title = wb.createCellStyle();
            title.setFont(big);
            wrapped = wb.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            block = wb.createCellStyle();
            block.setFont(bold);
            header = bordered(wb);
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = bordered(wb);
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            count = bordered(wb);
            count.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            count.setVerticalAlignment(VerticalAlignment.TOP);
            pct = bordered(wb);
            pct.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            pct.setVerticalAlignment(VerticalAlignment.TOP);
        }

        private static CellStyle bordered(SXSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }

    void write(ReportData.Part part, List<MutuRow> mutu, Map<String, String[]> problemsByService, Path file) throws IOException {
        // Every row kept until written (the sheets are small and go back to rows), strings inline: POI's shared-string
        // table and XML beans were half of a draft's time.
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, -1, false, false)) {
            Styles st = new Styles(wb);
            summary(wb, st, part);
            Map<String, List<MutuRow>> mutuByService = new LinkedHashMap<>();
            mutu.forEach(m -> mutuByService.computeIfAbsent(m.serviceCode(), k -> new ArrayList<>()).add(m));
            for (String field : fieldOrder(part)) {
                fieldSheet(wb, st, part, field, part.servicesByField().get(field), mutuByService, problemsByService);
            }
            try (OutputStream os = Files.newOutputStream(file)) {
                wb.write(os);
            }
        }
    }

    private List<String> fieldOrder(ReportData.Part part) {
        return part.servicesByField().keySet().stream()
                .sorted(Comparator.comparingInt(CatalogueCheck.FIELD_CODES::indexOf)).toList();
    }

    private void summary(SXSSFWorkbook wb, Styles st, ReportData.Part part) {
        RegionRow region = part.region();
        Sheet sheet = wb.createSheet(fmt.msg("espm.sheet.summary"));
        int r = 0;
        text(sheet, r++, 0, fmt.msg("espm.title", fmt.region(region.regionCode()), fmt.period(region.periodCode())), st.title);
        text(sheet, r, 0, fmt.msg("espm.explained"), st.wrapped);
        sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(r, r, 0, 3));
        sheet.getRow(r++).setHeightInPoints(45);
        r++;
        Row h = sheet.createRow(r++);
        String[] heads = {fmt.msg("espm.col.field"), fmt.msg("espm.col.index"), fmt.msg("espm.col.category"),
                fmt.msg("espm.col.services_computed")};
        for (int c = 0; c < heads.length; c++) {
            cell(h, c, heads[c], st.header);
        }
        Map<String, FieldRow> fields = new LinkedHashMap<>();
        part.fields().forEach(f -> fields.put(f.fieldCode(), f));
        for (String field : fieldOrder(part)) {
            FieldRow f = fields.get(field);
            Row row = sheet.createRow(r++);
            cell(row, 0, fmt.field(field), st.text);
            number(row, 1, f == null ? null : f.index(), st.pct);
            cell(row, 2, f == null ? "" : fmt.category(f.category()), st.text);
            cell(row, 3, f == null ? "" : fmt.msg("espm.services_computed", f.servicesComputed(), f.servicesTotal()), st.text);
        }
        Row total = sheet.createRow(r++);
        cell(total, 0, "IP-SPM", st.header);
        number(total, 1, region.index(), st.pct);
        cell(total, 2, fmt.category(region.category()), st.text);
        cell(total, 3, fmt.msg("espm.rule_version", region.ruleVersion()), st.text);
        sheet.setColumnWidth(0, 56 * 256);
        sheet.setColumnWidth(1, 14 * 256);
        sheet.setColumnWidth(2, 22 * 256);
        sheet.setColumnWidth(3, 40 * 256);
        printable(sheet);
    }

    /** Landscape, one page wide: a sheet that prints as the form it stands for. */
    private static void printable(Sheet sheet) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    private void fieldSheet(SXSSFWorkbook wb, Styles st, ReportData.Part part, String field, List<ServiceRow> services,
                            Map<String, List<MutuRow>> mutuByService, Map<String, String[]> problemsByService) {
        Sheet sheet = wb.createSheet(sheetName(fmt.field(field)));
        List<ServiceRow> ordered = services.stream().sorted(Comparator.comparing(ServiceRow::serviceCode)).toList();
        int r = 0;
        text(sheet, r++, 0, fmt.field(field) + " · " + fmt.region(part.region().regionCode()) + " · "
                + fmt.period(part.region().periodCode()), st.title);
        r++;
        // A. recipients
        text(sheet, r++, 0, fmt.msg("espm.block.recipients"), st.block);
        r = header(sheet, r, st, "espm.col.no", "espm.col.service", "espm.col.target", "espm.col.served", "espm.col.unserved",
                "espm.col.pct", "espm.col.index", "espm.col.note");
        int n = 1;
        for (ServiceRow s : ordered) {
            Row row = sheet.createRow(r++);
            number(row, 0, BigDecimal.valueOf(n++), st.count);
            cell(row, 1, s.serviceCode() + " " + fmt.service(s.serviceCode()), st.text);
            number(row, 2, s.targetPopulation(), st.count);
            number(row, 3, s.served(), st.count);
            number(row, 4, s.stillToServe(), st.count);
            number(row, 5, s.recipient(), st.pct);
            number(row, 6, s.index(), st.pct);
            cell(row, 7, note(s), st.text);
        }
        r++;
        // B. mutu
        text(sheet, r++, 0, fmt.msg("espm.block.mutu"), st.block);
        r = header(sheet, r, st, "espm.col.no", "espm.col.service", "espm.col.mutu_item", "espm.col.needed", "espm.col.available",
                "espm.col.unavailable", "espm.col.pct", "espm.col.note");
        n = 1;
        for (ServiceRow s : ordered) {
            for (MutuRow m : mutuByService.getOrDefault(s.serviceCode(), List.of())) {
                Row row = sheet.createRow(r++);
                number(row, 0, BigDecimal.valueOf(n++), st.count);
                cell(row, 1, s.serviceCode(), st.text);
                cell(row, 2, mutuName(s.serviceCode(), m.itemCode()), st.text);
                number(row, 3, m.needed(), st.count);
                number(row, 4, m.available(), st.count);
                number(row, 5, m.gap(), st.count);
                number(row, 6, m.metPct(), st.pct);
                cell(row, 7, "", st.text);
            }
        }
        if (n == 1) {
            text(sheet, r++, 1, fmt.msg("espm.no_mutu"), null);
        }
        r++;
        // C. budget
        text(sheet, r++, 0, fmt.msg("espm.block.budget"), st.block);
        r = header(sheet, r, st, "espm.col.no", "espm.col.service", "espm.col.budget_planned", "espm.col.budget_spent",
                "espm.col.budget_left", "espm.col.pct");
        n = 1;
        for (ServiceRow s : ordered) {
            Row row = sheet.createRow(r++);
            number(row, 0, BigDecimal.valueOf(n++), st.count);
            cell(row, 1, s.serviceCode() + " " + fmt.service(s.serviceCode()), st.text);
            number(row, 2, s.budgetPlanned(), st.count);
            number(row, 3, s.budgetSpent(), st.count);
            number(row, 4, s.budgetPlanned() == null || s.budgetSpent() == null ? null
                    : s.budgetPlanned().subtract(s.budgetSpent()), st.count);
            number(row, 5, s.budgetPct(), st.pct);
        }
        r++;
        // D. problems and solutions, in the offices' own words
        text(sheet, r++, 0, fmt.msg("espm.block.problems"), st.block);
        Row ph = sheet.createRow(r);
        ph.setHeightInPoints(32);
        String[][] heads = {{"0", "espm.col.no"}, {"1", "espm.col.service"}, {"2", "espm.col.problem"}, {"5", "espm.col.solution"}};
        for (int c = 0; c < 8; c++) {
            cell(ph, c, "", st.header);
        }
        for (String[] h : heads) {
            ph.getCell(Integer.parseInt(h[0])).setCellValue(fmt.msg(h[1]));
        }
        merge(sheet, r, 2, 4);
        merge(sheet, r, 5, 7);
        r++;
        n = 1;
        for (ServiceRow s : ordered) {
            String[] pair = problemsByService.get(s.serviceCode());
            if (pair == null) {
                continue;
            }
            Row row = sheet.createRow(r);
            for (int c = 0; c < 8; c++) {
                cell(row, c, "", st.text);
            }
            number(row, 0, BigDecimal.valueOf(n++), st.count);
            row.getCell(1).setCellValue(s.serviceCode() + " " + fmt.service(s.serviceCode()));
            row.getCell(2).setCellValue(pair[0] == null ? "" : pair[0]);
            row.getCell(5).setCellValue(pair[1] == null ? "" : pair[1]);
            merge(sheet, r, 2, 4);
            merge(sheet, r, 5, 7);
            // a merged cell does not grow with its text: about 45 characters a line over three columns
            int longest = Math.max(pair[0] == null ? 0 : pair[0].length(), pair[1] == null ? 0 : pair[1].length());
            row.setHeightInPoints(Math.max(1, (longest + 44) / 45) * 13f + 4f);
            r++;
        }
        if (n == 1) {
            text(sheet, r++, 1, fmt.msg("espm.no_problems"), null);
        }
        int[] widths = {6, 66, 16, 16, 16, 12, 12, 48}; // the longest service name fits one line
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.createFreezePane(0, 1);
        printable(sheet);
    }

    private static void merge(Sheet sheet, int row, int from, int to) {
        sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(row, row, from, to));
    }

    /** Why a service has no percentage, in the words of the other reports. */
    private String note(ServiceRow s) {
        if (s.recipient() != null) {
            return s.warnings() != null && s.warnings().contains("INDEX_WITHOUT_QUALITY") ? fmt.msg("espm.note.without_quality") : "";
        }
        return s.status() == null ? "" : fmt.msg("status." + s.status());
    }

    private String mutuName(String service, String item) {
        Optional<ServiceType> type = catalogue.service(service);
        return type.flatMap(t -> t.mutu().stream().filter(m -> m.code().equals(item)).findFirst())
                .map(MutuItem::name).map(n -> n.in(fmt.locale())).orElse(item);
    }

    private int header(Sheet sheet, int r, Styles st, String... keys) {
        Row h = sheet.createRow(r);
        h.setHeightInPoints(32);
        for (int c = 0; c < keys.length; c++) {
            cell(h, c, fmt.msg(keys[c]), st.header);
        }
        return r + 1;
    }

    /** Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules). */
    static String sheetName(String name) {
        String clean = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return clean.length() <= 31 ? clean : clean.substring(0, 31);
    }

    private static void text(Sheet sheet, int r, int c, String text, CellStyle style) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        Cell cell = row.createCell(c);
        cell.setCellValue(text);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void cell(Row row, int c, String text, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(text == null ? "" : text);
        cell.setCellStyle(style);
    }

    /** A number as a number (so a spreadsheet can add it); empty where there is none, never zero. */
    private static void number(Row row, int c, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
    }
}
