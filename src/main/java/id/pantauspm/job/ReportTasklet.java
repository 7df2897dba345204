package id.pantauspm.job;

import java.nio.file.StandardCopyOption;
import java.util.List;

import id.pantauspm.report.ChasePages;
import id.pantauspm.report.ReportData;
import id.pantauspm.store.ResultRepository;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import id.pantauspm.ops.OperatorLog;
import id.pantauspm.report.ReportSite;
import id.pantauspm.store.EvaluationState;

/**
 * Writes the reports from the stored results into reports/runs/&lt;time&gt;/ (the region pages and PDFs follow in the report-regions step,
 * the publish step makes it reports/latest/), when
 * anything was evaluated or received since the reports last published: a night with nothing new leaves them
 * as they are. {@code pantau report} always writes them.
 */
class ReportTasklet implements Tasklet {

    private static final OperatorLog log = OperatorLog.of(ReportTasklet.class);

    private final PantauSettings settings;
    private final ReportSite site;

    private final EvaluationState state;
    private final ChasePages chase;
    private final ResultRepository results;

    /**
     * @param chase   the chase list, which counts days to and past deadlines: redrawn every night, even one
     *                with nothing new
     */
    ReportTasklet(PantauSettings settings, ReportSite site, EvaluationState state, ChasePages chase, ResultRepository results) {
        this.settings = settings;
        this.site = site;
        this.state = state;
        this.chase = chase;
        this.results = results;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        String inputs = state.reportInputs();
        Path latest = settings.reportsFolder().resolve("latest").resolve("index.html");
        org.springframework.batch.infrastructure.item.ExecutionContext job =
                chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        if (inputs.equals(state.reportedInputs()) && Files.isRegularFile(latest)) {
            refreshChaseList(latest.getParent());
            job.remove(RUN_FOLDER); // nothing for the PDF and publish steps to do
            job.remove(INPUTS);
            log.info("log.report.unchanged", latest.getParent());
            return RepeatStatus.FINISHED;
        }
        // every page and table into a new run folder; the report-regions step (region pages and PDFs, a partition per province) and the publish step follow
        Path run = site.begin(settings.reportsFolder());
        job.putString(RUN_FOLDER, run.toString());
        job.putString(INPUTS, inputs);
        return RepeatStatus.FINISHED;
    }

    /** The job's context keys: the run folder being written, and the inputs it shows (recorded once it is published). */
    static final String RUN_FOLDER = "report.run";
    static final String INPUTS = "report.inputs";

    /** Today's chase list over the stored arrivals, moved over the published one file by file. */
    private void refreshChaseList(Path published) throws java.io.IOException {
        ReportData arrivals = new ReportData(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                results.reporting());
        Path staging = Files.createTempDirectory(settings.reportsFolder(), "tagihan");
        try {
            chase.write(arrivals, staging, published);
            for (String name : List.of(ChasePages.PAGE, ChasePages.CSV)) {
                Path old = published.resolve(name);
                if (Files.isRegularFile(old) && Files.mismatch(old, staging.resolve(name)) == -1) {
                    continue; // the same day's list: nothing to write
                }
                Files.move(staging.resolve(name), published.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(staging);
        }
    }
}
