package org.ac1explorer.ui.population;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ac1explorer.explore.PopulationResponse;
import org.ac1explorer.explore.PopulationRow;
import org.ac1explorer.ui.common.ViewSettings;
import org.ac1explorer.ui.plots.PlotData;
import org.ac1explorer.ui.plots.SpectrogramChart;
import org.ac1explorer.ui.plots.TimeAxes;
import org.ac1explorer.ui.common.Tooltips;

/**
 * The population view of the selected stimulus: its spectrogram, and under it on the same time
 * axis one heatmap block per signal type and site (membrane potential in mV, spike rate in Hz,
 * each type on its own colour scale; A1 and MGB cells in separate blocks), rows sorted by the
 * chosen {@link PopulationResponse.Order}. Clicking a row opens that cell with this stimulus.
 */
public final class PopulationPane extends VBox {
    private final PopulationController controller;
    private final SpectrogramChart spectrogram;
    private final TimeAxes time = new TimeAxes();
    private final ChoiceBox<PopulationResponse.Order> order = new ChoiceBox<>();
    private final Label title = new Label("Population");
    private final Label message = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final List<PopulationHeatmap> blocks = new ArrayList<>();
    private final VBox blockColumn = new VBox(4);

    public PopulationPane(PopulationController controller, ViewSettings view, Consumer<PopulationRow> open) {
        this.controller = controller;
        setId("population-pane");
        getStyleClass().add("population-pane");
        spectrogram = new SpectrogramChart(view);
        spectrogram.setId("population-spectrogram");
        PopulationHeatmap.fixWidth((Region) spectrogram.chart().getYAxis());
        spectrogram.setPrefHeight(230);
        spectrogram.setMinHeight(180);
        time.add(spectrogram.chart());
        for (boolean spiking : new boolean[] {false, true}) {
            for (String site : new String[] {"A1", "MGB"}) {
                PopulationHeatmap b = new PopulationHeatmap("population-" + (spiking ? "rate-" : "vm-") + site,
                        spiking ? "Rate (Hz)" : "Vm (mV)", open);
                b.setUserData(new Object[] {spiking, site});
                blocks.add(b);
                time.add(b.chart());
                blockColumn.getChildren().add(b);
            }
        }
        order.getItems().setAll(PopulationResponse.Order.values());
        order.setValue(PopulationResponse.Order.CC_MAX);
        order.setId("population-order");
        Tooltips.install(order, "CC_max: noise ceiling of the kept repeats (high first). Peak latency: time of "
                + "the largest mean-response bin from the trace start (early first). Strength: s.d. over time of the "
                + "mean response, mV or Hz (high first). Undefined values last.");
        order.valueProperty().addListener((o, a, b) -> show(controller.response()));
        title.getStyleClass().add("plot-title");
        title.setMinWidth(0);
        progress.setPrefWidth(120);
        progress.visibleProperty().bind(controller.runningProperty());
        progress.progressProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> controller.progressProperty().get() < 0 ? -1 : controller.progressProperty().get(),
                controller.progressProperty()));
        message.textProperty().bind(controller.messageProperty());
        message.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label sortBy = new Label("Sort by");
        sortBy.setMinWidth(Region.USE_PREF_SIZE);
        order.setMinWidth(Region.USE_PREF_SIZE);
        HBox head = new HBox(8, title, message, progress, gap, sortBy, order);
        head.getStyleClass().add("plot-header");
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(blockColumn);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(head, spectrogram, scroll);
        controller.responseProperty().addListener((o, a, r) -> show(r));
        show(null);
    }

    private void show(PopulationResponse r) {
        if (r == null) {
            title.setText("Population");
            spectrogram.show(null, 6, "Select a cell and stimulus; its population appears here");
            for (PopulationHeatmap b : blocks) {
                b.show("", List.of(), 5, 0, 1);
            }
            showOnlyFilledBlocks();
            return;
        }
        String name = r.rows().isEmpty() ? r.stimulus().category() + " " + r.stimulus().idx()
                : r.rows().get(0).selection().stimulus().info().description();
        title.setText(name + " · " + r.rows().size() + (r.rows().size() == 1 ? " cell heard it" : " cells heard it"));
        spectrogram.show(r.spectrogram() == null ? null : PlotData.heatmap(r.spectrogram()),
                r.params().binsPerOctave(), r.spectrogramError());
        spectrogram.setTitle("Stimulus");
        double dt = r.params().dtMs();
        for (boolean spiking : new boolean[] {false, true}) {
            double[] range = colourRange(r, spiking);
            for (PopulationHeatmap b : blocks) {
                Object[] tag = (Object[]) b.getUserData();
                if ((boolean) tag[0] != spiking) {
                    continue;
                }
                String site = (String) tag[1];
                List<PopulationRow> rows = r.block(spiking, site, order.getValue()).stream()
                        .filter(x -> x.mean().length > 0).toList();
                String kind = spiking ? "Spike rate (Hz)" : "Membrane potential (mV)";
                b.show(kind + " · " + site + " · " + rows.size() + (rows.size() == 1 ? " cell" : " cells")
                        + " · sorted by " + order.getValue(), rows, dt, range[0], range[1]);
            }
        }
        showOnlyFilledBlocks();
        double end = r.maxBins() * dt / 1000.0;
        if (r.spectrogram() != null && r.spectrogram().db().length > 0) {
            end = Math.max(end, r.spectrogram().db()[0].length * (double) r.spectrogram().hop() / r.spectrogram().sf());
        }
        time.setFullRange(end);
        time.fit();
    }

    /**
     * Keeps only the blocks with rows in the scene: a hidden chart is never sized, and ChartFX then
     * lays it out again on every pulse (most of a core while the view was open, even once left).
     */
    private void showOnlyFilledBlocks() {
        blockColumn.getChildren().setAll(blocks.stream().filter(PopulationHeatmap::isVisible).toList());
    }

    /** The colour range shared by every block of one signal type: min..max of its cells' means (rates from 0). */
    static double[] colourRange(PopulationResponse r, boolean spiking) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (PopulationRow row : r.rows()) {
            if (row.spiking() != spiking) {
                continue;
            }
            for (double v : row.mean()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi >= lo)) {
            return new double[] {0, 1};
        }
        if (spiking) {
            lo = Math.min(0, lo);
        }
        return hi > lo ? new double[] {lo, hi} : new double[] {lo - 0.5, hi + 0.5};
    }

    /** The heatmap blocks (membrane potential A1, MGB, then spike rate A1, MGB). */
    List<PopulationHeatmap> blocks() {
        return blocks;
    }

    public PopulationController controller() {
        return controller;
    }

    public ChoiceBox<PopulationResponse.Order> orderChoice() {
        return order;
    }

    /** Selects a cell by clicking row {@code i} (0 = top) of block {@code b}; for tests. */
    public javafx.geometry.Point2D rowPointOnScreen(int b, int i) {
        PopulationHeatmap h = blocks.get(b);
        double yPx = h.rowCentreY(i);
        return h.chart().getCanvas().localToScreen(h.chart().getCanvas().getWidth() / 2, yPx);
    }

    /** The rows of block {@code b} (see {@link #blocks()}), top to bottom. */
    public List<PopulationRow> rowsOf(int b) {
        return blocks.get(b).rows();
    }

    /** The colour range of block {@code b}. */
    public double[] zRange(int b) {
        return blocks.get(b).zRange();
    }
}
