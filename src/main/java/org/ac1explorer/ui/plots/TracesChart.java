package org.ac1explorer.ui.plots;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;
import org.ac1explorer.dsp.GateReason;
import org.ac1explorer.ui.common.Formats;
import org.ac1explorer.ui.common.ViewSettings;
import org.ac1explorer.ui.common.VerdictStyle;
import org.ac1explorer.ui.common.Tooltips;

/**
 * The repeats of the selected cell x stimulus, one row per repeat: the detrended trace, or the raw
 * Vm with its MedGauss baseline, coloured by gating verdict, with the deciding score and threshold
 * at the right of each row, detected spikes for cell-attached cells, and a scale bar. Traces are
 * drawn as per-pixel min/max envelopes prepared in the background ({@link PlotData#traces}).
 */
public final class TracesChart extends VBox {
    /** Looked-up colours (plots.css, dark.css) so that the themes can change them. */
    private static final String BASELINE_COLOUR = "-ac1-baseline";
    private static final String SPIKE_COLOUR = "-ac1-ink";
    private final DefaultNumericAxis x = PlotStyle.axis(PlotStyle.TIME_AXIS);
    private final DefaultNumericAxis y = PlotStyle.axis("Vm (mV), one row per repeat");
    private final XYChart chart;
    private final ErrorDataSetRenderer mainLines = PlotStyle.lines();
    private final ErrorDataSetRenderer baseLines = PlotStyle.lines();
    private final ErrorDataSetRenderer spikeMarks = PlotStyle.lines();
    private final List<DoubleDataSet> mainPool = new ArrayList<>();
    private final List<DoubleDataSet> basePool = new ArrayList<>();
    private final DoubleDataSet spikes = new DoubleDataSet("spikes", 0);
    private final Label title = new Label("Repeats");
    private final Label message = new Label();
    private final RowOverlay overlay = new RowOverlay();
    /** Holds the verdict labels and the scale bar beside the plot area (the canvas layers clip to the plot area). */
    private final Pane labelLayer = new Pane();
    private final ScaleBar scaleBar = new ScaleBar(labelLayer);
    /** Width right of the plot area reserved for the repeats' verdict labels at their normal font, px. */
    public static final double LABEL_MARGIN = 190;
    /** Least height below the verdict labels for the scale bar and its label, px; less hides the bar. */
    private static final double MIN_BAR_ROOM = 16;
    /** The verdict labels' normal font size (plots.css .row-label), px. */
    private static final double LABEL_FONT_PX = 11;
    private final BooleanProperty raw = new SimpleBooleanProperty(this, "raw", false);
    private final BooleanProperty hideRejected = new SimpleBooleanProperty(this, "hideRejected", false);
    private final BooleanProperty overlayMode = new SimpleBooleanProperty(this, "overlay", false);
    /** Magnification of the traces within their rows (stacked view), 1/16 .. 16. */
    private final javafx.beans.property.DoubleProperty gain = new javafx.beans.property.SimpleDoubleProperty(this, "gain", 1.0);
    /** The repeat (0-based) that hand verdicts apply to, chosen by clicking its label; -1 for none. */
    private final javafx.beans.property.IntegerProperty focusedRepeat =
            new javafx.beans.property.SimpleIntegerProperty(this, "focusedRepeat", -1);
    private final HBox legend = new HBox(10);
    private PlotData.Traces current;
    private AmplitudeZoom amplitude;

