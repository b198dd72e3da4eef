package org.ac1explorer.dsp;

import java.util.Arrays;

/**
 * Band-limited windowed-sinc resampling between two integer sample rates, numerically the
 * reference loader's {@code torchaudio.functional.resample(wav, orig_freq, new_freq)} with its
 * defaults ({@code lowpass_filter_width=6}, {@code rolloff=0.99},
 * {@code resampling_method="sinc_interp_hann"}) on a float32 waveform (deepSTRF
 * {@code crcns_ac1.py}, {@code _waveform_for_stim}).
 *
 * <p>The algorithm (torchaudio {@code functional.py}, {@code _get_sinc_resample_kernel} and
 * {@code _apply_sinc_resample_kernel}): the rates are divided by their gcd into {@code orig} and
 * {@code new}; the cut-off is {@code base = min(orig, new)·rolloff}; the kernel has {@code new}
 * phases over {@code 2·width + orig} input taps, {@code width = ceil(6·orig/base)}; phase
 * {@code p}, tap {@code k} has {@code t = base·((k − width)/orig − p/new)} clamped to ±6 and the
 * value {@code sinc(π t)·cos²(π t/12)·base/orig}. The input gets {@code width} zeros in front and
 * {@code width + orig} behind; output sample {@code j·new + p} is phase {@code p} applied at input
 * offset {@code j·orig}; the output is cut to {@code ceil(new·n/orig)} computed as torch does (see
 * {@link #outputLength(int)}).
 *
 * <p>Precision: the kernel is computed in float32, operation by operation as torch does for a
 * float32 waveform (sin and cos evaluated in double and rounded, within 1 ulp of torch's); the
 * input is rounded to float32 as the loader does; the sums are accumulated in double and rounded to
 * float32 (torch accumulates in float32). Taps whose {@code |t|} reaches the clamp (value below
 * 1e-20 of the peak) are skipped. Against the same algorithm with a full float32 kernel the output
 * agrees within 1 float32 ulp of the signal's peak ({@code SincResamplerTest}).
 *
 * <p>A plan is immutable and thread-safe; {@link #of(long, long)} precomputes its polyphase kernel.
 */
public final class SincResampler {
    /** Zero crossings of the sinc on each side (torchaudio default {@code lowpass_filter_width}). */
    public static final int LOWPASS_FILTER_WIDTH = 6;
    /** Cut-off as a fraction of the lower Nyquist (torchaudio default {@code rolloff}). */
    public static final double ROLLOFF = 0.99;
    /** Largest polyphase kernel accepted (taps); 97656 -> 96000 Hz needs about 50 000. */
    static final double MAX_KERNEL_TAPS = 50_000_000;

    private final long fromHz;
    private final long toHz;
    private final int orig;
    private final int neu;
    private final int width;
    /** taps[p][i] multiplies input sample j·orig + offset[p] + i for output j·new + p. */
    private final float[][] taps;
    private final int[] offset;

    private SincResampler(long fromHz, long toHz) {
        this.fromHz = fromHz;
        this.toHz = toHz;
        long g = gcd(fromHz, toHz);
        long o = fromHz / g;
        long n = toHz / g;
        // the polyphase kernel holds about new x 12·orig/min(orig, new) taps: refuse absurd rate pairs
        double kernelTaps = (double) n * (2.0 * LOWPASS_FILTER_WIDTH * o / (Math.min(o, n) * ROLLOFF) + 5);
        if (o > Integer.MAX_VALUE / 4 || n > Integer.MAX_VALUE / 4 || kernelTaps > MAX_KERNEL_TAPS) {
            throw new IllegalArgumentException("sample rates " + fromHz + " and " + toHz
                    + " Hz have too small a common divisor (reduced ratio " + o + ":" + n
                    + "): the resampling kernel would be too large");
        }
        this.orig = (int) o;
        this.neu = (int) n;
        if (fromHz == toHz) {
            this.width = 0;
            this.taps = new float[0][];
            this.offset = new int[0];
            return;
        }
        // functional.py: base_freq = min(orig_freq, new_freq) * rolloff (Python float)
        double base = Math.min(orig, neu) * ROLLOFF;
        // functional.py: width = math.ceil(lowpass_filter_width * orig_freq / base_freq)
        this.width = (int) Math.ceil(LOWPASS_FILTER_WIDTH * (double) orig / base);
        float baseF = (float) base;
        float piF = (float) Math.PI;
        // functional.py: scale = base_freq / orig_freq, applied as window * scale in float32
        float scale = (float) (base / orig);
        this.taps = new float[neu][];
        this.offset = new int[neu];
        int kSize = 2 * width + orig;
        for (int p = 0; p < neu; p++) {
            // functional.py: t = arange(0, -new_freq, -1)[:, None, None] / new_freq + idx (float32)
            float phase = (float) -p / (float) neu;
            // only taps with |t| < 6 are non-negligible: (k - width)/orig within p/new ± 6/base, plus a margin
            double centre = (double) p / neu * orig + width;
            double half = LOWPASS_FILTER_WIDTH * (double) orig / base;
            int lo = Math.max(0, (int) Math.floor(centre - half) - 2);
            int hi = Math.min(kSize - 1, (int) Math.ceil(centre + half) + 2);
            float[] row = new float[hi - lo + 1];
            int first = -1;
            int last = -1;
            for (int k = lo; k <= hi; k++) {
                // functional.py: idx = arange(-width, width + orig_freq, dtype) / orig_freq
                float idx = (float) (k - width) / (float) orig;
                float t = (phase + idx) * baseF;
                if (!(t > -LOWPASS_FILTER_WIDTH && t < LOWPASS_FILTER_WIDTH)) {
                    continue; // clamped to ±6 by torch: |value| < 1e-20, skipped
                }
                // functional.py: window = cos(t * pi / lowpass_filter_width / 2) ** 2 (float32 ops)
                float a = t * piF;
                a = a / (float) LOWPASS_FILTER_WIDTH;
                a = a / 2f;
                float c = (float) Math.cos(a);
                float window = c * c;
                // functional.py: t *= pi; kernels = where(t == 0, 1, sin(t) / t); kernels *= window * scale
                float tp = t * piF;
                float sinc = tp == 0f ? 1f : (float) Math.sin(tp) / tp;
                row[k - lo] = sinc * (window * scale);
                if (first < 0) {
                    first = k;
                }
                last = k;
            }
            taps[p] = first < 0 ? new float[0] : Arrays.copyOfRange(row, first - lo, last - lo + 1);
            offset[p] = first < 0 ? 0 : first - width;
        }
    }

