package org.ac1explorer.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ProgressMonitorTest {
    private static final ProgressMonitor CANCELLED = new ProgressMonitor() {
        @Override
        public boolean isCancelled() {
            return true;
        }
    };

    @Test
    void awaitReturnsTheResultComputedElsewhere() {
        CompletableFuture<String> f = new CompletableFuture<>();
        new Thread(() -> {
            sleep(120);
            f.complete("done");
        }).start();
        assertEquals("done", ProgressMonitor.NONE.await(f));
    }

    @Test
    void awaitGivesNullForAFailedComputation() {
        assertNull(ProgressMonitor.NONE.await(CompletableFuture.failedFuture(new IllegalStateException("broken file"))));
        CompletableFuture<String> cancelled = new CompletableFuture<>();
        cancelled.cancel(false);
        assertNull(ProgressMonitor.NONE.await(cancelled));
    }

    @Test
    void awaitStopsWaitingWhenItsWorkIsCancelled() {
        assertThrows(CancellationException.class, () -> CANCELLED.await(new CompletableFuture<String>()));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
