package org.ac1explorer.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.util.Duration;
import org.ac1explorer.archive.Problem;
import org.ac1explorer.dataset.AssembledDataset;
import org.ac1explorer.dataset.CohortDigest;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.explore.CohortCounts;
import org.ac1explorer.ui.common.BackgroundWork;
import org.ac1explorer.ui.common.ParallelWork;
import org.ac1explorer.ui.common.Superseding;
import org.ac1explorer.ui.common.Tasks;
import org.ac1explorer.explore.DatasetCounts;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.ui.model.LoadedDataset;

/**
 * Keeps the dataset-wide counters (kept · range · step · xcorr, kept repeats per cell x stimulus)
 * up to date: after the dataset or the parameters change, and a short pause, it digests the cohort
 * in the background (cancelling a pass that a newer change superseded) and keeps the digest, so
 * that a gating-threshold change only re-decides it.
 */
public final class CountsController {
    private final ExplorerModel model;
    private final Superseding job;
    private final PauseTransition debounce = new PauseTransition(Duration.millis(400));
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ObservableBooleanValue selectionBusy;
    /** Step fractions the kept digest decides at least up to (the knob's default is 0.5 %). */
    private static final double STEP_FRAC_COVERED = 0.02;
    /** The last pass's digest and the dataset it belongs to (FX thread only). */
    private CohortDigest digest;
    private LoadedDataset digestOf;

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
        CohortDigest kept = digest;
        // a threshold change re-decides the kept digest (milliseconds); anything else is a new pass over the recordings
        boolean quick = kept != null && digestOf == d && kept.serves(p);
        job.run(Tasks.create(ctx -> {
                    CohortDigest g = quick ? kept : ParallelWork.run(() -> CohortDigest.of(d.archive(), p,
                            Math.max(STEP_FRAC_COVERED, 2 * p.maxStepFrac()), ctx));
                    return new Counted(g, CohortCounts.of(g, d.cells(), p));
                })
                .title(quick ? "Re-deciding repeats" : "Counting repeats")
                .onSuccess(c -> {
                    if (model.dataset() == d) {
                        digest = c.digest();
                        digestOf = d;
                        model.setCounts(c.counts());
                        failure.set(c.counts().neurons() == 0 && !c.counts().warnings().isEmpty() ? c.counts().warnings().get(0) : null);
                        List<Problem> all = new ArrayList<>(d.archive().problems());
                        c.counts().warnings().forEach(w -> all.add(Problem.warning(AssembledDataset.COHORT, w)));
                        model.refreshProblems(all);
                    }
                    running.set(false);
                })
                .onError(e -> {
                    failure.set("Counting failed: " + e.getMessage());
                    running.set(false);
                }));
    }

    private record Counted(CohortDigest digest, DatasetCounts counts) {
    }

    public void cancel() {
        debounce.stop();
        job.cancel();
        running.set(false);
    }
}
