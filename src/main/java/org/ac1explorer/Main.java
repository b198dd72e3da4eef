package org.ac1explorer;

import java.util.Optional;
import org.ac1explorer.archive.ArchiveParts;
import org.ac1explorer.cli.Cli;
import org.ac1explorer.ui.ExplorerApp;

/**
 * Entry point of the one executable jar: no arguments open the explorer window (on the last or
 * the demo dataset), a dataset folder or zip opens the window on it, a subcommand runs the CLI. Deliberately not a JavaFX Application subclass, so the shaded jar starts without the
 * module path. When the window cannot open (no display, no GTK 3, a headless Java) it says so in
 * one line on stderr and exits with status 1.
 */
public final class Main {
    /** Held so the logger (and its level) is not garbage-collected before JavaFX starts. */
    private static final java.util.logging.Logger JAVAFX_STARTUP =
            java.util.logging.Logger.getLogger("javafx");
    /** Held likewise: the user preferences store announces at INFO that it created its folder on a first start. */
    private static final java.util.logging.Logger PREFERENCES =
            java.util.logging.Logger.getLogger("java.util.prefs");

    private Main() {
    }

    public static void main(String[] args) {
        if (opensWindow(args)) {
            System.exit(openWindow(args));
        }
        System.exit(new Cli(System.out, System.err).run(args));
    }

    /**
     * Whether the arguments open the window rather than run a command: none (the last or the demo
     * dataset), or one dataset folder or zip, as the desktop's "Open with" passes it.
     */
    static boolean opensWindow(String[] args) {
        return args.length == 0 || args.length == 1 && datasetArgument(args[0]) != null;
    }

    /** The dataset folder a lone argument asks the window to open (not a command or an option), or null. */
    private static java.nio.file.Path datasetArgument(String arg) {
        if (Cli.isCommand(arg) || arg.startsWith("-")) {
            return null;
        }
        try {
            return ArchiveParts.folderToOpen(java.nio.file.Path.of(arg));
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static int openWindow(String[] args) {
        WindowSupport.Host host = WindowSupport.current();
        Optional<String> missing = WindowSupport.beforeStart(host);
        if (missing.isPresent()) {
            System.err.println(missing.get());
            return 1;
        }
        java.util.OptionalInt relaunched = ArchiveRelaunch.run();
        if (relaunched.isPresent()) {
            return relaunched.getAsInt();
        }
        PREFERENCES.setLevel(java.util.logging.Level.WARNING);
        // JavaFX warns that it runs from the class path (the one-jar layout); that is intended
        JAVAFX_STARTUP.setLevel(java.util.logging.Level.SEVERE);
        try {
            ExplorerApp.launchWindow(args);
            return 0;
        } catch (RuntimeException | LinkageError e) {
            Optional<String> known = WindowSupport.fromStartError(e, host);
            if (known.isEmpty()) {
                throw e;
            }
            System.err.println(known.get());
            return 1;
        }
    }
}
