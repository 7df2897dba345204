package id.pantauspm.support;

import java.io.PrintWriter;
import java.io.StringWriter;

import id.pantauspm.cli.PantauCommand;

/** The `pantau` command line run in-process, its output captured. */
public final class Cli {

    private Cli() {
    }

    public record Result(int code, String out, String err) {
    }

    public static Result pantau(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PantauCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
