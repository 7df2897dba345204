package id.pantauspm.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import id.pantauspm.ops.FolderWriteFailed;
import id.pantauspm.progress.Progress;
import id.pantauspm.report.HtmlReport;
import id.pantauspm.report.PdfReport;
import id.pantauspm.report.PublishedFiles;
import id.pantauspm.report.ReportData;
import id.pantauspm.report.ReportSite;

/**
 * One partition of the report-regions step: the region pages, e-SPM drafts and PDFs of a province and its kabupaten/kota (a
 * province's page and PDF list them), read from the province's results only and written into the run folder the report
 * step began. A full disk fails the partition with the folder named (exit 1); the step's listener then discards the
 * run folder.
 */
class ProvinceReportTasklet implements Tasklet {

    private final ReportSite site;
    private final HtmlReport html;
    private final PdfReport pdf;
    private final Path reportsFolder;
    private final String province;
    private final Path run;
    private final Set<String> charted;
    private final long pagesInAll;
    private final long pdfsInAll;
    private final String inputs;

    /**
     * @param charted   the periods whose charts the pages draw: the newest of each kind over every region
     *                  (ProvincePartitioner), so a page looks the same as when all regions are written at once
     * @param pagesInAll the region pages of every partition, and
     * @param pdfsInAll  the PDFs, for the step's progress (ProvincePartitioner)
     * @param inputs     the catalogue, region list, settings and program (EvaluationInputs), in every copied file's
     *                   fingerprint
     */
    ProvinceReportTasklet(ReportSite site, HtmlReport html, PdfReport pdf, Path reportsFolder, String province, Path run,
                          Set<String> charted, long pagesInAll, long pdfsInAll, String inputs) {
        this.inputs = inputs;
        this.site = site;
        this.html = html;
        this.pdf = pdf;
        this.reportsFolder = reportsFolder;
        this.province = province;
        this.run = run;
        this.charted = Set.copyOf(charted);
        this.pagesInAll = pagesInAll;
        this.pdfsInAll = pdfsInAll;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        try {
            ReportData rows = site.provinceData(province);
            html.writeRegionPages(rows, charted, run, Progress.counter(HtmlReport.PAGES, pagesInAll));
            // a PDF or draft whose content is unchanged since the published report is copied from it, not drawn again
            PublishedFiles published = PublishedFiles.of(reportsFolder.resolve("latest"), inputs, province);
            site.writeRegionalParts(rows, run, published);
            List<Path> written = pdf.writeInto(rows, run.resolve(ReportSite.PDF_FOLDER),
                    Progress.counter(ProvincePartitioner.PDFS, pdfsInAll), published);
            published.save(run);
            contribution.incrementWriteCount(rows.regionCodes().size() + written.size());
        } catch (IOException | UncheckedIOException e) {
            throw new FolderWriteFailed(reportsFolder, e);
        }
        return RepeatStatus.FINISHED;
    }
}
