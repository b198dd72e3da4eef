package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RoundingTest {

    @Test
    void pyRoundSendsTiesToTheEvenNeighbour() {
        assertEquals(220, Rounding.pyRound(220.5));
        assertEquals(222, Rounding.pyRound(221.5));
        assertEquals(260, Rounding.pyRound(260.5));
        assertEquals(300, Rounding.pyRound(300.5));
        assertEquals(0, Rounding.pyRound(0.5));
        assertEquals(2, Rounding.pyRound(2.5));
        assertEquals(0, Rounding.pyRound(-0.5));
        assertEquals(-2, Rounding.pyRound(-1.5));
    }

    @Test
    void pyRoundRoundsNonTiesToNearest() {
        assertEquals(221, Rounding.pyRound(220.500001));
        assertEquals(488, Rounding.pyRound(488.28));
        assertEquals(977, Rounding.pyRound(976.56));
        assertEquals(-3, Rounding.pyRound(-2.7));
    }

    @Test
    void samplesOfFiveMsAt44100HzIs220NotMathRoundsValue() {
        assertEquals(220, Rounding.samples(5.0, 44100.0));
        assertEquals(221, Math.round(5.0 * 44100.0 / 1000.0));
    }

    @Test
    void pyRoundRefusesWhatPythonCannotConvert() {
        assertThrows(IllegalArgumentException.class, () -> Rounding.pyRound(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Rounding.pyRound(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Rounding.pyRound(1e12));
    }
}
