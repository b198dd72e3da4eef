package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Element-wise comparisons of double arrays where NaN equals NaN. */
final class Approx {

    private Approx() {
    }

    /** Largest |expected − actual| (NaN must meet NaN, ±∞ must meet the same ∞). */
    static double maxAbsDiff(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            if (Double.isNaN(e) || Double.isNaN(a) || Double.isInfinite(e) || Double.isInfinite(a)) {
                if (Double.compare(e, a) != 0) {
                    fail(what + "[" + i + "]: expected " + e + " but was " + a);
                }
                continue;
            }
            worst = Math.max(worst, Math.abs(e - a));
        }
        return worst;
    }

    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        double worst = maxAbsDiff(expected, actual, what);
        if (!(worst <= tol)) {
            fail(what + ": max |difference| " + worst + " > " + tol);
        }
    }

    static void assertSame(double[] expected, double[] actual, String what) {
        assertClose(expected, actual, 0.0, what);
    }
}
