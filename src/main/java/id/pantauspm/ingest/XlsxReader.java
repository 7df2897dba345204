package id.pantauspm.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * xlsx and xlsm by streaming (fastexcel-reader): memory stays flat however long the sheet. Macros are
 * never run. The content must be a workbook whatever the name says ({@link FileKind}), and what it
 * unpacks to is checked first ({@link ZipBombGuard}): the streaming reader has no limit of its own.
 */
public final class XlsxReader implements SpreadsheetReader {

    private final IngestLimits limits;

    public XlsxReader() {
        this(IngestLimits.defaults());
    }

    public XlsxReader(IngestLimits limits) {
        this.limits = limits;
    }

    @Override
    public Set<String> extensions() {
        return Set.of("xlsx", "xlsm");
    }

    @Override
    public Opened open(Path file) throws FileRefusedException {
        FileKind kind = FileKind.of(file);
        if (kind != FileKind.OOXML_WORKBOOK) {
            throw kind.refusal(file, SpreadsheetFormats.extension(file));
        }
        ZipBombGuard.check(file, limits);
        ReadableWorkbook workbook;
        List<Sheet> sheets;
        try {
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false)); // with cell formats: percent and date cells
            sheets = workbook.getSheets().toList();
        } catch (IOException | RuntimeException e) {
            throw new FileRefusedException(Problem.corrupt(file, e), e);
        }
        boolean date1904 = workbook.isDate1904();
        Stream<RawRow> rows = sheets.stream().flatMap(sheet -> rows(sheet, date1904));
        return new Opened(rows.onClose(() -> closeQuietly(workbook)), DecimalConvention.COMMA);
    }

    private static Stream<RawRow> rows(Sheet sheet, boolean date1904) {
        try {
            Stream<Row> rows = sheet.openStream();
            return rows.map(r -> toRaw(sheet.getName(), r, date1904)).onClose(rows::close);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawRow toRaw(String sheet, Row row, boolean date1904) {
        List<CellValue> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(toCell(row.getCell(i), date1904));
        }
        return new RawRow(sheet, row.getRowNum(), cells);
    }

    static CellValue toCell(Cell cell, boolean date1904) {
        if (cell == null) {
            return CellValue.BLANK;
        }
        String raw = cell.getRawValue();
        switch (cell.getType()) {
            case NUMBER:
                return ExcelCells.number(cell.asNumber(), cell.getDataFormatId(), cell.getDataFormatString(), date1904);
            case STRING:
                return raw == null || raw.isEmpty() ? CellValue.BLANK : new CellValue.Text(cell.asString());
            case BOOLEAN:
                return new CellValue.Text(String.valueOf(cell.asBoolean()));
            case ERROR:
                return new CellValue.FormulaError(raw);
            case FORMULA:
                // The cached result, as the spreadsheet program last computed it; no <v> at all means none.
                if (raw == null) {
                    return new CellValue.FormulaWithoutResult(cell.getFormula());
                }
                Object cached = cell.getValue();
                if (cached instanceof BigDecimal number) {
                    return ExcelCells.number(number, cell.getDataFormatId(), cell.getDataFormatString(), date1904);
                }
                if (cached instanceof Boolean b) {
                    return new CellValue.Text(String.valueOf(b));
                }
                if (raw.isEmpty()) {
                    return CellValue.BLANK; // the empty text, e.g. =IF(A1="";"";A1): shown as an empty cell
                }
                return ExcelCells.ERRORS.contains(raw) ? new CellValue.FormulaError(raw) : new CellValue.Text(raw);
            case EMPTY:
            default:
                return CellValue.BLANK;
        }
    }

    private static void closeQuietly(ReadableWorkbook workbook) {
        try {
            workbook.close();
        } catch (IOException ignored) {
            // read-only: nothing to lose
        }
    }
}
