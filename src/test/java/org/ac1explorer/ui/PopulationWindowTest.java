package org.ac1explorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.explore.PopulationRow;
import org.ac1explorer.explore.Selection;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Population tab: P shows it, it lists exactly the cells that heard the stimulus, a row click opens that cell. */
class PopulationWindowTest extends DemoWindowTest {

    @Start
    void start(Stage stage) {
        showWindow(stage);
    }

    @Test
    void hiddenTabsGetTheirContentWhenFirstShown() {
        openDemo();
        assertTrue(fx(() -> window.views().population().getScene() == null), "the Population tab's view waits for the tab");
        assertTrue(fx(() -> window.views().cellsTable().getScene() == null), "so does the Cells table");
        fx(() -> {
            window.layout().centreTabs().getSelectionModel().select(1);
            window.layout().leftTabs().getSelectionModel().select(1);
            return null;
        });
        waitUntil("both are in the window once shown", () -> window.views().population().getScene() != null
                && window.views().cellsTable().getScene() != null);
    }

    @Test
    void pShowsEveryListenerAndARowClickOpensThatCell() {
        openDemo();
        Selection first = fx(() -> window.model().selection());
        List<String> listeners = fx(() -> {
            List<String> out = new ArrayList<>();
            for (CellRecord c : window.model().dataset().archive().cells()) {
                if (c.stimuli().stream().anyMatch(s -> s.key().equals(first.stimulus().key()))) {
                    out.add(c.session());
                }
            }
            return out;
        });
        FxRobot robot = new FxRobot();
        fx(() -> {
            stage.requestFocus();
            window.views().browser().tree().requestFocus();
            return null;
        });
        robot.type(KeyCode.P);
        waitUntil("the population tab is shown", () -> window.layout().centreTabs().getSelectionModel().getSelectedIndex() == 1);
        waitUntil("the population is computed", () -> {
            var r = window.views().population().controller().response();
            return r != null && window.views().population().controller().isCurrent(r);
        });
        List<String> shown = fx(() -> {
            List<String> out = new ArrayList<>();
            for (int b = 0; b < 4; b++) {
                window.views().population().rowsOf(b).forEach(row -> out.add(row.cell().session()));
            }
            return out;
        });
        assertEquals(listeners.stream().sorted().toList(), shown.stream().sorted().toList(), "every listener, once");
        assertTrue(shown.size() >= 2, "the demo's first stimulus has several listeners");

        int block = fx(() -> {
            for (int b = 0; b < 4; b++) {
                if (!window.views().population().rowsOf(b).isEmpty()) {
                    return b;
                }
            }
            return -1;
        });
        PopulationRow other = fx(() -> window.views().population().rowsOf(block).stream()
                .filter(r -> !r.cell().equals(first.cell())).findFirst().orElseThrow());
        int index = fx(() -> window.views().population().rowsOf(block).indexOf(other));
        Point2D at = fx(() -> window.views().population().rowPointOnScreen(block, index));
        robot.moveTo(at).clickOn(MouseButton.PRIMARY);
        waitUntil("that cell is open with the same stimulus", () -> window.model().selection().cell().equals(other.cell()));
        assertEquals(first.stimulus().key(), fx(() -> window.model().selection().stimulus().key()));
        assertEquals(0, (int) fx(() -> window.layout().centreTabs().getSelectionModel().getSelectedIndex()), "back on the Cell tab");
        assertNotEquals(first.cell(), fx(() -> window.model().selection().cell()));
    }
}
