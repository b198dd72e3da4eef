package org.ac1explorer.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic auditory neuron and the recording made from it.
 *
 * <p>Whole-cell (A1): Vm rests near -65 mV; a {@link ReceptiveField} drive, rectified and saturating, gives
 * PSP-like depolarisations; added are synaptic background noise (Ornstein-Uhlenbeck), recording noise, a slow drift
 * and a linear trend (work for the detrend), and occasional spikes when the depolarisation is large.
 *
 * <p>Cell-attached (MGB): a small baseline with noise and drift, 1-ms biphasic spikes drawn from a rate that follows
 * the drive, plus a small stimulus-locked deflection (so repeats correlate beyond their spikes).
 *
 * <p>Repeats of one sound share the driven component (scaled by a small trial-to-trial gain) and have independent
 * noise and spikes.
 */
final class SyntheticNeuron {

    /** A recording artifact injected into one repeat (caught by the reference gating at default thresholds). */
    enum Artifact {
        NONE,
        /** The amplifier saturates for 12 ms: the trace sits at the int16 rail (|Vm| &gt; 150 mV after detrend). */
        RANGE,
        /** Access-resistance jumps: 40-ms plateaux 50 mV below the trace covering ~1.5 % of the repeat. */
        STEP,
        /** Recorded while the cell sat past the reversal potential: the driven component is inverted (r &lt; 0). */
        XCORR
    }

    /** One sound presentation in a trace: where it starts, its driven template, how long, and any artifact. */
    record Placement(int onset, double[] template, int lengthSamples, double gain, Artifact artifact) {
    }

    final boolean cellAttached;
    final ReceptiveField field;
    // whole-cell
    private final double restMv;
    private final double synNoiseSd;
    private final double synNoiseTauS;
    private final double whiteSd;
    private final double driftSd;
    private final double driftTauS;
    private final double trendMvPerS;
    private final double gainMvPerDb;
    private final double thresholdDb;
    private final double maxDepolMv;
    private final double spikeThresholdMv;
    private final double spikePeakMv;
    private final double pspTauS;
    // cell-attached
    private final double spikeAmpMv;
    private final double spontaneousHz;
    private final double maxRateHz;
    private final double rateGainHzPerDb;
    private final double fieldMvPerHz;

    private SyntheticNeuron(boolean cellAttached, ReceptiveField field, SplittableRandom r) {
        this.cellAttached = cellAttached;
        this.field = field;
        if (cellAttached) {
            restMv = uni(r, -1.5, 1.5);
            synNoiseSd = uni(r, 0.015, 0.03);
            synNoiseTauS = 0.004;
            whiteSd = uni(r, 0.02, 0.04);
            driftSd = uni(r, 0.15, 0.4);
            driftTauS = uni(r, 1, 3);
            trendMvPerS = uni(r, -0.02, 0.02);
        } else {
            restMv = uni(r, -70, -61);
            synNoiseSd = uni(r, 0.8, 1.4);
            synNoiseTauS = uni(r, 0.01, 0.025);
            whiteSd = uni(r, 0.1, 0.2);
            driftSd = uni(r, 1.5, 3.5);
            driftTauS = uni(r, 2, 6);
            trendMvPerS = uni(r, -0.25, 0.25);
        }
        gainMvPerDb = uni(r, 0.6, 1.1);
        thresholdDb = uni(r, 1, 4);
        maxDepolMv = uni(r, 13, 18);
        spikeThresholdMv = uni(r, 13, 17);
        spikePeakMv = uni(r, 8, 25);
        pspTauS = uni(r, 0.003, 0.006);
        spikeAmpMv = uni(r, 0.7, 2.0);
        spontaneousHz = uni(r, 1, 6);
        maxRateHz = uni(r, 150, 300);
        rateGainHzPerDb = uni(r, 8, 16);
        fieldMvPerHz = uni(r, 0.003, 0.005);
    }

