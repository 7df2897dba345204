package id.pantauspm.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueException;
import id.pantauspm.catalogue.IkmRules;

/**
 * Which layout each sheet of a file is in. A file whose first row is the template's marker is the
 * template (layout 2). Otherwise, on each sheet, the first row that is a layout's header decides,
 * trying in order: layout 1 (one value per row), the layouts described in the layouts folder
 * (those whose file-name pattern and inbox subfolder fit the file), and last the reading by words
 * of the headers ({@link DataLayout#byWords()}), which needs no configuration. A file none of them
 * reads is refused with the headers found, the nearest layout and what it lacks.
 */
public final class Layouts {

    private final Catalogue catalogue;
    private final List<LayoutSpec> specs;
    private final IkmRules ikm;

    private Layouts(Catalogue catalogue, List<LayoutSpec> specs, IkmRules ikm) {
        this.catalogue = catalogue;
        this.specs = List.copyOf(specs);
        this.ikm = ikm;
    }

    /** Layout 1 and the template only (no catalogue words, no layouts folder). */
    public static Layout detecting() {
        return new Detecting(List.of(new TabularLayout()), List.of());
    }

    /** Layout 1, the template and a community satisfaction survey (IKM), recognised by its header row. */
    public static Layout detecting(IkmRules ikm) {
        return new Detecting(List.of(new TabularLayout(), new SurveyLayout(ikm)), List.of());
    }

    public static Layouts of(Catalogue catalogue, List<LayoutSpec> specs) {
        return new Layouts(catalogue, specs, null);
    }

    /** The same layouts, with community satisfaction surveys (IKM) read beside them. */
    public Layouts withSurveys(IkmRules rules) {
        return new Layouts(catalogue, specs, rules);
    }

    /**
     * The layouts of a folder, checked against the catalogue.
     *
     * @throws CatalogueException listing every problem as {@code file:line: message}
     */
    public static Layouts load(Catalogue catalogue, Path folder) {
        LayoutFiles.Loaded loaded = LayoutFiles.read(folder, catalogue);
        if (!loaded.problems().isEmpty()) {
            throw new CatalogueException(loaded.problems());
        }
        return new Layouts(catalogue, loaded.layouts(), null);
    }

    public List<LayoutSpec> specs() {
        return specs;
    }

    /** A fresh layout for one file: its name and the inbox subfolder it lies in choose which described layouts may apply. */
    public Layout forFile(Path file) {
        String name = file.getFileName().toString();
        String folder = file.getParent() == null || file.getParent().getFileName() == null ? ""
                : file.getParent().getFileName().toString();
        List<Layout> candidates = new ArrayList<>();
        candidates.add(new TabularLayout());
        if (ikm != null) {
            candidates.add(new SurveyLayout(ikm));
        }
        for (LayoutSpec s : specs) {
            LayoutSpec.Match m = s.match();
            boolean nameFits = m.fileName() == null || m.fileName().matcher(name).find();
            boolean folderFits = m.folder() == null || m.folder().equalsIgnoreCase(folder);
            if (nameFits && folderFits) {
                candidates.add(new DataLayout(s, catalogue, name));
            }
        }
        candidates.add(new DataLayout(DataLayout.byWords(), catalogue, name));
        return new Detecting(candidates, specs);
    }

    /** Per sheet, the first candidate whose header the sheet holds. */
    private static final class Detecting implements Layout {

        private final List<Layout> candidates;
        private final List<LayoutSpec> specs;
        private TemplateLayout template;
        private boolean first = true;
        private final Map<String, Layout> chosen = new HashMap<>();
        private final Set<String> sheetsSeen = new LinkedHashSet<>();
        /** The row of each sheet with the most texts (before any header): what the refusal quotes as the headers found. */
        private List<String> likeliestHeader = List.of();

        Detecting(List<Layout> candidates, List<LayoutSpec> specs) {
            this.candidates = candidates;
            this.specs = specs;
        }

        @Override
        public Optional<SourceRow> accept(RawRow row) {
            List<SourceRow> all = acceptAll(row);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
        }

        @Override
        public List<SourceRow> acceptAll(RawRow row) {
            if (first) {
                first = false;
                if (TemplateLayout.isMarkerRow(row)) {
                    template = new TemplateLayout();
                }
            }
            if (template != null) {
                return template.accept(row).map(List::of).orElse(List.of());
            }
            sheetsSeen.add(row.sheet());
            Layout layout = chosen.get(row.sheet());
            if (layout != null) {
                return layout.acceptAll(row);
            }
            remember(row);
            for (Layout c : candidates) {
                List<SourceRow> rows = c.acceptAll(row);
                if (c.hasHeader(row.sheet())) {
                    chosen.put(row.sheet(), c);
                    return rows;
                }
            }
            return List.of();
        }

