package id.pantauspm.ingest;

import java.nio.file.Path;
import java.util.List;

/** The cells of a workbook's first data row (row 2) as the xlsx reader gives them. */
final class XlsxReaderProbe {

    private XlsxReaderProbe() {
    }

    static List<CellValue> cells(Path file) throws FileRefusedException {
        try (SpreadsheetReader.Opened opened = new XlsxReader().open(file)) {
            return opened.rows().filter(r -> r.rowNumber() == 2).findFirst().orElseThrow().cells();
        }
    }
}
