package id.pantauspm.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import id.pantauspm.store.ResultRepository;

/**
 * The reports of one run: written whole into reports/runs/&lt;time&gt;/, then copied over
 * reports/latest/ in one swap, so a reader never opens a half-written report. Older runs beyond
 * the number kept are removed (the database keeps everything they showed).
 */
public final class ReportSite {

    /** Another format written beside the HTML pages from the same results (PDF, XLSX). */
    public interface Part {
        void write(ReportData data, Path folder) throws IOException;
    }

    /**
     * A part with a file per region: the nightly job writes those a province at a time in its report-regions step
     * ({@link #writeRegionalParts}), the rest with the other pages.
     */
    public interface RegionalPart extends Part {
        /** Everything but the regions' own files, from the regions' headline results. */
        void writeIndex(ReportData data, Path folder) throws IOException;

        /** The files of the regions in {@code rows} (which may be one province and its kabupaten/kota). */
        void writeRegions(ReportData rows, Path folder) throws IOException;

        /** The same, copying from the last published report the files whose content is unchanged. */
        default void writeRegions(ReportData rows, Path folder, PublishedFiles published) throws IOException {
            writeRegions(rows, folder);
        }

        @Override
        default void write(ReportData data, Path folder) throws IOException {
            writeIndex(data, folder);
            writeRegions(data, folder);
        }
    }

    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ResultRepository results;
    private final HtmlReport html;
    private final List<Part> parts;
    /** The PDFs: written with the rest by {@link #publish}, by the nightly job's partitioned step between {@link #begin} and {@link #finish}. */
    private final Part pdfs;
    private final int runsKept;
    private final IkmData.Loader ikm;

    public ReportSite(ResultRepository results, HtmlReport html, List<Part> parts, int runsKept) {
        this(results, html, parts, (data, folder) -> { }, runsKept, (period, region) -> IkmData.none());
    }

    /**
     * @param pdfs the printable reports, written into the run folder's pdf/ (see {@link #begin})
     * @param ikm  reads the community satisfaction index (IKM) results shown beside the SPM results
     */
    public ReportSite(ResultRepository results, HtmlReport html, List<Part> parts, Part pdfs, int runsKept, IkmData.Loader ikm) {
        this.results = results;
        this.html = html;
        this.parts = List.copyOf(parts);
        this.pdfs = pdfs;
        this.runsKept = runsKept;
        this.ikm = ikm;
    }

    /**
     * Writes the reports for a period and/or region (null: all), PDFs included. The complete reports are
     * published as reports/latest/; a filtered one stays in its own run folder, named after the filter.
     *
     * @return the summary page written (under reports/latest/ when published)
     */
    public Path publish(Path reportsFolder, String period, String region) throws IOException {
        boolean complete = period == null && region == null;
        Path run = write(reportsFolder, period, region, true);
        return complete ? finish(reportsFolder, run) : finishFiltered(reportsFolder, run);
    }

    /**
     * The first part of a complete report written in steps (the nightly job): every page and table but each region's
     * own (its page, e-SPM drafts and PDFs) into a new run folder, which is returned. Those are then written into it
     * province by province (HtmlReport.writeRegionPages, {@link #writeRegionalParts} and PdfReport.writeInto over
     * {@link #provinceData}, one partition per province), and {@link #finish} publishes it; {@link #discard} removes it
     * when a step failed.
     *
     * @throws id.pantauspm.ops.FolderWriteFailed when the reports folder cannot be written (nothing is left half-written)
     */
    public Path begin(Path reportsFolder) throws IOException {
        return write(reportsFolder, null, null, false);
    }

