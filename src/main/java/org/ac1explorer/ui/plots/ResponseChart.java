package org.ac1explorer.ui.plots;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleErrorDataSet;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ac1explorer.dsp.GateReason;
import org.ac1explorer.ui.common.Formats;
import org.ac1explorer.ui.common.VerdictStyle;
import org.ac1explorer.ui.common.Tooltips;

/**
 * The binned response of the kept repeats at the current dt: mean with a ± s.e.m. band, on the
 * shared time axis (bin centres). Vm cells in mV, cell-attached cells as spike rate (a.u.).
 */
public final class ResponseChart extends VBox {
    private final DefaultNumericAxis x = PlotStyle.axis(PlotStyle.TIME_AXIS);
    private final DefaultNumericAxis y = PlotStyle.axis("Response (mV)");
    private final AmplitudeZoom amplitude;
    /** Two draggable time cursors over the response, with Δt and Δ(mean) between them. */
    private final javafx.beans.property.BooleanProperty cursorsOn = new javafx.beans.property.SimpleBooleanProperty(this, "cursors");
    private final io.fair_acc.chartfx.plugins.XValueIndicator cursorA;
    private final io.fair_acc.chartfx.plugins.XValueIndicator cursorB;
    private final Label measure = new Label();
    private final XYChart chart;
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final DoubleErrorDataSet data = new DoubleErrorDataSet("mean ± s.e.m.", 0);
    private final Label title = new Label("Binned response");
    private final Label message = new Label();
    private PlotData.Response current;
    private final javafx.scene.shape.Polygon band = new javafx.scene.shape.Polygon();
    /** A model's prediction drawn over the mean (the linear STRF's), or empty. */
    private final io.fair_acc.dataset.spi.DoubleDataSet prediction = new io.fair_acc.dataset.spi.DoubleDataSet("prediction", 0);
    private final HBox predictionChip = TracesChart.chip(PREDICTION_COLOUR, "STRF prediction", "");
    /** Colour of a model prediction: the theme's ink (near-black, or near-white in the dark theme), apart from the verdict palette. */
    public static final String PREDICTION_COLOUR = "-ac1-ink";

    public ResponseChart() {
        getStyleClass().add("plot-block");
        y.setAutoRanging(true);
        y.setAutoRangePadding(0.08);
        chart = PlotStyle.chart(x, y, "response-chart", this::placeBand);
        amplitude = AmplitudeZoom.install(chart, y, () -> {
            y.setAutoRanging(true);
            chart.invalidate();
        });
        chart.setId("response-chart");
        cursorA = new io.fair_acc.chartfx.plugins.XValueIndicator(x, 0, "A");
        cursorB = new io.fair_acc.chartfx.plugins.XValueIndicator(x, 0, "B");
        cursorA.valueProperty().addListener((o, a, b) -> measure.setText(measurement()));
        cursorB.valueProperty().addListener((o, a, b) -> measure.setText(measurement()));
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        renderer.setDrawMarker(false);
        renderer.setPointReduction(false);
        renderer.getAxes().setAll(x, y);
        String c = VerdictStyle.hex(GateReason.KEPT);
        data.setStyle(style());
        renderer.getDatasets().add(data);
        chart.getRenderers().add(renderer);
        io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer predictionRenderer = PlotStyle.lines();
        predictionRenderer.getAxes().setAll(x, y);
        prediction.setStyle(PlotStyle.line(PREDICTION_COLOUR, 1.2));
        predictionRenderer.getDatasets().add(prediction);
        chart.getRenderers().add(predictionRenderer);
        predictionChip.setVisible(false);
        predictionChip.managedProperty().bind(predictionChip.visibleProperty());
        band.getStyleClass().add("sem-band");
        band.setManaged(false);
        band.setMouseTransparent(true);
        chart.getPlotBackground().getChildren().add(band);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(chart.getPlotBackground().widthProperty());
        clip.heightProperty().bind(chart.getPlotBackground().heightProperty());
        chart.getPlotBackground().setClip(clip);


        title.getStyleClass().add("plot-title");
        title.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        measure.setId("cursor-measure");
        measure.getStyleClass().add("plot-title");
        measure.setMinWidth(Region.USE_PREF_SIZE);
        measure.visibleProperty().bind(cursorsOn);
        measure.managedProperty().bind(cursorsOn);
        cursorsOn.addListener((o, a, on) -> placeCursors(on));
        HBox head = new HBox(8, title, measure, gap, predictionChip, TracesChart.chip(c, "mean of kept", "Mean over the kept repeats"),
                TracesChart.chip(c + "55", "± s.e.m.", "Standard error of the mean across kept repeats"));
        PlotStyle.stackBlock(this, head, chart, message);
        FigureParts.setLegend(chart, () -> figureLegend(predictionRenderer));
    }

