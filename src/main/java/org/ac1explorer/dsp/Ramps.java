package org.ac1explorer.dsp;

/** Onset and offset ramps applied to stimulus segments (waveform in any unit, sf in Hz). */
public final class Ramps {

    private Ramps() {
    }

    /**
     * A copy of {@code w} with sin² onset and offset ramps of min(max(1, round(rampMs·sf/1000)),
     * len/2) samples: sample k of the onset is scaled by sin²(π/2 · k/n), the offset mirrors it.
     */
    public static double[] sin2(double[] w, double sf, double rampMs) {
        double[] out = w.clone();
        sin2InPlace(out, 0, out.length, sf, rampMs);
        return out;
    }

    /** {@link #sin2} applied to {@code w[from, from + length)} in place (a segment inside a longer waveform). */
    public static void sin2InPlace(double[] w, int from, int length, double sf, double rampMs) {
        int n = Math.min(Math.max(1, Rounding.samples(rampMs, sf)), length / 2);
        int last = from + length - 1;
        for (int k = 0; k < n; k++) {
            double g = Math.sin(0.5 * Math.PI * ((double) k / n));
            g *= g;
            w[from + k] *= g;
            w[last - k] *= g;
        }
    }
}
