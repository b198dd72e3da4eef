package org.ac1explorer.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicReference;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class TooltipsTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static void enter(Node n) {
        Event.fireEvent(n, new MouseEvent(MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1, MouseButton.NONE, 0,
                false, false, false, false, false, false, false, false, false, false, null));
    }

    @Test
    void aTooltipIsMadeWhenThePointerFirstEntersAndReusedAfter() throws Exception {
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            Label l = new Label("a long name cut by its column");
            Tooltips.install(l, "what the label holds");
            assertNull(l.getTooltip(), "nothing made with the node");
            enter(l);
            Tooltip first = l.getTooltip();
            assertEquals("what the label holds", first.getText());
            enter(l);
            assertSame(first, l.getTooltip(), "one tooltip per node");
            return null;
        });
    }

    @Test
    void theTextFollowsWhatTheNodeShowsAndBlankMeansNone() throws Exception {
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            Region r = new Region();
            AtomicReference<String> text = new AtomicReference<>("first");
            Tooltips.install(r, text::get);
            enter(r);
            assertEquals("first", Tooltips.current(r).getText());
            text.set("second");
            enter(r);
            assertEquals("second", Tooltips.current(r).getText());
            text.set(null);
            enter(r);
            assertNull(Tooltips.current(r), "no tooltip while there is nothing to say");
            text.set("back");
            enter(r);
            assertEquals("back", Tooltips.current(r).getText());
            text.set("changed under a still pointer");
            Tooltips.current(r).getOnShowing().handle(null);
            assertEquals("changed under a still pointer", Tooltips.current(r).getText(), "asked again as it shows");
            return null;
        });
    }
}
