package org.ac1explorer.dsp;

import java.util.Arrays;

/**
 * The threshold-independent part of the step test for one detrended repeat (mV): the
 * repeat is smoothed by a running median of round(5 ms·sf/1000) samples (when at least that
 * long), and the profile keeps the sorted deviations |smooth − median(smooth)| in mV, where
 * the median is numpy's (mean of the two middle values for even counts). Any step threshold
 * is then answered by binary search. Immutable.
 */
public final class StepProfile {

    /** Length of the running median that smooths the repeat before the step test, in ms. */
    public static final double SMOOTH_MS = 5.0;

    private final int length;
    private final double[] deviations;  // ascending; NaN (if any) all at the end
    private final int finite;           // deviations that are not NaN

    private StepProfile(int length, double[] deviations) {
        this.length = length;
        this.deviations = deviations;
        int f = deviations.length;
        while (f > 0 && Double.isNaN(deviations[f - 1])) {
            f--;
        }
        this.finite = f;
    }

    /** The profile of a detrended repeat (mV) sampled at {@code sf} Hz; repeats shorter than 3 samples never step. */
    public static StepProfile of(double[] detrended, double sf) {
        int n = detrended.length;
        if (n < 3) {
            return new StepProfile(n, new double[0]);
        }
        int k = Math.max(1, Rounding.samples(SMOOTH_MS, sf));
        double[] smooth = (k > 1 && n >= k) ? RunningMedian.filter(detrended, k) : detrended;
        double[] sorted = SortedValues.of(smooth);
        double median = SortedValues.median(sorted);
        double[] dev = new double[n];
        for (int i = 0; i < n; i++) {
            dev[i] = Math.abs(sorted[i] - median);
        }
        return new StepProfile(n, SortedValues.of(dev));
    }

    /** Fraction (0..1) of the repeat's samples whose deviation exceeds {@code stepMv} (strictly); 0 for repeats under 3 samples. */
    public double fraction(double stepMv) {
        if (deviations.length == 0) {
            return 0.0;
        }
        // first index whose deviation is > stepMv; NaN deviations and a NaN threshold count as "not above"
        int lo = 0;
        int hi = finite;
        if (Double.isNaN(stepMv)) {
            lo = finite;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (deviations[mid] > stepMv) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return (double) (finite - lo) / length;
    }

    /** Number of samples of the repeat. */
    public int length() {
        return length;
    }

    /** The largest deviation in mV (NaN when undefined): steps above it are never exceeded. */
    public double maxDeviationMv() {
        return finite == 0 ? Double.NaN : deviations[finite - 1];
    }

    @Override
    public String toString() {
        return "StepProfile[length=" + length + ", maxDeviationMv=" + maxDeviationMv() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepProfile p && p.length == length && Arrays.equals(p.deviations, deviations);
    }

    @Override
    public int hashCode() {
        return 31 * length + Arrays.hashCode(deviations);
    }
}
