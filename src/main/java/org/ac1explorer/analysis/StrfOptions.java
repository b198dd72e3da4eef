package org.ac1explorer.analysis;

/**
 * Settings of the linear STRF fit ({@link RidgeStrf}).
 *
 * @param maxLagMs       the longest lag of the STRF, ms: lags 0, dt, …, floor(maxLagMs/dt)·dt
 * @param bandPool       adjacent spectrogram bands averaged (in dB) into one STRF band; 1 keeps the
 *                       spectrogram's resolution. The default (about 2 bands per octave) keeps the
 *                       fit to a few hundred weights: the ridge solve is cubic in their number.
 * @param dynamicRangeDb spectrogram values more than this far below the cell's loudest (pooled)
 *                       value are raised to that floor (silence is −240 dB in the spectrogram)
 * @param folds          folds of the cross-validation over stimuli (at most one per stimulus);
 *                       stimulus i of the cell's order goes to fold i mod K
 * @param publishedSplit use the published Wehr split (train / validation / test stimuli) instead
 *                       of cross-validation, when the cell has one
 */
public record StrfOptions(double maxLagMs, int bandPool, double dynamicRangeDb, int folds, boolean publishedSplit) {

    /** Ridge strengths tried, relative to the mean eigenvalue of the centred Gram matrix: 10^-3 … 10^4. */
    public static final double[] RELATIVE_LAMBDAS = relativeLambdas();

    public StrfOptions {
        if (!(maxLagMs >= 0) || maxLagMs > 2000) {
            throw new IllegalArgumentException("STRF max lag must be between 0 and 2000 ms, got " + maxLagMs);
        }
        if (bandPool < 1) {
            throw new IllegalArgumentException("STRF band pooling must be at least 1, got " + bandPool);
        }
        if (!(dynamicRangeDb > 0)) {
            throw new IllegalArgumentException("STRF dynamic range must be positive, got " + dynamicRangeDb);
        }
        if (folds < 2) {
            throw new IllegalArgumentException("STRF cross-validation needs at least 2 folds, got " + folds);
        }
    }

    /** 100 ms of lags, about 2 bands per octave, 80 dB range, 5 folds, cross-validation. */
    public static StrfOptions defaults(int binsPerOctave) {
        return new StrfOptions(100, defaultPool(binsPerOctave), 80, 5, false);
    }

    /** Bands pooled so that the STRF has about 2 bands per octave. */
    public static int defaultPool(int binsPerOctave) {
        return Math.max(1, (int) Math.rint(binsPerOctave / 2.0));
    }

    /** The largest lag index L at time bins of {@code dtMs}. */
    public int maxLag(double dtMs) {
        return (int) Math.floor(maxLagMs / dtMs + 1e-9);
    }

    public StrfOptions withPublishedSplit(boolean b) {
        return new StrfOptions(maxLagMs, bandPool, dynamicRangeDb, folds, b);
    }

    public StrfOptions withMaxLagMs(double ms) {
        return new StrfOptions(ms, bandPool, dynamicRangeDb, folds, publishedSplit);
    }

    public StrfOptions withBandPool(int pool) {
        return new StrfOptions(maxLagMs, pool, dynamicRangeDb, folds, publishedSplit);
    }

    private static double[] relativeLambdas() {
        double[] a = new double[15];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.pow(10, -3 + 0.5 * i);
        }
        return a;
    }
}
