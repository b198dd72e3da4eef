package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScratchTest {

    @Test
    void aShortArrayReturnedAfterManyLongOnesIsKept() {
        assertEquals(501, Scratch.exactDoubles(501).length);    // lets any pooled exact array go
        for (int i = 0; i < 40; i++) {
            Scratch.give(new double[10_000 + i]);
        }
        double[] shortOne = new double[500];
        Scratch.giveExact(shortOne);
        assertSame(shortOne, Scratch.exactDoubles(500));
    }

    @Test
    void exactRequestsNeverGetALongerArray() {
        Scratch.giveExact(new double[301]);
        Scratch.give(new double[302]);
        double[] got = Scratch.exactDoubles(300);
        assertEquals(300, got.length);
    }

    @Test
    void anExactRequestOfANewLengthLetsTheOtherLengthsGo() {
        double[] old = Scratch.exactDoubles(700);
        Scratch.giveExact(old);
        assertEquals(800, Scratch.exactDoubles(800).length);
        Scratch.giveExact(new double[800]);
        assertNotSame(old, Scratch.exactDoubles(700));
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

    @Test
    void aNewAtLeastArrayServesASlightlyLongerRequestNext() {
        double[] first = Scratch.doubles(80_000);
        assertTrue(first.length >= 80_000);
        Scratch.give(first);
        assertSame(first, Scratch.doubles(88_000));
    }
}
