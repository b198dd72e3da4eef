package org.ac1explorer.dsp;

/** Ascending copies of double arrays in {@link Double#compare} order (NaN last) and numpy's median of them. */
final class SortedValues {

    private SortedValues() {
    }

    /** A sorted copy of {@code x}: MSD radix sort of the order-preserving keys. */
    static double[] of(double[] x) {
        int n = x.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = SortKey.of(x[i]);
        }
        if (n > 1) {
            BlockSort.sortKeys(keys, new long[n]);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = SortKey.value(keys[i]);
        }
        return out;
    }

    /** {@code np.median} of sorted values: NaN if any is NaN, else the middle one or the mean of the two middle ones. */
    static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0 || Double.isNaN(sorted[n - 1])) {
            return Double.NaN;
        }
        if ((n & 1) == 1) {
            return sorted[n / 2];
        }
        return (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
