package org.ac1explorer.dsp;

/**
 * Python's {@code round()} for sample counts derived from durations (ms × Hz / 1000):
 * the nearest integer with halves going to the even neighbour (220.5 → 220, 221.5 → 222).
 */
public final class Rounding {

    private Rounding() {
    }

    /**
     * Rounds like Python's {@code int(round(x))}: ties to even.
     *
     * @throws IllegalArgumentException if {@code x} is NaN, infinite or outside the int range
     *                                  (Python raises there too)
     */
    public static int pyRound(double x) {
        double r = Math.rint(x);
        if (!(r >= Integer.MIN_VALUE && r <= Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("cannot round " + x + " to an int sample count");
        }
        return (int) r;
    }

    /** Samples in {@code ms} milliseconds at {@code sf} Hz, as the reference counts them: {@code round(ms*sf/1000)}. */
    public static int samples(double ms, double sf) {
        return pyRound(ms * sf / 1000.0);
    }
}
