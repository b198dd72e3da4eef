package org.ac1explorer.dsp;

import java.util.stream.IntStream;

/**
 * A precomputed log-spectrogram for one (sf, dtMs, windowMs, fmin, fmax, bpo): the symmetric
 * Hamming window and the per-band recurrence coefficients. Immutable, thread-safe, reusable.
 *
 * <p>Semantics of {@code ac1dsp.log_spectrogram}: the waveform is padded with W/2 zeros in
 * front and W behind, frame i starts at padded sample i·hop, T = ceil(len/hop) frames, and each
 * value is 20·log10(|Σ_n x[n]·w[n]·e^(−2πi·f·n/sf)| + 1e−12) dB, computed in double and
 * stored as float.
 *
 * <p>The sums are evaluated by Goertzel resonators in Reinsch's form, all bands advanced
 * together sample by sample: for bands with cos ω ≥ 0, d ← d + λ·s + v, s ← s + d with
 * λ = −4 sin²(ω/2); for the others d ← μ·s − d + v, s ← d − s with μ = 4 cos²(ω/2). Unlike the
 * plain recurrence (coefficient 2 cos ω, which loses about log10(1/ω²) digits at low
 * normalised frequency) its rounding error stays near the direct sum's. Frames are split
 * across the common fork-join pool; each frame is computed alone, so the result does not depend
 * on the split.
 */
public final class LogSpectrogramPlan {

    private static final double DB_FLOOR_ADD = 1e-12;
    /** Frames per parallel task. */
    private static final int FRAMES_PER_TASK = 64;

    private final double sf;
    private final SpectrogramGeometry geometry;
    private final double[] centresHz;
    private final double[] window;
    private final int nLow;             // bands [0, nLow) use the cos ω >= 0 form
    private final double[] lambda;      // low bands: −4 sin²(ω/2)
    private final double[] mu;          // high bands: 4 cos²(ω/2)
    private final double[] cos;         // per band
    private final double[] sin;         // per band

    private LogSpectrogramPlan(double sf, SpectrogramGeometry geometry, double[] centresHz) {
        this.sf = sf;
        this.geometry = geometry;
        this.centresHz = centresHz;
        int w = geometry.window();
        window = new double[w];
        for (int n = 0; n < w; n++) {
            window[n] = 0.54 - 0.46 * Math.cos(2.0 * Math.PI * n / (w - 1));
        }
        int f = centresHz.length;
        cos = new double[f];
        sin = new double[f];
        int low = 0;
        double radPerHz = 2.0 * Math.PI / sf;
        for (int b = 0; b < f; b++) {
            double omega = radPerHz * centresHz[b];
            cos[b] = Math.cos(omega);
            sin[b] = Math.sin(omega);
            if (cos[b] >= 0) {
                low = b + 1;
            }
        }
        nLow = low;
        lambda = new double[nLow];
        mu = new double[f - nLow];
        for (int b = 0; b < f; b++) {
            double omega = radPerHz * centresHz[b];
            if (b < nLow) {
                double h = Math.sin(0.5 * omega);
                lambda[b] = -4.0 * h * h;
            } else {
                double h = Math.cos(0.5 * omega);
                mu[b - nLow] = 4.0 * h * h;
            }
        }
    }

    /**
     * The plan for waveforms sampled at {@code sf} Hz, frames every {@code dtMs} ms of
     * {@code windowMs} ms, bands from {@code fmin} to {@code fmax} Hz at {@code bpo} per octave.
     *
     * @throws IllegalArgumentException naming the parameter that is out of range
     */
    public static LogSpectrogramPlan of(double sf, double dtMs, double windowMs, double fmin, double fmax, int bpo) {
        if (!(sf > 0) || !Double.isFinite(sf)) {
            throw new IllegalArgumentException("sample rate must be a positive number of Hz (got " + sf + ")");
        }
        if (!(dtMs > 0) || !Double.isFinite(dtMs)) {
            throw new IllegalArgumentException("dt_ms must be a positive number (got " + dtMs + ")");
        }
        if (!(windowMs > 0) || !Double.isFinite(windowMs)) {
            throw new IllegalArgumentException("window_ms must be a positive number (got " + windowMs + ")");
        }
        return new LogSpectrogramPlan(sf, SpectrogramGeometry.of(sf, dtMs, windowMs), LogBands.centresHz(fmin, fmax, bpo));
    }

