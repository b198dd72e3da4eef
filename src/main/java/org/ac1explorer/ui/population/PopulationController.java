package org.ac1explorer.ui.population;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.ac1explorer.archive.StimulusKey;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.explore.Lru;
import org.ac1explorer.explore.PopulationResponse;
import org.ac1explorer.explore.Selection;
import org.ac1explorer.explore.SelectionAnalyzer;
import org.ac1explorer.ui.common.BackgroundWork;
import org.ac1explorer.ui.common.Dialogs;
import org.ac1explorer.ui.common.Superseding;
import org.ac1explorer.ui.common.Tasks;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.ui.model.LoadedDataset;

/**
 * Computes the {@link PopulationResponse} of the selected stimulus in the background while the
 * population view is shown ({@link #activeProperty()}): again when the stimulus or the knobs change,
 * cancelling a computation a newer one supersedes. Results are cached per stimulus and knobs; one
 * {@link SelectionAnalyzer} (its own caches, not the main view's) per opened dataset.
 */
public final class PopulationController {
    private final ExplorerModel model;
    private final Superseding job;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final ReadOnlyObjectWrapper<PopulationResponse> response = new ReadOnlyObjectWrapper<>(this, "response");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Select a cell and stimulus");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final Lru<String, PopulationResponse> cache = new Lru<>(8);
    private SelectionAnalyzer analyzer;
    /** The curation the shown response was computed with. */
    private org.ac1explorer.curation.Curation shownCuration = org.ac1explorer.curation.Curation.EMPTY;

    public PopulationController(ExplorerModel model, BackgroundWork work) {
        this.model = model;
        this.job = new Superseding(work);
        model.datasetProperty().addListener((o, a, d) -> {
            cancel();
            cache.clear();
            analyzer = d == null ? null : new SelectionAnalyzer(d.archive());
            response.set(null);
            message.set(d == null ? "" : "Select a cell and stimulus");
            request();
        });
        model.selectionProperty().addListener((o, a, s) -> {
            if (s != null && (a == null || !a.stimulus().key().equals(s.stimulus().key()))) {
                request();
            }
        });
        model.paramsProperty().addListener((o, a, b) -> request());
        model.curationProperty().addListener((o, a, b) -> request());
        active.addListener((o, a, b) -> {
            if (b) {
                request();
            } else {
                cancel();
            }
        });
    }

    /** Whether the population view is shown (only then does it compute). */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** The latest population (of the selected stimulus and knobs, or the previous one while a new one runs). */
    public ReadOnlyObjectProperty<PopulationResponse> responseProperty() {
        return response.getReadOnlyProperty();
    }

    public PopulationResponse response() {
        return response.get();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Progress of the running computation, 0..1, or -1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Whether {@code r} is the population of the selected stimulus at the current knobs. */
    public boolean isCurrent(PopulationResponse r) {
        Selection s = model.selection();
        return r != null && s != null && r.stimulus().equals(s.stimulus().key()) && r.params().equals(model.params())
                && r == response.get() && model.curation().equals(shownCuration);
    }

    private static String key(StimulusKey k, Params p, org.ac1explorer.curation.Curation c) {
        return k + "|" + p + "|" + c;
    }

    private void request() {
        Selection sel = model.selection();
        LoadedDataset d = model.dataset();
        if (!active.get() || sel == null || d == null || analyzer == null) {
            return;
        }
        StimulusKey k = sel.stimulus().key();
        Params p = model.params();
        org.ac1explorer.curation.Curation c = model.curation();
        String key = key(k, p, c);
        PopulationResponse cached = cache.get(key);
        if (cached != null) {
            cancel();
            message.set("");
            shownCuration = c;
            response.set(cached);
            return;
        }
        SelectionAnalyzer an = analyzer;
        running.set(true);
        progress.set(0);
        message.set("Computing the population of this stimulus…");
        var task = job.run(Tasks.create(ctx -> PopulationResponse.compute(an, d.cells(), k, p, c, ctx))
                .title("Population of " + sel.stimulus().info().description())
                .onSuccess(r -> {
                    cache.put(key, r);
                    shownCuration = c;
                    response.set(r);
                    message.set("");
                    running.set(false);
                    progress.set(-1);
                })
                .onError(e -> {
                    message.set("No population view: " + Dialogs.reason(e, "a larger heap"));
                    running.set(false);
                    progress.set(-1);
                }));
        task.progressProperty().addListener((ob, a, b) -> progress.set(b.doubleValue()));
        task.messageProperty().addListener((ob, a, b) -> {
            if (job.isCurrent(task) && b != null && !b.isEmpty()) {
                message.set(b);
            }
        });
    }

    public void cancel() {
        job.cancel();
        running.set(false);
        progress.set(-1);
    }
}
