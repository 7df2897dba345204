package id.pantauspm.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueCheck;
import id.pantauspm.catalogue.CatalogueException;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.catalogue.CatalogueProblem;
import id.pantauspm.catalogue.Field;
import id.pantauspm.catalogue.Formula;
import id.pantauspm.catalogue.Indicator;
import id.pantauspm.catalogue.LocalizedText;
import id.pantauspm.report.Messages;
import id.pantauspm.catalogue.Measure;
import id.pantauspm.catalogue.ServiceType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `pantau catalog`: the SPM catalogue as readable tables, and `pantau catalog check`: whether it can
 * be used. Neither needs Spring or the database: the catalogue folder is read directly.
 */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        subcommands = {CatalogCommand.Check.class})
public class CatalogCommand implements Callable<Integer> {


    @Option(names = "--catalogue", paramLabel = "DIR")
    Path catalogue;

    @Option(names = "--lang", paramLabel = "id|en")
    String lang;

    @Option(names = "--field", paramLabel = "FIELD")
    String field;

    @Option(names = "--service", paramLabel = "SERVICE")
    String service;

    @Option(names = "--unverified")
    boolean unverified;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Text text = new Text(locale(lang, spec.commandLine()));
        Path folder = folder(catalogue);
        Catalogue c;
        try {
            c = new CatalogueLoader().load(folder);
        } catch (CatalogueException e) {
            printProblems(err, text, folder, e.problems());
            return ExitCodes.USAGE;
        }
        if (unverified) {
            printUnverified(out, text, c, field == null ? null : field.trim().toUpperCase(Locale.ROOT));
        } else if (service != null) {
            Optional<ServiceType> s = c.service(service.trim().toUpperCase(Locale.ROOT));
            if (s.isEmpty()) {
                err.println(text.get("catalog.unknown_service", service));
                return ExitCodes.USAGE;
            }
            printService(out, text, c, s.get());
        } else if (field != null) {
            Optional<Field> f = c.field(field.trim().toUpperCase(Locale.ROOT));
            if (f.isEmpty()) {
                err.println(text.get("catalog.unknown_field", field,
                        fields(c).stream().map(Field::code).collect(Collectors.joining(", "))));
                return ExitCodes.USAGE;
            }
            printField(out, text, f.get(), latest(c));
            for (ServiceType s : f.get().services()) {
                out.println();
                printService(out, text, c, s);
            }
        } else {
            printOverview(out, text, c, folder);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** `pantau catalog check`: every problem of the catalogue with its file and line, or a one-line summary. */
    @Command(name = "check", mixinStandardHelpOptions = true)
    static class Check implements Callable<Integer> {

        @Option(names = "--catalogue", paramLabel = "DIR")
        Path catalogue;

        @Option(names = "--lang", paramLabel = "id|en")
        String lang;

        @CommandLine.ParentCommand
        CatalogCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Text text = new Text(locale(lang != null ? lang : parent.lang, spec.commandLine()));
            Path folder = folder(catalogue != null ? catalogue : parent.catalogue);
            Catalogue c;
            try {
                c = new CatalogueLoader().load(folder);
            } catch (CatalogueException e) {
                printProblems(out, text, folder, e.problems());
                return ExitCodes.USAGE;
            }
            out.println(text.get("catalog.check.valid", c.fields().size(), c.services().size(), c.measures().size(),
                    indicatorCount(c), c.ruleSets().size(), folder));
            out.println(unverifiedSummary(text, c));
            out.flush();
            return ExitCodes.OK;
        }
    }

    // ------------------------------------------------------------------ settings

    static Locale locale(String lang, CommandLine cli) {
        return Languages.resolve(lang, cli);
    }

    static Path folder(Path given) {
        return CatalogueFolder.resolve(given);
    }

    // ------------------------------------------------------------------ output

    static void printProblems(PrintWriter w, Text text, Path folder, List<CatalogueProblem> problems) {
        w.println(text.get("catalog.check.invalid", problems.size(), folder));
        for (CatalogueProblem p : problems) {
            w.println(p);
        }
        w.println(text.get("catalog.check.fix"));
        w.flush();
    }

