package org.ac1explorer.dsp;

/**
 * The MedGauss detrend of the reference loader: the baseline is a Gaussian (σ = gaussMs)
 * of a running median (window medMs) of the trace, and the detrended trace is the trace minus
 * that baseline. Traces in mV, sample rate in Hz, window lengths in ms.
 */
public final class MedGauss {

    private MedGauss() {
    }

    /**
     * Gaussian(σ = max(1e-3, gaussMs·sf/1000) samples) of the running median over
     * max(1, round(medMs·sf/1000)) samples; empty in, empty out.
     */
    public static double[] baseline(double[] x, double sf, double medMs, double gaussMs) {
        return baseline(x, sf, medMs, gaussMs, new double[x.length]);
    }

    /** {@link #baseline(double[], double, double, double)} written into {@code out} (as long as x), returned. */
    private static double[] baseline(double[] x, double sf, double medMs, double gaussMs, double[] out) {
        if (x.length == 0) {
            return out;
        }
        int medSize = Math.max(1, Rounding.samples(medMs, sf));
        double sigma = Math.max(1e-3, gaussMs * sf / 1000.0);
        double[] median = RunningMedian.filter(x, medSize, Scratch.exactDoubles(x.length));
        try {
            return GaussianFilter.smooth(median, sigma, out);
        } finally {
            Scratch.giveExact(median);
        }
    }

    /** {@code x - baseline(x, …)}: the trace with its slow drift removed (mV). */
    public static double[] detrend(double[] x, double sf, double medMs, double gaussMs) {
        return detrendInto(x, sf, medMs, gaussMs, new double[x.length]);
    }

    /**
     * {@link #detrend} written over {@code x} itself (the same values, without a second trace-sized
     * array): for callers that own the trace and need only its detrended form. Returns {@code x}.
     */
    public static double[] detrendInPlace(double[] x, double sf, double medMs, double gaussMs) {
        return detrendInto(x, sf, medMs, gaussMs, x);
    }

    private static double[] detrendInto(double[] x, double sf, double medMs, double gaussMs, double[] out) {
        double[] b = baseline(x, sf, medMs, gaussMs, Scratch.exactDoubles(x.length));
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - b[i];
        }
        Scratch.giveExact(b);
        return out;
    }
}
