package org.ac1explorer.ui;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.beans.value.ObservableObjectValue;
import org.ac1explorer.ArchiveRelaunch;
import org.ac1explorer.explore.SelectionData;

/**
 * With {@code -Dac1.startupReport=true}, prints to standard error how long after the JVM started
 * the window's first frame and the first selected cell's plots were laid out with its data (ms), and
 * the CPU time the process had used by then (ms, all threads): what
 * {@code tools/bench/startup.sh} measures. Silent otherwise.
 */
final class StartupReport {
    private StartupReport() {
    }

    static boolean wanted() {
        return Boolean.getBoolean("ac1.startupReport");
    }

    /** Reports the first layout pulse of {@code scene}, then the first pulse after the plots show a selection's data ({@code drawn}). */
    static void install(Scene scene, ObservableObjectValue<SelectionData> drawn) {
        if (!wanted()) {
            return;
        }
        Runnable[] frame = new Runnable[1];
        frame[0] = () -> {
            scene.removePostLayoutPulseListener(frame[0]);
            print("window shown");
            Runnable[] plots = new Runnable[1];
            plots[0] = () -> {
                if (drawn.get() != null) {
                    scene.removePostLayoutPulseListener(plots[0]);
                    print("first cell's plots laid out");
                }
            };
            scene.addPostLayoutPulseListener(plots[0]);
            // a pulse runs only when something changed: ask for one once the plots took the data
            drawn.addListener((o, a, d) -> Platform.requestNextPulse());
        };
        scene.addPostLayoutPulseListener(frame[0]);
    }

    private static void print(String what) {
        // from the user's launch: a relaunched window's JVM is given the first one's start
        long start = Long.getLong(ArchiveRelaunch.LAUNCHED_AT, ManagementFactory.getRuntimeMXBean().getStartTime());
        long ms = System.currentTimeMillis() - start;
        System.err.println("ac1-explorer: " + what + " after " + ms + " ms (window JVM CPU " + processCpuMs() + " ms)");
    }

    /** CPU time of all threads so far, JIT compilers included (on a small machine start-up is bound by it); -1 when unknown. */
    private static long processCpuMs() {
        try {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() / 1_000_000 : -1;
        } catch (LinkageError e) {
            return -1; // a runtime without the jdk.management module
        }
    }
}
