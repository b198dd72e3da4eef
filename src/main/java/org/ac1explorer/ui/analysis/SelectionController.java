package org.ac1explorer.ui.analysis;

import org.ac1explorer.curation.Curation;
import org.ac1explorer.explore.SelectionAnalyzer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.ui.common.BackgroundWork;
import org.ac1explorer.ui.common.Dialogs;
import org.ac1explorer.ui.common.Superseding;
import org.ac1explorer.ui.common.Tasks;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.ui.model.LoadedDataset;
import org.ac1explorer.explore.Selection;
import org.ac1explorer.explore.SelectionData;

/**
 * Recomputes the selected cell x stimulus whenever the selection or the parameters change, in a
 * background task that supersedes (cancels) the previous one, and publishes the result in the
 * model, with the opened dataset's {@link SelectionAnalyzer} (and its caches).
 */
public final class SelectionController {
    private final ExplorerModel model;
    private final Superseding job;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");

    public SelectionController(ExplorerModel model, BackgroundWork work) {
        this.model = model;
        this.job = new Superseding(work);
        model.datasetProperty().addListener((o, a, d) -> {
            job.cancel();
            running.set(false);
        });
        model.selectionProperty().addListener((o, a, b) -> recompute());
        model.paramsProperty().addListener((o, a, b) -> recompute());
        model.curationProperty().addListener((o, a, b) -> recompute());
    }

    private void publish(SelectionData data, LoadedDataset d) {
        failure.set(null);
        model.setSelectionData(data);
        model.refreshProblemsFrom(d);
        running.set(false);
    }

    /** True while the selection is being computed. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Why the last computation failed, or null. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    private void recompute() {
        Selection sel = model.selection();
        LoadedDataset d = model.dataset();
        SelectionAnalyzer an = d == null ? null : d.analyzer();
        if (sel == null || d == null || an == null) {
            job.cancel();
            running.set(false);
            model.setSelectionData(null);
            return;
        }
        Params p = model.params();
        Curation c = model.curation();
        SelectionData ready = an.ready(sel, p, c);
        if (ready != null) {
            // computed ahead (the remembered cell at start-up): shown in the same pulse as the selection
            job.cancel();
            publish(ready, d);
            return;
        }
        running.set(true);
        job.run(Tasks.create(ctx -> an.compute(sel, p, c, ctx))
                .title("Computing " + sel.cell().session())
                .onSuccess(data -> publish(data, d))
                .onError(e -> {
                    failure.set("Could not compute " + sel.cell().session() + ": " + Dialogs.reason(e));
                    running.set(false);
                }));
    }
}
