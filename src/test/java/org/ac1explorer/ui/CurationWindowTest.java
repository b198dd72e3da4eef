package org.ac1explorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ac1explorer.curation.CurationFile;
import org.ac1explorer.curation.HandVerdict;
import org.ac1explorer.explore.SelectionData;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Hand curation in the window: keys on the chosen repeat, marks in its label, the mean follows, undo / redo, the file. */
class CurationWindowTest extends DemoWindowTest {

    @Start
    void start(Stage stage) {
        showWindow(stage);
    }

    @Test
    void rejectingByHandMarksTheRepeatDropsItFromTheMeanAndUndoRedoRoundTrips() throws Exception {
        openDemo();
        Path file = fx(() -> window.controllers().curation().fileProperty().get());
        assertTrue(file.startsWith(shared), "tests keep the curation file in their temp folder: " + file);
        long keptBefore = fx(() -> window.model().selectionData().keptCount());
        int repeat = fx(() -> {
            SelectionData d = window.model().selectionData();
            for (int i = 0; i < d.repeatCount(); i++) {
                if (d.kept(i)) {
                    return i;
                }
            }
            return -1;
        });
        assertTrue(repeat >= 0, "the first demo selection keeps a repeat");
        FxRobot robot = new FxRobot();
        fx(() -> {
            window.views().plots().traces().focusedRepeatProperty().set(repeat);
            stage.requestFocus();
            window.views().browser().tree().requestFocus();
            return null;
        });
        robot.type(KeyCode.R);
        waitUntil("the mean is recomputed without the repeat", () -> window.model().selectionData() != null
                && window.model().selectionData().hand(repeat) != null && window.views().plots().shown() == window.model().selectionData());
        assertEquals(keptBefore - 1, (long) fx(() -> window.model().selectionData().keptCount()));
        waitUntil("its label says so", () -> labelOf(repeat).contains("✘ rejected by hand"));
        assertEquals("✎ 1 override", fx(() -> ((Label) stage.getScene().lookup("#curation-counter")).getText()));
        assertEquals(HandVerdict.REJECT, CurationFile.read(file).overrides().get(0).verdict(), "saved at once");

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil("undo gives the repeat back to the gating", () -> window.model().selectionData().hand(repeat) == null
                && window.model().selectionData().keptCount() == keptBefore);
        assertTrue(CurationFile.read(file).overrides().isEmpty());
        assertFalse(fx(() -> stage.getScene().lookup("#curation-counter").isVisible()));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("redo rejects it again", () -> window.model().selectionData().hand(repeat) != null);
        assertEquals(1, CurationFile.read(file).overrides().size());
    }

    @Test
    void aBrokenCurationFileIsReportedAndLeftUntouched() throws Exception {
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"format\": \"ac1-curation/1\", \"overrides\": [{\"cell\": 3}]}");
        Path before = fx(() -> window.controllers().curation().fileProperty().get());
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> fx(() -> {
                    window.controllers().curation().open(broken);
                    return null;
                }));
        assertTrue(String.valueOf(e.getCause()).contains("broken.json: overrides[0]: \"cell\" is missing"),
                String.valueOf(e.getCause()));
        assertEquals(before, fx(() -> window.controllers().curation().fileProperty().get()), "still editing the previous file");
        assertEquals("{\"format\": \"ac1-curation/1\", \"overrides\": [{\"cell\": 3}]}", Files.readString(broken));
    }

    private String labelOf(int repeat) {
        return window.views().plots().traces().rowTexts().stream().filter(t -> t.startsWith("#" + (repeat + 1) + " "))
                .findFirst().orElse("");
    }
}
