package org.ac1explorer.ui.strf;

import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.util.Duration;
import org.ac1explorer.analysis.CellStrfInputs;
import org.ac1explorer.analysis.RidgeStrf;
import org.ac1explorer.analysis.StrfInput;
import org.ac1explorer.analysis.StrfOptions;
import org.ac1explorer.analysis.StrfResult;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dataset.WehrPublishedSubset;
import org.ac1explorer.ui.common.BackgroundWork;
import org.ac1explorer.ui.common.Dialogs;
import org.ac1explorer.explore.Lru;
import org.ac1explorer.ui.common.ParallelWork;
import org.ac1explorer.ui.common.Superseding;
import org.ac1explorer.ui.common.Tasks;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.ui.model.LoadedDataset;
import org.ac1explorer.explore.Selection;

/**
 * Fits the linear STRF of the selected cell in the background: when the cell, the knobs or the
 * STRF options change (after a short pause, and once the selection itself is drawn), unless
 * automatic fitting is off. A newer request cancels the running fit. Inputs (the cell's
 * spectrograms and binned responses) and fits are cached per cell and parameters.
 */
public final class StrfController {
    /** A fit and what it was computed from. */
    public record Fit(String cellId, Params params, StrfOptions options, StrfResult result) {
    }

    private final ExplorerModel model;
    private final Superseding job;
    private final PauseTransition debounce = new PauseTransition(Duration.millis(350));
    private final ObservableBooleanValue selectionBusy;
    private final ObjectProperty<StrfOptions> options;
    private final BooleanProperty auto = new SimpleBooleanProperty(this, "auto", true);
    private final ReadOnlyObjectWrapper<Fit> fit = new ReadOnlyObjectWrapper<>(this, "fit");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final Lru<String, StrfInput> inputs = new Lru<>(2);
    private final Lru<String, Fit> fits = new Lru<>(16);

    public StrfController(ExplorerModel model, BackgroundWork work, ObservableBooleanValue selectionBusy) {
        this.model = model;
        this.selectionBusy = selectionBusy;
        this.job = new Superseding(work);
        this.options = new SimpleObjectProperty<>(this, "options", StrfOptions.defaults(model.params().binsPerOctave()));
        debounce.setOnFinished(e -> {
            if (selectionBusy.get()) {
                debounce.playFromStart();
            } else {
                start();
            }
        });
        model.datasetProperty().addListener((o, a, d) -> {
            cancel();
            inputs.clear();
            fits.clear();
            fit.set(null);
            message.set(d == null ? "" : "Select a cell");
        });
        model.selectionProperty().addListener((o, a, s) -> {
            if (s != null && (a == null || !a.cell().id().equals(s.cell().id()))) {
                request();
            }
        });
        model.paramsProperty().addListener((o, a, b) -> request());
        options.addListener((o, a, b) -> request());
        auto.addListener((o, a, b) -> {
            if (b) {
                request();
            }
        });
    }

    /** The STRF settings (max lag, band pooling, validation). */
    public ObjectProperty<StrfOptions> optionsProperty() {
        return options;
    }

    /** Whether a fit starts by itself for each selected cell. */
    public BooleanProperty autoProperty() {
        return auto;
    }

    /** The latest fit (of the selected cell, or of the previous one while a new fit runs), or null. */
    public ReadOnlyObjectProperty<Fit> fitProperty() {
        return fit.getReadOnlyProperty();
    }

    public Fit fit() {
        return fit.get();
    }

    /** What is going on, or why there is no fit. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True when the last request ended in an error (its reason is the message). */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Progress of the running fit, 0..1, or -1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Whether the fit shown belongs to the current selection and knobs (false while it is being replaced). */
    public boolean isCurrent(Fit f) {
        Selection s = model.selection();
        return f != null && s != null && f.cellId().equals(s.cell().id()) && f.params().equals(model.params())
                && f.options().equals(effective(options.get(), s.cell()));
    }

    /** The options actually used for a cell: the published split only where the cell has one. */
    static StrfOptions effective(StrfOptions o, CellRecord c) {
        return o.publishedSplit() && split(c).isEmpty() ? o.withPublishedSplit(false) : o;
    }

    /** The published split of a Wehr cell. */
    public static Optional<WehrPublishedSubset.Split> split(CellRecord c) {
        return c.experimenter().equals("wehr") ? WehrPublishedSubset.split(c.wehrCellIdx()) : Optional.empty();
    }

    private void request() {
        if (model.selection() == null || model.dataset() == null) {
            return;
        }
        Fit cached = fits.get(key(model.selection().cell(), model.params(), effective(options.get(), model.selection().cell())));
        if (cached != null) {
            cancel();
            failed.set(false);
            message.set("");
            fit.set(cached);
            return;
        }
        if (!auto.get()) {
            cancel();
            message.set("Automatic fitting is off: press Fit");
            return;
        }
        debounce.playFromStart();
        running.set(true);
        progress.set(-1);
        message.set("Waiting for the selection…");
    }

    /** Fits the selected cell now (the Fit button). */
    public void fitNow() {
        debounce.stop();
        start();
    }

    private static String key(CellRecord c, Params p, StrfOptions o) {
        return c.id() + "|" + p + "|" + o;
    }

    private void start() {
        Selection sel = model.selection();
        LoadedDataset d = model.dataset();
        if (sel == null || d == null) {
            running.set(false);
            return;
        }
        CellRecord cell = sel.cell();
        Params p = model.params();
        StrfOptions o = effective(options.get(), cell);
        String key = key(cell, p, o);
        Fit cached = fits.get(key);
        if (cached != null) {
            job.cancel(); // a fit still running for the previous cell is no longer wanted
            fit.set(cached);
            running.set(false);
            message.set("");
            return;
        }
        String inputKey = cell.id() + "|" + p;
        running.set(true);
        failed.set(false);
        progress.set(-1);
        message.set("Fitting the STRF of " + cell.session() + "…");
        var task = job.run(Tasks.create(ctx -> ParallelWork.run(() -> {
                    StrfInput in = inputs.get(inputKey);
                    if (in == null) {
                        in = CellStrfInputs.load(d.archive(), cell, p, ctx);
                        inputs.put(inputKey, in);
                    }
                    ctx.checkCancelled();
                    return new Fit(cell.id(), p, o, RidgeStrf.fit(in, o, split(cell), ctx));
                }))
                .title("Fitting STRF of " + cell.session())
                .onSuccess(f -> {
                    fits.put(key, f);
                    fit.set(f);
                    message.set("");
                    running.set(false);
                    progress.set(-1);
                })
                .onError(e -> {
                    failed.set(true);
                    message.set("No STRF for " + cell.session() + ": " + Dialogs.reason(e, "fewer STRF bands or lags, or a larger heap"));
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
        debounce.stop();
        job.cancel();
        running.set(false);
        progress.set(-1);
    }
}
