package org.ac1explorer.dsp;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Repeat gating of {@code ac1dsp.gate_repeats} on already detrended repeats (mV): per
 * repeat, the first failing test wins — range (empty, or max |x| not ≤ absMvMax), step
 * (fraction of samples beyond stepMv > maxStepFrac), xcorr (leave-one-out r < minXcorr).
 * Split into an expensive {@link #score} and a cheap {@link #decide} so that a threshold
 * change only re-decides.
 */
public final class RepeatGating {

    /** Added to the Pearson denominator, as in the reference. */
    private static final double PEARSON_EPS = 1e-12;

    private RepeatGating() {
    }

    /**
     * Scores every repeat: max |x|, step profile and, when there are at least 3 repeats and
     * none is empty, the leave-one-out r on the repeats cut to the shortest. Repeats are
     * scored in parallel; the result does not depend on it.
     */
    public static List<RepeatScores> score(List<double[]> detrended, double sf) {
        int r = detrended.size();
        double[][] xcorr = new double[1][];
        StepProfile[] steps = new StepProfile[r];
        // task r is the leave-one-out correlation; it runs beside the step profiles
        IntStream.rangeClosed(0, r).parallel().forEach(i -> {
            if (i == r) {
                xcorr[0] = leaveOneOutPearson(detrended);
            } else {
                steps[i] = StepProfile.of(detrended.get(i), sf);
            }
        });
        RepeatScores[] out = new RepeatScores[r];
        for (int i = 0; i < r; i++) {
            out[i] = new RepeatScores(maxAbs(detrended.get(i)), steps[i], xcorr[0][i]);
        }
        return List.of(out);
    }

    /** Applies the thresholds to the scores of all the repeats of one stimulus (all of them: R matters). */
    public static List<RepeatVerdict> decide(List<RepeatScores> scores, GatingThresholds t) {
        int r = scores.size();
        boolean noneEmpty = true;
        for (RepeatScores s : scores) {
            noneEmpty &= s.step().length() > 0;
        }
        boolean xcorrApplies = xcorrApplies(t, r, noneEmpty);
        List<RepeatVerdict> out = new ArrayList<>(r);
        for (RepeatScores s : scores) {
            double m = s.maxAbsMv();
            double rShown = xcorrApplies ? s.xcorr() : Double.NaN;
            boolean inRange = s.step().length() > 0 && m <= t.absMvMax();
            double frac = inRange ? s.step().fraction(t.stepMv()) : Double.NaN;
            GateReason reason = reason(inRange, inRange && frac > t.maxStepFrac(), xcorrApplies, s.xcorr(), t);
            out.add(new RepeatVerdict(reason, m, frac, rShown));
        }
        return List.copyOf(out);
    }

    /**
     * The reasons {@link #decide} gives, from the compact scores a cohort keeps: max |x| (mV),
     * step tails (which must {@linkplain StepTail#covers cover} t's max step fraction) and
     * leave-one-out r, one entry per repeat of one stimulus.
     */
    public static GateReason[] decide(double[] maxAbsMv, StepTail[] steps, double[] xcorr, GatingThresholds t) {
        int r = steps.length;
        boolean noneEmpty = true;
        for (StepTail s : steps) {
            noneEmpty &= s.length() > 0;
        }
        boolean xcorrApplies = xcorrApplies(t, r, noneEmpty);
        GateReason[] out = new GateReason[r];
        for (int i = 0; i < r; i++) {
            boolean inRange = steps[i].length() > 0 && maxAbsMv[i] <= t.absMvMax();
            out[i] = reason(inRange, inRange && steps[i].steps(t.stepMv(), t.maxStepFrac()), xcorrApplies, xcorr[i], t);
        }
        return out;
    }

    private static boolean xcorrApplies(GatingThresholds t, int repeats, boolean noneEmpty) {
        return t.minXcorr() > 0.0 && repeats >= 3 && noneEmpty;
    }

    /** The first failing test: range, then step, then xcorr (when it does not apply r counts as 1.0, so minXcorr > 1 still rejects). */
    private static GateReason reason(boolean inRange, boolean steps, boolean xcorrApplies, double xcorr, GatingThresholds t) {
        if (!inRange) {
            return GateReason.RANGE;
        }
        if (steps) {
            return GateReason.STEP;
        }
        double rEff = xcorrApplies ? xcorr : 1.0;
        return rEff < t.minXcorr() ? GateReason.XCORR : GateReason.KEPT;
    }

    /** {@code decide(score(detrended, sf), t)}. */
    public static List<RepeatVerdict> gate(List<double[]> detrended, double sf, GatingThresholds t) {
        return decide(score(detrended, sf), t);
    }

    /** Largest |x| ignoring NaN ({@code np.nanmax(np.abs(x))}); NaN when there is no such sample. */
    static double maxAbs(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                any = true;
                m = Math.max(m, Math.abs(v));
            }
        }
        return any ? m : Double.NaN;
    }

    /**
     * Pearson r of each repeat with the numpy median of the other repeats, on the repeats cut to
     * the shortest; all NaN when R &lt; 3 or a repeat is empty.
     */
    static double[] leaveOneOutPearson(List<double[]> repeats) {
        int r = repeats.size();
        int shortest = Integer.MAX_VALUE;
        for (double[] d : repeats) {
            shortest = Math.min(shortest, d.length);
        }
        if (r < 3 || shortest == 0) {
            return noPearson(r);
        }
        double[] rows = Scratch.doubles(Math.multiplyExact(r, shortest));
        try {
            for (int i = 0; i < r; i++) {
                System.arraycopy(repeats.get(i), 0, rows, i * shortest, shortest);
            }
            return leaveOneOutPearson(rows, r, shortest);
        } finally {
            Scratch.give(rows);
        }
    }

    /** NaN for each of {@code r} repeats: the leave-one-out r where it cannot be computed. */
    static double[] noPearson(int r) {
        double[] out = new double[r];
        java.util.Arrays.fill(out, Double.NaN);
        return out;
    }

    /**
     * {@link #leaveOneOutPearson(List)} of {@code r} ≥ 3 rows of {@code len} ≥ 1 samples stored one
     * after another in {@code rows} (row i from {@code i * len}; the array may be longer).
     */
    static double[] leaveOneOutPearson(double[] rows, int r, int len) {
        double[] out = new double[r];
        double[] refs = Scratch.doubles(Math.multiplyExact(r, len));
        try {
            // column chunks, then rows, in parallel: each value is computed alone, so the split changes nothing
            int chunks = Math.max(1, Math.min(4 * Runtime.getRuntime().availableProcessors(), len / LOO_CHUNK));
            IntStream.range(0, chunks).parallel().forEach(ch -> leaveOneOutMedians(rows, refs, r, len,
                    (int) ((long) ch * len / chunks), (int) ((long) (ch + 1) * len / chunks)));
            IntStream.range(0, r).parallel().forEach(i -> out[i] = pearson(rows, i * len, refs, i * len, len));
        } finally {
            Scratch.give(refs);
        }
        return out;
    }

    /** Fewest columns per parallel chunk of the leave-one-out medians. */
    private static final int LOO_CHUNK = 16_384;

    /** Columns handled together by {@link #leaveOneOutMedians}: independent work for the processor to overlap. */
    private static final int COLUMN_BLOCK = 128;

    /**
     * refs[i·len + c] = np.median of column c over every row but i (NaN if one of those is NaN), for
     * the columns {@code [from, to)}.
     * Each column is sorted once (a branch-free insertion network on order keys, run over a block
     * of columns at a time so that the columns' independent comparisons overlap); leaving out one
     * copy of x[i][c] then shifts the middle ranks by one exactly when x[i][c] is at or below
     * them, which picks each row's reference from the three middle values.
     */
    private static void leaveOneOutMedians(double[] rows, double[] refs, int r, int len, int from, int to) {
        int m = r - 1;                  // values left after leaving one out
        int h = m / 2;
        long nanKey = SortKey.of(Double.NaN);
        long[][] s = new long[r][COLUMN_BLOCK];
        long[][] own = new long[r][COLUMN_BLOCK];
        long[] v = new long[COLUMN_BLOCK];
        int[] nan = new int[COLUMN_BLOCK];
        for (int c0 = from; c0 < to; c0 += COLUMN_BLOCK) {
            int bl = Math.min(COLUMN_BLOCK, to - c0);
            for (int i = 0; i < r; i++) {
                long[] o = own[i];
                int at = i * len + c0;
                for (int c = 0; c < bl; c++) {
                    o[c] = SortKey.of(rows[at + c]);
                }
            }
            for (int i = 0; i < r; i++) {
                System.arraycopy(own[i], 0, v, 0, bl);
                for (int j = i; j > 0; j--) {
                    long[] a = s[j - 1];
                    long[] dst = s[j];
                    for (int c = 0; c < bl; c++) {
                        long av = a[c];
                        long vv = v[c];
                        dst[c] = Math.max(av, vv);
                        v[c] = Math.min(av, vv);
                    }
                }
                System.arraycopy(v, 0, s[0], 0, bl);
            }
            java.util.Arrays.fill(nan, 0, bl, 0);
            for (int j = 0; j < r; j++) {
                long[] sj = s[j];
                for (int c = 0; c < bl; c++) {
                    nan[c] += sj[c] == nanKey ? 1 : 0;
                }
            }
            for (int i = 0; i < r; i++) {
                long[] o = own[i];
                int at = i * len + c0;
                for (int c = 0; c < bl; c++) {
                    long x = o[c];
                    double value;
                    if ((m & 1) == 1) {
                        value = SortKey.value(x <= s[h][c] ? s[h + 1][c] : s[h][c]);
                    } else {
                        double lo = SortKey.value(x <= s[h - 1][c] ? s[h][c] : s[h - 1][c]);
                        double hi = SortKey.value(x <= s[h][c] ? s[h + 1][c] : s[h][c]);
                        value = (lo + hi) / 2.0;
                    }
                    refs[at + c] = nan[c] - (x == nanKey ? 1 : 0) > 0 ? Double.NaN : value;
                }
            }
        }
    }

    /** Pearson r of {@code x[xAt, xAt+len)} and {@code y[yAt, yAt+len)}, with the reference's ε in the denominator. */
    private static double pearson(double[] x, int xAt, double[] y, int yAt, int len) {
        double mx = NumpySum.sum(x, xAt, len) / len;
        double my = NumpySum.sum(y, yAt, len) / len;
        double sxy = 0.0;
        double sxx = 0.0;
        double syy = 0.0;
        for (int c = 0; c < len; c++) {
            double a = x[xAt + c] - mx;
            double b = y[yAt + c] - my;
            sxy += a * b;
            sxx += a * a;
            syy += b * b;
        }
        return sxy / (Math.sqrt(sxx) * Math.sqrt(syy) + PEARSON_EPS);
    }
}
