package org.ac1explorer.ui;

import java.nio.file.Path;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.input.KeyCode;
import javafx.stage.FileChooser;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.CellStimulus;
import org.ac1explorer.curation.CurationFormatException;
import org.ac1explorer.curation.HandVerdict;
import org.ac1explorer.curation.RepeatKey;
import org.ac1explorer.curation.RepeatOverride;
import org.ac1explorer.dataset.OutputTarget;
import org.ac1explorer.explore.Selection;
import org.ac1explorer.explore.SelectionData;
import org.ac1explorer.ui.actions.Action;
import org.ac1explorer.ui.actions.ActionTable;
import org.ac1explorer.ui.common.Dialogs;
import org.ac1explorer.ui.common.ViewSettings;
import org.ac1explorer.ui.curation.CurationController;
import org.ac1explorer.ui.curation.OverridesWindow;

/** The Curation menu: hand verdicts on the focused repeat, cell exclusion, notes, undo / redo, the curation file. */
final class CurationActions {
    private final MainWindow w;
    private final CurationController curation;
    private final IntegerProperty focused;
    private final ViewSettings view;
    private OverridesWindow list;

    private CurationActions(MainWindow w, ViewSettings view) {
        this.w = w;
        this.view = view;
        this.curation = w.controllers().curation();
        this.focused = w.views().plots().traces().focusedRepeatProperty();
    }

    static void addTo(ActionTable t, MainWindow w, ViewSettings view) {
        CurationActions a = new CurationActions(w, view);
        ObservableBooleanValue noSelection = w.model().selectionDataProperty().isNull();
        t.add(Action.of("Curation", "Keep repeat by hand", () -> a.verdict(HandVerdict.KEEP))
                .withPlainKey(KeyCode.K, "K").disabledWhen(noSelection)
                .withHelp("keep the chosen repeat by hand, whatever the gating says (again: back to the gating)"));
        t.add(Action.of("Curation", "Reject repeat by hand", () -> a.verdict(HandVerdict.REJECT))
                .withPlainKey(KeyCode.R, "R").disabledWhen(noSelection)
                .withHelp("reject the chosen repeat by hand (again: back to the gating)"));
        t.add(Action.of("Curation", "Note on repeat…", a::note).withPlainKey(KeyCode.N, "N").disabledWhen(noSelection)
                .withHelp("add or change the note of the chosen repeat's hand verdict"));
        t.add(Action.of("Curation", "Previous repeat", () -> a.move(-1)).withPlainKey(KeyCode.OPEN_BRACKET, "[")
                .disabledWhen(noSelection).withHelp("choose the repeat above (or click a repeat's label)"));
        t.add(Action.of("Curation", "Next repeat", () -> a.move(1)).withPlainKey(KeyCode.CLOSE_BRACKET, "]")
                .disabledWhen(noSelection).withHelp("choose the repeat below"));
        t.add(Action.of("Curation", "Exclude / include cell…", a::excludeCell).inSection(1).withPlainKey(KeyCode.X, "X")
                .disabledWhen(w.model().selectionProperty().isNull())
                .withHelp("leave the whole cell out of the export (again: include it)"));
        t.add(Action.of("Curation", "Undo", a.curation::undo).inSection(2).withAccelerator("Shortcut+Z")
                .disabledWhen(a.curation.canUndoProperty().not()).withHelp("undo the last hand decision"));
        t.add(Action.of("Curation", "Redo", a.curation::redo).inSection(2).withAccelerator("Shortcut+Shift+Z")
                .disabledWhen(a.curation.canRedoProperty().not()).withHelp("redo"));
        t.add(Action.of("Curation", "All hand decisions…", a::showList).inSection(3)
                .withAccelerator("Shortcut+Shift+L").withHelp("list every override and excluded cell; jump to one"));
        t.add(Action.of("Curation", "Open curation file…", a::openFile).inSection(4));
        t.add(Action.of("Curation", "Save curation as…", a::saveAs).inSection(4));
    }

    private void verdict(HandVerdict v) {
        if (focusedRepeat() < 0) {
            return;
        }
        curation.toggle(focused.get(), v);
    }

