package org.ac1explorer.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ac1explorer.archive.ProgressMonitor;

/**
 * A response body read on the caller's thread with a stall timeout and prompt cancellation: the
 * reader waits for each piece in short slices, checking the monitor and the thread's interrupt
 * flag in between, so neither a silent server nor a cancel can leave it blocked.
 * ({@code BodyHandlers.ofInputStream()} offers neither a read timeout nor a reliable interrupt.)
 * One piece is requested at a time, so at most one network buffer waits in memory.
 */
final class BodyStream implements Flow.Subscriber<List<ByteBuffer>>, AutoCloseable {
    /** No body byte arrived for the stall timeout. */
    static final class StallException extends IOException {
        private static final long serialVersionUID = 1L;

        StallException(String message) {
            super(message);
        }
    }

    private static final Object END = new Object();
    private static final long SLICE_MILLIS = 50;

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final ProgressMonitor monitor;
    private final long stallNanos;
    private volatile Flow.Subscription subscription;
    private Iterator<ByteBuffer> pieces;
    private ByteBuffer current;
    private boolean ended;

    /** The last progress reported through {@link #reporting()}, repeated with the silence while no byte arrives. */
    private volatile long lastDone;
    private volatile long lastTotal = -1;
    private volatile String lastMessage = "downloading";

    BodyStream(ProgressMonitor monitor, Duration stall) {
        this.monitor = monitor;
        this.stallNanos = stall.toNanos();
    }

    /** The monitor to report the transfer's progress through, so a stall can be shown on the same line. */
    ProgressMonitor reporting() {
        return new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                lastDone = done;
                lastTotal = total;
                lastMessage = message;
                monitor.progress(done, total, message);
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable t) {
        queue.add(t);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    /** Up to {@code len} bytes into {@code b}; −1 at the end of the body. */
    int read(byte[] b, int off, int len) throws IOException {
        while (current == null || !current.hasRemaining()) {
            if (pieces != null && pieces.hasNext()) {
                current = pieces.next();
                continue;
            }
            if (ended) {
                return -1;
            }
            Object item = next();
            if (item == END) {
                ended = true;
                return -1;
            }
            if (item instanceof Throwable t) {
                ended = true;
                throw t instanceof IOException io ? io : new IOException(t.getMessage(), t);
            }
            @SuppressWarnings("unchecked")
            List<ByteBuffer> list = (List<ByteBuffer>) item;
            pieces = list.iterator();
            subscription.request(1);
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    /** Reads until {@code b} holds at least {@code min} bytes from {@code off} or the body ends. */
    int readAtLeast(byte[] b, int off, int min) throws IOException {
        int n = 0;
        while (n < min) {
            int r = read(b, off + n, b.length - off - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    private Object next() throws IOException {
        long since = System.nanoTime();
        long deadline = since + stallNanos;
        long showEvery = Math.min(Duration.ofSeconds(5).toNanos(), stallNanos / 4);
        long nextShow = since + showEvery;
        while (true) {
            if (monitor.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("cancelled");
            }
            Object o;
            try {
                o = queue.poll(SLICE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("cancelled");
            }
            if (o != null) {
                return o;
            }
            long now = System.nanoTime();
            if (now - deadline > 0) {
                throw new StallException("no data from the server for " + describe(Duration.ofNanos(stallNanos)));
            }
            if (now - nextShow > 0) {
                nextShow = now + showEvery;
                monitor.progress(lastDone, lastTotal, lastMessage + " (no data from the server for "
                        + describe(Duration.ofNanos(now - since)) + "; gives up at " + describe(Duration.ofNanos(stallNanos)) + ")");
            }
        }
    }

    static String describe(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    /** Abandons the rest of the body (the connection is dropped). */
    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null && !ended) {
            s.cancel();
        }
        ended = true;
    }
}
