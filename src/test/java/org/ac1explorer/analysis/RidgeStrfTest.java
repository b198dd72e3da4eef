package org.ac1explorer.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.dataset.WehrPublishedSubset;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;

class RidgeStrfTest {
    static final double DT = 5;

    /**
     * A natural-like log-spectrogram, bands x t dB: a slowly varying loudness envelope shared by all
     * bands plus band-specific modulations smoothed over time (~50 ms) and across neighbouring bands,
     * with silent gaps (-240 dB, as the real spectrogram gives for digital silence).
     */
    static float[][] spectrogram(int bands, int t, Random rnd) {
        double[][] z = new double[bands][t];
        for (int b = 0; b < bands; b++) {
            double v = 0;
            for (int k = 0; k < t; k++) {
                v = 0.9 * v + rnd.nextGaussian();
                z[b][k] = v;
            }
        }
        double env = 0;
        float[][] out = new float[bands][t];
        for (int k = 0; k < t; k++) {
            env = 0.97 * env + 0.5 * rnd.nextGaussian();
            for (int b = 0; b < bands; b++) {
                double s = 0;
                double wsum = 0;
                for (int c = Math.max(0, b - 2); c <= Math.min(bands - 1, b + 2); c++) {
                    double w = Math.exp(-0.5 * (c - b) * (c - b));
                    s += w * z[c][k];
                    wsum += w;
                }
                out[b][k] = (float) (-40 + 3 * env + 6 * s / wsum - 2.0 * b / bands);
            }
        }
        for (int g = 0; g < 2; g++) {
            int at = rnd.nextInt(Math.max(1, t - 40));
            for (int k = at; k < Math.min(t, at + 20); k++) {
                for (int b = 0; b < bands; b++) {
                    out[b][k] = -240f;
                }
            }
        }
        return out;
    }

    /** An excitatory field at {@code centre} ~15 ms followed by a broader, weaker inhibition ~45 ms. */
    static double[][] trueStrf(int bands, int lags, double centre) {
        double[][] w = new double[bands][lags];
        for (int f = 0; f < bands; f++) {
            for (int l = 0; l < lags; l++) {
                double ms = l * DT;
                double df = f - centre;
                w[f][l] = 0.08 * Math.exp(-0.5 * (df * df / 2.0 + (ms - 15) * (ms - 15) / 50.0))
                        - 0.04 * Math.exp(-0.5 * (df * df / 6.0 + (ms - 45) * (ms - 45) / 150.0));
            }
        }
        return w;
    }

    /** The model's response to a spectrogram, on the same preprocessing the fit assumes (floored, silence before). */
    static double[] linearResponse(float[][] spec, double[][] w, double floor) {
        int t = spec[0].length;
        double[] y = new double[t];
        for (int f = 0; f < w.length; f++) {
            for (int l = 0; l < w[f].length; l++) {
                for (int k = 0; k < t; k++) {
                    double x = k - l >= 0 ? Math.max(spec[f][k - l], floor) : floor;
                    y[k] += w[f][l] * (x + 40);
                }
            }
        }
        return y;
    }

    /** Repeats: signal + AR(1) noise (correlated over ~25 ms) of the given single-trial signal-to-noise ratio. */
    static float[][] noisyRepeats(double[] s, int r, double snr, Random rnd) {
        double vs = org.ac1explorer.dataset.ReliabilityTest.var(s);
        double sigma = Math.sqrt(vs / snr);
        float[][] out = new float[r][s.length];
        for (int n = 0; n < r; n++) {
            double e = 0;
            for (int k = 0; k < s.length; k++) {
                e = 0.8 * e + 0.6 * rnd.nextGaussian();
                out[n][k] = (float) (s[k] - 2 + sigma * e);
            }
        }
        return out;
    }

    record Synthetic(StrfInput input, double[][] truth) {
    }

