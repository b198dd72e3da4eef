package org.ac1explorer.ui.playback;

/**
 * A plain band-limited resampler for playback: each output sample is the input convolved with a
 * Hann-windowed sinc low-pass centred on its (fractional) input position, cut-off at
 * {@code rolloff} × the lower of the two Nyquist frequencies, {@code zeroCrossings} lobes each side.
 * The kernel is tabulated (linear interpolation between 512 points per lobe). Quality is ample for
 * listening (stop-band attenuation ~50 dB with 16 lobes); it is not the dataset's exact resampler
 * (the waveform-mode resampler in {@code dsp} is), and can be swapped for it through
 * {@link Resampler}.
 */
public final class WindowedSincResampler implements Resampler {
    private static final int TABLE_PER_LOBE = 512;
    private final int zeroCrossings;
    private final double rolloff;

    public WindowedSincResampler() {
        this(16, 0.94);
    }

    public WindowedSincResampler(int zeroCrossings, double rolloff) {
        if (zeroCrossings < 1 || !(rolloff > 0 && rolloff <= 1)) {
            throw new IllegalArgumentException("zeroCrossings >= 1 and 0 < rolloff <= 1");
        }
        this.zeroCrossings = zeroCrossings;
        this.rolloff = rolloff;
    }

    @Override
    public float[] resample(float[] x, double fromHz, double toHz) {
        if (!(fromHz > 0) || !(toHz > 0)) {
            throw new IllegalArgumentException("rates must be positive");
        }
        double ratio = toHz / fromHz;
        int n = (int) Math.floor(x.length * ratio);
        float[] y = new float[n];
        if (n == 0 || x.length == 0) {
            return y;
        }
        // cut-off in cycles per input sample; the kernel's lobes are 1 / (2 fc) input samples wide
        double fc = 0.5 * rolloff * Math.min(1.0, ratio);
        double lobe = 1.0 / (2 * fc);
        double half = zeroCrossings * lobe;
        int tableSize = zeroCrossings * TABLE_PER_LOBE + 2;
        double[] table = new double[tableSize];
        for (int k = 0; k < tableSize; k++) {
            double u = (double) k / TABLE_PER_LOBE; // in lobes
            if (u >= zeroCrossings) {
                table[k] = 0;
                continue;
            }
            double sinc = u == 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u);
            double hann = 0.5 + 0.5 * Math.cos(Math.PI * u / zeroCrossings);
            table[k] = 2 * fc * sinc * hann;
        }
        for (int j = 0; j < n; j++) {
            double t = j / ratio;
            int i0 = Math.max(0, (int) Math.ceil(t - half));
            int i1 = Math.min(x.length - 1, (int) Math.floor(t + half));
            double s = 0;
            for (int i = i0; i <= i1; i++) {
                double pos = Math.abs(t - i) / lobe * TABLE_PER_LOBE;
                int k = (int) pos;
                if (k >= tableSize - 1) {
                    continue;
                }
                double f = pos - k;
                s += x[i] * (table[k] + f * (table[k + 1] - table[k]));
            }
            y[j] = (float) s;
        }
        return y;
    }
}
