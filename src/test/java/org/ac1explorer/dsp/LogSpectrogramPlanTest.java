package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class LogSpectrogramPlanTest {

    /** Values below this are compared loosely: the reference tolerance applies above it. */
    private static final double FLOOR_DB = -150.0;

    @Test
    void matchesReferenceWithin1eMinus4DbAboveMinus150Db() {
        ReferenceFile ref = ReferenceFile.load("spectrogram.mat");
        for (int i = 0; i < ref.integer("s_count"); i++) {
            double[] p = ref.values("s" + i + "_p");
            double[] x = ref.values("s" + i + "_x");
            LogSpectrogram s = LogSpectrogramPlan.of(p[0], p[1], p[2], p[3], p[4], (int) p[5]).compute(x);
            String what = "case " + i + " sf=" + p[0] + " dt=" + p[1] + " win=" + p[2] + " f=" + p[3] + ".." + p[4] + " bpo=" + p[5];
            double[] geom = ref.values("s" + i + "_geom");
            assertEquals((int) geom[0], s.hop(), what);
            assertEquals((int) geom[1], s.window(), what);
            assertEquals((int) geom[2], s.frames(), what);
            double[] freqs = ref.values("s" + i + "_freqs");
            assertEquals(freqs.length, s.bands(), what);
            for (int b = 0; b < freqs.length; b++) {
                assertEquals(freqs[b], s.centresHz()[b], freqs[b] * 1e-15, what + " band " + b);
            }
            double[][] expected = ref.rows("s" + i + "_db");
            assertWithin(expected, s.db(), 1e-4, what);
        }
    }

    @Test
    void stayWithinMilliDbOfTheDirectSumAtALowBandNearAWindowNull() {
        // 97656 Hz, 20 ms window (W = 1953): 130.0537 Hz sits in a near-null of the Hamming
        // window's spectrum, so a huge DC leaks to about -75 dB there; the plain Goertzel
        // recurrence is off by about 1.3e-3 dB on this case
        double sf = 97656.0;
        LogSpectrogramPlan plan = LogSpectrogramPlan.of(sf, 10.0, 20.0, 130.05367068066718, 45000.0, 12);
        Random rnd = new Random(5);
        double[] x = new double[6000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1000.0 + 1e-9 * rnd.nextGaussian();
        }
        LogSpectrogram s = plan.compute(x);
        double[][] direct = directSum(x, sf, s.hop(), s.window(), s.centresHz(), s.frames());
        int hard = 0;
        double worst = 0;
        for (int b = 0; b < s.bands(); b++) {
            for (int t = 0; t < s.frames(); t++) {
                if (direct[b][t] > FLOOR_DB) {
                    worst = Math.max(worst, Math.abs(direct[b][t] - s.db()[b][t]));
                }
            }
        }
        for (int t = 1; t < s.frames() - 2; t++) {
            if (direct[0][t] < -60) {
                hard++;
            }
        }
        assertTrue(hard > 0, "the case must hit the window null");
        assertTrue(worst < 1e-4, "max |Goertzel - direct| = " + worst + " dB");
    }

    @Test
    void bandsNearAndBeyondNyquistStayWithinMilliDbOfTheDirectSum() {
        // the mirror of the window-null case above: a huge component at sf/2 leaks to about
        // -75 dB into the band 130.05 Hz below it, where the first form would lose digits as the
        // plain recurrence does near 0; bands beyond sf/2 (aliased) and on both sides of the
        // NEAR_NYQUIST_RAD margin are included
        double sf = 97656.0;
        LogSpectrogramPlan plan = LogSpectrogramPlan.of(sf, 10.0, 20.0, sf / 2 - 130.05367068066718, 54000.0, 96);
        Random rnd = new Random(6);
        double[] x = new double[6000];
        for (int i = 0; i < x.length; i++) {
            x[i] = ((i & 1) == 0 ? 1000.0 : -1000.0) + 1e-9 * rnd.nextGaussian();
        }
        LogSpectrogram s = plan.compute(x);
        double[][] direct = directSum(x, sf, s.hop(), s.window(), s.centresHz(), s.frames());
        double worst = 0;
        int nearPi = 0;
        for (int b = 0; b < s.bands(); b++) {
            double fromPi = Math.abs(Math.PI - 2.0 * Math.PI * s.centresHz()[b] / sf);
            nearPi += fromPi < LogSpectrogramPlan.NEAR_NYQUIST_RAD ? 1 : 0;
            for (int t = 0; t < s.frames(); t++) {
                if (direct[b][t] > FLOOR_DB) {
                    worst = Math.max(worst, Math.abs(direct[b][t] - s.db()[b][t]));
                }
            }
        }
        assertTrue(nearPi > 0 && nearPi < s.bands(), nearPi + " of " + s.bands() + " bands near pi");
        assertTrue(worst < 1e-4, "max |Goertzel - direct| = " + worst + " dB");
    }

    @Test
    void silenceGivesTheMinus240DbFloorAndEmptyWaveformNoFrames() {
        LogSpectrogramPlan plan = LogSpectrogramPlan.of(10000, 5, 10, 100, 4000, 6);
        LogSpectrogram s = plan.compute(new double[1000]);
        assertEquals(20, s.frames());
        for (float[] band : s.db()) {
            for (float v : band) {
                assertEquals(-240.0f, v, 0.0f);
            }
        }
        LogSpectrogram empty = plan.compute(new double[0]);
        assertEquals(0, empty.frames());
        assertEquals(plan.centresHz().length, empty.bands());
    }

    @Test
    void aPureToneAtABandCentrePeaksInThatBand() {
        double sf = 44100;
        LogSpectrogramPlan plan = LogSpectrogramPlan.of(sf, 5, 10, 250, 20000, 12);
        double f = plan.centresHz()[24];                      // 1000 Hz
        double[] x = new double[4410];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(2 * Math.PI * f * i / sf);
        }
        LogSpectrogram s = plan.compute(x);
        int t = 10;
        int best = 0;
        for (int b = 1; b < s.bands(); b++) {
            if (s.db()[b][t] > s.db()[best][t]) {
                best = b;
            }
        }
        assertEquals(24, best);
        // |Σ w[n]·sin(...)·e^{-iωn}| ≈ Σw/2 = 0.54·W/2
        assertEquals(20 * Math.log10(0.54 * 441 / 2), s.db()[24][t], 0.05);
    }

    @Test
    void planIsReusableAcrossThreadsWithIdenticalResults() {
        LogSpectrogramPlan plan = LogSpectrogramPlan.of(97656, 5, 10, 100, 45000, 6);
        Random rnd = new Random(8);
        double[] x = rnd.doubles(200_000, -1, 1).toArray();
        float[][] first = plan.compute(x).db();
        List<float[][]> again = IntStream.range(0, 4).parallel().mapToObj(i -> plan.compute(x).db()).toList();
        for (float[][] db : again) {
            for (int b = 0; b < db.length; b++) {
                assertArrayEquals(first[b], db[b]);
            }
        }
    }

    @Test
    void invalidParametersAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> LogSpectrogramPlan.of(0, 5, 10, 100, 45000, 6));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogSpectrogramPlan.of(97656, -5, 10, 100, 45000, 6));
        assertTrue(e.getMessage().startsWith("dt_ms"));
        e = assertThrows(IllegalArgumentException.class, () -> LogSpectrogramPlan.of(97656, 5, Double.NaN, 100, 45000, 6));
        assertTrue(e.getMessage().startsWith("window_ms"));
    }

    private static void assertWithin(double[][] expected, float[][] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": bands");
        double worst = 0;
        for (int b = 0; b < expected.length; b++) {
            assertEquals(expected[b].length, actual[b].length, what + ": frames");
            for (int t = 0; t < expected[b].length; t++) {
                double e = expected[b][t];
                if (e > FLOOR_DB) {
                    worst = Math.max(worst, Math.abs(e - actual[b][t]));
                } else if (!(actual[b][t] <= FLOOR_DB + 1.0)) {
                    fail(what + " [" + b + "][" + t + "]: expected " + e + " dB but was " + actual[b][t]);
                }
            }
        }
        assertTrue(worst <= tol, what + ": max |difference| " + worst + " dB");
    }

    /** The definition, summed in double-double so that its own rounding does not count. */
    static double[][] directSum(double[] x, double sf, int hop, int w, double[] freqs, int frames) {
        double[] win = new double[w];
        for (int n = 0; n < w; n++) {
            win[n] = 0.54 - 0.46 * Math.cos(2.0 * Math.PI * n / (w - 1));
        }
        double[][] out = new double[freqs.length][frames];
        for (int b = 0; b < freqs.length; b++) {
            double omega = 2.0 * Math.PI / sf * freqs[b];
            for (int t = 0; t < frames; t++) {
                double[] re = new double[2];
                double[] im = new double[2];
                for (int n = 0; n < w; n++) {
                    long j = (long) t * hop + n - w / 2;
                    if (j < 0 || j >= x.length) {
                        continue;
                    }
                    double v = x[(int) j] * win[n];
                    twoSumAdd(re, v * Math.cos(omega * n), Math.fma(v, Math.cos(omega * n), -v * Math.cos(omega * n)));
                    twoSumAdd(im, v * Math.sin(omega * n), Math.fma(v, Math.sin(omega * n), -v * Math.sin(omega * n)));
                }
                double r = re[0] + re[1];
                double i = im[0] + im[1];
                out[b][t] = 20 * Math.log10(Math.hypot(r, i) + 1e-12);
            }
        }
        return out;
    }

    /** acc (hi, lo) += a + aLow, Knuth's two-sum. */
    private static void twoSumAdd(double[] acc, double a, double aLow) {
        double s = acc[0] + a;
        double bb = s - acc[0];
        double err = (acc[0] - (s - bb)) + (a - bb);
        acc[0] = s;
        acc[1] += err + aLow;
    }
}
