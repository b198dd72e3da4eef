package org.ac1explorer.download;

import java.util.Locale;

/** Byte counts for people: decimal units (kB, MB, GB), one decimal. */
public final class Bytes {
    private Bytes() {
    }

    public static String format(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
