package id.pantauspm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueException;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.catalogue.Field;
import id.pantauspm.catalogue.IkmRules;
import id.pantauspm.catalogue.IkmRulesLoader;
import id.pantauspm.period.Period;
import id.pantauspm.regions.Region;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.template.IkmTemplateWriter;
import id.pantauspm.template.TemplateText;
import id.pantauspm.template.TemplateWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `pantau template`: writes fill-in templates (layout 2) for offices. Needs no database. */
@Command(name = "template", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write fill-in templates (layout 2 of the submission contract): one .xlsx workbook per region "
                + "and period, with a sheet per SPM field listing every measure and an empty, validated value column. "
                + "Offices fill in the values and drop the file into the inbox; `pantau run` reads it back. "
                + "Needs no database."},
        footer = {"%nExamples:",
                "  pantau template --region 33.74 --period 2026-TW3",
                "  pantau template --region 33 --period 2026 --field KES --lang en",
                "  pantau template --region '33.*' --period 2026-TW3 --out templates/",
                "  pantau template --region all --period 2026 --out templates/",
                "  pantau template --ikm --region 33.74 --period 2025 --unit 'Puskesmas Halmahera'"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:templates written (or already there)", "1:a file could not be written",
                "2:bad usage: unknown region, period or field, or an invalid catalogue"})
public class TemplateCommand implements Callable<Integer> {


    @Option(names = "--region", required = true, split = ",", paramLabel = "CODE",
            description = {"Which regions, separated by commas: a kabupaten/kota (33.74), a province (33: its own provinsi "
                    + "services), PP.* for every kabupaten/kota of province PP (33.*; quote it in a shell), "
                    + "or all for every province and kabupaten/kota of the country (38 + 514 files)."})
    List<String> regions;

    @Option(names = "--period", required = true, paramLabel = "PERIOD",
            description = "The period the values are for: 2026, 2026-TW3 (or 2026-Q3), 2026-S1, 2026-07.")
    String period;

