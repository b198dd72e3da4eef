package org.ac1explorer.ui.plots;

import io.fair_acc.chartfx.XYChart;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.StimulusInfo;
import org.ac1explorer.ui.common.BackgroundWork;
import org.ac1explorer.ui.common.Formats;
import org.ac1explorer.ui.common.ViewSettings;
import org.ac1explorer.ui.common.Superseding;
import org.ac1explorer.ui.common.Tasks;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.explore.SelectionData;

/**
 * The three plots of the selection on one time axis — spectrogram, repeats, binned response —
 * with a header naming the cell and the time under the cursor. Display data (heatmap grid,
 * trace envelopes for the visible range) are prepared in background tasks; zooming or resizing
 * re-prepares the envelopes only.
 */
public final class PlotsPane extends VBox {
    private final ExplorerModel model;
    private final SpectrogramChart spectrogram;
    private final TracesChart traces;
    private final ResponseChart response = new ResponseChart();
    private final TimeAxes time = new TimeAxes();
    private final Superseding prepareAll;
    private final Superseding prepareTraces;
    private final PauseTransition envelopeDebounce = new PauseTransition(Duration.millis(40));
    private final Label cellInfo = new Label("Open a dataset to begin (File ▸ Open…)");
    private final Label cursorInfo = new Label();
    private PlotData.Layout layout;
    private final SplitPane split;
    /** True from a selection's data arriving until the plots show it. */
    private final ReadOnlyBooleanWrapper drawing = new ReadOnlyBooleanWrapper(this, "drawing");
    private final ReadOnlyObjectWrapper<SelectionData> drawn = new ReadOnlyObjectWrapper<>(this, "drawn");
    /** Redraws with the new line widths (held here: the scale property only holds it weakly). */
    private final javafx.beans.value.ChangeListener<Number> restyle = (o, a, b) -> prepare(drawn.get(), false);

