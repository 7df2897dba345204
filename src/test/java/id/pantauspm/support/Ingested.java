package id.pantauspm.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.ingest.FileIngest;
import id.pantauspm.ingest.FileRefusedException;
import id.pantauspm.ingest.Layouts;
import id.pantauspm.ingest.MeasuredValue;
import id.pantauspm.ingest.ParsedRow;
import id.pantauspm.ingest.Problem;
import id.pantauspm.ingest.RowParser;
import id.pantauspm.ingest.SpreadsheetFormats;
import id.pantauspm.regions.RegionDirectory;

/**
 * One file read by the ingest path the job and `pantau validate` share ({@link FileIngest}), with the
 * shipped catalogue, region list and layouts: the values that would be stored and every problem.
 */
public record Ingested(List<MeasuredValue> values, List<Problem> problems, Problem refusal, int rejectedRows) {

    public static final Catalogue CATALOGUE = new CatalogueLoader().load(PantauHome.PROJECT.resolve("indicators"));
    public static final RegionDirectory REGIONS = RegionDirectory.official();

    /** The shipped layouts (indicators/layouts), loaded once. */
    public static final Layouts LAYOUTS = Layouts.load(CATALOGUE, PantauHome.PROJECT.resolve("indicators/layouts"));

    public static Ingested read(Path file) {
        return read(file, LAYOUTS);
    }

    public static Ingested read(Path file, Layouts layouts) {
        RowParser parser = new RowParser(CATALOGUE, REGIONS);
        List<MeasuredValue> values = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> rejected = new HashSet<>();
        try (FileIngest ingest = FileIngest.open(file, SpreadsheetFormats.standard(), layouts, parser)) {
            for (List<ParsedRow> batch; !(batch = ingest.next()).isEmpty(); ) {
                for (ParsedRow row : batch) {
                    problems.addAll(row.problems());
                    if (row.accepted()) {
                        values.add(row.value());
                    }
                    if (row.rejected()) {
                        rejected.add(row.source().sheet() + "!" + row.source().rowNumber());
                    }
                }
            }
            problems.addAll(ingest.endNotes());
        } catch (FileRefusedException e) {
            return new Ingested(List.of(), List.of(e.problem()), e.problem(), 0);
        }
        return new Ingested(List.copyOf(values), List.copyOf(problems), null, rejected.size());
    }

    /** A text file written into a temporary folder under {@code name}, then read. */
    public static Ingested readText(String name, String content) {
        try {
            Path dir = Files.createTempDirectory("pantau-ingested");
            return read(Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
