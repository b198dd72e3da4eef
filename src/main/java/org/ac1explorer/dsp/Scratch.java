package org.ac1explorer.dsp;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-thread pools of work arrays, so that the per-repeat filters stop allocating (and the
 * collector stops growing the heap to) several trace-sized temporaries per repeat. An array taken
 * is out of the pool until given back, so a thread that runs another task while it holds one
 * (a fork/join worker helping while it waits) never gets the same array twice. A taken array is
 * at least as long as asked (the shortest that fits; new ones have room to spare) or, from the exact
 * pools, exactly as long, and holds arbitrary values: callers clear what they read before writing.
 */
final class Scratch {
    /** Arrays kept per thread and pool. */
    private static final int KEEP = 24;
    /** Longer arrays are not kept (elements), so an odd huge trace does not pin its memory. */
    private static final int KEEP_MAX_LENGTH = 1 << 22;
    private static final ThreadLocal<Scratch> OWN = ThreadLocal.withInitial(Scratch::new);

    private final List<double[]> doubles = new ArrayList<>(KEEP);
    private final List<long[]> longs = new ArrayList<>(KEEP);
    private final List<int[]> ints = new ArrayList<>(KEEP);
    /** Arrays handed out by exact length, kept apart: a new length drops those of others, so they die young instead of being copied by the collector. */
    private final List<double[]> exactDoubles = new ArrayList<>(KEEP);
    private final List<int[]> exactInts = new ArrayList<>(KEEP);

    private Scratch() {
    }

    static double[] doubles(int length) {
        List<double[]> free = OWN.get().doubles;
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            int l = free.get(i).length;
            if (l >= length && (best < 0 || l < free.get(best).length)) {
                best = i;
            }
        }
        return best >= 0 ? free.remove(best) : new double[roomy(length)];
    }

    /** A new array's length for a request of {@code length}: an eighth more, so slightly longer requests later (the next stimulus) reuse it. */
    private static int roomy(int length) {
        return (int) Math.min(Integer.MAX_VALUE - 8, length + (long) length / 8);
    }

    /**
     * A work array of exactly {@code length} (a pooled one when the pool has that length, as the
     * repeats of one stimulus do): for code whose callees size their loops by the array's length.
     */
    static double[] exactDoubles(int length) {
        Scratch own = OWN.get();
        List<double[]> free = own.exactDoubles;
        for (int i = 0; i < free.size(); i++) {
            if (free.get(i).length == length) {
                return free.remove(i);
            }
        }
        free.clear();
        return new double[length];
    }

    /** An int work array of exactly {@code length} (see {@link #exactDoubles}). */
    static int[] exactInts(int length) {
        List<int[]> free = OWN.get().exactInts;
        for (int i = 0; i < free.size(); i++) {
            if (free.get(i).length == length) {
                return free.remove(i);
            }
        }
        free.clear();
        return new int[length];
    }

    static long[] longs(int length) {
        List<long[]> free = OWN.get().longs;
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            int l = free.get(i).length;
            if (l >= length && (best < 0 || l < free.get(best).length)) {
                best = i;
            }
        }
        return best >= 0 ? free.remove(best) : new long[roomy(length)];
    }

    static int[] ints(int length) {
        List<int[]> free = OWN.get().ints;
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            int l = free.get(i).length;
            if (l >= length && (best < 0 || l < free.get(best).length)) {
                best = i;
            }
        }
        return best >= 0 ? free.remove(best) : new int[roomy(length)];
    }

    /** Gives an array back to the calling thread's pool (null is ignored). */
    static void give(double[] a) {
        if (a != null && a.length <= KEEP_MAX_LENGTH) {
            keep(OWN.get().doubles, a, a.length);
        }
    }

    static void give(long[] a) {
        if (a != null && a.length <= KEEP_MAX_LENGTH) {
            keep(OWN.get().longs, a, a.length);
        }
    }

    static void give(int[] a) {
        if (a != null && a.length <= KEEP_MAX_LENGTH) {
            keep(OWN.get().ints, a, a.length);
        }
    }

    /** Gives back an array from {@link #exactDoubles} (null is ignored). */
    static void giveExact(double[] a) {
        if (a != null && a.length <= KEEP_MAX_LENGTH) {
            keep(OWN.get().exactDoubles, a, a.length);
        }
    }

    /** Gives back an array from {@link #exactInts} (null is ignored). */
    static void giveExact(int[] a) {
        if (a != null && a.length <= KEEP_MAX_LENGTH) {
            keep(OWN.get().exactInts, a, a.length);
        }
    }

    /** Keeps the array as the most recent; a full list drops its least recently given (not its shortest: work moves between trace lengths). */
    private static <T> void keep(List<T> free, T a, int length) {
        free.add(a);
        if (free.size() > KEEP) {
            free.remove(0);
        }
    }
}
