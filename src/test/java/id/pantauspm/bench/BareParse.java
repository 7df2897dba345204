package id.pantauspm.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The benchmark's baseline: a bare streaming parse of the same files, no checks and no storage (a
 * plain line reader split on commas for csv, fastexcel-reader for xlsx). Prints the rows and cells read.
 */
public final class BareParse {

    public static void main(String[] args) throws IOException {
        long[] counts = new long[2];
        for (String arg : args) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(Path.of(arg))) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(".csv")) {
                    try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                        for (String line = r.readLine(); line != null; line = r.readLine()) {
                            counts[0]++;
                            counts[1] += line.split(",", -1).length;
                        }
                    }
                } else if (name.endsWith(".xlsx")) {
                    try (ReadableWorkbook wb = new ReadableWorkbook(f.toFile()); Stream<Row> rows = wb.getFirstSheet().openStream()) {
                        rows.forEach(row -> {
                            counts[0]++;
                            row.forEach(c -> {
                                if (c != null && c.getRawValue() != null) {
                                    counts[1]++;
                                }
                            });
                        });
                    }
                }
            }
        }
        System.out.println(counts[0] + " rows, " + counts[1] + " cells");
    }
}
