package id.pantauspm.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueCheck;
import id.pantauspm.catalogue.CatalogueProblem;
import id.pantauspm.catalogue.LocalizedText;
import id.pantauspm.catalogue.ValueType;
import id.pantauspm.catalogue.YamlTree;
import id.pantauspm.catalogue.YamlTree.Mapping;
import id.pantauspm.catalogue.YamlTree.Node;
import id.pantauspm.catalogue.YamlTree.Property;
import id.pantauspm.catalogue.YamlTree.Scalar;
import id.pantauspm.catalogue.YamlTree.Sequence;

/**
 * Reads the layouts folder (one layout per {@code *.yaml}) and checks every file as the catalogue is
 * checked: all problems at once, each with its file and line and what to write instead. A layout
 * names measures of the catalogue, so it is checked against it.
 */
public final class LayoutFiles {

    /** The layouts folder inside the catalogue folder. */
    public static final String FOLDER = "layouts";

    /** The layouts read, and every problem found (when any, no layout should be used). */
    public record Loaded(List<LayoutSpec> layouts, List<CatalogueProblem> problems) {
    }

    private final Catalogue catalogue;
    private final List<CatalogueProblem> problems = new ArrayList<>();

    private LayoutFiles(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Every layout of the folder; a missing folder has none. */
    public static Loaded read(Path folder, Catalogue catalogue) {
        LayoutFiles files = new LayoutFiles(catalogue);
        List<LayoutSpec> layouts = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Loaded(List.of(), List.of());
        }
        List<Path> yaml;
        try (Stream<Path> list = Files.list(folder)) {
            yaml = list.filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            return new Loaded(List.of(), List.of(new CatalogueProblem(FOLDER + "/", 0, "cannot list the folder: " + e.getMessage())));
        }
        Map<String, String> codes = new LinkedHashMap<>();
        for (Path p : yaml) {
            String name = FOLDER + "/" + p.getFileName();
            LayoutSpec spec = files.read(name, p);
            if (spec != null) {
                String first = codes.putIfAbsent(spec.code(), name);
                if (first != null) {
                    files.problems.add(new CatalogueProblem(name, 1, "code " + spec.code() + " is already the layout of " + first
                            + "; give each layout its own code"));
                } else {
                    layouts.add(spec);
                }
            }
        }
        return new Loaded(List.copyOf(layouts), List.copyOf(files.problems));
    }

