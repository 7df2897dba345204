package id.pantauspm.dhis2;

import java.nio.file.Path;
import java.util.List;

/** A mapping file that cannot be used: every problem, each naming the entry to fix. */
public class Dhis2MappingException extends RuntimeException {

    private final transient Path file;
    private final List<String> problems;

    public Dhis2MappingException(Path file, List<String> problems) {
        super(file + ": " + String.join("; ", problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    public List<String> problems() {
        return problems;
    }
}
