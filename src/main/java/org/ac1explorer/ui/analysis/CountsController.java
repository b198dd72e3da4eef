package org.ac1explorer.ui.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.util.Duration;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.CellStimulus;
import org.ac1explorer.archive.Problem;
import org.ac1explorer.dataset.AssembledDataset;
import org.ac1explorer.dataset.DatasetAssembler;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dataset.RejectionCounts;
import org.ac1explorer.dataset.Reliability;
import org.ac1explorer.ui.common.BackgroundWork;
import org.ac1explorer.ui.common.ParallelWork;
import org.ac1explorer.ui.common.Superseding;
import org.ac1explorer.ui.common.Tasks;
import org.ac1explorer.ui.model.DatasetCounts;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.ui.model.LoadedDataset;

/**
 * Keeps the dataset-wide counters (kept · range · step · xcorr, kept repeats per cell x stimulus)
 * up to date: after the dataset or the parameters change, and a short pause, it runs the full
 * assembly pass in the background, cancelling a pass that a newer change superseded.
 */
public final class CountsController {
    private final ExplorerModel model;
    private final Superseding job;
    private final PauseTransition debounce = new PauseTransition(Duration.millis(400));
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ObservableBooleanValue selectionBusy;

    public CountsController(ExplorerModel model, BackgroundWork work, ObservableBooleanValue selectionBusy) {
        this.model = model;
        this.selectionBusy = selectionBusy;
        this.job = new Superseding(work);
        debounce.setOnFinished(e -> {
            // the selected cell x stimulus comes first: wait until it is drawn
            if (selectionBusy.get()) {
                debounce.playFromStart();
            } else {
                start();
            }
        });
        model.datasetProperty().addListener((o, a, b) -> {
            job.cancel();
            running.set(false);
            if (b != null) {
                running.set(true);
                debounce.playFromStart();
            }
        });
        model.paramsProperty().addListener((o, a, b) -> {
            job.cancel();
            running.set(model.dataset() != null);
            debounce.playFromStart();
        });
    }

    /** Whether a counting pass is pending or running. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Why the last pass produced no grid (e.g. no cell matches the cohort), or null. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    private void start() {
        LoadedDataset d = model.dataset();
        if (d == null) {
            running.set(false);
            return;
        }
        Params p = model.params();
        running.set(true);
        job.run(Tasks.create(ctx -> {
                    try {
                        return summarise(ParallelWork.run(() -> DatasetAssembler.assemble(d.archive(), p, ctx)), d, p);
                    } catch (IllegalStateException e) {
                        if (ctx.isCancelled()) {
                            throw e;
                        }
                        return new DatasetCounts(p, RejectionCounts.ZERO, 0, 0, 0, "", Map.of(), List.of(e.getMessage()));
                    }
                })
                .title("Counting repeats")
                .onSuccess(c -> {
                    if (model.dataset() == d) {
                        model.setCounts(c);
                        failure.set(c.neurons() == 0 && !c.warnings().isEmpty() ? c.warnings().get(0) : null);
                        List<Problem> all = new ArrayList<>(d.archive().problems());
                        c.warnings().forEach(w -> all.add(Problem.warning(AssembledDataset.COHORT, w)));
                        model.refreshProblems(all);
                    }
                    running.set(false);
                })
                .onError(e -> {
                    failure.set("Counting failed: " + e.getMessage());
                    running.set(false);
                }));
    }

    public void cancel() {
        debounce.stop();
        job.cancel();
        running.set(false);
    }

    static DatasetCounts summarise(AssembledDataset a, LoadedDataset d, Params p) {
        Map<String, Integer> kept = new HashMap<>();
        for (CellRecord c : d.cells()) {
            if (DatasetAssembler.selects(p, c)) {
                for (CellStimulus st : c.stimuli()) {
                    kept.put(DatasetCounts.key(c.id(), st.key()), 0);
                }
            }
        }
        Map<String, Double> ccMax = new HashMap<>();
        for (int n = 0; n < a.neuronCount(); n++) {
            String cell = a.neurons().get(n).id();
            List<float[][]> blocks = new ArrayList<>();
            for (int s = 0; s < a.stimulusCount(); s++) {
                float[][] r = a.response(s, n);
                if (r != null) {
                    String key = DatasetCounts.key(cell, a.stimuli().get(s).info().key());
                    kept.put(key, r.length);
                    ccMax.put(key, Reliability.ccMax(r));
                    blocks.add(r);
                }
            }
            ccMax.put(cell, Reliability.pooled(blocks).ccMax());
        }
        return new DatasetCounts(p, a.rejections(), a.neuronCount(), a.stimulusCount(), a.droppedCells(),
                a.signalType(), Map.copyOf(kept), a.warnings(), Map.copyOf(ccMax));
    }
}