    /** The chosen repeat, choosing the first one when none is (with a hint in the status line). */
    private int focusedRepeat() {
        SelectionData d = w.model().selectionData();
        if (d == null || d.repeatCount() == 0) {
            return -1;
        }
        if (focused.get() < 0 || focused.get() >= d.repeatCount()) {
            focused.set(0);
            w.status().notice("Repeat #1 chosen: click a repeat's label, or [ and ], to choose another");
        }
        return focused.get();
    }

    private void move(int step) {
        SelectionData d = w.model().selectionData();
        if (d == null || d.repeatCount() == 0) {
            return;
        }
        int next = focused.get() < 0 ? 0 : Math.floorMod(focused.get() + step, d.repeatCount());
        focused.set(next);
    }

    private void note() {
        int r = focusedRepeat();
        if (r < 0) {
            return;
        }
        RepeatKey key = curation.keyOf(r).orElseThrow();
        String old = curation.current().override(key).map(RepeatOverride::note).orElse("");
        Dialogs.text(w.stage(), "Note on repeat #" + (r + 1), "Note:", old).ifPresent(n -> curation.note(r, n.strip()));
    }

    private void excludeCell() {
        Selection s = w.model().selection();
        if (s == null) {
            return;
        }
        if (curation.current().exclusion(s.cell().session()).isPresent()) {
            curation.toggleExcludeCell("");
            w.status().notice("Cell " + s.cell().session() + " is included again");
            return;
        }
        Dialogs.text(w.stage(), "Exclude cell " + s.cell().session() + " from the export", "Why (note):", "")
                .ifPresent(n -> {
                    curation.toggleExcludeCell(n.strip());
                    w.status().notice("Cell " + s.cell().session() + " excluded by hand (X again includes it)");
                });
    }

    private void showList() {
        if (list == null) {
            list = new OverridesWindow(w.stage(), w.model().curationProperty(), this::jump);
        }
        list.show();
    }

    /** Selects the named cell x stimulus (the cell's first stimulus for an excluded cell) and chooses the repeat. */
    private void jump(RepeatKey key, boolean cellOnly) {
        if (w.model().dataset() == null) {
            return;
        }
        for (CellRecord c : w.model().dataset().archive().cells()) {
            if (!c.session().equals(key.cell())) {
                continue;
            }
            for (CellStimulus st : c.stimuli()) {
                if (cellOnly || st.info().description().equals(key.stimulus())) {
                    w.model().select(new Selection(c, st));
                    focused.set(cellOnly ? -1 : key.repeat() - 1);
                    w.stage().toFront();
                    return;
                }
            }
        }
        w.status().notice(key + " is not in this dataset");
    }

    private void openFile() {
        FileChooser fc = chooser("Open a curation file");
        java.io.File f = fc.showOpenDialog(w.stage());
        if (f == null) {
            return;
        }
        try {
            curation.open(f.toPath());
            view.curationFileProperty().set(f.toPath());
            w.status().notice("Curation " + f.getName() + ": " + describe());
        } catch (CurationFormatException e) {
            Dialogs.error(w.stage(), "Cannot open the curation file", e.getMessage());
        }
    }

    private void saveAs() {
        FileChooser fc = chooser("Save the curation as");
        fc.setInitialFileName("curation.json");
        java.io.File f = fc.showSaveDialog(w.stage());
        if (f == null) {
            return;
        }
        Path target = f.toPath();
        try {
            if (w.model().dataset() != null) {
                // never inside the dataset: the data folder and its parts stay as downloaded
                OutputTarget.checkOutsideSources(target.toAbsolutePath(), w.model().dataset().archive().parts().sources());
            }
            curation.saveAs(target);
            view.curationFileProperty().set(target);
            w.status().notice("Curation saved to " + target);
        } catch (java.io.IOException | RuntimeException e) {
            Dialogs.error(w.stage(), "Cannot save the curation", Dialogs.reason(e));
        }
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Curation (JSON)", "*.json"));
        Path current = curation.fileProperty().get();
        if (current != null && current.toAbsolutePath().getParent() != null
                && java.nio.file.Files.isDirectory(current.toAbsolutePath().getParent())) {
            fc.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        return fc;
    }

    private String describe() {
        String s = curation.summaryProperty().get();
        return s.isEmpty() ? "no hand decisions yet" : s;
    }
}
