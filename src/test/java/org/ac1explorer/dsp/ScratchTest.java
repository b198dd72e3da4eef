package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ScratchTest {

    @Test
    void aShortArrayReturnedAfterManyLongOnesIsKept() {
        for (int i = 0; i < 40; i++) {
            Scratch.give(new double[10_000 + i]);
        }
        double[] shortOne = new double[500];
        Scratch.give(shortOne);
        assertSame(shortOne, Scratch.exactDoubles(500));
    }

    @Test
    void exactRequestsNeverGetALongerArray() {
        Scratch.give(new double[301]);
        double[] got = Scratch.exactDoubles(300);
        assertEquals(300, got.length);
    }

    @Test
    void atLeastRequestsGetTheShortestArrayThatFits() {
        double[] big = new double[9000];
        double[] fits = new double[1200];
        Scratch.give(big);
        Scratch.give(fits);
        assertSame(fits, Scratch.doubles(1100));
        assertSame(big, Scratch.doubles(1300));
        assertNotSame(big, Scratch.doubles(1300));
    }
}
