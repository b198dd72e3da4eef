package org.ac1explorer.archive;

import java.util.concurrent.CancellationException;

/** Receives progress of long work and tells it when to stop. Implementations must be thread-safe. */
public interface ProgressMonitor {
    ProgressMonitor NONE = new ProgressMonitor() {
    };

    /** {@code done} of {@code total} units finished; {@code message} says what is going on. */
    default void progress(long done, long total, String message) {
    }

    default boolean isCancelled() {
        return false;
    }

    /** Throws {@link CancellationException} when the work was cancelled (or its thread interrupted). */
    default void checkCancelled() {
        if (isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }
}
