package org.ac1explorer.dsp;

import java.util.stream.IntStream;

/**
 * Running median as {@code scipy.ndimage.median_filter(x, size, mode='reflect')}: output i is
 * the element of rank {@code size/2} (0-based; the upper median for even sizes, no averaging)
 * of the input window {@code [i - size/2, i + size - 1 - size/2]}, the trace being extended by
 * half-sample reflection (repeated when the window is longer than the trace). Values keep the
 * input's unit (mV in, mV out). NaN sorts after every number and -0.0 before 0.0, as
 * {@link Double#compare}; the output is always one of the input values (a NaN output is the
 * canonical NaN).
 *
 * <p>Three exact algorithms, chosen by window size and data:
 * <ul>
 * <li>small windows ({@value #SMALL_MAX} samples or fewer): the window kept as a sorted array of
 * order keys; each step replaces the leaving key by the entering one with a short shift.
 * O(n·d), d the rank distance between the two (at most size).</li>
 * <li>larger windows over a quantised trace (integer ADC counts times a scale, few distinct
 * values), or any trace the binned path gives up on: the values are ranked once (exact bins, else
 * one radix sort); the window is a count per rank with a two-level occupancy bitmap, and a
 * pointer to the median rank moves at most one occupied rank per step, found with a bit scan.
 * O(n log n) for the ranking, then O(n) whatever the size.</li>
 * <li>larger windows otherwise: logarithmic bins around the mean, a sorted list per bin and the
 * same occupancy bitmaps, no global sort ({@link #binnedKeys}); a non-finite value or a crowded
 * bin sends the trace to the ranking path.</li>
 * </ul>
 */
public final class RunningMedian {

    /** Largest window handled by the sorted-array algorithm. */
    static final int SMALL_MAX = 8;

    private RunningMedian() {
    }

    /** How a running median is computed; every path gives the same result. */
    enum Path {
        /** Pick by window size and data. */
        AUTO,
        /** Sorted array of the window's keys. */
        SORTED_WINDOW,
        /** Counts over the exact bins of a quantised trace (else the sorting ranks). */
        QUANTISED,
        /** Linear bins with a list per bin (else the sorting ranks). */
        BINNED,
        /** Counts over ranks from a radix sort. */
        SORTED_RANKS
    }

    /** The running median of {@code x} over {@code size} samples; a copy when {@code size <= 1} or {@code x} is empty. */
    public static double[] filter(double[] x, int size) {
        return filter(x, size, Path.AUTO);
    }

    /** {@link #filter(double[], int)} written into {@code out} (at least as long as {@code x}), returned. */
    static double[] filter(double[] x, int size, double[] out) {
        return filter(x, size, Path.AUTO, out);
    }

    static double[] filter(double[] x, int size, Path path) {
        return filter(x, size, path, null);
    }

