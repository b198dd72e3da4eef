package org.ac1explorer;

import org.ac1explorer.cli.Cli;

/** Entry point of the one executable jar: a subcommand runs the CLI, no arguments open the explorer. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new Cli(System.out, System.err).run(args));
    }
}
