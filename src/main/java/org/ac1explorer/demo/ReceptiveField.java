package org.ac1explorer.demo;

/**
 * A linear spectro-temporal receptive field over {@link Cochleagram} bands: an excitatory field at the best
 * frequency, a broader delayed inhibitory field and a broadband biphasic onset term. Each part is separable
 * (frequency profile x temporal kernel), so the drive is cheap to compute.
 */
final class ReceptiveField {
    /** Longest lag considered (ms): the response outlasts the sound by this much. */
    static final double MAX_LAG_MS = 90;

    final double bestFrequencyHz;
    final double latencyMs;
    private final double widthMs;
    private final double inhDelayMs;
    private final double inhStrength;
    private final double onsetWeight;
    private final double[][] freqProfile = new double[3][];
    /** Temporal kernels per frame period (ms), built on first use. */
    private final java.util.Map<Double, double[][]> kernels = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param bestFrequencyHz centre of the excitatory field
     * @param bandwidthOct    s.d. of the excitatory field in octaves
     * @param latencyMs       peak latency of excitation
     * @param widthMs         s.d. of the excitatory temporal kernel
     * @param inhDelayMs      delay of inhibition after excitation
     * @param inhStrength     total weight of inhibition relative to excitation (0..1)
     * @param onsetWeight     weight of the broadband onset term
     */
    ReceptiveField(double bestFrequencyHz, double bandwidthOct, double latencyMs, double widthMs, double inhDelayMs,
                   double inhStrength, double onsetWeight) {
        this.bestFrequencyHz = bestFrequencyHz;
        this.latencyMs = latencyMs;
        this.widthMs = widthMs;
        this.inhDelayMs = inhDelayMs;
        this.inhStrength = inhStrength;
        this.onsetWeight = onsetWeight;
        double bfBand = 4 * StrictMath.log(bestFrequencyHz / Cochleagram.LOWEST_HZ) / StrictMath.log(2);
        double bwBands = 4 * bandwidthOct;
        freqProfile[0] = gaussProfile(bfBand, bwBands);
        freqProfile[1] = gaussProfile(bfBand, bwBands * 1.7);
        freqProfile[2] = new double[Cochleagram.BANDS];
        java.util.Arrays.fill(freqProfile[2], 1.0 / Cochleagram.BANDS);
    }

    private double[][] kernelsFor(double periodMs) {
        return kernels.computeIfAbsent(periodMs, p -> {
            int lags = (int) Math.ceil(MAX_LAG_MS / p);
            double[] exc = scaled(gaussKernel(lags, p, latencyMs, widthMs), 1);
            double[] inh = scaled(gaussKernel(lags, p, latencyMs + inhDelayMs, 2 * widthMs), -inhStrength);
            double[] on = scaled(gaussKernel(lags, p, latencyMs - 1, 2), onsetWeight);
            double[] off = scaled(gaussKernel(lags, p, latencyMs + 6, 4), onsetWeight);
            for (int i = 0; i < lags; i++) {
                on[i] -= off[i];
            }
            return new double[][] {exc, inh, on};
        });
    }

    private static double[] gaussProfile(double centre, double sd) {
        double[] p = new double[Cochleagram.BANDS];
        double sum = 0;
        for (int b = 0; b < p.length; b++) {
            double z = (b - centre) / sd;
            p[b] = StrictMath.exp(-0.5 * z * z);
            sum += p[b];
        }
        for (int b = 0; b < p.length; b++) {
            p[b] /= sum;
        }
        return p;
    }

    private static double[] gaussKernel(int lags, double periodMs, double centreMs, double sdMs) {
        double[] k = new double[lags];
        for (int i = 0; i < lags; i++) {
            double z = (i * periodMs - centreMs) / sdMs;
            k[i] = StrictMath.exp(-0.5 * z * z);
        }
        return k;
    }

    private static double[] scaled(double[] k, double total) {
        double sum = 0;
        for (double v : k) {
            sum += v;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] *= total / sum;
        }
        return k;
    }

    /** Linear drive (dB units) per cochleagram frame; longer than the sound by {@link #MAX_LAG_MS}. */
    double[] drive(Cochleagram c) {
        double[][] g3 = kernelsFor(c.framePeriod * 1000);
        int lags = g3[0].length;
        double[] out = new double[c.frames + lags];
        double[] x = new double[c.frames];
        for (int part = 0; part < 3; part++) {
            java.util.Arrays.fill(x, 0);
            double[] fp = freqProfile[part];
            for (int b = 0; b < Cochleagram.BANDS; b++) {
                double wb = fp[b];
                if (wb < 1e-6) {
                    continue;
                }
                float[] lb = c.level[b];
                for (int t = 0; t < c.frames; t++) {
                    x[t] += wb * lb[t];
                }
            }
            double[] g = g3[part];
            for (int t = 0; t < c.frames; t++) {
                double xt = x[t];
                if (xt == 0) {
                    continue;
                }
                for (int l = 0; l < lags; l++) {
                    out[t + l] += g[l] * xt;
                }
            }
        }
        return out;
    }
}