    /** What a figure's legend names: the mean of the kept repeats, its ± s.e.m. band, and a prediction drawn over it. */
    private java.util.List<FigureParts.LegendEntry> figureLegend(ErrorDataSetRenderer predictionRenderer) {
        PlotData.Response r = current;
        java.util.List<FigureParts.LegendEntry> out = new java.util.ArrayList<>();
        if (r == null || r.times().length == 0) {
            return out;
        }
        out.add(new FigureParts.LegendEntry(VerdictStyle.color(GateReason.KEPT), 1.4, false,
                "mean of " + r.kept() + " kept repeat" + (r.kept() == 1 ? "" : "s")));
        out.add(new FigureParts.LegendEntry(band.getFill() instanceof javafx.scene.paint.Color c ? c
                : javafx.scene.paint.Color.web(VerdictStyle.hex(GateReason.KEPT), 0.22), 0, true, "± s.e.m."));
        if (predictionChip.isVisible() && prediction.getDataCount() > 0) {
            out.add(new FigureParts.LegendEntry(TracesChart.drawnColour(predictionRenderer), 1.2, false,
                    ((Label) predictionChip.getChildren().get(1)).getText()));
        }
        return out;
    }

    private static String style() {
        String c = VerdictStyle.hex(GateReason.KEPT);
        return PlotStyle.line(c, 1.4) + " -fx-fill: " + c + ";";
    }

    /** Whether the two measurement cursors are shown. */
    public javafx.beans.property.BooleanProperty cursorsProperty() {
        return cursorsOn;
    }

    /** Puts the cursors at the given times (s). */
    public void setCursors(double aS, double bS) {
        cursorA.setValue(aS);
        cursorB.setValue(bS);
    }

    /** "A 0.250 s · B 0.400 s · Δt = 150.0 ms · Δ = +2.31 mV" (the mean's bins under the cursors), "" without data. */
    public String measurement() {
        PlotData.Response r = current;
        if (r == null || r.times().length == 0) {
            return "";
        }
        double a = cursorA.getValue();
        double b = cursorB.getValue();
        double dv = r.mean()[nearestBin(r, b)] - r.mean()[nearestBin(r, a)];
        return "A " + Formats.num(a, 3) + " s · B " + Formats.num(b, 3) + " s · Δt = " + Formats.num((b - a) * 1000, 1)
                + " ms · Δ = " + (dv >= 0 ? "+" : "") + Formats.num(dv, 3) + (r.spiking() ? " (a.u.)" : " mV");
    }

    private static int nearestBin(PlotData.Response r, double t) {
        double[] times = r.times();
        int k = java.util.Arrays.binarySearch(times, t);
        if (k >= 0) {
            return k;
        }
        int hi = Math.min(times.length - 1, -k - 1);
        int lo = Math.max(0, hi - 1);
        return Math.abs(times[lo] - t) <= Math.abs(times[hi] - t) ? lo : hi;
    }

    private void placeCursors(boolean on) {
        if (on) {
            double lo = x.getMin();
            double hi = x.getMax();
            setCursors(lo + (hi - lo) / 3, lo + 2 * (hi - lo) / 3);
            chart.getPlugins().addAll(cursorA, cursorB);
            measure.setText(measurement());
        } else {
            chart.getPlugins().removeAll(cursorA, cursorB);
        }
    }

