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
        int n = gatedRepeat.length;
        double[] y = MedGauss.detrend(gatedRepeat, sf, medMs, gaussMs);
        int clip = Math.max(1, Rounding.samples(clipMs, sf));
        double[] floor = RunningMedian.filter(y, clip);
        double[] hp = new double[n];
        for (int i = 0; i < n; i++) {
            hp[i] = y[i] - floor[i];
        }
        double thr = n == 0 ? Double.NaN : K_SIGMA * NumpySum.std(hp);
        double[] train = new double[n];
        for (int i = 0; i < n; i++) {
            train[i] = hp[i] > thr ? 1.0 : 0.0;
        }
        int m = Math.max(3, Rounding.samples(SMOOTH_MS, sf));
        double[] hann = hann(m);
        int start = (m - 1) / 2;
        double[] psth = new double[n];
        // the train is sparse: add one window per crossing instead of a full convolution
        for (int j = 0; j < n; j++) {
            if (train[j] != 0.0) {
                int from = Math.max(0, j - start);
                int to = Math.min(n, j - start + m);
                for (int i = from; i < to; i++) {
                    psth[i] += hann[i - j + start];
                }
            }
        }
        return new SpikeDetection(hp, thr, train, psth);
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
