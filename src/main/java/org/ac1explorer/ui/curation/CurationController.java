package org.ac1explorer.ui.curation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.CellStimulus;
import org.ac1explorer.archive.Problem;
import org.ac1explorer.curation.CellExclusion;
import org.ac1explorer.curation.Curation;
import org.ac1explorer.curation.CurationFile;
import org.ac1explorer.curation.CurationFormatException;
import org.ac1explorer.curation.CurationHistory;
import org.ac1explorer.curation.HandVerdict;
import org.ac1explorer.curation.RepeatKey;
import org.ac1explorer.curation.RepeatOverride;
import org.ac1explorer.explore.Selection;
import org.ac1explorer.explore.SelectionData;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.ui.model.LoadedDataset;

/**
 * Hand curation in the window: keeps or rejects the focused repeat of the selected cell x
 * stimulus, excludes cells, adds notes, with undo and redo; every change is saved at once to the
 * curation file (atomically), which lives outside any dataset folder. Keys of the file that match
 * nothing in the open dataset are listed in Problems and stay in the file.
 */
public final class CurationController {
    private final ExplorerModel model;
    private final CurationHistory history = new CurationHistory(Curation.EMPTY);
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper(this, "lastError");

    public CurationController(ExplorerModel model) {
        this.model = model;
        model.datasetProperty().addListener((o, a, d) -> reportUnmatched());
        publish();
    }

    /** The default curation file: beside the user's settings ({@code %APPDATA%\ac1-explorer} or {@code $XDG_CONFIG_HOME/ac1-explorer}). */
    public static Path defaultFile() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path base;
        String appData = System.getenv("APPDATA");
        String xdg = System.getenv("XDG_CONFIG_HOME");
        if (os.contains("win") && appData != null && !appData.isBlank()) {
            base = Path.of(appData);
        } else if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            base = Path.of(xdg);
        } else {
            base = Path.of(System.getProperty("user.home"), ".config");
        }
        return base.resolve("ac1-explorer").resolve("curation.json");
    }

    /** The remembered curation file, or the default one when none is remembered (null). */
    public static Path fileOrDefault(Path remembered) {
        return remembered != null ? remembered : defaultFile();
    }

    /** The curation in {@code f}: empty when the file does not exist yet. Any thread. */
    public static Curation read(Path f) throws CurationFormatException {
        return Files.exists(f) ? CurationFile.read(f) : Curation.EMPTY;
    }

    /**
     * Opens {@code f} as the curation being edited (a missing file starts empty and is created on
     * the first change). Throws with the file's name and what is wrong; the current curation is
     * then unchanged.
     */
    public void open(Path f) throws CurationFormatException {
        Curation c = read(f);
        file.set(f);
        history.reset(c);
        publish();
    }

    /** Saves the current curation to {@code f} and keeps editing there. */
    public void saveAs(Path f) throws IOException {
        CurationFile.write(history.current(), f);
        file.set(f);
        lastError.set(null);
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** "3 overrides · 1 excluded" (empty when there is nothing), for the status bar. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the last save failed, or null. */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    public Curation current() {
        return history.current();
    }

    /** The key of repeat {@code repeat} (0-based) of the selection, or empty without a selection. */
    public Optional<RepeatKey> keyOf(int repeat) {
        Selection s = model.selection();
        if (s == null || repeat < 0) {
            return Optional.empty();
        }
        return Optional.of(new RepeatKey(s.cell().session(), s.stimulus().info().description(), repeat + 1));
    }

    /** Sets (or, when it is already that, clears) the hand verdict of repeat {@code repeat} (0-based) of the selection. */
    public void toggle(int repeat, HandVerdict verdict) {
        SelectionData d = model.selectionData();
        if (d == null || repeat < 0 || repeat >= d.repeatCount()) {
            return;
        }
        RepeatKey key = keyOf(repeat).orElseThrow();
        Optional<RepeatOverride> old = history.current().override(key);
        if (old.isPresent() && old.get().verdict() == verdict) {
            change(history.current().without(key));
        } else {
            change(history.current().with(new RepeatOverride(key, verdict, old.map(RepeatOverride::note).orElse(""))));
        }
    }

    /** Sets the note of repeat {@code repeat}'s override (creating one that keeps its current verdict). */
    public void note(int repeat, String note) {
        SelectionData d = model.selectionData();
        if (d == null || repeat < 0 || repeat >= d.repeatCount()) {
            return;
        }
        RepeatKey key = keyOf(repeat).orElseThrow();
        HandVerdict v = history.current().override(key).map(RepeatOverride::verdict)
                .orElse(d.kept(repeat) ? HandVerdict.KEEP : HandVerdict.REJECT);
        change(history.current().with(new RepeatOverride(key, v, note)));
    }

    /** Excludes the selected cell (with {@code note}), or includes it again when it is excluded. */
    public void toggleExcludeCell(String note) {
        Selection s = model.selection();
        if (s == null) {
            return;
        }
        String cell = s.cell().session();
        Curation c = history.current();
        change(c.exclusion(cell).isPresent() ? c.included(cell) : c.with(new CellExclusion(cell, note)));
    }

    public void undo() {
        if (history.undo()) {
            saved();
        }
    }

    public void redo() {
        if (history.redo()) {
            saved();
        }
    }

    private void change(Curation next) {
        history.apply(next);
        saved();
    }

    private void saved() {
        Path f = fileOrDefault(file.get());
        try {
            Files.createDirectories(f.toAbsolutePath().getParent());
            CurationFile.write(history.current(), f);
            file.set(f);
            lastError.set(null);
        } catch (IOException e) {
            lastError.set("Curation not saved to " + f + ": " + e.getMessage());
        }
        publish();
    }

    private void publish() {
        Curation c = history.current();
        model.setCuration(c);
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        List<String> parts = new ArrayList<>();
        if (!c.overrides().isEmpty()) {
            parts.add(c.overrides().size() + (c.overrides().size() == 1 ? " override" : " overrides"));
        }
        if (!c.excludedCells().isEmpty()) {
            parts.add(c.excludedCells().size() + " excluded");
        }
        summary.set(String.join(" · ", parts));
        reportUnmatched();
    }

    /** Lists in Problems every key of the curation that matches nothing in the open dataset. */
    private void reportUnmatched() {
        LoadedDataset d = model.dataset();
        if (d == null) {
            model.setCurationProblems(List.of());
            return;
        }
        Set<String> cells = new HashSet<>();
        Set<String> repeats = new HashSet<>();
        for (CellRecord cell : d.archive().cells()) {
            cells.add(cell.session());
            for (CellStimulus st : cell.stimuli()) {
                for (int i = 1; i <= st.repeats().size(); i++) {
                    repeats.add(cell.session() + "\u0000" + st.info().description() + "\u0000" + i);
                }
            }
        }
        String where = "curation " + fileOrDefault(file.get());
        List<Problem> out = new ArrayList<>();
        for (RepeatOverride o : history.current().overrides()) {
            if (!repeats.contains(o.key().cell() + "\u0000" + o.key().stimulus() + "\u0000" + o.key().repeat())) {
                out.add(Problem.warning(where, "override of " + o.key() + " (" + o.verdict().label()
                        + ") matches no repeat of this dataset; kept in the file, not applied"));
            }
        }
        for (CellExclusion e : history.current().excludedCells()) {
            if (!cells.contains(e.cell())) {
                out.add(Problem.warning(where, "exclusion of cell " + e.cell() + " matches no cell of this dataset; kept in the file"));
            }
        }
        model.setCurationProblems(out);
    }
}
