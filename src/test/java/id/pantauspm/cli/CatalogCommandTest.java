package id.pantauspm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.catalogue.ServiceType;
import id.pantauspm.support.PantauHome;

@DisplayName("pantau catalog: the catalogue as tables, and catalog check")
class CatalogCommandTest {

    static final String SHIPPED = PantauHome.PROJECT.resolve("indicators").toString();

    @TempDir
    Path temp;

    record Result(int code, String out, String err) {
    }

    static Result pantau(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PantauCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A copy of the shipped catalogue with one text replaced in one file; returns the line of the replacement. */
    private int brokenCopy(String file, String from, String to) throws IOException {
        PantauHome.copyTree(PantauHome.PROJECT.resolve("indicators"), temp.resolve("indicators"));
        Path p = temp.resolve("indicators").resolve(file);
        String text = Files.readString(p);
        int at = text.indexOf(from);
        assertThat(at).isNotNegative();
        Files.writeString(p, text.substring(0, at) + to + text.substring(at + from.length()));
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    @DisplayName("catalog lists every field and all 43 service codes, in Indonesian by default")
    void listsAllServices() {
        Result r = pantau("catalog", "--catalogue", SHIPPED);

        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).isEmpty();
        Set<String> codes = new CatalogueLoader().load(Path.of(SHIPPED)).services().stream().map(ServiceType::code)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(codes).hasSize(43);
        assertThat(r.out()).contains(codes);
        assertThat(r.out()).contains("6 bidang, 43 jenis pelayanan dasar", "Versi aturan 2026.2",
                "KES Kesehatan: 14 jenis pelayanan dasar", "Kode", "Tingkat", "Indikator", "Jenis pelayanan dasar",
                "Pelayanan kesehatan ibu hamil", "kabupaten/kota");
        // fields in the order of PP 2/2018: Pendidikan first, Sosial last
        assertThat(r.out().indexOf("PEND Pendidikan")).isLessThan(r.out().indexOf("KES Kesehatan"));
        assertThat(r.out().indexOf("TRANTIB ")).isLessThan(r.out().indexOf("SOS "));
    }

    @Test
    @DisplayName("a service row: code, level, measures, mutu items, indicators, name")
    void serviceRow() {
        Result r = pantau("catalog", "--catalogue", SHIPPED, "--lang", "en");
        // counted under the rule version in force now (2026.3, Permenkes 6/2024): KES-K01 has 5 items kept from 4/2019
        // (BUKU_KIA, TABLET_TAMBAH_DARAH, VAKSIN_TD, TENAGA_BIDAN, TENAGA_DOKTER) and 8 new ones = 13 items;
        // SASARAN, TERLAYANI, 9 common measures (CAPAIAN_DILAPORKAN, PERMASALAHAN and SOLUSI among them) and
        // 13 x 2 = 26 item measures = 37 measures; 2 indicators
        assertThat(r.out()).containsPattern("KES-K01 +regency/city +37 +13 +2 +Health care for pregnant women");
        assertThat(r.out()).contains("under rule version 2026.3 (in force now)");
        assertThat(r.out()).contains("Code", "Level", "Measures", "Basic service type");
    }

    @Test
    @DisplayName("catalog --service KES-K01 --lang en: its measures with kind, type, unit, and its indicators with the formula")
    void oneServiceInEnglish() {
        Result r = pantau("catalog", "--catalogue", SHIPPED, "--service", "KES-K01", "--lang", "en");

        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("KES-K01  Health care for pregnant women", "Recipients: Pregnant women",
                "Measures (41)", "Indicators (2)", "Formula", "Direction", "Rule version");
        // all 15 items of both versions (7 of 4/2019, 8 new of 6/2024; 5 shared): 2 + 9 + 15 x 2 = 41 measures, each
        // version-bound one with the versions it applies in
        assertThat(r.out()).containsPattern("KES-K01\\.PEMERIKSAAN_USG_BUTUH +input +count +pemeriksaan +latest +2026\\.2 +Ultrasound");
        assertThat(r.out()).containsPattern("KES-K01\\.GEL_USG_TERSEDIA +input +count +botol +latest +2026\\.3 +Ultrasound gel");
        assertThat(r.out()).containsPattern("KES-K01\\.SASARAN +process +count +orang +latest +Pregnant women in the region");
        assertThat(r.out()).containsPattern("KES-K01\\.TERLAYANI +output +count +orang +sum +Pregnant women served to standard");
        assertThat(r.out()).containsPattern("KES-K01\\.BUKU_KIA_BUTUH +input +count +buah +latest +Maternal and child health handbook \\(needed\\)");
        assertThat(r.out()).containsPattern("KES-K01\\.ANGGARAN_REALISASI +input +amount +rupiah +sum");
        assertThat(r.out()).containsPattern("KES-K01\\.CAPAIAN_PENERIMA +outcome +TERLAYANI / SASARAN x 100 +persen +100 +higher is better");
        assertThat(r.out()).contains("ANGGARAN_REALISASI / ANGGARAN_RENCANA x 100");
        assertThat(r.out()).doesNotContain("KES-K02");
    }

    @Test
    @DisplayName("catalog --field PEND: every service of the field in detail, a measure formula as its code")
    void oneField() {
        Result r = pantau("catalog", "--catalogue", SHIPPED, "--field", "pend");

        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("PEND Pendidikan: 5 jenis pelayanan dasar", "PEND-P01  Pendidikan menengah",
                "PEND-K03  Pendidikan kesetaraan", "Ukuran (", "Rumus", "makin tinggi makin baik",
                "APS_5_6_KUINTIL_TERENDAH / APS_5_6_KUINTIL_TERTINGGI x 100");
        assertThat(r.out()).containsPattern("PEND-K01\\.CAPAIAN_APS +outcome +APS_5_6 +persen +100");
        assertThat(r.out()).doesNotContain("KES-K01");
    }

    @Test
    void anUnknownServiceOrFieldOrLanguageIsBadUsage() {
        Result service = pantau("catalog", "--catalogue", SHIPPED, "--service", "KES-K99");
        assertThat(service.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(service.err()).contains("KES-K99", "pantau catalog");

        Result field = pantau("catalog", "--catalogue", SHIPPED, "--field", "AGAMA", "--lang", "en");
        assertThat(field.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(field.err()).contains("AGAMA", "PEND, KES, PU, PERKIM, TRANTIB, SOS");

        Result lang = pantau("catalog", "--catalogue", SHIPPED, "--lang", "fr");
        assertThat(lang.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(lang.err()).contains("--lang");
    }

    @Test
    @DisplayName("catalog check: exit 0 and a one-line summary on the shipped catalogue")
    void checkPassesOnTheShippedCatalogue() {
        Result r = pantau("catalog", "check", "--catalogue", SHIPPED);

        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("Katalog valid: 6 bidang, 43 jenis pelayanan dasar, ").contains(" ukuran, ", " indikator, 2 versi aturan");
        // the entries an officer should still confirm, per field in the order of PP 2/2018
        assertThat(r.out()).containsPattern("Entri belum terverifikasi: \\d+ \\(PEND \\d+, KES \\d+, PU \\d+, PERKIM \\d+, TRANTIB \\d+, SOS \\d+\\)")
                .contains("pantau catalog --unverified");
        assertThat(pantau("catalog", "check", "--catalogue", SHIPPED, "--lang", "en").out())
                .startsWith("Catalogue valid: 6 fields, 43 basic service types, ");
        // the options may also come before the subcommand
        assertThat(pantau("catalog", "--catalogue", SHIPPED, "check").code()).isEqualTo(ExitCodes.OK);
    }

    @Test
    @DisplayName("catalog check: exit 2 on a broken copy, each problem as file:line: message")
    void checkRefusesABrokenCopy() throws IOException {
        int at = brokenCopy("fields/kesehatan.yaml", "kind: output", "kind: hasil");

        Result r = pantau("catalog", "check", "--catalogue", temp.resolve("indicators").toString());

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).contains("Katalog tidak valid: 1 masalah",
                "fields/kesehatan.yaml:" + at + ": services[0]/measures[1]/kind (TERLAYANI): 'hasil' is not one of [input, proses, output, outcome]",
                "pantau catalog check");
        assertThat(r.out()).doesNotContain("Katalog valid");
    }

    @Test
    @DisplayName("catalog check lists every problem, not only the first")
    void checkListsEveryProblem() throws IOException {
        int band = brokenCopy("rules.yaml", "min: 80.00", "min: 80.50");
        Path rules = temp.resolve("indicators/rules.yaml");
        Files.writeString(rules, Files.readString(rules).replace("quality: 20", "quality: 30"));

        Result r = pantau("catalog", "check", "--catalogue", temp.resolve("indicators").toString(), "--lang", "en");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        // the band of 2026.2, and quality 30 in both versions' default and PEND weights: 1 + 2 x 2 = 5
        assertThat(r.out()).contains("Catalogue invalid: 5 problems",
                "rules.yaml:" + band + ": versions[0]/categories/bands[2]/min (TUNTAS_MADYA): indices from 80.00 to 80.49 fall in no band",
                "recipients 80 + quality 30 = 110, not 100");
    }

    @Test
    @DisplayName("catalog on an invalid catalogue prints its problems instead of a table")
    void listingAnInvalidCatalogue() throws IOException {
        int at = brokenCopy("fields/sosial.yaml", "- code: SOS-K05\n", "- code: SOS-K5\n");

        Result r = pantau("catalog", "--catalogue", temp.resolve("indicators").toString());

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("fields/sosial.yaml:" + at + ": ", "'SOS-K5' is not a service code");
    }

    @Test
    void helpListsTheCatalogCommands() {
        assertThat(pantau("--help").out()).contains("catalog");
        Result help = pantau("catalog", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--catalogue", "--lang", "--field", "--service", "check");
        assertThat(pantau("catalog", "check", "--help").out()).contains("berkas:baris: pesan");
        assertThat(pantau("catalog", "check", "--help", "--lang", "en").out()).contains("file:line: message");
    }

    @Test
    @DisplayName("every catalog.* word is in both bundles")
    void bothBundlesHaveTheSameCatalogKeys() throws IOException {
        assertThat(catalogKeys("i18n/messages_en.properties")).isNotEmpty().isEqualTo(catalogKeys("i18n/messages.properties"));
    }

    private static Set<String> catalogKeys(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CatalogCommandTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(in);
        }
        return p.stringPropertyNames().stream().filter(k -> k.startsWith("catalog.")).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    @DisplayName("catalog check counts the unverified entries per field; catalog --unverified lists each with file, line and what to confirm")
    void unverifiedEntries() throws IOException {
        Result all = pantau("catalog", "--catalogue", SHIPPED, "--unverified", "--lang", "en");
        assertThat(all.code()).isEqualTo(ExitCodes.OK);
        assertThat(all.out()).contains("KES Health: ", "fields/kesehatan.yaml:", "KES-K01 mutu PEMERIKSAAN_USG",
                "USG by a doctor", "PU-K02", "OPERATOR_SPALD", "[low confidence]");
        // PU: the field note, PU-P01 SASARAN (people vs liter/detik), the two item lists, the two personnel items = 6
        assertThat(all.out()).contains("PU Public Works: 6 entries not yet verified");

        // marking one more entry raises its field's count by one, and the check names it
        // (the first 6/2024 item of KES-K01, PEMERIKSAAN_LAB_ANTENATAL)
        int line = brokenCopy("fields/kesehatan.yaml", "        since: \"2026.3\"\n        confidence: medium\n",
                "        since: \"2026.3\"\n        confidence: medium\n        unverified: \"checked by no one\"\n") + 2;
        Path copy = temp.resolve("indicators");
        String before = countOf(pantau("catalog", "check", "--catalogue", SHIPPED).out(), "KES");
        Result check = pantau("catalog", "check", "--catalogue", copy.toString());
        assertThat(check.code()).as(check.out()).isEqualTo(ExitCodes.OK);
        assertThat(countOf(check.out(), "KES")).isEqualTo(String.valueOf(Integer.parseInt(before) + 1));
        assertThat(countOf(check.out(), "SOS")).isEqualTo(countOf(pantau("catalog", "check", "--catalogue", SHIPPED).out(), "SOS"));
        Result listed = pantau("catalog", "--catalogue", copy.toString(), "--unverified", "--field", "KES");
        assertThat(listed.out()).contains("fields/kesehatan.yaml:" + line + "  KES-K01 mutu PEMERIKSAAN_LAB_ANTENATAL  [keyakinan sedang]",
                "checked by no one").doesNotContain("sosial.yaml");

        // a confidence outside high, medium, low is refused with its line
        int bad = brokenCopy("fields/pekerjaan-umum.yaml", "        confidence: low", "        confidence: sure");
        Result refused = pantau("catalog", "check", "--catalogue", copy.toString());
        assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.out()).contains("fields/pekerjaan-umum.yaml:" + bad + ": ", "'sure' is not one of [high, medium, low]");
    }

    @Test
    @DisplayName("an item bound to a rule version that does not exist, or ending before it starts, is refused")
    void sinceAndUntilNameRuleVersions() throws IOException {
        int at = brokenCopy("fields/kesehatan.yaml", "        since: \"2026.3\"", "        since: \"2024.1\"");
        Result r = pantau("catalog", "check", "--catalogue", temp.resolve("indicators").toString(), "--lang", "en");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).contains("fields/kesehatan.yaml:" + at + ": ", "'2024.1' is not a rule version of rules.yaml",
                "[2026.2, 2026.3]");
        int until = brokenCopy("fields/kesehatan.yaml", "        since: \"2026.3\"", "        since: \"2026.3\"\n        until: \"2026.2\"");
        Result r2 = pantau("catalog", "check", "--catalogue", temp.resolve("indicators").toString());
        assertThat(r2.out()).contains("fields/kesehatan.yaml:" + (until + 1) + ": ", "until 2026.2 comes before since 2026.3");
    }

    /** The count a summary line gives a field: "SOS 11" -> "11". */
    private static String countOf(String out, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[(, ]" + field + " (\\d+)").matcher(out);
        assertThat(m.find()).as("a count for %s in %s", field, out).isTrue();
        return m.group(1);
    }
}
