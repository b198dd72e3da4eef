package org.ac1explorer.ui.plots;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ContourType;
import io.fair_acc.chartfx.renderer.spi.ContourDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.utils.ColorGradient;
import io.fair_acc.dataset.spi.DoubleGridDataSet;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.ac1explorer.ui.common.Formats;
import org.ac1explorer.ui.common.ViewSettings;
import org.ac1explorer.ui.common.Tooltips;

/**
 * The stimulus spectrogram as a ChartFX heatmap: x = time (s), y = band index labelled with the
 * true log-spaced centre frequencies in kHz (a tick every octave), colour = dB on a fixed,
 * adjustable range with a choice of colour map. The chart is built once; data are swapped.
 */
public final class SpectrogramChart extends VBox {
    /** Colour maps offered, by display name. */
    public enum ColourMap {
        VIRIDIS("Viridis", ColorGradient.VIRIDIS),
        GREY("Grey (loud = dark)", ColorGradient.WHITE_BLACK),
        GREY_INVERTED("Grey (loud = light)", ColorGradient.BLACK_WHITE),
        HOT("Hot", ColorGradient.HOT),
        RAINBOW("Rainbow", ColorGradient.RAINBOW_EQ),
        JET("Jet", ColorGradient.JET);

        final String label;
        final ColorGradient gradient;

        ColourMap(String label, ColorGradient g) {
            this.label = label;
            this.gradient = g;
        }

        @Override
        public String toString() {
            return label;
        }

        /** The map of that name, or viridis for an unknown name. */
        static ColourMap named(String name) {
            for (ColourMap m : values()) {
                if (m.name().equals(name)) {
                    return m;
                }
            }
            return VIRIDIS;
        }
    }

    private final DefaultNumericAxis x = PlotStyle.axis(PlotStyle.TIME_AXIS);
    private final DefaultNumericAxis y = PlotStyle.axis("Frequency (kHz)");
    private final DefaultNumericAxis z = ContourDataSetRenderer.createZAxis();
    private final AmplitudeZoom frequency;
    private final XYChart chart;
    private final ContourDataSetRenderer renderer = new ContourDataSetRenderer();
    private final DoubleGridDataSet data = new DoubleGridDataSet("spectrogram", 3);
    private final Label title = new Label("Stimulus");
    private final Label message = new Label();
    private final ChoiceBox<ColourMap> map = new ChoiceBox<>();
    private final Spinner<Integer> range = new Spinner<>(20, 160, 80, 10);
    private final CheckBox autoTop = new CheckBox("auto top");
    private final Spinner<Integer> top = new Spinner<>(-100, 250, 60, 5);
    private PlotData.Heatmap current;
    private final javafx.beans.property.ReadOnlyStringWrapper hover = new javafx.beans.property.ReadOnlyStringWrapper(this, "hover", "");
    private double[] centres = new double[0];
    private int bpo = 6;

