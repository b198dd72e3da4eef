package org.ac1explorer.archive;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * The result of {@code f}, computed elsewhere, waiting while this work is not cancelled (looked
     * at every 50 ms); null when {@code f} failed or was cancelled. Throws {@link CancellationException}
     * when this work is cancelled or its thread interrupted.
     */
    default <T> T await(CompletableFuture<T> f) {
        while (true) {
            checkCancelled();
            try {
                return f.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still computing: look at the cancellation again
            } catch (ExecutionException | CancellationException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
    }
}
