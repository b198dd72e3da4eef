package org.ac1explorer.ui.plots;

import java.util.Arrays;

/**
 * Per-pixel min/max reduction of a uniformly sampled trace for drawing: over a visible time range
 * and a number of pixel columns it keeps, per column, the minimum and the maximum in the order
 * they occur (two points per column), so a dense noisy Vm trace looks exactly as when every
 * sample is drawn, at a cost independent of the trace length. When the range holds fewer samples
 * than two per column, the samples themselves are returned. This is display decimation only; no
 * value is altered except by the constant {@code offset} (the row's position).
 */
public final class Envelope {
    /** Points to draw: {@code x} in s, {@code y} in the trace's unit plus offset; {@code n} used. */
    public record Points(double[] x, double[] y, int n) {
        public double[] xs() {
            return x.length == n ? x : Arrays.copyOf(x, n);
        }

        public double[] ys() {
            return y.length == n ? y : Arrays.copyOf(y, n);
        }
    }

    private Envelope() {
    }

    /**
     * @param y       samples (sample i at time i / sf)
     * @param sf      sample rate, Hz
     * @param t0      start of the visible range, s
     * @param t1      end of the visible range, s
     * @param columns pixel columns across the range (at least 1)
     * @param offset  added to every value
     */
    public static Points of(double[] y, double sf, double t0, double t1, int columns, double offset) {
        int n = y.length;
        if (n == 0 || !(t1 > t0)) {
            return new Points(new double[0], new double[0], 0);
        }
        int cols = Math.max(1, columns);
        // one sample beyond each edge so the line reaches the border
        long lo = Math.max(0, (long) Math.floor(t0 * sf) - 1);
        long hi = Math.min(n, (long) Math.ceil(t1 * sf) + 2);
        if (hi <= lo) {
            return new Points(new double[0], new double[0], 0);
        }
        int i0 = (int) lo;
        int i1 = (int) hi;
        int count = i1 - i0;
        if (count <= 2 * cols) {
            double[] xs = new double[count];
            double[] ys = new double[count];
            for (int k = 0; k < count; k++) {
                xs[k] = (i0 + k) / sf;
                ys[k] = y[i0 + k] + offset;
            }
            return new Points(xs, ys, count);
        }
        double[] xs = new double[2 * cols];
        double[] ys = new double[2 * cols];
        int m = 0;
        double span = (double) count / cols;
        for (int c = 0; c < cols; c++) {
            int a = i0 + (int) Math.floor(c * span);
            int b = Math.min(i1, i0 + (int) Math.floor((c + 1) * span));
            if (b <= a) {
                continue;
            }
            int iMin = a;
            int iMax = a;
            double vMin = y[a];
            double vMax = y[a];
            for (int i = a + 1; i < b; i++) {
                double v = y[i];
                if (v < vMin) {
                    vMin = v;
                    iMin = i;
                } else if (v > vMax) {
                    vMax = v;
                    iMax = i;
                }
            }
            double tc = (a + b - 1) * 0.5 / sf;
            if (iMin <= iMax) {
                xs[m] = tc;
                ys[m++] = vMin + offset;
                xs[m] = tc;
                ys[m++] = vMax + offset;
            } else {
                xs[m] = tc;
                ys[m++] = vMax + offset;
                xs[m] = tc;
                ys[m++] = vMin + offset;
            }
        }
        return new Points(xs, ys, m);
    }
}