    private static double[] filter(double[] x, int size, Path path, double[] into) {
        int n = x.length;
        if (n == 0 || size <= 1) {
            if (into == null) {
                return x.clone();
            }
            System.arraycopy(x, 0, into, 0, n);
            return into;
        }
        if (path == Path.SORTED_WINDOW || (path == Path.AUTO && size <= SMALL_MAX)) {
            return sortedWindow(x, size, into);
        }
        Ranks r = path == Path.AUTO || path == Path.QUANTISED ? Ranks.quantised(x) : null;
        if (r == null && (path == Path.AUTO || path == Path.BINNED)) {
            long[] keys = binnedKeys(x, size, binsFor(n));
            if (keys != null) {
                double[] out = into != null ? into : new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = SortKey.value(keys[i]);
                }
                Scratch.give(keys);
                return out;
            }
        }
        if (r == null) {
            r = Ranks.sorted(x);
        }
        int[] med = medianRanks(r.rank, r.values.length, size);
        Scratch.giveExact(r.rank);
        double[] out = into != null ? into : new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.values[med[i]];
        }
        Scratch.give(med);
        return out;
    }

    /** Small windows: a sorted array of keys, one replacement per step. */
    static double[] sortedWindow(double[] x, int k) {
        return sortedWindow(x, k, null);
    }

    private static double[] sortedWindow(double[] x, int k, double[] into) {
        int n = x.length;
        if (n == 0 || k <= 1) {
            return x.clone();
        }
        int before = k / 2;
        int q = k / 2;
        long[] ext = extendedKeys(x, k);
        long[] w = new long[k];
        System.arraycopy(ext, 0, w, 0, k);
        java.util.Arrays.sort(w);
        double[] out = into != null ? into : new double[n];
        out[0] = SortKey.value(w[q]);
        for (int i = 1; i < n; i++) {
            long leave = ext[i - 1];
            long enter = ext[i - 1 + k];
            // branch-free counts: where the leaving key sits, where the entering one goes
            int p = 0;
            int e = 0;
            for (int j = 0; j < k; j++) {
                long v = w[j];
                p += v < leave ? 1 : 0;
                e += v < enter ? 1 : 0;
            }
            if (e > p) {
                System.arraycopy(w, p + 1, w, p, e - 1 - p);
                w[e - 1] = enter;
            } else {
                System.arraycopy(w, e, w, e + 1, p - e);
                w[e] = enter;
            }
            out[i] = SortKey.value(w[q]);
        }
        assert before == q;
        return out;
    }

    /** Keys of the reflected extension {@code [-size/2, n + size - 1 - size/2)}. */
    private static long[] extendedKeys(double[] x, int k) {
        int n = x.length;
        int before = k / 2;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = SortKey.of(x[i]);
        }
        long[] ext = new long[n + k - 1];
        for (int j = 0; j < ext.length; j++) {
            int src = j - before;
            ext[j] = keys[src >= 0 && src < n ? src : Reflection.index(src, n)];
        }
        return ext;
    }

    /**
     * Dense ranks of a trace's values: {@code values[rank[i]]} is x[i] (the canonical NaN for any
     * NaN), {@code values} ascending in {@link Double#compare} order and distinct. Rank numbers may
     * skip (a rank with no sample is allowed: it is never occupied), which lets quantised traces
     * be ranked without sorting.
     */
    static final class Ranks {
        /** Quantised ranking is tried only when the value range spans at most this many quanta per sample (and 2^16 at least). */
        private static final int QUANTA_PER_SAMPLE = 4;

        final int[] rank;
        final double[] values;

        private Ranks(int[] rank, double[] values) {
            this.rank = rank;
            this.values = values;
        }

        static Ranks of(double[] x) {
            Ranks q = quantised(x);
            return q != null ? q : sorted(x);
        }

        /**
         * Ranks by bin {@code rint((x - min) / quantum)}, the quantum being the smallest non-zero
         * step between neighbouring samples (for ADC counts times a scale, the scale): accepted
         * only if every bin holds one value and bin order is value order, so it is exact. Null when
         * the trace is not quantised that way (or holds NaN, infinities or both zeros).
         */
        static Ranks quantised(double[] x) {
            int n = x.length;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double quantum = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double v = x[i];
                min = Math.min(min, v);
                max = Math.max(max, v);
                if (i > 0) {
                    double d = Math.abs(v - x[i - 1]);
                    if (d > 0 && d < quantum) {
                        quantum = d;
                    }
                }
            }
            if (!(min >= -Double.MAX_VALUE && max <= Double.MAX_VALUE)) {
                return null;                    // NaN or an infinity
            }
            if (quantum == Double.POSITIVE_INFINITY) {
                quantum = 1.0;                  // constant trace
            }
            double span = (max - min) / quantum;
            long limit = Math.max(1L << 16, (long) QUANTA_PER_SAMPLE * n);
            if (!(span < limit)) {
                return null;
            }
            int bins = (int) Math.rint(span) + 1;
            long[] keyOf = new long[bins];
            java.util.Arrays.fill(keyOf, Long.MIN_VALUE);      // no double has this key
            int[] rank = Scratch.exactInts(n);
            for (int i = 0; i < n; i++) {
                int b = (int) Math.rint((x[i] - min) / quantum);
                if (b < 0 || b >= bins) {
                    return null;
                }
                long key = SortKey.of(x[i]);
                long seen = keyOf[b];
                if (seen != key) {
                    if (seen != Long.MIN_VALUE) {
                        return null;            // two values in one bin
                    }
                    keyOf[b] = key;
                }
                rank[i] = b;
            }
            double[] values = new double[bins];
            long last = Long.MIN_VALUE;
            for (int b = 0; b < bins; b++) {
                long key = keyOf[b];
                if (key != Long.MIN_VALUE) {
                    if (key <= last) {
                        return null;            // bins out of value order
                    }
                    last = key;
                    values[b] = SortKey.value(key);
                }
            }
            return new Ranks(rank, values);
        }

        /**
         * Ranks by one radix sort of packed longs: the high bits hold the value's float order
         * key (float rounding is monotone, so it never contradicts the double order), the low bits
         * the sample index; runs that share a float key are then put in order by the full key.
         */
        static Ranks sorted(double[] x) {
            int n = x.length;
            long[] keys = new long[n];
            int minF = Integer.MAX_VALUE;
            int maxF = Integer.MIN_VALUE;
            int[] fkeys = new int[n];
            for (int i = 0; i < n; i++) {
                keys[i] = SortKey.of(x[i]);
                int f = floatKey(x[i]);
                fkeys[i] = f;
                minF = Math.min(minF, f);
                maxF = Math.max(maxF, f);
            }
            int posBits = Math.max(1, 64 - Long.numberOfLeadingZeros(n - 1L));
            long range = (long) maxF - minF;
            int rangeBits = 64 - Long.numberOfLeadingZeros(range);
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) {
                packed[i] = (((long) fkeys[i] - minF) << posBits) | i;
            }
            LongRadix.sortUnsigned(packed, new long[n], rangeBits + posBits);
            long posMask = (1L << posBits) - 1;
            int[] rank = new int[n];
            long[] distinct = new long[n];
            int d = -1;
            long lastKey = 0;
            int i = 0;
            while (i < n) {
                long hi = packed[i] >>> posBits;
                int j = i + 1;
                while (j < n && packed[j] >>> posBits == hi) {
                    j++;
                }
                if (j - i > 1) {
                    sortRunByKey(packed, i, j, keys, posMask);
                }
                for (int t = i; t < j; t++) {
                    int p = (int) (packed[t] & posMask);
                    long k = keys[p];
                    if (d < 0 || k != lastKey) {
                        distinct[++d] = k;
                        lastKey = k;
                    }
                    rank[p] = d;
                }
                i = j;
            }
            double[] values = new double[d + 1];
            for (int v = 0; v <= d; v++) {
                values[v] = SortKey.value(distinct[v]);
            }
            return new Ranks(rank, values);
        }

        /** Order key of {@code (float) v} as a signed int (NaN last, -0 before +0). */
        private static int floatKey(double v) {
            int b = Float.floatToIntBits((float) v);
            return b ^ ((b >> 31) & Integer.MAX_VALUE);
        }

        /** Orders {@code packed[from, to)} by the full key of each entry's index (stable for equal keys is not needed). */
        private static void sortRunByKey(long[] packed, int from, int to, long[] keys, long posMask) {
            int len = to - from;
            if (len > 32) {
                long[] k = new long[len];
                int[] pos = new int[len];
                for (int a = 0; a < len; a++) {
                    pos[a] = (int) (packed[from + a] & posMask);
                    k[a] = keys[pos[a]];
                }
                BlockSort.sort(k, 0, pos, new long[len], new int[len], len);
                long hiBits = packed[from] & ~posMask;
                for (int a = 0; a < len; a++) {
                    packed[from + a] = hiBits | pos[a];
                }
                return;
            }
            for (int a = from + 1; a < to; a++) {
                long e = packed[a];
                long k = keys[(int) (e & posMask)];
                int b = a - 1;
                while (b >= from && keys[(int) (packed[b] & posMask)] > k) {
                    packed[b + 1] = packed[b];
                    b--;
                }
                packed[b + 1] = e;
            }
        }
    }

    /**
     * The median rank of every window over a ranked trace ({@code rank[i]} in {@code [0, distinct)}):
     * counts per rank, a bitmap of occupied ranks with a summary bitmap of non-empty words, and
     * {@code below} = the number of window elements ranked under the pointer {@code m}, kept so
     * that {@code below <= q < below + count[m]}.
     */
    static int[] medianRanks(int[] rank, int distinct, int k) {
        int n = rank.length;
        int before = k / 2;
        int extLen = n + k - 1;
        int[] ext = Scratch.ints(extLen);
        for (int j = 0; j < extLen; j++) {
            int src = j - before;
            ext[j] = rank[src >= 0 && src < n ? src : Reflection.index(src, n)];
        }
        int[] out = Scratch.ints(n);
        int runs = runsFor(n);
        if (runs == 1) {
            medianRanks(ext, distinct, k, 0, n, out);
        } else {
            IntStream.range(0, runs).parallel().forEach(r ->
                    medianRanks(ext, distinct, k, (int) ((long) r * n / runs), (int) ((long) (r + 1) * n / runs), out));
        }
        Scratch.give(ext);
        return out;
    }

    /** Outputs {@code [from, to)} of {@link #medianRanks(int[], int, int)}; windows start at extended position i. */
    private static void medianRanks(int[] ext, int distinct, int k, int from, int to, int[] out) {
        int q = k / 2;
        int words = (distinct + 63) >>> 6;
        int summaryWords = (words + 63) >>> 6;
        int[] count = Scratch.ints(distinct);
        long[] bits = Scratch.longs(words);
        long[] summary = Scratch.longs(summaryWords);
        java.util.Arrays.fill(count, 0, distinct, 0);
        java.util.Arrays.fill(bits, 0, Math.min(bits.length, words + 1), 0L);   // next() may read the word after the last
        java.util.Arrays.fill(summary, 0, summaryWords, 0L);
        try {
            medianRanksRun(ext, k, q, from, to, out, count, bits, summary);
        } finally {
            Scratch.give(count);
            Scratch.give(bits);
            Scratch.give(summary);
        }
    }

    private static void medianRanksRun(int[] ext, int k, int q, int from, int to, int[] out, int[] count, long[] bits,
                                       long[] summary) {
        for (int j = from; j < from + k; j++) {
            int r = ext[j];
            if (count[r]++ == 0) {
                occupy(bits, summary, r);
            }
        }
        int m = next(bits, summary, 0);
        int below = 0;
        while (below + count[m] <= q) {
            below += count[m];
            m = next(bits, summary, m + 1);
        }
        out[from] = m;
        for (int i = from + 1; i < to; i++) {
            int leave = ext[i - 1];
            int enter = ext[i - 1 + k];
            if (leave != enter) {
                if (--count[leave] == 0) {
                    vacate(bits, summary, leave);
                }
                if (count[enter]++ == 0) {
                    occupy(bits, summary, enter);
                }
                below += (enter < m ? 1 : 0) - (leave < m ? 1 : 0);
                // one element left and one entered: the median moves by at most one occupied rank
                if (below > q) {
                    m = prev(bits, summary, m - 1);
                    below -= count[m];
                } else if (below + count[m] <= q) {
                    below += count[m];
                    m = next(bits, summary, m + 1);
                }
            }
            out[i] = m;
        }
    }

    /**
     * Windows over values that are not quantised: values mapped to at most {@code bins} bins by
     * a monotone map (so bin order never contradicts value order), the window's samples kept in
     * a doubly-linked list per bin in key order, a count per bin and the occupancy bitmaps. The
     * median is the element of rank {@code q - below} in the pointer's bin, a short walk along its
     * list. Null when the values are not all finite or a bin gets crowded (more than
     * {@value #CROWDED} samples of a window in one bin): the caller then ranks by sorting.
     *
     * <p>The bins are logarithmic around the mean, so that a few large artifacts do not squeeze
     * the bulk of the samples into a handful of bins: the bin of x is the high bits of the float
     * order key of {@code x - mean}, with magnitudes more than 2^24 times below the largest one
     * merged into the two bins next to zero. Each step of that chain is monotone.
     */
    static long[] binnedKeys(double[] x, int k, int bins) {
        int n = x.length;
        int[] bin = logBins(x, bins);
        if (bin == null) {
            return null;
        }
        long[] out = Scratch.longs(n);
        int runs = runsFor(n);
        boolean ok;
        if (runs == 1) {
            ok = binnedRun(x, bin, k, bins, 0, n, out);
        } else {
            ok = IntStream.range(0, runs).parallel().mapToObj(r -> binnedRun(x, bin, k, bins,
                    (int) ((long) r * n / runs), (int) ((long) (r + 1) * n / runs), out)).reduce(true, Boolean::logicalAnd);
        }
        Scratch.give(bin);
        if (!ok) {
            Scratch.give(out);
            return null;
        }
        return out;
    }

    /** Outputs {@code [from, to)} of {@link #binnedKeys}; false when a bin got crowded. */
    private static boolean binnedRun(double[] x, int[] bin, int k, int bins, int from, int to, long[] out) {
        int n = x.length;
        int before = k / 2;
        int q = k / 2;
        int words = (bins + 63) >>> 6;
        int summaryWords = (words + 63) >>> 6;
        int[] count = Scratch.ints(bins);
        int[] head = Scratch.ints(bins);
        long[] bits = Scratch.longs(words);
        long[] summary = Scratch.longs(summaryWords);
        // node t holds the window sample at extended position j with j % k == t: its key and bin
        long[] nodeKey = Scratch.longs(k);
        int[] nodeBin = Scratch.ints(k);
        int[] next = Scratch.ints(k);
        int[] prev = Scratch.ints(k);
        java.util.Arrays.fill(count, 0, bins, 0);
        java.util.Arrays.fill(head, 0, bins, -1);
        java.util.Arrays.fill(bits, 0, Math.min(bits.length, words + 1), 0L);   // next() may read the word after the last
        java.util.Arrays.fill(summary, 0, summaryWords, 0L);
        try {
            return binnedRun(x, bin, k, from, to, out, count, head, bits, summary, nodeKey, nodeBin, next, prev);
        } finally {
            Scratch.give(count);
            Scratch.give(head);
            Scratch.give(bits);
            Scratch.give(summary);
            Scratch.give(nodeKey);
            Scratch.give(nodeBin);
            Scratch.give(next);
            Scratch.give(prev);
        }
    }

    /** {@link #binnedRun(double[], int[], int, int, int, int, long[])} on cleared work arrays. */
    private static boolean binnedRun(double[] x, int[] bin, int k, int from, int to, long[] out, int[] count, int[] head,
                                     long[] bits, long[] summary, long[] nodeKey, int[] nodeBin, int[] next, int[] prev) {
        int n = x.length;
        int before = k / 2;
        int q = k / 2;
        for (int j = 0; j < k; j++) {
            int src = from + j - before;
            src = src >= 0 && src < n ? src : Reflection.index(src, n);
            int b = bin[src];
            nodeKey[j] = SortKey.of(x[src]);
            nodeBin[j] = b;
            if (++count[b] > CROWDED) {
                return false;
            }
            link(j, b, head, next, prev, nodeKey);
            if (count[b] == 1) {
                occupy(bits, summary, b);
            }
        }
        int m = next(bits, summary, 0);
        int below = 0;
        while (below + count[m] <= q) {
            below += count[m];
            m = next(bits, summary, m + 1);
        }
        out[from] = nodeKey[nth(head[m], q - below, next)];
        int t = 0;                              // (i - 1 - from) % k
        for (int i = from + 1; i < to; i++) {
            int enterSrc = i - 1 + k - before;
            enterSrc = enterSrc < n ? enterSrc : Reflection.index(enterSrc, n);
            int leave = nodeBin[t];
            int enter = bin[enterSrc];
            long enterKey = SortKey.of(x[enterSrc]);
            if (leave == enter) {
                if (nodeKey[t] != enterKey && count[leave] > 1) {
                    unlink(t, leave, head, next, prev);
                    nodeKey[t] = enterKey;
                    link(t, enter, head, next, prev, nodeKey);
                } else {
                    nodeKey[t] = enterKey;
                }
            } else {
                nodeBin[t] = enter;
                nodeKey[t] = enterKey;
                unlink(t, leave, head, next, prev);
                link(t, enter, head, next, prev, nodeKey);
                if (--count[leave] == 0) {
                    vacate(bits, summary, leave);
                }
                if (count[enter]++ == 0) {
                    occupy(bits, summary, enter);
                } else if (count[enter] > CROWDED) {
                    return false;
                }
                below += (enter < m ? 1 : 0) - (leave < m ? 1 : 0);
                if (below > q) {
                    m = prev(bits, summary, m - 1);
                    below -= count[m];
                } else if (below + count[m] <= q) {
                    below += count[m];
                    m = next(bits, summary, m + 1);
                }
            }
            int c = count[m];
            out[i] = nodeKey[c == 1 ? head[m] : nth(head[m], q - below, next)];
            t = t + 1 == k ? 0 : t + 1;
        }
        return true;
    }

    /** Octaves of magnitude kept apart below the largest |x - mean|; smaller ones share the bins next to zero. */
    private static final int LOG_BIN_OCTAVES = 24;

    /** The monotone log bins of {@link #binnedKeys}, each in {@code [0, bins)}; null if a value is not finite. */
    static int[] logBins(double[] x, int bins) {
        int n = x.length;
        double sum = 0.0;
        for (double v : x) {
            sum += v;
        }
        if (!Double.isFinite(sum)) {
            return null;                        // NaN, an infinity, or values too large to centre
        }
        double centre = sum / n;
        int[] bin = Scratch.ints(n);
        int maxMag = 0;
        for (int i = 0; i < n; i++) {
            int mag = Float.floatToIntBits((float) Math.abs(x[i] - centre));
            maxMag = Math.max(maxMag, mag);
        }
        int tiny = Math.max(0, maxMag - (LOG_BIN_OCTAVES << 23));
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            int b = Float.floatToIntBits((float) (x[i] - centre));
            int mag = b & Integer.MAX_VALUE;
            int kept = Math.max(0, mag - tiny);
            int key = b < 0 ? -kept - 1 : kept;     // -0 and merged negatives at -1, below +0 and merged positives at 0
            bin[i] = key;
            min = Math.min(min, key);
        }
        long range = (long) (maxMag - tiny) - min;
        int bits = 64 - Long.numberOfLeadingZeros(range);
        int shift = Math.max(0, bits - Integer.numberOfTrailingZeros(bins));
        for (int i = 0; i < n; i++) {
            bin[i] = (int) (((long) bin[i] - min) >>> shift);
        }
        return bin;
    }

    /** Traces at least this long are cut into runs of windows computed in parallel (each run starts its own window). */
    private static final int PARALLEL_MIN = 65_536;

    /** Tests set this to force a number of runs (0: by trace length and processors). */
    static volatile int forcedRuns;

    private static int runsFor(int n) {
        int forced = forcedRuns;
        if (forced > 0) {
            return Math.max(1, Math.min(forced, n));
        }
        return n < PARALLEL_MIN ? 1 : Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n / (PARALLEL_MIN / 2)));
    }

    /** A bin holding more window samples than this sends the trace to the sorting path. */
    static final int CROWDED = 48;
    /** Bins of the binned path: a power of two, at most about one per sample. */
    static int binsFor(int n) {
        return Math.max(64, Math.min(BINS_MAX, Integer.highestOneBit(Math.max(1, n - 1)) << 1));
    }

    /** Most bins of the binned path (their counters and list heads stay in the second-level cache). */
    private static final int BINS_MAX = 1 << 16;

    /** Inserts node t into bin b's list, which is kept in ascending key order. */
    private static void link(int t, int b, int[] head, int[] next, int[] prev, long[] nodeKey) {
        long key = nodeKey[t];
        int before = -1;
        int at = head[b];
        while (at >= 0 && nodeKey[at] < key) {
            before = at;
            at = next[at];
        }
        next[t] = at;
        prev[t] = before;
        if (at >= 0) {
            prev[at] = t;
        }
        if (before >= 0) {
            next[before] = t;
        } else {
            head[b] = t;
        }
    }

    private static void unlink(int t, int b, int[] head, int[] next, int[] prev) {
        int p = prev[t];
        int nx = next[t];
        if (p >= 0) {
            next[p] = nx;
        } else {
            head[b] = nx;
        }
        if (nx >= 0) {
            prev[nx] = p;
        }
    }

    /** The node {@code r} steps after {@code node} in its (sorted) bin list. */
    private static int nth(int node, int r, int[] next) {
        for (int i = 0; i < r; i++) {
            node = next[node];
        }
        return node;
    }

    /** Marks rank r occupied in the two-level bitmap (bits: one per rank; summary: one per non-empty word). */
    private static void occupy(long[] bits, long[] summary, int r) {
        int w = r >>> 6;
        summary[w >>> 6] |= 1L << w;
        bits[w] |= 1L << r;
    }

    /** Marks rank r free in the two-level bitmap. */
    private static void vacate(long[] bits, long[] summary, int r) {
        int w = r >>> 6;
        long b = bits[w] & ~(1L << r);
        bits[w] = b;
        if (b == 0) {
            summary[w >>> 6] &= ~(1L << w);
        }
    }

    /** Smallest occupied rank at or above {@code from} (one must exist). */
    private static int next(long[] bits, long[] summary, int from) {
        int w = from >>> 6;
        if (w < bits.length) {
            long word = bits[w] & (-1L << from);
            if (word != 0) {
                return (w << 6) | Long.numberOfTrailingZeros(word);
            }
        }
        int w1 = w + 1;
        int sw = w1 >>> 6;
        long s = summary[sw] & (-1L << w1);
        while (s == 0) {
            s = summary[++sw];
        }
        w = (sw << 6) | Long.numberOfTrailingZeros(s);
        return (w << 6) | Long.numberOfTrailingZeros(bits[w]);
    }

    /** Largest occupied rank at or below {@code from} (one must exist). */
    private static int prev(long[] bits, long[] summary, int from) {
        int w = from >>> 6;
        long word = bits[w] & (-1L >>> (63 - (from & 63)));
        if (word != 0) {
            return (w << 6) | (63 - Long.numberOfLeadingZeros(word));
        }
        int w1 = w - 1;
        int sw = w1 >>> 6;
        long s = summary[sw] & (-1L >>> (63 - (w1 & 63)));
        while (s == 0) {
            s = summary[--sw];
        }
        w = (sw << 6) | (63 - Long.numberOfLeadingZeros(s));
        return (w << 6) | (63 - Long.numberOfLeadingZeros(bits[w]));
    }
}
