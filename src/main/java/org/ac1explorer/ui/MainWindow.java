package org.ac1explorer.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.ac1explorer.download.CrcnsDownloader;
import org.ac1explorer.ui.actions.ActionTable;
import org.ac1explorer.ui.analysis.CountsController;
import org.ac1explorer.ui.analysis.SelectionController;
import org.ac1explorer.ui.browser.BrowserPane;
import org.ac1explorer.ui.browser.CellsTable;
import org.ac1explorer.ui.browser.ProblemsPane;
import org.ac1explorer.ui.common.BackgroundWork;
import org.ac1explorer.ui.common.Dialogs;
import org.ac1explorer.ui.common.Settings;
import org.ac1explorer.ui.common.ViewSettings;
import org.ac1explorer.ui.curation.CurationController;
import org.ac1explorer.ui.download.DownloadController;
import org.ac1explorer.ui.export.ExportController;
import org.ac1explorer.ui.figures.FigureExport;
import org.ac1explorer.ui.knobs.KnobsPane;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.ui.model.LoadedDataset;
import org.ac1explorer.ui.open.DatasetOpening;
import org.ac1explorer.ui.open.OpenController;
import org.ac1explorer.ui.playback.PlaybackBar;
import org.ac1explorer.ui.playback.PlaybackController;
import org.ac1explorer.ui.playback.Playhead;
import org.ac1explorer.ui.plots.PlotsPane;
import org.ac1explorer.ui.presentation.GuidedTour;
import org.ac1explorer.ui.presentation.PresentationMode;
import org.ac1explorer.ui.status.StatusBar;
import org.ac1explorer.ui.status.StatusModel;
import org.ac1explorer.ui.population.PopulationController;
import org.ac1explorer.ui.population.PopulationPane;
import org.ac1explorer.ui.strf.StrfController;
import org.ac1explorer.ui.strf.StrfPane;

/**
 * The explorer window's composition root: builds the model, the controllers and the views, lays
 * them out ({@link ExplorerLayout}), drives menus, keys and the shortcuts dialog from one action
 * table ({@link ExplorerActions}), and closes everything again. Closing cancels running work and
 * releases the dataset.
 */
public final class MainWindow {

    private static final System.Logger LOG = System.getLogger(MainWindow.class.getName());
    private final Stage stage;
    private final Settings settings;
    private final ViewSettings view;
    private final BackgroundWork work;
    private final ExplorerModel model = new ExplorerModel();
    private final StatusModel status = new StatusModel();
    private final ExplorerControllers controllers;
    private final ExplorerViews views;
    private final ExplorerLayout layout;
    private final PresentationMode presentation;
    private final GuidedTour tour;
    private final ActionTable actions;
    private final DatasetOpening opening;
    private final FigureExport figures;
    private boolean soundExplained;
    private boolean closed;

