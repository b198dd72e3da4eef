package org.ac1explorer.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a job that uses parallel streams (the dataset assembly) inside a dedicated fork-join pool of
 * daemon threads, so a long dataset-wide pass never occupies the common pool that the selected
 * cell's recomputation relies on for its own parallel parts.
 */
public final class ParallelWork {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ForkJoinPool POOL = new ForkJoinPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), pool -> {
                var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setDaemon(true);
                t.setName("ac1-parallel-" + COUNT.incrementAndGet());
                return t;
            }, null, false);

    private ParallelWork() {
    }

    /** Runs {@code job} in the pool and waits for it; its exceptions are rethrown as they are. */
    public static <T> T run(Callable<T> job) throws Exception {
        ForkJoinTask<T> t = POOL.submit(job);
        try {
            return t.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception ex) {
                throw ex;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw e;
        } catch (InterruptedException e) {
            t.cancel(false);
            Thread.currentThread().interrupt();
            throw e;
        }
    }
}
