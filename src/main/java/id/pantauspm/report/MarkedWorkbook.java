package id.pantauspm.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import id.pantauspm.ingest.Problem;

/**
 * A copy of an office's workbook with every cell that has a problem filled (red: rejected,
 * yellow: warning) and commented with the reason, so the clerk fixes it where it is.
 */
public final class MarkedWorkbook {

    /** Larger workbooks are not copied: loading them whole would take more memory than the run should. */
    static final long MAX_BYTES = 20L * 1024 * 1024;

    private MarkedWorkbook() {
    }

    /**
     * Writes the marked copy to {@code folder}; empty when there is nothing to mark or the file is
     * not a workbook this can copy.
     */
    public static Optional<Path> write(Path original, String copyName, List<Problem> problems, ReceiptWriter words,
                                       Path folder) throws IOException {
        List<Problem> cellProblems = problems.stream()
                .filter(p -> p.sheet() != null && p.row() != null && p.column() != null)
                .filter(p -> p.severity() == Problem.Severity.ROW_REJECTED || p.severity() == Problem.Severity.WARNING)
                .toList();
        String name = original.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean workbook = name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls");
        if (cellProblems.isEmpty() || !workbook || Files.size(original) > MAX_BYTES) {
            return Optional.empty();
        }
        Files.createDirectories(folder);
        Path target = folder.resolve(copyName + name.substring(name.lastIndexOf('.')));
        try (InputStream in = Files.newInputStream(original); Workbook wb = WorkbookFactory.create(in)) {
            Map<String, CellStyle> styles = new HashMap<>();
            CreationHelper factory = wb.getCreationHelper();
            Map<Sheet, Drawing<?>> drawings = new HashMap<>();
            for (Problem p : cellProblems) {
                Sheet sheet = wb.getSheet(p.sheet());
                if (sheet == null) {
                    continue;
                }
                CellReference ref = new CellReference(p.column() + p.row());
                Row row = sheet.getRow(ref.getRow()) != null ? sheet.getRow(ref.getRow()) : sheet.createRow(ref.getRow());
                var cell = row.getCell(ref.getCol()) != null ? row.getCell(ref.getCol()) : row.createCell(ref.getCol());
                boolean rejected = p.severity() == Problem.Severity.ROW_REJECTED;
                String key = cell.getCellStyle().getIndex() + (rejected ? "R" : "W");
                cell.setCellStyle(styles.computeIfAbsent(key, k -> {
                    CellStyle style = wb.createCellStyle();
                    style.cloneStyleFrom(cell.getCellStyle());
                    style.setFillForegroundColor((rejected ? IndexedColors.RED : IndexedColors.YELLOW).getIndex());
                    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    return style;
                }));
                Drawing<?> drawing = drawings.computeIfAbsent(sheet, Sheet::createDrawingPatriarch);
                ClientAnchor anchor = factory.createClientAnchor();
                anchor.setCol1(ref.getCol() + 1);
                anchor.setCol2(ref.getCol() + 5);
                anchor.setRow1(ref.getRow());
                anchor.setRow2(ref.getRow() + 4);
                if (cell.getCellComment() != null) {
                    cell.removeCellComment();
                }
                Comment comment = drawing.createCellComment(anchor);
                comment.setString(factory.createRichTextString(words.describe(p)));
                comment.setAuthor("Pantau SPM");
                cell.setCellComment(comment);
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                wb.write(out);
            }
        }
        return Optional.of(target);
    }
}
