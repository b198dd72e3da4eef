package org.ac1explorer.archive;

/** A stimulus sound: samples (arbitrary units, as stored) at {@code sampleRateHz}. */
public record Waveform(double[] samples, double sampleRateHz) {
    public double durationMs() {
        return samples.length / sampleRateHz * 1000.0;
    }
}
