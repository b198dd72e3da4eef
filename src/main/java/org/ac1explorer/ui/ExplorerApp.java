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
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> System.err.println("ac1-explorer: internal error in "
                + t.getName() + ": " + e));
        // the start-up warning about the class-path layout is past: let JavaFX warnings (CSS, ...) through again
        java.util.logging.Logger.getLogger("javafx").setLevel(null);
        AppIcons.applyTo(stage);
        window = new MainWindow(stage, Settings.user(), DemoLocation.defaultDir(Cli.version()), BackgroundWork.create());
        window.show();
        window.controllers().opener().openInitial();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }

    /** Opens the window (blocks until it is closed). */
    public static void launchWindow(String[] args) {
        Platform.setImplicitExit(true);
        Application.launch(ExplorerApp.class, args);
    }
}
