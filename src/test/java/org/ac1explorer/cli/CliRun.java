package org.ac1explorer.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a command returned and printed (UTF-8), captured for the CLI tests. */
record CliRun(int status, String out, String err) {

    /** A command writing to the given standard output and error streams. */
    interface Command {
        int run(PrintStream out, PrintStream err) throws Exception;
    }

    /** {@link Cli} with these arguments. */
    static CliRun of(String... args) {
        try {
            return capture((out, err) -> new Cli(out, err).run(args));
        } catch (Exception e) {
            throw new AssertionError("Cli.run threw", e);
        }
    }

    static CliRun capture(Command command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
