package org.ac1explorer.archive;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The byte arrays behind MAT values that were closed (mfl-core gives a value's buffers back when
 * the file holding it is closed), kept for the next values read: a cohort pass reads one trial file
 * after another, each of a few MB, and would otherwise allocate them all anew. Bounded in total bytes.
 */
final class MatBufferPool {
    /** Bytes kept at most over all arrays. */
    private static final long KEEP_BYTES = 64L << 20;
    /** A kept array serves a request of at least this fraction of its length, so small values do not pin large arrays. */
    private static final int MAX_WASTE_FACTOR = 2;
    /** Smaller arrays are not kept: they cost the collector little and would crowd the list. */
    private static final int MIN_KEEP_BYTES = 64 << 10;

    static final MatBufferPool SHARED = new MatBufferPool();

    private final List<byte[]> free = new ArrayList<>();
    private long bytes;

    /** A zeroed buffer of {@code numBytes} at position 0 and limit {@code numBytes}, as mfl-core's allocator contract asks. */
    ByteBuffer take(int numBytes) {
        byte[] a = numBytes < MIN_KEEP_BYTES ? null : takeArray(numBytes);
        if (a == null) {
            return ByteBuffer.allocate(numBytes);
        }
        Arrays.fill(a, 0, numBytes, (byte) 0);
        return ByteBuffer.wrap(a, 0, numBytes).slice();
    }

    private synchronized byte[] takeArray(int numBytes) {
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            int l = free.get(i).length;
            if (l >= numBytes && l / MAX_WASTE_FACTOR <= numBytes && (best < 0 || l < free.get(best).length)) {
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        byte[] a = free.remove(best);
        bytes -= a.length;
        return a;
    }

    /** Keeps the array of a buffer this pool or {@link ByteBuffer#allocate} made; others, and one already kept, are ignored. */
    synchronized void give(ByteBuffer buffer) {
        if (buffer == null || !buffer.hasArray() || buffer.isReadOnly() || buffer.arrayOffset() != 0) {
            return;
        }
        byte[] a = buffer.array();
        if (a.length < MIN_KEEP_BYTES || a.length > KEEP_BYTES / 4) {
            return;
        }
        for (byte[] f : free) {
            if (f == a) {
                return;     // given twice: keeping it twice would hand one array to two values
            }
        }
        free.add(a);
        bytes += a.length;
        while (bytes > KEEP_BYTES) {
            bytes -= free.remove(0).length;
        }
    }

    /** Bytes kept now. */
    synchronized long keptBytes() {
        return bytes;
    }
}
