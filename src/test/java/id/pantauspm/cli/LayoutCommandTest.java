package id.pantauspm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.catalogue.CatalogueException;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.ingest.Layouts;
import id.pantauspm.support.Cli;
import id.pantauspm.support.Ingested;
import id.pantauspm.support.PantauHome;

/** `pantau layout suggest FILE` and `pantau layout check`, and the layouts folder checked with file and line. */
@DisplayName("pantau layout: a draft for an unknown file, and the layouts folder checked")
class LayoutCommandTest {

    @TempDir
    Path temp;

    static final String SHIPPED = PantauHome.PROJECT.resolve("indicators").toString();

    @Test
    @DisplayName("suggest: a draft naming the region, period and sub-region columns and what each value column would be")
    void suggest() throws Exception {
        Path file = Files.writeString(temp.resolve("capaian-odgj-berat-kecamatan-2025.csv"),
                "no;kab_kota;kecamatan;jumlah_estimasi_odgj_berat;jumlah_odgj_berat_yang_mendapatkan_pelayanan;lain\n"
                        + "1;Kabupaten Sleman;Depok;120;118;7\n2;Kabupaten Sleman;Mlati;98;90;3\n");

        Cli.Result r = Cli.pantau("layout", "suggest", file.toString(), "--catalogue", SHIPPED);

        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("code: CAPAIAN_ODGJ_BERAT_KECAMATAN_2025", "region: {column: \"kab_kota\"}",
                "period: {file_name: \"(20\\\\d{2})\"}", "sum_over: [\"kecamatan\"]",
                "measure: KES-K10.SASARAN", "measure: KES-K10.TERLAYANI", "# - {header: \"lain\", measure: ...}",
                "Simpan sebagai indicators/layouts/");
        // the draft, completed with a source, is a layout that reads the file
        Path folder = Files.createDirectories(temp.resolve("catalogue/layouts"));
        Files.writeString(folder.resolve("odgj.yaml"), r.out().replace("source: \"\"", "source: \"Dinkes Sleman\""));
        var catalogue = new CatalogueLoader().load(Path.of(SHIPPED));
        Ingested in = Ingested.read(file, Layouts.load(catalogue, folder));
        assertThat(in.values()).extracting("regionCode", "periodCode", "measureCode", "amount").containsExactly(
                org.assertj.core.api.Assertions.tuple("34.04", "2025", "KES-K10.SASARAN", new java.math.BigDecimal("218")),
                org.assertj.core.api.Assertions.tuple("34.04", "2025", "KES-K10.TERLAYANI", new java.math.BigDecimal("208")));
    }

    @Test
    @DisplayName("check: the shipped layouts are valid")
    void checkShipped() {
        Cli.Result r = Cli.pantau("layout", "check", "--catalogue", SHIPPED, "--lang", "en");

        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("Layouts valid: 5 file(s)");
    }

    @Test
    @DisplayName("check: every problem of a layout with its file and line and what to write")
    void checkProblems() throws Exception {
        Path catalogue = temp.resolve("catalogue");
        PantauHome.copyTree(Path.of(SHIPPED), catalogue);
        Files.writeString(catalogue.resolve("layouts/rusak.yaml"), String.join("\n",
                "code: rusak layout",
                "name: {id: \"x\", en: \"x\"}",
                "source: \"x\"",
                "match: {headers: [a, b]}",
                "region: {column: a, fixed: \"33.74\"}",
                "period: {column: b}",
                "sum_over: [c]",
                "columns:",
                "  - {header: d, measure: CAPAIAN_DILAPORKAN}",
                "  - {header: e, measure: KES-K99.SASARAN}",
                "  - {header_matching: \"(\", measure: by_words}",
                "warna: biru",
                ""));

        Cli.Result r = Cli.pantau("layout", "check", "--catalogue", catalogue.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains(
                "layouts/rusak.yaml:1: code: 'rusak layout' is not a valid code",
                "layouts/rusak.yaml:5: region: give one of column, fixed, cell or file_name, not 2",
                "layouts/rusak.yaml:9: columns[0]/measure: CAPAIAN_DILAPORKAN is a percent: only counts and amounts can be summed",
                "layouts/rusak.yaml:10: columns[1]/measure: 'KES-K99.SASARAN' is not a measure of the catalogue",
                "layouts/rusak.yaml:11: columns[2]/header_matching: '(' is not a valid pattern",
                "layouts/rusak.yaml:12: warna: unknown key");
        // the job refuses to start on it, with the same list
        CatalogueException e = org.assertj.core.api.Assertions.catchThrowableOfType(CatalogueException.class,
                () -> Layouts.load(new CatalogueLoader().load(catalogue), catalogue.resolve("layouts")));
        assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(List.of(e.getMessage().split("\n"))).allMatch(l -> l.startsWith("layouts/rusak.yaml:"));
    }
}
