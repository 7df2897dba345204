package id.pantauspm.catalogue;

/**
 * One thing wrong in the catalogue: the file (relative to the catalogue folder, e.g.
 * {@code fields/kesehatan.yaml}), the 1-based line (0 when the problem is the file or folder
 * itself) and what is wrong and how to fix it.
 */
public record CatalogueProblem(String file, int line, String message) {

    /** {@code fields/kesehatan.yaml:123: services[0]/measures[1]/kind (TERLAYANI): ...}, as compilers write it. */
    @Override
    public String toString() {
        if (file == null || file.isEmpty()) {
            return message;
        }
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
