package org.ac1explorer.dsp;

/**
 * scipy.ndimage {@code mode='reflect'} boundary: the half-sample symmetric extension
 * {@code d c b a | a b c d | d c b a}, repeated with period 2n when the extension is longer
 * than the trace.
 */
final class Reflection {

    private Reflection() {
    }

    /** Index into an n-sample trace (n > 0) for the extended position {@code j} (any int). */
    static int index(long j, int n) {
        long period = 2L * n;
        long m = Math.floorMod(j, period);
        return (int) (m >= n ? period - 1 - m : m);
    }

    /** {@code x} extended by {@code before} reflected samples in front and {@code after} behind. */
    static double[] extend(double[] x, int before, int after) {
        return extend(x, before, after, new double[x.length + before + after]);
    }

    /** {@link #extend(double[], int, int)} written into the first n + before + after elements of {@code out}, returned. */
    static double[] extend(double[] x, int before, int after, double[] out) {
        int n = x.length;
        for (int j = 0; j < before; j++) {
            out[j] = x[index((long) j - before, n)];
        }
        System.arraycopy(x, 0, out, before, n);
        for (int j = before + n; j < n + before + after; j++) {
            out[j] = x[index((long) j - before, n)];
        }
        return out;
    }
}
