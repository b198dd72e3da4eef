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
 * pointers separating the {@code size/2} smallest elements from the rest move at most one node
 * per step. Long traces are cut into independent runs of blocks computed in parallel; the result
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
     * into block b + 1. Ranks double as list nodes; node k is the sentinel, whose key is +∞.
     */
    private static final class Run {
        private final long[] ext;
        private final int k;
        private final int first;
        private final int last;
        private final int[] pos;
        private final long[] tmpKeys;
        private final int[] tmpPos;

        Run(long[] ext, int k, int first, int last) {
            this.ext = ext;
            this.k = k;
            this.first = first;
            this.last = last;
            pos = new int[k];
            tmpKeys = new long[k];
            tmpPos = new int[k];
        }

        /** Sorts block b into {@code key} (ascending, sentinel +∞ at k) and {@code rankOf} (rank of each position). */
        private void sortBlock(int b, long[] key, int[] rankOf) {
            System.arraycopy(ext, b * k, key, 0, k);
            for (int p = 0; p < k; p++) {
                pos[p] = p;
            }
            BlockSort.sort(key, 0, pos, tmpKeys, tmpPos, k);
            key[k] = Long.MAX_VALUE;
            for (int r = 0; r < k; r++) {
                rankOf[pos[r]] = r;
            }
        }

        void fill(double[] out, int n) {
            final int end = k;
            final int q = k / 2;        // rank of the median in a window
            long[] keyA = new long[k + 1];
            long[] keyB = new long[k + 1];
            int[] rankA = new int[k];
            int[] rankB = new int[k];
            int[] aNext = new int[k + 1];
            int[] aPrev = new int[k + 1];
            int[] bNext = new int[k + 1];
            int[] bPrev = new int[k + 1];
            sortBlock(first, keyA, rankA);
            linkAll(aNext, aPrev);
            // "small" nodes come before pa in A and before pb in B; every small key is at most
            // every large one, ties ranking A before B; s counts the small nodes
            int pa = q;
            int pb = end;
            int s = q;                  // q - 1, q or q + 1 after a slide
            for (int block = first; block < last; block++) {
                sortBlock(block + 1, keyB, rankB);
                linkAll(bNext, bPrev);
                for (int p = k - 1; p >= 0; p--) {
                    int r = rankB[p];
                    bNext[bPrev[r]] = bNext[r];
                    bPrev[bNext[r]] = bPrev[r];
                }
                int outBase = block * k;
                for (int t = 0; t <= k; t++) {
                    // the choices below are data-dependent coin flips: every load is made
                    // unconditionally so that they compile to conditional moves, not branches
                    if (t > 0) {
                        // A loses its element at position t-1 (end = k exceeds every rank)
                        int r = rankA[t - 1];
                        int rNext = aNext[r];
                        int rPrev = aPrev[r];
                        s -= r < pa ? 1 : 0;
                        pa = r == pa ? rNext : pa;
                        aNext[rPrev] = rNext;
                        aPrev[rNext] = rPrev;
                        // B regains its element at position t-1, in reverse order of removal
                        r = rankB[t - 1];
                        bNext[bPrev[r]] = r;
                        bPrev[bNext[r]] = r;
                        boolean beforePb = r < pb;
                        boolean belowPa = keyB[r] < keyA[pa];
                        s += beforePb & belowPa ? 1 : 0;
                        pb = beforePb & !belowPa ? r : pb;
                    }
                    if (t == k) {
                        break;      // the window is block B alone: it becomes the next A
                    }
                    int i = outBase + t;
                    if (i >= n) {
                        return;
                    }
                    // a slide moves s by at most one, so at most one node changes side:
                    // up, the smaller of the first large nodes; down, the larger of the last small ones
                    long kpa = keyA[pa];
                    long kpb = keyB[pb];
                    int na = aNext[pa];
                    int nb = bNext[pb];
                    int xa = aPrev[pa];
                    int xb = bPrev[pb];
                    long ka = keyA[xa];
                    long kb = keyB[xb];
                    ka = xa == end ? Long.MIN_VALUE : ka;
                    kb = xb == end ? Long.MIN_VALUE : kb;
                    boolean takeA = kpa <= kpb;
                    boolean giveA = ka > kb;
                    int paUp = takeA ? na : pa;
                    int pbUp = takeA ? pb : nb;
                    int paDown = giveA ? xa : pa;
                    int pbDown = giveA ? pb : xb;
                    boolean up = s < q;
                    boolean down = s > q;
                    pa = up ? paUp : (down ? paDown : pa);
                    pb = up ? pbUp : (down ? pbDown : pb);
                    s = q;
                    out[i] = SortKey.value(Math.min(keyA[pa], keyB[pb]));
                }
                pa = pb;
                pb = end;
                long[] tk = keyA;
                keyA = keyB;
                keyB = tk;
                int[] tr = rankA;
                rankA = rankB;
                rankB = tr;
                int[] tn = aNext;
                aNext = bNext;
                bNext = tn;
                int[] tp = aPrev;
                aPrev = bPrev;
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
