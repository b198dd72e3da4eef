package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RepeatGatingTest {

    private static final GateReason[] CODES = {GateReason.KEPT, GateReason.RANGE, GateReason.STEP, GateReason.XCORR};

    private static double[] noisy(Random rnd, int n, double scale) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(i / 40.0) * 3 + rnd.nextGaussian() * scale;
        }
        return x;
    }

    @Test
    void defaultsAreTheReferenceThresholds() {
        assertEquals(new GatingThresholds(150, 30, 0.005, 0.05), GatingThresholds.defaults());
        assertEquals("xcorr", GateReason.XCORR.label());
        assertEquals("kept", GateReason.KEPT.label());
    }

    @Test
    void xcorrIsNotComputableWithFewerThanThreeRepeatsAndCountsAsOne() {
        Random rnd = new Random(1);
        List<double[]> two = List.of(noisy(rnd, 500, 1), noisy(rnd, 500, 1));
        List<RepeatScores> scores = RepeatGating.score(two, 10000.0);
        assertTrue(Double.isNaN(scores.get(0).xcorr()));
        List<RepeatVerdict> v = RepeatGating.decide(scores, GatingThresholds.defaults());
        assertEquals(GateReason.KEPT, v.get(0).reason());
        assertEquals(GateReason.KEPT, v.get(1).reason());
        assertTrue(Double.isNaN(v.get(0).xcorr()));
    }

    @Test
    void threeRepeatsUseTheMeanOfTheOtherTwoAsReference() {
        List<double[]> three = List.of(new double[] {1, 2, 3, 4}, new double[] {2, 3, 5, 4}, new double[] {0, 1, 1, 3});
        List<RepeatScores> s = RepeatGating.score(three, 10000.0);
        // np-derived: Pearson r of each row with the mean of the other two, + 1e-12 in the denominator
        assertEquals(0.98977827, s.get(0).xcorr(), 1e-8);
        assertEquals(0.67131711, s.get(1).xcorr(), 1e-8);
        assertEquals(0.7570333, s.get(2).xcorr(), 1e-7);
        // row 0 by hand: reference (2+0)/2.. = [1, 2, 3, 3.5]
        double[] a = {-1.5, -0.5, 0.5, 1.5};
        double[] b = {-1.375, -0.375, 0.625, 1.125};
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < 4; i++) {
            sab += a[i] * b[i];
            saa += a[i] * a[i];
            sbb += b[i] * b[i];
        }
        assertEquals(sab / (Math.sqrt(saa) * Math.sqrt(sbb) + 1e-12), s.get(0).xcorr(), 1e-15);
    }

    @Test
    void xcorrRunsOnRepeatsCutToTheShortest() {
        List<double[]> rows = List.of(new double[] {1, 2, 3, 4, 100}, new double[] {2, 3, 5, 4}, new double[] {0, 1, 1, 3, -7, 9});
        assertEquals(0.98977827, RepeatGating.score(rows, 10000.0).get(0).xcorr(), 1e-8);
    }

    @Test
    void minXcorrAboveOneRejectsEveryRepeatEvenWhereXcorrDoesNotApply() {
        Random rnd = new Random(2);
        GatingThresholds strict = new GatingThresholds(150, 30, 0.005, 1.5);
        for (int r = 1; r <= 4; r++) {
            List<double[]> reps = new ArrayList<>();
            for (int i = 0; i < r; i++) {
                reps.add(noisy(rnd, 300, 0.5));
            }
            for (RepeatVerdict v : RepeatGating.gate(reps, 10000.0, strict)) {
                assertEquals(GateReason.XCORR, v.reason(), "R=" + r);
            }
        }
    }

    @Test
    void zeroMinXcorrTurnsTheTestOffAndHidesR() {
        Random rnd = new Random(3);
        List<double[]> reps = List.of(noisy(rnd, 300, 0.5), noisy(rnd, 300, 0.5), new Random(9).doubles(300).toArray());
        List<RepeatScores> scores = RepeatGating.score(reps, 10000.0);
        assertTrue(scores.get(2).xcorr() < 0.05);
        List<RepeatVerdict> v = RepeatGating.decide(scores, new GatingThresholds(150, 30, 0.005, 0.0));
        assertEquals(GateReason.KEPT, v.get(2).reason());
        assertTrue(Double.isNaN(v.get(2).xcorr()));
        assertEquals(GateReason.XCORR, RepeatGating.decide(scores, GatingThresholds.defaults()).get(2).reason());
    }

    @Test
    void emptyRepeatFailsRangeAndSwitchesXcorrOffForAll() {
        Random rnd = new Random(4);
        List<double[]> reps = List.of(noisy(rnd, 300, 0.5), new double[0], noisy(rnd, 300, 0.5), new Random(9).doubles(300).toArray());
        List<RepeatVerdict> v = RepeatGating.gate(reps, 10000.0, GatingThresholds.defaults());
        assertEquals(GateReason.RANGE, v.get(1).reason());
        assertTrue(Double.isNaN(v.get(1).maxAbsMv()));
        assertTrue(Double.isNaN(v.get(1).stepFrac()));
        assertEquals(GateReason.KEPT, v.get(3).reason());
        assertTrue(Double.isNaN(v.get(3).xcorr()));
    }

    @Test
    void allNanRepeatFailsRangeWithoutThrowing() {
        double[] nan = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        List<RepeatVerdict> v = RepeatGating.gate(List.of(nan, new double[] {1, 2, 3, 4}), 10000.0, GatingThresholds.defaults());
        assertEquals(GateReason.RANGE, v.get(0).reason());
        assertEquals(GateReason.KEPT, v.get(1).reason());
        assertEquals(4.0, v.get(1).maxAbsMv(), 0.0);
    }

    @Test
    void rangeIsTestedBeforeStepAndStepBeforeXcorr() {
        Random rnd = new Random(5);
        double[] both = noisy(rnd, 2000, 0.5);
        both[10] = -400;                                  // range
        for (int i = 500; i < 700; i++) {
            both[i] += 80;                                // and a 10 % step
        }
        double[] step = noisy(rnd, 2000, 0.5);
        for (int i = 500; i < 700; i++) {
            step[i] += 80;
        }
        List<double[]> reps = List.of(both, step, noisy(rnd, 2000, 0.5), noisy(rnd, 2000, 0.5));
        List<RepeatVerdict> v = RepeatGating.gate(reps, 10000.0, new GatingThresholds(150, 30, 0.005, 0.99));
        assertEquals(GateReason.RANGE, v.get(0).reason());
        assertEquals(400.0, v.get(0).maxAbsMv(), 0.0);
        assertEquals(GateReason.STEP, v.get(1).reason());
        // the 50-sample upper median stretches the 200-sample step to outputs 500..700
        assertEquals(201.0 / 2000.0, v.get(1).stepFrac(), 0.0);
        assertEquals(GateReason.XCORR, v.get(2).reason());
    }

    @Test
    void decideWithNewThresholdsEqualsGatingFromScratch() {
        Random rnd = new Random(6);
        List<double[]> reps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double[] x = noisy(rnd, 3000, 1 + i);
            for (int j = 0; j < 3 * i; j++) {
                x[100 + j] += 35;
            }
            reps.add(x);
        }
        List<RepeatScores> scores = RepeatGating.score(reps, 10000.0);
        for (GatingThresholds t : List.of(GatingThresholds.defaults(), new GatingThresholds(20, 30, 0.005, 0.3),
                new GatingThresholds(150, 10, 0.001, 0.0), new GatingThresholds(150, 34, 0.004, 0.6))) {
            assertEquals(RepeatGating.gate(reps, 10000.0, t), RepeatGating.decide(scores, t), t.toString());
        }
    }

    @Test
    void verdictsMatchTheReferenceForEverySetAndThreshold() {
        ReferenceFile ref = ReferenceFile.load("gating.mat");
        int sets = ref.integer("g_count");
        int thresholds = ref.integer("g_thresholds");
        for (int i = 0; i < sets; i++) {
            double sf = ref.scalar("g" + i + "_sf");
            List<double[]> reps = new ArrayList<>();
            for (int j = 0; j < ref.integer("g" + i + "_r"); j++) {
                reps.add(ref.values("g" + i + "_rep" + j));
            }
            List<RepeatScores> scores = RepeatGating.score(reps, sf);
            for (int m = 0; m < thresholds; m++) {
                double[] t = ref.values("g" + i + "_t" + m);
                List<RepeatVerdict> v = RepeatGating.decide(scores, new GatingThresholds(t[0], t[1], t[2], t[3]));
                double[] reason = ref.values("g" + i + "_reason" + m);
                double[] maxAbs = new double[v.size()];
                double[] stepFrac = new double[v.size()];
                double[] xcorr = new double[v.size()];
                for (int j = 0; j < v.size(); j++) {
                    assertEquals(CODES[(int) reason[j]], v.get(j).reason(), "set " + i + " thresholds " + m + " repeat " + j);
                    maxAbs[j] = v.get(j).maxAbsMv();
                    stepFrac[j] = v.get(j).stepFrac();
                    xcorr[j] = v.get(j).xcorr();
                }
                String what = "set " + i + " thresholds " + m;
                Approx.assertSame(ref.values("g" + i + "_maxabs" + m), maxAbs, what + " max|x|");
                Approx.assertSame(ref.values("g" + i + "_stepfrac" + m), stepFrac, what + " step fraction");
                Approx.assertClose(ref.values("g" + i + "_xcorr" + m), xcorr, 1e-12, what + " r");
            }
        }
    }

    @Test
    void detrendThenGateMatchesReferenceGateRepeatsOnRawTraces() {
        ReferenceFile ref = ReferenceFile.load("gating.mat");
        List<double[]> det = new ArrayList<>();
        for (int j = 0; j < ref.integer("e2e_r"); j++) {
            det.add(MedGauss.detrend(ref.values("e2e_rep" + j), 10000.0, 100.0, 10.0));
        }
        List<RepeatVerdict> v = RepeatGating.gate(det, 10000.0, GatingThresholds.defaults());
        double[] reason = ref.values("e2e_reason");
        double[] stepFrac = new double[v.size()];
        double[] xcorr = new double[v.size()];
        for (int j = 0; j < v.size(); j++) {
            assertEquals(CODES[(int) reason[j]], v.get(j).reason(), "repeat " + j);
            stepFrac[j] = v.get(j).stepFrac();
            xcorr[j] = v.get(j).xcorr();
        }
        Approx.assertSame(ref.values("e2e_stepfrac"), stepFrac, "step fraction");
        Approx.assertClose(ref.values("e2e_xcorr"), xcorr, 1e-9, "r");
    }

    @Test
    void leaveOneOutPearsonMatchesTheDefinitionWithTiesNanAndRaggedLengths() {
        Random rnd = new Random(23);
        for (int trial = 0; trial < 60; trial++) {
            int r = 3 + trial % 14;
            List<double[]> reps = new ArrayList<>();
            for (int i = 0; i < r; i++) {
                double[] x = new double[300 + rnd.nextInt(200)];
                for (int c = 0; c < x.length; c++) {
                    x[c] = switch (trial % 3) {
                        case 0 -> rnd.nextGaussian() + Math.sin(c / 20.0);
                        case 1 -> rnd.nextInt(3) - 1 + Math.sin(c / 20.0);
                        default -> rnd.nextDouble() < 0.002 ? Double.NaN : Math.rint(rnd.nextGaussian() * 2) + Math.sin(c / 20.0);
                    };
                }
                reps.add(x);
            }
            double[] expected = definitionLoo(reps);
            double[] actual = RepeatGating.leaveOneOutPearson(reps);
            for (int i = 0; i < r; i++) {
                assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                        "trial " + trial + " row " + i + ": " + expected[i] + " vs " + actual[i]);
            }
        }
    }

    /** np.median of the other rows per column (sorted copies), then the reference's Pearson formula. */
    private static double[] definitionLoo(List<double[]> reps) {
        int r = reps.size();
        int len = reps.stream().mapToInt(a -> a.length).min().orElseThrow();
        double[] out = new double[r];
        for (int i = 0; i < r; i++) {
            double[] ref = new double[len];
            for (int c = 0; c < len; c++) {
                double[] col = new double[r - 1];
                int k = 0;
                for (int j = 0; j < r; j++) {
                    if (j != i) {
                        col[k++] = reps.get(j)[c];
                    }
                }
                ref[c] = SortedValues.median(SortedValues.of(col));
            }
            double[] x = reps.get(i);
            double mx = NumpySum.sum(x, 0, len) / len;
            double my = NumpySum.sum(ref, 0, len) / len;
            double sxy = 0;
            double sxx = 0;
            double syy = 0;
            for (int c = 0; c < len; c++) {
                double a = x[c] - mx;
                double b = ref[c] - my;
                sxy += a * b;
                sxx += a * a;
                syy += b * b;
            }
            out[i] = sxy / (Math.sqrt(sxx) * Math.sqrt(syy) + 1e-12);
        }
        return out;
    }
}