    /** The plan for resampling from {@code fromHz} to {@code toHz} (positive integers). */
    public static SincResampler of(long fromHz, long toHz) {
        if (fromHz <= 0 || toHz <= 0) {
            throw new IllegalArgumentException("sample rates must be positive integers (got " + fromHz + " and " + toHz + " Hz)");
        }
        return new SincResampler(fromHz, toHz);
    }

    /**
     * Resamples {@code x} from {@code fromHz} to {@code toHz}; the rates are rounded to integers
     * the way the loader does ({@code int(round(sf))}, halves to even). Returns the float32 samples
     * widened to double.
     */
    public static double[] resample(double[] x, double fromHz, double toHz) {
        float[] y = of(integerRate(fromHz, "fromHz"), integerRate(toHz, "toHz")).apply(x);
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i];
        }
        return out;
    }

    /** {@code int(round(hz))} as the loader passes rates to torchaudio. */
    public static long integerRate(double hz, String name) {
        if (!Double.isFinite(hz) || Math.rint(hz) < 1 || hz > 1e12) {
            throw new IllegalArgumentException(name + ": a sample rate must be a positive finite number of Hz (got " + hz + ")");
        }
        return (long) Math.rint(hz);
    }

    /**
     * Output length for {@code n} input samples, as torch computes it:
     * {@code ceil(torch.as_tensor(new*n/orig))}, where the Python float quotient becomes a float32
     * tensor (torch's default dtype) before the ceiling, so it can be one below the exact ceiling.
     */
    public int outputLength(int n) {
        if (fromHz == toHz) {
            return n;
        }
        // functional.py: target_length = torch.ceil(torch.as_tensor(new_freq * length / orig_freq)).long()
        float q = (float) ((double) ((long) neu * n) / orig);
        return (int) Math.ceil(q);
    }

    /**
     * Resamples {@code x} (rounded to float32 first, as the loader's {@code torch.as_tensor(...,
     * dtype=torch.float32)}). Equal rates return the float32 samples unchanged (torchaudio returns
     * its input).
     */
    public float[] apply(double[] x) {
        int n = x.length;
        float[] in = new float[n];
        for (int i = 0; i < n; i++) {
            in[i] = (float) x[i];
        }
        if (fromHz == toHz) {
            return in;
        }
        int m = outputLength(n);
        float[] out = new float[m];
        for (int o = 0; o < m; o++) {
            int j = o / neu;
            int p = o - j * neu;
            float[] h = taps[p];
            int start = j * orig + offset[p];
            int i0 = Math.max(0, -start);
            int i1 = Math.min(h.length, n - start);
            double acc = 0;
            for (int i = i0; i < i1; i++) {
                acc += h[i] * (double) in[start + i];
            }
            out[o] = (float) acc;
        }
        return out;
    }

    public long fromHz() {
        return fromHz;
    }

    public long toHz() {
        return toHz;
    }

    /** {@code fromHz / gcd}. */
    public int reducedFrom() {
        return orig;
    }

    /** {@code toHz / gcd}. */
    public int reducedTo() {
        return neu;
    }

    /** Kernel half-width in input samples (torch's {@code width}); 0 for equal rates. */
    public int width() {
        return width;
    }

    /** A copy of phase {@code p}'s non-negligible taps (for tests and plots). */
    public float[] phaseTaps(int p) {
        return taps[p].clone();
    }

    /** Input offset of phase {@code p}'s first tap, relative to {@code j·orig} (may be negative). */
    public int phaseOffset(int p) {
        return offset[p];
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