    public MainWindow(Stage stage, Settings settings, Path demoDir, BackgroundWork work) {
        this.stage = stage;
        this.settings = settings;
        this.view = new ViewSettings(settings);
        this.work = work;
        model.setParams(settings.loadParams());
        SelectionController selection = new SelectionController(model, work);
        // the cohort counts and the STRF fit wait until the selected cell is drawn: it comes first
        BooleanProperty plotsDrawing = new SimpleBooleanProperty(this, "plotsDrawing");
        ObservableBooleanValue selectionBusy = selection.runningProperty().or(plotsDrawing);
        OpenController opener = new OpenController(model, status, work, view, demoDir, () -> stage);
        StrfController strf = new StrfController(model, work, selectionBusy);
        PlaybackController playback = new PlaybackController(model, work);
        controllers = new ExplorerControllers(selection, new CountsController(model, work, selectionBusy),
                opener, new ExportController(model, status, work, view, () -> stage),
                new DownloadController(status, work, view, () -> stage, CrcnsDownloader.DEFAULT_BASE_URI, opener::open),
                strf, new PopulationController(model, work), playback, new CurationController(model));

        BrowserPane browser = new BrowserPane(model);
        PlotsPane plots = new PlotsPane(model, work, view, selection.runningProperty());
        plotsDrawing.bind(plots.drawingProperty());
        KnobsPane knobs = new KnobsPane(model.params(), p -> {
            model.setParams(p);
            settings.saveParams(p);
        });
        StrfPane strfPane = new StrfPane(model, strf);
        strfPane.drawPredictionsOn(plots.response());
        PopulationPane[] population = new PopulationPane[1];
        views = new ExplorerViews(browser, new ProblemsPane(model.problems()),
                new CellsTable(model, browser.publishedOnlyProperty()), plots, knobs, strfPane, () -> {
                    if (population[0] == null) {
                        population[0] = new PopulationPane(controllers.population(), view, this::openFromPopulation);
                    }
                    return population[0];
                }, new PlaybackBar(playback), new StatusBar(status, model, controllers.counts().runningProperty()));
        new Playhead(playback, plots.time(), List.of(plots.spectrogram().chart(), plots.traces().chart(),
                plots.response().chart()));
        playback.setOnProblem(this::soundProblem);
        openCuration();
        figures = new FigureExport(() -> stage, view, status, model);
        figures.install(plots.spectrogram().chart(), "spectrogram", plots::fitAll);
        figures.install(plots.traces().chart(), "repeats", plots::fitAll);
        figures.install(plots.response().chart(), "response", plots::fitAll);
        wireStatus();

        layout = new ExplorerLayout(views);
        controllers.population().activeProperty().bind(layout.populationShown());
        tour = new GuidedTour(model, new GuidedTour.Targets(browser, views.playbackBar(), plots, layout.knobsColumn(),
                strfPane, layout::reveal));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(view.windowWidthProperty().get(), screen.getWidth());
        double h = Math.min(view.windowHeightProperty().get(), screen.getHeight());
        Scene scene = new Scene(new StackPane(layout.root(), tour.overlay()), Math.max(w, 800), Math.max(h, 560));
        scene.getStylesheets().add(MainWindow.class.getResource("explorer.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        opening = new DatasetOpening(stage, view, controllers.opener());
        opening.acceptDrops(scene);
        stage.setScene(scene);
        presentation = new PresentationMode(stage, view);
        layout.followPresentation(presentation.presentationProperty());
        views.plots().keepHeightsAcross(presentation.presentationProperty());
        actions = ExplorerActions.build(this, view);
        MenuBar bar = actions.menuBar();
        bar.setUseSystemMenuBar(true);
        layout.root().setTop(bar);
        stage.setMinWidth(Math.min(1000, screen.getWidth()));
        stage.setMinHeight(Math.min(680, screen.getHeight()));
        stage.setOnCloseRequest(e -> close());
        updateTitle();
    }

    /** A row clicked in the population view: that cell with the same stimulus, shown in the cell view. */
    private void openFromPopulation(org.ac1explorer.explore.PopulationRow row) {
        model.select(row.selection());
        layout.showCellView();
    }

    private void wireStatus() {
        controllers.opener().setOnOpened(this::opened);
        model.selectionProperty().addListener((o, a, s) -> {
            if (s != null) {
                view.lastSelectionProperty().set(s.id());
            }
        });
        controllers.selection().failureProperty().addListener((o, a, f) -> {
            if (f != null) {
                status.failure(f);
            } else if (a != null && status.errorProperty().get()) {
                status.clearNotice();
            }
        });
        controllers.counts().failureProperty().addListener((o, a, f) -> {
            if (f != null) {
                status.notice("No data in the cohort: " + f);
            }
        });
        model.datasetProperty().addListener((o, a, d) -> updateTitle());
        // the first start prepares the demo for several seconds: the empty plots say so, with progress
        status.messageProperty().addListener((o, a, m) -> views.plots().showWaiting(status.isBusy() ? m : null));
        status.idleTextProperty().bind(Bindings.createStringBinding(this::idleText, model.datasetProperty()));
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
        if (e.getCode() == KeyCode.ESCAPE && presentation.presentationProperty().get()) {
            presentation.presentationProperty().set(false);
            e.consume();
            return;
        }
        actions.runPlainKey(e, stage.getScene().getFocusOwner());
    }

    private void opened(LoadedDataset d) {
        if (!d.demo()) {
            view.opened(d.folder());
        } else if (!view.tourOfferedProperty().get()) {
            // a newcomer's first start: say what the demo is and where the tour is
            view.tourOfferedProperty().set(true);
            status.notice("The demo dataset is synthetic (made on this computer, in the real CRCNS-AC1 layout). "
                    + "New here? Help ▸ Guided tour (F1) walks through it.");
        }
        String last = view.lastSelectionProperty().get();
        if (last.isEmpty() || !views.browser().selectById(last)) {
            views.browser().selectFirst();
        }
        views.browser().tree().requestFocus();
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

    void quit() {
        close();
        stage.close();
    }

    /** Opens the remembered curation file (or the default one); a broken file is reported and left untouched. */
    private void openCuration() {
        CurationController curation = controllers.curation();
        try {
            curation.open(CurationController.fileOrDefault(view.curationFileProperty().get()));
        } catch (org.ac1explorer.curation.CurationFormatException e) {
            status.failure(e.getMessage() + " (Curation ▸ Open curation file… picks another; the file is left as it is)");
        }
        curation.lastErrorProperty().addListener((o, a, b) -> {
            if (b != null) {
                status.failure(b);
            }
        });
        views.statusBar().showCuration(curation.summaryProperty());
    }

    public void show() {
        stage.show();
    }

    /** Cancels all work, remembers the window and releases the dataset. Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        controllers.playback().dispose();
        presentation.dispose();
        controllers.counts().cancel();
        controllers.strf().cancel();
        controllers.population().cancel();
        controllers.opener().cancel();
        view.windowWidthProperty().set(stage.getWidth());
        view.windowHeightProperty().set(stage.getHeight());
        settings.flush();
        LoadedDataset d = model.dataset();
        work.shutdown();
        if (d != null) {
            try {
                d.archive().close();
            } catch (java.io.IOException e) {
                // closing anyway: the window goes, the archive's files are released when the JVM exits
                LOG.log(System.Logger.Level.WARNING, "could not close the dataset: " + e.getMessage());
            }
        }
    }

    /** No sound device or a playback failure: a dialog the first time, the status line after. */
    private void soundProblem(String why) {
        if (!soundExplained && controllers.playback().unavailableProperty().get() != null) {
            soundExplained = true;
            Dialogs.error(stage, "No sound output", why + "\nThe plots, the cursor and every other feature work "
                    + "without sound.");
        }
        status.notice(why);
    }

    void startTour() {
        // the tour frames the knobs and the browser tree: show those tabs
        layout.rightTabs().getSelectionModel().select(0);
        layout.leftTabs().getSelectionModel().select(0);
        if (!tour.start()) {
            Dialogs.info(stage, "Guided tour", "Open a dataset first (File ▸ Open demo dataset): the tour shows one "
                    + "of its Wehr cells and one of its Asari cells.");
        } else {
            // take the keys from the menu bar that started the tour, so → / ← / Esc work at once
            layout.root().requestFocus();
        }
    }

    public ExplorerModel model() {
        return model;
    }

    public StatusModel status() {
        return status;
    }

    public ExplorerViews views() {
        return views;
    }

    public ExplorerControllers controllers() {
        return controllers;
    }

    public ViewSettings viewSettings() {
        return view;
    }

    public GuidedTour tour() {
        return tour;
    }

    public PresentationMode presentation() {
        return presentation;
    }

    public BackgroundWork work() {
        return work;
    }

    /** Saves the plots as one multi-panel figure (File ▸ Save figure of the plots…). */
    void saveFigureOfPlots() {
        java.util.LinkedHashMap<String, io.fair_acc.chartfx.XYChart> charts = new java.util.LinkedHashMap<>();
        charts.put("spectrogram", views.plots().spectrogram().chart());
        charts.put("repeats", views.plots().traces().chart());
        charts.put("response", views.plots().response().chart());
        figures.chooseAndSaveSheet(charts);
    }

    public Stage stage() {
        return stage;
    }

    ExplorerLayout layout() {
        return layout;
    }

    DatasetOpening opening() {
        return opening;
    }
}
