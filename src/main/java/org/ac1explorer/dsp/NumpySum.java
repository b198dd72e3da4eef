package org.ac1explorer.dsp;

/**
 * numpy's pairwise summation of a contiguous float64 run (8 accumulators, blocks of 128), so
 * that sums, means and standard deviations match {@code np.sum}/{@code np.mean}/{@code np.std}
 * bit for bit rather than drifting by a few ulps.
 */
final class NumpySum {

    private static final int BLOCK = 128;

    private NumpySum() {
    }

    static double sum(double[] a) {
        return sum(a, 0, a.length);
    }

    /** Sum of {@code a[from .. from+n)} in numpy's order. */
    static double sum(double[] a, int from, int n) {
        // np.add.reduce starts from the identity 0.0, which turns a -0.0 total into +0.0
        return 0.0 + pairwise(a, from, n);
    }

    /** Population standard deviation, computed as {@code np.std}: sqrt(sum((x - mean)²) / n). */
    static double std(double[] a) {
        int n = a.length;
        double mean = sum(a, 0, n) / n;
        double[] sq = Scratch.doubles(n);
        try {
            for (int i = 0; i < n; i++) {
                double d = a[i] - mean;
                sq[i] = d * d;
            }
            return Math.sqrt(sum(sq, 0, n) / n);
        } finally {
            Scratch.give(sq);
        }
    }

    private static double pairwise(double[] a, int from, int n) {
        if (n < 8) {
            double res = -0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double r0 = a[from], r1 = a[from + 1], r2 = a[from + 2], r3 = a[from + 3];
            double r4 = a[from + 4], r5 = a[from + 5], r6 = a[from + 6], r7 = a[from + 7];
            int i = 8;
            int end = n - (n % 8);
            for (; i < end; i += 8) {
                int p = from + i;
                r0 += a[p];
                r1 += a[p + 1];
                r2 += a[p + 2];
                r3 += a[p + 3];
                r4 += a[p + 4];
                r5 += a[p + 5];
                r6 += a[p + 6];
                r7 += a[p + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, from, n2) + pairwise(a, from + n2, n - n2);
    }
}
