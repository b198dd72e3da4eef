package org.ac1explorer.ui.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

/**
 * The explorer's commands in one table, which drives the menu bar, the plain-key handling and the
 * shortcuts dialog, so a shortcut is written once. Items that are not commands (radio groups) are
 * placed with {@link #addItem}. Menus appear in the order they are first named. JavaFX thread.
 */
public final class ActionTable {
    private record Placed(String menu, int section, Action action, MenuItem item) {
    }

    private final List<Placed> entries = new ArrayList<>();

    public Action add(Action a) {
        entries.add(new Placed(a.menu(), a.section(), a, null));
        return a;
    }

    /** A ready-made menu item (e.g. one of a radio group) at a place in the menus. */
    public void addItem(String menu, int section, MenuItem item) {
        entries.add(new Placed(menu, section, null, item));
    }

    public List<Action> actions() {
        return entries.stream().filter(p -> p.action() != null).map(Placed::action).toList();
    }

    /** The commands that have a key, in menu order. */
    public List<Action> withKeys() {
        return actions().stream().filter(Action::hasKey).toList();
    }

    /** The menu bar: one menu per name, separators between sections. */
    public MenuBar menuBar() {
        Map<String, List<Placed>> menus = new LinkedHashMap<>();
        for (Placed p : entries) {
            menus.computeIfAbsent(p.menu(), k -> new ArrayList<>()).add(p);
        }
        MenuBar bar = new MenuBar();
        menus.forEach((name, placed) -> {
            Menu m = new Menu(name);
            int section = placed.get(0).section();
            for (Placed p : placed) {
                if (p.section() != section) {
                    m.getItems().add(new SeparatorMenuItem());
                    section = p.section();
                }
                m.getItems().add(p.item() != null ? p.item() : menuItem(p.action()));
            }
            bar.getMenus().add(m);
        });
        return bar;
    }

    private static MenuItem menuItem(Action a) {
        MenuItem m;
        if (a.toggle() != null) {
            CheckMenuItem c = new CheckMenuItem(a.label());
            c.selectedProperty().bindBidirectional(a.toggle());
            m = c;
        } else {
            m = new MenuItem(a.label());
            m.setOnAction(e -> a.handler().run());
        }
        if (a.accelerator() != null) {
            m.setAccelerator(a.accelerator());
        } else if (a.plainKey() != null) {
            // a plain key is no accelerator (it would fire inside text fields): show it in the label
            m.setText(a.label() + "    " + a.plainKeyText());
        }
        if (a.disabled() != null) {
            m.disableProperty().bind(a.disabled());
        }
        return m;
    }

    /**
     * Runs the command bound to the plain key of {@code e}, unless the focus is in a control that
     * uses the key itself; consumes the event when a command ran.
     */
    public boolean runPlainKey(KeyEvent e, Node focusOwner) {
        if (e.isShortcutDown() || e.isAltDown() || e.isControlDown() || e.isMetaDown() || usesKeys(focusOwner)) {
            return false;
        }
        for (Action a : actions()) {
            if (a.plainKey() == e.getCode() && (a.disabled() == null || !a.disabled().get())) {
                a.handler().run();
                e.consume();
                return true;
            }
        }
        return false;
    }

    private static boolean usesKeys(Node f) {
        return f instanceof TextInputControl || f instanceof Slider || f instanceof Spinner || f instanceof ComboBoxBase
                || f instanceof ChoiceBox || f instanceof ListView;
    }
}
