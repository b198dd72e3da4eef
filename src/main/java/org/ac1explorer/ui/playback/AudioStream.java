package org.ac1explorer.ui.playback;

/**
 * One open, playing output stream. Written by one thread (the player's writer); the clock
 * ({@link #framesPlayed()}) and {@link #close()} may be called from any thread.
 */
public interface AudioStream {
    /** The stream's rate, Hz. */
    double rateHz();

    /**
     * Queues {@code length} samples (in [-1, 1]) for playing; blocks while the device's buffer is
     * full, as a sound card does. Returns at once when the stream was closed.
     */
    void write(float[] samples, int offset, int length);

    /** Frames the listener has heard so far: the playback clock. */
    long framesPlayed();

    /** Blocks until every written frame has been heard (or the stream was closed). */
    void drain();

    /** Stops at once and releases the device. Idempotent. */
    void close();
}
