package id.pantauspm.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.aggregates.FormulaRecordAggregate;
import org.apache.poi.hssf.usermodel.HSSFFormulaEvaluator;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;

/**
 * xls (Excel 97-2003) with POI's HSSF user model: the whole workbook is read into memory, which is
 * fine for a format limited to 65,536 rows a sheet. Same cell rules as {@link XlsxReader}.
 *
 * <p>An xls formula always carries a cached result, so "no cached result" shows differently than in
 * xlsx: a program that writes formulas without computing them (Apache POI, and libraries like it)
 * stores 0 and sets the formula's "calculate on load" flag, which Excel and LibreOffice never set
 * (the bit is reserved in [MS-XLS] 2.4.127; LibreOffice writes 0, measured). Such a cached 0 is only
 * believed when recomputing the formula gives 0 too; otherwise the cell is a formula without result.
 */
public final class XlsReader implements SpreadsheetReader {

    @Override
    public Set<String> extensions() {
        return Set.of("xls");
    }

    @Override
    public Opened open(Path file) throws FileRefusedException {
        FileKind kind = FileKind.of(file);
        if (kind != FileKind.XLS) {
            throw kind.refusal(file, SpreadsheetFormats.extension(file));
        }
        HSSFWorkbook workbook;
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            workbook = new HSSFWorkbook(fs.getRoot(), false); // reads everything now; the file can be closed
        } catch (EncryptedDocumentException e) {
            throw new FileRefusedException(Problem.file("file_encrypted"), e);
        } catch (OldExcelFormatException e) {
            throw new FileRefusedException(Problem.file("file_xls_too_old"), e);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new FileRefusedException(Problem.corrupt(file, e), e);
        }
        boolean date1904 = workbook.getInternalWorkbook().isUsing1904DateWindowing();
        HSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        List<HSSFSheet> sheets = new ArrayList<>();
        workbook.forEach(s -> sheets.add((HSSFSheet) s));
        Stream<RawRow> rows = sheets.stream().flatMap(sheet -> rows(sheet, date1904, evaluator));
        Opened opened = new Opened(rows.onClose(() -> closeQuietly(workbook)), DecimalConvention.COMMA);
        for (HSSFSheet sheet : sheets) {
            if (workbook.isSheetHidden(workbook.getSheetIndex(sheet)) || workbook.isSheetVeryHidden(workbook.getSheetIndex(sheet))) {
                opened = opened.withNote(Problem.note("sheet_hidden", sheet.getSheetName(), sheet.getSheetName()));
            }
        }
        return opened;
    }

    private static Stream<RawRow> rows(HSSFSheet sheet, boolean date1904, HSSFFormulaEvaluator evaluator) {
        Set<Long> uncomputed = uncomputedZeros(sheet);
        List<MergedRanges.Range> ranges = new ArrayList<>();
        sheet.getMergedRegions().forEach(m -> ranges.add(new MergedRanges.Range(m.getFirstRow() + 1, m.getLastRow() + 1,
                m.getFirstColumn(), m.getLastColumn())));
        MergedRanges merges = new MergedRanges(ranges);
        Iterator<Row> it = sheet.rowIterator();
        return StreamSupport.stream(((Iterable<Row>) () -> it).spliterator(), false).map(row -> {
            List<CellValue> cells = new ArrayList<>();
            for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                cells.add(toCell(row.getCell(i), date1904, uncomputed, evaluator));
            }
            return merges.fill(new RawRow(sheet.getSheetName(), row.getRowNum() + 1, cells));
        });
    }

    /** Formula cells (row, column) whose cached 0 was written by a program that asked for recalculation. */
    private static Set<Long> uncomputedZeros(HSSFSheet sheet) {
        Set<Long> cells = new HashSet<>();
        Iterator<CellValueRecordInterface> records = sheet.getSheet().getCellValueIterator();
        while (records.hasNext()) {
            if (records.next() instanceof FormulaRecordAggregate f) {
                FormulaRecord r = f.getFormulaRecord();
                if (r.isCalcOnLoad() && r.getCachedResultType() == CellType.NUMERIC.getCode() && r.getValue() == 0) {
                    cells.add(key(f.getRow(), f.getColumn()));
                }
            }
        }
        return cells;
    }

    private static long key(int row, int column) {
        return ((long) row << 16) | column;
    }

    static CellValue toCell(Cell cell, boolean date1904, Set<Long> uncomputed, HSSFFormulaEvaluator evaluator) {
        if (cell == null) {
            return CellValue.BLANK;
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> number(cell, cell.getNumericCellValue(), date1904);
            case STRING -> text(cell.getStringCellValue());
            case BOOLEAN -> new CellValue.Text(String.valueOf(cell.getBooleanCellValue()));
            case ERROR -> new CellValue.FormulaError(FormulaError.forInt(cell.getErrorCellValue()).getString());
            case FORMULA -> formula(cell, date1904, uncomputed, evaluator);
            default -> CellValue.BLANK;
        };
    }

    private static CellValue formula(Cell cell, boolean date1904, Set<Long> uncomputed,
                                                       HSSFFormulaEvaluator evaluator) {
        if (uncomputed.contains(key(cell.getRowIndex(), cell.getColumnIndex())) && !recomputesToZero(cell, evaluator)) {
            return new CellValue.FormulaWithoutResult(cell.getCellFormula());
        }
        return switch (cell.getCachedFormulaResultType()) {
            case NUMERIC -> number(cell, cell.getNumericCellValue(), date1904);
            case STRING -> text(cell.getStringCellValue());
            case BOOLEAN -> new CellValue.Text(String.valueOf(cell.getBooleanCellValue()));
            case ERROR -> new CellValue.FormulaError(FormulaError.forInt(cell.getErrorCellValue()).getString());
            default -> new CellValue.FormulaWithoutResult(cell.getCellFormula());
        };
    }

    /** Whether POI computes the formula to 0 as well; a formula POI cannot compute is not believed. */
    private static boolean recomputesToZero(Cell cell, HSSFFormulaEvaluator evaluator) {
        try {
            org.apache.poi.ss.usermodel.CellValue v = evaluator.evaluate(cell);
            return v != null && v.getCellType() == CellType.NUMERIC && v.getNumberValue() == 0;
        } catch (RuntimeException | StackOverflowError cannotCompute) {
            // a chain of formulas deeper than the evaluator's stack: not computable here, so the cached 0 is not believed
            return false;
        }
    }

    private static CellValue number(Cell cell, double value, boolean date1904) {
        if (!Double.isFinite(value)) {
            return new CellValue.Text(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity"); // the row's problem
        }
        // BigDecimal.valueOf gives the shortest decimal that is this double: 0.95 stays 0.95.
        return ExcelCells.number(BigDecimal.valueOf(value), Short.toUnsignedInt(cell.getCellStyle().getDataFormat()),
                cell.getCellStyle().getDataFormatString(), date1904);
    }

    private static CellValue text(String s) {
        return s == null || s.isEmpty() ? CellValue.BLANK : CellText.cell(s);
    }

    private static void closeQuietly(HSSFWorkbook workbook) {
        try {
            workbook.close();
        } catch (IOException ignored) {
            // read-only: nothing to lose
        }
    }
}
