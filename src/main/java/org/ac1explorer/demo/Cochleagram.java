package org.ac1explorer.demo;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * What the synthetic neurons hear: band levels of a sound on quarter-octave bands (125 Hz – 45 kHz) in ~2 ms frames,
 * in dB above a floor (0 = silence). Computed from a Hann-windowed short-time Fourier transform (~10 ms window).
 */
final class Cochleagram {
    static final int BANDS = 35;
    static final double LOWEST_HZ = 125;
    /** Levels are dB re a full-scale in-band sine, shifted up by this floor and clipped at 0. */
    private static final double FLOOR_DB = 75;

    /** level[band][frame], dB above the floor. */
    final float[][] level;
    /** Seconds between frames (frame j is centred at j * framePeriod). */
    final double framePeriod;
    final int frames;

    private Cochleagram(float[][] level, double framePeriod) {
        this.level = level;
        this.framePeriod = framePeriod;
        this.frames = level[0].length;
    }

    static double bandHz(int b) {
        return LOWEST_HZ * StrictMath.pow(2, b / 4.0);
    }

    static Cochleagram of(double[] wave, double sf) {
        int nfft = sf > 60000 ? 1024 : 512;
        int hop = Math.max(1, (int) Math.round(sf / 500));
        int frames = Math.max(1, (wave.length + hop - 1) / hop);
        double[] window = new double[nfft];
        for (int i = 0; i < nfft; i++) {
            window[i] = 0.5 - 0.5 * StrictMath.cos(2 * Math.PI * i / nfft);
        }
        // Gaussian band weights over FFT bins (sigma 1/6 octave), each band normalised to mean power
        int bins = nfft / 2 + 1;
        int[] lo = new int[BANDS];
        double[][] w = new double[BANDS][];
        for (int b = 0; b < BANDS; b++) {
            double fc = bandHz(b);
            int first = -1;
            double[] tmp = new double[bins];
            double sum = 0;
            for (int k = 1; k < bins; k++) {
                double f = k * sf / nfft;
                double z = StrictMath.log(f / fc) / StrictMath.log(2) / (1.0 / 6);
                double g = Math.abs(z) < 2.5 ? StrictMath.exp(-0.5 * z * z) : 0;
                if (fc > 0.47 * sf) {
                    g = 0;
                }
                tmp[k] = g;
                sum += g;
            }
            int last = -1;
            for (int k = 0; k < bins; k++) {
                if (tmp[k] > 1e-4) {
                    if (first < 0) {
                        first = k;
                    }
                    last = k;
                }
            }
            if (first < 0 || sum <= 0) {
                lo[b] = 0;
                w[b] = new double[0];
            } else {
                lo[b] = first;
                w[b] = new double[last - first + 1];
                for (int k = first; k <= last; k++) {
                    w[b][k - first] = tmp[k] / sum;
                }
            }
        }
        double ref = 10 * StrictMath.log10(nfft * (double) nfft / 16.0);
        DoubleFFT_1D fft = new DoubleFFT_1D(nfft);
        double[] frame = new double[nfft];
        double[] power = new double[bins];
        float[][] level = new float[BANDS][frames];
        for (int j = 0; j < frames; j++) {
            int s0 = j * hop - nfft / 2;
            for (int i = 0; i < nfft; i++) {
                int s = s0 + i;
                frame[i] = (s >= 0 && s < wave.length) ? wave[s] * window[i] : 0;
            }
            fft.realForward(frame);
            power[0] = frame[0] * frame[0];
            power[bins - 1] = frame[1] * frame[1];
            for (int k = 1; k < bins - 1; k++) {
                power[k] = frame[2 * k] * frame[2 * k] + frame[2 * k + 1] * frame[2 * k + 1];
            }
            for (int b = 0; b < BANDS; b++) {
                double[] wb = w[b];
                if (wb.length == 0) {
                    continue;
                }
                double p = 0;
                int k0 = lo[b];
                for (int k = 0; k < wb.length; k++) {
                    p += wb[k] * power[k0 + k];
                }
                double db = 10 * StrictMath.log10(p + 1e-30) - ref + FLOOR_DB;
                level[b][j] = (float) Math.max(0, db);
            }
        }
        return new Cochleagram(level, hop / sf);
    }
}
