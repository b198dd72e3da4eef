package org.ac1explorer.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ac1explorer.demo.DemoDataset;
import org.ac1explorer.demo.DemoScale;
import org.ac1explorer.ui.common.BackgroundWork;
import org.ac1explorer.ui.common.Dialogs;
import org.ac1explorer.ui.common.Settings;
import org.ac1explorer.explore.SelectionData;
import org.ac1explorer.ui.open.OpenController;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the headless window tests share: the small demo dataset written once per test class, a
 * fresh explorer window per test (subclasses call {@link #showWindow} from their TestFX
 * {@code @Start} method, which TestFX only looks for in the test class itself), dialogs recorded
 * instead of shown (confirmations answered yes), and helpers that run on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
abstract class DemoWindowTest {
    @TempDir
    static Path shared;
    static Path demo;

    @TempDir
    Path tmp;

    MainWindow window;
    Stage stage;
    /** "title: message" of every error dialog and "confirm title" of every confirmation, in order. */
    final List<String> dialogs = new ArrayList<>();

    @BeforeAll
    static void writeDemo() throws Exception {
        demo = shared.resolve("demo");
        DemoDataset.write(demo, 1, DemoScale.SMALL, (d, t) -> { });
        Files.writeString(demo.resolve(OpenController.COMPLETE_MARKER), "test\n");
    }

    void showWindow(Stage stage) {
        this.stage = stage;
        window = new MainWindow(stage, smallWindow(), demo, BackgroundWork.create());
        window.show();
    }

    @BeforeEach
    void recordDialogs() {
        Dialogs.setHandler(new Dialogs.Handler() {
            @Override
            public void error(Window owner, String title, String message) {
                dialogs.add(title + ": " + message);
            }

            @Override
            public boolean confirm(Window owner, String title, String message, String okLabel) {
                dialogs.add("confirm " + title);
                return true;
            }
        });
    }

    @AfterEach
    void closeWindow() {
        fx(() -> {
            window.close();
            stage.close();
            return null;
        });
        Dialogs.setHandler(null);
    }

    /**
     * Settings for a window that fits Monocle's 1280 x 800 headless screen (larger ones overflow its
     * buffer). Presentation mode's full screen resizes it to 1280 x 800; when that resize meets a
     * frame the software renderer is uploading, JavaFX's QueuedPixelSource builds the 1280 x 800
     * frame on the 1240 x 780 buffer and the render thread prints "Too small int buffer size
     * 1280x800 [1024000] > 967200" (harmless: the next frame is whole).
     */
    private static final java.util.concurrent.atomic.AtomicInteger WINDOWS = new java.util.concurrent.atomic.AtomicInteger();

    static Settings smallWindow() {
        Settings s = Settings.inMemory();
        s.put("window.width", "1240");
        s.put("window.height", "780");
        // hand decisions go to the test's temp folder, never to the user's configuration
        Path base = shared != null ? shared : Path.of(System.getProperty("java.io.tmpdir"));
        // one file per window: a test's hand decisions must not reach the next test's window
        s.put("curation.file", base.resolve("curation-" + ProcessHandle.current().pid() + "-" + WINDOWS.incrementAndGet()
                + ".json").toString());
        return s;
    }

    /** Runs {@code c} on the FX thread and returns its result (fails the test after 20 s). */
    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void waitUntil(String what, BooleanSupplier onFx) {
        waitUntil(what, 30, onFx);
    }

    /** Polls {@code onFx} on the FX thread until it holds; fails naming {@code what} after the given seconds. */
    static void waitUntil(String what, int seconds, BooleanSupplier onFx) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(onFx::getAsBoolean));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what);
        }
    }

    /** Opens the shared demo and waits until the first selection is drawn. */
    void openDemo() {
        fx(() -> window.controllers().opener().openDemo());
        waitUntilDrawn();
    }

    /** Waits until the plots show the model's current selection at the current parameters. */
    void waitUntilDrawn() {
        waitUntil("the selection is drawn", () -> {
            SelectionData d = window.model().selectionData();
            return d != null && window.model().selection() != null && d.selection().equals(window.model().selection())
                    && d.params().equals(window.model().params()) && window.views().plots().shown() == d
                    && window.views().plots().traces().current() != null;
        });
    }
}