    private static double uni(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    /** A whole-cell A1 neuron with a best frequency between loHz and hiHz. */
    static SyntheticNeuron wholeCell(SplittableRandom r, double loHz, double hiHz) {
        // subthreshold (Vm) tuning is broad: s.d. 0.9-1.5 octaves
        ReceptiveField f = new ReceptiveField(loHz * StrictMath.pow(hiHz / loHz, r.nextDouble()), uni(r, 0.9, 1.5),
                uni(r, 12, 24), uni(r, 2.5, 5), uni(r, 5, 12), uni(r, 0.5, 0.9), uni(r, 1.5, 2.5));
        return new SyntheticNeuron(false, f, r);
    }

    /** A cell-attached MGB neuron (shorter latency, sharper timing). */
    static SyntheticNeuron cellAttached(SplittableRandom r, double loHz, double hiHz) {
        ReceptiveField f = new ReceptiveField(loHz * StrictMath.pow(hiHz / loHz, r.nextDouble()), uni(r, 0.7, 1.2),
                uni(r, 6, 11), uni(r, 1.5, 3), uni(r, 3, 8), uni(r, 0.5, 0.9), uni(r, 1.5, 2.5));
        return new SyntheticNeuron(true, f, r);
    }

    /**
     * The driven component of this neuron for a sound, on the response sample grid from the sound's onset:
     * depolarisation in mV (whole-cell) or firing rate in Hz (cell-attached). Covers the sound plus the filter tail.
     */
    double[] template(Cochleagram sound, double sfResp) {
        double[] drive = field.drive(sound);
        double[] out = new double[drive.length];
        for (int j = 0; j < drive.length; j++) {
            double x = Math.max(0, drive[j] - thresholdDb);
            out[j] = cellAttached
                    ? maxRateHz * StrictMath.tanh(rateGainHzPerDb * x / maxRateHz)
                    : maxDepolMv * StrictMath.tanh(gainMvPerDb * x / maxDepolMv);
        }
        int n = (int) Math.floor(drive.length * sound.framePeriod * sfResp);
        double[] t = new double[n];
        double step = 1.0 / (sfResp * sound.framePeriod);
        for (int i = 0; i < n; i++) {
            double pos = i * step;
            int j = (int) pos;
            double f = pos - j;
            t[i] = j + 1 < out.length ? out[j] * (1 - f) + out[j + 1] * f : out[out.length - 1];
        }
        // membrane / synaptic smoothing (one-pole, causal)
        double tau = cellAttached ? 0.0015 : pspTauS;
        double a = StrictMath.exp(-1 / (tau * sfResp));
        double y = 0;
        for (int i = 0; i < n; i++) {
            y = a * y + (1 - a) * t[i];
            t[i] = y;
        }
        return t;
    }

    /** The recorded trace in mV, {@code n} samples at {@code sf}, with the given presentations. */
    double[] record(int n, double sf, List<Placement> placements, SplittableRandom rng) {
        return cellAttached ? cellAttachedTrace(n, sf, placements, rng) : wholeCellTrace(n, sf, placements, rng);
    }

    private double[] slowBaseline(int n, double sf, SplittableRandom rng) {
        double[] v = new double[n];
        double dt = 1 / sf;
        double aD = StrictMath.exp(-dt / driftTauS);
        double bD = driftSd * Math.sqrt(1 - aD * aD);
        double drift = driftSd * rng.nextGaussian();
        double aS = StrictMath.exp(-dt / synNoiseTauS);
        double bS = synNoiseSd * Math.sqrt(1 - aS * aS);
        double syn = synNoiseSd * rng.nextGaussian();
        double t0 = n * dt / 2;
        for (int i = 0; i < n; i++) {
            drift = aD * drift + bD * rng.nextGaussian();
            syn = aS * syn + bS * rng.nextGaussian();
            v[i] = restMv + trendMvPerS * (i * dt - t0) + drift + syn;
        }
        return v;
    }

    private double[] wholeCellTrace(int n, double sf, List<Placement> placements, SplittableRandom rng) {
        double[] base = slowBaseline(n, sf, rng);
        double[] dep = new double[n];
        for (Placement p : placements) {
            double g = p.artifact == Artifact.XCORR ? -0.8 * p.gain : p.gain;
            double[] tpl = p.template;
            for (int k = 0; k < tpl.length && p.onset + k < n; k++) {
                dep[p.onset + k] += g * tpl[k];
            }
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = base[i] + dep[i];
        }
        // spikes: hazard grows with depolarisation above threshold (relative to rest)
        double dt = 1 / sf;
        int refractory = (int) Math.round(0.004 * sf);
        int rise = Math.max(1, (int) Math.round(0.0004 * sf));
        int fall = Math.max(2, (int) Math.round(0.0012 * sf));
        int ahp = (int) Math.round(0.03 * sf);
        int next = 0;
        for (int i = 0; i < n - rise - fall - 1; i++) {
            if (i < next) {
                continue;
            }
            double excess = v[i] - restMv - spikeThresholdMv;
            if (excess <= 0) {
                continue;
            }
            double rate = Math.min(250, 40 * excess);
            if (rng.nextDouble() >= rate * dt) {
                continue;
            }
            double from = v[i];
            double peak = spikePeakMv + rng.nextGaussian();
            for (int k = 1; k <= rise; k++) {
                double s = StrictMath.sin(0.5 * Math.PI * k / rise);
                v[i + k] += (peak - from) * s * s;
            }
            double trough = -6;
            for (int k = 1; k <= fall; k++) {
                double s = 0.5 + 0.5 * StrictMath.cos(Math.PI * k / fall);
                v[i + rise + k] += (peak - from) * s + trough * (1 - s);
            }
            for (int k = 1; k <= ahp && i + rise + fall + k < n; k++) {
                v[i + rise + fall + k] += trough * StrictMath.exp(-k / (0.008 * sf));
            }
            next = i + refractory;
        }
        for (int i = 0; i < n; i++) {
            v[i] += whiteSd * rng.nextGaussian();
        }
        for (Placement p : placements) {
            injectArtifact(v, sf, p, rng);
        }
        return v;
    }

    private void injectArtifact(double[] v, double sf, Placement p, SplittableRandom rng) {
        int len = Math.min(p.lengthSamples, v.length - p.onset);
        if (p.artifact == Artifact.RANGE) {
            int w = (int) Math.round(0.012 * sf);
            int at = p.onset + (int) (len * (0.25 + 0.5 * rng.nextDouble()));
            for (int k = 0; k < w && at + k < v.length; k++) {
                v[at + k] = 1000; // clipped at the int16 rail when written
            }
        } else if (p.artifact == Artifact.STEP) {
            int w = (int) Math.round(0.04 * sf);
            int count = Math.max(1, (int) Math.ceil(0.015 * len / w));
            double spacing = (double) len / count;
            for (int c = 0; c < count; c++) {
                int at = p.onset + (int) (spacing * c + (spacing - w) * (0.2 + 0.6 * rng.nextDouble()));
                for (int k = 0; k < w && at + k < v.length; k++) {
                    v[at + k] -= 50;
                }
            }
        }
    }

    private double[] cellAttachedTrace(int n, double sf, List<Placement> placements, SplittableRandom rng) {
        double[] v = slowBaseline(n, sf, rng);
        double[] rate = new double[n];
        java.util.Arrays.fill(rate, spontaneousHz);
        for (Placement p : placements) {
            double[] tpl = p.template;
            for (int k = 0; k < tpl.length && p.onset + k < n; k++) {
                rate[p.onset + k] += p.gain * tpl[k];
            }
        }
        // small stimulus-locked deflection (smoothed rate)
        double a = StrictMath.exp(-1 / (0.006 * sf));
        double y = 0;
        for (int i = 0; i < n; i++) {
            y = a * y + (1 - a) * (rate[i] - spontaneousHz);
            v[i] += fieldMvPerHz * y;
        }
        int refractory = (int) Math.round(0.002 * sf);
        double dt = 1 / sf;
        double peakAt = 0.00025 * sf;
        double peakW = 0.00012 * sf;
        double troughAt = 0.0006 * sf;
        double troughW = 0.0002 * sf;
        int shape = (int) Math.ceil(0.0012 * sf);
        int next = 0;
        for (int i = 0; i < n - shape; i++) {
            if (i < next || rng.nextDouble() >= rate[i] * dt) {
                continue;
            }
            double amp = spikeAmpMv * (0.9 + 0.2 * rng.nextDouble());
            for (int k = 0; k < shape; k++) {
                double zp = (k - peakAt) / peakW;
                double zt = (k - troughAt) / troughW;
                v[i + k] += amp * (StrictMath.exp(-0.5 * zp * zp) - 0.35 * StrictMath.exp(-0.5 * zt * zt));
            }
            next = i + refractory;
        }
        for (int i = 0; i < n; i++) {
            v[i] += whiteSd * rng.nextGaussian();
        }
        return v;
    }

    /** Quantises mV to int16 counts of {@code scale} mV (saturating at the rails, like an ADC). */
    static short[] toCounts(double[] mv, double scale) {
        short[] out = new short[mv.length];
        for (int i = 0; i < mv.length; i++) {
            double c = Math.rint(mv[i] / scale);
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, c));
        }
        return out;
    }
}
