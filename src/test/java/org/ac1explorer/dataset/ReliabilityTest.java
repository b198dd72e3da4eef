package org.ac1explorer.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

public class ReliabilityTest {

    /** R repeats of s + white noise of std sigma (float, as the binned responses are). */
    static float[][] repeats(double[] s, int r, double sigma, Random rnd) {
        float[][] out = new float[r][s.length];
        for (int n = 0; n < r; n++) {
            for (int k = 0; k < s.length; k++) {
                out[n][k] = (float) (s[k] + sigma * rnd.nextGaussian());
            }
        }
        return out;
    }

    /** A smooth signal (AR(1) with coefficient 0.9) of unit variance. */
    static double[] signal(int t, Random rnd) {
        double[] s = new double[t];
        double v = 0;
        for (int k = 0; k < t; k++) {
            v = 0.9 * v + Math.sqrt(1 - 0.81) * rnd.nextGaussian();
            s[k] = v + 3.0;
        }
        return s;
    }

    static double analytic(double varSignal, double sigma, int r) {
        return Math.sqrt(varSignal / (varSignal + sigma * sigma / r));
    }

    /** Population variance (divides by n), as Reliability uses. */
    public static double var(double[] x) {
        return org.apache.commons.math3.stat.StatUtils.populationVariance(x);
    }

    @Test
    void manyRepeatsMatchTheAnalyticCeilingWithinAFewPercent() {
        Random rnd = new Random(7);
        double[] s = signal(20000, rnd);
        // single-trial SNR from 4 down to 1/25; the estimate's relative error must stay within 3 %
        for (double sigma : new double[] {0.5, 1, 2, 3, 5}) {
            for (int r : new int[] {10, 30}) {
                double want = analytic(var(s), sigma, r);
                double got = Reliability.ccMax(repeats(s, r, sigma, rnd));
                System.out.printf("CC_max sigma=%.1f R=%d: analytic %.4f estimate %.4f (%.2f %%)%n", sigma, r, want, got,
                        100 * (got - want) / want);
                assertEquals(want, got, 0.03 * want, "sigma " + sigma + ", R " + r);
            }
        }
    }

    @Test
    void averageOverDrawsIsUnbiasedForFewRepeats() {
        Random rnd = new Random(11);
        double[] s = signal(1000, rnd);
        double sigma = 2;
        int r = 4;
        double sum = 0;
        int draws = 200;
        for (int i = 0; i < draws; i++) {
            sum += Reliability.of(repeats(s, r, sigma, rnd)).signalPower();
        }
        // E[SP] = Var(s): the signal power estimate is unbiased
        assertEquals(var(s), sum / draws, 0.03 * var(s));
    }

    @Test
    void undefinedAndDegenerateCases() {
        Random rnd = new Random(3);
        double[] s = signal(200, rnd);
        assertTrue(Double.isNaN(Reliability.ccMax(repeats(s, 1, 1, rnd))), "one repeat");
        assertTrue(Double.isNaN(Reliability.ccMax(new float[0][])), "no repeat");
        assertTrue(Double.isNaN(Reliability.ccMax(null)), "sentinel");
        assertTrue(Double.isNaN(Reliability.ccMax(new float[][] {{1f}, {2f}})), "one bin");
        assertTrue(Double.isNaN(Reliability.ccMax(new float[][] {{1f, 1f, 1f}, {1f, 1f, 1f}})), "constant");
        // identical repeats that vary: no noise, the ceiling is 1
        float[][] same = repeats(s, 5, 0, rnd);
        assertEquals(1.0, Reliability.ccMax(same), 1e-9);
        // pure noise: the signal power estimate is ~0 or negative -> CC_max small or 0, never NaN
        double noise = Reliability.ccMax(repeats(new double[5000], 6, 1, rnd));
        assertTrue(noise >= 0 && noise < 0.15, "noise only: " + noise);
        // differing lengths: cut to the shortest
        float[][] ragged = {{1f, 2f, 3f, 9f}, {1f, 2f, 3f}};
        assertEquals(1.0, Reliability.ccMax(ragged), 1e-9);
    }

    @Test
    void pooledOverStimuliWeighsByBinsAndSkipsUndefinedBlocks() {
        Random rnd = new Random(5);
        List<float[][]> blocks = new ArrayList<>();
        double sigma = 2;
        double[] s1 = signal(3000, rnd);
        double[] s2 = signal(6000, rnd);
        blocks.add(repeats(s1, 12, sigma, rnd));
        blocks.add(repeats(s2, 12, sigma, rnd));
        blocks.add(null);                                  // sentinel: did not hear it
        blocks.add(repeats(signal(500, rnd), 1, sigma, rnd));  // one repeat: undefined, skipped
        double vs = (var(s1) * 3000 + var(s2) * 6000) / 9000;
        Reliability.Estimate e = Reliability.pooled(blocks);
        assertEquals(9000, e.bins());
        assertEquals(12, e.repeats());
        assertEquals(analytic(vs, sigma, 12), e.ccMax(), 0.03);
        // equal repeat counts: the pooled value is the CC_max of the mean-removed concatenation
        float[][] cat = new float[12][9000];
        for (int n = 0; n < 12; n++) {
            float[] a = centred(blocks.get(0)[n]);
            float[] b = centred(blocks.get(1)[n]);
            System.arraycopy(a, 0, cat[n], 0, 3000);
            System.arraycopy(b, 0, cat[n], 3000, 6000);
        }
        assertEquals(Reliability.ccMax(cat), e.ccMax(), 1e-3);
        assertTrue(Double.isNaN(Reliability.pooled(List.of()).ccMax()));
    }

    private static float[] centred(float[] x) {
        double m = 0;
        for (float v : x) {
            m += v;
        }
        m /= x.length;
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (x[i] - m);
        }
        return out;
    }
}
