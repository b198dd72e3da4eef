package org.ac1explorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.axes.Axis;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.ac1explorer.ui.plots.PlotData;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/** The repeats superimposed on one absolute mV axis, and the stacked view's trace gain. */
class TraceViewsTest extends DemoWindowTest {

    @Start
    void start(Stage stage) {
        showWindow(stage);
    }

    @Test
    void overlayPutsRawRepeatsOnOneAbsoluteAxisThatHoldsTheRestingPotential() {
        openDemo();
        fx(() -> {
            ((CheckBox) stage.getScene().lookup("#overlay-traces")).setSelected(true);
            window.views().plots().traces().rawProperty().set(true);
            return null;
        });
        waitUntil("the overlay is drawn", () -> {
            PlotData.Traces t = window.views().plots().traces().current();
            return t != null && t.layout().overlay() && t.layout().raw();
        });
        double baseline = fx(() -> {
            var d = window.model().selectionData();
            double[] b = d.analysis().baselines().get(0);
            return b[b.length / 2];
        });
        Axis y = fx(() -> window.views().plots().traces().chart().getYAxis());
        double lo = fx(y::getMin);
        double hi = fx(y::getMax);
        assertTrue(lo < baseline && baseline < hi, "the axis [" + lo + ", " + hi + "] holds the baseline " + baseline + " mV");
        String title = fx(() -> org.ac1explorer.ui.plots.PlotStyle.titlesY(
                (io.fair_acc.chartfx.axes.spi.DefaultNumericAxis) y).get(0));
        assertTrue(title.contains("superimposed"), title);
        assertTrue(fx(() -> window.views().plots().traces().rowLabelBounds().isEmpty()), "no row labels piled up");
        for (PlotData.Row r : fx(() -> window.views().plots().traces().current().rows())) {
            assertEquals(0.0, r.offset(), "every repeat at its own values");
        }
    }

    @Test
    void gainMagnifiesTheTracesWithinTheirRowsAndFitResetsIt() {
        openDemo();
        double spacing = fx(() -> window.views().plots().traces().current().layout().spacing());
        fx(() -> {
            window.views().plots().traces().scaleGain(2);
            return null;
        });
        waitUntil("rows half as far apart in mV", () -> window.views().plots().traces().current().layout().spacing() == spacing / 2);
        fx(() -> {
            window.views().plots().traces().scaleGain(0);
            return null;
        });
        waitUntil("gain back to 1", () -> window.views().plots().traces().current().layout().spacing() == spacing);
    }

    @Test
    void amplitudeAndFrequencyZoomNarrowTheVerticalAxesAndFitRestoresThem() {
        openDemo();
        Axis ty = fx(() -> window.views().plots().traces().chart().getYAxis());
        Axis fy = fx(() -> window.views().plots().spectrogram().chart().getYAxis());
        double[] traces = fx(() -> new double[] {ty.getMin(), ty.getMax()});
        double[] bands = fx(() -> new double[] {fy.getMin(), fy.getMax()});
        fx(() -> {
            window.views().plots().traces().amplitudeZoom().zoom((traces[0] + traces[1]) / 2, 0.5);
            window.views().plots().spectrogram().frequencyZoom().zoom(bands[0], 0.5);
            return null;
        });
        assertEquals((traces[1] - traces[0]) / 2, fx(() -> ty.getMax() - ty.getMin()), 1e-9);
        assertEquals(bands[0], fx(fy::getMin), 1e-9, "zoomed around the lowest band");
        assertEquals((bands[1] - bands[0]) / 2, fx(() -> fy.getMax() - fy.getMin()), 1e-9);
        fx(() -> {
            window.views().plots().fitAll();
            return null;
        });
        assertEquals(traces[0], fx(ty::getMin), 1e-9);
        assertEquals(traces[1], fx(ty::getMax), 1e-9);
        assertEquals(bands[1], fx(fy::getMax), 1e-9);
    }

    @Test
    void measurementCursorsReadTheTimeAndResponseDifferenceOfTheMean() {
        openDemo();
        fx(() -> {
            window.views().plots().response().cursorsProperty().set(true);
            window.views().plots().response().setCursors(0.501, 0.751);
            return null;
        });
        var d = fx(() -> window.model().selectionData());
        int a = (int) Math.rint(0.501 / (d.params().dtMs() / 1000.0) - 0.5);
        int b = (int) Math.rint(0.751 / (d.params().dtMs() / 1000.0) - 0.5);
        double dv = d.mean()[b] - d.mean()[a];
        String text = fx(() -> ((javafx.scene.control.Label) stage.getScene().lookup("#cursor-measure")).getText());
        assertTrue(text.contains("Δt = 250 ms"), text);
        assertTrue(text.contains(org.ac1explorer.ui.common.Formats.num(dv, 3)), text + " vs Δ " + dv);
    }

    @Test
    void noCellsTableColumnIsNarrowerThanItsHeader() {
        openDemo();
        fx(() -> {
            window.layout().leftTabs().getSelectionModel().select(1);
            return null;
        });
        var table = fx(() -> (javafx.scene.control.TableView<?>) stage.getScene().lookup("#cells-table"));
        for (var c : fx(() -> java.util.List.copyOf(table.getColumns()))) {
            javafx.scene.text.Text t = new javafx.scene.text.Text(c.getText());
            double header = t.getLayoutBounds().getWidth();
            assertTrue(fx(c::getWidth) >= header + 24, c.getText() + ": " + fx(c::getWidth) + " px for a " + header + " px header");
        }
    }
}
