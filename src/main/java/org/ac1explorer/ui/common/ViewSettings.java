package org.ac1explorer.ui.common;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The explorer's view options and remembered places as typed observable properties. Each is read
 * from {@link Settings} once and saved back whenever it changes, so charts, menus and dialogs bind
 * to a property instead of reading and writing string keys. Sizes in pixels, dB values in dB.
 * Use on the JavaFX thread.
 */
public final class ViewSettings {

    private static final System.Logger LOG = System.getLogger(ViewSettings.class.getName());
    private final Settings store;
    private final BooleanProperty rawTraces;
    private final BooleanProperty hideRejected;
    private final BooleanProperty overlayTraces;
    private final StringProperty colourMap;
    private final IntegerProperty dbRange;
    private final BooleanProperty dbAutoTop;
    private final IntegerProperty dbTop;
    private final BooleanProperty dark;
    private final BooleanProperty tourOffered;
    private final DoubleProperty windowWidth;
    private final DoubleProperty windowHeight;
    private final StringProperty lastSelection;
    private final StringProperty lastDataset;
    private final ObjectProperty<Path> openFolder;
    private final ObjectProperty<Path> exportFolder;
    private final ObjectProperty<Path> figuresFolder;
    private final ObjectProperty<Path> downloadFolder;
    private final ObjectProperty<Path> curationFile;
    private final javafx.collections.ObservableList<Path> recent = javafx.collections.FXCollections.observableArrayList();
    /** How many datasets File ▸ Open recent remembers. */
    public static final int RECENT_MAX = 8;

    public ViewSettings(Settings store) {
        this.store = store;
        rawTraces = persisted(new SimpleBooleanProperty(), "view.rawTraces", Boolean::parseBoolean, false);
        hideRejected = persisted(new SimpleBooleanProperty(), "view.hideRejected", Boolean::parseBoolean, false);
        overlayTraces = persisted(new SimpleBooleanProperty(), "view.overlayTraces", Boolean::parseBoolean, false);
        colourMap = persisted(new SimpleStringProperty(), "view.colourMap", s -> s, "VIRIDIS");
        dbRange = persisted(new SimpleIntegerProperty(), "view.dbRange", s -> (int) Double.parseDouble(s), 80);
        dbAutoTop = persisted(new SimpleBooleanProperty(), "view.dbAutoTop", Boolean::parseBoolean, true);
        dbTop = persisted(new SimpleIntegerProperty(), "view.dbTop", s -> (int) Double.parseDouble(s), 60);
        dark = persisted(new SimpleBooleanProperty(), "view.dark", Boolean::parseBoolean, false);
        tourOffered = persisted(new SimpleBooleanProperty(), "tour.offered", Boolean::parseBoolean, false);
        windowWidth = persisted(new SimpleDoubleProperty(), "window.width", Double::parseDouble, 1500.0);
        windowHeight = persisted(new SimpleDoubleProperty(), "window.height", Double::parseDouble, 940.0);
        lastSelection = persisted(new SimpleStringProperty(), LAST_SELECTION, s -> s, "");
        lastDataset = persisted(new SimpleStringProperty(), LAST_DATASET, s -> s, "");
        openFolder = folder("lastOpenDir");
        exportFolder = folder("lastExportDir");
        figuresFolder = folder("figures.dir");
        downloadFolder = folder("download.folder");
        curationFile = folder(CURATION_FILE);
        store.get("recentDatasets").ifPresent(s -> s.lines().map(ViewSettings::path).flatMap(Optional::stream)
                .limit(RECENT_MAX).forEach(recent::add));
        recent.addListener((javafx.collections.ListChangeListener<Path>) c -> store.put("recentDatasets",
                String.join("\n", recent.stream().map(Path::toString).toList())));
    }

    private static final String LAST_SELECTION = "lastSelection";
    private static final String LAST_DATASET = "lastDataset";
    private static final String CURATION_FILE = "curation.file";

    /**
     * What the window reopens at start-up, as {@link #lastDatasetProperty()},
     * {@link #lastSelectionProperty()} and {@link #curationFileProperty()} will hold it, read
     * straight from {@code store}: usable on any thread, before the window exists.
     */
    public record Reopened(String lastDataset, String lastSelection, Path curationFile) {
    }

