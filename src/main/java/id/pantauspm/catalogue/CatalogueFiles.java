package id.pantauspm.catalogue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The catalogue folder read into located YAML trees: rules.yaml, common.yaml, fields/*.yaml and ikm.yaml.
 * Files that are missing, unreadable or not YAML become problems instead of documents, so the check
 * can still look at every other file.
 *
 * @param documents the files that parsed, in the order rules.yaml, common.yaml, fields/ sorted by name, ikm.yaml
 * @param problems  what kept a file from being read, and what the parser found odd (e.g. a key given twice)
 * @param unread    names of expected files that could not be read
 */
record CatalogueFiles(List<Source> documents, List<CatalogueProblem> problems, List<String> unread) {

    static final String RULES = "rules.yaml";
    static final String COMMON = "common.yaml";
    static final String FIELDS = "fields";
    /** The IKM rules (community satisfaction index, PermenPAN-RB 14/2017), read beside the SPM catalogue. */
    static final String IKM = "ikm.yaml";

    /** A parsed file, named relative to the catalogue folder with forward slashes (fields/kesehatan.yaml). */
    record Source(String name, YamlTree.Node root) {
    }

    Source document(String name) {
        return documents.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }

    List<Source> fieldDocuments() {
        return documents.stream().filter(d -> d.name().startsWith(FIELDS + "/")).toList();
    }

    /**
     * True when common.yaml and every field file could be read, so checks across files (measures of
     * other services, field codes) see all of them; rules.yaml does not matter for that.
     */
    boolean complete() {
        return unread.stream().allMatch(n -> n.equals(RULES) || n.equals(IKM));
    }

    /** The order problems are listed in: the order files are read. */
    int order(String file) {
        if (file == null || file.isEmpty()) {
            return -1;
        }
        if (file.equals(RULES)) {
            return 0;
        }
        if (file.equals(COMMON)) {
            return 1;
        }
        if (file.equals(IKM)) {
            return 3;
        }
        return 2;
    }

    static CatalogueFiles read(Path folder) {
        List<Source> documents = new ArrayList<>();
        List<CatalogueProblem> problems = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            problems.add(new CatalogueProblem("", 0, "catalogue folder not found: " + folder
                    + "; give the folder with rules.yaml, common.yaml and fields/ (pantau catalog --catalogue DIR)"));
            unread.add("");
            return new CatalogueFiles(documents, problems, unread);
        }
        List<String> names = new ArrayList<>(List.of(RULES, COMMON));
        int fieldsFrom = names.size();
        Path fields = folder.resolve(FIELDS);
        if (!Files.isDirectory(fields)) {
            problems.add(new CatalogueProblem(FIELDS + "/", 0, "folder missing: it holds one file per SPM field (kesehatan.yaml, ...)"));
            unread.add(FIELDS + "/");
        } else {
            try (Stream<Path> files = Files.list(fields)) {
                List<Path> all = files.filter(Files::isRegularFile).sorted().toList();
                for (Path p : all) {
                    String name = p.getFileName().toString();
                    if (name.endsWith(".yaml")) {
                        names.add(FIELDS + "/" + name);
                    } else if (name.endsWith(".yml")) {
                        problems.add(new CatalogueProblem(FIELDS + "/" + name, 0,
                                "not read: field files end in .yaml; rename it to " + name.replaceFirst("\\.yml$", ".yaml")));
                    }
                }
                if (names.size() == fieldsFrom) {
                    problems.add(new CatalogueProblem(FIELDS + "/", 0, "no field file (*.yaml) in the folder"));
                    unread.add(FIELDS + "/");
                }
            } catch (IOException e) {
                problems.add(new CatalogueProblem(FIELDS + "/", 0, "cannot list the folder: " + e.getMessage()));
                unread.add(FIELDS + "/");
            }
        }
        names.add(IKM);
        for (String name : names) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                problems.add(new CatalogueProblem(name, 0, "file missing"));
                unread.add(name);
                continue;
            }
            String text;
            try {
                text = utf8(Files.readAllBytes(file));
            } catch (CharacterCodingException e) {
                problems.add(new CatalogueProblem(name, 0, "not UTF-8 text; save the file as UTF-8"));
                unread.add(name);
                continue;
            } catch (IOException e) {
                problems.add(new CatalogueProblem(name, 0, "cannot be read: " + e.getMessage()));
                unread.add(name);
                continue;
            }
            try {
                YamlTree.Document doc = YamlTree.parse(text);
                for (YamlTree.Issue issue : doc.issues()) {
                    problems.add(new CatalogueProblem(name, issue.line(), issue.message()));
                }
                documents.add(new Source(name, doc.root()));
            } catch (YamlTree.SyntaxError e) {
                problems.add(new CatalogueProblem(name, e.line(), "not valid YAML: " + e.getMessage()
                        + "; check the indentation (spaces, not tabs), quotes and brackets here or just above"));
                unread.add(name);
            }
        }
        return new CatalogueFiles(List.copyOf(documents), List.copyOf(problems), List.copyOf(unread));
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
