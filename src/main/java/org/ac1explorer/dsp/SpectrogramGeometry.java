package org.ac1explorer.dsp;

/**
 * Frame geometry of the log-spectrogram, in samples: frames start every {@code hop} samples and
 * span {@code window} samples.
 *
 * @param hop    max(round(dtMs·sf/1000), 1)
 * @param window max(round(windowMs·sf/1000), 4)
 */
public record SpectrogramGeometry(int hop, int window) {

    public SpectrogramGeometry {
        if (hop < 1 || window < 4) {
            throw new IllegalArgumentException("hop must be >= 1 and window >= 4 samples (got " + hop + ", " + window + ")");
        }
    }

    /** The geometry for a sample rate (Hz), time bin (ms) and window length (ms). */
    public static SpectrogramGeometry of(double sf, double dtMs, double windowMs) {
        return new SpectrogramGeometry(Math.max(Rounding.samples(dtMs, sf), 1),
                Math.max(Rounding.samples(windowMs, sf), 4));
    }

    /** Number of frames for a waveform of {@code nSamples}: ceil(n / hop). */
    public int frames(int nSamples) {
        return (int) ((nSamples + (long) hop - 1) / hop);
    }
}