    public static Reopened reopened(Settings store) {
        return new Reopened(store.get(LAST_DATASET).orElse(""), store.get(LAST_SELECTION).orElse(""),
                store.get(CURATION_FILE).flatMap(ViewSettings::path).orElse(null));
    }

    /** Dataset folders opened lately, newest first (at most {@link #RECENT_MAX}). */
    public javafx.collections.ObservableList<Path> recentDatasets() {
        return recent;
    }

    /** Puts {@code folder} first in the recent datasets. */
    public void opened(Path folder) {
        Path f = folder.toAbsolutePath().normalize();
        java.util.List<Path> next = new java.util.ArrayList<>(recent);
        next.remove(f);
        next.add(0, f);
        recent.setAll(next.subList(0, Math.min(RECENT_MAX, next.size())));
    }

    /** The backing store (the knobs' parameters are kept there too). */
    public Settings store() {
        return store;
    }

    /** Traces drawn raw with their baseline (true) or detrended (false). */
    public BooleanProperty rawTracesProperty() {
        return rawTraces;
    }

    /** Rejected repeats left out of the traces plot. */
    /** Repeats superimposed on one absolute mV axis instead of stacked in rows. */
    public BooleanProperty overlayTracesProperty() {
        return overlayTraces;
    }

    public BooleanProperty hideRejectedProperty() {
        return hideRejected;
    }

    /** Name of the spectrogram's colour map. */
    public StringProperty colourMapProperty() {
        return colourMap;
    }

    /** dB span of the spectrogram's colour scale. */
    public IntegerProperty dbRangeProperty() {
        return dbRange;
    }

    /** The colour scale's top follows the loudest value of the stimulus. */
    public BooleanProperty dbAutoTopProperty() {
        return dbAutoTop;
    }

    /** The colour scale's top when it is not automatic, dB. */
    public IntegerProperty dbTopProperty() {
        return dbTop;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** The first start already pointed the user to the guided tour. */
    public BooleanProperty tourOfferedProperty() {
        return tourOffered;
    }

    public DoubleProperty windowWidthProperty() {
        return windowWidth;
    }

    public DoubleProperty windowHeightProperty() {
        return windowHeight;
    }

    /** Id of the last selected cell × stimulus, or empty. */
    public StringProperty lastSelectionProperty() {
        return lastSelection;
    }

    /** The last opened dataset: "demo", a folder, or empty. */
    public StringProperty lastDatasetProperty() {
        return lastDataset;
    }

    /** Where the open-folder dialog starts; null when unknown. */
    public ObjectProperty<Path> openFolderProperty() {
        return openFolder;
    }

    /** Where the export dialog starts; null when unknown. */
    /** The curation file last opened or saved (null: the default one). */
    public ObjectProperty<Path> curationFileProperty() {
        return curationFile;
    }

    public ObjectProperty<Path> exportFolderProperty() {
        return exportFolder;
    }

    /** Where figure files are saved; null when unknown. */
    public ObjectProperty<Path> figuresFolderProperty() {
        return figuresFolder;
    }

    /** The last download destination; null when unknown. */
    public ObjectProperty<Path> downloadFolderProperty() {
        return downloadFolder;
    }

    /** A remembered folder that still exists. */
    public static Optional<Path> existing(ObjectProperty<Path> folder) {
        return Optional.ofNullable(folder.get()).filter(Files::isDirectory);
    }

    private ObjectProperty<Path> folder(String key) {
        ObjectProperty<Path> p = new SimpleObjectProperty<>(store.get(key).flatMap(ViewSettings::path).orElse(null));
        p.addListener((o, a, b) -> {
            if (b == null) {
                store.remove(key);
            } else {
                store.put(key, b.toString());
            }
        });
        return p;
    }

    private static Optional<Path> path(String s) {
        try {
            return s.isBlank() ? Optional.empty() : Optional.of(Path.of(s));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private <T, P extends Property<T>> P persisted(P p, String key, Function<String, T> parse, T fallback) {
        T v = fallback;
        Optional<String> s = store.get(key);
        if (s.isPresent()) {
            try {
                v = parse.apply(s.get());
            } catch (RuntimeException e) {
                v = fallback; // an unreadable remembered value falls back to the default
                LOG.log(System.Logger.Level.DEBUG, "remembered " + key + " unreadable; using " + fallback, e);
            }
        }
        p.setValue(v);
        p.addListener((o, a, b) -> store.put(key, String.valueOf(b)));
        return p;
    }
}
