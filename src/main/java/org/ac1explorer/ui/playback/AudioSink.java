package org.ac1explorer.ui.playback;

/**
 * Where played sound goes: the sound card ({@link JavaSoundSink}) or, in tests, a recorder with
 * a fake clock. A sink opens mono streams of samples in [-1, 1] at a given rate.
 */
public interface AudioSink {
    /** Null when the sink can play; otherwise one sentence telling the user why it cannot. */
    String unavailableReason();

    /** Whether a mono stream at {@code rateHz} can be opened as it is (no conversion needed). */
    boolean accepts(double rateHz);

    /** Opens a stream at {@code rateHz}; throws with a user-readable message when the device refuses. */
    AudioStream open(double rateHz) throws AudioUnavailableException;
}
