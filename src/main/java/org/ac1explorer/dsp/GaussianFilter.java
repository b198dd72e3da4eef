package org.ac1explorer.dsp;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Gaussian low-pass as {@code scipy.ndimage.gaussian_filter1d(x, sigma, mode='reflect')}:
 * a sampled Gaussian truncated at 4σ (radius {@code (int)(4σ + 0.5)} samples), weights
 * normalised to sum 1, half-sample reflection at the edges (repeated for short traces).
 * σ is in samples; values keep the input's unit.
 *
 * <p>Long kernels are applied by exact overlap-save FFT convolution (rounding error ~1e-15
 * relative to the trace's scale); short kernels and traces holding NaN or ±∞ use the direct
 * sum, so a non-finite sample only spoils its own neighbourhood, as in numpy.
 */
public final class GaussianFilter {

    /** Kernels at most this long are applied directly: below it the FFT does not pay. */
    private static final int DIRECT_MAX_TAPS = 48;
    /** Traces at least this long are filtered block-parallel. */
    private static final int PARALLEL_MIN = 65_536;
    /** FFT plans per thread and size: building one computes its twiddle tables. */
    private static final ThreadLocal<Map<Integer, DoubleFFT_1D>> FFTS = ThreadLocal.withInitial(HashMap::new);
    /** Transformed kernels by (σ, FFT size): a detrend uses one or two σ for every trace. */
    private static final Map<String, double[][]> SPECTRA = new ConcurrentHashMap<>();
    private static final int SPECTRA_MAX = 32;
    /** Each thread's FFT block buffer (the blocks of one run use it in turn; nothing runs between them). */
    private static final ThreadLocal<double[]> BLOCK = ThreadLocal.withInitial(() -> new double[0]);

    private GaussianFilter() {
    }

    /** The normalised kernel of {@code 2·(int)(4σ+0.5) + 1} weights, centre in the middle. */
    public static double[] kernel(double sigma) {
        int radius = (int) (4.0 * sigma + 0.5);
        double[] w = new double[2 * radius + 1];
        double c = -0.5 / (sigma * sigma);
        for (int j = 0; j < w.length; j++) {
            double k = j - radius;
            w[j] = Math.exp(c * k * k);
        }
        double total = NumpySum.sum(w);
        for (int j = 0; j < w.length; j++) {
            w[j] /= total;
        }
        return w;
    }

    /** {@code x} smoothed by a Gaussian of {@code sigma} samples; empty in, empty out. */
    public static double[] smooth(double[] x, double sigma) {
        return smooth(x, sigma, null);
    }

    /** {@link #smooth(double[], double)} written into {@code out} (at least as long as {@code x}; new when null), returned. */
    static double[] smooth(double[] x, double sigma, double[] out) {
        int n = x.length;
        if (n == 0) {
            return out != null ? out : new double[0];
        }
        double[] w = kernel(sigma);
        int radius = (w.length - 1) / 2;
        int paddedLength = n + 2 * radius;
        double[] padded = Reflection.extend(x, radius, radius, Scratch.doubles(paddedLength));
        try {
            if (w.length <= DIRECT_MAX_TAPS || !allFinite(padded, paddedLength)) {
                return direct(padded, w, n, out);
            }
            return overlapSave(padded, paddedLength, w, n, out);
        } finally {
            Scratch.give(padded);
        }
    }

    private static boolean allFinite(double[] a, int length) {
        for (int i = 0; i < length; i++) {
            if (!Double.isFinite(a[i])) {
                return false;
            }
        }
        return true;
    }

    /** The n valid outputs of the padded trace (at least n + taps - 1 samples) convolved with w. */
    private static double[] direct(double[] padded, double[] w, int n, double[] into) {
        double[] out = into != null ? into : new double[n];
        java.util.Arrays.fill(out, 0, n, 0.0);
        for (int j = 0; j < w.length; j++) {
            double wj = w[j];
            for (int i = 0; i < n; i++) {
                out[i] += wj * padded[i + j];
            }
        }
        return out;
    }

    /** Linear convolution of the padded trace with the symmetric kernel, keeping the n valid outputs. */
    private static double[] overlapSave(double[] padded, int paddedLength, double[] w, int n, double[] into) {
        int taps = w.length;
        // blocks of ~4 kernels balance FFT size against wasted overlap; never longer than the trace needs
        int m = nextPowerOfTwo(Math.min(Math.max(4 * taps, 4096), paddedLength));
        int step = m - (taps - 1);
        double[] h = kernelSpectrum(w, m);
        double[] out = into != null ? into : new double[n];
        int blocks = (n + step - 1) / step;
        // blocks are independent; long traces spread them over the common pool in a few
        // contiguous runs, each using its thread's FFT plan (JTransforms' are not shared)
        int runs = n >= PARALLEL_MIN ? Math.min(blocks, 4 * Runtime.getRuntime().availableProcessors()) : 1;
        int per = (blocks + runs - 1) / runs;
        IntStream range = IntStream.range(0, (blocks + per - 1) / per);
        (runs > 1 ? range.parallel() : range).forEach(run -> {
            DoubleFFT_1D own = fft(m);
            // exactly m long: the FFT plan works on the whole array
            double[] buf = BLOCK.get();
            if (buf.length != m) {
                buf = new double[m];
                BLOCK.set(buf);
            }
            for (int b = run * per; b < Math.min(blocks, (run + 1) * per); b++) {
                int start = b * step;
                int avail = Math.min(m, paddedLength - start);
                System.arraycopy(padded, start, buf, 0, avail);
                java.util.Arrays.fill(buf, avail, m, 0.0);
                own.realForward(buf);
                buf[0] *= h[0];
                buf[1] *= h[1];
                for (int k = 2; k < m; k += 2) {
                    double re = buf[k] * h[k] - buf[k + 1] * h[k + 1];
                    double im = buf[k] * h[k + 1] + buf[k + 1] * h[k];
                    buf[k] = re;
                    buf[k + 1] = im;
                }
                own.realInverse(buf, true);
                System.arraycopy(buf, taps - 1, out, start, Math.min(step, n - start));
            }
        });
        return out;
    }

    private static DoubleFFT_1D fft(int m) {
        return FFTS.get().computeIfAbsent(m, DoubleFFT_1D::new);
    }

    /** The real FFT of the kernel zero-padded to m, cached (the kernel depends on σ only). */
    private static double[] kernelSpectrum(double[] w, int m) {
        String key = java.util.Arrays.hashCode(w) + "/" + w.length + "/" + m;
        double[][] cached = SPECTRA.get(key);
        if (cached != null && java.util.Arrays.equals(cached[0], w)) {
            return cached[1];
        }
        double[] h = new double[m];
        System.arraycopy(w, 0, h, 0, w.length);
        fft(m).realForward(h);
        if (SPECTRA.size() >= SPECTRA_MAX) {
            SPECTRA.clear();
        }
        SPECTRA.put(key, new double[][] {w.clone(), h});
        return h;
    }

    private static int nextPowerOfTwo(int v) {
        return v <= 1 ? 1 : Integer.highestOneBit(v - 1) << 1;
    }
}
