package org.ac1explorer.dsp;

/**
 * The compact form of a {@link StepProfile} that a cohort keeps per repeat: the repeat's length
 * and only its largest deviations |smooth − median| (mV, descending), enough to decide the step
 * test exactly for every step threshold and for any max step fraction the tail
 * {@linkplain #covers covers}. Immutable.
 */
public final class StepTail {
    private final int length;
    /** The largest deviations, descending; all of them when {@link #complete}. */
    private final double[] top;
    /** Whether the profile is undefined (repeat under 3 samples, or a NaN median): it never steps. */
    private final boolean neverSteps;
    private final boolean complete;

    private StepTail(int length, double[] top, boolean neverSteps, boolean complete) {
        this.length = length;
        this.top = top;
        this.neverSteps = neverSteps;
        this.complete = complete;
    }

    /** Keeps what decides the step test for max step fractions up to {@code maxFrac} (0..1). */
    static StepTail of(StepProfile p, double[] smooth, double median, double maxFrac) {
        int n = p.length();
        if (smooth.length == 0 || Double.isNaN(median)) {
            return new StepTail(n, new double[0], true, true);
        }
        // a count c decides "frac > f" for every f < c / n: keep one more than the largest count that can pass
        long want = (long) Math.floor(Math.max(0.0, maxFrac) * n) + 2;
        int k = (int) Math.min(smooth.length, want);
        long[] keys = Scratch.longs(smooth.length);
        try {
            for (int i = 0; i < smooth.length; i++) {
                keys[i] = SortKey.of(Math.abs(smooth[i] - median));
            }
            // rank smooth.length - k and above are the k largest
            int from = smooth.length - k;
            if (k > 0 && from > 0) {
                Quickselect.select(keys, 0, smooth.length - 1, from);
            }
            double[] top = new double[k];
            for (int i = 0; i < k; i++) {
                top[i] = SortKey.value(keys[from + i]);
            }
            java.util.Arrays.sort(top);
            for (int i = 0, j = k - 1; i < j; i++, j--) {
                double t = top[i];
                top[i] = top[j];
                top[j] = t;
            }
            return new StepTail(n, top, false, k == smooth.length);
        } finally {
            Scratch.give(keys);
        }
    }

    /** Number of samples of the repeat. */
    public int length() {
        return length;
    }

    /** Whether {@link #steps} answers exactly for this max step fraction. */
    public boolean covers(double maxStepFrac) {
        return neverSteps || complete || (double) top.length / length > maxStepFrac;
    }

    /**
     * {@code StepProfile.fraction(stepMv) > maxStepFrac}, exactly, for a covered fraction: the
     * count of deviations above {@code stepMv} is exact while it is under the kept ones, and when
     * all kept ones are above, the fraction is at least top/length, which exceeds maxStepFrac.
     */
    public boolean steps(double stepMv, double maxStepFrac) {
        if (neverSteps || Double.isNaN(stepMv)) {
            return 0.0 > maxStepFrac;
        }
        int above = 0;
        while (above < top.length && top[above] > stepMv) {
            above++;
        }
        return (double) above / length > maxStepFrac;
    }
}
