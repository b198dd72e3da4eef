package org.ac1explorer.ui.common;

import java.util.Locale;

/** Number formatting for labels: no trailing zeros, a true minus sign, units spaced. */
public final class Formats {
    private Formats() {
    }

    /** {@code v} with at most {@code decimals} decimals, trailing zeros dropped, "−" for negatives. */
    public static String num(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        if (s.equals("-0")) {
            s = "0";
        }
        return s.replace('-', '−');
    }

    /** Three significant figures-ish: 212, 48.3, 1.25, 0.0312. */
    /** {@code v} with exactly {@code decimals} decimals (0.80, not 0.8), a true minus sign. */
    public static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return num(v, decimals);
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return (s.matches("-0\\.?0*") ? s.substring(1) : s).replace('-', '−');
    }

    public static String sig(double v) {
        double a = Math.abs(v);
        int d = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.1 ? 3 : 4;
        return num(v, d);
    }

    public static String ms(double v) {
        return sig(v) + " ms";
    }

    public static String seconds(double v) {
        return num(v, 3) + " s";
    }

    /** A frequency in kHz with sensible decimals: 0.1, 0.42, 3.2, 45. */
    public static String kHz(double hz) {
        double k = hz / 1000.0;
        return num(k, k < 1 ? 2 : k < 10 ? 1 : 0);
    }

    /** Parses a user's number: accepts a comma decimal separator and a "−" sign. */
    public static double parse(String text) throws NumberFormatException {
        String t = text.trim().replace('−', '-').replace(',', '.');
        if (t.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        return Double.parseDouble(t);
    }
}
