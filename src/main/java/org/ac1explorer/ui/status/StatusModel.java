package org.ac1explorer.ui.status;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * The status line's state: either idle (showing {@link #idleTextProperty()} or the last notice),
 * or tracking one foreground job (load, demo generation, export) with its message, progress and a
 * Cancel action. A job's message and progress bar are shown once it has run for {@link #QUIET}: a
 * job that ends sooner (opening a dataset read ahead) changes nothing on screen. JavaFX thread only.
 */
public final class StatusModel {
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Ready");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper progressShown = new ReadOnlyBooleanWrapper(this, "progressShown");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error");
    private final StringProperty idleText = new SimpleStringProperty(this, "idleText", "Ready");
    private Task<?> tracked;
    private String notice;

    public StatusModel() {
        idleText.addListener((o, a, b) -> {
            if (tracked == null && notice == null) {
                showIdle();
            }
        });
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True while a foreground job runs (Cancel works from its start). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * True while the tracked job's message, progress bar and Cancel button are on screen: from
     * {@link #QUIET} after it started until it ends. (Any change on screen while the window's first
     * frame is still being painted holds the JavaFX thread until that frame is done.)
     */
    public ReadOnlyBooleanProperty progressShownProperty() {
        return progressShown.getReadOnlyProperty();
    }

    /** How long a job runs before its message and progress bar are shown. */
    public static final javafx.util.Duration QUIET = javafx.util.Duration.millis(400);

    /** True while the message reports a failure. */
    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the status line says when nothing runs (e.g. the dataset summary). */
    public StringProperty idleTextProperty() {
        return idleText;
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** Shows {@code task}'s title, message and progress until it ends. Replaces a previous job's display. */
    public void track(Task<?> task) {
        release();
        tracked = task;
        notice = null;
        error.set(false);
        busy.set(true);
        javafx.animation.PauseTransition quiet = new javafx.animation.PauseTransition(QUIET);
        quiet.setOnFinished(e -> {
            if (tracked == task) {
                show(task);
            }
        });
        quiet.play();
        task.stateProperty().addListener((o, a, s) -> {
            if (tracked == task && (s == Worker.State.SUCCEEDED || s == Worker.State.FAILED || s == Worker.State.CANCELLED)) {
                release();
                showIdle();
            }
        });
        if (task.isDone()) {
            release();
            showIdle();
        }
    }

    private void show(Task<?> task) {
        message.bind(Bindings.createStringBinding(() -> {
            String m = task.getMessage();
            return task.getTitle() + (m == null || m.isEmpty() ? "…" : ": " + m);
        }, task.titleProperty(), task.messageProperty()));
        progress.bind(task.progressProperty());
        progressShown.set(true);
    }

    private void release() {
        message.unbind();
        progress.unbind();
        progress.set(0);
        progressShown.set(false);
        busy.set(false);
        tracked = null;
    }

    /** Cancels the tracked job; the status returns to idle at once. */
    public void cancel() {
        Task<?> t = tracked;
        if (t != null) {
            t.cancel(false);
            release();
            notice("Cancelled");
            // a cancel needs no lasting message: the idle text (what is open) comes back
            String shown = notice;
            javafx.animation.PauseTransition fade = new javafx.animation.PauseTransition(CANCEL_NOTICE);
            fade.setOnFinished(e -> {
                if (notice == shown) {
                    clearNotice();
                }
            });
            fade.play();
        }
    }

    /** How long "Cancelled" stays in the status bar. */
    static final javafx.util.Duration CANCEL_NOTICE = javafx.util.Duration.seconds(4);

    /** A one-off message (replaced by the next job or notice). */
    public void notice(String text) {
        if (tracked != null) {
            return;
        }
        notice = text;
        error.set(false);
        message.set(text);
    }

    /** A failure, shown until the next job or notice. */
    public void failure(String text) {
        if (tracked != null) {
            release();
        }
        notice = text;
        error.set(true);
        message.set(text);
    }

    public void clearNotice() {
        notice = null;
        if (tracked == null) {
            showIdle();
        }
    }

    private void showIdle() {
        if (notice != null) {
            message.set(notice);
        } else {
            error.set(false);
            message.set(idleText.get());
        }
    }
}