    public SpectrogramChart(ViewSettings view) {
        getStyleClass().add("plot-block");
        y.setAutoRanging(false);
        y.setAutoGrowRanging(false);
        PlotStyle.ticksInSteps(y, () -> bpo);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                int k = (int) Math.rint(v);
                if (Math.abs(v - k) > 1e-6 || k < 0 || k >= centres.length) {
                    return "";
                }
                return Formats.kHz(centres[k]);
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        z.setName("Level (dB)");
        z.setUnit(null);
        z.setAutoUnitScaling(false);
        z.setAutoRanging(false);
        z.setAutoGrowRanging(false);
        z.setAnimated(false);
        chart = PlotStyle.chart(x, y, "spectrogram-chart");
        PlotStyle.titleY(y, "Frequency (kHz)", "Freq. (kHz)", "kHz");
        frequency = AmplitudeZoom.install(chart, y, () -> y.set(-0.5, centres.length - 0.5));
        chart.setId("spectrogram-chart");
        renderer.setContourType(ContourType.HEATMAP);
        renderer.setSmooth(false);
        renderer.setComputeLocalRange(false);
        renderer.getAxes().setAll(x, y, z);
        chart.getAxes().add(z);
        renderer.getDatasets().add(data);
        chart.getRenderers().add(renderer);

        map.getItems().setAll(ColourMap.values());
        map.setValue(ColourMap.named(view.colourMapProperty().get()));
        Tooltips.install(map, "Colour map of the dB scale");
        map.setId("colour-map");
        map.valueProperty().addListener((o, a, b) -> {
            renderer.setColorGradient(b.gradient);
            view.colourMapProperty().set(b.name());
            chart.invalidate();
        });
        renderer.setColorGradient(map.getValue().gradient);

        range.getValueFactory().setValue(view.dbRangeProperty().get());
        range.setEditable(true);
        range.setPrefWidth(72);
        Tooltips.install(range, "dB range of the colour scale (top minus bottom)");
        range.setId("db-range");
        autoTop.selectedProperty().bindBidirectional(view.dbAutoTopProperty());
        Tooltips.install(autoTop, "Top of the colour scale = loudest value of this stimulus");
        top.setEditable(true);
        top.setPrefWidth(72);
        top.disableProperty().bind(autoTop.selectedProperty());
        top.getValueFactory().setValue(view.dbTopProperty().get());
        Tooltips.install(top, "Top of the colour scale, dB");
        range.valueProperty().addListener((o, a, b) -> {
            view.dbRangeProperty().set(b);
            applyZRange();
        });
        top.valueProperty().addListener((o, a, b) -> {
            view.dbTopProperty().set(b);
            applyZRange();
        });
        autoTop.selectedProperty().addListener((o, a, b) -> {
            applyZRange();
        });

        title.getStyleClass().add("plot-title");
        title.setMinWidth(0);
        // a long title is cut by the width: its tooltip has it in full
        Tooltips.install(title, title::getText);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(6, title, gap, fixed(new Label("Colours")), map, fixed(new Label("range")), range,
                fixed(new Label("dB")), autoTop, top, fixed(new Label("dB")));
        for (javafx.scene.Node n : new javafx.scene.Node[] {map, range, autoTop, top}) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        PlotStyle.stackBlock(this, head, chart, message);
        applyZRange();
        chart.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> {
            javafx.geometry.Point2D p = chart.getCanvas().sceneToLocal(e.getSceneX(), e.getSceneY());
            hover.set(p == null ? "" : readout(p.getX(), p.getY()));
        });
        chart.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> hover.set(""));
    }

    /** "4.5 kHz · −23 dB" under a canvas point, or "" outside the data. */
    private String readout(double px, double py) {
        PlotData.Heatmap h = current;
        if (h == null || h.frames() == 0 || px < 0 || py < 0 || px > chart.getCanvas().getWidth()
                || py > chart.getCanvas().getHeight()) {
            return "";
        }
        int band = (int) Math.rint(y.getValueForDisplay(py));
        int frame = (int) Math.rint(x.getValueForDisplay(px) * h.sf() / h.hop());
        if (band < 0 || band >= h.bands().length || frame < 0 || frame >= h.frames()) {
            return "";
        }
        return Formats.kHz(h.centresHz()[band]) + " kHz · " + Formats.num(h.z()[band * h.frames() + frame], 1) + " dB";
    }

    /** Frequency and level under the mouse ("" when outside the heatmap). */
    public javafx.beans.property.ReadOnlyStringProperty readoutProperty() {
        return hover.getReadOnlyProperty();
    }

    private static Label fixed(Label l) {
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** Ctrl+wheel zoom of the frequency axis (see {@link AmplitudeZoom}). */
    public AmplitudeZoom frequencyZoom() {
        return frequency;
    }

    public XYChart chart() {
        return chart;
    }

    public void setTitle(String text) {
        title.setText(text);
    }

    /** Changes what the plot says while it is empty (no effect while it shows data); touches no data set. */
    public void setEmptyMessage(String why) {
        if (message.isVisible()) {
            message.setText(why);
        }
    }

    /** Shows a heatmap, or clears the plot with {@code why} when {@code h} is null. */
    public void show(PlotData.Heatmap h, int bandsPerOctave, String why) {
        current = h;
        if (h == null || h.frames() == 0) {
            data.set(false, new double[][] {{0, 1}, {0, 1}}, new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
            data.recomputeLimits();
            message.setText(why == null ? "No spectrogram" : why);
            message.setVisible(true);
            chart.invalidate();
            return;
        }
        message.setVisible(false);
        boolean sameBands = java.util.Arrays.equals(centres, h.centresHz());
        centres = h.centresHz();
        bpo = bandsPerOctave;
        if (!frequency.isZoomed() || !sameBands) {
            frequency.fit();
        }
        applyZRange();
    }

    private void applyZRange() {
        double hi;
        if (autoTop.isSelected()) {
            hi = current == null || !Double.isFinite(current.maxDb()) ? 60 : Math.ceil(current.maxDb() / 5) * 5;
        } else {
            hi = top.getValue();
        }
        double lo = hi - range.getValue();
        z.set(lo, hi);
        PlotData.Heatmap h = current;
        if (h != null && h.frames() > 0) {
            // ChartFX leaves values outside the z range transparent: clamp them to the scale's ends
            double[] src = h.z();
            if (clamped.length != src.length) {
                clamped = new double[src.length];
            }
            for (int i = 0; i < src.length; i++) {
                double v = src[i];
                clamped[i] = v < lo || Double.isNaN(v) ? lo : v > hi ? hi : v;
            }
            data.set(false, new double[][] {h.times(), h.bands()}, clamped);
            data.recomputeLimits();
        }
        chart.invalidate();
    }

    private double[] clamped = new double[0];

    /** Frames shown (0 when empty). */
    public int frames() {
        return current == null ? 0 : current.frames();
    }

    /** Bands shown. */
    public int bands() {
        return current == null ? 0 : current.bands().length;
    }

    public DoubleGridDataSet dataSet() {
        return data;
    }

    /** The colour scale's range, dB. */
    public double[] zRange() {
        return new double[] {z.getMin(), z.getMax()};
    }

    public ChoiceBox<ColourMap> colourMapChoice() {
        return map;
    }
}
