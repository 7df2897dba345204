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

    /** Writes the workbook and the CSV folder into {@code folder}; returns the workbook and the CSV folder. */
    public List<Path> write(Path folder) throws IOException {
        ResultTables tables = ResultTables.of(ReportData.load(results), catalogue, regions, fmt);
        Path workbook = new XlsxReport(LocalDate.now()).write(tables, folder.resolve(XlsxReport.FILE_NAME));
        Path csv = new CsvExport().write(tables, folder.resolve(CsvExport.FOLDER));
        return List.of(workbook, csv);
    }
}