    @Option(names = "--field", paramLabel = "FIELD",
            description = "Only this SPM field: PEND, KES, PU, PERKIM, TRANTIB or SOS. Default: every field.")
    String field;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
            description = "Folder to write into (created if missing). Default: the current folder.")
    Path outDir;

    @Option(names = "--catalogue", paramLabel = "DIR",
            description = "The SPM catalogue folder. Default: PANTAU_CATALOGUE, else PANTAU_HOME/indicators, else ./indicators.")
    Path catalogue;

    @Option(names = "--lang", paramLabel = "id|en", description = "Language of the template. Default: PANTAU_LANG, else id.")
    String lang;

    @Option(names = "--ikm", description = "Write the community satisfaction survey template (IKM, PermenPAN-RB 14/2017) "
            + "instead: one row per respondent, U1..U9 scored 1-4, read back by `pantau run` like any survey.")
    boolean ikm;

    @Option(names = "--unit", paramLabel = "NAME", description = "With --ikm: the service unit surveyed, written into the template.")
    String unit;

    @Option(names = "--overwrite", description = "Replace templates already in the folder. Default: keep them (a filled copy may have been saved there).")
    boolean overwrite;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> env = System.getenv();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String language = lang != null ? lang : env.getOrDefault("PANTAU_LANG", "id");
        Languages.check(language, spec.commandLine());
        Locale locale = Locale.forLanguageTag(language);
        TemplateText text = TemplateText.of(locale);

        Catalogue cat;
        try {
            cat = new CatalogueLoader().load(catalogueFolder(catalogue, env));
        } catch (CatalogueException e) {
            err.println(text.get("template.cli.catalogue_invalid", e.getMessage()));
            return ExitCodes.USAGE;
        }
        Optional<Period> p = Period.parse(period);
        if (p.isEmpty()) {
            err.println(text.get("template.cli.period_unreadable", period));
            return ExitCodes.USAGE;
        }
        if (ikm) {
            return writeIkm(p.get(), locale, text, env, out, err);
        }
        String fieldCode = null;
        if (field != null) {
            fieldCode = field.trim().toUpperCase(Locale.ROOT);
            if (cat.field(fieldCode).isEmpty()) {
                err.println(text.get("template.cli.field_unknown", field,
                        String.join(", ", cat.fields().stream().map(Field::code).toList())));
                return ExitCodes.USAGE;
            }
        }
        RegionDirectory directory = RegionDirectory.official();
        Set<Region> targets = new LinkedHashSet<>();
        for (String token : regions) {
            List<Region> found = select(directory, token.trim());
            if (found.isEmpty()) {
                err.println(text.get("template.cli.region_unknown", token.trim()));
                return ExitCodes.USAGE;
            }
            targets.addAll(found);
        }
        TemplateWriter writer = new TemplateWriter(cat, locale);
        for (Region region : targets) {
            if (writer.fieldsFor(region, fieldCode).isEmpty()) {
                err.println(text.get("template.cli.field_none", fieldCode, region.code() + " " + region.name()));
                return ExitCodes.USAGE;
            }
        }

        int written = 0;
        int kept = 0;
        for (Region region : targets) {
            Path target = outDir.resolve(writer.fileName(region, p.get(), fieldCode));
            if (!overwrite && Files.exists(target)) {
                out.println(text.get("template.cli.kept", target));
                kept++;
                continue;
            }
            try {
                out.println(text.get("template.cli.written", writer.write(region, p.get(), fieldCode, outDir)));
                written++;
            } catch (IOException | RuntimeException e) {
                err.println(text.get("template.cli.write_failed", target, String.valueOf(e.getMessage())));
                return ExitCodes.FAILED;
            }
        }
        out.println(text.get("template.cli.summary", written, outDir.toAbsolutePath().normalize()));
        if (kept > 0) {
            out.println(text.get("template.cli.summary.kept", kept));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** `--ikm`: one survey template per region named, with the unit given; the catalogue's IKM rules decide its unsur. */
    private int writeIkm(Period p, Locale locale, TemplateText text, Map<String, String> env, PrintWriter out, PrintWriter err) {
        IkmRules rules;
        try {
            rules = new IkmRulesLoader().load(catalogueFolder(catalogue, env));
        } catch (CatalogueException e) {
            err.println(text.get("template.cli.catalogue_invalid", e.getMessage()));
            return ExitCodes.USAGE;
        }
        RegionDirectory directory = RegionDirectory.official();
        Set<Region> targets = new LinkedHashSet<>();
        for (String token : regions) {
            List<Region> found = select(directory, token.trim());
            if (found.isEmpty()) {
                err.println(text.get("template.cli.region_unknown", token.trim()));
                return ExitCodes.USAGE;
            }
            targets.addAll(found);
        }
        IkmTemplateWriter writer = new IkmTemplateWriter(rules.current(), locale);
        int written = 0;
        for (Region region : targets) {
            Path target = outDir.resolve(writer.fileName(region, p, unit));
            if (!overwrite && Files.exists(target)) {
                out.println(text.get("template.cli.kept", target));
                continue;
            }
            try {
                out.println(text.get("template.cli.written", writer.write(region, p, unit, outDir)));
                written++;
            } catch (IOException | RuntimeException e) {
                err.println(text.get("template.cli.write_failed", target, String.valueOf(e.getMessage())));
                return ExitCodes.FAILED;
            }
        }
        out.println(text.get("template.cli.summary", written, outDir.toAbsolutePath().normalize()));
        out.flush();
        return ExitCodes.OK;
    }

    /** The regions one --region token names; empty when it names none. */
    static List<Region> select(RegionDirectory directory, String token) {
        if (token.equalsIgnoreCase("all")) {
            return directory.all().stream().sorted(Comparator.comparing(Region::code)).toList();
        }
        if (token.endsWith(".*")) {
            String province = token.substring(0, token.length() - 2);
            return directory.find(province).filter(Region::isProvince)
                    .map(r -> directory.regenciesOf(r.code())).orElse(List.of());
        }
        return directory.resolve(token).map(r -> List.of(r.region())).orElse(List.of());
    }

    /** --catalogue as given; else PANTAU_CATALOGUE (against PANTAU_HOME), PANTAU_HOME/indicators, ./indicators. */
    static Path catalogueFolder(Path option, Map<String, String> env) {
        return CatalogueFolder.resolve(option, env);
    }
}
