package org.ac1explorer.ui.playback;

import org.ac1explorer.dsp.SincResampler;

/**
 * Playback conversion with the dataset's own resampler ({@link SincResampler}, torchaudio's
 * Hann-windowed sinc, 6 zero crossings, rolloff 0.99) when both rates are whole numbers of Hz and
 * their ratio keeps the kernel small; otherwise (e.g. a 97656.25 Hz stimulus) the
 * {@link WindowedSincResampler}.
 */
public final class DspSincResampler implements Resampler {
    private final Resampler fallback = new WindowedSincResampler();

    @Override
    public float[] resample(float[] x, double fromHz, double toHz) {
        if (isWhole(fromHz) && isWhole(toHz)) {
            try {
                SincResampler plan = SincResampler.of(Math.round(fromHz), Math.round(toHz));
                double[] d = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    d[i] = x[i];
                }
                return plan.apply(d);
            } catch (IllegalArgumentException e) {
                // rates with too small a common divisor: the kernel would be huge
            }
        }
        return fallback.resample(x, fromHz, toHz);
    }

    private static boolean isWhole(double hz) {
        return hz >= 1 && hz < 1e9 && Math.abs(hz - Math.rint(hz)) < 1e-9;
    }
}