    public TracesChart(ViewSettings view) {
        getStyleClass().add("plot-block");
        y.setAutoRanging(false);
        y.setAutoGrowRanging(false);
        PlotStyle.ticksInSteps(y, this::spacing);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                PlotData.Traces t = current;
                if (t == null || t.rows().isEmpty()) {
                    return "";
                }
                if (t.layout().overlay()) {
                    return Formats.sig(n.doubleValue());
                }
                double k = -n.doubleValue() / t.layout().spacing();
                int r = (int) Math.rint(k);
                if (Math.abs(k - r) > 1e-6 || r < 0 || r >= t.rows().size()) {
                    return "";
                }
                return "#" + (t.rows().get(r).repeat() + 1);
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        chart = PlotStyle.chart(x, y, "traces-chart", () -> overlay.layoutRows());
        amplitude = AmplitudeZoom.install(chart, y, this::fitAmplitude);
        chart.setId("traces-chart");
        baseLines.getAxes().setAll(x, y);
        mainLines.getAxes().setAll(x, y);
        spikeMarks.getAxes().setAll(x, y);
        chart.getRenderers().addAll(mainLines, baseLines, spikeMarks);
        spikes.setStyle(PlotStyle.line(SPIKE_COLOUR, 1.2));
        spikeMarks.getDatasets().add(spikes);
        overlay.setPickOnBounds(false);
        chart.getCanvasForeground().getChildren().add(0, overlay);

        ToggleGroup mode = new ToggleGroup();
        RadioButton det = new RadioButton("Detrended");
        RadioButton rawB = new RadioButton("Raw + baseline");
        det.setId("mode-detrended");
        rawB.setId("mode-raw");
        det.setToggleGroup(mode);
        rawB.setToggleGroup(mode);
        Tooltips.install(det, "Each repeat minus its MedGauss baseline: what the gating tests and the binning see");
        Tooltips.install(rawB, "Each repeat as recorded, with its MedGauss baseline (dark line), centred on the baseline's median");
        raw.bindBidirectional(view.rawTracesProperty());
        (raw.get() ? rawB : det).setSelected(true);
        raw.addListener((o, a, b) -> (b ? rawB : det).setSelected(true)); // set from the View menu or the tour
        mode.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                raw.set(b == rawB);
            }
        });
        CheckBox hide = new CheckBox("Hide rejected");
        hide.setId("hide-rejected");
        hide.selectedProperty().bindBidirectional(view.hideRejectedProperty());
        hideRejected.bind(hide.selectedProperty());
        CheckBox over = new CheckBox("Overlay");
        over.setId("overlay-traces");
        Tooltips.install(over, "Superimpose the repeats on one absolute mV axis (kept in colour, rejected by hand grey); "
                + "with Raw + baseline the resting potential is readable");
        over.selectedProperty().bindBidirectional(view.overlayTracesProperty());
        overlayMode.bind(over.selectedProperty());

        title.getStyleClass().add("plot-title");
        title.setMinWidth(0);
        legend.setAlignment(Pos.CENTER_LEFT);
        for (GateReason r : GateReason.values()) {
            legend.getChildren().add(chip(VerdictStyle.hex(r), VerdictStyle.label(r), VerdictStyle.meaning(r)));
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        for (Region n : new Region[] {legend, det, rawB, hide, over}) {
            n.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox head = new HBox(8, title, gap, legend, det, rawB, hide, over);
        labelLayer.setPickOnBounds(false);
        FigureParts.setOuterLayer(chart, labelLayer);
        FigureParts.setLegend(chart, this::figureLegend);
        PlotStyle.stackBlock(this, head, new javafx.scene.layout.StackPane(chart, labelLayer), message);

        focusedRepeat.addListener((o, a, b) -> overlay.update(overlay.traces));
        y.minProperty().addListener((o, a, b) -> overlay.requestLayout());
        y.maxProperty().addListener((o, a, b) -> overlay.requestLayout());
        chart.getCanvas().heightProperty().addListener((o, a, b) -> overlay.requestLayout());
        chart.getCanvas().widthProperty().addListener((o, a, b) -> overlay.requestLayout());
    }

    static HBox chip(String colour, String text, String tip) {
        Line l = new Line(0, 0, 14, 0);
        l.setStyle("-fx-stroke: " + colour + "; -fx-stroke-width: 3;");
        Label lab = new Label(text);
        lab.getStyleClass().add("legend-text");
        HBox h = new HBox(3, l, lab);
        h.setAlignment(Pos.CENTER_LEFT);
        h.getStyleClass().add("legend-chip");
        h.setMinWidth(Region.USE_PREF_SIZE);
        Tooltips.install(h, tip);
        return h;
    }

    public XYChart chart() {
        return chart;
    }

    /**
     * What a figure's legend names: the kinds of line the rows draw now, in the colours drawn —
     * kept, each gating test's rejections, rejected by hand (grey), the detrend baseline, spikes.
     */
    private List<FigureParts.LegendEntry> figureLegend() {
        PlotData.Traces t = current;
        List<FigureParts.LegendEntry> out = new ArrayList<>();
        if (t == null || t.rows().isEmpty()) {
            return out;
        }
        if (t.rows().stream().anyMatch(PlotData.Row::kept)) {
            out.add(new FigureParts.LegendEntry(VerdictStyle.color(GateReason.KEPT), 1, false, "kept"));
        }
        for (GateReason r : GateReason.values()) {
            if (r != GateReason.KEPT && t.rows().stream().anyMatch(row -> row.hand() == null && row.reason() == r)) {
                out.add(new FigureParts.LegendEntry(VerdictStyle.color(r), 1, false, "rejected: " + VerdictStyle.label(r)));
            }
        }
        if (t.rows().stream().anyMatch(row -> row.hand() != null && !row.kept())) {
            out.add(new FigureParts.LegendEntry(javafx.scene.paint.Color.web(VerdictStyle.HAND_REJECTED), 1, false,
                    "rejected by hand"));
        }
        if (t.layout().raw() && !baseLines.getDatasets().isEmpty()) {
            out.add(new FigureParts.LegendEntry(drawnColour(baseLines), 1.6, false, "detrend baseline (MedGauss)"));
        }
        if (spikes.getDataCount() > 0) {
            out.add(new FigureParts.LegendEntry(drawnColour(spikeMarks), 1.2, false, "spike onsets"));
        }
        return out;
    }

    /** The colour the renderer's first data set is drawn in (its style's looked-up colour as resolved by the theme). */
    static javafx.scene.paint.Color drawnColour(ErrorDataSetRenderer r) {
        return r.getDatasetNodes().stream().map(n -> n.getLineColor())
                .filter(javafx.scene.paint.Color.class::isInstance).map(javafx.scene.paint.Color.class::cast)
                .findFirst().orElse(javafx.scene.paint.Color.web("#222222"));
    }

    public BooleanProperty rawProperty() {
        return raw;
    }

    /** The vertical range that shows every row (or, superimposed, every value) of the current traces. */
    private void fitAmplitude() {
        PlotData.Traces t = current;
        if (t == null || t.rows().isEmpty()) {
            return;
        }
        double s = t.layout().spacing();
        int n = t.rows().size();
        if (t.layout().overlay()) {
            double[] range = valueRange(t);
            double pad = 0.05 * Math.max(range[1] - range[0], 1e-3);
            y.set(range[0] - pad, range[1] + pad);
        } else {
            y.set(-(n - 1) * s - 0.62 * s, 0.62 * s);
        }
    }

    /** Ctrl+wheel zoom of the mV axis (see {@link AmplitudeZoom}). */
    public AmplitudeZoom amplitudeZoom() {
        return amplitude;
    }

    /** The lowest and highest value the rows draw (mV), for the overlay's absolute axis. */
    private static double[] valueRange(PlotData.Traces t) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (PlotData.Row r : t.rows()) {
            for (Envelope.Points p : new Envelope.Points[] {r.main(), r.baseline()}) {
                for (int i = 0; p != null && i < p.n(); i++) {
                    double v = p.y()[i];
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {-1, 1};
    }

    /** The repeat (0-based) hand verdicts apply to; -1 for none. */
    public javafx.beans.property.IntegerProperty focusedRepeatProperty() {
        return focusedRepeat;
    }

    /** Whether the repeats are superimposed (bound to the view setting). */
    public javafx.beans.property.ReadOnlyBooleanProperty overlayProperty() {
        return overlayMode;
    }

    /** The stacked view's trace gain (1 = rows 2.5 median amplitudes apart). */
    public javafx.beans.property.ReadOnlyDoubleProperty gainProperty() {
        return gain;
    }

    /** Multiplies the gain by {@code factor} within 1/16 .. 16; 0 resets it to 1. */
    public void scaleGain(double factor) {
        gain.set(factor == 0 ? 1.0 : Math.max(1.0 / 16, Math.min(16, gain.get() * factor)));
    }

    public BooleanProperty hideRejectedProperty() {
        return hideRejected;
    }

    public void setTitle(String text) {
        title.setText(text);
    }

    private double spacing() {
        return current == null ? 1 : current.layout().spacing();
    }

    /** Width of the drawing area in pixels (for the envelope's columns). */
    public int columns() {
        return (int) Math.max(200, Math.min(4000, chart.getCanvas().getWidth()));
    }

    /** Changes what the plot says while it is empty (no effect while it shows data); touches no data set. */
    public void setEmptyMessage(String why) {
        if (message.isVisible()) {
            message.setText(why);
        }
    }

    /** Shows prepared rows, or clears the plot with {@code why}. */
    public void show(PlotData.Traces t, boolean spiking, String why) {
        current = t;
        if (t == null || t.rows().isEmpty()) {
            mainLines.getDatasets().clear();
            baseLines.getDatasets().clear();
            spikes.set(new double[0], new double[0]);
            message.setText(why == null ? "No repeats to show" : why);
            message.setVisible(true);
            overlay.update(null);
            chart.invalidate();
            return;
        }
        message.setVisible(false);
        double s = t.layout().spacing();
        int n = t.rows().size();
        if (!amplitude.isZoomed()) {
            fitAmplitude();
        }
        String vm = spiking ? "Vm (mV), cell-attached" : "Vm (mV)";
        if (t.layout().overlay()) {
            String how = vm + (t.layout().raw() ? ", as recorded" : ", detrended");
            PlotStyle.titleY(y, how + " · " + n + " repeats superimposed", how, vm, "Vm (mV)");
        } else {
            PlotStyle.titleY(y, vm + " · rows " + Formats.sig(s) + " mV apart", vm, "Vm (mV)");
        }
        List<DataSet> mains = new ArrayList<>();
        List<DataSet> bases = new ArrayList<>();
        int spikeCount = 0;
        for (int r = 0; r < n; r++) {
            PlotData.Row row = t.rows().get(r);
            DoubleDataSet m = pooled(mainPool, r, "repeat");
            String colour = row.colour();
            boolean kept = row.kept();
            String style = PlotStyle.line(colour, t.layout().raw() ? 0.8 : (kept ? 1.0 : 0.9));
            if (!style.equals(m.getStyle())) {
                m.setStyle(style);
            }
            m.set(row.main().x(), row.main().y(), row.main().n(), false);
            mains.add(m);
            if (row.baseline() != null) {
                DoubleDataSet b = pooled(basePool, r, "baseline");
                String bs = PlotStyle.line(BASELINE_COLOUR, 1.6);
                if (!bs.equals(b.getStyle())) {
                    b.setStyle(bs);
                }
                b.set(row.baseline().x(), row.baseline().y(), row.baseline().n(), false);
                bases.add(b);
            }
            if (row.spikeTimes() != null) {
                spikeCount += row.spikeTimes().length;
            }
        }
        // a raster: one short vertical tick per spike at the top of its row, NaN between ticks
        double[] sx = new double[3 * spikeCount];
        double[] sy = new double[3 * spikeCount];
        int k = 0;
        for (PlotData.Row row : t.rows()) {
            if (row.spikeTimes() != null) {
                for (double st : row.spikeTimes()) {
                    sx[k] = st;
                    sy[k++] = row.offset() + 0.36 * s;
                    sx[k] = st;
                    sy[k++] = row.offset() + 0.5 * s;
                    sx[k] = st;
                    sy[k++] = Double.NaN;
                }
            }
        }
        spikes.set(sx, sy, 3 * spikeCount, false);
        if (!mainLines.getDatasets().equals(mains)) {
            mainLines.getDatasets().setAll(mains);
        }
        if (!baseLines.getDatasets().equals(bases)) {
            baseLines.getDatasets().setAll(bases);
        }
        legend.getChildren().removeIf(c -> "extra".equals(c.getUserData()));
        if (t.layout().raw()) {
            HBox b = chip(BASELINE_COLOUR, "baseline", "MedGauss baseline (running median, then Gaussian)");
            b.setUserData("extra");
            legend.getChildren().add(b);
        }
        if (spiking) {
            HBox b = chip(SPIKE_COLOUR, "spike", "Detected spike onsets (threshold 2.5 × std of the high-passed trace)");
            b.setUserData("extra");
            legend.getChildren().add(b);
        }
        overlay.update(t);
        chart.invalidate();
    }

    private static DoubleDataSet pooled(List<DoubleDataSet> pool, int i, String name) {
        while (pool.size() <= i) {
            pool.add(new DoubleDataSet(name + " " + (pool.size() + 1), 0));
        }
        return pool.get(i);
    }

    public PlotData.Traces current() {
        return current;
    }

    /** The verdict shown for each row, top to bottom, as label text (for tests and accessibility). */
    public List<String> rowTexts() {
        List<String> out = new ArrayList<>();
        if (current != null) {
            current.rows().forEach(r -> out.add(r.text()));
        }
        return out;
    }

    /** Scene bounds of the shown verdict labels and of the plot area (for layout tests). */
    public List<javafx.geometry.Bounds> rowLabelBounds() {
        List<javafx.geometry.Bounds> out = new ArrayList<>();
        for (Label l : overlay.labels) {
            if (l.isVisible()) {
                out.add(l.localToScene(l.getBoundsInLocal()));
            }
        }
        return out;
    }

    public javafx.geometry.Bounds plotAreaBounds() {
        return chart.getCanvas().localToScene(chart.getCanvas().getBoundsInLocal());
    }

    /** What the scale bar of the rows shows and where (scene coordinates); null while there is none (overlay, no data). */
    public ScaleBar.Reading scaleBar() {
        return scaleBar.reading();
    }

    /** The width kept right of the plot area for the verdict labels at their current font (presentation mode enlarges it), px. */
    public double labelMargin() {
        double size = overlay.labels.isEmpty() ? LABEL_FONT_PX : overlay.labels.get(0).getFont().getSize();
        return LABEL_MARGIN * Math.max(1, size / LABEL_FONT_PX);
    }

    /** Row labels and the scale bar, placed beside the canvas by the y axis. */
    private final class RowOverlay extends Pane {
        private final List<Label> labels = new ArrayList<>();
        private PlotData.Traces traces;

        void update(PlotData.Traces t) {
            traces = t;
            int n = t == null ? 0 : t.rows().size();
            while (labels.size() < n) {
                Label l = new Label();
                l.getStyleClass().add("row-label");
                l.setManaged(false);
                labels.add(l);
                labelLayer.getChildren().add(l);
            }
            for (int i = 0; i < labels.size(); i++) {
                Label l = labels.get(i);
                // superimposed rows share one height: their labels would pile up (the legend and tooltips say it)
                boolean show = i < n && !t.layout().overlay();
                l.setVisible(show);
                if (show) {
                    PlotData.Row r = t.rows().get(i);
                    l.setText(r.text());
                    l.setStyle("-fx-text-fill: " + (r.hand() == null ? textColour(r.reason()) : r.colour()) + ";"
                            + (focusedRepeat.get() == r.repeat() ? " -fx-font-weight: bold; -fx-underline: true;" : ""));
                    Tooltips.install(l, "Repeat " + (r.repeat() + 1) + ": " + (r.hand() == null
                            ? VerdictStyle.label(r.reason()) : r.hand().describe()) + "\n" + r.details()
                            + "\nClick to select it for K (keep) / R (reject) / N (note)");
                    int repeat = r.repeat();
                    l.setOnMouseClicked(e -> focusedRepeat.set(repeat));
                }
            }
            if (n == 0 || t.layout().overlay()) {
                scaleBar.hide(); // superimposed, the mV axis itself is absolute
            }
            requestLayout();
        }

        @Override
        protected void layoutChildren() {
            layoutRows();
        }

        void layoutRows() {
            PlotData.Traces t = traces;
            if (t == null || t.rows().isEmpty()) {
                return;
            }
            double w = chart.getCanvas().getWidth();
            double h = chart.getCanvas().getHeight();
            for (int i = 0; i < t.rows().size() && i < labels.size(); i++) {
                Label l = labels.get(i);
                double py = y.getDisplayPosition(t.rows().get(i).offset());
                // a row zoomed out of view keeps its label out of the margin too
                l.setVisible(!t.layout().overlay() && py >= -0.5 && py <= h + 0.5);
                // labels live in the margin right of the plot area, never over the traces
                double lw = Math.min(l.prefWidth(-1), labelMargin() - 8);
                double lh = l.prefHeight(-1);
                javafx.geometry.Point2D at = labelLayer.sceneToLocal(chart.getCanvas().localToScene(w + 6, py - lh / 2));
                if (at != null) {
                    l.resizeRelocate(at.getX(), at.getY(), lw, lh);
                }
            }
            if (!t.layout().overlay()) {
                placeScaleBar(w, h);
            }
        }

        /**
         * The scale bar in the chart's bottom-right corner: right of the time axis' last tick label,
         * below the plot area and so below every verdict label of a row in view.
         */
        private void placeScaleBar(double w, double h) {
            javafx.scene.canvas.Canvas c = chart.getCanvas();
            double pxPerMv = Math.abs(y.getDisplayPosition(y.getMin()) - y.getDisplayPosition(y.getMax()))
                    / (y.getMax() - y.getMin());
            double pxPerS = Math.abs(x.getDisplayPosition(x.getMax()) - x.getDisplayPosition(x.getMin()))
                    / (x.getMax() - x.getMin());
            double chartBottom = c.sceneToLocal(chart.localToScene(0, chart.getHeight())).getY();
            double chartRight = c.sceneToLocal(chart.localToScene(chart.getWidth(), 0)).getX();
            // from past the time axis' last tick label to the chart's edge, below the plot area
            javafx.geometry.Point2D topLeft = labelLayer.sceneToLocal(c.localToScene(w + 18, h + 10));
            javafx.geometry.Point2D bottomRight = labelLayer.sceneToLocal(c.localToScene(chartRight - 4, chartBottom - 4));
            if (topLeft == null || bottomRight == null) {
                return;
            }
            // below any verdict label that hangs past the plot area's bottom (a row drawn at its lower edge)
            double top = topLeft.getY();
            for (Label l : labels) {
                if (l.isVisible() && l.getBoundsInParent().getMaxX() > topLeft.getX()) {
                    top = Math.max(top, l.getBoundsInParent().getMaxY() + 2);
                }
            }
            if (bottomRight.getY() - top < MIN_BAR_ROOM) {
                scaleBar.hide();
                return;
            }
            scaleBar.place(pxPerMv, pxPerS, topLeft.getX(), bottomRight.getX(), top, bottomRight.getY());
        }
    }

    /** Verdict colours darkened for text on white. */
    static String textColour(GateReason r) {
        return switch (r) {
            case KEPT -> "#005a8c";
            case RANGE -> "#b04a00";
            case STEP -> "#8a5a00";
            case XCORR -> "#a0457f";
        };
    }
}
