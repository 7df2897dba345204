package id.pantauspm.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.catalogue.Level;
import id.pantauspm.catalogue.ServiceType;
import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;

/**
 * The benchmark's national workload (bench/run.sh): every region of wilayah.csv reports every
 * service of its level, SASARAN in proportion to its population and TERLAYANI year to date.
 *
 * <pre>
 * quarters  OUT N csv|xlsx [PROVINCES]  OUT/q1..qN/ one file per region per quarter (the N quarters up to the
 *                                        last one ended), OUT/q1..qN.rows the same rows as csv for COPY
 * big       OUT ROWS [PROVINCES]          OUT/big/besar.csv: monthly values of every region, ten years back, ROWS rows
 * </pre>
 * PROVINCES (optional) keeps the first so many provinces, for a smaller run. Numbers are reproducible (seeded by code).
 */
public final class NationalWorkload {

    static final String HEADER = "kode_wilayah,periode,kode_data,nilai";

    private final List<Region> regions;
    private final Catalogue catalogue;

    NationalWorkload(Catalogue catalogue, RegionDirectory directory, int provinces) {
        this.catalogue = catalogue;
        List<String> kept = directory.provinces().stream().limit(provinces).map(Region::code).toList();
        this.regions = directory.all().stream().filter(r -> kept.contains(r.isProvince() ? r.code() : r.provinceCode()))
                .sorted(java.util.Comparator.comparing(Region::code)).toList();
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[1]);
        Catalogue catalogue = new CatalogueLoader().load(Path.of("indicators"));
        int provinces = args.length > (args[0].equals("big") ? 3 : 4) ? Integer.parseInt(args[args[0].equals("big") ? 3 : 4])
                : Integer.MAX_VALUE;
        NationalWorkload w = new NationalWorkload(catalogue, RegionDirectory.official(), provinces);
        if (args[0].equals("quarters")) {
            w.quarters(out, Integer.parseInt(args[2]), args[3].equals("xlsx"));
        } else {
            w.big(out.resolve("big"), Long.parseLong(args[2]));
        }
    }

    /** The quarters, oldest first, ending with the last quarter that has ended by today. */
    static List<int[]> lastQuarters(LocalDate today, int n) {
        int year = today.getYear();
        int q = (today.getMonthValue() - 1) / 3; // the current quarter is not over: the one before
        if (q == 0) {
            year--;
            q = 4;
        }
        List<int[]> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(0, new int[] {year, q});
            if (--q == 0) {
                year--;
                q = 4;
            }
        }
        return list;
    }

    void quarters(Path out, int n, boolean xlsx) throws IOException {
        List<int[]> quarters = lastQuarters(LocalDate.now(), n);
        long rows = 0;
        for (int i = 0; i < quarters.size(); i++) {
            int year = quarters.get(i)[0];
            int q = quarters.get(i)[1];
            Path folder = Files.createDirectories(out.resolve("q" + (i + 1)));
            try (BufferedWriter copy = Files.newBufferedWriter(out.resolve("q" + (i + 1) + ".rows"), StandardCharsets.UTF_8)) {
                for (Region r : regions) {
                    List<String[]> lines = new ArrayList<>();
                    for (ServiceType s : services(r)) {
                        long target = target(r, s, year);
                        long served = Math.round(target * rate(r, s, year) * q / 4.0);
                        String period = year + "-TW" + q;
                        lines.add(new String[] {r.code(), period, s.targetPopulationMeasure(), Long.toString(target)});
                        lines.add(new String[] {r.code(), period, s.servedMeasure(), Long.toString(served)});
                    }
                    String name = "spm_" + r.code().replace('.', '_') + "_" + year + "_tw" + q;
                    if (xlsx) {
                        writeXlsx(folder.resolve(name + ".xlsx"), lines);
                    } else {
                        try (BufferedWriter w = Files.newBufferedWriter(folder.resolve(name + ".csv"), StandardCharsets.UTF_8)) {
                            w.write(HEADER + "\n");
                            for (String[] l : lines) {
                                w.write(String.join(",", l) + "\n");
                            }
                        }
                    }
                    for (String[] l : lines) {
                        copy.write(String.join(",", l) + "\n");
                    }
                    rows += lines.size();
                }
            }
        }
        System.out.println(rows);
    }

    /** Monthly values (each month alone), region by region from ten years back, until ROWS rows. */
    void big(Path folder, long limit) throws IOException {
        Files.createDirectories(folder);
        int lastYear = lastQuarters(LocalDate.now(), 1).get(0)[0] - 1;
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("besar.csv"), StandardCharsets.UTF_8);
             BufferedWriter copy = Files.newBufferedWriter(folder.resolve("../big.rows"), StandardCharsets.UTF_8)) {
            w.write(HEADER + "\n");
            outer:
            for (Region r : regions) {
                for (int year = lastYear - 9; year <= lastYear; year++) {
                    for (int month = 1; month <= 12; month++) {
                        for (ServiceType s : services(r)) {
                            long target = target(r, s, year);
                            long served = Math.round(target * rate(r, s, year) / 12.0);
                            String period = year + "-" + (month < 10 ? "0" : "") + month;
                            for (String[] l : List.of(new String[] {r.code(), period, s.targetPopulationMeasure(), Long.toString(target)},
                                    new String[] {r.code(), period, s.servedMeasure(), Long.toString(served)})) {
                                String line = String.join(",", l) + "\n";
                                w.write(line);
                                copy.write(line);
                                if (++rows == limit) {
                                    break outer;
                                }
                            }
                        }
                    }
                }
            }
        }
        System.out.println(rows);
    }

    private List<ServiceType> services(Region r) {
        return catalogue.services(r.isProvince() ? Level.PROVINSI : Level.KABKOTA);
    }

    /** SASARAN: a share of the population fixed per service (0.2% to 20%), a little different each year. */
    private static long target(Region r, ServiceType s, int year) {
        double share = 0.002 + new SplittableRandom(s.code().hashCode()).nextDouble() * 0.198;
        double drift = 1 + (year - 2025) * 0.01;
        return Math.max(1, Math.round(r.population() * share * drift));
    }

    /** The share served over the year: 40% to 100%, fixed per region, service and year. */
    private static double rate(Region r, ServiceType s, int year) {
        return 0.4 + new SplittableRandom((r.code() + s.code() + year).hashCode()).nextDouble() * 0.6;
    }

    private static void writeXlsx(Path file, List<String[]> lines) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Data");
            Row head = sheet.createRow(0);
            String[] names = HEADER.split(",");
            for (int c = 0; c < names.length; c++) {
                head.createCell(c).setCellValue(names[c]);
            }
            int n = 1;
            for (String[] l : lines) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(l[0]);
                row.createCell(1).setCellValue(l[1]);
                row.createCell(2).setCellValue(l[2]);
                row.createCell(3).setCellValue(Double.parseDouble(l[3]));
            }
            wb.write(out);
            wb.dispose();
        }
    }
}
