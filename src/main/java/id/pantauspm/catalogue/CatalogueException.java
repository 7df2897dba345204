package id.pantauspm.catalogue;

import java.util.List;
import java.util.stream.Collectors;

/** The catalogue in indicators/ cannot be used; the message names the file, the line and what to fix. */
public class CatalogueException extends RuntimeException {

    private final List<CatalogueProblem> problems;

    public CatalogueException(String message) {
        super(message);
        this.problems = List.of(new CatalogueProblem("", 0, message));
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(new CatalogueProblem("", 0, message));
    }

    /** Every problem found, one per line of the message: {@code file:line: message}. */
    public CatalogueException(List<CatalogueProblem> problems) {
        super(problems.stream().map(CatalogueProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CatalogueProblem> problems() {
        return problems;
    }
}
