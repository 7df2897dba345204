package id.pantauspm.job;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import id.pantauspm.report.ReportData;
import id.pantauspm.store.ResultRepository;

/**
 * The report-regions step's partitions: one per province with results, each writing the region pages and PDFs of the
 * province and its kabupaten/kota (a province's page and PDF list them, so they read the same results). None when the
 * report step wrote nothing this night (no run folder in the job's context).
 */
class ProvincePartitioner implements Partitioner {

    static final String PROVINCE = "province";
    /** A progress unit of the step, and the key of its total in each partition's context. */
    static final String PDFS = "pdfs";
    /** The periods whose charts every page draws (HtmlReport.chartedPeriods of all results), comma-separated. */
    static final String CHARTED = "charted";
    /** The key of the step's total of region pages in each partition's context. */
    static final String PAGES = "pages";
    /** The evaluation inputs' key (EvaluationInputs.key: catalogue, region list, settings), computed once per night. */
    static final String INPUTS = "inputs";

    private final ResultRepository results;
    private final String run;
    private final java.util.function.Supplier<String> inputs;

    /**
     * @param run    the run folder the report step is writing, or null when the reports were left as they are
     * @param inputs the evaluation inputs' key, asked once when there are partitions
     */
    ProvincePartitioner(ResultRepository results, String run, java.util.function.Supplier<String> inputs) {
        this.results = results;
        this.run = run;
        this.inputs = inputs;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new TreeMap<>();
        if (run == null) {
            return partitions;
        }
        ReportData all = ReportData.load(results); // the regions' headline rows only
        long total = id.pantauspm.report.PdfReport.targetCount(all);
        String charted = String.join(",", new java.util.TreeSet<>(id.pantauspm.report.HtmlReport.chartedPeriods(all)));
        // the step's progress: the partitions count into it, pages first
        long pages = all.regionCodes().size();
        String key = inputs.get();
        id.pantauspm.progress.Progress.counter(id.pantauspm.report.HtmlReport.PAGES, pages);
        id.pantauspm.progress.Progress.counter(PDFS, total);
        for (String code : all.regionCodes()) {
            String province = code.contains(".") ? code.substring(0, code.indexOf('.')) : code;
            partitions.computeIfAbsent("province-" + province, name -> {
                ExecutionContext context = new ExecutionContext();
                context.putString(PROVINCE, province);
                context.putLong(PDFS, total);
                context.putString(CHARTED, charted);
                context.putLong(PAGES, pages);
                context.putString(INPUTS, key);
                return context;
            });
        }
        return partitions;
    }
}