    public PlotsPane(ExplorerModel model, BackgroundWork work, ViewSettings view, ObservableBooleanValue computing) {
        this.model = model;
        this.spectrogram = new SpectrogramChart(view);
        this.traces = new TracesChart(view);
        this.prepareAll = new Superseding(work);
        this.prepareTraces = new Superseding(work);
        getStyleClass().add("plots");
        getStylesheets().add(PlotsPane.class.getResource("plots.css").toExternalForm());

        time.add(spectrogram.chart());
        time.add(traces.chart());
        time.add(response.chart());

        cellInfo.getStyleClass().add("cell-info");
        cellInfo.setMinWidth(0);
        cellInfo.setId("cell-info");
        cursorInfo.getStyleClass().add("cursor-info");
        cursorInfo.setMinWidth(Region.USE_PREF_SIZE);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> computing.get(), computing));
        Label hint = new Label("drag/wheel: zoom · middle-drag: pan · click: play from · right-click: fit, save figure");
        hint.getStyleClass().add("plot-hint");
        hint.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox info = new HBox(10, cellInfo, busy, gap, cursorInfo, hint);
        info.setAlignment(Pos.CENTER_LEFT);
        info.getStyleClass().add("plots-info");

        split = new SplitPane(spectrogram, traces, response);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.30, 0.74);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(info, split);

        Runnable cursorText = () -> {
            double t = time.cursorProperty().get();
            String h = spectrogram.readoutProperty().get();
            cursorInfo.setText(Double.isNaN(t) ? "" : "t = " + Formats.num(t, 3) + " s" + (h.isEmpty() ? "" : " · " + h));
            hint.setVisible(Double.isNaN(t));
            hint.setManaged(Double.isNaN(t));
        };
        time.cursorProperty().addListener((o, a, t) -> cursorText.run());
        spectrogram.readoutProperty().addListener((o, a, t) -> cursorText.run());

        model.selectionDataProperty().addListener((o, a, d) -> prepare(d, a == null || d == null
                || !a.selection().equals(d.selection())));
        model.selectionProperty().addListener((o, a, s) -> {
            describe();
            markStale(split);
        });
        traces.rawProperty().addListener((o, a, b) -> prepare(drawn.get(), false));
        traces.hideRejectedProperty().addListener((o, a, b) -> prepare(drawn.get(), false));
        traces.overlayProperty().addListener((o, a, b) -> prepare(drawn.get(), false));
        traces.gainProperty().addListener((o, a, b) -> prepare(drawn.get(), false));
        PlotStyle.lineScaleProperty().addListener(new javafx.beans.value.WeakChangeListener<>(restyle));
        envelopeDebounce.setOnFinished(e -> prepareEnvelopes());
        time.loProperty().addListener((o, a, b) -> envelopeDebounce.playFromStart());
        time.hiProperty().addListener((o, a, b) -> envelopeDebounce.playFromStart());
        traces.chart().getCanvas().widthProperty().addListener((o, a, b) -> envelopeDebounce.playFromStart());
        for (XYChart c : charts()) {
            c.getCanvas().widthProperty().addListener((o, a, b) -> requestAlign());
            c.widthProperty().addListener((o, a, b) -> requestAlign());
            c.getCanvas().layoutXProperty().addListener((o, a, b) -> requestAlign());
        }
        showEmpty("Open a dataset to begin (File ▸ Open…)");
    }

    /**
     * Gives the three plots their shares of the height back when {@code mode} ends: its larger fonts
     * raise the charts' minimum heights (room for the y titles), which moves the dividers.
     */
    public void keepHeightsAcross(ObservableBooleanValue mode) {
        double[][] before = {split.getDividerPositions()};
        mode.addListener((o, was, on) -> {
            if (on) {
                before[0] = split.getDividerPositions();
                return;
            }
            double[] d = before[0];
            split.setDividerPositions(d);
            // once more after the layout with the normal minimum heights
            Platform.runLater(() -> split.setDividerPositions(d));
        });
    }

    private XYChart[] charts() {
        return new XYChart[] {spectrogram.chart(), traces.chart(), response.chart()};
    }

    private final double[] extraLeft = new double[3];
    private final double[] extraRight = new double[3];
    private boolean alignPending;

    private void requestAlign() {
        if (!alignPending) {
            alignPending = true;
            Platform.runLater(this::align);
        }
    }

    /**
     * Pads the charts so their plot areas start and end at the same x (the spectrogram's colour
     * bar would otherwise make its time axis shorter than the others').
     */
    private void align() {
        alignPending = false;
        XYChart[] cs = charts();
        double[] left = new double[3];
        double[] right = new double[3];
        double targetL = Double.NEGATIVE_INFINITY;
        double targetR = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 3; i++) {
            Canvas cv = cs[i].getCanvas();
            if (cv.getScene() == null || cv.getWidth() <= 0) {
                return;
            }
            Bounds b = cv.localToScene(cv.getLayoutBounds());
            left[i] = b.getMinX() - extraLeft[i];
            right[i] = b.getMaxX() + extraRight[i];
            targetL = Math.max(targetL, left[i]);
        }
        // the traces chart keeps a margin for its verdict labels: the others end where it ends
        double[] margin = {0, traces.labelMargin(), 0};
        targetR = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 3; i++) {
            targetR = Math.min(targetR, right[i] - margin[i]);
        }
        for (int i = 0; i < 3; i++) {
            double l = Math.round(targetL - left[i]);
            double r = Math.round(right[i] - targetR);
            if (Math.abs(l - extraLeft[i]) >= 1 || Math.abs(r - extraRight[i]) >= 1) {
                extraLeft[i] = l;
                extraRight[i] = r;
                cs[i].setPadding(new Insets(2, 6 + r, 2, 2 + l));
            }
        }
    }

    private record Prepared(SelectionData data, PlotData.Heatmap heatmap, PlotData.Layout layout,
                            PlotData.Traces traces, PlotData.Response response) {
    }

    private void prepare(SelectionData d, boolean newSelection) {
        if (d == null) {
            prepareAll.cancel();
            prepareTraces.cancel();
            drawn.set(null);
            layout = null;
            if (model.selection() == null) {
                showEmpty(model.dataset() == null ? "Open a dataset to begin (File ▸ Open…)" : "Select a cell and a stimulus");
            }
            return;
        }
        boolean raw = traces.rawProperty().get();
        boolean hide = traces.hideRejectedProperty().get();
        boolean over = traces.overlayProperty().get();
        double gain = traces.gainProperty().get();
        double full = d.durationS();
        double t0;
        double t1;
        if (newSelection || drawn.get() == null) {
            t0 = 0;
            t1 = full;
        } else {
            t0 = Math.max(0, time.loProperty().get());
            t1 = Math.min(full, time.hiProperty().get());
            if (!(t1 > t0)) {
                t0 = 0;
                t1 = full;
            }
        }
        double a = t0;
        double b = t1;
        int columns = traces.columns();
        prepareTraces.cancel();
        prepareAll.run(Tasks.create(ctx -> {
                    PlotData.Heatmap h = d.spectrogram() == null ? null : PlotData.heatmap(d.spectrogram());
                    ctx.checkCancelled();
                    PlotData.Layout l = null;
                    PlotData.Traces tr = null;
                    if (d.analysis() != null) {
                        l = PlotData.layout(d, raw, hide, over, gain);
                        ctx.checkCancelled();
                        tr = PlotData.traces(d, l, a, b, columns);
                    }
                    return new Prepared(d, h, l, tr, d.analysis() == null ? null : PlotData.response(d));
                })
                .onSuccess(p -> apply(p, newSelection, full, a, b))
                .andFinally(() -> drawing.set(prepareAll.isRunning())));
        // after run(): the superseded preparation, cancelled there, has ended already
        drawing.set(prepareAll.isRunning());
    }

    private void apply(Prepared p, boolean newSelection, double full, double t0, double t1) {
        drawn.set(p.data());
        if (newSelection) {
            fitVertical();
        }
        markStale(split);
        layout = p.layout();
        SelectionData d = p.data();
        time.setFullRange(full);
        spectrogram.show(p.heatmap(), d.params().binsPerOctave(), d.spectrogramError());
        traces.show(p.traces(), d.spiking(), d.repeatsError());
        traces.setTitle(d.analysis() == null ? "Repeats" : "Repeats (" + d.keptCount() + " kept / " + d.repeatCount() + ")");
        response.show(p.response(), d.analysis() == null ? d.repeatsError()
                : "No kept repeat at these thresholds: nothing to average");
        if (p.heatmap() != null) {
            spectrogram.setTitle(stimulusTitle(d) + " · " + p.heatmap().bands().length + " bands, "
                    + p.heatmap().frames() + " frames");
        } else {
            spectrogram.setTitle(stimulusTitle(d));
        }
        time.setRange(t0, t1);
    }

    /** Dims the plots while they still show a previous selection. */
    private void markStale(javafx.scene.Node plots) {
        SelectionData shown = drawn.get();
        boolean stale = shown != null && model.selection() != null && !shown.selection().equals(model.selection());
        plots.setOpacity(stale ? 0.45 : 1.0);
    }

    private void prepareEnvelopes() {
        SelectionData d = drawn.get();
        PlotData.Layout l = layout;
        if (d == null || l == null || d.analysis() == null || drawing.get()) {
            return;
        }
        double a = time.loProperty().get();
        double b = time.hiProperty().get();
        PlotData.Traces cur = traces.current();
        int columns = traces.columns();
        if (cur != null && cur.t0() == a && cur.t1() == b && cur.rows().size() == l.repeats().length
                && columns == lastColumns) {
            return;
        }
        lastColumns = columns;
        prepareTraces.run(Tasks.create(ctx -> PlotData.traces(d, l, a, b, columns))
                .onSuccess(t -> {
                    if (drawn.get() == d && layout == l) {
                        traces.show(t, d.spiking(), null);
                    }
                }));
    }

    private int lastColumns;

    private static String stimulusTitle(SelectionData d) {
        StimulusInfo i = d.selection().stimulus().info();
        return "Stimulus: “" + i.description() + "” (" + i.category() + ", "
                + Formats.num(i.durationMs() / 1000.0, 2) + " s)";
    }

    private void describe() {
        var s = model.selection();
        if (s == null) {
            cellInfo.setText(model.dataset() == null ? "Open a dataset to begin (File ▸ Open…)" : "Select a cell and a stimulus");
            return;
        }
        CellRecord c = s.cell();
        cellInfo.setText(c.session() + " · " + (c.experimenter().equals("wehr") ? "Wehr" : "Asari") + " · " + c.site()
                + " · " + c.recordingType() + (c.isSpiking() ? " (spikes)" : " (Vm)") + " · " + s.stimulus().repeats().size()
                + " repeats");
    }

    /**
     * While no dataset is open: what the empty plots say instead of the invitation to open one, e.g.
     * a running load ("Preparing the demo dataset: writing demo files 3/117"). The line above the
     * plots follows every step, the plots the headline before the colon. Only labels change: a
     * chart's data set is locked while JavaFX lays the chart out, so it is not written from here.
     */
    public void showWaiting(String what) {
        if (model.dataset() == null && model.selection() == null) {
            String text = what == null || what.isBlank() ? "Open a dataset to begin (File ▸ Open…)" : what;
            cellInfo.setText(text);
            int colon = text.indexOf(": ");
            String headline = colon < 0 ? text : text.substring(0, colon) + "…";
            spectrogram.setEmptyMessage(headline);
            traces.setEmptyMessage(headline);
            response.setEmptyMessage(headline);
        }
    }

    private void showEmpty(String why) {
        spectrogram.setTitle("Stimulus");
        spectrogram.show(null, 6, why);
        traces.setTitle("Repeats");
        traces.show(null, false, why);
        response.show(null, why);
    }

    /** Shows the whole selection in all plots. */
    /** Fits the shared time axis and every chart's vertical axis (amplitude, frequency) to the data. */
    public void fitAll() {
        time.fit();
        fitVertical();
    }

    private void fitVertical() {
        spectrogram.frequencyZoom().fit();
        traces.amplitudeZoom().fit();
        response.amplitudeZoom().fit();
    }

    public TimeAxes time() {
        return time;
    }

    public SpectrogramChart spectrogram() {
        return spectrogram;
    }

    public TracesChart traces() {
        return traces;
    }

    public ResponseChart response() {
        return response;
    }

    /** Whether the plots are still being prepared for the latest selection data (the work runs in the background). */
    public ReadOnlyBooleanProperty drawingProperty() {
        return drawing.getReadOnlyProperty();
    }

    /** The selection data the plots show, set once they show it; null while nothing is shown. */
    public ReadOnlyObjectProperty<SelectionData> drawnProperty() {
        return drawn.getReadOnlyProperty();
    }

    /** The selection data currently drawn (null when none). */
    public SelectionData shown() {
        return drawn.get();
    }
}
