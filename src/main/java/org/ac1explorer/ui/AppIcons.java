package org.ac1explorer.ui;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The application icon (icons/ac1-explorer.svg rendered by icons/render.sh) for window title bars,
 * task bars and dialogs: {@code AppIcons.applyTo(stage)}. The installers use the same drawing.
 */
public final class AppIcons {
    /** Rendered sizes on the class path, {@code /org/ac1explorer/icons/ac1-explorer-<size>.png}. */
    public static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private static List<Image> images;

    private AppIcons() {
    }

    /** Class-path resource name of one rendered size. */
    public static String resourceName(int size) {
        return "/org/ac1explorer/icons/ac1-explorer-" + size + ".png";
    }

    /** The icon in every size (the window system picks the best one), decoded once; any thread. */
    public static synchronized List<Image> images() {
        if (images == null) {
            List<Image> list = new ArrayList<>();
            for (int size : SIZES) {
                URL url = AppIcons.class.getResource(resourceName(size));
                if (url != null) {
                    list.add(new Image(url.toExternalForm()));
                }
            }
            images = List.copyOf(list);
        }
        return images;
    }

    /** Sets the application icon on a window (main window or dialog); call on the FX thread. */
    public static void applyTo(Stage stage) {
        stage.getIcons().setAll(images());
    }
}
