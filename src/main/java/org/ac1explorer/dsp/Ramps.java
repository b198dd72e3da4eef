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
        int n = Math.min(Math.max(1, Rounding.samples(rampMs, sf)), out.length / 2);
        for (int k = 0; k < n; k++) {
            double g = Math.sin(0.5 * Math.PI * ((double) k / n));
            g *= g;
            out[k] *= g;
            out[out.length - 1 - k] *= g;
        }
        return out;
    }
}