    /** One line: how many entries are still marked unverified, per field in the order of PP 2/2018. */
    static String unverifiedSummary(Text text, Catalogue c) {
        if (c.unverified().isEmpty()) {
            return text.get("catalog.unverified.none");
        }
        String perField = fields(c).stream().map(f -> f.code() + " " + c.unverified().stream()
                .filter(u -> u.fieldCode().equals(f.code())).count()).collect(Collectors.joining(", "));
        return text.get("catalog.unverified.summary", c.unverified().size(), perField);
    }

    /** `pantau catalog --unverified`: every entry an SPM officer should still confirm, with file, line and what. */
    private static void printUnverified(PrintWriter out, Text text, Catalogue c, String fieldCode) {
        out.println(unverifiedSummary(text, c));
        for (Field f : fields(c)) {
            if (fieldCode != null && !fieldCode.equals(f.code())) {
                continue;
            }
            List<id.pantauspm.catalogue.Unverified> entries = c.unverified().stream()
                    .filter(u -> u.fieldCode().equals(f.code())).toList();
            if (entries.isEmpty()) {
                continue;
            }
            out.println();
            out.println(text.get("catalog.unverified.field", f.code(), text.name(f.name()), entries.size()));
            for (id.pantauspm.catalogue.Unverified u : entries) {
                out.println("  " + u.file() + ":" + u.line() + "  " + u.entry()
                        + (u.confidence() == null ? "" : "  [" + text.get("catalog.confidence." + u.confidence()) + "]"));
                out.println("      " + u.note());
            }
        }
    }

    /** The newest rule version: what the overview counts (a current template asks for these). */
    private static String latest(Catalogue c) {
        return c.ruleSets().get(c.ruleSets().size() - 1).version();
    }

    /** Blank for an entry of every version, else the versions it applies in. */
    private static String versions(id.pantauspm.catalogue.InForce inForce) {
        return inForce.always() ? "" : String.join(", ", inForce.versions());
    }

    private static void printOverview(PrintWriter out, Text text, Catalogue c, Path folder) {
        out.println(text.get("catalog.title", folder));
        out.println(text.get("catalog.totals", c.fields().size(), c.services().size(), c.measures().size(), indicatorCount(c)));
        c.ruleSets().forEach(r -> out.println(text.get("catalog.rules", r.version(), r.validFrom(),
                r.validTo() == null ? text.get("catalog.open_ended") : r.validTo())));
        for (Field f : fields(c)) {
            out.println();
            printField(out, text, f, latest(c));
        }
        out.println();
        out.println(text.get("catalog.counts_in", latest(c)));
        out.println(unverifiedSummary(text, c));
    }

    private static void printField(PrintWriter out, Text text, Field f, String version) {
        out.println(text.get("catalog.field", f.code(), text.name(f.name()), f.services().size()));
        Table t = new Table(text.get("catalog.col.code"), text.get("catalog.col.level"), text.get("catalog.col.measures"),
                text.get("catalog.col.mutu"), text.get("catalog.col.indicators"), text.get("catalog.col.service"))
                .rightAligned(2, 3, 4);
        for (ServiceType s : f.services()) {
            t.row(s.code(), text.get("catalog.level." + s.level()), s.measuresIn(version).size(), s.mutuIn(version).size(),
                    s.indicatorsIn(version).size(),
                    text.name(s.name()));
        }
        t.print(out, "  ");
    }

