package org.ac1explorer.dsp;

/** Least-significant-digit radix sort of longs read as unsigned numbers, up to 12 bits a pass. */
final class LongRadix {

    /** Widest digit: 2^12 counters stay in the first-level cache. */
    private static final int MAX_DIGIT = 12;

    private LongRadix() {
    }

    /**
     * Sorts {@code a} ascending as unsigned values whose set bits all lie below {@code bits};
     * {@code tmp} is scratch of the same length. Passes whose digit is the same for every element
     * are skipped.
     */
    static void sortUnsigned(long[] a, long[] tmp, int bits) {
        int n = a.length;
        if (n < 2) {
            return;
        }
        int passes = (Math.max(1, bits) + MAX_DIGIT - 1) / MAX_DIGIT;
        int digit = (Math.max(1, bits) + passes - 1) / passes;
        int buckets = 1 << digit;
        int mask = buckets - 1;
        int[][] counts = new int[passes][buckets];
        for (long v : a) {
            for (int p = 0; p < passes; p++) {
                counts[p][(int) (v >>> (p * digit)) & mask]++;
            }
        }
        long[] src = a;
        long[] dst = tmp;
        for (int p = 0; p < passes; p++) {
            int[] c = counts[p];
            int shift = p * digit;
            if (c[(int) (src[0] >>> shift) & mask] == n) {
                continue;                       // one digit value: the pass would not move anything
            }
            int sum = 0;
            for (int b = 0; b < buckets; b++) {
                int k = c[b];
                c[b] = sum;
                sum += k;
            }
            for (int i = 0; i < n; i++) {
                long v = src[i];
                dst[c[(int) (v >>> shift) & mask]++] = v;
            }
            long[] t = src;
            src = dst;
            dst = t;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, n);
        }
    }
}
