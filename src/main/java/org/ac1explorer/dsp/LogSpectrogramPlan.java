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
 * together sample by sample: d ← d + λ·s + v, s ← s + d with λ = −4 sin²(ω/2), or, for bands
 * within {@value #NEAR_NYQUIST_RAD} rad of ω = π (mod 2π), where that form would lose digits as
 * the plain one does near 0, d ← μ·s − d + v, s ← d − s with μ = 4 cos²(ω/2). Unlike the plain
 * recurrence (coefficient 2 cos ω, which loses about log10(1/ω²) digits at low normalised
 * frequency) its rounding error stays near the direct sum's; the first form keeps at least
 * 16 − log10(4/0.1²) ≈ 13 digits up to that margin, so usually every band runs in one loop,
 * vectorised by the JIT across bands. Frames are split across the common fork-join pool; each
 * frame is computed alone, so the result does not depend on the split.
 */
public final class LogSpectrogramPlan {

    private static final double DB_FLOOR_ADD = 1e-12;
    /** Frames per parallel task. */
    private static final int FRAMES_PER_TASK = 64;

    /** Bands this close to ω = π (mod 2π) use the second form. */
    static final double NEAR_NYQUIST_RAD = 0.1;

    private final double sf;
    private final SpectrogramGeometry geometry;
    private final double[] centresHz;
    private final double[] window;
    // per resonator: the first-form ones [0, nLow) then the second-form ones, each in band order
    private final int nLow;
    private final int[] bandOf;         // band index
    private final double[] lambda;      // first form: −4 sin²(ω/2)
    private final double[] mu;          // second form: 4 cos²(ω/2)
    private final double[] cos;
    private final double[] sin;

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
        double radPerHz = 2.0 * Math.PI / sf;
        bandOf = new int[f];
        int r = 0;
        for (int b = 0; b < f; b++) {
            if (fromNyquistRad(radPerHz * centresHz[b]) >= NEAR_NYQUIST_RAD) {
                bandOf[r++] = b;
            }
        }
        nLow = r;
        for (int b = 0; b < f; b++) {
            if (fromNyquistRad(radPerHz * centresHz[b]) < NEAR_NYQUIST_RAD) {
                bandOf[r++] = b;
            }
        }
        lambda = new double[nLow];
        mu = new double[f - nLow];
        cos = new double[f];
        sin = new double[f];
        for (int i = 0; i < f; i++) {
            double omega = radPerHz * centresHz[bandOf[i]];
            cos[i] = Math.cos(omega);
            sin[i] = Math.sin(omega);
            if (i < nLow) {
                double h = Math.sin(0.5 * omega);
                lambda[i] = -4.0 * h * h;
            } else {
                double h = Math.cos(0.5 * omega);
                mu[i - nLow] = 4.0 * h * h;
            }
        }
    }

    /** Distance of the angle ω from π modulo 2π, in [0, π] rad. */
    private static double fromNyquistRad(double omega) {
        return Math.PI - Math.abs(Math.IEEEremainder(omega, 2.0 * Math.PI));
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
        float[][] rows = new float[f][];
        for (int r = 0; r < f; r++) {
            rows[r] = db[bandOf[r]];
        }
        int tasks = (frames + FRAMES_PER_TASK - 1) / FRAMES_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(task -> {
            int from = task * FRAMES_PER_TASK;
            computeFrames(waveform, from, Math.min(frames, from + FRAMES_PER_TASK), rows);
        });
        return new LogSpectrogram(centresHz.clone(), db, geometry.hop(), geometry.window(), sf);
    }

    /** Frames [fromFrame, toFrame) into rows[r][t], r the resonator. */
    private void computeFrames(double[] x, int fromFrame, int toFrame, float[][] rows) {
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
            runFirstForm(v, count, lambda, dl, sl);
            runSecondForm(v, count, mu, dh, sh);
            for (int r = 0; r < f; r++) {
                double re;
                double im;
                if (r < nLow) {
                    double s = sl[r];
                    double d = dl[r];
                    // X = s_N−1 − e^(−iω)·s_N−2 with s_N−2 = s − d
                    re = Math.fma(-0.5 * lambda[r], s, cos[r] * d);
                    im = sin[r] * (s - d);
                } else {
                    double s = sh[r - nLow];
                    double d = dh[r - nLow];
                    // same with s_N−2 = d − s
                    re = Math.fma(0.5 * mu[r - nLow], s, -cos[r] * d);
                    im = sin[r] * (d - s);
                }
                double mag = Math.sqrt(re * re + im * im);
                rows[r][t] = (float) (20.0 * Math.log10(mag + DB_FLOOR_ADD));
            }
        }
    }

    /** The first-form resonators (d ← d + λ·s + v, s ← s + d) over v[0, count). */
    private static void runFirstForm(double[] v, int count, double[] lambda, double[] dl, double[] sl) {
        int n = lambda.length;
        int j = 0;
        for (; j + 4 <= count; j += 4) {
            double v0 = v[j];
            double v1 = v[j + 1];
            double v2 = v[j + 2];
            double v3 = v[j + 3];
            // bands are independent: the JIT vectorises this loop across them
            for (int b = 0; b < n; b++) {
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
        }
        for (; j < count; j++) {
            double v0 = v[j];
            for (int b = 0; b < n; b++) {
                double d = Math.fma(lambda[b], sl[b], dl[b] + v0);
                dl[b] = d;
                sl[b] += d;
            }
        }
    }

    /** The second-form resonators (d ← μ·s − d + v, s ← d − s) over v[0, count). */
    private static void runSecondForm(double[] v, int count, double[] mu, double[] dh, double[] sh) {
        int n = mu.length;
        for (int j = 0; j < count; j++) {
            double v0 = v[j];
            for (int b = 0; b < n; b++) {
                double d = Math.fma(mu[b], sh[b], v0 - dh[b]);
                dh[b] = d;
                sh[b] = d - sh[b];
            }
        }
    }
}
