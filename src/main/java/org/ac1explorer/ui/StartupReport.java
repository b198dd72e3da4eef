package org.ac1explorer.ui;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.ac1explorer.ui.model.ExplorerModel;

/**
 * With {@code -Dac1.startupReport=true}, prints to standard error how long after the JVM started
 * the window's first frame and the first selected cell's plots were laid out (ms): what
 * {@code tools/bench/startup.sh} measures. Silent otherwise.
 */
final class StartupReport {
    private StartupReport() {
    }

    static boolean wanted() {
        return Boolean.getBoolean("ac1.startupReport");
    }

    /** Reports the first layout pulse of {@code scene}, then the first pulse after the model holds a selection's data. */
    static void install(Scene scene, ExplorerModel model) {
        if (!wanted()) {
            return;
        }
        Runnable[] frame = new Runnable[1];
        frame[0] = () -> {
            scene.removePostLayoutPulseListener(frame[0]);
            print("window shown");
            Runnable[] plots = new Runnable[1];
            plots[0] = () -> {
                if (model.selectionData() != null) {
                    scene.removePostLayoutPulseListener(plots[0]);
                    print("first cell's plots laid out");
                }
            };
            scene.addPostLayoutPulseListener(plots[0]);
            // a pulse runs only when something changed: ask for one after the data arrives
            model.selectionDataProperty().addListener((o, a, d) -> Platform.requestNextPulse());
        };
        scene.addPostLayoutPulseListener(frame[0]);
    }

    private static void print(String what) {
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.err.println("ac1-explorer: " + what + " after " + ms + " ms");
    }
}
