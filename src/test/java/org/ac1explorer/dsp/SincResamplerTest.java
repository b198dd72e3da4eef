package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The resampler against torchaudio's documented algorithm ({@code make_resample_expected.py}) and
 * on analytic signals.
 */
class SincResamplerTest {

    private static final ReferenceFile REF = ReferenceFile.load("resample.mat");

    @Test
    void matchesTheDocumentedAlgorithm() {
        int count = REF.integer("r_count");
        double worstUlps = 0;
        for (int i = 0; i < count; i++) {
            long from = (long) REF.scalar("r" + i + "_from");
            long to = (long) REF.scalar("r" + i + "_to");
            double[] x = REF.values("r" + i + "_x");
            double[] expected = REF.values("r" + i + "_y");
            float[] actual = SincResampler.of(from, to).apply(x);
            String what = "case " + i + " (" + from + " -> " + to + " Hz, " + x.length + " samples)";
            assertEquals(expected.length, actual.length, what + ": length");
            double peak = 0;
            for (double v : expected) {
                peak = Math.max(peak, Math.abs(v));
            }
            double ulp = Math.ulp((float) peak);
            for (int k = 0; k < expected.length; k++) {
                double d = Math.abs(expected[k] - actual[k]) / ulp;
                worstUlps = Math.max(worstUlps, d);
                assertTrue(d <= 1.0, what + " [" + k + "]: expected " + expected[k] + ", actual " + actual[k]
                        + " (" + d + " ulp of the peak)");
            }
        }
        System.out.println("SincResampler vs documented algorithm: worst " + worstUlps + " float32 ulp of the peak");
    }

    @Test
    void outputLengthsAreTorchs() {
        double[][] rows = REF.rows("len");
        for (double[] r : rows) {
            SincResampler s = SincResampler.of((long) r[0], (long) r[1]);
            assertEquals((int) r[3], s.outputLength((int) r[2]), (long) r[0] + " -> " + (long) r[1] + " Hz, n=" + (long) r[2]);
        }
        // 10 s at 97656 Hz -> 96000 Hz: 4000·976560/4069 = 960000.0 exactly
        assertEquals(960000, SincResampler.of(97656, 96000).outputLength(976560));
        assertEquals(0, SincResampler.of(97656, 96000).apply(new double[0]).length);
    }

    @Test
    void ratesReducedByGcd() {
        SincResampler s = SincResampler.of(97656, 96000);
        assertEquals(4069, s.reducedFrom());
        assertEquals(4000, s.reducedTo());
        assertEquals(7, s.width()); // ceil(6·4069 / (4000·0.99))
        SincResampler w = SincResampler.of(44100, 96000);
        assertEquals(147, w.reducedFrom());
        assertEquals(320, w.reducedTo());
        assertEquals(7, w.width()); // ceil(6·147 / (147·0.99))
    }

    @Test
    void equalRatesAreTheIdentityInFloat32() {
        double[] x = {0.1, -2.5, 1e-9, 3.0000001, 0};
        float[] y = SincResampler.of(96000, 96000).apply(x);
        assertEquals(x.length, y.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals((float) x[i], y[i]);
        }
        assertArrayEquals(new double[] {(float) 0.1, (float) -2.5}, SincResampler.resample(new double[] {0.1, -2.5}, 96000.4, 96000));
    }

