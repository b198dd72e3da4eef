package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BinningTest {

    @Test
    void blockIsRoundedWithTiesToEvenAndTheLastPartialBinIsDropped() {
        // 5 ms at 44.1 kHz: round(220.5) = 220; 1000 samples -> 4 bins, 120 samples dropped
        double[] x = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        double[] y = Binning.mean(x, 44100.0, 5.0);
        assertEquals(4, y.length);
        assertEquals(109.5, y[0], 0.0);
        assertEquals(769.5, y[3], 0.0);
        assertArrayEquals(new double[] {1.5, 5.5}, Binning.mean(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 4000.0, 1.0));
    }

    @Test
    void traceShorterThanOneBlockGivesOneBinAndEmptyGivesNone() {
        assertArrayEquals(new double[] {2.0}, Binning.mean(new double[] {1, 2, 3}, 10000.0, 2.0));
        assertArrayEquals(new double[0], Binning.mean(new double[0], 10000.0, 2.0));
    }

    @Test
    void blockOfLessThanOneSampleMeansOneSample() {
        assertArrayEquals(new double[] {1, 2, 3}, Binning.mean(new double[] {1, 2, 3}, 10000.0, 0.01));
    }

    @Test
    void matchesReferenceBitForBit() {
        ReferenceFile ref = ReferenceFile.load("spikes_binning_ramps.mat");
        for (int i = 0; i < ref.integer("bin_count"); i++) {
            double[] p = ref.values("bin" + i + "_p");
            Approx.assertSame(ref.values("bin" + i + "_y"), Binning.mean(ref.values("bin" + i + "_x"), p[0], p[1]),
                    "case " + i + " sf=" + p[0] + " dt=" + p[1]);
        }
    }
}
