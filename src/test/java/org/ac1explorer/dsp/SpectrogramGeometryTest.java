package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpectrogramGeometryTest {

    @Test
    void hopAndWindowAreRoundedWithTiesToEven() {
        assertEquals(new SpectrogramGeometry(220, 441), SpectrogramGeometry.of(44100, 5, 10));
        assertEquals(new SpectrogramGeometry(488, 977), SpectrogramGeometry.of(97656, 5, 10));
    }

    @Test
    void hopIsAtLeastOneAndWindowAtLeastFour() {
        assertEquals(new SpectrogramGeometry(1, 4), SpectrogramGeometry.of(1000, 0.1, 0.2));
    }

    @Test
    void framesAreTheCeilingOfSamplesOverHop() {
        SpectrogramGeometry g = new SpectrogramGeometry(220, 441);
        assertEquals(0, g.frames(0));
        assertEquals(1, g.frames(1));
        assertEquals(1, g.frames(220));
        assertEquals(2, g.frames(221));
    }
}
