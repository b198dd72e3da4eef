package org.ac1explorer.ui.playback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * A sound device for tests: records every stream's samples and plays them on a fake clock that
 * only the test advances ({@link #advance(double)}); writes block like a sound card's when more
 * than 0.1 s is queued ahead of the clock.
 */
public final class FakeAudioSink implements AudioSink {
    private final DoublePredicate accepts;
    private final String reason;
    private final List<Stream> streams = new ArrayList<>();

    public FakeAudioSink() {
        this(r -> true, null);
    }

    public FakeAudioSink(DoublePredicate accepts, String unavailableReason) {
        this.accepts = accepts;
        this.reason = unavailableReason;
    }

    @Override
    public String unavailableReason() {
        return reason;
    }

    @Override
    public boolean accepts(double rateHz) {
        return reason == null && accepts.test(rateHz);
    }

    @Override
    public synchronized AudioStream open(double rateHz) throws AudioUnavailableException {
        if (!accepts(rateHz)) {
            throw new AudioUnavailableException("fake device refuses " + rateHz + " Hz");
        }
        Stream s = new Stream(rateHz);
        streams.add(s);
        return s;
    }

    public synchronized List<Stream> streams() {
        return List.copyOf(streams);
    }

    /** The latest stream opened, or null. */
    public synchronized Stream current() {
        return streams.isEmpty() ? null : streams.get(streams.size() - 1);
    }

    /** Advances the clock of the latest stream by {@code seconds} of device time. */
    public void advance(double seconds) {
        Stream s = current();
        if (s != null) {
            s.advance(seconds);
        }
    }

    /** A recording stream with a fake clock. */
    public static final class Stream implements AudioStream {
        private final double rate;
        private final long capacity;
        private float[] recorded = new float[1 << 16];
        private long written;
        private double clock;
        private boolean closed;

        Stream(double rate) {
            this.rate = rate;
            this.capacity = Math.max(1, Math.round(0.1 * rate));
        }

        @Override
        public double rateHz() {
            return rate;
        }

        @Override
        public synchronized void write(float[] samples, int offset, int length) {
            while (!closed && written - Math.min(written, (long) clock) > capacity) {
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (closed) {
                return;
            }
            while (written + length > recorded.length) {
                recorded = Arrays.copyOf(recorded, recorded.length * 2);
            }
            System.arraycopy(samples, offset, recorded, (int) written, length);
            written += length;
            notifyAll();
        }

        @Override
        public synchronized long framesPlayed() {
            return Math.min(written, (long) clock);
        }

        @Override
        public synchronized void drain() {
            while (!closed && clock < written) {
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public synchronized void close() {
            closed = true;
            notifyAll();
        }

        public synchronized void advance(double seconds) {
            clock += seconds * rate;
            notifyAll();
        }

        public synchronized boolean isClosed() {
            return closed;
        }

        /** Everything written so far. */
        public synchronized float[] samples() {
            return Arrays.copyOf(recorded, (int) written);
        }
    }
}
