package org.ac1explorer.ui.common;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.concurrent.Task;

/**
 * The application's one executor: a few daemon threads for every background task. Counts the
 * tasks whose body is still executing (a cancelled task counts until its body has returned), so
 * the window can tell when nothing runs any more.
 */
public final class BackgroundWork {
    private final ExecutorService executor;
    private final Set<Task<?>> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private final ReadOnlyIntegerWrapper runningProperty = new ReadOnlyIntegerWrapper(this, "running", 0);

    public BackgroundWork(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory f = r -> {
            Thread t = new Thread(r, "ac1-background-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, f);
    }

    public static BackgroundWork create() {
        return new BackgroundWork(Math.max(3, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    /** Runs {@code task} on a background thread. Call on the JavaFX thread. */
    public void submit(Task<?> task) {
        live.add(task);
        changeRunning(+1);
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    live.remove(task);
                    changeRunning(-1);
                }
            });
        } catch (RuntimeException e) {
            live.remove(task);
            changeRunning(-1);
            task.cancel(false);
        }
    }

    private void changeRunning(int delta) {
        int now = running.addAndGet(delta);
        if (Platform.isFxApplicationThread()) {
            runningProperty.set(now);
        } else {
            Platform.runLater(() -> runningProperty.set(running.get()));
        }
    }

    /** Tasks submitted whose body has not returned yet (updated on the JavaFX thread). */
    public ReadOnlyIntegerProperty runningProperty() {
        return runningProperty.getReadOnlyProperty();
    }

    /** Same as {@link #runningProperty()} but exact and callable from any thread. */
    public int runningNow() {
        return running.get();
    }

    /** Cancels every task and stops the threads; waits briefly for bodies to notice. */
    public void shutdown() {
        live.forEach(t -> t.cancel(false));
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }
}
