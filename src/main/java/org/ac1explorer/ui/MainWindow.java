package org.ac1explorer.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import org.ac1explorer.cli.Cli;
import org.ac1explorer.ui.analysis.CountsController;
import org.ac1explorer.ui.analysis.SelectionController;
import org.ac1explorer.ui.browser.BrowserPane;
import org.ac1explorer.ui.browser.CellsTable;
import org.ac1explorer.ui.browser.ProblemsPane;
import org.ac1explorer.ui.common.BackgroundWork;
import org.ac1explorer.ui.common.Dialogs;
import org.ac1explorer.ui.common.Settings;
import org.ac1explorer.download.CrcnsDownloader;
import org.ac1explorer.ui.download.DownloadController;
import org.ac1explorer.ui.export.ExportController;
import org.ac1explorer.ui.figures.FigureExport;
import org.ac1explorer.ui.knobs.KnobsPane;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.ui.model.LoadedDataset;
import org.ac1explorer.ui.open.OpenController;
import org.ac1explorer.ui.playback.PlaybackBar;
import org.ac1explorer.ui.playback.PlaybackController;
import org.ac1explorer.ui.playback.Playhead;
import org.ac1explorer.ui.presentation.GuidedTour;
import org.ac1explorer.ui.presentation.PresentationMode;
import org.ac1explorer.ui.plots.PlotsPane;
import org.ac1explorer.ui.status.StatusBar;
import org.ac1explorer.ui.status.StatusModel;
import org.ac1explorer.ui.strf.StrfController;
import org.ac1explorer.ui.strf.StrfPane;

/**
 * The explorer window: menus, browser and problems (left), the three plots (centre), knobs
 * (right), status bar (bottom); wires the model to its controllers and the keyboard shortcuts.
 * Closing it cancels running work and releases the dataset.
 */
public final class MainWindow {
    private final Stage stage;
    private final Settings settings;
    private final BackgroundWork work;
    private final ExplorerModel model = new ExplorerModel();
    private final StatusModel status = new StatusModel();
    private final SelectionController selection;
    private final CountsController counts;
    private final OpenController opener;
    private final ExportController exporter;
    private final DownloadController downloader;
    private final BrowserPane browser;
    private final ProblemsPane problems;
    private final PlotsPane plots;
    private final KnobsPane knobs;
    private final StatusBar statusBar;
    private final StrfController strf;
    private final StrfPane strfPane;
    private final CellsTable cellsTable;
    private final TabPane leftTabs;
    private final TabPane rightTabs;
    private final PlaybackController playback;
    private final PlaybackBar playbackBar;
    private final FigureExport figures;
    private final PresentationMode presentation;
    private final GuidedTour tour;
    private boolean soundExplained;
    private boolean closed;

