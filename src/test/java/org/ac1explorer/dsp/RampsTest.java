package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class RampsTest {

    @Test
    void sin2RampsBothEndsOverRoundedSamples() {
        // 2 ms at 1 kHz: 2 samples, gains sin²(0) = 0 and sin²(π/4) = 0.5
        assertArrayEquals(new double[] {0, 0.5, 1, 1, 0.5, 0}, Ramps.sin2(new double[] {1, 1, 1, 1, 1, 1}, 1000.0, 2.0), 1e-15);
    }

    @Test
    void rampIsCappedAtHalfTheWaveform() {
        // 5 ms at 1 kHz would be 5 samples; 4 samples cap it at 2
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0}, Ramps.sin2(new double[] {1, 1, 1, 1}, 1000.0, 5.0), 1e-15);
        assertArrayEquals(new double[] {3}, Ramps.sin2(new double[] {3}, 1000.0, 5.0));
        assertArrayEquals(new double[0], Ramps.sin2(new double[0], 1000.0, 5.0));
    }

    @Test
    void inPlaceRampsOnlyTheSegmentItIsGiven() {
        double[] w = {9, 1, 1, 1, 1, 1, 1, 9};
        Ramps.sin2InPlace(w, 1, 6, 1000.0, 2.0);
        assertArrayEquals(new double[] {9, 0, 0.5, 1, 1, 0.5, 0, 9}, w, 1e-15);
    }

    @Test
    void matchesReference() {
        ReferenceFile ref = ReferenceFile.load("spikes_binning_ramps.mat");
        for (int i = 0; i < ref.integer("ramp_count"); i++) {
            double[] p = ref.values("ramp" + i + "_p");
            Approx.assertClose(ref.values("ramp" + i + "_y"), Ramps.sin2(ref.values("ramp" + i + "_x"), p[0], p[1]), 1e-15,
                    "case " + i);
        }
    }
}
