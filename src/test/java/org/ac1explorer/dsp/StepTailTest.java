package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StepTailTest {

    @Test
    void stepsDecidesAsTheFullProfileForEveryCoveredFractionAndStep() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 40; trial++) {
            int n = 3 + rnd.nextInt(3000);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                // quantised values with ties and a few large steps
                x[i] = Math.rint(rnd.nextGaussian() * 20) / 4 + (rnd.nextInt(50) == 0 ? 40 * rnd.nextGaussian() : 0);
            }
            StepProfile p = StepProfile.of(x, 1000.0);
            StepTail tail = p.tail(0.05);
            for (double f : new double[] {0, 0.001, 0.005, 0.0123, 0.03, 0.05}) {
                assertTrue(tail.covers(f), "covers " + f);
                for (double step : new double[] {0, 0.25, 1, 5, 10, 20, 30, 45, 100, Double.NaN}) {
                    assertEquals(p.fraction(step) > f, tail.steps(step, f), "n=" + n + " f=" + f + " step=" + step);
                }
            }
        }
    }

    @Test
    void aTailCoversOnlyTheFractionsItWasKeptFor() {
        double[] x = new double[10_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 97;
        }
        StepTail tail = StepProfile.of(x, 200.0).tail(0.01);
        assertTrue(tail.covers(0.01));
        assertFalse(tail.covers(0.05));
    }

    @Test
    void undefinedProfilesNeverStep() {
        StepTail shortTail = StepProfile.of(new double[] {0, 1000}, 10000.0).tail(0.01);
        assertTrue(shortTail.covers(0.5));
        assertFalse(shortTail.steps(1.0, 0.0));
        StepTail nan = StepProfile.of(new double[] {0, Double.NaN, 5, 7}, 200.0).tail(0.01);
        assertFalse(nan.steps(1.0, 0.0));
    }
}
