package org.ac1explorer.ui.strf;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ContourType;
import io.fair_acc.chartfx.renderer.spi.ContourDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.utils.ColorGradient;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.DoubleGridDataSet;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Stop;
import javafx.util.StringConverter;
import org.ac1explorer.analysis.StrfOptions;
import org.ac1explorer.analysis.StrfResult;
import org.ac1explorer.archive.CellStimulus;
import org.ac1explorer.ui.common.Formats;
import org.ac1explorer.explore.DatasetCounts;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.explore.Selection;
import org.ac1explorer.ui.plots.PlotStyle;
import org.ac1explorer.ui.plots.ResponseChart;
import org.ac1explorer.ui.common.Tooltips;

/**
 * The model view of the selected cell: its linear STRF as a heatmap (frequency in kHz x lag in
 * ms, a diverging blue-white-red map centred on 0 with a symmetric range), the held-out
 * correlation against the noise ceiling, the cross-validation curve over the λ grid, and the
 * STRF options. It also draws the STRF's prediction for the selected stimulus over the binned
 * response.
 */
public final class StrfPane extends VBox {
    /** Blue (suppression) – white (0) – red (excitation), after ColorBrewer RdBu. */
    static final ColorGradient DIVERGING = new ColorGradient("blue-white-red",
            new Stop(0.0, Color.web("#2166ac")), new Stop(0.25, Color.web("#67a9cf")), new Stop(0.5, Color.web("#f7f7f7")),
            new Stop(0.75, Color.web("#ef8a62")), new Stop(1.0, Color.web("#b2182b")));

    /** STRF frequency resolutions offered, in bands per octave (the spectrogram's own is added). */
    private static final List<Integer> PER_OCTAVE = List.of(1, 2, 3);

    private final ExplorerModel model;
    private final StrfController controller;
    private final Label title = new Label("Linear STRF");
    private final Label message = new Label();
    private final DefaultNumericAxis lagAxis = PlotStyle.axis("Lag (ms)");
    private final DefaultNumericAxis freqAxis = PlotStyle.axis("Frequency (kHz)");
    private final DefaultNumericAxis zAxis = ContourDataSetRenderer.createZAxis();
    private final XYChart heatmap;
    private final DoubleGridDataSet grid = new DoubleGridDataSet("strf", 3);
    private final DefaultNumericAxis lambdaAxis = PlotStyle.axis("log₁₀ (λ / mean eigenvalue)");
    private final DefaultNumericAxis rAxis = PlotStyle.axis("r");
    private final XYChart curve;
    private final DoubleDataSet curveData = new DoubleDataSet("r(λ)", 0);
    private final DoubleDataSet chosenPoint = new DoubleDataSet("chosen", 0);
    private final Label heldOut = value("–");
    private final Label ceiling = value("–");
    private final Label thisStimulus = value("–");
    private final Label lambda = value("–");
    private final Label method = new Label();
    private final Spinner<Integer> maxLag = new Spinner<>(10, 500, 100, 10);
    private final ChoiceBox<Integer> perOctave = new ChoiceBox<>();
    private final ChoiceBox<Boolean> validation = new ChoiceBox<>();
    private final CheckBox auto = new CheckBox("Fit each cell automatically");
    private final Button fitButton = new Button("Fit");
    private final VBox body;
    private double[] centres = new double[0];
    private ResponseChart overlay;

