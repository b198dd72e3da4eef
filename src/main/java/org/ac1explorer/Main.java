package org.ac1explorer;

import org.ac1explorer.cli.Cli;
import org.ac1explorer.ui.ExplorerApp;

/**
 * Entry point of the one executable jar: no arguments open the explorer window, a subcommand runs
 * the CLI. Deliberately not a JavaFX Application subclass, so the shaded jar starts without the
 * module path.
 */
public final class Main {
    /** Held so the logger (and its level) is not garbage-collected before JavaFX starts. */
    private static final java.util.logging.Logger JAVAFX_STARTUP =
            java.util.logging.Logger.getLogger("javafx");

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            // JavaFX warns that it runs from the class path (the one-jar layout); that is intended
            JAVAFX_STARTUP.setLevel(java.util.logging.Level.SEVERE);
            ExplorerApp.launchWindow(args);
            System.exit(0);
        }
        System.exit(new Cli(System.out, System.err).run(args));
    }
}
