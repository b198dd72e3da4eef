package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpikeDetectorTest {

    @Test
    void matchesReferenceSpikePsthAtBothHighPassWindows() {
        ReferenceFile ref = ReferenceFile.load("spikes_binning_ramps.mat");
        int count = ref.integer("sp_count");
        for (int i = 0; i < count; i++) {
            double sf = ref.scalar("sp" + i + "_sf");
            double clip = ref.scalar("sp" + i + "_clip");
            SpikeDetection s = SpikeDetector.detect(ref.values("sp" + i + "_x"), sf, 100.0, 10.0, clip);
            String what = "case " + i + " sf=" + sf + " clip=" + clip + " ms";
            Approx.assertClose(ref.values("sp" + i + "_hp"), s.highPass(), 1e-9, what + " high-pass");
            assertEquals(ref.scalar("sp" + i + "_thr"), s.thresholdMv(), 1e-9, what + " threshold");
            double crossings = 0;
            for (double v : s.train()) {
                assertTrue(v == 0.0 || v == 1.0);
                crossings += v;
            }
            assertEquals(ref.scalar("sp" + i + "_crossings"), crossings, 0.0, what + " crossings");
            Approx.assertClose(ref.values("sp" + i + "_psth"), s.psth(), 1e-12, what + " psth");
        }
    }

    @Test
    void psthAloneEqualsTheFullDetectionsPsthBitForBit() {
        ReferenceFile ref = ReferenceFile.load("spikes_binning_ramps.mat");
        int count = ref.integer("sp_count");
        for (int i = 0; i < count; i++) {
            double[] x = ref.values("sp" + i + "_x");
            double sf = ref.scalar("sp" + i + "_sf");
            double clip = ref.scalar("sp" + i + "_clip");
            double[] before = x.clone();
            assertArrayEquals(SpikeDetector.detect(x, sf, 100.0, 10.0, clip).psth(),
                    SpikeDetector.psth(x, sf, 100.0, 10.0, clip), "case " + i);
            assertArrayEquals(before, x, "the repeat is left as it was");
        }
    }

    @Test
    void psthInPlaceWritesTheSamePsthOverTheRepeat() {
        ReferenceFile ref = ReferenceFile.load("spikes_binning_ramps.mat");
        int count = ref.integer("sp_count");
        for (int i = 0; i < count; i++) {
            double[] x = ref.values("sp" + i + "_x");
            double sf = ref.scalar("sp" + i + "_sf");
            double clip = ref.scalar("sp" + i + "_clip");
            double[] psth = SpikeDetector.psth(x, sf, 100.0, 10.0, clip);
            SpikeDetector.psthInPlace(x, sf, 100.0, 10.0, clip);
            assertArrayEquals(psth, x, "case " + i);
        }
    }

    @Test
    void tenMillisecondWindowKeepsOneMillisecondSpikesThatTheLegacyWindowErases() {
        // cases 4..9 of the reference file: the same 1 ms-spike trace at 10 ms, then at 1 ms
        ReferenceFile ref = ReferenceFile.load("spikes_binning_ramps.mat");
        for (int i = 4; i < 10; i += 2) {
            assertEquals(10.0, ref.scalar("sp" + i + "_clip"));
            assertEquals(1.0, ref.scalar("sp" + (i + 1) + "_clip"));
            double sf = ref.scalar("sp" + i + "_sf");
            double[] x = ref.values("sp" + i + "_x");
            double tenMs = crossings(SpikeDetector.detect(x, sf, 100.0, 10.0, 10.0));
            double oneMs = crossings(SpikeDetector.detect(x, sf, 100.0, 10.0, 1.0));
            assertEquals(ref.scalar("sp" + i + "_crossings"), tenMs, 0.0, "case " + i);
            assertTrue(tenMs > 100 && oneMs < tenMs / 10, "case " + i + ": 10 ms finds " + tenMs + ", 1 ms " + oneMs);
        }
    }

    private static double crossings(SpikeDetection s) {
        double n = 0;
        for (double v : s.train()) {
            n += v;
        }
        return n;
    }

    @Test
    void hannWindowIsSymmetricWithZeroEnds() {
        assertArrayEquals(new double[] {0, 0.5, 1, 0.5, 0}, SpikeDetector.hann(5), 1e-15);
        assertArrayEquals(new double[] {0, 1, 0}, SpikeDetector.hann(3), 1e-15);
    }

    @Test
    void psthKeepsTheSameCentredPartOfTheFullConvolution() {
        // 4 kHz, 1 ms: 4-sample clip median, Hann of round(84) samples, centre from (84-1)/2 = 41
        double[] x = new double[400];
        x[150] = 100.0;
        SpikeDetection s = SpikeDetector.detect(x, 4000.0, 100.0, 10.0, 1.0);
        for (int i = 0; i < 400; i++) {
            assertEquals(i == 150 ? 1.0 : 0.0, s.train()[i], 0.0, "train " + i);
        }
        double[] hann = SpikeDetector.hann(84);
        for (int i = 0; i < 400; i++) {
            double expected = (i >= 150 - 41 && i < 150 - 41 + 84) ? hann[i - 150 + 41] : 0.0;
            assertEquals(expected, s.psth()[i], 1e-15, "psth " + i);
        }
    }

    @Test
    void emptyRepeatGivesEmptyArraysAndNanThreshold() {
        SpikeDetection s = SpikeDetector.detect(new double[0], 10000.0, 100.0, 10.0, 10.0);
        assertEquals(0, s.psth().length);
        assertEquals(0, s.train().length);
        assertTrue(Double.isNaN(s.thresholdMv()));
    }
}
