package org.ac1explorer.ui.common;

import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * Runs one kind of job at a time: starting a new one (or {@link #cancel}) cancels the previous,
 * and a result of a job that is no longer current is dropped even when it had already finished
 * computing, so callbacks never see stale results. Use on the JavaFX thread.
 */
public final class Superseding {
    private final BackgroundWork work;
    private Task<?> current;

    public Superseding(BackgroundWork work) {
        this.work = work;
    }

    public <T> Tasks.BackgroundTask<T> run(Tasks.Builder<T> builder) {
        cancel();
        Task<?>[] self = new Task<?>[1];
        Tasks.BackgroundTask<T> t = builder.onlyWhile(() -> current == self[0] && self[0] != null).build();
        self[0] = t;
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

    /**
     * Whether the latest job has not ended yet, judged by its JavaFX state: its worker may post the
     * end (and its handlers may run) before the underlying future is marked done, so asking
     * {@code isDone()} here could still say "running" from inside the job's own handlers.
     */
    public boolean isRunning() {
        if (current == null) {
            return false;
        }
        Worker.State s = current.getState();
        return s != Worker.State.SUCCEEDED && s != Worker.State.FAILED && s != Worker.State.CANCELLED;
    }
}
