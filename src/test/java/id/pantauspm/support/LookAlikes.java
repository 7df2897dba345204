package id.pantauspm.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Files shaped like the ones offices and portals publish (issue 9, shapes 1-5): the same headers,
 * names and quirks, invented numbers. Workbooks are saved by LibreOffice, as a spreadsheet program
 * would save them; the CSV is written as the portal exports it. The right values, worked out by
 * hand from the numbers below, are in the tests that read them.
 */
public final class LookAlikes {

    /** Shape 1: Satu Data Jakarta, a row per kecamatan and sex, every value as text, the service only in the file name. */
    public static final String JAKARTA =
            "persentase-penduduk-penderita-hipertensi-yang-mendapatkan-pelayanan-kesehatan-sesuai-standar-tahun-2024.xlsx";
    /** Shape 2: Open Data Jabar CSV, BPS codes without the dot, two years, a 0 for not reported. */
    public static final String JABAR = "dinkes-od_17448_jml_penderita_diabetes_melitus_brdsrkn_kabupatenko_v2_data.csv";
    /** Shape 3: a puskesmas recap, January to December, a totals row. */
    public static final String PUSKESMAS = "Rekap SPM Kesehatan Puskesmas Banyumas 2025.xlsx";
    /** Shape 4: indicator blocks, a column per year (xls), dropped in the office's inbox subfolder. */
    public static final String GORONTALO = "kota-gorontalo/e-database kesehatan 2019-2022.xls";
    /** Shape 5: percentages only, per kabupaten/kota. */
    public static final String JATIM = "Profil Kesehatan Jatim 2020 capaian SPM.xlsx";

    /** Jakarta rows: wilayah, kecamatan, sex, estimated patients, patients served. */
    static final Object[][] JAKARTA_ROWS = {
            {"KOTA ADM. JAKARTA PUSAT", "GAMBIR", "Laki-laki", 1200, 1310},
            {"KOTA ADM. JAKARTA PUSAT", "GAMBIR", "Perempuan", 1350, 1188},
            {"KOTA ADM. JAKARTA PUSAT", "SAWAH BESAR", "Laki-laki", 2100, 1950},
            {"KOTA ADM. JAKARTA PUSAT", "SAWAH BESAR", "Perempuan", 2230, 2301},
            {"KOTA ADM. JAKARTA PUSAT", "KEMAYORAN", "Laki-laki", 3050, 2890},
            {"KOTA ADM. JAKARTA PUSAT", "KEMAYORAN", "Perempuan", 3120, 3005},
            {"KAB. ADM. KEP. SERIBU", "KEPULAUAN SERIBU UTARA", "Laki-laki", 410, 395},
            {"KAB. ADM. KEP. SERIBU", "KEPULAUAN SERIBU UTARA", "Perempuan", 438, 451},
            {"KAB. ADM. KEP. SERIBU", "KEPULAUAN SERIBU SELATAN", "Laki-laki", 377, 360},
            {"KAB. ADM. KEP. SERIBU", "KEPULAUAN SERIBU SELATAN", "Perempuan", 402, 388}};

    /** Puskesmas rows: puskesmas, service, target, January..December served. */
    static final Object[][] PUSKESMAS_ROWS = {
            {"Ajibarang I", "Pelayanan kesehatan ibu hamil", 812, new int[] {60, 58, 71, 66, 70, 69, 72, 68, 65, 70, 63, 61}},
            {"Ajibarang I", "Pelayanan kesehatan balita", 2410, new int[] {180, 176, 190, 201, 188, 195, 199, 205, 187, 192, 181, 179}},
            {"Cilongok II", "Pelayanan kesehatan ibu hamil", 640, new int[] {50, 49, 55, 52, 54, 51, 53, 56, 50, 52, 48, 47}},
            {"Cilongok II", "Pelayanan kesehatan balita", 1980, new int[] {150, 148, 160, 158, 155, 162, 161, 159, 150, 157, 149, 146}}};

    private LookAlikes() {
    }

