package org.ac1explorer.dsp;

/** Order statistics without sorting: expected O(n) selection on {@link SortKey} order keys. */
final class Quickselect {

    private Quickselect() {
    }

    /**
     * {@code np.median(x)}: NaN if x is empty or holds a NaN, else the middle value or the mean
     * of the two middle values; x is not modified.
     */
    static double numpyMedian(double[] x) {
        int n = x.length;
        if (n == 0) {
            return Double.NaN;
        }
        long[] keys = Scratch.longs(n);
        try {
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(x[i])) {
                    return Double.NaN;
                }
                keys[i] = SortKey.of(x[i]);
            }
            int h = n / 2;
            select(keys, 0, n - 1, h);
            double upper = SortKey.value(keys[h]);
            if ((n & 1) == 1) {
                return upper;
            }
            // after selecting rank h, keys[0, h) hold the h smallest: rank h-1 is their maximum
            long lowerKey = keys[0];
            for (int i = 1; i < h; i++) {
                lowerKey = Math.max(lowerKey, keys[i]);
            }
            return (SortKey.value(lowerKey) + upper) / 2.0;
        } finally {
            Scratch.give(keys);
        }
    }

    /** Rearranges {@code a[lo..hi]} so that a[k] is the element of rank k, smaller-or-equal ones before it, larger-or-equal after. */
    static void select(long[] a, int lo, int hi, int k) {
        while (hi > lo) {
            if (hi - lo < 16) {
                for (int i = lo + 1; i <= hi; i++) {
                    long v = a[i];
                    int j = i - 1;
                    while (j >= lo && a[j] > v) {
                        a[j + 1] = a[j];
                        j--;
                    }
                    a[j + 1] = v;
                }
                return;
            }
            // median of three as pivot, then Hoare partition
            int mid = (lo + hi) >>> 1;
            long x = a[lo];
            long y = a[mid];
            long z = a[hi];
            long pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            // now a[lo..j] <= pivot <= a[i..hi], and a[j+1..i-1] == pivot
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }
}