    public MainWindow(Stage stage, Settings settings, Path demoDir, BackgroundWork work) {
        this.stage = stage;
        this.settings = settings;
        this.work = work;
        model.setParams(settings.loadParams());
        selection = new SelectionController(model, work);
        counts = new CountsController(model, work, selection.runningProperty());
        opener = new OpenController(model, status, work, settings, demoDir, () -> stage);
        exporter = new ExportController(model, status, work, settings, () -> stage);
        downloader = new DownloadController(status, work, settings, () -> stage,
                CrcnsDownloader.DEFAULT_BASE_URI, opener::open);

        browser = new BrowserPane(model);
        problems = new ProblemsPane(model.problems());
        plots = new PlotsPane(model, work, settings, selection.runningProperty());
        knobs = new KnobsPane(model.params(), p -> {
            model.setParams(p);
            settings.saveParams(p);
        });
        statusBar = new StatusBar(status, model, counts.runningProperty());
        strf = new StrfController(model, work, selection.runningProperty());
        strfPane = new StrfPane(model, strf);
        strfPane.drawPredictionsOn(plots.response());
        cellsTable = new CellsTable(model, browser.publishedOnlyProperty());
        playback = new PlaybackController(model, work);
        playbackBar = new PlaybackBar(playback);
        new Playhead(playback, plots.time(), java.util.List.of(plots.spectrogram().chart(), plots.traces().chart(),
                plots.response().chart()));
        playback.setOnProblem(this::soundProblem);
        figures = new FigureExport(() -> stage, settings, status, model);
        figures.install(plots.spectrogram().chart(), "spectrogram", plots::fitAll);
        figures.install(plots.traces().chart(), "repeats", plots::fitAll);
        figures.install(plots.response().chart(), "response", plots::fitAll);

        opener.setOnOpened(this::opened);
        model.selectionProperty().addListener((o, a, s) -> {
            if (s != null) {
                settings.put("lastSelection", s.id());
            }
        });
        selection.failureProperty().addListener((o, a, f) -> {
            if (f != null) {
                status.failure(f);
            } else if (a != null && status.errorProperty().get()) {
                status.clearNotice();
            }
        });
        counts.failureProperty().addListener((o, a, f) -> {
            if (f != null) {
                status.notice("No data in the cohort: " + f);
            }
        });
        model.datasetProperty().addListener((o, a, d) -> updateTitle());
        // the first start prepares the demo for several seconds: the empty plots say so, with progress
        status.messageProperty().addListener((o, a, m) -> plots.showWaiting(status.isBusy() ? m : null));
        status.idleTextProperty().bind(Bindings.createStringBinding(this::idleText, model.datasetProperty()));

        leftTabs = tabs("left-tabs", new Tab("Browser", browser), new Tab("Cells", cellsTable));
        leftTabs.getTabs().get(1).setTooltip(new javafx.scene.control.Tooltip(
                "All cells in a sortable table: noise ceiling CC_max, kept repeats, published Wehr subset and split"));
        VBox left = new VBox(leftTabs, problems);
        VBox.setVgrow(leftTabs, Priority.ALWAYS);
        left.setMinWidth(220);
        left.getStyleClass().add("left-column");

        Label knobsInvalid = new Label();
        knobsInvalid.getStyleClass().add("knobs-invalid");
        knobsInvalid.setWrapText(true);
        knobsInvalid.textProperty().bind(knobs.summaryProperty());
        knobsInvalid.visibleProperty().bind(knobs.summaryProperty().isNotEmpty());
        knobsInvalid.managedProperty().bind(knobsInvalid.visibleProperty());
        Label knobsTitle = new Label("Knobs");
        knobsTitle.getStyleClass().add("column-title");
        VBox right = new VBox(knobsTitle, knobsInvalid, knobs);
        VBox.setVgrow(knobs, Priority.ALWAYS);
        right.setMinWidth(268);
        right.setPrefWidth(290);
        right.getStyleClass().add("right-column");

        rightTabs = tabs("right-tabs", new Tab("Knobs", right), new Tab("Model", strfPane));
        rightTabs.getTabs().get(1).setTooltip(new javafx.scene.control.Tooltip(
                "Linear STRF of the selected cell (ridge regression) and its held-out prediction"));
        rightTabs.setMinWidth(268);
        rightTabs.setPrefWidth(330);

        VBox centre = new VBox(playbackBar, plots);
        VBox.setVgrow(plots, Priority.ALWAYS);
        SplitPane main = new SplitPane(left, centre, rightTabs);
        main.setOrientation(Orientation.HORIZONTAL);
        main.setDividerPositions(0.19, 0.78);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(rightTabs, false);

        BorderPane root = new BorderPane(main);
        root.setTop(menus());
        root.setBottom(statusBar);
        root.getStyleClass().add("explorer");

        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double w = Math.min(settings.getDouble("window.width", 1500), screen.getWidth());
        double h = Math.min(settings.getDouble("window.height", 940), screen.getHeight());
        tour = new GuidedTour(model, new GuidedTour.Targets(browser, playbackBar, plots, right));
        javafx.scene.layout.StackPane layers = new javafx.scene.layout.StackPane(root, tour.overlay());
        Scene scene = new Scene(layers, Math.max(w, 800), Math.max(h, 560));
        scene.getStylesheets().add(MainWindow.class.getResource("explorer.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        stage.setScene(scene);
        presentation = new PresentationMode(stage, settings);
        double[] normalDividers = new double[2];
        presentation.presentationProperty().addListener((o, was, on) -> {
            // larger text needs wider side columns; the plots keep the rest
            double total = main.getWidth();
            if (on && total > 0) {
                double[] d = main.getDividerPositions();
                normalDividers[0] = d[0];
                normalDividers[1] = d[1];
                double l = Math.min(0.24, 1.15 * left.getWidth() / total);
                double r = Math.min(0.26, 1.15 * rightTabs.getWidth() / total);
                main.setDividerPositions(l, 1 - r);
            } else if (!on && normalDividers[1] > 0) {
                main.setDividerPositions(normalDividers[0], normalDividers[1]);
            }
        });
        stage.setMinWidth(Math.min(1000, screen.getWidth()));
        stage.setMinHeight(Math.min(680, screen.getHeight()));
        stage.setOnCloseRequest(e -> close());
        updateTitle();
    }

    private MenuBar menus() {
        MenuItem open = item("Open dataset folder…", "Shortcut+O", this::chooseFolder);
        MenuItem demo = item("Open demo dataset", null, opener::openDemo);
        MenuItem export = item("Export…", "Shortcut+E", exporter::chooseAndExport);
        export.disableProperty().bind(model.datasetProperty().isNull().or(knobs.summaryProperty().isNotEmpty())
                .or(status.busyProperty()));
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            close();
            stage.close();
        });
        MenuItem exportWave = item("Export with waveforms (96 kHz)…", null,
                () -> exporter.chooseAndExport(org.ac1explorer.dataset.WaveformMode.defaults()));
        exportWave.disableProperty().bind(export.disableProperty());
        MenuItem download = item("Download CRCNS-AC1…", null, () -> downloader.askAndDownload(null, null));
        download.disableProperty().bind(status.busyProperty());
        Menu file = new Menu("File", null, open, demo, download, new SeparatorMenuItem(), export, exportWave, new SeparatorMenuItem(), quit);

        MenuItem fit = item("Fit all plots    F", null, plots::fitAll);
        ToggleGroup mode = new ToggleGroup();
        RadioMenuItem det = new RadioMenuItem("Detrended traces");
        RadioMenuItem raw = new RadioMenuItem("Raw Vm + baseline");
        det.setToggleGroup(mode);
        raw.setToggleGroup(mode);
        (plots.traces().rawProperty().get() ? raw : det).setSelected(true);
        raw.selectedProperty().bindBidirectional(plots.traces().rawProperty());
        plots.traces().rawProperty().addListener((o, a, b) -> (b ? raw : det).setSelected(true));
        det.setOnAction(e -> plots.traces().rawProperty().set(false));
        CheckMenuItem hide = new CheckMenuItem("Hide rejected repeats");
        hide.selectedProperty().bindBidirectional(((javafx.scene.control.CheckBox) plots.traces()
                .lookup("#hide-rejected")).selectedProperty());
        MenuItem showProblems = item("Show problems", null, () -> problems.setExpanded(true));
        MenuItem showCells = item("Cells table", null, () -> leftTabs.getSelectionModel().select(1));
        MenuItem showModel = item("Linear STRF of the cell", null, () -> rightTabs.getSelectionModel().select(1));
        CheckMenuItem published = new CheckMenuItem("Only Wehr cells of the published models");
        published.selectedProperty().bindBidirectional(browser.publishedOnlyProperty());
        CheckMenuItem present = new CheckMenuItem("Presentation (full screen, large)");
        present.setAccelerator(KeyCombination.keyCombination("F11"));
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        Menu view = new Menu("View", null, fit, new SeparatorMenuItem(), det, raw, hide, new SeparatorMenuItem(), showProblems,
                new SeparatorMenuItem(), showCells, showModel, published, new SeparatorMenuItem(), present, dark);
        view.setOnShowing(e -> {
            present.setSelected(presentation.presentationProperty().get());
            dark.setSelected(presentation.darkProperty().get());
        });
        present.setOnAction(e -> presentation.presentationProperty().set(present.isSelected()));
        dark.setOnAction(e -> presentation.darkProperty().set(dark.isSelected()));

        Menu nav = new Menu("Navigate", null,
                item("Previous cell    ↑", null, () -> browser.nextCell(-1)),
                item("Next cell    ↓", null, () -> browser.nextCell(1)),
                item("Previous stimulus    ←", null, () -> browser.nextStimulus(-1)),
                item("Next stimulus    →", null, () -> browser.nextStimulus(1)),
                new SeparatorMenuItem(),
                item("Filter cells…", "Shortcut+F", () -> browser.filterField().requestFocus()));

        Menu sound = new Menu("Sound", null, item("Play / pause    Space", null, playback::togglePlay),
                item("Stop and rewind", null, playback::stop), new SeparatorMenuItem());
        ToggleGroup expansions = new ToggleGroup();
        for (int k : org.ac1explorer.ui.playback.PlaybackSignal.EXPANSIONS) {
            RadioMenuItem m = new RadioMenuItem(k == 1 ? "Real time (1×)" : "Time expansion " + k + "× (pitch ÷ " + k + ")");
            m.setToggleGroup(expansions);
            m.setSelected(playback.expansionProperty().get() == k);
            m.setOnAction(e -> playback.expansionProperty().set(k));
            playback.expansionProperty().addListener((o, a, b) -> m.setSelected(b.intValue() == k));
            sound.getItems().add(m);
        }

        Menu knobMenu = new Menu("Knobs", null, item("Reset to defaults", null,
                () -> knobs.show(org.ac1explorer.dataset.Params.defaults())));

        Menu help = new Menu("Help", null, item("Guided tour", "F1", this::startTour),
                item("Keyboard shortcuts", null, this::shortcuts), item("About AC1 Explorer", null, this::about));
        MenuBar bar = new MenuBar(file, view, nav, sound, knobMenu, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static TabPane tabs(String id, Tab... tabs) {
        TabPane t = new TabPane(tabs);
        t.setId(id);
        t.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        t.getStyleClass().add("column-tabs");
        return t;
    }

    private static MenuItem item(String text, String accel, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accel != null) {
            m.setAccelerator(KeyCombination.keyCombination(accel));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private void keys(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        if (tour.isOpen()) {
            boolean handled = true;
            switch (e.getCode()) {
                case RIGHT, PAGE_DOWN -> tour.next();
                case LEFT, PAGE_UP -> tour.back();
                case ESCAPE -> tour.close();
                default -> handled = false; // Space, F, … keep working during the tour
            }
            if (handled) {
                e.consume();
                return;
            }
        }
        if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && presentation.presentationProperty().get()) {
            presentation.presentationProperty().set(false);
            e.consume();
            return;
        }
        Node f = stage.getScene().getFocusOwner();
        if (f instanceof TextInputControl || f instanceof Slider || f instanceof Spinner || f instanceof ComboBoxBase
                || f instanceof javafx.scene.control.ChoiceBox || f instanceof ListView) {
            return;
        }
        switch (e.getCode()) {
            case UP -> browser.nextCell(-1);
            case DOWN -> browser.nextCell(1);
            case LEFT -> browser.nextStimulus(-1);
            case RIGHT -> browser.nextStimulus(1);
            case F -> plots.fitAll();
            case SPACE -> playback.togglePlay();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void chooseFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Open a CRCNS-AC1 dataset folder (extracted, or holding the zips)");
        settings.get("lastOpenDir").map(File::new).filter(File::isDirectory).ifPresent(dc::setInitialDirectory);
        File f = dc.showDialog(stage);
        if (f != null) {
            if (f.getParentFile() != null) {
                settings.put("lastOpenDir", f.getParentFile().toString());
            }
            opener.open(f.toPath());
        }
    }

    private void opened(LoadedDataset d) {
        String last = settings.get("lastSelection").orElse("");
        if (last.isEmpty() || !browser.selectById(last)) {
            browser.selectFirst();
        }
        browser.tree().requestFocus();
    }

    private String idleText() {
        LoadedDataset d = model.dataset();
        if (d == null) {
            return "No dataset open";
        }
        long wehr = d.cells().stream().filter(c -> c.experimenter().equals("wehr")).count();
        return d.name() + ": " + d.cells().size() + " cells (" + wehr + " Wehr, " + (d.cells().size() - wehr)
                + " Asari), " + d.repeatCount() + " repeats";
    }

    private void updateTitle() {
        LoadedDataset d = model.dataset();
        stage.setTitle("AC1 Explorer" + (d == null ? "" : " — " + d.name() + " (" + d.folder() + ")"));
    }

    private void shortcuts() {
        Dialogs.info(stage, "Keyboard shortcuts", """
                ↑ / ↓        previous / next cell (keeps the stimulus when the cell heard it)
                ← / →        previous / next stimulus of the cell
                F            fit all plots to the whole stimulus
                Ctrl+O       open a dataset folder
                Ctrl+E       export the dataset (MAT) at the current knobs
                Ctrl+F       filter cells
                Space        play / pause the stimulus (Sound menu: time expansion)
                F11          presentation mode (full screen, large text); Esc leaves it
                F1           guided tour (→ / ← next / back, Esc closes)
                In a knob's field, ↑ / ↓ nudge the value.
                In a plot: drag to zoom the time axis, wheel to zoom, middle-drag to pan, click to set the play
                position; right-click for a menu: fit all plots, save the figure as PNG (300 dpi) or SVG.""");
    }

    private void about() {
        Dialogs.info(stage, "AC1 Explorer " + Cli.version(), """
                Explorer for the CRCNS-AC1 dataset: whole-cell and cell-attached recordings from rat auditory \
                cortex and thalamus during natural sounds.
                Data: Asari, Wehr, Machens & Zador (2009), CRCNS.org, doi:10.6080/K0KW5CXR.
                Processing matches the reference loader (deepSTRF CRCNSAC1Dataset).""");
    }

    public void show() {
        stage.show();
    }

    /** Cancels all work, remembers the window and releases the dataset. Idempotent. */
    public DownloadController downloader() {
        return downloader;
    }

    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        playback.dispose();
        presentation.dispose();
        counts.cancel();
        strf.cancel();
        opener.cancel();
        settings.put("window.width", Double.toString(stage.getWidth()));
        settings.put("window.height", Double.toString(stage.getHeight()));
        settings.flush();
        LoadedDataset d = model.dataset();
        work.shutdown();
        if (d != null) {
            try {
                d.archive().close();
            } catch (java.io.IOException e) {
                // closing anyway
            }
        }
    }

    /** No sound device or a playback failure: a dialog the first time, the status line after. */
    private void soundProblem(String why) {
        if (!soundExplained && playback.unavailableProperty().get() != null) {
            soundExplained = true;
            Dialogs.error(stage, "No sound output", why + "\nThe plots, the cursor and every other feature work "
                    + "without sound.");
        }
        status.notice(why);
    }

    private void startTour() {
        // the tour frames the knobs and the browser tree: show those tabs
        rightTabs.getSelectionModel().select(0);
        leftTabs.getSelectionModel().select(0);
        if (!tour.start()) {
            Dialogs.info(stage, "Guided tour", "Open a dataset first (File ▸ Open demo dataset): the tour shows one "
                    + "of its Wehr cells and one of its Asari cells.");
        }
    }

    public GuidedTour tour() {
        return tour;
    }

    public PresentationMode presentation() {
        return presentation;
    }

    public PlaybackController playback() {
        return playback;
    }

    public PlaybackBar playbackBar() {
        return playbackBar;
    }

    public ExplorerModel model() {
        return model;
    }

    public StatusModel status() {
        return status;
    }

    public StatusBar statusBar() {
        return statusBar;
    }

    public BrowserPane browser() {
        return browser;
    }

    public ProblemsPane problems() {
        return problems;
    }

    public PlotsPane plots() {
        return plots;
    }

    public StrfController strf() {
        return strf;
    }

    public StrfPane strfPane() {
        return strfPane;
    }

    public CellsTable cellsTable() {
        return cellsTable;
    }

    public TabPane leftTabs() {
        return leftTabs;
    }

    public TabPane rightTabs() {
        return rightTabs;
    }

    public KnobsPane knobs() {
        return knobs;
    }

    public OpenController opener() {
        return opener;
    }

    public ExportController exporter() {
        return exporter;
    }

    public BackgroundWork work() {
        return work;
    }

    public SelectionController selectionController() {
        return selection;
    }

    public CountsController countsController() {
        return counts;
    }

    public Stage stage() {
        return stage;
    }

    static void runLater(Runnable r) {
        Platform.runLater(r);
    }

    static Insets pad() {
        return new Insets(6);
    }
}
