package org.ac1explorer.dsp;

/** Average pooling of a trace into time bins of dt ms (values keep the trace's unit). */
public final class Binning {

    private Binning() {
    }

    /**
     * Means over blocks of max(1, round(dtMs·sf/1000)) samples, the trailing partial block
     * dropped; a trace shorter than one block gives one bin (its mean), an empty one none.
     */
    public static double[] mean(double[] x, double sf, double dtMs) {
        int block = Math.max(1, Rounding.samples(dtMs, sf));
        int n = x.length;
        if (n == 0) {
            return new double[0];
        }
        if (n < block) {
            return new double[] {NumpySum.sum(x, 0, n) / n};
        }
        int bins = n / block;
        double[] out = new double[bins];
        for (int b = 0; b < bins; b++) {
            out[b] = NumpySum.sum(x, b * block, block) / block;
        }
        return out;
    }

    /** {@link #mean} rounded to float, as the exported responses hold it. */
    public static float[] meanFloats(double[] x, double sf, double dtMs) {
        double[] b = mean(x, sf, dtMs);
        float[] out = new float[b.length];
        for (int k = 0; k < b.length; k++) {
            out[k] = (float) b[k];
        }
        return out;
    }
}