        private void remember(RawRow row) {
            List<String> texts = new ArrayList<>();
            for (CellValue c : row.cells()) {
                if (c instanceof CellValue.Text t) {
                    texts.add(t.value());
                }
            }
            if (texts.size() > likeliestHeader.size() && row.rowNumber() <= 50) {
                likeliestHeader = texts;
            }
        }

        @Override
        public boolean foundAnyHeader() {
            return template != null ? template.foundAnyHeader() : !chosen.isEmpty();
        }

        @Override
        public List<String> sheetsWithoutHeader() {
            if (template != null) {
                return template.sheetsWithoutHeader();
            }
            List<String> skipped = new ArrayList<>(sheetsSeen);
            skipped.removeAll(chosen.keySet());
            return skipped;
        }

        @Override
        public Optional<SurveyRow> survey(SourceRow row) {
            Layout layout = template != null ? template : chosen.get(row.sheet());
            return layout == null ? Optional.empty() : layout.survey(row);
        }

        @Override
        public List<Problem> endNotes() {
            List<Problem> notes = new ArrayList<>();
            new java.util.LinkedHashSet<>(chosen.values()).forEach(l -> notes.addAll(l.endNotes()));
            return notes;
        }

        @Override
        public List<Problem> notes() {
            List<Problem> notes = new ArrayList<>();
            Set<Layout> used = new HashSet<>(chosen.values());
            for (Layout l : used) {
                for (Problem p : l.notes()) {
                    if (p.sheet() == null || chosen.get(p.sheet()) == l) {
                        notes.add(p);
                    }
                }
            }
            return notes;
        }

        /**
         * Why no sheet was read, for the refusal: the headers found (on the row that looks most like a
         * header), the nearest layout and the headers it lacks.
         */
        List<String> noHeaderArgs() {
            Set<String> found = new LinkedHashSet<>();
            likeliestHeader.forEach(h -> found.add(LayoutSpec.header(h)));
            String nearest = "layout 1 (kode_wilayah, periode, kode_data, nilai)";
            List<String> missing = new ArrayList<>();
            Map<Column, String> written = Map.of(Column.REGION_CODE, "kode_wilayah", Column.PERIOD, "periode",
                    Column.MEASURE_CODE, "kode_data", Column.VALUE, "nilai");
            for (Column c : Column.values()) {
                if (c.required() && !found.contains(Column.normalize(c.header()))
                        && !(c == Column.REGION_CODE && found.contains(Column.normalize(Column.REGION_NAME.header())))) {
                    missing.add(written.get(c));
                }
            }
            // The nearest is the layout with the largest share of its headers found. Layout 1 counts a column
            // found under another usual name (wilayah, tahun) as near; a described layout wins a tie, being the more specific.
            int nearLayout1 = 0;
            for (Column c : Column.values()) {
                if (!c.required()) {
                    continue;
                }
                String h = Column.normalize(c.header());
                boolean near = found.contains(h) || c == Column.REGION_CODE && DataLayout.REGION_HEADERS.stream().anyMatch(found::contains)
                        || c == Column.PERIOD && DataLayout.PERIOD_HEADERS.stream().anyMatch(found::contains);
                nearLayout1 += near ? 1 : 0;
            }
            double best = nearLayout1 / 4.0;
            boolean layout1 = true;
            for (LayoutSpec s : specs) {
                List<String> headers = s.match().headers();
                double share = (double) headers.stream().filter(found::contains).count() / headers.size();
                if (share > 0 && (share > best || layout1 && share == best)) {
                    best = share;
                    layout1 = false;
                    missing = new ArrayList<>();
                    for (int i = 0; i < headers.size(); i++) {
                        if (!found.contains(headers.get(i))) {
                            missing.add(i < s.match().shown().size() ? s.match().shown().get(i) : headers.get(i));
                        }
                    }
                    nearest = s.code() + " (" + s.file() + ")";
                }
            }
            String headers = likeliestHeader.isEmpty() ? "-" : String.join(", ", likeliestHeader);
            return List.of(headers.length() > 300 ? headers.substring(0, 297) + "..." : headers, nearest,
                    String.join(", ", missing).toLowerCase(Locale.ROOT));
        }
    }

    /** The refusal of a file in which no layout found its header, with what would teach the clerk. */
    static Problem noHeader(Layout layout) {
        if (layout instanceof Detecting d) {
            List<String> args = d.noHeaderArgs();
            return Problem.file("file_no_header", args.toArray(new String[0]));
        }
        return Problem.file("file_no_header", "-", "layout 1 (kode_wilayah, periode, kode_data, nilai)", "");
    }
}