    public StrfPane(ExplorerModel model, StrfController controller) {
        this.model = model;
        this.controller = controller;
        getStyleClass().add("strf-pane");
        getStylesheets().add(StrfPane.class.getResource("strf.css").toExternalForm());
        setId("strf-pane");

        title.getStyleClass().add("column-title");
        title.setMinWidth(0);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(controller.runningProperty());
        busy.progressProperty().bind(Bindings.createDoubleBinding(() -> controller.progressProperty().get() < 0 ? -1
                : controller.progressProperty().get(), controller.progressProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(6, title, gap, busy);
        head.setAlignment(Pos.CENTER_LEFT);

        freqAxis.setAutoRanging(false);
        freqAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                int k = (int) Math.rint(n.doubleValue());
                return Math.abs(n.doubleValue() - k) > 1e-6 || k < 0 || k >= centres.length ? "" : Formats.kHz(centres[k]);
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        lagAxis.setAutoRanging(false);
        zAxis.setName("Weight");
        zAxis.setUnit(null);
        zAxis.setAutoUnitScaling(false);
        zAxis.setAutoRanging(false);
        zAxis.setAutoGrowRanging(false);
        zAxis.setAnimated(false);
        zAxis.setSide(io.fair_acc.chartfx.ui.geometry.Side.TOP);
        zAxis.setMaxMajorTickLabelCount(5);
        heatmap = plainChart(lagAxis, freqAxis, "strf-chart");
        heatmap.setId("strf-heatmap");
        ContourDataSetRenderer r = new ContourDataSetRenderer();
        r.setContourType(ContourType.HEATMAP);
        r.setSmooth(false);
        r.setComputeLocalRange(false);
        r.setColorGradient(DIVERGING);
        r.getAxes().setAll(lagAxis, freqAxis, zAxis);
        r.getDatasets().add(grid);
        heatmap.getAxes().add(zAxis);
        heatmap.getRenderers().add(r);
        Tooltips.install(heatmap, "Weights of the linear STRF: red = more sound energy at this frequency, "
                + "this long before, raises the response; blue lowers it. Colour range symmetric about 0.");

        curve = plainChart(lambdaAxis, rAxis, "strf-curve");
        curve.setId("strf-lambda-curve");
        ErrorDataSetRenderer lines = PlotStyle.lines();
        lines.setDrawMarker(true);
        lines.getAxes().setAll(lambdaAxis, rAxis);
        curveData.setStyle("-fx-line-color: #0072B2; -fx-line-width: 1.2; -fx-marker-size: 2; -fx-marker-color: #0072B2;");
        lines.getDatasets().add(curveData);
        ErrorDataSetRenderer marker = PlotStyle.markers();
        marker.getAxes().setAll(lambdaAxis, rAxis);
        chosenPoint.setStyle("-fx-marker-color: #D55E00; -fx-fill: #D55E00; -fx-marker-size: 5;");
        marker.getDatasets().add(chosenPoint);
        curve.getRenderers().addAll(lines, marker);
        rAxis.setAutoRangePadding(0.1);
        Tooltips.install(curve, "Correlation used to choose the ridge strength λ, over the λ grid "
                + "(10⁻³ … 10⁴ × the mean eigenvalue of XᵀX); the orange dot is the chosen λ");

        GridPane stats = new GridPane();
        stats.setHgap(8);
        stats.setVgap(2);
        stats.getStyleClass().add("strf-stats");
        stats.addRow(0, key("Held-out r"), heldOut);
        stats.addRow(1, key("Noise ceiling"), ceiling);
        stats.addRow(2, key("This stimulus"), thisStimulus);
        stats.addRow(3, key("Ridge λ"), lambda);
        for (Label l : new Label[] {heldOut, ceiling, thisStimulus, lambda}) {
            l.setWrapText(true);
            GridPane.setHgrow(l, Priority.ALWAYS);
        }
        heldOut.setId("strf-heldout-r");
        ceiling.setId("strf-ccmax");
        method.setWrapText(true);
        method.getStyleClass().add("strf-method");
        message.setWrapText(true);
        message.getStyleClass().add("strf-message");
        message.textProperty().bind(controller.messageProperty());
        message.visibleProperty().bind(controller.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.setId("strf-message");

        // options
        maxLag.setEditable(true);
        maxLag.setPrefWidth(80);
        maxLag.setId("strf-max-lag");
        Tooltips.install(maxLag, "Longest lag of the STRF, ms (lags 0 … this, one per time bin)");
        perOctave.setId("strf-resolution");
        perOctave.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                // all 53 bands x 21 lags is over a thousand weights: minutes instead of seconds
                return n == null ? "" : n + " / octave" + (n >= 6 ? " (slow)" : "");
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        Tooltips.install(perOctave, "Frequency resolution of the STRF: adjacent spectrogram bands are averaged (dB). "
                + "Fewer bands fit faster and need less data; the solve grows with the cube of bands × lags.");
        validation.getItems().setAll(false, true);
        validation.setConverter(new StringConverter<>() {
            @Override
            public String toString(Boolean b) {
                return b == null ? "" : b ? "Published split (Wehr)" : "Cross-validation (5 folds, fewer stimuli: one each)";
            }

            @Override
            public Boolean fromString(String s) {
                return null;
            }
        });
        validation.setValue(false);
        validation.setId("strf-validation");
        Tooltips.install(validation, "How λ is chosen and r measured: cross-validation over the cell's stimuli in "
                + "5 folds (one fold per stimulus when it heard fewer than 5), or the published per-cell split of the Wehr models (first train stimuli train, next val "
                + "choose λ, last test give r; stimuli in the cell's order)");
        auto.setId("strf-auto");
        auto.selectedProperty().bindBidirectional(controller.autoProperty());
        fitButton.setId("strf-fit");
        fitButton.setOnAction(e -> controller.fitNow());
        fitButton.disableProperty().bind(model.selectionProperty().isNull().or(controller.runningProperty()));

        GridPane opts = new GridPane();
        opts.setHgap(6);
        opts.setVgap(4);
        opts.addRow(0, key("Max lag"), new HBox(4, maxLag, new Label("ms")));
        opts.addRow(1, key("Bands"), perOctave);
        opts.addRow(2, key("λ and r"), validation);
        HBox fitRow = new HBox(8, auto, fitButton);
        fitRow.setAlignment(Pos.CENTER_LEFT);
        Label optsTitle = new Label("STRF options");
        optsTitle.getStyleClass().add("section-title");

        body = new VBox(6, fixedHeight(heatmap, 300), stats, method, fixedHeight(curve, 150));
        VBox content = new VBox(6, head, message, body, optsTitle, opts, fitRow);
        content.getStyleClass().add("strf-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);

        syncOptionsFromController();
        maxLag.valueProperty().addListener((o, a, b) -> pushOptions());
        perOctave.valueProperty().addListener((o, a, b) -> pushOptions());
        validation.valueProperty().addListener((o, a, b) -> pushOptions());
        model.paramsProperty().addListener((o, a, b) -> {
            if (a == null || a.binsPerOctave() != b.binsPerOctave()) {
                syncResolutions();
                pushOptions();
            }
        });
        controller.fitProperty().addListener((o, a, b) -> show());
        controller.optionsProperty().addListener((o, a, b) -> show());
        controller.failedProperty().addListener((o, a, b) -> show());
        model.selectionProperty().addListener((o, a, b) -> show());
        model.paramsProperty().addListener((o, a, b) -> show());
        model.countsProperty().addListener((o, a, b) -> show());
        show();
    }

    /** Also draws the prediction for the selected stimulus over {@code response}. */
    public void drawPredictionsOn(ResponseChart response) {
        this.overlay = response;
        show();
    }

    /** A chart in the plots' style without zoom or pan (nothing to zoom in these small views). */
    private static XYChart plainChart(DefaultNumericAxis x, DefaultNumericAxis y, String styleClass) {
        XYChart c = new XYChart(x, y);
        c.getStyleClass().addAll("ac1-chart", styleClass);
        c.getStylesheets().add(PlotStyle.class.getResource("plots.css").toExternalForm());
        c.setLegendVisible(false);
        c.setAnimated(false);
        c.getRenderers().clear();
        c.getToolBar().setVisible(false);
        c.getToolBar().setManaged(false);
        return c;
    }

    /** Charts grow to whatever they are offered: hold one at a fixed height. */
    private static StackPane fixedHeight(XYChart chart, double h) {
        StackPane box = new StackPane(chart);
        box.setMinHeight(h);
        box.setPrefHeight(h);
        box.setMaxHeight(h);
        return box;
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("strf-key");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label value(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("strf-value");
        l.setMinWidth(0);
        return l;
    }

    private void syncOptionsFromController() {
        StrfOptions o = controller.optionsProperty().get();
        maxLag.getValueFactory().setValue((int) Math.rint(o.maxLagMs()));
        validation.setValue(o.publishedSplit());
        syncResolutions();
    }

    /** The resolutions the current bands per octave allow, keeping the choice when possible (default 2). */
    private void syncResolutions() {
        int bpo = model.params().binsPerOctave();
        Integer keep = perOctave.getValue();
        List<Integer> items = new java.util.ArrayList<>();
        for (int n : PER_OCTAVE) {
            if (n < bpo) {
                items.add(n);
            }
        }
        items.add(bpo);
        perOctave.getItems().setAll(items);
        if (keep != null && items.contains(keep)) {
            perOctave.setValue(keep);
        } else {
            int pool = controller.optionsProperty().get().bandPool();
            perOctave.setValue(items.stream().min(java.util.Comparator.comparingDouble(n -> Math.abs(
                    Math.max(1, Math.rint(bpo / (double) n)) - pool))).orElse(bpo));
        }
    }

    private void pushOptions() {
        Integer lag = maxLag.getValue();
        Integer per = perOctave.getValue();
        Boolean split = validation.getValue();
        if (lag == null || per == null || split == null) {
            return;
        }
        int bpo = model.params().binsPerOctave();
        int pool = Math.max(1, (int) Math.rint(bpo / (double) per));
        StrfOptions cur = controller.optionsProperty().get();
        StrfOptions next = cur.withMaxLagMs(lag).withBandPool(pool).withPublishedSplit(split);
        if (!next.equals(cur)) {
            controller.optionsProperty().set(next);
        }
    }

    /** Shows the current fit for the selection (dimmed while it belongs to another cell or knobs). */
    private void show() {
        Selection sel = model.selection();
        StrfController.Fit f = controller.fit();
        boolean hasSplit = sel != null && StrfController.split(sel.cell()).isPresent();
        validation.setDisable(sel != null && !hasSplit && !Boolean.TRUE.equals(validation.getValue()));
        title.setText(sel == null ? "Linear STRF" : "STRF · " + sel.cell().session());
        boolean sameCell = f != null && sel != null && f.cellId().equals(sel.cell().id());
        if (!sameCell) {
            clear(sel == null ? "–" : "pending");
            return;
        }
        StrfResult r = f.result();
        boolean current = controller.isCurrent(f) && !controller.failedProperty().get();
        body.setOpacity(current ? 1.0 : 0.45);
        int pool = f.options().bandPool();
        centres = r.bandCentresHz();
        double perOct = f.params().binsPerOctave() / (double) pool;
        double max = r.maxAbsWeight();
        double range = max > 0 ? max : 1;
        double[] lags = r.lagsMs();
        double[] bands = new double[r.bands()];
        double[] z = new double[r.bands() * r.lags()];
        for (int b = 0; b < r.bands(); b++) {
            bands[b] = b;
            for (int l = 0; l < r.lags(); l++) {
                z[b * r.lags() + l] = r.weights()[b][l];
            }
        }
        grid.set(false, new double[][] {lags, bands}, z);
        grid.recomputeLimits();
        double dl = lags.length > 1 ? lags[1] - lags[0] : r.dtMs();
        lagAxis.set(-dl / 2, lags[lags.length - 1] + dl / 2);
        freqAxis.set(-0.5, bands.length - 0.5);
        int step = Math.max(1, (int) Math.rint(perOct));
        freqAxis.getAxisLabelFormatter().setTickUnitSupplier(raw -> {
            double u = step;
            while (u < raw) {
                u += step;
            }
            return u;
        });
        freqAxis.forceRedraw();
        zAxis.set(-range, range);
        boolean spikes = sel.cell().isSpiking();
        zAxis.setName(spikes ? "rate/dB" : "mV/dB");
        heatmap.invalidate();

        heldOut.setText(Formats.num(r.heldOutR(), 2));
        ceiling.setText("CC_max " + Formats.num(r.ccMax(), 2) + " → CC_norm " + Formats.num(r.ccNorm(), 2));
        Tooltips.install(ceiling, "CC_max: the largest r any model could reach given the repeat-to-repeat "
                + "variability of the same stimuli (Schoppe et al. 2016); CC_norm = r / CC_max");
        double alpha = r.relativeLambdas()[r.chosen()];
        lambda.setText(Formats.sig(alpha) + " × mean eigenvalue = " + Formats.sig(r.lambda()));
        boolean noSplit = Boolean.TRUE.equals(validation.getValue()) && !hasSplit;
        method.setText((noSplit ? "This cell has no published split (Wehr cells only): " : "") + r.method() + ". " + r.bands() + " bands (" + Formats.num(perOct, 1) + "/octave) × " + r.lags()
                + " lags (0–" + Formats.num(lags[lags.length - 1], 0) + " ms); features in dB, centred per band, floored "
                + Formats.num(f.options().dynamicRangeDb(), 0) + " dB below the loudest.");

        double[] xs = new double[r.relativeLambdas().length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = Math.log10(r.relativeLambdas()[i]);
        }
        curveData.set(xs, r.selectionR());
        chosenPoint.set(new double[] {xs[r.chosen()]}, new double[] {r.selectionR()[r.chosen()]});
        lambdaAxis.setAutoRanging(false);
        lambdaAxis.set(xs[0] - 0.25, xs[xs.length - 1] + 0.25);
        curve.invalidate();

        StrfResult.StimulusFit sf = sel == null ? null : r.stimulus(order(sel));
        if (sf == null) {
            thisStimulus.setText("not fitted (no kept repeat)");
            clearOverlay();
        } else {
            DatasetCounts c = model.counts();
            double cc = c == null ? Double.NaN : c.ccMax(sel.cell().id(), sel.stimulus().key());
            thisStimulus.setText("r " + Formats.num(sf.r(), 2) + " · " + sf.role().text()
                    + (Double.isNaN(cc) ? "" : " · CC_max " + Formats.num(cc, 2)));
            drawOverlay(sf, r, current);
        }
    }

    private static int order(Selection s) {
        List<CellStimulus> st = s.cell().stimuli();
        for (int i = 0; i < st.size(); i++) {
            if (st.get(i).key().equals(s.stimulus().key())) {
                return i;
            }
        }
        return -1;
    }

    private void drawOverlay(StrfResult.StimulusFit sf, StrfResult r, boolean current) {
        if (overlay == null) {
            return;
        }
        if (!current) {
            clearOverlay();
            return;
        }
        double[] t = new double[sf.predicted().length];
        for (int k = 0; k < t.length; k++) {
            t[k] = (k + 0.5) * r.dtMs() / 1000.0;
        }
        String what = switch (sf.role()) {
            case CROSS_VALIDATED -> "held out";
            case TRAIN -> "training stimulus";
            case VALIDATION -> "validation stimulus";
            case TEST -> "test stimulus";
            case UNUSED -> "outside the split";
        };
        overlay.showPrediction(t, sf.predicted(), "STRF prediction (r " + Formats.num(sf.r(), 2) + ", " + what + ")",
                "Prediction of the linear STRF for this stimulus (" + sf.role().text() + "); " + r.method());
    }

    private void clearOverlay() {
        if (overlay != null) {
            overlay.clearPrediction();
        }
    }

    private void clear(String state) {
        body.setOpacity(1.0);
        grid.set(false, new double[][] {{0, 1}, {0, 1}}, new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
        grid.recomputeLimits();
        heatmap.invalidate();
        curveData.set(new double[0], new double[0]);
        chosenPoint.set(new double[0], new double[0]);
        curve.invalidate();
        heldOut.setText(state);
        ceiling.setText(ceilingOfCell());
        thisStimulus.setText("–");
        lambda.setText("–");
        method.setText("");
        clearOverlay();
    }

    private String ceilingOfCell() {
        Selection s = model.selection();
        DatasetCounts c = model.counts();
        if (s == null || c == null) {
            return "–";
        }
        return "CC_max " + Formats.num(c.ccMax(s.cell().id()), 2) + " (all stimuli)";
    }

    /** The grid shown (bands x lags, row-major), for tests. */
    public DoubleGridDataSet grid() {
        return grid;
    }

    /** The colour range of the heatmap (its z axis: min, max), for tests. */
    public double[] zRange() {
        return new double[] {zAxis.getMin(), zAxis.getMax()};
    }

    /** The held-out correlation shown, for tests. */
    public Label heldOutLabel() {
        return heldOut;
    }
}
