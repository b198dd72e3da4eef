package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RepeatVerdictTest {

    private static final GatingThresholds T = GatingThresholds.defaults();

    @Test
    void decidingScoreIsTheScoreOfTheDecidingTest() {
        assertEquals(212.0, new RepeatVerdict(GateReason.RANGE, 212.0, Double.NaN, 0.4).decidingScore(), 0.0);
        assertEquals(0.012, new RepeatVerdict(GateReason.STEP, 80.0, 0.012, 0.4).decidingScore(), 0.0);
        assertEquals(0.01, new RepeatVerdict(GateReason.XCORR, 80.0, 0.0, 0.01).decidingScore(), 0.0);
        assertEquals(0.43, new RepeatVerdict(GateReason.KEPT, 80.0, 0.001, 0.43).decidingScore(), 0.0);
        // xcorr not applied: kept on the step fraction, rejected with r counted as 1.0
        assertEquals(0.001, new RepeatVerdict(GateReason.KEPT, 80.0, 0.001, Double.NaN).decidingScore(), 0.0);
        assertEquals(1.0, new RepeatVerdict(GateReason.XCORR, 80.0, 0.001, Double.NaN).decidingScore(), 0.0);
    }

    @Test
    void decidingThresholdFollowsTheReason() {
        assertEquals(150.0, new RepeatVerdict(GateReason.RANGE, 212.0, Double.NaN, 0.4).decidingThreshold(T), 0.0);
        assertEquals(0.005, new RepeatVerdict(GateReason.KEPT, 80.0, 0.001, Double.NaN).decidingThreshold(T), 0.0);
        assertEquals(0.05, new RepeatVerdict(GateReason.KEPT, 80.0, 0.001, 0.3).decidingThreshold(T), 0.0);
    }

    @Test
    void explainReadsLikeTheMarginNote() {
        assertEquals("range 212 mV > 150 mV", new RepeatVerdict(GateReason.RANGE, 212.04, Double.NaN, 0.4).explain(T));
        assertEquals("range: no samples", new RepeatVerdict(GateReason.RANGE, Double.NaN, Double.NaN, Double.NaN).explain(T));
        assertEquals("step 1.2% > 0.5%", new RepeatVerdict(GateReason.STEP, 80.0, 0.012, 0.4).explain(T));
        assertEquals("xcorr r 0.0123 < 0.05", new RepeatVerdict(GateReason.XCORR, 80.0, 0.0, 0.012345).explain(T));
        assertEquals("kept r 0.43 ≥ 0.05", new RepeatVerdict(GateReason.KEPT, 80.0, 0.0, 0.43).explain(T));
        assertEquals("kept step 0% ≤ 0.5%", new RepeatVerdict(GateReason.KEPT, 80.0, 0.0, Double.NaN).explain(T));
    }

    @Test
    void keptAndXcorrAppliedFlags() {
        assertTrue(new RepeatVerdict(GateReason.KEPT, 1, 0, 0.5).kept());
        assertFalse(new RepeatVerdict(GateReason.STEP, 1, 0.1, 0.5).kept());
        assertFalse(new RepeatVerdict(GateReason.KEPT, 1, 0, Double.NaN).xcorrApplied());
    }
}
