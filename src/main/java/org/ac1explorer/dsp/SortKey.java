package org.ac1explorer.dsp;

/**
 * Order-preserving map from double to long: comparing keys as signed longs orders the values
 * as {@link Double#compare} does (-0.0 before 0.0, NaN after +∞), so heaps and radix sorts can
 * work on integers.
 */
final class SortKey {

    private SortKey() {
    }

    static long of(double v) {
        long bits = Double.doubleToLongBits(v);   // canonical NaN, positive, sorts last
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    static double value(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }
}
