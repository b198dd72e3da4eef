package org.ac1explorer.ui.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class ActionTableTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // menu items and controls need a running JavaFX toolkit
    }

    private static KeyEvent press(KeyCode code) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false);
    }

    @Test
    void menusFollowFirstMentionWithSeparatorsBetweenSections() {
        ActionTable t = new ActionTable();
        t.add(Action.of("File", "Open", () -> { }).withAccelerator("Shortcut+O"));
        t.add(Action.of("View", "Fit", () -> { }).withPlainKey(KeyCode.F, "F"));
        t.add(Action.of("File", "Quit", () -> { }).inSection(1));
        t.addItem("View", 1, new RadioMenuItem("Raw"));
        MenuBar bar = t.menuBar();
        assertEquals(List.of("File", "View"), bar.getMenus().stream().map(m -> m.getText()).toList());
        List<MenuItem> file = bar.getMenus().get(0).getItems();
        assertEquals(3, file.size());
        assertEquals(KeyCombination.keyCombination("Shortcut+O"), file.get(0).getAccelerator());
        assertTrue(file.get(1) instanceof SeparatorMenuItem);
        List<MenuItem> view = bar.getMenus().get(1).getItems();
        assertEquals("Fit    F", view.get(0).getText(), "a plain key is shown in the label, not as an accelerator");
        assertEquals(null, view.get(0).getAccelerator());
        assertTrue(view.get(2) instanceof RadioMenuItem);
    }

    @Test
    void plainKeyRunsItsCommandOnceUnlessTheFocusIsInAField() {
        List<String> ran = new ArrayList<>();
        ActionTable t = new ActionTable();
        t.add(Action.of("Navigate", "Next cell", () -> ran.add("next")).withPlainKey(KeyCode.DOWN, "↓"));
        KeyEvent down = press(KeyCode.DOWN);
        assertTrue(t.runPlainKey(down, null));
        assertTrue(down.isConsumed());
        assertEquals(List.of("next"), ran);
        assertFalse(t.runPlainKey(press(KeyCode.DOWN), new TextField()), "a text field keeps its arrow keys");
        assertFalse(t.runPlainKey(press(KeyCode.UP), null), "no command on that key");
        assertEquals(List.of("next"), ran);
    }

    @Test
    void disabledCommandDoesNotRunFromItsKey() {
        SimpleBooleanProperty disabled = new SimpleBooleanProperty(true);
        List<String> ran = new ArrayList<>();
        ActionTable t = new ActionTable();
        t.add(Action.of("Sound", "Play", () -> ran.add("play")).withPlainKey(KeyCode.SPACE, "Space").disabledWhen(disabled));
        assertFalse(t.runPlainKey(press(KeyCode.SPACE), null));
        disabled.set(false);
        assertTrue(t.runPlainKey(press(KeyCode.SPACE), null));
        assertEquals(List.of("play"), ran);
    }

    @Test
    void toggleIsACheckItemBoundBothWays() {
        SimpleBooleanProperty dark = new SimpleBooleanProperty(false);
        ActionTable t = new ActionTable();
        t.add(Action.toggle("View", "Dark theme", dark));
        CheckMenuItem item = (CheckMenuItem) t.menuBar().getMenus().get(0).getItems().get(0);
        item.setSelected(true);
        assertTrue(dark.get());
        dark.set(false);
        assertFalse(item.isSelected());
    }

    @Test
    void shortcutListHoldsEachKeyedCommandOnceWithItsHelp() {
        ActionTable t = new ActionTable();
        t.add(Action.of("File", "Open", () -> { }).withAccelerator("F2").withHelp("open a dataset folder"));
        t.add(Action.of("File", "Open demo", () -> { }));
        t.add(Action.of("View", "Fit", () -> { }).withPlainKey(KeyCode.F, "F"));
        List<Action> keyed = t.withKeys();
        assertEquals(2, keyed.size());
        assertEquals("open a dataset folder", keyed.get(0).help());
        assertEquals("F", keyed.get(1).keyText());
        assertEquals("Fit", keyed.get(1).help());
    }
}
