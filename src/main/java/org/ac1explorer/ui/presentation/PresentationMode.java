package org.ac1explorer.ui.presentation;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.ac1explorer.ui.common.ViewSettings;
import org.ac1explorer.ui.plots.PlotStyle;

/**
 * Teaching display: presentation mode (full screen, large fonts, thick lines; F11) and the dark
 * theme. Presentation adds the {@code presentation} style class to the scene's root, whose rules
 * ({@code presentation/presentation.css}) enlarge text, and doubles the plots' line widths; the
 * dark theme adds {@code dark.css} (next to the light {@code explorer.css}) and the {@code dark}
 * class. Full screen is asked for, not required: where the platform refuses it (or the
 * window manager takes it back) the large text and lines stay until F11 or Esc. Use on the JavaFX
 * thread.
 */
public final class PresentationMode {
    /** Line width factor in presentation mode. */
    public static final double THICK = 2.0;
    private final Stage stage;
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation", false);
    private final BooleanProperty dark;
    private final String presentationCss = PresentationMode.class.getResource("presentation.css").toExternalForm();
    private final String darkCss = PresentationMode.class.getResource("/org/ac1explorer/ui/dark.css").toExternalForm();
    private boolean wasMaximized;

    public PresentationMode(Stage stage, ViewSettings view) {
        this.stage = stage;
        this.dark = view.darkProperty();
        stage.setFullScreenExitHint("Presentation mode: F11 or Esc to leave");
        // Esc is the window's (it closes the guided tour first); F11 and Esc leave via the menu and keys
        stage.setFullScreenExitKeyCombination(javafx.scene.input.KeyCombination.NO_MATCH);
        presentation.addListener((o, a, on) -> applyPresentation(on));
        dark.addListener((o, a, on) -> applyDark(on));
        stage.sceneProperty().addListener((o, a, s) -> attach(s));
        attach(stage.getScene());
    }

    private void attach(Scene s) {
        if (s == null) {
            return;
        }
        if (!s.getStylesheets().contains(presentationCss)) {
            s.getStylesheets().add(presentationCss);
        }
        applyDark(dark.get());
        applyPresentation(presentation.get());
    }

    private void applyPresentation(boolean on) {
        Scene s = stage.getScene();
        if (s != null) {
            toggleClass(s, "presentation", on);
        }
        PlotStyle.lineScaleProperty().set(on ? THICK : 1.0);
        if (on && !stage.isFullScreen()) {
            wasMaximized = stage.isMaximized();
            stage.setFullScreen(true);
        } else if (!on && stage.isFullScreen()) {
            stage.setFullScreen(false);
            stage.setMaximized(wasMaximized);
        }
    }

    private void applyDark(boolean on) {
        Scene s = stage.getScene();
        if (s == null) {
            return;
        }
        toggleClass(s, "dark", on);
        if (on && !s.getStylesheets().contains(darkCss)) {
            s.getStylesheets().add(darkCss);
        } else if (!on) {
            s.getStylesheets().remove(darkCss);
        }
    }

    private static void toggleClass(Scene s, String cls, boolean on) {
        var classes = s.getRoot().getStyleClass();
        if (on && !classes.contains(cls)) {
            classes.add(cls);
        } else if (!on) {
            classes.remove(cls);
        }
    }

    /** Presentation mode: full screen, large fonts, thick lines. */
    public BooleanProperty presentationProperty() {
        return presentation;
    }

    /** The dark theme (remembered across runs). */
    public BooleanProperty darkProperty() {
        return dark;
    }

    public void togglePresentation() {
        presentation.set(!presentation.get());
    }

    /** Restores normal line widths (the line scale is application-wide) when the window closes. */
    public void dispose() {
        PlotStyle.lineScaleProperty().set(1.0);
    }
}
