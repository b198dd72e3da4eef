package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RunningMedianTest {

    @Test
    void oddSizeReflectsHalfSampleAtTheEdges() {
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, RunningMedian.filter(new double[] {1, 2, 3, 4, 5}, 3));
        // window [i-1, i+1] over 9 | 9 0 9 0 | 0
        assertArrayEquals(new double[] {9, 9, 0, 0}, RunningMedian.filter(new double[] {9, 0, 9, 0}, 3));
    }

    @Test
    void runningMedianUsesUpperMedianForEvenSize() {
        // size 2: window [i-1, i], rank 1 of 2 (the larger)
        assertArrayEquals(new double[] {3, 3, 4, 4, 5}, RunningMedian.filter(new double[] {3, 1, 4, 1, 5}, 2));
        // size 4: window [i-2, i+1], rank 2 of 4; extension 1 5 | 5 1 4 2 3 | 3
        assertArrayEquals(new double[] {5, 5, 4, 3, 3}, RunningMedian.filter(new double[] {5, 1, 4, 2, 3}, 4));
    }

    @Test
    void windowLongerThanTraceRepeatsTheReflection() {
        // size 5 over [1, 2]: extension 2 1 | 1 2 | 2 1
        assertArrayEquals(new double[] {2, 1}, RunningMedian.filter(new double[] {1, 2}, 5));
        assertArrayEquals(new double[] {7}, RunningMedian.filter(new double[] {7}, 1000));
    }

    @Test
    void sizeOneOrLessAndEmptyInputGiveACopy() {
        double[] x = {3, 1, 2};
        double[] y = RunningMedian.filter(x, 1);
        assertArrayEquals(x, y);
        assertNotSame(x, y);
        assertArrayEquals(x, RunningMedian.filter(x, 0));
        assertArrayEquals(new double[0], RunningMedian.filter(new double[0], 5));
    }

    @Test
    void nanSortsAfterEveryNumberAndNeverThrows() {
        assertArrayEquals(new double[] {1, 3, 3}, RunningMedian.filter(new double[] {1, Double.NaN, 3}, 3));
        double[] allNan = {Double.NaN, Double.NaN, Double.NaN};
        assertArrayEquals(allNan, RunningMedian.filter(allNan, 2));
    }

    @Test
    void inputIsNotModified() {
        double[] x = {5, 1, 4, 2, 3};
        RunningMedian.filter(x, 4);
        assertArrayEquals(new double[] {5, 1, 4, 2, 3}, x);
    }

    @Test
    void matchesReferenceExactlyOnRandomTiedQuantisedAndNanTraces() {
        ReferenceFile ref = ReferenceFile.load("filters.mat");
        int count = ref.integer("med_count");
        for (int i = 0; i < count; i++) {
            double[] x = ref.values("med" + i + "_x");
            int k = ref.integer("med" + i + "_k");
            Approx.assertSame(ref.values("med" + i + "_y"), RunningMedian.filter(x, k), "case " + i + " n=" + x.length + " k=" + k);
        }
    }

    @Test
    void matchesTheDefinitionOnLongTiedTracesWithEitherAlgorithm() {
        Random rnd = new Random(7);
        for (int[] nk : new int[][] {{70_001, 2}, {70_001, 51}, {100_000, 1000}, {65_536, 1001}, {40_000, 4096}, {3000, 2999}}) {
            int n = nk[0];
            int k = nk[1];
            double[] x = new double[n];
            double v = -65;
            for (int i = 0; i < n; i++) {
                v += rnd.nextGaussian() * 0.2;
                // a coarse quantum makes many ties, as integer ADC traces do
                x[i] = Math.rint((v + rnd.nextGaussian()) / 0.25) * 0.25;
            }
            double[] expected = slidingSortedWindow(x, k);
            for (RunningMedian.Path path : RunningMedian.Path.values()) {
                if (path != RunningMedian.Path.SORTED_WINDOW || k <= 1000) {
                    assertArrayEquals(expected, RunningMedian.filter(x, k, path), path + " n=" + n + " k=" + k);
                }
            }
        }
    }

    @Test
    void bothAlgorithmsMatchTheBruteForceDefinitionOnRandomTracesWithTiesNanAndSignedZeros() {
        Random rnd = new Random(11);
        double[] pool = {-0.0, 0.0, 1.5, -2.25, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int trial = 0; trial < 600; trial++) {
            int n = 1 + rnd.nextInt(trial < 300 ? 12 : 400);
            int k = 1 + rnd.nextInt(trial % 3 == 0 ? 2 * n + 3 : Math.min(200, n + 5));
            int style = trial % 4;
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = switch (style) {
                    case 0 -> rnd.nextGaussian();                              // all distinct
                    case 1 -> rnd.nextInt(5) - 2;                               // heavy ties
                    case 2 -> pool[rnd.nextInt(pool.length)];                   // NaN, +-0, +-inf
                    default -> rnd.nextDouble() < 0.1 ? Double.NaN : Math.rint(rnd.nextGaussian() * 8) / 4;
                };
            }
            double[] expected = bruteForce(x, k);
            String what = "trial " + trial + " n=" + n + " k=" + k + " x=" + Arrays.toString(x);
            for (RunningMedian.Path path : RunningMedian.Path.values()) {
                assertBitsEqual(expected, RunningMedian.filter(x, k, path), path + " " + what);
            }
        }
    }

    @Test
    void binnedAndRankedWindowsCrossSparseBitmapWordsAndSummaries() {
        // all-distinct values spread over far more ranks than the window holds: the median pointer
        // has to skip many empty bitmap words (and summary words) per step
        Random rnd = new Random(3);
        for (int k : new int[] {65, 100, 257}) {
            double[] x = new double[300_000];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextDouble() * (i % 5000 < 2500 ? 1 : 1000);
            }
            double[] expected = slidingSortedWindow(x, k);
            assertArrayEquals(expected, RunningMedian.filter(x, k, RunningMedian.Path.BINNED), "binned k=" + k);
            assertArrayEquals(expected, RunningMedian.filter(x, k, RunningMedian.Path.SORTED_RANKS), "ranks k=" + k);
        }
    }

    @Test
    void quantisedTracesAreRankedByTheirQuantumExactly() {
        Random rnd = new Random(5);
        for (double scale : new double[] {0.0109375, 0.00273, -0.0123, 1.0 / 3.0}) {
            double[] x = new double[50_000];
            int c = 0;
            for (int i = 0; i < x.length; i++) {
                c = Math.max(-32768, Math.min(32767, c + (int) Math.rint(rnd.nextGaussian() * 40)));
                x[i] = c * scale;
            }
            assertNotNull(RunningMedian.Ranks.quantised(x), "scale " + scale);
            assertArrayEquals(slidingSortedWindow(x, 1000), RunningMedian.filter(x, 1000, RunningMedian.Path.QUANTISED), "scale " + scale);
        }
        // any exact bin map is accepted, quantum or not
        RunningMedian.Ranks r = RunningMedian.Ranks.quantised(new double[] {0.1, 0.2000001, 0.35, 7});
        assertArrayEquals(new double[] {0.1, 0.2000001, 0.35, 7}, new double[] {r.values[r.rank[0]], r.values[r.rank[1]],
                r.values[r.rank[2]], r.values[r.rank[3]]});
        // refused: continuous noise (far more quanta than samples), NaN
        double[] noise = new double[100_000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = rnd.nextGaussian();
        }
        assertNull(RunningMedian.Ranks.quantised(noise));
        assertNull(RunningMedian.Ranks.quantised(new double[] {0, 1, 2, Double.NaN}));
    }

    @Test
    void crowdedBinsFallBackToTheSortingRanks() {
        // one huge outlier squeezes every other value into the first linear bin
        Random rnd = new Random(9);
        double[] x = new double[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
        }
        x[2500] = 1e12;
        assertNull(RunningMedian.binnedKeys(x, 200, 1024));
        assertArrayEquals(slidingSortedWindow(x, 200), RunningMedian.filter(x, 200, RunningMedian.Path.BINNED));
    }

    @Test
    void splittingIntoParallelRunsDoesNotChangeTheResult() {
        Random rnd = new Random(31);
        double[] quantised = new double[30_001];
        double[] continuous = new double[30_001];
        double v = 0;
        for (int i = 0; i < quantised.length; i++) {
            v += rnd.nextGaussian();
            quantised[i] = Math.rint(v + 3 * rnd.nextGaussian()) * 0.0123;
            continuous[i] = Math.sin(i / 500.0) + rnd.nextGaussian() * 0.1;
        }
        try {
            for (int runs : new int[] {2, 3, 7}) {
                RunningMedian.forcedRuns = runs;
                for (int k : new int[] {17, 50, 1000}) {
                    assertArrayEquals(slidingSortedWindow(quantised, k), RunningMedian.filter(quantised, k), "quantised runs=" + runs + " k=" + k);
                    assertArrayEquals(slidingSortedWindow(continuous, k), RunningMedian.filter(continuous, k), "binned runs=" + runs + " k=" + k);
                    assertArrayEquals(slidingSortedWindow(continuous, k), RunningMedian.filter(continuous, k, RunningMedian.Path.SORTED_RANKS),
                            "ranks runs=" + runs + " k=" + k);
                }
            }
        } finally {
            RunningMedian.forcedRuns = 0;
        }
    }

    /** O(n·k log k): every window sorted by {@link Double#compare}, the element of rank k/2. */
    static double[] bruteForce(double[] x, int k) {
        int n = x.length;
        if (k <= 1) {
            return x.clone();
        }
        double[] out = new double[n];
        double[] w = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                w[j] = x[Reflection.index((long) i - k / 2 + j, n)];
            }
            Arrays.sort(w);
            out[i] = w[k / 2];
        }
        return out;
    }

    /** Equal bit for bit (NaN compared as the canonical NaN, -0.0 apart from 0.0). */
    private static void assertBitsEqual(double[] expected, double[] actual, String what) {
        long[] e = new long[expected.length];
        long[] a = new long[actual.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Double.doubleToLongBits(expected[i]);
        }
        for (int i = 0; i < a.length; i++) {
            a[i] = Double.doubleToLongBits(actual[i]);
        }
        assertArrayEquals(e, a, what);
    }

    /** The definition: a sorted copy of each window of the reflected extension, kept by binary search. */
    static double[] slidingSortedWindow(double[] x, int k) {
        int n = x.length;
        double[] out = new double[n];
        double[] w = new double[k];
        for (int j = 0; j < k; j++) {
            w[j] = x[Reflection.index(j - k / 2, n)];
        }
        Arrays.sort(w);
        for (int i = 0; i < n; i++) {
            out[i] = w[k / 2];
            if (i + 1 < n) {
                double leaving = x[Reflection.index((long) i - k / 2, n)];
                double entering = x[Reflection.index((long) i - k / 2 + k, n)];
                int at = Arrays.binarySearch(w, leaving);
                System.arraycopy(w, at + 1, w, at, k - 1 - at);
                int ins = Arrays.binarySearch(w, 0, k - 1, entering);
                ins = ins >= 0 ? ins : -ins - 1;
                System.arraycopy(w, ins, w, ins + 1, k - 1 - ins);
                w[ins] = entering;
            }
        }
        return out;
    }
}