    /** Ctrl+wheel zoom of the response axis (see {@link AmplitudeZoom}). */
    public AmplitudeZoom amplitudeZoom() {
        return amplitude;
    }

    public XYChart chart() {
        return chart;
    }

    /** Changes what the plot says while it is empty (no effect while it shows data); touches no data set. */
    public void setEmptyMessage(String why) {
        if (message.isVisible()) {
            message.setText(why);
        }
    }

    public void show(PlotData.Response r, String why) {
        current = r;
        measure.setText(measurement());
        if (r == null || r.times().length == 0) {
            data.set(new double[0], new double[0], new double[0], new double[0]);
            band.getPoints().clear();
            title.setText("Binned response");
            message.setText(why == null ? "No kept repeat: nothing to average" : why);
            message.setVisible(true);
            chart.invalidate();
            return;
        }
        message.setVisible(false);
        if (r.spiking()) {
            PlotStyle.titleY(y, "Spike rate (a.u.)", "Rate (a.u.)", "a.u.");
        } else {
            PlotStyle.titleY(y, "Response (mV)", "mV");
        }
        title.setText((r.spiking() ? "PSTH" : "Binned response") + ": mean ± s.e.m. of " + r.kept() + " kept repeat"
                + (r.kept() == 1 ? "" : "s") + ", " + Formats.num(r.dtMs(), 2) + " ms bins");
        if (!style().equals(data.getStyle())) {
            data.setStyle(style());
        }
        data.set(r.times(), r.mean(), r.sem(), r.sem(), false);
        chart.invalidate();
    }

    /** The ± s.e.m. band as a translucent polygon behind the mean line, in the plot's pixels. */
    private void placeBand() {
        PlotData.Response r = current;
        if (r == null || r.times().length == 0) {
            band.getPoints().clear();
            return;
        }
        double lo = x.getMin();
        double hi = x.getMax();
        int i0 = 0;
        int n = r.times().length;
        while (i0 < n - 1 && r.times()[i0 + 1] < lo) {
            i0++;
        }
        int i1 = n - 1;
        while (i1 > i0 && r.times()[i1 - 1] > hi) {
            i1--;
        }
        int cols = (int) Math.max(1, chart.getCanvas().getWidth());
        int step = Math.max(1, (i1 - i0 + 1) / cols);
        int m = (i1 - i0) / step + 1;
        Double[] pts = new Double[4 * m];
        for (int j = 0; j < m; j++) {
            int i = i0 + j * step;
            double px = x.getDisplayPosition(r.times()[i]);
            pts[2 * j] = px;
            pts[2 * j + 1] = y.getDisplayPosition(r.mean()[i] + r.sem()[i]);
            pts[4 * m - 2 - 2 * j] = px;
            pts[4 * m - 1 - 2 * j] = y.getDisplayPosition(r.mean()[i] - r.sem()[i]);
        }
        band.getPoints().setAll(pts);
    }

    /**
     * Draws a model's prediction over the mean: {@code values[k]} at {@code times[k]} (bin centres,
     * s); {@code legend} names it in the header, {@code tooltip} explains it.
     */
    public void showPrediction(double[] times, double[] values, String legend, String tooltip) {
        prediction.set(times, values);
        ((Label) predictionChip.getChildren().get(1)).setText(legend);
        Tooltips.install(predictionChip, tooltip);
        predictionChip.setVisible(true);
        chart.invalidate();
    }

    public void clearPrediction() {
        if (prediction.getDataCount() > 0 || predictionChip.isVisible()) {
            prediction.set(new double[0], new double[0]);
            predictionChip.setVisible(false);
            chart.invalidate();
        }
    }

    public io.fair_acc.dataset.spi.DoubleDataSet predictionDataSet() {
        return prediction;
    }

    public PlotData.Response current() {
        return current;
    }

    public DoubleErrorDataSet dataSet() {
        return data;
    }
}
