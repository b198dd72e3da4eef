package org.ac1explorer.ui.common;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the pointer enters their node, not with the node: a {@link Tooltip} is a popup
 * window with a scene of its own, and the window's sixty-odd (plus one per table cell, tree row and
 * repeat label, made again on every update) were a tenth of the JavaFX thread's work before the
 * first frame. The text is asked for on each entry and as the tooltip shows, so it follows what
 * the node shows (a table cell reused for another row under a still pointer). Long
 * texts wrap at {@link #MAX_WIDTH} px.
 */
public final class Tooltips {
    /** Width at which a tooltip's text wraps, px. */
    public static final double MAX_WIDTH = 420;
    /** Node property keys: the tooltip made for the node, its entry handler, and (not a control) the tooltip installed. */
    private static final String KEY = "ac1.tooltip";
    private static final String HANDLER = "ac1.tooltip.handler";
    private static final String INSTALLED = "ac1.tooltip.installed";

    private Tooltips() {
    }

    /** Gives {@code node} a tooltip saying {@code text}. */
    public static void install(Node node, String text) {
        install(node, () -> text);
    }

    /**
     * Gives {@code node} a tooltip saying what {@code text} returns when the pointer enters it; none
     * while it returns null or blank. Replaces a tooltip installed here before.
     */
    public static void install(Node node, Supplier<String> text) {
        Object old = node.getProperties().get(HANDLER);
        if (old instanceof Entry e) {
            node.removeEventHandler(MouseEvent.MOUSE_ENTERED, e);
        }
        Entry e = new Entry(node, text);
        node.getProperties().put(HANDLER, e);
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, e);
    }

    /** The tooltip {@code node} shows now (made on the pointer's first entry), or null. */
    public static Tooltip current(Node node) {
        return node instanceof Control c ? c.getTooltip() : (Tooltip) node.getProperties().get(INSTALLED);
    }

    private record Entry(Node node, Supplier<String> text) implements javafx.event.EventHandler<MouseEvent> {
        @Override
        public void handle(MouseEvent event) {
            String s = text.get();
            Tooltip shown = current(node);
            if (s == null || s.isBlank()) {
                detach(shown);
                return;
            }
            Tooltip t = (Tooltip) node.getProperties().get(KEY);
            if (t == null) {
                t = new Tooltip();
                t.setWrapText(true);
                t.setMaxWidth(MAX_WIDTH);
                Tooltip made = t;
                // asked again as it shows: what the node shows may have changed under a still pointer
                made.setOnShowing(e -> {
                    String now = ((Entry) node.getProperties().get(HANDLER)).text().get();
                    if (now == null || now.isBlank()) {
                        javafx.application.Platform.runLater(made::hide);
                    } else {
                        made.setText(now);
                    }
                });
                node.getProperties().put(KEY, t);
            }
            t.setText(s);
            if (shown != t) {
                detach(shown);
                if (node instanceof Control c) {
                    c.setTooltip(t);
                } else {
                    Tooltip.install(node, t);
                    node.getProperties().put(INSTALLED, t);
                }
            }
        }

        private void detach(Tooltip shown) {
            if (shown == null) {
                return;
            }
            if (node instanceof Control c) {
                c.setTooltip(null);
            } else {
                Tooltip.uninstall(node, shown);
                node.getProperties().remove(INSTALLED);
            }
        }
    }
}
