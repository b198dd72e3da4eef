package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussianFilterTest {

    @Test
    void kernelRadiusIsFourSigmaRoundedAndWeightsSumToOne() {
        assertEquals(9, GaussianFilter.kernel(1.0).length);          // (int)(4.5) = 4
        assertEquals(801, GaussianFilter.kernel(100.0).length);
        assertEquals(5, GaussianFilter.kernel(0.6).length);          // (int)(2.9) = 2
        double[] w = GaussianFilter.kernel(2.5);
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-15);
        assertEquals(w[0], w[w.length - 1], 0.0);
    }

    @Test
    void tinySigmaIsTheIdentity() {
        double[] x = {1, -2, 3.5, 7};
        assertArrayEquals(new double[] {1}, GaussianFilter.kernel(1e-3));
        assertArrayEquals(x, GaussianFilter.smooth(x, 1e-3));
    }

    @Test
    void constantTraceStaysConstantEvenWhenShorterThanTheKernel() {
        double[] x = {-65.0, -65.0, -65.0};
        double[] y = GaussianFilter.smooth(x, 100.0);
        for (double v : y) {
            assertEquals(-65.0, v, 1e-12);
        }
        assertArrayEquals(new double[] {7.0}, GaussianFilter.smooth(new double[] {7.0}, 3.0), 1e-12);
        assertArrayEquals(new double[0], GaussianFilter.smooth(new double[0], 3.0));
    }

    @Test
    void matchesReferenceWithin1eMinus9OnMvTraces() {
        ReferenceFile ref = ReferenceFile.load("filters.mat");
        int count = ref.integer("gauss_count");
        for (int i = 0; i < count; i++) {
            double[] x = ref.values("gauss" + i + "_x");
            double sigma = ref.scalar("gauss" + i + "_sigma");
            Approx.assertClose(ref.values("gauss" + i + "_y"), GaussianFilter.smooth(x, sigma), 1e-9,
                    "case " + i + " n=" + x.length + " sigma=" + sigma);
        }
    }

    @Test
    void matchesTheDirectSumOnLongTracesFilteredInParallelBlocks() {
        java.util.Random rnd = new java.util.Random(3);
        double[] x = new double[150_000];
        double v = -65;
        for (int i = 0; i < x.length; i++) {
            v += rnd.nextGaussian() * 0.1;
            x[i] = v + rnd.nextGaussian();
        }
        double sigma = 100.0;
        double[] w = GaussianFilter.kernel(sigma);
        int radius = w.length / 2;
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double acc = 0;
            for (int j = 0; j < w.length; j++) {
                acc += w[j] * x[Reflection.index((long) i - radius + j, x.length)];
            }
            expected[i] = acc;
        }
        Approx.assertClose(expected, GaussianFilter.smooth(x, sigma), 1e-9, "150k samples, sigma 100");
    }

    @Test
    void nanOnlySpoilsItsOwnNeighbourhood() {
        double[] x = new double[2000];
        x[1000] = Double.NaN;
        double[] y = GaussianFilter.smooth(x, 40.0);                  // radius 160
        assertTrue(Double.isNaN(y[1000 - 160]) && Double.isNaN(y[1000 + 160]));
        assertEquals(0.0, y[1000 - 161], 0.0);
        assertEquals(0.0, y[1000 + 161], 0.0);
    }
}