    private LayoutSpec read(String name, Path path) {
        YamlTree.Document doc;
        try {
            doc = YamlTree.parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(new CatalogueProblem(name, 0, "cannot be read: " + e.getMessage()));
            return null;
        } catch (YamlTree.SyntaxError e) {
            problems.add(new CatalogueProblem(name, e.line(), "not valid YAML: " + e.getMessage()
                    + "; check the indentation (spaces, not tabs), quotes and brackets here or just above"));
            return null;
        }
        doc.issues().forEach(i -> problems.add(new CatalogueProblem(name, i.line(), i.message())));
        if (!(doc.root() instanceof Mapping root)) {
            problems.add(new CatalogueProblem(name, 1, "expected a layout (code:, name:, source:, match:, region:, period:, columns: or rows:)"));
            return null;
        }
        int before = problems.size();
        At at = new At(name, "", root);
        at.allowOnly("code", "name", "source", "match", "region", "period", "service", "sum_over", "skip_rows",
                "zero_means_missing", "columns", "rows");
        String code = at.text("code", "the layout's code, e.g. code: SATU_DATA_JAKARTA_SPM");
        if (code != null && !CatalogueCheck.CODE.matcher(code).matches()) {
            at.problem("code", "'" + code + "' is not a valid code: use capital letters, digits and _, starting with a letter");
        }
        LocalizedText title = at.localized("name");
        String source = at.text("source", "say where files of this shape come from, e.g. source: \"Satu Data DKI Jakarta, dataset SPM\"");
        LayoutSpec.Match match = match(at.child("match", true, "add match: {headers: [..]} with headers every such file has"));
        LayoutSpec.Place region = place(at, "region", false);
        // indicator rows take their periods from the period columns' headers
        LayoutSpec.Place period = at.map.property("rows") != null && at.map.property("period") == null ? null : place(at, "period", false);
        LayoutSpec.Place service = at.map.property("service") == null ? null : place(at, "service", true);
        List<String> sumOver = at.headers("sum_over", false);
        LayoutSpec.SkipRows skip = null;
        At skipAt = at.child("skip_rows", false, null);
        if (skipAt != null) {
            skipAt.allowOnly("column", "matching");
            String column = skipAt.text("column", "the header of the column to look at, e.g. column: puskesmas");
            Pattern matching = skipAt.pattern("matching", true);
            if (column != null && matching != null) {
                skip = new LayoutSpec.SkipRows(LayoutSpec.header(column), matching);
            }
        }
        boolean zeroMissing = at.bool("zero_means_missing");
        List<LayoutSpec.ValueColumn> columns = new ArrayList<>();
        LayoutSpec.RowBlocks rows = null;
        boolean hasColumns = at.map.property("columns") != null;
        boolean hasRows = at.map.property("rows") != null;
        if (hasColumns == hasRows) {
            at.problem(null, "give either columns: (a value per column) or rows: (indicator rows with a column per period), not "
                    + (hasColumns ? "both" : "neither"));
        }
        if (hasColumns) {
            for (At c : at.list("columns")) {
                LayoutSpec.ValueColumn column = valueColumn(c, !sumOver.isEmpty(), service);
                if (column != null) {
                    columns.add(column);
                }
            }
        }
        if (hasRows) {
            At r = at.child("rows", true, null);
            if (r != null) {
                r.allowOnly("label", "periods_matching");
                String label = r.text("label", "the header of the column naming each row, e.g. label: indikator");
                Pattern periods = r.pattern("periods_matching", true);
                if (label != null && periods != null) {
                    rows = new LayoutSpec.RowBlocks(LayoutSpec.header(label), periods);
                }
            }
        }
        if (problems.size() > before || code == null || match == null) {
            return null;
        }
        return new LayoutSpec(code, title, source, name, match, region, period, service, sumOver, skip, zeroMissing,
                List.copyOf(columns), rows);
    }

    private LayoutSpec.Match match(At m) {
        if (m == null) {
            return null;
        }
        m.allowOnly("headers", "file_name", "folder");
        List<String> headers = m.headers("headers", true);
        List<String> shown = m.map.get("headers") instanceof Sequence seq
                ? seq.items().stream().filter(i -> i instanceof Scalar sc && !sc.isNull()).map(i -> ((Scalar) i).text().trim()).toList()
                : List.of();
        Pattern fileName = m.pattern("file_name", false);
        String folder = m.map.get("folder") instanceof Scalar s && !s.isNull() ? s.text().trim() : null;
        return headers.isEmpty() ? null : new LayoutSpec.Match(headers, fileName, folder, shown);
    }

