package org.ac1explorer.ui.common;

import javafx.concurrent.Task;

/**
 * Runs one kind of job at a time: starting a new one cancels the previous (whose result is then
 * ignored). Use on the JavaFX thread.
 */
public final class Superseding {
    private final BackgroundWork work;
    private Task<?> current;

    public Superseding(BackgroundWork work) {
        this.work = work;
    }

    public <T> Tasks.BackgroundTask<T> run(Tasks.Builder<T> builder) {
        cancel();
        Tasks.BackgroundTask<T> t = builder.build();
        current = t;
        work.submit(t);
        return t;
    }

    /** Whether {@code task} is the latest job (results of older ones are stale). */
    public boolean isCurrent(Task<?> task) {
        return task == current;
    }

    public void cancel() {
        if (current != null && !current.isDone()) {
            current.cancel(false);
        }
        current = null;
    }

    public boolean isRunning() {
        return current != null && !current.isDone();
    }
}
