package org.ac1explorer.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.ac1explorer.cli.Cli;
import org.ac1explorer.ui.common.BackgroundWork;
import org.ac1explorer.ui.common.Settings;
import org.ac1explorer.ui.open.DemoLocation;

/** The JavaFX application: one explorer window over the user's settings and demo cache folder. */
public final class ExplorerApp extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        // the start-up warning about the class-path layout is past: let JavaFX warnings (CSS, ...) through again
        java.util.logging.Logger.getLogger("javafx").setLevel(null);
        AppIcons.applyTo(stage);
        window = new MainWindow(stage, Settings.user(), DemoLocation.defaultDir(Cli.version()), BackgroundWork.create());
        window.show();
        // start loading (on a first start: generating the demo) once the first frame is laid out,
        // so the window is on screen before the background work competes for the processors
        Runnable[] first = new Runnable[1];
        first[0] = () -> {
            stage.getScene().removePostLayoutPulseListener(first[0]);
            Platform.runLater(window.opener()::openInitial);
        };
        stage.getScene().addPostLayoutPulseListener(first[0]);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }

    /**
     * A frame the JavaFX thread still scheduled after JavaFX's own exit hook stopped its renderer
     * (SIGTERM, logout): nothing is lost, the process is ending.
     */
    static boolean isFrameAfterExit(Throwable e) {
        return e instanceof java.util.concurrent.RejectedExecutionException && String.valueOf(e.getMessage()).contains("QuantumRenderer");
    }

    /** Opens the window (blocks until it is closed). */
    public static void launchWindow(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (!isFrameAfterExit(e)) {
                System.err.println("ac1-explorer: internal error in " + t.getName() + ": " + e);
            }
        });
        Platform.setImplicitExit(true);
        Application.launch(ExplorerApp.class, args);
    }
}
