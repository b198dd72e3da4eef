package org.ac1explorer.dsp;

import java.util.stream.IntStream;

/**
 * Running median as {@code scipy.ndimage.median_filter(x, size, mode='reflect')}: output i is
 * the element of rank {@code size/2} (0-based; the upper median for even sizes, no averaging)
 * of the input window {@code [i - size/2, i + size - 1 - size/2]}, the trace being extended by
 * half-sample reflection (repeated when the window is longer than the trace). Values keep the
 * input's unit (mV in, mV out). NaN sorts after every number, as {@link Double#compare}.
 *
 * <p>O(n log size) and exact: Suomela's block algorithm ("Median filtering is equivalent to
 * sorting", 2014). The extended trace is cut into blocks of {@code size} samples, each sorted
 * once; a window spans the tail of block A and the head of block B, kept as two sorted
 * doubly-linked lists (A loses an element per step, B regains one by dancing links), and two
 * pointers separating the {@code size/2} smallest elements from the rest move a few nodes per
 * step. Long traces are cut into independent runs of blocks computed in parallel; the result
 * does not depend on the split.
 */
public final class RunningMedian {

    /** Outputs per parallel run: below this, forking costs more than it saves. */
    private static final int PARALLEL_RUN = 32_768;

    private RunningMedian() {
    }

    /** The running median of {@code x} over {@code size} samples; a copy when {@code size <= 1} or {@code x} is empty. */
    public static double[] filter(double[] x, int size) {
        int runs = Math.min(Runtime.getRuntime().availableProcessors(), x.length / PARALLEL_RUN);
        return filter(x, size, runs);
    }

    /** The same, its blocks split into (at most) {@code runs} parallel runs. */
    static double[] filter(double[] x, int size, int runs) {
        int n = x.length;
        if (n == 0 || size <= 1) {
            return x.clone();
        }
        int k = size;
        int before = k / 2;
        int extLen = n + k - 1;
        int outBlocks = (n + k - 1) / k;
        long[] ext = new long[(outBlocks + 1) * k];
        for (int j = 0; j < ext.length; j++) {
            // padding after the extended trace never enters a window
            ext[j] = j < extLen ? SortKey.of(x[reflect(j - before, n)]) : Long.MAX_VALUE;
        }
        double[] out = new double[n];
        int per = (outBlocks + Math.max(1, runs) - 1) / Math.max(1, runs);
        int count = (outBlocks + per - 1) / per;
        if (count == 1) {
            new Run(ext, k, 0, outBlocks).fill(out, n);
        } else {
            IntStream.range(0, count).parallel().forEach(r ->
                    new Run(ext, k, r * per, Math.min(outBlocks, (r + 1) * per)).fill(out, n));
        }
        return out;
    }

    private static int reflect(int j, int n) {
        return j >= 0 && j < n ? j : Reflection.index(j, n);
    }

    /**
     * The outputs of blocks {@code [first, last)}: block b holds extended samples
     * {@code [b·k, b·k + k)} and yields outputs {@code b·k … b·k + k - 1}, whose windows reach
     * into block b + 1.
     */
    private static final class Run {
        private final int k;
        private final int first;
        private final int last;
        private final long[] sorted;    // per local block, its keys ascending
        private final int[] rankOf;     // per local block, rank of the element at each position

        Run(long[] ext, int k, int first, int last) {
            this.k = k;
            this.first = first;
            this.last = last;
            int blocks = last - first + 1;
            sorted = new long[blocks * k];
            rankOf = new int[blocks * k];
            int[] pos = new int[k];
            long[] tmpKeys = new long[k];
            int[] tmpPos = new int[k];
            for (int b = 0; b < blocks; b++) {
                int base = b * k;
                System.arraycopy(ext, (first + b) * k, sorted, base, k);
                for (int p = 0; p < k; p++) {
                    pos[p] = p;
                }
                BlockSort.sort(sorted, base, pos, tmpKeys, tmpPos, k);
                for (int r = 0; r < k; r++) {
                    rankOf[base + pos[r]] = r;
                }
            }
        }

        void fill(double[] out, int n) {
            final int end = k;          // list sentinel, also the pointer "past the last node"
            final int q = k / 2;        // rank of the median in a window
            int[] aNext = new int[k + 1];
            int[] aPrev = new int[k + 1];
            int[] bNext = new int[k + 1];
            int[] bPrev = new int[k + 1];
            linkAll(aNext, aPrev);
            int pa = q;                 // first "large" node of A (or end)
            int pb = end;               // first "large" node of B (or end)
            int s = q;                  // number of "small" nodes in A and B together
            for (int blockA = 0; blockA < last - first; blockA++) {
                int baseA = blockA * k;
                int baseB = baseA + k;
                int outBase = (first + blockA) * k;
                linkAll(bNext, bPrev);
                for (int p = k - 1; p >= 0; p--) {
                    int r = rankOf[baseB + p];
                    bNext[bPrev[r]] = bNext[r];
                    bPrev[bNext[r]] = bPrev[r];
                }
                for (int t = 0; t <= k; t++) {
                    if (t > 0) {
                        // A loses its element at position t-1
                        int r = rankOf[baseA + t - 1];
                        if (r == pa) {
                            pa = aNext[r];
                        } else if (pa == end || r < pa) {
                            s--;
                        }
                        aNext[aPrev[r]] = aNext[r];
                        aPrev[aNext[r]] = aPrev[r];
                        // B regains its element at position t-1 (reverse order of removal)
                        r = rankOf[baseB + t - 1];
                        bNext[bPrev[r]] = r;
                        bPrev[bNext[r]] = r;
                        if (pb == end || r < pb) {
                            // ties rank A before B
                            if (pa == end || sorted[baseB + r] < sorted[baseA + pa]) {
                                s++;
                            } else {
                                pb = r;
                            }
                        }
                    }
                    int i = outBase + t;
                    if (t == k) {
                        break;      // the window is block B alone: it becomes the next A
                    }
                    if (i >= n) {
                        return;
                    }
                    while (s < q) {
                        if (pb == end || (pa != end && sorted[baseA + pa] <= sorted[baseB + pb])) {
                            pa = aNext[pa];
                        } else {
                            pb = bNext[pb];
                        }
                        s++;
                    }
                    while (s > q) {
                        int xa = aPrev[pa];
                        int xb = bPrev[pb];
                        // the larger of the two predecessors leaves the small set
                        if (xb == end || (xa != end && sorted[baseA + xa] > sorted[baseB + xb])) {
                            pa = xa;
                        } else {
                            pb = xb;
                        }
                        s--;
                    }
                    long m;
                    if (pb == end || (pa != end && sorted[baseA + pa] <= sorted[baseB + pb])) {
                        m = sorted[baseA + pa];
                    } else {
                        m = sorted[baseB + pb];
                    }
                    out[i] = SortKey.value(m);
                }
                pa = pb;
                pb = end;
                int[] tn = aNext;
                int[] tp = aPrev;
                aNext = bNext;
                aPrev = bPrev;
                bNext = tn;
                bPrev = tp;
            }
        }

        private void linkAll(int[] next, int[] prev) {
            for (int r = 0; r < k; r++) {
                next[r] = r + 1;
                prev[r] = r - 1;
            }
            prev[0] = k;
            next[k] = 0;
            prev[k] = k - 1;
        }
    }
}
