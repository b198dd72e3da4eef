package org.ac1explorer.ui.open;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.curation.Curation;
import org.ac1explorer.curation.CurationFormatException;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.ui.common.Settings;
import org.ac1explorer.ui.common.ViewSettings;
import org.ac1explorer.ui.curation.CurationController;
import org.ac1explorer.ui.model.LoadedDataset;

/**
 * The dataset the window opens at start-up, read while JavaFX starts and the window is built: its
 * index first, then the remembered selection computed at the remembered knobs and curation (held
 * in the dataset's analyzer, which the window's own request then joins). The window's first open
 * of the same folder takes the result ({@link OpenController#useEarly}) instead of reading again;
 * an error is not reported here: that open reads the folder itself and reports it. Not started
 * when the demo has to be generated first: that shows its progress in the window.
 */
public final class EarlyOpening {
    private final Path folder;
    private final boolean demo;
    private final CompletableFuture<LoadedDataset> result = new CompletableFuture<>();
    private final AtomicBoolean taken = new AtomicBoolean();

    private EarlyOpening(Path folder, boolean demo) {
        this.folder = folder;
        this.demo = demo;
    }

    /**
     * Starts reading, on a daemon thread, what the window will open: {@code asked} (a folder named on
     * the command line) or else what {@code store} remembers, as {@link OpenController#openInitial}
     * decides; null when that means generating the demo.
     */
    public static EarlyOpening begin(Settings store, Path demoDir, Path asked) {
        ViewSettings.Reopened r = ViewSettings.reopened(store);
        OpenController.Target t = asked != null ? new OpenController.Target(asked, false, false)
                : OpenController.initialTarget(r.lastDataset(), demoDir);
        if (t.generates()) {
            return null;
        }
        EarlyOpening e = new EarlyOpening(t.folder(), t.demo());
        OpenController.startDaemon(() -> e.read(store, r), "ac1-early-open");
        return e;
    }

    private void read(Settings store, ViewSettings.Reopened r) {
        try {
            result.complete(OpenController.readAndPrefetch(folder, demo, progress, r.lastSelection(), store.loadParams(),
                    curation(r.curationFile())));
        } catch (IOException | RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /**
     * The read's progress, passed on to the open that took the result (shown in its status line),
     * and that open's cancellation, which stops the read: nobody else would take it.
     */
    private static final class Relay implements ProgressMonitor {
        private volatile ProgressMonitor to = ProgressMonitor.NONE;
        private volatile long done;
        private volatile long total;
        private volatile String message;

        @Override
        public void progress(long done, long total, String message) {
            this.done = done;
            this.total = total;
            this.message = message;
            to.progress(done, total, message);
        }

        @Override
        public boolean isCancelled() {
            return to.isCancelled();
        }

        void reportTo(ProgressMonitor m) {
            to = m;
            String said = message;
            if (said != null) {
                m.progress(done, total, said);
            }
        }
    }

    private final Relay progress = new Relay();

    /** The curation the window will open; a broken file counts as none (the window reports it). */
    private static Curation curation(Path remembered) {
        try {
            return CurationController.read(CurationController.fileOrDefault(remembered));
        } catch (CurationFormatException | RuntimeException e) {
            return Curation.EMPTY;
        }
    }

    /** The result when it is for {@code folder} (and the demo, or not, alike), once; null otherwise. */
    CompletableFuture<LoadedDataset> take(Path folder, boolean demo) {
        return this.folder.equals(folder) && this.demo == demo && taken.compareAndSet(false, true) ? result : null;
    }

    /** From now on the read reports its progress to {@code m}, and stops when {@code m} is cancelled. */
    void reportTo(ProgressMonitor m) {
        progress.reportTo(m);
    }

    /**
     * The dataset, for the open that {@linkplain #take took} it, waiting while {@code ctx} is not
     * cancelled and showing the read's progress there; null when the read failed (the open then reads
     * the folder itself and reports why). A cancelled wait releases the dataset once it is read.
     */
    LoadedDataset await(ProgressMonitor ctx) {
        reportTo(ctx);
        try {
            return ctx.await(result);
        } catch (java.util.concurrent.CancellationException e) {
            result.thenAccept(EarlyOpening::close);
            throw e;
        }
    }

    /** Releases the dataset's files once it is read, unless the window took it. */
    public void discard() {
        if (taken.compareAndSet(false, true)) {
            result.thenAccept(EarlyOpening::close);
        }
    }

    static void close(LoadedDataset d) {
        try {
            d.archive().close();
        } catch (IOException e) {
            // nothing was written: a file handle that does not close is not worth a message at exit
        }
    }
}