    /** Writes the five files under {@code folder} (by their names above, subfolders included); returns them by name. */
    public static Map<String, Path> write(Path folder, Path work) throws IOException, InterruptedException {
        LibreOffice office = LibreOffice.installed();
        Path profile = work.resolve("lo-profile");
        Map<String, Path> files = new LinkedHashMap<>();
        files.put(JAKARTA, place(jakarta(office, work, profile), folder.resolve(JAKARTA)));
        files.put(JABAR, Files.writeString(folder.resolve(JABAR), jabar(), StandardCharsets.UTF_8));
        files.put(PUSKESMAS, place(office.convert(puskesmas(work), "xlsx:Calc MS Excel 2007 XML", work.resolve("lo-puskesmas"), profile),
                folder.resolve(PUSKESMAS)));
        files.put(GORONTALO, place(office.convert(gorontalo(work), "xls:MS Excel 97", work.resolve("lo-gorontalo"), profile),
                folder.resolve(GORONTALO)));
        files.put(JATIM, place(office.convert(jatim(work), "xlsx:Calc MS Excel 2007 XML", work.resolve("lo-jatim"), profile),
                folder.resolve(JATIM)));
        return files;
    }

    private static Path place(Path made, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return Files.copy(made, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The portal's CSV opened in LibreOffice with every column as text (as the dataset holds it), saved as xlsx. */
    private static Path jakarta(LibreOffice office, Path work, Path profile) throws IOException, InterruptedException {
        StringBuilder csv = new StringBuilder("periode_data,wilayah,kecamatan,jenis_kelamin,jumlah_estimasi_penderita,"
                + "jumlah_yang_mendapatkan_pelayanan_kesehatan,persentase\n");
        for (Object[] r : JAKARTA_ROWS) {
            int estimated = (Integer) r[3];
            int served = (Integer) r[4];
            String pct = new java.math.BigDecimal(served * 100.0 / estimated).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
            csv.append("2024,").append(r[0]).append(',').append(r[1]).append(',').append(r[2]).append(',').append(estimated)
                    .append(',').append(served).append(',').append(pct).append('\n');
        }
        Path dir = Files.createDirectories(work.resolve("jakarta"));
        Path source = Files.writeString(dir.resolve(JAKARTA.replace(".xlsx", ".csv")), csv, StandardCharsets.UTF_8);
        return office.convert(source, "xlsx:Calc MS Excel 2007 XML", dir.resolve("out"), profile,
                "CSV:44,34,76,1,1/2/2/2/3/2/4/2/5/2/6/2/7/2");
    }

    static String jabar() {
        return "id,kode_provinsi,nama_provinsi,kode_kabupaten_kota,nama_kabupaten_kota,jumlah_penderita_dm,satuan,tahun\n"
                + "1,32,JAWA BARAT,3201,KABUPATEN BOGOR,48211,ORANG,2019\n"
                + "2,32,JAWA BARAT,3202,KABUPATEN SUKABUMI,0,ORANG,2019\n"
                + "3,32,JAWA BARAT,3271,KOTA BOGOR,12876,ORANG,2019\n"
                + "4,32,JAWA BARAT,3201,KABUPATEN BOGOR,50102,ORANG,2020\n"
                + "5,32,JAWA BARAT,3202,KABUPATEN SUKABUMI,21430,ORANG,2020\n"
                + "6,32,JAWA BARAT,3271,KOTA BOGOR,13390,ORANG,2020\n";
    }

    private static Path puskesmas(Path work) throws IOException {
        byte[] bytes = Workbooks.xlsx(wb -> {
            Sheet s = wb.createSheet("Rekap");
            s.createRow(0).createCell(0).setCellValue("REKAPITULASI CAPAIAN SPM BIDANG KESEHATAN PER PUSKESMAS");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 16));
            Row r2 = s.createRow(1);
            r2.createCell(0).setCellValue("Kabupaten/Kota");
            r2.createCell(1).setCellValue("KAB. BANYUMAS");
            Row r3 = s.createRow(2);
            r3.createCell(0).setCellValue("Tahun");
            r3.createCell(1).setCellValue(2025);
            String[] header = {"No", "Puskesmas", "Jenis Layanan", "Sasaran", "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu",
                    "Sep", "Okt", "Nov", "Des", "Jumlah"};
            Row h = s.createRow(4);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            int r = 5;
            for (Object[] p : PUSKESMAS_ROWS) {
                Row row = s.createRow(r);
                row.createCell(0).setCellValue(r - 4);
                row.createCell(1).setCellValue((String) p[0]);
                row.createCell(2).setCellValue((String) p[1]);
                row.createCell(3).setCellValue((Integer) p[2]);
                int[] months = (int[]) p[3];
                for (int m = 0; m < 12; m++) {
                    row.createCell(4 + m).setCellValue(months[m]);
                }
                row.createCell(16).setCellFormula("SUM(E" + (r + 1) + ":P" + (r + 1) + ")");
                r++;
            }
            Row total = s.createRow(r);
            total.createCell(1).setCellValue("JUMLAH");
            for (int c = 3; c <= 16; c++) {
                String col = id.pantauspm.ingest.RawRow.columnLetter(c);
                total.createCell(c).setCellFormula("SUM(" + col + "6:" + col + r + ")");
            }
        });
        Path dir = Files.createDirectories(work.resolve("puskesmas"));
        return Files.write(dir.resolve(PUSKESMAS), bytes);
    }

