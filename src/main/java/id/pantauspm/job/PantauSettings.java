package id.pantauspm.job;

import java.nio.file.Path;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import id.pantauspm.ingest.IngestLimits;

/**
 * Where Pantau SPM reads and writes, from pantau.properties, PANTAU_* environment variables and
 * command-line options (the usual Spring order). Relative folders are resolved against {@code home}.
 *
 * @param inbox when not set, the bundled input-samples/ are read in place and never moved
 * @param reportRunsKept how many runs' reports stay under reports/runs/ besides reports/latest/
 * @param qualityJumpFactor a target population that changes more than this many times between periods, or lies this
 *        far from other regions' share of population, is flagged on the data-quality page
 * @param deadlineDay quarterly reports are due on this day of the month after the quarter (Permendagri 59/2021 practice: 20)
 * @param ingest limits per received file ({@code pantau.ingest.*}); a file over them is refused whole
 * @param data the data folder: the default H2 database, the lock, {@code run-status.json}, and the default archive,
 *        rejected and outbox folders (default {@code data}; on a server {@code /var/lib/pantau})
 * @param logs the log folder, holding {@code pantau.log} and its rotated copies (default {@code logs} under the data
 *        folder; on a server {@code /var/log/pantau})
 * @param partitionThreads {@code pantau.partition-threads}: how many partitions of a step (files of the ingest, provinces
 *        of the evaluation) run at once in this process; default the number of processors the JVM sees
 *        ({@link Runtime#availableProcessors()}). Safe with any files: a partition writes only its own file's values and
 *        answers, which start to count in the reconcile step, once every partition is done
 */
@ConfigurationProperties("pantau")
public record PantauSettings(@DefaultValue(".") Path home, Path inbox, Path archive, Path rejected, Path outbox,
                             Path reports, Path catalogue, @DefaultValue("id") String lang,
                             @DefaultValue("500") int chunkSize, @DefaultValue("30") int reportRunsKept,
                             @DefaultValue("20") int deadlineDay, @DefaultValue("2") java.math.BigDecimal qualityJumpFactor,
                             @DefaultValue Ingest ingest, Path data, Path logs, Integer partitionThreads) {

    /** Every folder is absolute once bound: relative ones are taken from the installation folder, whatever set them. */
    public PantauSettings {
        home = home.toAbsolutePath().normalize();
    }

    /**
     * @param maxFileBytes {@code pantau.ingest.max-file-bytes}: the size of a received file; a plain number is
     *        bytes, or write 50MB, 1GB
     * @param maxRows      {@code pantau.ingest.max-rows}: data rows per file, over all its sheets
     * @param populationFactor {@code pantau.ingest.population-factor}: a count of people or households above this
     *        many times the region's population (regions/wilayah.csv) is refused as a row problem
     * @param settleTime {@code pantau.ingest.settle-time}: a file changed this recently is looked at again after this
     *        time and left for the next run if its size or time changed (still being copied)
     */
    public record Ingest(@DefaultValue("100MB") DataSize maxFileBytes, @DefaultValue("2000000") long maxRows,
                         @DefaultValue("2") java.math.BigDecimal populationFactor,
                         @DefaultValue("1s") java.time.Duration settleTime) {
    }

    /** Partitions of a step run at once here: {@code pantau.partition-threads}, else one per processor (at least 1). */
    public int threads() {
        return partitionThreads != null && partitionThreads > 0 ? partitionThreads
                : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public IngestLimits ingestLimits() {
        return new IngestLimits(ingest.maxFileBytes().toBytes(), ingest.maxRows());
    }

    public Path inboxFolder() {
        return folder(inbox, Path.of("input-samples"));
    }

    /** Samples mode: files stay where they are; copies go to the archive. */
    public boolean keepsInboxFiles() {
        return inbox == null;
    }

    /** The data folder: {@code pantau.data} against the installation folder, else {@code data/} there. */
    public Path dataFolder() {
        return folder(data, Path.of("data"));
    }

    /** The log folder: {@code pantau.logs} against the installation folder, else {@code logs/} in the data folder. */
    public Path logFolder() {
        return logs == null ? dataFolder().resolve("logs") : folder(logs, null);
    }

    public Path archiveFolder() {
        return archive == null ? dataFolder().resolve("archive") : folder(archive, null);
    }

    public Path rejectedFolder() {
        return rejected == null ? dataFolder().resolve("rejected") : folder(rejected, null);
    }

    public Path outboxFolder() {
        return outbox == null ? dataFolder().resolve("outbox") : folder(outbox, null);
    }

    private Path folder(Path given, Path otherwise) {
        return home.resolve(given == null ? otherwise : given).normalize();
    }

    public Path reportsFolder() {
        return folder(reports, Path.of("reports"));
    }

    public Path catalogueFolder() {
        return folder(catalogue, Path.of("indicators"));
    }

    public Locale locale() {
        return Locale.forLanguageTag(lang);
    }
}
