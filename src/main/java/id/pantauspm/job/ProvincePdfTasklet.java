package id.pantauspm.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import id.pantauspm.ops.FolderWriteFailed;
import id.pantauspm.report.PdfReport;
import id.pantauspm.report.ReportSite;

/**
 * One partition of the PDF step: the PDFs of a province and its kabupaten/kota (the newest year, semester and quarter
 * of each), read from the province's results only and written into the run folder's pdf/. A full disk fails the
 * partition with the folder named (exit 1); the step's listener then discards the run folder.
 */
class ProvincePdfTasklet implements Tasklet {

    private final ReportSite site;
    private final PdfReport pdf;
    private final Path reportsFolder;
    private final String province;
    private final Path run;
    private final long pdfsInAll;

    /** @param pdfsInAll the PDFs of every partition, for the step's progress (ProvincePartitioner) */
    ProvincePdfTasklet(ReportSite site, PdfReport pdf, Path reportsFolder, String province, Path run, long pdfsInAll) {
        this.pdfsInAll = pdfsInAll;
        this.site = site;
        this.pdf = pdf;
        this.reportsFolder = reportsFolder;
        this.province = province;
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        try {
            List<Path> written = pdf.writeInto(site.provinceData(province), run.resolve(ReportSite.PDF_FOLDER),
                    id.pantauspm.progress.Progress.counter(ProvincePartitioner.PDFS, pdfsInAll));
            contribution.incrementWriteCount(written.size());
        } catch (IOException | UncheckedIOException e) {
            throw new FolderWriteFailed(reportsFolder, e);
        }
        return RepeatStatus.FINISHED;
    }
}
