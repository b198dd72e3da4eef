package org.ac1explorer.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class MatBufferPoolTest {

    @Test
    void aGivenBufferServesTheNextRequestZeroedAndSizedAsAsked() {
        MatBufferPool pool = new MatBufferPool();
        ByteBuffer first = pool.take(200_000);
        first.put(0, (byte) 7).put(150_000, (byte) 9);
        pool.give(first);
        ByteBuffer again = pool.take(180_000);
        assertSame(first.array(), again.array());
        assertEquals(0, again.position());
        assertEquals(180_000, again.limit());
        assertEquals(0, again.get(0));
        assertEquals(0, again.get(150_000));
    }

    @Test
    void aBufferGivenTwiceIsHandedOutOnce() {
        MatBufferPool pool = new MatBufferPool();
        ByteBuffer b = pool.take(100_000);
        pool.give(b);
        pool.give(b);
        assertNotSame(pool.take(100_000).array(), pool.take(100_000).array());
    }

    @Test
    void smallOrMuchLargerArraysAreNotHandedOut() {
        MatBufferPool pool = new MatBufferPool();
        pool.give(ByteBuffer.allocate(1000));
        assertEquals(0, pool.keptBytes());
        ByteBuffer big = ByteBuffer.allocate(1_000_000);
        pool.give(big);
        assertNotSame(big.array(), pool.take(100_000).array());
        assertSame(big.array(), pool.take(900_000).array());
    }

    @Test
    void theKeptBytesStayBounded() {
        MatBufferPool pool = new MatBufferPool();
        for (int i = 0; i < 100; i++) {
            pool.give(ByteBuffer.allocate(4 << 20));
        }
        assertEquals(64L << 20, pool.keptBytes());
    }
}
