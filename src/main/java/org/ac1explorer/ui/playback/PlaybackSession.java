package org.ac1explorer.ui.playback;

import java.util.function.Consumer;

/**
 * One run of playback: writes a {@link PlaybackSignal} from a start frame to an open
 * {@link AudioStream} on its own daemon thread, in 20 ms blocks. A start in the middle fades in;
 * a stop request fades the next 10 ms out, lets the device play what it holds and closes the
 * stream (no click). The clock is the stream's: {@link #position()} is the stimulus time heard.
 */
final class PlaybackSession {

    private static final System.Logger LOG = System.getLogger(PlaybackSession.class.getName());
    private final PlaybackSignal signal;
    private final long from;
    private final AudioStream stream;
    private final Consumer<PlaybackSession> onEnd;
    private final Thread thread;
    private volatile boolean stopRequested;
    private volatile long queued;
    private volatile long finalFrames = -1;
    private volatile boolean reachedEnd;
    private volatile RuntimeException error;

    private PlaybackSession(PlaybackSignal signal, long from, AudioStream stream, Consumer<PlaybackSession> onEnd) {
        this.signal = signal;
        this.from = from;
        this.stream = stream;
        this.onEnd = onEnd;
        this.thread = new Thread(this::run, "ac1-playback");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY - 1); // keep the device fed while the plots work
    }

    /** Starts playing {@code signal} from frame {@code from}; {@code onEnd} runs on the writer thread at the end. */
    static PlaybackSession start(PlaybackSignal signal, long from, AudioStream stream, Consumer<PlaybackSession> onEnd) {
        PlaybackSession s = new PlaybackSession(signal, Math.max(0, Math.min(from, signal.samples().length)), stream, onEnd);
        s.thread.start();
        return s;
    }

    private void run() {
        float[] x = signal.samples();
        long n = x.length;
        int block = Math.max(128, (int) Math.round(0.02 * signal.rateHz()));
        int fade = signal.fadeFrames();
        float[] buf = new float[block];
        long pos = from;
        try {
            while (pos < n && !stopRequested) {
                int len = (int) Math.min(block, n - pos);
                System.arraycopy(x, (int) pos, buf, 0, len);
                if (from > 0) {
                    for (int i = 0; i < len; i++) {
                        long k = pos + i - from;
                        if (k < fade) {
                            buf[i] *= (float) PlaybackSignal.ramp((int) k, fade);
                        }
                    }
                }
                queued = pos + len - from;
                stream.write(buf, 0, len);
                pos += len;
            }
            if (pos < n) {
                // stopped early: fade the next few ms out rather than cut the sound
                int len = (int) Math.min(fade, n - pos);
                System.arraycopy(x, (int) pos, buf, 0, len);
                for (int i = 0; i < len; i++) {
                    buf[i] *= (float) PlaybackSignal.ramp(len - i, len + 1);
                }
                queued = pos + len - from;
                stream.write(buf, 0, len);
            } else {
                reachedEnd = true;
            }
            stream.drain();
        } catch (RuntimeException e) {
            error = e;
        } finally {
            try {
                finalFrames = heardNow();
            } catch (RuntimeException e) {
                finalFrames = 0;
                LOG.log(System.Logger.Level.DEBUG, "sound line did not say how much it played", e);
            }
            stream.close();
            onEnd.accept(this);
        }
    }

    private long heardNow() {
        return Math.max(0, Math.min(queued, stream.framesPlayed()));
    }

    /** Frames of this session heard so far. */
    long heardFrames() {
        long f = finalFrames;
        return f >= 0 ? f : heardNow();
    }

    /** The stimulus time being heard, s. */
    double position() {
        return signal.timeOf(from + heardFrames());
    }

    PlaybackSignal signal() {
        return signal;
    }

    AudioStream stream() {
        return stream;
    }

    /** Asks for a faded stop; returns at once. */
    void requestStop() {
        stopRequested = true;
    }

    /** Stops at once (closes the device; may click). */
    void abort() {
        stopRequested = true;
        stream.close();
    }

    /** Waits up to {@code millis} for the writer to finish. */
    boolean awaitEnd(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    boolean reachedEnd() {
        return reachedEnd;
    }

    RuntimeException error() {
        return error;
    }
}
