package org.ac1explorer.dsp;

/**
 * Log-spaced band centres of the spectrogram: {@code bpo} bands per octave from {@code fmin}
 * up to at most {@code fmax} (Hz).
 */
public final class LogBands {

    private LogBands() {
    }

    /**
     * F = floor(log2(fmax/fmin)·bpo) + 1, with log2 exact on powers of two (100→25600 Hz at 6
     * per octave: 49 bands; 100→45000 Hz: 53).
     *
     * @throws IllegalArgumentException if fmin is not a positive number, fmax is below fmin or
     *                                  not finite, or bpo &lt; 1
     */
    public static int count(double fmin, double fmax, int bpo) {
        if (!(fmin > 0) || !Double.isFinite(fmin)) {
            throw new IllegalArgumentException("fmin must be a positive number of Hz (got " + fmin + ")");
        }
        if (!(fmax >= fmin) || !Double.isFinite(fmax)) {
            throw new IllegalArgumentException("fmax must be a number of Hz >= fmin (got " + fmax + ")");
        }
        if (bpo < 1) {
            throw new IllegalArgumentException("bins_per_octave must be >= 1 (got " + bpo + ")");
        }
        return (int) Math.floor(log2(fmax / fmin) * bpo) + 1;
    }

    /** The F centre frequencies f_k = fmin·2^(k·(1/bpo)) in Hz, ascending. */
    public static double[] centresHz(double fmin, double fmax, int bpo) {
        int f = count(fmin, fmax, bpo);
        double step = 1.0 / bpo;                // k·step, not k/bpo: the reference's rounding
        double[] out = new double[f];
        for (int k = 0; k < f; k++) {
            out[k] = fmin * Math.pow(2.0, k * step);
        }
        return out;
    }

    /** log2 of a positive finite number: exponent plus log2 of the mantissa, so 2^k gives exactly k. */
    static double log2(double v) {
        int e = Math.getExponent(v);
        if (e < Double.MIN_EXPONENT) {          // subnormal: scale into the normal range first
            return log2(v * 0x1p54) - 54;
        }
        double mantissa = Math.scalb(v, -e);    // in [1, 2), exact
        return e + Math.log(mantissa) / Math.log(2.0);
    }
}
