package id.pantauspm.job;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import id.pantauspm.report.ReportData;
import id.pantauspm.store.ResultRepository;

/**
 * The PDF step's partitions: one per province with results, each printing the province's PDFs and its
 * kabupaten/kota's (a province's report lists them, so they read the same results). None when the report step
 * wrote nothing this night (no run folder in the job's context).
 */
class ProvincePartitioner implements Partitioner {

    static final String PROVINCE = "province";
    /** The progress unit of the PDF step, and the key of its total in each partition's context. */
    static final String PDFS = "pdfs";

    private final ResultRepository results;
    private final String run;

    /** @param run the run folder the report step is writing, or null when the reports were left as they are */
    ProvincePartitioner(ResultRepository results, String run) {
        this.results = results;
        this.run = run;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new TreeMap<>();
        if (run == null) {
            return partitions;
        }
        ReportData all = ReportData.load(results); // the regions' headline rows only
        long total = id.pantauspm.report.PdfReport.targetCount(all);
        id.pantauspm.progress.Progress.counter(PDFS, total); // the step's progress: the partitions count into it
        for (String code : all.regionCodes()) {
            String province = code.contains(".") ? code.substring(0, code.indexOf('.')) : code;
            partitions.computeIfAbsent("province-" + province, name -> {
                ExecutionContext context = new ExecutionContext();
                context.putString(PROVINCE, province);
                context.putLong(PDFS, total);
                return context;
            });
        }
        return partitions;
    }
}
