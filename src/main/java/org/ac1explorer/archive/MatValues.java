package org.ac1explorer.archive;

import java.util.Optional;
import java.util.OptionalDouble;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Char;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Tolerant reading of MATLAB values the way the reference loader sees them: char or cell of char
 * for text, any numeric class (int16, uint16, int32, single, double, logical) for numbers, row or
 * column vectors, 1x1 cells unwrapped.
 */
public final class MatValues {
    private MatValues() {
    }

    /** The content of 1x1 cells (repeatedly); other arrays unchanged. */
    public static Array unwrap(Array a) {
        while (a instanceof Cell c && c.getNumElements() == 1) {
            a = c.get(0);
        }
        return a;
    }

    /** The first string of a char array or cell of char; empty when absent, empty or not text. */
    public static Optional<String> text(Array a) {
        a = unwrap(a);
        if (a instanceof Char ch) {
            if (ch.getNumElements() == 0) {
                return Optional.empty();
            }
            return Optional.of(ch.getNumRows() <= 1 ? ch.getString() : ch.getRow(0));
        }
        if (a instanceof Cell c && c.getNumElements() > 0) {
            return text(c.get(0));
        }
        return Optional.empty();
    }

    /** The first element of a numeric array; empty when absent, empty or not numeric. */
    public static OptionalDouble number(Array a) {
        a = unwrap(a);
        if (a instanceof Matrix m && m.getNumElements() > 0) {
            return OptionalDouble.of(m.getDouble(0));
        }
        return OptionalDouble.empty();
    }

    /**
     * All elements of a numeric array as doubles, in numpy's {@code ravel()} order (row-major),
     * which is what the reference reads; for vectors this is simply the vector.
     */
    public static Optional<double[]> doubles(Array a) {
        a = unwrap(a);
        if (!(a instanceof Matrix m)) {
            return Optional.empty();
        }
        double[] out = new double[m.getNumElements()];
        copyDoubles(m, out, 0);
        return Optional.of(out);
    }

    /** The values {@link #doubles} gives for {@code m}, written into {@code dst} from {@code at} (no array of their own). */
    static void copyDoubles(Matrix m, double[] dst, int at) {
        int[] dims = m.getDimensions();
        int n = m.getNumElements();
        if (dims.length == 2 && (dims[0] == 1 || dims[1] == 1)) {
            for (int i = 0; i < n; i++) {
                dst[at + i] = m.getDouble(i);
            }
        } else if (dims.length == 2) {
            int rows = dims[0];
            int cols = dims[1];
            int k = at;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    dst[k++] = m.getDouble(r + c * rows);
                }
            }
        } else {
            // more than two dimensions never occurs in the release; column-major is as good as any order
            for (int i = 0; i < n; i++) {
                dst[at + i] = m.getDouble(i);
            }
        }
    }

    /** Whether a numeric array is a vector (or empty, or scalar): its elements are then in ravel order as stored. */
    public static boolean isVector(Matrix m) {
        int[] dims = m.getDimensions();
        return dims.length == 2 && (dims[0] <= 1 || dims[1] <= 1);
    }

    /** The values as an n x 1 double matrix. */
    public static Matrix columnOf(double[] values) {
        Matrix m = us.hebi.matlab.mat.format.Mat5.newMatrix(values.length, 1);
        for (int i = 0; i < values.length; i++) {
            m.setDouble(i, values[i]);
        }
        return m;
    }

    /** A short name of an array's MATLAB class, for messages ("char", "struct", "double", ...). */
    public static String typeName(Array a) {
        if (a == null) {
            return "missing";
        }
        return switch (a.getType()) {
            case Character -> "char";
            case Structure -> "struct";
            case Cell -> "cell";
            default -> a.getType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
