package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

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
    void matchesTheDefinitionOnLongTiedTracesWhateverTheSplitIntoRuns() {
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
            for (int runs : new int[] {1, 2, 3, 7}) {
                assertArrayEquals(expected, RunningMedian.filter(x, k, runs), "n=" + n + " k=" + k + " runs=" + runs);
            }
            assertArrayEquals(expected, RunningMedian.filter(x, k), "n=" + n + " k=" + k);
        }
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
