package org.ac1explorer.ui.model;

import org.ac1explorer.explore.DatasetCounts;
import org.ac1explorer.explore.Selection;
import org.ac1explorer.explore.SelectionData;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ac1explorer.archive.Problem;
import org.ac1explorer.curation.Curation;
import org.ac1explorer.dataset.Params;

/**
 * The explorer's state, observable and read-only to views: the opened dataset, the selected
 * cell x stimulus, the (always valid) processing parameters, the derived data of the selection
 * and the dataset-wide counters. Controllers change it through the few setters; everything else
 * is derived with bindings. Touch it on the JavaFX thread only.
 */
public final class ExplorerModel {
    private final ReadOnlyObjectWrapper<LoadedDataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>(this, "selection");
    private final ReadOnlyObjectWrapper<Params> params = new ReadOnlyObjectWrapper<>(this, "params", Params.defaults());
    private final ReadOnlyObjectWrapper<SelectionData> selectionData = new ReadOnlyObjectWrapper<>(this, "selectionData");
    private final ReadOnlyObjectWrapper<DatasetCounts> counts = new ReadOnlyObjectWrapper<>(this, "counts");
    private final ReadOnlyObjectWrapper<Curation> curation = new ReadOnlyObjectWrapper<>(this, "curation", Curation.EMPTY);
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private List<Problem> curationProblems = List.of();
    private final ObservableList<Problem> problemsView = FXCollections.unmodifiableObservableList(problems);

    public ReadOnlyObjectProperty<LoadedDataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    public LoadedDataset dataset() {
        return dataset.get();
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public Selection selection() {
        return selection.get();
    }

    public ReadOnlyObjectProperty<Params> paramsProperty() {
        return params.getReadOnlyProperty();
    }

    public Params params() {
        return params.get();
    }

    public ReadOnlyObjectProperty<SelectionData> selectionDataProperty() {
        return selectionData.getReadOnlyProperty();
    }

    public SelectionData selectionData() {
        return selectionData.get();
    }

    public ReadOnlyObjectProperty<DatasetCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public DatasetCounts counts() {
        return counts.get();
    }

    /** The hand decisions applied after the gating (empty when none). */
    public ReadOnlyObjectProperty<Curation> curationProperty() {
        return curation.getReadOnlyProperty();
    }

    public Curation curation() {
        return curation.get();
    }

    /** Loading problems and warnings of the current dataset, in the order met, then the curation's. */
    public ObservableList<Problem> problems() {
        return problemsView;
    }

    // --- changes (controllers only) ---

    /** Replaces the dataset; clears the selection and everything derived from the old one. */
    public void setDataset(LoadedDataset d) {
        selection.set(null);
        selectionData.set(null);
        counts.set(null);
        problems.clear();
        dataset.set(d);
        if (d != null) {
            problems.setAll(d.archive().problems());
        }
        problems.addAll(curationProblems);
    }

    public void setCuration(Curation c) {
        curation.set(Objects.requireNonNull(c));
    }

    /** Replaces the curation's entries of the problem list (keys that match nothing in the dataset). */
    public void setCurationProblems(List<Problem> current) {
        problems.removeAll(curationProblems);
        curationProblems = List.copyOf(current);
        problems.addAll(curationProblems);
    }

    public void select(Selection s) {
        if (!Objects.equals(s, selection.get())) {
            selection.set(s);
        }
    }

    /** Sets the parameters; they must be valid (the knobs only pass valid ones). */
    public void setParams(Params p) {
        if (!p.errors().isEmpty()) {
            throw new IllegalArgumentException("invalid parameters: " + p.errors());
        }
        if (!p.equals(params.get())) {
            params.set(p);
        }
    }

    public void setSelectionData(SelectionData d) {
        selectionData.set(d);
    }

    public void setCounts(DatasetCounts c) {
        counts.set(c);
    }

    /**
     * Adds problems met since loading (reads of traces or waveforms) that are not listed yet,
     * keeping extra warnings already shown.
     */
    public void refreshProblemsFrom(LoadedDataset d) {
        for (Problem p : d.archive().problems()) {
            if (!problems.contains(p)) {
                problems.add(p);
            }
        }
    }

    /** Replaces the problem list with the archive's current log plus extra warnings, when it changed. */
    public void refreshProblems(List<Problem> current) {
        List<Problem> all = new java.util.ArrayList<>(current);
        all.addAll(curationProblems);
        if (!all.equals(problems)) {
            problems.setAll(all);
        }
    }
}
