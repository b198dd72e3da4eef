package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StepProfileTest {

    @Test
    void fractionCountsDeviationsStrictlyAboveTheStep() {
        // 200 Hz: the 5 ms median is 1 sample, so no smoothing
        StepProfile p = StepProfile.of(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 30, 31}, 200.0);
        assertEquals(10, p.length());
        assertEquals(0.1, p.fraction(30.0), 0.0);
        assertEquals(0.2, p.fraction(29.9), 0.0);
        assertEquals(0.0, p.fraction(31.0), 0.0);
        assertEquals(1.0, p.fraction(-1.0), 0.0);
        assertEquals(31.0, p.maxDeviationMv(), 0.0);
    }

    @Test
    void centreIsTheMeanOfTheTwoMiddleValuesForEvenCounts() {
        StepProfile p = StepProfile.of(new double[] {0, 0, 0, 0, 0, 10, 10, 10, 10, 10}, 200.0);
        // median 5: every sample is 5 away
        assertEquals(1.0, p.fraction(4.99), 0.0);
        assertEquals(0.0, p.fraction(5.0), 0.0);
    }

    @Test
    void repeatsShorterThanThreeSamplesNeverStep() {
        assertEquals(0.0, StepProfile.of(new double[] {0, 1000}, 10000.0).fraction(1.0), 0.0);
        assertEquals(2, StepProfile.of(new double[] {0, 1000}, 10000.0).length());
        assertEquals(0, StepProfile.of(new double[0], 10000.0).length());
    }

    @Test
    void fiveMsMedianRemovesSingleSampleSpikesOnlyWhenTheTraceIsLongEnough() {
        double[] x = new double[20];
        x[7] = 100;
        // 1 kHz: 5-sample median smooths the spike away
        assertEquals(0.0, StepProfile.of(x, 1000.0).fraction(30.0), 0.0);
        // 4 kHz: the 20-sample median needs at least 20 samples: it runs here (n == k)
        assertEquals(0.0, StepProfile.of(x, 4000.0).fraction(30.0), 0.0);
        // 4.2 kHz: round(21) > 20 samples: no smoothing, the spike counts
        assertEquals(0.05, StepProfile.of(x, 4200.0).fraction(30.0), 0.0);
    }

    @Test
    void nanSamplesNeverCountAndNeverThrow() {
        StepProfile p = StepProfile.of(new double[] {0, Double.NaN, 0, 50, 0}, 200.0);
        // numpy: the median of data holding NaN is NaN, so no deviation is above anything
        assertEquals(0.0, p.fraction(30.0), 0.0);
        assertEquals(0.0, StepProfile.of(new double[] {0, 0, 0, 50}, 200.0).fraction(Double.NaN), 0.0);
    }
}