    @Test
    void toneBelowTheNewNyquistKeepsAmplitudeAndFrequency() {
        for (long[] rates : new long[][] {{97656, 96000}, {44100, 96000}, {96000, 44100}, {97656, 48000}}) {
            double newNyq = rates[1] / 2.0;
            double oldNyq = rates[0] / 2.0;
            // torchaudio's default filter (Hann, 6 zero crossings, cut-off 0.99·Nyquist) is flat within 0.1 dB
            // up to ~0.7 of the lower Nyquist; above that it rolls off (-0.5 dB at 0.8, -2.4 dB at 0.9)
            for (double f : new double[] {100, 1000, 5000, 0.5 * Math.min(newNyq, oldNyq), 0.7 * Math.min(newNyq, oldNyq)}) {
                double[] x = tone(f, rates[0], 0.25, 0.3);
                double[] y = SincResampler.resample(x, rates[0], rates[1]);
                double[] fit = fitTone(y, f, rates[1], 2000);
                double gainDb = 20 * Math.log10(fit[0]);
                String what = rates[0] + " -> " + rates[1] + " Hz, tone " + f + " Hz";
                assertTrue(Math.abs(gainDb) <= 0.1, what + ": gain " + gainDb + " dB");
                // the tone at exactly f explains the output (residual = aliases of the imperfect stop band,
                // <= -55 dB): same frequency (0.01 Hz off would leave ~1e-2 over 0.25 s), and same phase (no delay)
                assertTrue(fit[1] < 1e-2, what + ": residual " + fit[1]);
                assertTrue(Math.abs(fit[2] - 0.3) < 1e-3, what + ": phase " + fit[2]);
            }
        }
    }

    @Test
    void contentAboveTheNewNyquistIsAttenuated40dB() {
        for (long[] rates : new long[][] {{97656, 48000}, {96000, 44100}, {97656, 44100}}) {
            double newNyq = rates[1] / 2.0;
            // the stop band (>= 40 dB) starts at ~1.25 of the new Nyquist (-14 dB at 1.1, -28 dB at 1.2)
            for (double f : new double[] {1.27 * newNyq, 1.5 * newNyq, 1.9 * newNyq}) {
                if (f >= rates[0] / 2.0) {
                    continue;
                }
                double[] y = SincResampler.resample(tone(f, rates[0], 0.25, 0.0), rates[0], rates[1]);
                double rms = 0;
                int from = 2000;
                int to = y.length - 2000;
                for (int i = from; i < to; i++) {
                    rms += y[i] * y[i];
                }
                rms = Math.sqrt(rms / (to - from));
                double db = 20 * Math.log10(rms * Math.sqrt(2));
                assertTrue(db <= -40, rates[0] + " -> " + rates[1] + " Hz, tone " + f + " Hz: " + db + " dB");
            }
        }
    }

    @Test
    void rejectsInvalidRates() {
        assertThrows(IllegalArgumentException.class, () -> SincResampler.of(0, 96000));
        assertThrows(IllegalArgumentException.class, () -> SincResampler.of(96000, -1));
        assertThrows(IllegalArgumentException.class, () -> SincResampler.resample(new double[1], Double.NaN, 96000));
        assertThrows(IllegalArgumentException.class, () -> SincResampler.of(999_999_937L, 96000));
    }

    private static double[] tone(double f, double sf, double seconds, double phase) {
        int n = (int) Math.round(seconds * sf);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(2 * Math.PI * f * i / sf + phase);
        }
        return x;
    }

    /** Least-squares a·sin(2πft)+b·cos(2πft) away from the edges: {amplitude, relative rms residual, phase}. */
    private static double[] fitTone(double[] y, double f, double sf, int edge) {
        double ss = 0;
        double cc = 0;
        double sc = 0;
        double ys = 0;
        double yc = 0;
        for (int i = edge; i < y.length - edge; i++) {
            double s = Math.sin(2 * Math.PI * f * i / sf);
            double c = Math.cos(2 * Math.PI * f * i / sf);
            ss += s * s;
            cc += c * c;
            sc += s * c;
            ys += y[i] * s;
            yc += y[i] * c;
        }
        double det = ss * cc - sc * sc;
        double a = (ys * cc - yc * sc) / det;
        double b = (yc * ss - ys * sc) / det;
        double res = 0;
        double pow = 0;
        for (int i = edge; i < y.length - edge; i++) {
            double m = a * Math.sin(2 * Math.PI * f * i / sf) + b * Math.cos(2 * Math.PI * f * i / sf);
            res += (y[i] - m) * (y[i] - m);
            pow += m * m;
        }
        return new double[] {Math.hypot(a, b), Math.sqrt(res / pow), Math.atan2(b, a)};
    }
}
