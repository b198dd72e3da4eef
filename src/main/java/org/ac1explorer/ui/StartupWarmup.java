package org.ac1explorer.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.ac1explorer.ArchiveRelaunch;
import org.ac1explorer.ui.common.Settings;

/**
 * Loads, on a second thread while JavaFX starts, what the window needs before its first frame: the
 * user's settings and the classes named in {@code startup.classlist} (written by
 * {@code tools/startup/classlist.sh}; the build also dumps the class-data archive from it, which
 * makes this thread's work cheap when the archive is mapped). Classes are loaded, not initialised,
 * so nothing runs out of order; a class the list names but the jar lacks is skipped. Off with
 * {@code -Dac1.warmup=false}, and in the JVM that maps the archive ({@link ArchiveRelaunch}): there
 * the classes come ready, and the thread only took processor time from the window and the
 * dataset read ahead (alternated start-ups: the window 0.1 s later with it).
 */
final class StartupWarmup {
    static final String CLASS_LIST = "startup.classlist";

    private StartupWarmup() {
    }

    /** Starts the warm-up thread (a daemon: it never holds the process up). */
    static void begin() {
        if (ArchiveRelaunch.isRelaunched() || !Boolean.parseBoolean(System.getProperty("ac1.warmup", "true"))) {
            return;
        }
        Thread t = new Thread(StartupWarmup::run, "ac1-startup-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        Settings.user().loadParams();
        ClassLoader loader = StartupWarmup.class.getClassLoader();
        for (String name : classNames()) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // a stale list: the class is gone or moved, the window loads what it needs itself
            }
        }
    }

    /**
     * The listed class names ({@code java.lang.String}), in load order; none when the list is missing.
     * The list is HotSpot's class-list format: a class per line as {@code java/lang/String}, optionally
     * followed by attributes, and {@code @}-lines for lambdas, which are skipped here.
     */
    static String[] classNames() {
        try (InputStream in = StartupWarmup.class.getResourceAsStream(CLASS_LIST)) {
            if (in == null) {
                return new String[0];
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("@"))
                    .map(l -> l.split("\\s", 2)[0].replace('/', '.')).toArray(String[]::new);
        } catch (IOException e) {
            return new String[0];
        }
    }
}
