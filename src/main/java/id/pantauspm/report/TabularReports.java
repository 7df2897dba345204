package id.pantauspm.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.store.ResultRepository;

/**
 * The results as tables for spreadsheets and other tools, written into the report folder beside
 * the HTML: {@code hasil-spm.xlsx} ({@link XlsxReport}) and {@code csv/*.csv} ({@link CsvExport}),
 * both from the same {@link ResultTables}, read once from the stored results.
 */
public final class TabularReports {

    private final ResultRepository results;
    private final Catalogue catalogue;
    private final RegionDirectory regions;
    private final ReportFormat fmt;

    public TabularReports(ResultRepository results, Catalogue catalogue, RegionDirectory regions, ReportFormat fmt) {
        this.results = results;
        this.catalogue = catalogue;
        this.regions = regions;
        this.fmt = fmt;
    }

    /**
     * Writes the workbook and the CSV folder into {@code folder} from all stored results.
     *
     * @return the workbook and the CSV folder
     */
    public List<Path> write(Path folder) throws IOException {
        write(ReportData.load(results), folder);
        return List.of(folder.resolve(XlsxReport.FILE_NAME), folder.resolve(CsvExport.FOLDER));
    }

    /**
     * Writes the workbook and the CSV folder into {@code folder} from results already read: the
     * signature of a report format written beside the HTML pages from the same data.
     */
    public void write(ReportData data, Path folder) throws IOException {
        ResultTables tables = ResultTables.of(data, catalogue, regions, fmt);
        // One pass over the results for both formats: each period's results read once, each row made once.
        try (XlsxReport.Writer workbook = new XlsxReport(LocalDate.now()).open(tables, folder.resolve(XlsxReport.FILE_NAME));
             CsvExport.Folder csv = new CsvExport().open(tables, folder.resolve(CsvExport.FOLDER))) {
            tables.forEachRow((table, row) -> {
                workbook.row(table, row);
                csv.row(table, row);
            });
            workbook.finish();
            csv.finish();
        }
    }
}
