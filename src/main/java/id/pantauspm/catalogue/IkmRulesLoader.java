package id.pantauspm.catalogue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import id.pantauspm.catalogue.CatalogueFiles.Source;
import id.pantauspm.catalogue.CatalogueLoader.Node;
import id.pantauspm.catalogue.YamlTree.Scalar;
import id.pantauspm.catalogue.YamlTree.Sequence;

/**
 * Reads the IKM rules from indicators/ikm.yaml. The whole catalogue folder is checked first, as
 * {@link CatalogueLoader} does, so an invalid file is refused with every problem and its line.
 */
public final class IkmRulesLoader {

    /**
     * @throws CatalogueException listing every problem of the catalogue folder as {@code file:line: message}
     */
    public IkmRules load(Path folder) {
        CatalogueFiles files = CatalogueFiles.read(folder);
        List<CatalogueProblem> problems = CatalogueCheck.check(files);
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        return read(files.document(CatalogueFiles.IKM));
    }

    private static IkmRules read(Source file) {
        Node root = Node.root(file);
        List<IkmRegime> regimes = new ArrayList<>();
        for (Node r : root.list("regimes")) {
            List<IkmUnsur> unsur = new ArrayList<>();
            List<Node> listed = r.list("unsur");
            for (int i = 0; i < listed.size(); i++) {
                Node u = listed.get(i);
                List<String> aliases = u.has("aliases") ? u.texts("aliases").stream().map(IkmRegime::normalize).toList() : List.of();
                unsur.add(new IkmUnsur(i + 1, u.text("code"), u.localized("name"), aliases));
            }
            List<CategoryBand> bands = new ArrayList<>();
            for (Node b : r.list("bands")) {
                bands.add(new CategoryBand(b.text("code"), b.localized("name"), b.number("min"), b.number("max")));
            }
            Node scores = r.child("scores");
            int denominator = Integer.parseInt(r.text("weight").replaceAll("\\s", "").substring(2));
            regimes.add(new IkmRegime(r.text("code"), r.localized("name"), r.text("source"), r.texts("declared_as"),
                    scores.number("min").intValueExact(), scores.number("max").intValueExact(), denominator,
                    r.number("shortcut_weight"), r.number("scale").intValueExact(), unsur, bands));
        }
        Node sample = root.child("sample_size");
        List<SampleSizeTable.Row> rows = new ArrayList<>();
        for (YamlTree.Node row : ((Sequence) sample.map().get("table")).items()) {
            List<YamlTree.Node> pair = ((Sequence) row).items();
            rows.add(new SampleSizeTable.Row(Long.parseLong(((Scalar) pair.get(0)).text().trim()),
                    Integer.parseInt(((Scalar) pair.get(1)).text().trim())));
        }
        return new IkmRules(root.text("rules_version"), regimes, new SampleSizeTable(sample.text("method"), sample.text("source"), rows));
    }
}