    private static void printService(PrintWriter out, Text text, Catalogue c, ServiceType s) {
        out.println(s.code() + "  " + text.name(s.name()));
        Field f = c.field(s.fieldCode()).orElseThrow();
        out.println("  " + text.get("catalog.service.field", f.code(), text.name(f.name())));
        out.println("  " + text.get("catalog.service.level", text.get("catalog.level." + s.level())));
        out.println("  " + text.get("catalog.service.recipients", text.name(s.recipients())));
        out.println("  " + text.get("catalog.service.regulation", s.regulation()));
        if (s.mutuNote() != null) {
            out.println("  " + text.get("catalog.service.mutu_note", text.name(s.mutuNote())));
        }

        out.println();
        out.println("  " + text.get("catalog.service.measures", s.measures().size()));
        Table measures = new Table(text.get("catalog.col.code"), text.get("catalog.col.kind"), text.get("catalog.col.type"),
                text.get("catalog.col.unit"), text.get("catalog.col.accumulation"), text.get("catalog.col.versions"),
                text.get("catalog.col.name"));
        for (Measure m : s.measures()) {
            measures.row(m.code(), text.get("catalog.kind." + m.kind()), text.get("catalog.type." + m.type()), m.unit(),
                    text.get("catalog.accumulation." + m.accumulation()), versions(m.inForce()), text.name(m.name()));
        }
        measures.print(out, "  ");
        if (!s.mutu().isEmpty()) {
            out.println("  " + text.get("catalog.service.mutu_hint"));
            if (s.mutu().stream().anyMatch(m -> !m.inForce().always())) {
                out.println("  " + text.get("catalog.service.versions_hint"));
            }
        }

        out.println();
        out.println("  " + text.get("catalog.service.indicators", s.indicators().size()));
        Table indicators = new Table(text.get("catalog.col.code"), text.get("catalog.col.kind"), text.get("catalog.col.formula"),
                text.get("catalog.col.unit"), text.get("catalog.col.target"), text.get("catalog.col.direction"),
                text.get("catalog.col.name")).rightAligned(4);
        for (Indicator i : s.indicators()) {
            indicators.row(i.code(), text.get("catalog.kind." + i.kind()), formula(s.code(), i.formula()), i.unit(),
                    i.comparative() ? text.get("catalog.target.improves", i.improvesOnYearsBefore()) : plain(i.target()),
                    text.get("catalog.direction." + i.direction()), text.name(i.name()));
        }
        indicators.print(out, "  ");
    }

    /** {@code TERLAYANI / SASARAN x 100}: measures of the service by their own code, others by their full code. */
    static String formula(String serviceCode, Formula formula) {
        if (formula instanceof Formula.Ratio r) {
            return local(serviceCode, r.numerator()) + " / " + local(serviceCode, r.denominator())
                    + (r.factor().compareTo(BigDecimal.ONE) == 0 ? "" : " x " + plain(r.factor()));
        }
        return formula.measures().stream().map(m -> local(serviceCode, m)).collect(Collectors.joining(" + "));
    }

    private static String local(String serviceCode, String measure) {
        String prefix = serviceCode + ".";
        return measure.startsWith(prefix) ? measure.substring(prefix.length()) : measure;
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /** Fields in the order of PP 2/2018 (Pasal 5 to 10), whatever the file names. */
    private static List<Field> fields(Catalogue c) {
        List<Field> fields = new ArrayList<>(c.fields());
        fields.sort(Comparator.comparingInt(f -> {
            int at = CatalogueCheck.FIELD_CODES.indexOf(f.code());
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        return fields;
    }

    private static int indicatorCount(Catalogue c) {
        return c.services().stream().mapToInt(s -> s.indicators().size()).sum();
    }

    /** The words of the message bundles (i18n/messages*.properties) in one language, as `pantau run` reads them. */
    static final class Text {

        private static final MessageSource MESSAGES = Messages.create();

        private final Locale locale;

        Text(Locale locale) {
            this.locale = locale;
        }

        String get(String key, Object... args) {
            return MESSAGES.getMessage(key, args, locale);
        }

        String name(LocalizedText text) {
            return text.in(locale);
        }
    }

    /** A plain-text table: columns as wide as their widest cell, two spaces apart; the last column runs free. */
    static final class Table {

        private final List<String[]> rows = new ArrayList<>();
        private final boolean[] right;

        Table(String... headers) {
            rows.add(headers);
            right = new boolean[headers.length];
        }

        Table rightAligned(int... columns) {
            for (int c : columns) {
                right[c] = true;
            }
            return this;
        }

        Table row(Object... cells) {
            String[] r = new String[cells.length];
            for (int i = 0; i < cells.length; i++) {
                r[i] = cells[i] == null ? "" : String.valueOf(cells[i]);
            }
            rows.add(r);
            return this;
        }

        void print(PrintWriter out, String indent) {
            int columns = rows.get(0).length;
            int[] width = new int[columns];
            for (String[] r : rows) {
                for (int i = 0; i < columns; i++) {
                    width[i] = Math.max(width[i], r[i].length());
                }
            }
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder(indent);
                for (int i = 0; i < columns; i++) {
                    boolean last = i == columns - 1;
                    String cell = r[i];
                    String pad = " ".repeat(width[i] - cell.length());
                    if (right[i]) {
                        line.append(pad).append(cell);
                    } else {
                        line.append(cell);
                        if (!last) {
                            line.append(pad);
                        }
                    }
                    if (!last) {
                        line.append("  ");
                    }
                }
                out.println(line.toString().stripTrailing());
            }
        }
    }
}
