package org.ac1explorer.dsp;

import java.util.Arrays;

/**
 * The threshold-independent part of the step test for one detrended repeat (mV): the
 * repeat is smoothed by a running median of round(5 ms·sf/1000) samples (when at least that
 * long), and its deviations |smooth − median(smooth)| in mV are compared with the step
 * threshold, the median being numpy's (mean of the two middle values for even counts). The
 * profile keeps the smoothed samples and their median; a threshold is answered by one pass that
 * computes each deviation exactly as the reference does (about 0.1 ms for 10 s at 10 kHz).
 * Immutable.
 */
public final class StepProfile {

    /** Length of the running median that smooths the repeat before the step test, in ms. */
    public static final double SMOOTH_MS = 5.0;

    private final int length;
    private final double[] smooth;      // the smoothed repeat (empty when length < 3)
    private final double median;        // NaN when any smoothed sample is NaN
    private final double maxDeviation;  // NaN when undefined

    private StepProfile(int length, double[] smooth) {
        this.length = length;
        this.smooth = smooth;
        this.median = Quickselect.numpyMedian(smooth);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : smooth) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        this.maxDeviation = smooth.length == 0 || Double.isNaN(median) ? Double.NaN
                : Math.max(Math.abs(lo - median), Math.abs(hi - median));
    }

    /** The profile of a detrended repeat (mV) sampled at {@code sf} Hz; repeats shorter than 3 samples never step. */
    public static StepProfile of(double[] detrended, double sf) {
        return of(detrended, sf, false);
    }

    /** The profile, its smoothed samples in a work array when {@code scratch} (to be given back by the caller). */
    private static StepProfile of(double[] detrended, double sf, boolean scratch) {
        int n = detrended.length;
        if (n < 3) {
            return new StepProfile(n, new double[0]);
        }
        int k = Math.max(1, Rounding.samples(SMOOTH_MS, sf));
        double[] out = scratch ? Scratch.exactDoubles(n) : new double[n];
        double[] smooth = (k > 1 && n >= k) ? RunningMedian.filter(detrended, k, out) : copy(detrended, out);
        return new StepProfile(n, smooth);
    }

    private static double[] copy(double[] from, double[] to) {
        System.arraycopy(from, 0, to, 0, from.length);
        return to;
    }

    /** Fraction (0..1) of the repeat's samples whose deviation exceeds {@code stepMv} (strictly); 0 for repeats under 3 samples. */
    public double fraction(double stepMv) {
        if (smooth.length == 0 || Double.isNaN(median) || Double.isNaN(stepMv)) {
            return 0.0;     // numpy: NaN deviations are never above the threshold
        }
        double m = median;
        long above = 0;
        for (double v : smooth) {
            above += Math.abs(v - m) > stepMv ? 1 : 0;
        }
        return (double) above / length;
    }

    /**
     * {@code of(detrended, sf).tail(maxFrac)} without keeping the smoothed samples past the call
     * (their array goes back to the thread's work arrays).
     */
    public static StepTail tailOf(double[] detrended, double sf, double maxFrac) {
        StepProfile p = of(detrended, sf, true);
        StepTail t = p.tail(maxFrac);
        Scratch.giveExact(p.smooth);
        return t;
    }

    /** The compact form that decides the step test for max step fractions up to {@code maxFrac}. */
    public StepTail tail(double maxFrac) {
        return StepTail.of(this, smooth, median, maxFrac);
    }

    /** Number of samples of the repeat. */
    public int length() {
        return length;
    }

    /** The largest deviation |smooth − median| in mV (NaN when undefined): steps at or above it never count. */
    public double maxDeviationMv() {
        return maxDeviation;
    }

    @Override
    public String toString() {
        return "StepProfile[length=" + length + ", maxDeviationMv=" + maxDeviationMv() + "]";
    }

    /** Equal when the lengths and the smoothed samples, as multisets, are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof StepProfile p && p.length == length
                && Arrays.equals(SortedValues.of(p.smooth), SortedValues.of(smooth));
    }

    @Override
    public int hashCode() {
        return 31 * length + Double.hashCode(median);
    }
}