    /** region:, period: or service: — exactly one of column, fixed, cell, file_name. */
    private LayoutSpec.Place place(At at, String key, boolean service) {
        At p = at.child(key, true, "add " + key + ": {column: ...}, {fixed: ...}, {cell: B2} or {file_name: \"pattern\"}");
        if (p == null) {
            return null;
        }
        p.allowOnly("column", "fixed", "cell", "file_name");
        List<LayoutSpec.Place> given = new ArrayList<>();
        for (Property prop : p.map.all()) {
            String v = prop.value() instanceof Scalar s && !s.isNull() ? s.text().trim() : null;
            if (v == null || v.isEmpty()) {
                p.problem(prop.key(), "empty; give a value");
                continue;
            }
            switch (prop.key()) {
                case "column" -> given.add(new LayoutSpec.Place(LayoutSpec.Source.COLUMN, LayoutSpec.header(v)));
                case "fixed" -> {
                    if (service && catalogue.service(v).isEmpty()) {
                        p.problem("fixed", "'" + v + "' is not a service code of the catalogue, e.g. KES-K08");
                    }
                    given.add(new LayoutSpec.Place(LayoutSpec.Source.FIXED, v));
                }
                case "cell" -> {
                    if (!v.matches("(?i)[A-Z]{1,3}[1-9]\\d{0,5}")) {
                        p.problem("cell", "'" + v + "' is not a cell; write it as a spreadsheet shows it, e.g. cell: B2");
                    }
                    given.add(new LayoutSpec.Place(LayoutSpec.Source.CELL, v.toUpperCase(Locale.ROOT)));
                }
                case "file_name" -> {
                    if (service && v.equalsIgnoreCase("words")) {
                        given.add(new LayoutSpec.Place(LayoutSpec.Source.WORDS, "words"));
                    } else if (service) {
                        p.problem("file_name", "a service is read from the file name by its words: write file_name: words");
                    } else if (p.pattern("file_name", true) != null) {
                        given.add(new LayoutSpec.Place(LayoutSpec.Source.FILE_NAME, v));
                    }
                }
                default -> { }
            }
        }
        if (given.size() != 1) {
            if (given.size() > 1) {
                p.problem(null, "give one of column, fixed, cell or file_name, not " + given.size());
            } else if (p.map.all().isEmpty()) {
                p.problem(null, "give one of column, fixed, cell or file_name");
            }
            return null;
        }
        return given.get(0);
    }

    private LayoutSpec.ValueColumn valueColumn(At c, boolean summed, LayoutSpec.Place service) {
        c.allowOnly("header", "header_matching", "measure");
        boolean byHeader = c.map.property("header") != null;
        boolean byPattern = c.map.property("header_matching") != null;
        if (byHeader == byPattern) {
            c.problem(null, "give header: (one column) or header_matching: (a pattern), not " + (byHeader ? "both" : "neither"));
            return null;
        }
        String header = byHeader ? c.text("header", "the column's header as the file writes it") : null;
        Pattern matching = byPattern ? c.pattern("header_matching", true) : null;
        String measure = c.text("measure", "a measure such as SASARAN, a full code such as KES-K08.SASARAN, or by_words");
        if (measure == null) {
            return null;
        }
        if (measure.equalsIgnoreCase("by_words")) {
            return new LayoutSpec.ValueColumn(header == null ? null : LayoutSpec.header(header), matching, null);
        }
        String code = measure.toUpperCase(Locale.ROOT);
        ValueType type = null;
        if (code.contains(".")) {
            var m = catalogue.measure(code);
            if (m.isEmpty()) {
                c.problem("measure", "'" + measure + "' is not a measure of the catalogue (pantau catalog --service ... lists them)");
                return null;
            }
            type = m.get().type();
        } else {
            var any = catalogue.measures().stream().filter(m -> m.localCode().equals(code)).findFirst();
            if (any.isEmpty()) {
                c.problem("measure", "'" + measure + "' is not a measure every service has (e.g. SASARAN, TERLAYANI, CAPAIAN_DILAPORKAN)");
                return null;
            }
            type = any.get().type(); // the service then comes from service:, else the header's words, else the file name's
        }
        if (summed && type != ValueType.COUNT && type != ValueType.AMOUNT) {
            c.problem("measure", code + " is a " + type.name().toLowerCase(Locale.ROOT) + ": only counts and amounts can be summed"
                    + " over sub-regions (sum_over); leave this column out, the region's achievement is computed from the counts");
            return null;
        }
        return new LayoutSpec.ValueColumn(header == null ? null : LayoutSpec.header(header), matching, code);
    }

    /** A located entry of a layout file, reporting problems with file, line and path. */
    private final class At {
        final String file;
        final String path;
        final Mapping map;

        At(String file, String path, Mapping map) {
            this.file = file;
            this.path = path;
            this.map = map;
        }

