package org.ac1explorer.dsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sources;

/**
 * Expected values written by {@code src/test/resources/dsp/make_expected.py} from the Python
 * reference: flat variables {@code <case><index>_<field>} and a {@code <case>_count} scalar.
 */
final class ReferenceFile {

    private final MatFile mat;

    private ReferenceFile(MatFile mat) {
        this.mat = mat;
    }

    static ReferenceFile load(String name) {
        try (InputStream in = ReferenceFile.class.getResourceAsStream("/dsp/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /dsp/" + name + " (run make_expected.py)");
            }
            return new ReferenceFile(Mat5.newReader(Sources.wrap(in.readAllBytes())).readMat());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All elements of a variable, column-major (a saved 1-D array is a row). */
    double[] values(String name) {
        Matrix m = mat.getMatrix(name);
        double[] out = new double[m.getNumElements()];
        for (int i = 0; i < out.length; i++) {
            out[i] = m.getDouble(i);
        }
        return out;
    }

    double scalar(String name) {
        return mat.getMatrix(name).getDouble(0);
    }

    int integer(String name) {
        return (int) scalar(name);
    }

    /** A 2-D variable as rows. */
    double[][] rows(String name) {
        Matrix m = mat.getMatrix(name);
        double[][] out = new double[m.getNumRows()][m.getNumCols()];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < out[r].length; c++) {
                out[r][c] = m.getDouble(r, c);
            }
        }
        return out;
    }
}
