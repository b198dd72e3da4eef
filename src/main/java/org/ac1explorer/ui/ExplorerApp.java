package org.ac1explorer.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.ac1explorer.Version;
import org.ac1explorer.archive.ArchiveParts;
import org.ac1explorer.ui.common.BackgroundWork;
import org.ac1explorer.ui.common.Settings;
import org.ac1explorer.ui.common.Tasks;
import org.ac1explorer.ui.open.DemoLocation;
import org.ac1explorer.ui.open.EarlyOpening;
import java.util.List;

/** The JavaFX application: one explorer window over the user's settings and demo cache folder. */
public final class ExplorerApp extends Application {
    /** Started before JavaFX by {@link #launchWindow}; the one window takes it over. */
    private static volatile EarlyOpening early;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        // the start-up warning about the class-path layout is past: let JavaFX warnings (CSS, ...) through again
        java.util.logging.Logger.getLogger("javafx").setLevel(null);
        window = new MainWindow(stage, Settings.user(), DemoLocation.defaultDir(Version.current()), BackgroundWork.create());
        StartupReport.install(stage.getScene(), window.views().plots().drawnProperty());
        if (early != null) {
            window.controllers().opener().useEarly(early);
        }
        window.show();
        java.nio.file.Path asked = asked(getParameters().getRaw());
        Runnable open = asked == null ? window.controllers().opener()::openInitial
                : () -> window.controllers().opener().open(asked);
        // a dataset read before the window (early) comes in right after the first frame, so that frame
        // is not held up by the lists; one still to read is read while that frame is drawn; generating
        // the demo on a first start waits for the frame, so the window is on screen before it competes
        // for the processors
        boolean generates = asked == null && window.controllers().opener().initialGeneratesDemo();
        boolean afterFirstFrame = generates || early != null;
        if (!afterFirstFrame) {
            open.run();
        }
        Runnable[] first = new Runnable[1];
        first[0] = () -> {
            stage.getScene().removePostLayoutPulseListener(first[0]);
            // the icon's six sizes are decoded off the JavaFX thread; the title bar takes them a moment later
            Tasks.create(ctx -> AppIcons.images()).onSuccess(i -> AppIcons.applyTo(stage)).runOnce(window.work());
            if (afterFirstFrame) {
                Platform.runLater(open);
            }
        };
        stage.getScene().addPostLayoutPulseListener(first[0]);
    }

    /** The dataset folder named on the command line, or null. */
    private static java.nio.file.Path asked(java.util.List<String> args) {
        return args.isEmpty() ? null : ArchiveParts.folderToOpen(java.nio.file.Path.of(args.get(0)));
    }

    @Override
    public void stop() {
        if (early != null) {
            early.discard();
        }
        if (window != null) {
            window.close();
        }
    }

    /**
     * Once the JVM is exiting (SIGTERM, logout), JavaFX's own exit hook stops its renderer while the
     * JavaFX thread may still paint a frame, whose RejectedExecutionException JavaFX prints itself
     * (PaintCollector.renderAll, past any handler): from then on that thread's stderr is dropped.
     */
    private static void muteJavaFxThread() {
        java.io.PrintStream err = System.err;
        System.setErr(new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                if (!Platform.isFxApplicationThread()) {
                    err.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (!Platform.isFxApplicationThread()) {
                    err.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                err.flush();
            }
        }, true));
    }

    /** Opens the window (blocks until it is closed). */
    public static void launchWindow(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> System.err.println("ac1-explorer: internal error in "
                + t.getName() + ": " + e));
        Runtime.getRuntime().addShutdownHook(new Thread(ExplorerApp::muteJavaFxThread, "ac1-mute-javafx-at-exit"));
        Platform.setImplicitExit(true);
        StartupWarmup.begin();
        // the dataset is read and the remembered cell computed while JavaFX starts and builds the window
        early = EarlyOpening.begin(Settings.user(), DemoLocation.defaultDir(Version.current()), asked(List.of(args)));
        Application.launch(ExplorerApp.class, args);
    }
}