        void problem(String key, String what) {
            Property p = key == null ? null : map.property(key);
            int line = p == null ? map.line() : p.line();
            String where = key == null ? path : path.isEmpty() ? key : path + "/" + key;
            problems.add(new CatalogueProblem(file, line, (where.isEmpty() ? "" : where + ": ") + what));
        }

        void allowOnly(String... keys) {
            List<String> allowed = List.of(keys);
            for (Property p : map.all()) {
                if (!allowed.contains(p.key())) {
                    problems.add(new CatalogueProblem(file, p.line(), (path.isEmpty() ? "" : path + "/") + p.key()
                            + ": unknown key; expected " + String.join(", ", allowed)));
                }
            }
        }

        String text(String key, String fix) {
            Node n = map.get(key);
            if (!(n instanceof Scalar s) || s.isNull() || s.text().isBlank()) {
                problem(key, (n == null ? "missing" : "expected a single value") + "; " + fix);
                return null;
            }
            return s.text().trim();
        }

        boolean bool(String key) {
            Node n = map.get(key);
            if (n == null) {
                return false;
            }
            if (n instanceof Scalar s && ("true".equalsIgnoreCase(s.text()) || "false".equalsIgnoreCase(s.text()))) {
                return Boolean.parseBoolean(s.text().trim());
            }
            problem(key, "expected true or false");
            return false;
        }

        LocalizedText localized(String key) {
            At n = child(key, true, "add " + key + ": {id: \"...\", en: \"...\"}");
            if (n == null) {
                return null;
            }
            n.allowOnly("id", "en");
            String id = n.text("id", "the text in Bahasa Indonesia");
            String en = n.text("en", "the text in English");
            return id == null || en == null ? null : new LocalizedText(id, en);
        }

        Pattern pattern(String key, boolean required) {
            Node n = map.get(key);
            if (n == null && !required) {
                return null;
            }
            String t = text(key, "a pattern (Java regular expression), e.g. \"^(jumlah|total)\"");
            if (t == null) {
                return null;
            }
            try {
                return Pattern.compile(t, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                problem(key, "'" + t + "' is not a valid pattern: " + e.getDescription());
                return null;
            }
        }

        At child(String key, boolean required, String fix) {
            Node n = map.get(key);
            if (n == null || n instanceof Scalar s && s.isNull()) {
                if (required) {
                    problem(key, "missing; " + fix);
                }
                return null;
            }
            if (!(n instanceof Mapping m)) {
                problem(key, "expected keys (key: value); " + fix);
                return null;
            }
            return new At(file, path.isEmpty() ? key : path + "/" + key, m);
        }

        List<At> list(String key) {
            Node n = map.get(key);
            if (!(n instanceof Sequence seq) || seq.items().isEmpty()) {
                problem(key, "expected a list (lines starting with -)");
                return List.of();
            }
            List<At> items = new ArrayList<>();
            for (int i = 0; i < seq.items().size(); i++) {
                if (seq.items().get(i) instanceof Mapping m) {
                    items.add(new At(file, (path.isEmpty() ? key : path + "/" + key) + "[" + i + "]", m));
                } else {
                    problems.add(new CatalogueProblem(file, seq.items().get(i).line(), key + "[" + i + "]: expected an entry with keys"));
                }
            }
            return items;
        }

        /** A list of column headers, normalised. */
        List<String> headers(String key, boolean required) {
            Node n = map.get(key);
            if (n == null) {
                if (required) {
                    problem(key, "missing; list the column headers, e.g. [periode_data, wilayah]");
                }
                return List.of();
            }
            if (!(n instanceof Sequence seq) || seq.items().isEmpty()) {
                problem(key, "expected a list of column headers, e.g. [periode_data, wilayah]");
                return List.of();
            }
            List<String> headers = new ArrayList<>();
            for (Node item : seq.items()) {
                if (item instanceof Scalar s && !s.isNull() && !s.text().isBlank()) {
                    headers.add(LayoutSpec.header(s.text()));
                } else {
                    problems.add(new CatalogueProblem(file, item.line(), key + ": expected a column header"));
                }
            }
            return headers;
        }
    }
}
