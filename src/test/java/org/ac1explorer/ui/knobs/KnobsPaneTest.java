package org.ac1explorer.ui.knobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ac1explorer.dataset.Params;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class KnobsPaneTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T fx(Callable<T> c) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, c);
    }

    @Test
    void everyInvalidKnobKeepsItsErrorWhenAnotherHoldsNoNumber() {
        List<Params> passed = new ArrayList<>();
        KnobsPane pane = fx(() -> new KnobsPane(Params.defaults(), passed::add));
        assertEquals(1, passed.size(), "the initial valid set is passed on once");
        fx(() -> {
            pane.knob("fmin").field().setText("abc");
            pane.knob("dt-ms").field().setText("-5");
            return null;
        });
        assertTrue(fx(() -> pane.knob("fmin").errorText()).contains("not a number"));
        String dt = fx(() -> pane.knob("dt-ms").errorText());
        assertNotNull(dt, "dt = -5 is marked although fmin holds no number");
        assertTrue(dt.contains("> 0"), dt);
        String summary = fx(() -> pane.summaryProperty().get());
        assertTrue(summary.startsWith("Fix 2 knobs"), summary);
        assertEquals("", fx(() -> pane.knob("window-ms").field().getText()), "no window derived from dt = -5");
        assertEquals(1, passed.size(), "nothing invalid is passed on");

        fx(() -> {
            pane.knob("fmin").field().setText("200");
            return null;
        });
        summary = fx(() -> pane.summaryProperty().get());
        assertTrue(summary.startsWith("Invalid knob: dt-ms"), summary);
        fx(() -> {
            pane.knob("dt-ms").field().setText("2");
            return null;
        });
        assertNull(fx(() -> pane.knob("dt-ms").errorText()));
        assertEquals("", fx(() -> pane.summaryProperty().get()));
        assertEquals("4", fx(() -> pane.knob("window-ms").field().getText()), "auto window = 2 x dt");
        Params last = passed.get(passed.size() - 1);
        assertEquals(200.0, last.fminHz());
        assertEquals(2.0, last.dtMs());
        assertNull(last.windowMs(), "auto window stays the reference's 2 x dt");
    }

    @Test
    void showRoundTripsEveryParameterThroughTheKnobs() {
        Params p = Params.defaults().withDtMs(2.5).withFminHz(250).withFmaxHz(20000).withBinsPerOctave(12)
                .withWindowMs(7.0).withDetrendMedMs(37).withDetrendGaussMs(3.5).withAbsMvMax(40).withStepMv(10)
                .withMaxStepFrac(0.01).withMinXcorr(0.3).withSpikeClipMs(1.0).withSites(List.of("MGB"));
        List<Params> passed = new ArrayList<>();
        fx(() -> new KnobsPane(p, passed::add));
        assertEquals(p, passed.get(passed.size() - 1));
    }
}
