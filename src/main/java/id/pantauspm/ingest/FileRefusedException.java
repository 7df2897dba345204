package id.pantauspm.ingest;

/** A file-level problem: the file is refused as a whole. */
public class FileRefusedException extends Exception {

    private final Problem problem;

    public FileRefusedException(Problem problem) {
        super(problem.code() + " " + problem.args());
        this.problem = problem;
    }

    public FileRefusedException(Problem problem, Throwable cause) {
        super(problem.code() + " " + problem.args(), cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** A refusal found while rows are being streamed, carried through iterators that cannot throw checked exceptions. */
    static final class WhileReading extends RuntimeException {

        WhileReading(FileRefusedException refusal) {
            super(refusal.getMessage(), refusal);
        }

        FileRefusedException refusal() {
            return (FileRefusedException) getCause();
        }
    }
}