    /** Hop and window of this plan, in samples. */
    public SpectrogramGeometry geometry() {
        return geometry;
    }

    /** Band centres in Hz (a copy). */
    public double[] centresHz() {
        return centresHz.clone();
    }

    /** The F × T spectrogram (dB) of a waveform sampled at this plan's rate. */
    public LogSpectrogram compute(double[] waveform) {
        int f = centresHz.length;
        int frames = geometry.frames(waveform.length);
        float[][] db = new float[f][frames];
        int tasks = (frames + FRAMES_PER_TASK - 1) / FRAMES_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(task -> {
            int from = task * FRAMES_PER_TASK;
            computeFrames(waveform, from, Math.min(frames, from + FRAMES_PER_TASK), db);
        });
        return new LogSpectrogram(centresHz.clone(), db, geometry.hop(), geometry.window(), sf);
    }

    private void computeFrames(double[] x, int fromFrame, int toFrame, float[][] db) {
        int f = centresHz.length;
        int nHigh = f - nLow;
        int w = geometry.window();
        int hop = geometry.hop();
        double[] dl = new double[nLow];
        double[] sl = new double[nLow];
        double[] dh = new double[nHigh];
        double[] sh = new double[nHigh];
        double[] v = new double[w];
        for (int t = fromFrame; t < toFrame; t++) {
            long base = (long) t * hop - w / 2;            // waveform index of window sample 0
            int lo = (int) Math.max(0, -base);
            int hi = (int) Math.min(w, x.length - base);
            java.util.Arrays.fill(dl, 0.0);
            java.util.Arrays.fill(sl, 0.0);
            java.util.Arrays.fill(dh, 0.0);
            java.util.Arrays.fill(sh, 0.0);
            // zeros outside the waveform only rotate the phase: run over the samples present
            int count = Math.max(0, hi - lo);
            for (int j = 0; j < count; j++) {
                v[j] = x[(int) (base + lo + j)] * window[lo + j];
            }
            int j = 0;
            for (; j + 4 <= count; j += 4) {
                double v0 = v[j];
                double v1 = v[j + 1];
                double v2 = v[j + 2];
                double v3 = v[j + 3];
                for (int b = 0; b < nLow; b++) {
                    double l = lambda[b];
                    double d = dl[b];
                    double s = sl[b];
                    d = Math.fma(l, s, d + v0);
                    s += d;
                    d = Math.fma(l, s, d + v1);
                    s += d;
                    d = Math.fma(l, s, d + v2);
                    s += d;
                    d = Math.fma(l, s, d + v3);
                    s += d;
                    dl[b] = d;
                    sl[b] = s;
                }
                for (int b = 0; b < nHigh; b++) {
                    double m = mu[b];
                    double d = dh[b];
                    double s = sh[b];
                    d = Math.fma(m, s, v0 - d);
                    s = d - s;
                    d = Math.fma(m, s, v1 - d);
                    s = d - s;
                    d = Math.fma(m, s, v2 - d);
                    s = d - s;
                    d = Math.fma(m, s, v3 - d);
                    s = d - s;
                    dh[b] = d;
                    sh[b] = s;
                }
            }
            for (; j < count; j++) {
                double v0 = v[j];
                for (int b = 0; b < nLow; b++) {
                    double d = Math.fma(lambda[b], sl[b], dl[b] + v0);
                    dl[b] = d;
                    sl[b] += d;
                }
                for (int b = 0; b < nHigh; b++) {
                    double d = Math.fma(mu[b], sh[b], v0 - dh[b]);
                    dh[b] = d;
                    sh[b] = d - sh[b];
                }
            }
            for (int b = 0; b < f; b++) {
                double re;
                double im;
                if (b < nLow) {
                    double s = sl[b];
                    double d = dl[b];
                    // X = s_N−1 − e^(−iω)·s_N−2 with s_N−2 = s − d
                    re = Math.fma(-0.5 * lambda[b], s, cos[b] * d);
                    im = sin[b] * (s - d);
                } else {
                    double s = sh[b - nLow];
                    double d = dh[b - nLow];
                    // same with s_N−2 = d − s
                    re = Math.fma(0.5 * mu[b - nLow], s, -cos[b] * d);
                    im = sin[b] * (d - s);
                }
                double mag = Math.sqrt(re * re + im * im);
                db[b][t] = (float) (20.0 * Math.log10(mag + DB_FLOOR_ADD));
            }
        }
    }
}
