package org.ac1explorer.dsp;

/**
 * {@code ac1dsp.spike_psth}: turns a gated (already detrended) cell-attached repeat into a
 * Hann-smoothed 0/1 threshold-crossing train. Traces in mV, sf in Hz, durations in ms.
 */
public final class SpikeDetector {

    /** Threshold in population standard deviations of the high-passed trace. */
    public static final double K_SIGMA = 2.5;
    /** Length of the Hann smoothing window, ms. */
    public static final double SMOOTH_MS = 21.0;

    private SpikeDetector() {
    }

    /**
     * Detrends the repeat again (as the reference does), subtracts a running median of
     * max(1, round(clipMs·sf/1000)) samples (the reference's 10 ms; 1 ms is the legacy value), thresholds at 2.5 × population std, and convolves the
     * train with a symmetric Hann window of max(3, round(21 ms·sf/1000)) samples, keeping the
     * centre part from (M−1)/2. An empty repeat gives empty arrays and a NaN threshold.
     */
    public static SpikeDetection detect(double[] gatedRepeat, double sf, double medMs, double gaussMs, double clipMs) {
        double[] hp = MedGauss.detrend(gatedRepeat, sf, medMs, gaussMs);
        double thr = highPassInPlace(hp, sf, clipMs);
        double[] train = new double[hp.length];
        for (int i = 0; i < hp.length; i++) {
            train[i] = hp[i] > thr ? 1.0 : 0.0;
        }
        return new SpikeDetection(hp, thr, train, psth(hp, thr, sf));
    }

    /**
     * {@code detect(…).psth()} alone, the same values, without keeping the high-passed trace and
     * the train: what binning a cell-attached repeat needs.
     */
    public static double[] psth(double[] gatedRepeat, double sf, double medMs, double gaussMs, double clipMs) {
        double[] hp = Scratch.exactDoubles(gatedRepeat.length);
        System.arraycopy(gatedRepeat, 0, hp, 0, hp.length);
        MedGauss.detrendInPlace(hp, sf, medMs, gaussMs);
        double[] out = psth(hp, highPassInPlace(hp, sf, clipMs), sf);
        Scratch.giveExact(hp);
        return out;
    }

    /**
     * {@link #psth(double[], double, double, double, double)} written over {@code gatedRepeat}
     * itself: for a pass that needs the repeat no more once its PSTH is taken.
     */
    public static void psthInPlace(double[] gatedRepeat, double sf, double medMs, double gaussMs, double clipMs) {
        double[] hp = Scratch.exactDoubles(gatedRepeat.length);
        System.arraycopy(gatedRepeat, 0, hp, 0, hp.length);
        MedGauss.detrendInPlace(hp, sf, medMs, gaussMs);
        java.util.Arrays.fill(gatedRepeat, 0.0);
        psthInto(hp, highPassInPlace(hp, sf, clipMs), sf, gatedRepeat);
        Scratch.giveExact(hp);
    }

    /** Subtracts the running median of the clip window from {@code y} in place; returns the threshold (mV). */
    private static double highPassInPlace(double[] y, double sf, double clipMs) {
        int clip = Math.max(1, Rounding.samples(clipMs, sf));
        double[] floor = RunningMedian.filter(y, clip, Scratch.exactDoubles(y.length));
        for (int i = 0; i < y.length; i++) {
            y[i] = y[i] - floor[i];
        }
        Scratch.giveExact(floor);
        return y.length == 0 ? Double.NaN : K_SIGMA * NumpySum.std(y);
    }

    /** The Hann-smoothed train of the crossings {@code hp[j] > thr}. */
    private static double[] psth(double[] hp, double thr, double sf) {
        return psthInto(hp, thr, sf, new double[hp.length]);
    }

    /** {@link #psth(double[], double, double)} added into {@code psth} (zeros, as long as {@code hp}). */
    private static double[] psthInto(double[] hp, double thr, double sf, double[] psth) {
        int n = hp.length;
        int m = Math.max(3, Rounding.samples(SMOOTH_MS, sf));
        double[] hann = hann(m);
        int start = (m - 1) / 2;
        // the train is sparse: add one window per crossing instead of a full convolution
        for (int j = 0; j < n; j++) {
            if (hp[j] > thr) {
                int from = Math.max(0, j - start);
                int to = Math.min(n, j - start + m);
                for (int i = from; i < to; i++) {
                    psth[i] += hann[i - j + start];
                }
            }
        }
        return psth;
    }

    /** Symmetric Hann window of m ≥ 2 samples: 0.5 − 0.5·cos(2πn/(m−1)). */
    static double[] hann(int m) {
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * i / (m - 1));
        }
        return w;
    }
}
