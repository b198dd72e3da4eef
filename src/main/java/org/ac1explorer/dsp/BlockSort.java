package org.ac1explorer.dsp;

/**
 * Sorts a block of {@link SortKey} keys carrying their positions: a most-significant-digit
 * radix sort over the key range actually present (so smooth traces settle in one pass into
 * tiny buckets), insertion sort for small buckets. O(len · 64/digit) worst case. Equal keys
 * may end in any order.
 */
final class BlockSort {

    private static final int INSERTION_MAX = 64;
    private static final int MAX_DIGIT_BITS = 11;

    private BlockSort() {
    }

    /** Sorts all of {@code keys} ascending (signed); {@code tmp} is scratch of the same length. */
    static void sortKeys(long[] keys, long[] tmp) {
        sort(keys, 0, null, 0, tmp, null, keys.length);
    }

    /** Sorts {@code keys[from, from+len)} ascending (signed), permuting {@code pos[0, len)} alike (unless null). */
    static void sort(long[] keys, int from, int[] pos, long[] tmpKeys, int[] tmpPos, int len) {
        sort(keys, from, pos, 0, tmpKeys, tmpPos, len);
    }

    private static void sort(long[] keys, int kFrom, int[] pos, int pFrom, long[] tmpKeys, int[] tmpPos, int len) {
        if (len <= INSERTION_MAX) {
            insertion(keys, kFrom, pos, pFrom, len);
            return;
        }
        long min = keys[kFrom];
        long max = min;
        for (int i = 1; i < len; i++) {
            long v = keys[kFrom + i];
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        long range = max - min;                 // read as unsigned: max >= min
        if (range == 0) {
            return;
        }
        int bits = 64 - Long.numberOfLeadingZeros(range);
        int digitBits = Math.min(MAX_DIGIT_BITS, Math.max(4, 32 - Integer.numberOfLeadingZeros(len)));
        int shift = Math.max(0, bits - digitBits);
        int buckets = (int) (range >>> shift) + 1;
        int[] next = new int[buckets];
        for (int i = 0; i < len; i++) {
            next[(int) ((keys[kFrom + i] - min) >>> shift)]++;
        }
        int sum = 0;
        for (int b = 0; b < buckets; b++) {
            int c = next[b];
            next[b] = sum;
            sum += c;
        }
        if (pos == null) {
            for (int i = 0; i < len; i++) {
                long v = keys[kFrom + i];
                tmpKeys[next[(int) ((v - min) >>> shift)]++] = v;
            }
        } else {
            for (int i = 0; i < len; i++) {
                long v = keys[kFrom + i];
                int at = next[(int) ((v - min) >>> shift)]++;
                tmpKeys[at] = v;
                tmpPos[at] = pos[pFrom + i];
            }
            System.arraycopy(tmpPos, 0, pos, pFrom, len);
        }
        System.arraycopy(tmpKeys, 0, keys, kFrom, len);
        if (shift == 0) {
            return;                             // every bucket holds a single key value
        }
        // next[b] is now the end of bucket b: recurse into big buckets, then one insertion
        // pass finishes the small ones (elements only move within their bucket)
        int from = 0;
        for (int b = 0; b < buckets; b++) {
            int size = next[b] - from;
            if (size > INSERTION_MAX) {
                sort(keys, kFrom + from, pos, pFrom + from, tmpKeys, tmpPos, size);
            }
            from = next[b];
        }
        insertion(keys, kFrom, pos, pFrom, len);
    }

    private static void insertion(long[] keys, int kFrom, int[] pos, int pFrom, int len) {
        if (pos == null) {
            for (int i = 1; i < len; i++) {
                long v = keys[kFrom + i];
                int j = i - 1;
                while (j >= 0 && keys[kFrom + j] > v) {
                    keys[kFrom + j + 1] = keys[kFrom + j];
                    j--;
                }
                keys[kFrom + j + 1] = v;
            }
            return;
        }
        for (int i = 1; i < len; i++) {
            long v = keys[kFrom + i];
            int p = pos[pFrom + i];
            int j = i - 1;
            while (j >= 0 && keys[kFrom + j] > v) {
                keys[kFrom + j + 1] = keys[kFrom + j];
                pos[pFrom + j + 1] = pos[pFrom + j];
                j--;
            }
            keys[kFrom + j + 1] = v;
            pos[pFrom + j + 1] = p;
        }
    }
}
