package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MedGaussTest {

    @Test
    void detrendMatchesReferenceWithin1eMinus9AtEverySampleRate() {
        ReferenceFile ref = ReferenceFile.load("filters.mat");
        int count = ref.integer("det_count");
        for (int i = 0; i < count; i++) {
            double[] x = ref.values("det" + i + "_x");
            double[] p = ref.values("det" + i + "_p");
            Approx.assertClose(ref.values("det" + i + "_y"), MedGauss.detrend(x, p[0], p[1], p[2]), 1e-9,
                    "case " + i + " sf=" + p[0] + " med=" + p[1] + " gauss=" + p[2] + " n=" + x.length);
        }
    }

    @Test
    void detrendIsTraceMinusBaseline() {
        double[] x = {1, 5, 2, 8, 3, 9, 4, 7};
        double[] b = MedGauss.baseline(x, 1000.0, 3.0, 1.0);
        double[] d = MedGauss.detrend(x, 1000.0, 3.0, 1.0);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i] - b[i], d[i], 0.0);
        }
    }

    @Test
    void baselineIsGaussianOfRunningMedianWithRoundedSizes() {
        double[] x = {1, 5, 2, 8, 3, 9, 4, 7, 0, 6};
        // 2.5 ms at 1 kHz: round(2.5) = 2 samples (ties to even); sigma 1.5 samples
        double[] expected = GaussianFilter.smooth(RunningMedian.filter(x, 2), 1.5);
        assertArrayEquals(expected, MedGauss.baseline(x, 1000.0, 2.5, 1.5));
    }

    @Test
    void detrendInPlaceGivesTheDetrendedValuesInTheSameArray() {
        java.util.Random rnd = new java.util.Random(3);
        for (int n : new int[] {1, 50, 4001, 70_000}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = Math.sin(i / 700.0) * 5 + rnd.nextGaussian();
            }
            double[] expected = MedGauss.detrend(x, 10000.0, 100.0, 10.0);
            double[] same = MedGauss.detrendInPlace(x, 10000.0, 100.0, 10.0);
            org.junit.jupiter.api.Assertions.assertSame(x, same);
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, x, "n=" + n);
        }
    }

    @Test
    void zeroLengthWindowsLeaveNothingAfterDetrend() {
        double[] x = {1, 5, 2};
        // median size max(1, 0) = 1 and sigma max(1e-3, 0): the baseline is the trace itself
        assertArrayEquals(new double[] {0, 0, 0}, MedGauss.detrend(x, 10000.0, 0.01, 0.0));
        assertArrayEquals(new double[0], MedGauss.detrend(new double[0], 10000.0, 100.0, 10.0));
    }
}
