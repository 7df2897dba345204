package id.pantauspm.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

/**
 * xlsx and xlsm by streaming (fastexcel-reader): memory stays flat however long the sheet. Macros are
 * never run. The content must be a workbook whatever the name says ({@link FileKind}), and what it
 * unpacks to is checked first ({@link ZipBombGuard}): the streaming reader has no limit of its own.
 *
 * <p>What the streaming reader does not do is done here: Strict Open XML and ISO date cells are read
 * from a transitional copy ({@link OoxmlNormalizer}); merged ranges are filled for every row they
 * cover ({@link MergedRanges}); rows the file writes without their number ({@code <row>} without
 * {@code r}) are numbered as a spreadsheet shows them, one after the other; a hidden sheet is read
 * and the receipt says so.
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
        ZipBombGuard.PackageFacts facts = ZipBombGuard.check(file, limits);
        Path readable = file;
        ReadableWorkbook workbook;
        List<Sheet> sheets;
        Map<String, MergedRanges> merged;
        try {
            if (facts.needsTransitionalCopy()) {
                readable = OoxmlNormalizer.transitionalCopy(file);
            }
            merged = MergedRanges.ofXlsx(readable, facts.partsWithMergedCells());
            // with cell formats (percent and date cells); a cell whose content does not parse is that cell's problem, not the file's
            workbook = new ReadableWorkbook(readable.toFile(), new ReadingOptions(true, true));
            sheets = workbook.getSheets().toList();
        } catch (IOException | RuntimeException e) {
            deleteCopy(file, readable);
            throw new FileRefusedException(Problem.corrupt(file, e), e);
        }
        boolean date1904 = workbook.isDate1904();
        Path copy = readable;
        Stream<RawRow> rows = sheets.stream().flatMap(sheet -> rows(sheet, date1904, merged.get(sheet.getName())));
        Opened opened = new Opened(rows.onClose(() -> {
            closeQuietly(workbook);
            deleteCopy(file, copy);
        }), DecimalConvention.COMMA);
        for (Sheet sheet : sheets) {
            if (sheet.getVisibility() != SheetVisibility.VISIBLE) {
                opened = opened.withNote(Problem.note("sheet_hidden", sheet.getName(), sheet.getName()));
            }
        }
        return opened;
    }

    private static void deleteCopy(Path received, Path copy) {
        if (!copy.equals(received)) {
            try {
                java.nio.file.Files.deleteIfExists(copy);
            } catch (IOException ignored) {
                // a temporary copy: the system cleans it eventually
            }
        }
    }

    private static Stream<RawRow> rows(Sheet sheet, boolean date1904, MergedRanges merges) {
        try {
            Stream<Row> rows = sheet.openStream();
            int[] last = {0};
            return rows.map(r -> {
                // A row without its number (no r attribute) is the one after the previous row.
                int number = Math.max(r.getRowNum(), last[0] + 1);
                last[0] = number;
                RawRow raw = toRaw(sheet.getName(), number, r, date1904);
                return merges == null ? raw : merges.fill(raw);
            }).onClose(rows::close);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawRow toRaw(String sheet, int number, Row row, boolean date1904) {
        List<CellValue> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(toCell(row.getCell(i), date1904));
        }
        return new RawRow(sheet, number, cells);
    }

    static CellValue toCell(Cell cell, boolean date1904) {
        if (cell == null) {
            return CellValue.BLANK;
        }
        try {
            return readCell(cell, date1904);
        } catch (NumberFormatException | ArithmeticException notANumber) {
            // a number cell holding NaN, INF or other text: the cell's text, which the row's checks then refuse, located
            return CellText.cell(cell.getRawValue());
        }
    }

    private static CellValue readCell(Cell cell, boolean date1904) {
        String raw = cell.getRawValue();
        switch (cell.getType()) {
            case NUMBER:
                return ExcelCells.number(cell.asNumber(), cell.getDataFormatId(), cell.getDataFormatString(), date1904);
            case STRING:
                return raw == null || raw.isEmpty() ? CellValue.BLANK : CellText.cell(cell.asString());
            case BOOLEAN:
                return new CellValue.Text(String.valueOf(cell.asBoolean()));
            case ERROR:
                // an error value (#DIV/0!), or a cell whose stored content could not be read as its type ("12abc" in a number cell)
                return raw != null && ExcelCells.ERRORS.contains(raw.trim().toUpperCase(java.util.Locale.ROOT))
                        ? new CellValue.FormulaError(raw.trim().toUpperCase(java.util.Locale.ROOT)) : CellText.cell(raw);
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
                return ExcelCells.ERRORS.contains(raw) ? new CellValue.FormulaError(raw) : CellText.cell(raw);
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
