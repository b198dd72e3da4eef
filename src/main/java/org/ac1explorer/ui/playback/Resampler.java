package org.ac1explorer.ui.playback;

/**
 * Converts a signal from one sample rate to another. Playback uses it when the sound device does
 * not take the rate it needs; an implementation must band-limit to the lower Nyquist frequency
 * (ultrasound must not alias into the audible range when it is not slowed down enough).
 */
public interface Resampler {
    float[] resample(float[] x, double fromHz, double toHz);
}
