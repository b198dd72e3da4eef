package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LogBandsTest {

    @Test
    void exactPowersOfTwoGiveWholeOctaves() {
        assertEquals(49, LogBands.count(100, 25600, 6));
        assertEquals(97, LogBands.count(100, 25600, 12));
        assertEquals(55, LogBands.count(100, 51200, 6));
        assertEquals(1, LogBands.count(100, 100, 6));
        assertEquals(8.0, LogBands.log2(256.0), 0.0);
        assertEquals(-3.0, LogBands.log2(0.125), 0.0);
    }

    @Test
    void defaultRangeHas53Bands() {
        assertEquals(53, LogBands.count(100, 45000, 6));
        assertEquals(90, LogBands.count(250, 45000, 12));
    }

    @Test
    void countMatchesTheReferenceDeclaredF() {
        ReferenceFile ref = ReferenceFile.load("spectrogram.mat");
        for (double[] row : ref.rows("bands")) {
            assertEquals((int) row[3], LogBands.count(row[0], row[1], (int) row[2]), row[0] + ".." + row[1] + " @" + row[2]);
        }
    }

    @Test
    void centresAreFminTimesPowersOfTwo() {
        double[] f = LogBands.centresHz(100, 25600, 6);
        assertEquals(49, f.length);
        assertEquals(100.0, f[0], 0.0);
        assertEquals(200.0, f[6], 1e-12);
        assertEquals(25600.0, f[48], 1e-9);
        assertEquals(100 * Math.pow(2, 1.0 / 6), f[1], 1e-12);
    }

    @Test
    void invalidRangesNameTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogBands.count(0, 100, 6));
        assertEquals(true, e.getMessage().startsWith("fmin"));
        e = assertThrows(IllegalArgumentException.class, () -> LogBands.count(100, 50, 6));
        assertEquals(true, e.getMessage().startsWith("fmax"));
        e = assertThrows(IllegalArgumentException.class, () -> LogBands.count(100, 500, 0));
        assertEquals(true, e.getMessage().startsWith("bins_per_octave"));
    }
}
