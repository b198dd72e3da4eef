package org.ac1explorer.ui.common;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * Messages to the user: errors as a dialog with a plain explanation (never a stack trace) and
 * confirmations. Tests install a {@link Handler} so nothing blocks.
 */
public final class Dialogs {
    /** Where messages go. */
    public interface Handler {
        void error(Window owner, String title, String message);

        /** Plain information (help, about); defaults to nothing in tests. */
        default void info(Window owner, String title, String message) {
        }

        /** Two aligned columns (e.g. keys and what they do) with a note below; defaults to {@link #info}. */
        default void table(Window owner, String title, List<String[]> rows, String note) {
            StringBuilder b = new StringBuilder();
            rows.forEach(r -> b.append(r[0]).append('\t').append(r[1]).append('\n'));
            info(owner, title, b + note);
        }

        boolean confirm(Window owner, String title, String message, String okLabel);

        /** A line of text the user types (e.g. a note), starting from {@code initial}; empty when cancelled. */
        default Optional<String> text(Window owner, String title, String prompt, String initial) {
            javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(initial);
            d.initOwner(owner);
            d.setTitle("AC1 Explorer");
            d.setHeaderText(title);
            d.setContentText(prompt);
            d.getEditor().setPrefColumnCount(40);
            return d.showAndWait();
        }
    }

    private static final Handler ALERTS = new Handler() {
        @Override
        public void error(Window owner, String title, String message) {
            Alert a = new Alert(Alert.AlertType.ERROR);
            a.initOwner(owner);
            a.setTitle("AC1 Explorer");
            a.setHeaderText(title);
            Label l = new Label(message);
            l.setWrapText(true);
            l.setMaxWidth(520);
            a.getDialogPane().setContent(l);
            // grow to the wrapped text instead of cutting it
            a.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
            a.setResizable(true);
            a.show();
        }

        @Override
        public void info(Window owner, String title, String message) {
            Alert a = new Alert(Alert.AlertType.INFORMATION);
            a.initOwner(owner);
            a.setTitle("AC1 Explorer");
            a.setHeaderText(title);
            Label l = new Label(message);
            l.setWrapText(true);
            l.setMaxWidth(560);
            a.getDialogPane().setContent(l);
            // grow to the wrapped text instead of cutting it
            a.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
            a.setResizable(true);
            a.show();
        }

        @Override
        public void table(Window owner, String title, List<String[]> rows, String note) {
            GridPane g = new GridPane();
            g.setHgap(18);
            g.setVgap(4);
            for (int i = 0; i < rows.size(); i++) {
                Label key = new Label(rows.get(i)[0]);
                key.setStyle("-fx-font-weight: bold");
                key.setMinWidth(Region.USE_PREF_SIZE);
                Label what = new Label(rows.get(i)[1]);
                what.setWrapText(true);
                g.addRow(i, key, what);
            }
            Label n = new Label(note);
            n.setWrapText(true);
            n.setMaxWidth(620);
            GridPane.setColumnSpan(n, 2);
            g.add(n, 0, rows.size());
            GridPane.setMargin(n, new Insets(10, 0, 0, 0));
            Alert a = new Alert(Alert.AlertType.INFORMATION);
            a.initOwner(owner);
            a.setTitle("AC1 Explorer");
            a.setHeaderText(title);
            a.getDialogPane().setContent(g);
            a.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
            a.setResizable(true);
            a.show();
        }

        @Override
        public boolean confirm(Window owner, String title, String message, String okLabel) {
            ButtonType ok = new ButtonType(okLabel, ButtonBar.ButtonData.OK_DONE);
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, ok, ButtonType.CANCEL);
            a.initOwner(owner);
            a.setTitle("AC1 Explorer");
            a.setHeaderText(title);
            Optional<ButtonType> r = a.showAndWait();
            return r.isPresent() && r.get() == ok;
        }
    };

    private static volatile Handler handler = ALERTS;

    private Dialogs() {
    }

    public static void setHandler(Handler h) {
        handler = h == null ? ALERTS : h;
    }

    public static void error(Window owner, String title, String message) {
        handler.error(owner, title, message);
    }

    public static void info(Window owner, String title, String message) {
        handler.info(owner, title, message);
    }

    public static void table(Window owner, String title, List<String[]> rows, String note) {
        handler.table(owner, title, rows, note);
    }

    public static boolean confirm(Window owner, String title, String message, String okLabel) {
        return handler.confirm(owner, title, message, okLabel);
    }

    public static Optional<String> text(Window owner, String title, String prompt, String initial) {
        return handler.text(owner, title, prompt, initial);
    }

    /** A one-line reason for a failure, for dialogs and the status line. */
    public static String reason(Throwable e) {
        return reason(e, "start with a larger heap, e.g. java -Xmx4g -jar ac1-explorer.jar");
    }

    /**
     * A one-line reason for a failure, for dialogs and the status line; {@code outOfMemoryHint} says what to try
     * when the work ran out of heap.
     */
    public static String reason(Throwable e, String outOfMemoryHint) {
        // the fork-join pool rethrows a copy of the worker's exception, wrapping the original
        while (e.getCause() != null && e.getCause().getClass() == e.getClass()) {
            e = e.getCause();
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory; " + outOfMemoryHint;
        }
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return n.getFile() + " does not exist";
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getFile() + " already exists";
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        return m;
    }
}