    static Synthetic synthetic(int bands, int pool, int stimuli, int frames, int repeats, double snr, long seed) {
        Random rnd = new Random(seed);
        int lags = 21;
        double[][] truthPooled = trueStrf((bands + pool - 1) / pool, lags, 0.45 * bands / pool);
        double[][] truth = new double[bands][];
        for (int f = 0; f < bands; f++) {
            truth[f] = truthPooled[f / pool].clone();
        }
        double[] freqs = new double[bands];
        for (int f = 0; f < bands; f++) {
            freqs[f] = 100 * Math.pow(2, f / 6.0);
        }
        List<float[][]> specs = new ArrayList<>();
        double top = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < stimuli; s++) {
            specs.add(spectrogram((bands + pool - 1) / pool, frames + rnd.nextInt(frames / 2), rnd));
            top = Math.max(top, maxOf(specs.get(s)));
        }
        List<StrfInput.Stimulus> list = new ArrayList<>();
        for (int s = 0; s < stimuli; s++) {
            float[][] spec = specs.get(s);
            float[][] full = new float[bands][];
            for (int f = 0; f < bands; f++) {
                full[f] = spec[f / pool];   // bands identical within a pool: the pooled STRF is the truth
            }
            // the cell hears the spectrum with the fit's 80 dB dynamic range (below it: silence)
            double[] y = linearResponse(spec, truthPooled, top - 80);
            list.add(new StrfInput.Stimulus("stim " + s, s, full, noisyRepeats(y, repeats, snr, rnd)));
        }
        return new Synthetic(new StrfInput("synthetic", DT, freqs, list), truthPooled);
    }

    static double maxOf(float[][] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (float[] r : a) {
            for (float v : r) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    static double correlation(double[][] a, double[][] b) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int f = 0; f < a.length; f++) {
            for (int l = 0; l < a[f].length; l++) {
                x.add(a[f][l]);
                y.add(b[f][l]);
            }
        }
        return RidgeStrf.pearson(x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void recoversAKnownStrfFromNoisyRepeats() {
        // 16 bands x 21 lags (0-100 ms at 5 ms); 20 stimuli of 2-3 s; 6 repeats, each with AR(1) noise at a
        // single-trial signal-to-noise ratio of 0.5 (noise std 1.4x the signal's; CC_max ~0.87)
        Synthetic syn = synthetic(16, 1, 20, 400, 6, 0.5, 42);
        StrfResult r = RidgeStrf.fit(syn.input(), new StrfOptions(100, 1, 80, 5, false), Optional.empty(),
                ProgressMonitor.NONE);
        double c = correlation(syn.truth(), r.weights());
        System.out.printf("STRF recovery (16 bands, SNR 0.5, 6 repeats): r(true, fitted) = %.3f; held-out r = %.3f, "
                + "CC_max = %.3f, CC_norm = %.3f, alpha = %.3g%n", c, r.heldOutR(), r.ccMax(), r.ccNorm(),
                r.relativeLambdas()[r.chosen()]);
        assertTrue(c >= 0.9, "correlation between true and fitted STRF " + c);
        assertEquals(16, r.bands());
        assertEquals(21, r.lags());
        assertEquals(100.0, r.lagsMs()[20], 1e-12);
        // the held-out correlation approaches the noise ceiling of a truly linear cell
        assertTrue(r.ccNorm() > 0.8 && r.ccNorm() < 1.1, "CC_norm " + r.ccNorm());
        assertEquals(20, r.stimuli().size());
        r.stimuli().forEach(s -> assertEquals(StrfResult.Role.CROSS_VALIDATED, s.role()));
    }

    @Test
    void recoversAtTheDefaultBandPooling() {
        // 48 spectrogram bands pooled by 3 (bpo 6 -> 2 per octave) as the explorer does by default
        Synthetic syn = synthetic(48, 3, 10, 400, 8, 0.5, 7);
        StrfOptions o = StrfOptions.defaults(6);
        assertEquals(3, o.bandPool());
        StrfResult r = RidgeStrf.fit(syn.input(), o, Optional.empty(), ProgressMonitor.NONE);
        double c = correlation(syn.truth(), r.weights());
        System.out.printf("STRF recovery (48 bands pooled by 3, SNR 0.5, 8 repeats): r(true, fitted) = %.3f; "
                + "held-out r = %.3f, CC_max = %.3f%n", c, r.heldOutR(), r.ccMax());
        assertTrue(c >= 0.9, "correlation between true and fitted STRF " + c);
        assertEquals(16, r.bands());
        assertEquals(100 * Math.pow(2, 1 / 6.0), r.bandCentresHz()[0], 1e-9);
    }

    @Test
    void publishedSplitTrainsValidatesAndTestsInTheCellsOrder() {
        Synthetic syn = synthetic(12, 1, 11, 300, 6, 0.5, 3);
        WehrPublishedSubset.Split split = new WehrPublishedSubset.Split(7, 2, 2);
        StrfResult r = RidgeStrf.fit(syn.input(), new StrfOptions(100, 1, 80, 5, true), Optional.of(split),
                ProgressMonitor.NONE);
        List<StrfResult.Role> roles = r.stimuli().stream().map(StrfResult.StimulusFit::role).toList();
        assertEquals(List.of(StrfResult.Role.TRAIN, StrfResult.Role.TRAIN, StrfResult.Role.TRAIN, StrfResult.Role.TRAIN,
                StrfResult.Role.TRAIN, StrfResult.Role.TRAIN, StrfResult.Role.TRAIN, StrfResult.Role.VALIDATION,
                StrfResult.Role.VALIDATION, StrfResult.Role.TEST, StrfResult.Role.TEST), roles);
        // r is measured on the two test stimuli only
        double[] a = concat(r.stimuli().get(9).measured(), r.stimuli().get(10).measured());
        double[] b = concat(r.stimuli().get(9).predicted(), r.stimuli().get(10).predicted());
        assertEquals(RidgeStrf.pearson(a, b), r.heldOutR(), 1e-12);
        assertTrue(r.heldOutR() > 0.5, "test r " + r.heldOutR());
        assertTrue(r.method().contains("7/2/2"), r.method());
        // a missing stimulus keeps the others' roles (order counts all of the cell's stimuli)
        List<StrfInput.Stimulus> fewer = new ArrayList<>(syn.input().stimuli());
        fewer.remove(3);
        StrfResult r2 = RidgeStrf.fit(new StrfInput("c", DT, syn.input().freqsHz(), fewer),
                new StrfOptions(100, 1, 80, 5, true), Optional.of(split), ProgressMonitor.NONE);
        assertEquals(StrfResult.Role.VALIDATION, r2.stimulus(7).role());
        assertEquals(StrfResult.Role.TEST, r2.stimulus(10).role());
        // too few stimuli for the split, and no split at all
        assertThrows(IllegalArgumentException.class, () -> RidgeStrf.fit(new StrfInput("c", DT, syn.input().freqsHz(),
                syn.input().stimuli().subList(0, 8)), new StrfOptions(100, 1, 80, 5, true), Optional.of(split),
                ProgressMonitor.NONE));
        assertThrows(IllegalArgumentException.class, () -> RidgeStrf.fit(syn.input(), new StrfOptions(100, 1, 80, 5, true),
                Optional.empty(), ProgressMonitor.NONE));
    }

    @Test
    void finalFitEqualsTheExplicitRidgeSolution() {
        // the prefix-sum Gram matrix and the exact centring against an explicitly built design matrix
        Synthetic syn = synthetic(5, 1, 4, 60, 3, 1.0, 9);
        StrfOptions o = new StrfOptions(20, 1, 80, 3, false);
        StrfResult r = RidgeStrf.fit(syn.input(), o, Optional.empty(), ProgressMonitor.NONE);
        int lags = 5;
        double top = Double.NEGATIVE_INFINITY;
        for (StrfInput.Stimulus s : syn.input().stimuli()) {
            top = Math.max(top, maxOf(s.spectrogramDb()));
        }
        double floor = top - 80;
        List<double[]> rows = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (StrfInput.Stimulus s : syn.input().stimuli()) {
            double[] y = s.meanResponse();
            for (int k = 0; k < s.frames(); k++) {
                double[] row = new double[5 * lags];
                for (int f = 0; f < 5; f++) {
                    for (int l = 0; l < lags; l++) {
                        row[f * lags + l] = k - l >= 0 ? Math.max(s.spectrogramDb()[f][k - l], floor) : floor;
                    }
                }
                rows.add(row);
                ys.add(y[k]);
            }
        }
        int n = rows.size();
        int p = 5 * lags;
        double[] mx = new double[p];
        double my = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                mx[j] += rows.get(i)[j] / n;
            }
            my += ys.get(i) / n;
        }
        double[][] g = new double[p][p];
        double[] b = new double[p];
        for (int i = 0; i < n; i++) {
            double[] row = rows.get(i);
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < p; k++) {
                    g[j][k] += (row[j] - mx[j]) * (row[k] - mx[k]);
                }
                b[j] += (row[j] - mx[j]) * (ys.get(i) - my);
            }
        }
        for (int j = 0; j < p; j++) {
            g[j][j] += r.lambda();
        }
        double[] w = new LUDecomposition(new Array2DRowRealMatrix(g)).getSolver().solve(new ArrayRealVector(b)).toArray();
        double[] got = new double[p];
        for (int f = 0; f < 5; f++) {
            System.arraycopy(r.weights()[f], 0, got, f * lags, lags);
        }
        double scale = 0;
        for (double v : w) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertArrayEquals(w, got, 1e-8 * scale);
        // the fit's intercept is the response at the cell's mean spectrum (band means over all frames)
        double[] bandMean = new double[5];
        int frames = 0;
        for (StrfInput.Stimulus s : syn.input().stimuli()) {
            for (int f = 0; f < 5; f++) {
                for (float v : s.spectrogramDb()[f]) {
                    bandMean[f] += Math.max(v, floor);
                }
            }
            frames += s.frames();
        }
        double intercept = my;
        for (int j = 0; j < p; j++) {
            intercept -= w[j] * (mx[j] - bandMean[j / lags] / frames);
        }
        assertEquals(intercept, r.intercept(), 1e-8 * Math.max(1, Math.abs(intercept)));
    }

    @Test
    void refusesWhatCannotBeCrossValidated() {
        Synthetic syn = synthetic(6, 1, 1, 100, 3, 1.0, 1);
        assertThrows(IllegalArgumentException.class, () -> RidgeStrf.fit(syn.input(), StrfOptions.defaults(6),
                Optional.empty(), ProgressMonitor.NONE));
        assertThrows(IllegalArgumentException.class, () -> new StrfOptions(-1, 1, 80, 5, false));
        assertThrows(IllegalArgumentException.class, () -> new StrfOptions(100, 0, 80, 5, false));
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
