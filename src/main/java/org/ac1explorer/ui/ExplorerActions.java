package org.ac1explorer.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import org.ac1explorer.Version;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dataset.WaveformMode;
import org.ac1explorer.ui.actions.Action;
import org.ac1explorer.ui.actions.ActionTable;
import org.ac1explorer.ui.common.Dialogs;
import org.ac1explorer.ui.common.ViewSettings;
import org.ac1explorer.ui.playback.PlaybackController;
import org.ac1explorer.ui.playback.PlaybackSignal;

/** The explorer's commands: every menu entry and shortcut, in menu order (File, View, Navigate, Sound, Knobs, Help). */
final class ExplorerActions {
    private ExplorerActions() {
    }

    static ActionTable build(MainWindow w, ViewSettings view) {
        ExplorerViews v = w.views();
        ExplorerControllers c = w.controllers();
        ActionTable t = new ActionTable();
        ObservableBooleanValue noExport = w.model().datasetProperty().isNull()
                .or(v.knobs().summaryProperty().isNotEmpty()).or(w.status().busyProperty());

        t.add(Action.of("File", "Open dataset folder…", w.opening()::chooseFolder).withAccelerator("Shortcut+O")
                .withHelp("open a dataset folder"));
        javafx.scene.control.Menu recent = new javafx.scene.control.Menu("Open recent");
        w.opening().fillRecent(recent);
        view.recentDatasets().addListener((javafx.collections.ListChangeListener<java.nio.file.Path>) ch -> w.opening().fillRecent(recent));
        t.addItem("File", 0, recent);
        t.add(Action.of("File", "Open demo dataset", c.opener()::openDemo));
        t.add(Action.of("File", "Download CRCNS-AC1…", () -> c.downloader().askAndDownload(null, null))
                .disabledWhen(w.status().busyProperty()));
        t.add(Action.of("File", "Export…", c.exporter()::chooseAndExport).inSection(1).withAccelerator("Shortcut+E")
                .disabledWhen(noExport).withHelp("export the dataset (MAT) at the current knobs"));
        t.add(Action.of("File", "Export with waveforms (96 kHz)…",
                () -> c.exporter().chooseAndExport(WaveformMode.defaults())).inSection(1).disabledWhen(noExport));
        t.add(Action.of("File", "Save figure of the plots…", w::saveFigureOfPlots).inSection(1)
                .withAccelerator("Shortcut+Shift+S").disabledWhen(w.model().selectionDataProperty().isNull())
                .withHelp("save spectrogram, repeats and response (or some of them) as one figure: PNG at a chosen dpi "
                        + "or SVG, sized in cm"));
        t.add(Action.of("File", "Quit", w::quit).inSection(2).withAccelerator("Shortcut+Q").withHelp("quit"));

        t.add(Action.of("View", "Fit all plots", () -> {
                    v.plots().traces().scaleGain(0);
                    v.plots().fitAll();
                }).withPlainKey(KeyCode.F, "F")
                .withHelp("fit all plots to the whole stimulus"));
        ToggleGroup mode = new ToggleGroup();
        RadioMenuItem det = new RadioMenuItem("Detrended traces");
        RadioMenuItem raw = new RadioMenuItem("Raw Vm + baseline");
        det.setToggleGroup(mode);
        raw.setToggleGroup(mode);
        (view.rawTracesProperty().get() ? raw : det).setSelected(true);
        view.rawTracesProperty().addListener((o, a, b) -> (b ? raw : det).setSelected(true));
        det.setOnAction(e -> view.rawTracesProperty().set(false));
        raw.setOnAction(e -> view.rawTracesProperty().set(true));
        t.addItem("View", 1, det);
        t.addItem("View", 1, raw);
        t.add(Action.toggle("View", "Hide rejected repeats", view.hideRejectedProperty()).inSection(1));
        t.add(Action.toggle("View", "Overlay repeats (one mV axis)", view.overlayTracesProperty()).inSection(1)
                .withPlainKey(KeyCode.O, "O").withHelp("superimpose the repeats on one absolute mV axis / back to rows"));
        t.add(Action.toggle("View", "Measurement cursors (Δt, Δ response)", v.plots().response().cursorsProperty())
                .inSection(1).withPlainKey(KeyCode.M, "M")
                .withHelp("two draggable cursors A / B on the response: Δt and the difference of the mean"));
        t.add(Action.of("View", "Larger traces", () -> v.plots().traces().scaleGain(2)).inSection(1)
                .withPlainKey(KeyCode.EQUALS, "+ (=)").withHelp("magnify the traces within their rows (×2)"));
        t.add(Action.of("View", "Smaller traces", () -> v.plots().traces().scaleGain(0.5)).inSection(1)
                .withPlainKey(KeyCode.MINUS, "−").withHelp("shrink the traces within their rows (÷2); F resets"));
        t.add(Action.of("View", "Show problems", () -> v.problems().setExpanded(true)).inSection(2));
        t.add(Action.of("View", "Cells table", () -> w.layout().leftTabs().getSelectionModel().select(1)).inSection(3));
        t.add(Action.of("View", "Linear STRF of the cell", () -> w.layout().rightTabs().getSelectionModel().select(1))
                .inSection(3));
        t.add(Action.of("View", "Population of the stimulus / cell", w.layout()::toggleCellOrPopulation).inSection(3)
                .withPlainKey(KeyCode.P, "P").withHelp("switch between the cell's plots and every cell that heard "
                        + "the stimulus (population view)"));
        t.add(Action.toggle("View", "Only Wehr cells of the published models", v.browser().publishedOnlyProperty())
                .inSection(3));
        t.add(Action.toggle("View", "Presentation (full screen, large)", w.presentation().presentationProperty())
                .inSection(4).withAccelerator("F11").withHelp("presentation mode (full screen, large text); Esc leaves it"));
        t.add(Action.toggle("View", "Side panes (browser, knobs)", w.layout().sidePanesProperty()).inSection(4)
                .withAccelerator("Shortcut+Shift+P").withHelp("show / hide the browser and knob columns (hidden in "
                        + "presentation mode)"));
        t.add(Action.toggle("View", "Dark theme", view.darkProperty()).inSection(4));

        t.add(Action.of("Navigate", "Previous cell", () -> v.browser().nextCell(-1)).withPlainKey(KeyCode.UP, "↑")
                .withHelp("previous cell (keeps the stimulus when the cell heard it)"));
        t.add(Action.of("Navigate", "Next cell", () -> v.browser().nextCell(1)).withPlainKey(KeyCode.DOWN, "↓")
                .withHelp("next cell"));
        t.add(Action.of("Navigate", "Previous stimulus", () -> v.browser().nextStimulus(-1))
                .withPlainKey(KeyCode.LEFT, "←").withHelp("previous stimulus of the cell"));
        t.add(Action.of("Navigate", "Next stimulus", () -> v.browser().nextStimulus(1))
                .withPlainKey(KeyCode.RIGHT, "→").withHelp("next stimulus of the cell"));
        t.add(Action.of("Navigate", "Filter cells…", () -> v.browser().filterField().requestFocus()).inSection(1)
                .withAccelerator("Shortcut+F").withHelp("filter cells, sites and stimuli"));

        PlaybackController playback = c.playback();
        t.add(Action.of("Sound", "Play / pause", playback::togglePlay).withPlainKey(KeyCode.SPACE, "Space")
                .withHelp("play / pause the stimulus (Sound menu: time expansion)"));
        t.add(Action.of("Sound", "Stop and rewind", playback::stop));
        ToggleGroup expansions = new ToggleGroup();
        for (int k : PlaybackSignal.EXPANSIONS) {
            RadioMenuItem m = new RadioMenuItem(k == 1 ? "Real time (1×)" : "Time expansion " + k + "× (pitch ÷ " + k + ")");
            m.setToggleGroup(expansions);
            m.setSelected(playback.expansionProperty().get() == k);
            m.setOnAction(e -> playback.expansionProperty().set(k));
            playback.expansionProperty().addListener((o, a, b) -> m.setSelected(b.intValue() == k));
            t.addItem("Sound", 1, m);
        }

        t.add(Action.of("Knobs", "Reset to defaults", () -> v.knobs().show(Params.defaults())));

        CurationActions.addTo(t, w, view);

        t.add(Action.of("Help", "Guided tour", w::startTour).withAccelerator("F1")
                .withHelp("guided tour (→ / ← next / back, Esc closes)"));
        t.add(Action.of("Help", "Keyboard shortcuts", () -> showShortcuts(t, w.stage())));
        t.add(Action.of("Help", "About AC1 Explorer", () -> about(w.stage())));
        return t;
    }

    /** The shortcuts dialog, written from the action table. */
    static void showShortcuts(ActionTable actions, javafx.stage.Stage stage) {
        List<String[]> rows = new ArrayList<>();
        for (Action a : actions.withKeys()) {
            rows.add(new String[] {a.keyText(), a.help()});
        }
        Dialogs.table(stage, "Keyboard shortcuts", rows, """
                In a knob's field, ↑ / ↓ nudge the value. In a plot: drag to zoom the time axis, wheel to zoom, \
                middle-drag to pan, click to set the play position; right-click for a menu: fit all plots, save the \
                figure as PNG (300 dpi) or SVG.""");
    }

    static void about(javafx.stage.Stage stage) {
        Dialogs.info(stage, "AC1 Explorer " + Version.current(), """
                Explorer for the CRCNS-AC1 dataset: whole-cell and cell-attached recordings from rat auditory \
                cortex and thalamus during natural sounds.
                Data: Asari, Wehr, Machens & Zador (2009), CRCNS.org, doi:10.6080/K0KW5CXR.
                Processing matches the reference loader (deepSTRF CRCNSAC1Dataset).""");
    }
}
