package org.ac1explorer.dsp;

import java.util.Arrays;

/**
 * The threshold-independent part of the step test for one detrended repeat (mV): the
 * repeat is smoothed by a running median of round(5 ms·sf/1000) samples (when at least that
 * long), and its deviations |smooth − median(smooth)| in mV are compared with the step
 * threshold, the median being numpy's (mean of the two middle values for even counts). The
 * profile keeps the smoothed samples sorted: the deviation, computed exactly as the reference
 * does, grows monotonically away from the median on either side, so any threshold is answered
 * by two binary searches. Immutable.
 */
public final class StepProfile {

    /** Length of the running median that smooths the repeat before the step test, in ms. */
    public static final double SMOOTH_MS = 5.0;

    private final int length;
    private final double[] sorted;      // the smoothed repeat, ascending (empty when length < 3)
    private final double median;        // NaN when any smoothed sample is NaN
    private final int split;            // first index with sorted[i] >= median

    private StepProfile(int length, double[] sorted) {
        this.length = length;
        this.sorted = sorted;
        this.median = SortedValues.median(sorted);
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < median) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        this.split = lo;
    }

    /** The profile of a detrended repeat (mV) sampled at {@code sf} Hz; repeats shorter than 3 samples never step. */
    public static StepProfile of(double[] detrended, double sf) {
        int n = detrended.length;
        if (n < 3) {
            return new StepProfile(n, new double[0]);
        }
        int k = Math.max(1, Rounding.samples(SMOOTH_MS, sf));
        double[] smooth = (k > 1 && n >= k) ? RunningMedian.filter(detrended, k) : detrended;
        return new StepProfile(n, SortedValues.of(smooth));
    }

    /** Fraction (0..1) of the repeat's samples whose deviation exceeds {@code stepMv} (strictly); 0 for repeats under 3 samples. */
    public double fraction(double stepMv) {
        if (sorted.length == 0 || Double.isNaN(median) || Double.isNaN(stepMv)) {
            return 0.0;     // numpy: NaN deviations are never above the threshold
        }
        // above the median: sorted[i] - median grows with i; count from the first that exceeds
        int lo = split;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Math.abs(sorted[mid] - median) > stepMv) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        long above = sorted.length - lo;
        // below the median: median - sorted[i] shrinks with i; count up to the last that exceeds
        lo = 0;
        hi = split;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Math.abs(sorted[mid] - median) > stepMv) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        long below = lo;
        return (double) (above + below) / length;
    }

    /** Number of samples of the repeat. */
    public int length() {
        return length;
    }

    /** The largest deviation |smooth − median| in mV (NaN when undefined): steps at or above it never count. */
    public double maxDeviationMv() {
        if (sorted.length == 0 || Double.isNaN(median)) {
            return Double.NaN;
        }
        return Math.max(Math.abs(sorted[0] - median), Math.abs(sorted[sorted.length - 1] - median));
    }

    @Override
    public String toString() {
        return "StepProfile[length=" + length + ", maxDeviationMv=" + maxDeviationMv() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepProfile p && p.length == length && Arrays.equals(p.sorted, sorted);
    }

    @Override
    public int hashCode() {
        return 31 * length + Arrays.hashCode(sorted);
    }
}