    /** @param withRegions the region pages and the PDFs too; else the nightly job's partitions write them */
    private Path write(Path reportsFolder, String period, String region, boolean withRegions) throws IOException {
        ReportData data = ReportData.load(results, period, region).withIkm(ikm.load(period, region));
        Path runs = reportsFolder.resolve("runs");
        String name = LocalDateTime.now().format(RUN_NAME) + (region == null ? "" : "-" + region) + (period == null ? "" : "-" + period);
        Path run = runs.resolve(name);
        for (int n = 2; Files.exists(run); n++) {
            run = runs.resolve(name + "-" + n);
        }
        Path latest = reportsFolder.resolve("latest");
        Path old = reportsFolder.resolve("latest.old");
        if (!Files.exists(latest) && Files.isDirectory(old)) {
            Files.move(old, latest, StandardCopyOption.ATOMIC_MOVE); // a run that died between the two moves below
        }
        try {
            Files.createDirectories(run);
            if (withRegions) {
                html.write(data, run);
            } else {
                html.writeSummary(data, run);
            }
            for (Part part : parts) {
                if (!withRegions && part instanceof RegionalPart regional) {
                    regional.writeIndex(data, run);
                } else {
                    part.write(data, run);
                }
            }
            if (withRegions) {
                pdfs.write(data, run);
            } else {
                Files.createDirectories(run.resolve(PDF_FOLDER));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // A full or broken disk: the half-written run is removed, reports/latest stays the last whole report.
            deleteQuietly(run);
            throw new id.pantauspm.ops.FolderWriteFailed(reportsFolder, e);
        }
        return run;
    }

    /**
     * The results of a province and its kabupaten/kota, with the IKM beside them: what one partition of the nightly
     * job's report-regions step writes (their region pages and PDFs).
     */
    public ReportData provinceData(String province) {
        return ReportData.loadProvince(results, province).withIkm(ikm.load(null, null));
    }

    /** The regional parts' files (e-SPM drafts) of the regions in {@code rows}, into a run folder {@link #begin} made. */
    public void writeRegionalParts(ReportData rows, Path run) throws IOException {
        writeRegionalParts(rows, run, PublishedFiles.none());
    }

    /** The same, copying from the last published report the files whose content is unchanged. */
    public void writeRegionalParts(ReportData rows, Path run, PublishedFiles published) throws IOException {
        for (Part part : parts) {
            if (part instanceof RegionalPart regional) {
                regional.writeRegions(rows, run, published);
            }
        }
    }

    /** The PDFs' folder in a run folder. */
    public static final String PDF_FOLDER = "pdf";

    /**
     * Publishes a complete run folder as reports/latest/ in one swap and prunes older runs.
     *
     * @return reports/latest/index.html
     */
    public Path finish(Path reportsFolder, Path run) throws IOException {
        Path runs = reportsFolder.resolve("runs");
        Path latest = reportsFolder.resolve("latest");
        Path staging = reportsFolder.resolve("latest.new");
        Path old = reportsFolder.resolve("latest.old");
        try {
            deleteTree(staging);
            copyTree(run, staging);
        } catch (IOException | java.io.UncheckedIOException e) {
            deleteQuietly(run);
            deleteQuietly(staging);
            throw new id.pantauspm.ops.FolderWriteFailed(reportsFolder, e);
        }
        deleteTree(old);
        if (Files.exists(latest)) {
            Files.move(latest, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, latest, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
        prune(runs);
        return latest.resolve("index.html");
    }

    private Path finishFiltered(Path reportsFolder, Path run) throws IOException {
        prune(reportsFolder.resolve("runs"));
        return run.resolve("index.html");
    }

    /** Removes a run folder a failed step left half-written; reports/latest stays the last whole report. */
    public void discard(Path run) {
        deleteQuietly(run);
    }

    private static void deleteQuietly(Path folder) {
        try {
            deleteTree(folder);
        } catch (IOException | RuntimeException ignored) {
            // best effort: what cannot be removed is pruned by a later run; the first fault is the one reported
        }
    }

    private void prune(Path runs) throws IOException {
        try (Stream<Path> list = Files.list(runs)) {
            List<Path> all = list.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
            for (Path old : all.subList(Math.min(runsKept, all.size()), all.size())) {
                deleteTree(old);
            }
        }
    }

    /** {@code from}'s files at the same places under {@code to}, linked where the file system can ({@link #linkOrCopy}). */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    linkOrCopy(p, target);
                }
            }
        }
    }

    /**
     * Puts the file {@code source} at {@code target} as a hard link, so a report's unchanged files are stored once
     * however many run folders and reports/latest show them (a national run is ~740 MB; thirty are kept); as a copy
     * where the file system cannot link (FAT, some network shares, another disk). Published files are never written
     * in place (the chase list is replaced by a move), so the folders sharing a file cannot change each other.
     *
     * @throws IOException when neither can be written (a full disk, a missing folder)
     */
    static void linkOrCopy(Path source, Path target) throws IOException {
        Files.deleteIfExists(target);
        try {
            Files.createLink(target, source);
        } catch (UnsupportedOperationException | IOException cannotLink) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteTree(Path folder) throws IOException {
        HtmlReport.deleteTree(folder);
    }
}
