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
@Command(name = "template", mixinStandardHelpOptions = true, sortOptions = false)
public class TemplateCommand implements Callable<Integer> {


    @Option(names = "--region", required = true, split = ",", paramLabel = "CODE")
    List<String> regions;

    @Option(names = "--period", required = true, paramLabel = "PERIOD")
    String period;

    @Option(names = "--field", paramLabel = "FIELD")
    String field;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".")
    Path outDir;

    @Option(names = "--catalogue", paramLabel = "DIR")
    Path catalogue;

    @Option(names = "--lang", paramLabel = "id|en")
    String lang;

    @Option(names = "--ikm")
    boolean ikm;

    @Option(names = "--unit", paramLabel = "NAME")
    String unit;

    @Option(names = "--overwrite")
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