    private static Path gorontalo(Path work) throws IOException {
        byte[] bytes = Workbooks.xlsx(wb -> {
            Sheet s = wb.createSheet("Kesehatan");
            s.createRow(0).createCell(0).setCellValue("DATA CAPAIAN SPM BIDANG KESEHATAN KOTA GORONTALO");
            Row h = s.createRow(2);
            h.createCell(0).setCellValue("No");
            h.createCell(1).setCellValue("Indikator");
            for (int y = 0; y < 4; y++) {
                h.createCell(2 + y).setCellValue(2019 + y);
            }
            h.createCell(6).setCellValue("Satuan");
            Object[][] rows = {
                    {1, "Persentase penderita hipertensi mendapat pelayanan kesehatan sesuai standar", 100, null, "%"},
                    {null, "Jumlah penderita hipertensi yang mendapatkan pelayanan kesehatan sesuai standar", 6543, 6710, "orang"},
                    {null, "Jumlah estimasi penderita hipertensi di kota", 6543, 6801, "orang"},
                    {2, "Persentase penyandang DM yang mendapatkan pelayanan kesehatan sesuai standar", 100, null, "%"},
                    {null, "Jumlah penyandang DM yang mendapatkan pelayanan kesehatan sesuai standar", 3825, null, "orang"},
                    {null, "Jumlah estimasi penyandang DM di kota", 3825, null, "orang"},
                    {3, "Jumlah puskesmas", 12, 12, "unit"}};
            int r = 3;
            for (Object[] o : rows) {
                Row row = s.createRow(r++);
                if (o[0] != null) {
                    row.createCell(0).setCellValue((Integer) o[0]);
                }
                row.createCell(1).setCellValue((String) o[1]);
                row.createCell(2).setCellValue((Integer) o[2]);
                if (o[3] != null) {
                    row.createCell(3).setCellValue((Integer) o[3]);
                }
                row.createCell(6).setCellValue((String) o[4]);
            }
        });
        Path dir = Files.createDirectories(work.resolve("gorontalo"));
        return Files.write(dir.resolve("e-database kesehatan 2019-2022.xlsx"), bytes);
    }

    /** Percentages as a program computes them: 12.3 * 3 is the double 36.900000000000006. */
    private static Path jatim(Path work) throws IOException {
        byte[] bytes = Workbooks.xlsx(wb -> {
            Sheet s = wb.createSheet("Tabel SPM");
            List<String> header = List.of("Kab Kota", "Presentase Penderita Hipertensi Mendapat Pelayanan",
                    "Presentase Penderita DM dengan Pelayanan Sesuai Standar", "Presentase ODGJ Berat Mendapat Pelayanan",
                    "Pelayanan Kesehatan Balita", "Usia Produktif yang Mendapat Pelayanan Kesehatan Sesuai Standar",
                    "Pelayanan Kesehatan Lansia");
            Row h = s.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            Object[][] rows = {
                    {"KAB. PACITAN", 19.6, 155.2, 98.4, 87.1, 45.3, 77.0},
                    {"KAB. PONOROGO", 12.3 * 3, 88.5, 156.2, 92.0, 51.7, 80.4},
                    {"KOTA MADIUN", 64.1, 101.3, 99.0, 95.5, 60.2, 88.8}};
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r + 1);
                row.createCell(0).setCellValue((String) rows[r][0]);
                for (int c = 1; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue((Double) rows[r][c]);
                }
            }
        });
        Path dir = Files.createDirectories(work.resolve("jatim"));
        return Files.write(dir.resolve(JATIM), bytes);
    }
}
