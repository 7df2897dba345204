package id.pantauspm.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.DateUtil;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** xlsx and xlsm by streaming (fastexcel-reader): memory stays flat however long the sheet. Macros are never run. */
public final class XlsxReader implements SpreadsheetReader {

    @Override
    public Set<String> extensions() {
        return Set.of("xlsx", "xlsm");
    }

    @Override
    public Opened open(Path file) throws FileRefusedException {
        byte[] head = FileSignature.head(file);
        if (ReadableWorkbook.isOLE2Header(head)) {
            // An OLE2 container behind an xlsx name is how Office stores a password-protected workbook.
            throw new FileRefusedException(Problem.file("file_encrypted_or_old"));
        }
        if (!ReadableWorkbook.isOOXMLZipHeader(head)) {
            throw new FileRefusedException(Problem.file("file_not_what_extension_says", "xlsx"));
        }
        ReadableWorkbook workbook;
        List<Sheet> sheets;
        try {
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false)); // with cell formats: percent and date cells
            sheets = workbook.getSheets().toList();
        } catch (IOException | RuntimeException e) {
            throw new FileRefusedException(Problem.corrupt(file, e), e);
        }
        Stream<RawRow> rows = sheets.stream().flatMap(sheet -> rows(sheet));
        return new Opened(rows.onClose(() -> closeQuietly(workbook)), DecimalConvention.COMMA);
    }

    private static Stream<RawRow> rows(Sheet sheet) {
        try {
            Stream<Row> rows = sheet.openStream();
            return rows.map(r -> toRaw(sheet.getName(), r)).onClose(rows::close);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawRow toRaw(String sheet, Row row) {
        List<CellValue> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(toCell(row.getCell(i)));
        }
        return new RawRow(sheet, row.getRowNum(), cells);
    }

    static CellValue toCell(Cell cell) {
        if (cell == null) {
            return CellValue.BLANK;
        }
        String raw = cell.getRawValue();
        switch (cell.getType()) {
            case NUMBER:
                return number(cell);
            case STRING:
                return raw == null || raw.isEmpty() ? CellValue.BLANK : new CellValue.Text(cell.asString());
            case BOOLEAN:
                return new CellValue.Text(String.valueOf(cell.asBoolean()));
            case ERROR:
                return new CellValue.FormulaError(raw);
            case FORMULA:
                // The cached result, as the spreadsheet program last computed it.
                if (raw == null || raw.isEmpty()) {
                    return new CellValue.FormulaWithoutResult(cell.getFormula());
                }
                if (raw.startsWith("#")) {
                    return new CellValue.FormulaError(raw);
                }
                try {
                    return new CellValue.Number(new BigDecimal(raw));
                } catch (NumberFormatException text) {
                    return new CellValue.Text(raw);
                }
            case EMPTY:
            default:
                return CellValue.BLANK;
        }
    }

    /** A numeric cell as the clerk sees it: percentages and dates by their number format. */
    private static CellValue number(Cell cell) {
        String format = cell.getDataFormatString();
        Integer formatId = cell.getDataFormatId();
        if (format != null && format.replaceAll("\"[^\"]*\"", "").contains("%")) {
            return new CellValue.Percent(cell.asNumber().movePointRight(2));
        }
        if (formatId != null && format != null && DateUtil.isADateFormat(formatId, format)) {
            java.time.LocalDate date = DateUtil.getLocalDateTime(cell.asNumber().doubleValue()).toLocalDate();
            String unquoted = format.replaceAll("\"[^\"]*\"", "").toLowerCase(java.util.Locale.ROOT);
            return new CellValue.Date(date, unquoted.contains("d"));
        }
        return new CellValue.Number(cell.asNumber());
    }

    private static void closeQuietly(ReadableWorkbook workbook) {
        try {
            workbook.close();
        } catch (IOException ignored) {
            // read-only: nothing to lose
        }
    }
}
