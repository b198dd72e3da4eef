package org.ac1explorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.axes.Axis;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.ac1explorer.ui.figures.ChartFigure;
import org.ac1explorer.ui.figures.Figure;
import org.ac1explorer.ui.plots.PlotData;
import org.ac1explorer.ui.plots.ScaleBar;
import org.ac1explorer.ui.plots.TracesChart;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/** The repeats superimposed on one absolute mV axis, the stacked view's trace gain and scale bar. */
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

    /** The scale bar now, once it agrees with the traces' axes (after the next layout pulse). */
    private ScaleBar.Reading consistentScaleBar(String when) {
        waitUntil("the scale bar matches the axes " + when, () -> scaleBarError(traces().scaleBar()) == null);
        return fx(() -> traces().scaleBar());
    }

    private TracesChart traces() {
        return window.views().plots().traces();
    }

    /** Why {@code r} does not state a round value drawn at the axes' scale, or null when it does. Call on the FX thread. */
    private String scaleBarError(ScaleBar.Reading r) {
        if (r == null) {
            return "no scale bar";
        }
        Axis x = traces().chart().getXAxis();
        Axis y = traces().chart().getYAxis();
        if (!isRound(r.mv()) || !isRound(r.seconds())) {
            return "not 1, 2 or 5 x 10^k: " + r.mv() + " mV, " + r.seconds() + " s";
        }
        // the axes' current ranges over the plot area's size (display positions lag until the next layout)
        Bounds plot = traces().plotAreaBounds();
        double mvPx = r.mv() * plot.getHeight() / (y.getMax() - y.getMin());
        double sPx = r.seconds() * plot.getWidth() / (x.getMax() - x.getMin());
        if (Math.abs(mvPx - r.heightPx()) > 0.5 || Math.abs(sPx - r.widthPx()) > 0.5) {
            return "bar " + r.heightPx() + " x " + r.widthPx() + " px, axes give " + mvPx + " x " + sPx;
        }
        String mvText = org.ac1explorer.ui.common.Formats.sig(r.mv()) + " mV";
        String sText = r.seconds() < 1 ? org.ac1explorer.ui.common.Formats.sig(r.seconds() * 1000) + " ms"
                : org.ac1explorer.ui.common.Formats.sig(r.seconds()) + " s";
        if (!r.mvText().equals(mvText) || !r.timeText().equals(sText)) {
            return "labels " + r.mvText() + ", " + r.timeText();
        }
        return null;
    }

    private static boolean isRound(double v) {
        double m = v / Math.pow(10, Math.floor(Math.log10(v)));
        return Math.abs(m - 1) < 1e-6 || Math.abs(m - 2) < 1e-6 || Math.abs(m - 5) < 1e-6;
    }

    /** Asserts that the bar is inside the traces chart, off its plot area (where the traces are) and off every verdict label. */
    private void assertBarClearOfTraces(ScaleBar.Reading r) {
        Bounds chart = fx(() -> traces().chart().localToScene(traces().chart().getLayoutBounds()));
        Bounds plot = fx(() -> traces().plotAreaBounds());
        assertTrue(chart.contains(r.scene()), "bar " + r.scene() + " inside the chart " + chart);
        assertFalse(plot.intersects(r.scene()), "bar " + r.scene() + " off the traces " + plot);
        // labels and bar are placed in the same layout pass: compare them as laid out together (the bar may also step aside)
        String[] last = {""};
        try {
            waitUntil("the bar off every verdict label", () -> {
                ScaleBar.Reading now = traces().scaleBar();
                if (now == null) {
                    return true;
                }
                for (Bounds l : traces().rowLabelBounds()) {
                    if (l.intersects(now.scene())) {
                        last[0] = "bar " + now.scene() + " on the verdict label " + l;
                        return false;
                    }
                }
                return true;
            });
        } catch (AssertionError e) {
            throw new AssertionError(last[0], e);
        }
    }

    @Test
    void scaleBarOfTheRowsStatesRoundValuesAtTheAxesScaleFollowsEveryZoomAndStaysOffTheTraces() {
        openDemo();
        ScaleBar.Reading first = consistentScaleBar("at first");
        assertBarClearOfTraces(first);
        assertTrue(first.heightPx() >= 8 && first.widthPx() >= 20, "a visible bar: " + first);

        // amplitude zoom: twice the pixels per mV, so a smaller round amplitude
        fx(() -> {
            Axis y = traces().chart().getYAxis();
            traces().amplitudeZoom().zoom((y.getMin() + y.getMax()) / 2, 0.5);
            return null;
        });
        waitUntil("the bar follows the amplitude zoom", () -> traces().scaleBar() != null
                && traces().scaleBar().mv() < first.mv());
        ScaleBar.Reading zoomed = consistentScaleBar("after the amplitude zoom");
        assertBarClearOfTraces(zoomed);
        fx(() -> {
            window.views().plots().fitAll();
            return null;
        });
        assertEquals(first.mv(), consistentScaleBar("after fit").mv(), "fit gives the first bar back");

        // gain 4: rows 4 x closer in mV on an axis of the same height
        double spacing = fx(() -> traces().current().layout().spacing());
        fx(() -> {
            traces().scaleGain(4);
            return null;
        });
        waitUntil("gain 4 drawn", () -> traces().current().layout().spacing() == spacing / 4
                && traces().scaleBar() != null && traces().scaleBar().mv() < first.mv());
        assertBarClearOfTraces(consistentScaleBar("at gain 4"));
        fx(() -> {
            traces().scaleGain(0);
            return null;
        });
        waitUntil("gain 1 drawn", () -> traces().current().layout().spacing() == spacing
                && traces().scaleBar() != null && traces().scaleBar().mv() == first.mv());

        // time zoom: a shorter round duration
        fx(() -> {
            window.views().plots().time().setRange(0.2, 0.7);
            return null;
        });
        waitUntil("time zoom drawn", () -> traces().scaleBar() != null && traces().scaleBar().seconds() < first.seconds());
        ScaleBar.Reading time = consistentScaleBar("after the time zoom");
        assertTrue(time.timeText().endsWith(" ms"), time.timeText());
        assertBarClearOfTraces(time);

        // exported with the chart, as drawn: both labels, off the plot area, inside the figure
        Figure f = fx(() -> {
            // the bar's values and lengths as read (its labels' scene bounds may still settle by a pixel or two)
            ScaleBar.Reading now = traces().scaleBar();
            assertEquals(List.of(time.mv(), time.seconds(), time.mvText(), time.timeText(), time.heightPx(), time.widthPx()),
                    List.of(now.mv(), now.seconds(), now.mvText(), now.timeText(), now.heightPx(), now.widthPx()),
                    "the bar as read");
            return ChartFigure.of(traces().chart());
        });
        List<Figure.Label> labels = f.items().stream().filter(i -> i instanceof Figure.Label).map(i -> (Figure.Label) i)
                .toList();
        for (String text : List.of(time.mvText(), time.timeText())) {
            Figure.Label l = labels.stream().filter(x -> x.text().equals(text)).findFirst()
                    .orElseThrow(() -> new AssertionError(text + " not in the figure"));
            assertFalse(f.plotArea().contains(l.x(), l.y()), text + " off the plot area");
            assertTrue(f.view().contains(l.x(), l.y()), text + " inside the figure");
        }
        long barStrokes = f.items().stream().filter(i -> i instanceof Figure.Stroke s && !s.clipped()
                && s.xy().length == 4 && !f.plotArea().contains(s.xy()[0], s.xy()[1])
                && (Math.abs(Math.abs(s.xy()[3] - s.xy()[1]) - time.heightPx()) < 0.5
                        || Math.abs(Math.abs(s.xy()[2] - s.xy()[0]) - time.widthPx()) < 0.5)).count();
        assertEquals(2, barStrokes, "the two bars, at their lengths, beside the plot area");

        // superimposed repeats share an absolute mV axis: no bar
        fx(() -> {
            ((CheckBox) stage.getScene().lookup("#overlay-traces")).setSelected(true);
            return null;
        });
        waitUntil("overlay drawn", () -> traces().current().layout().overlay());
        assertNull(fx(() -> traces().scaleBar()), "no scale bar over an absolute axis");
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
