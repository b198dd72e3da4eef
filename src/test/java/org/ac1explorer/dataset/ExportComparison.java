package org.ac1explorer.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Char;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/**
 * Compares two export files the way the reference's compare.py does (docs/processing.md §3): schema and
 * storage classes, S, N, F, frequencies, parameters, order and metadata of stimuli and neurons,
 * signal types, exact rejection counters, spectrograms within 1e-3 dB where the expected value is
 * above -150 dB, responses within 1e-6 relative, sentinels. Returns the list of failed checks.
 */
public final class ExportComparison {
    static final double SPEC_TOL_DB = 1e-3;
    static final double RESP_REL_TOL = 1e-6;
    static final double FLOOR_DB = -150.0;

    private final List<String> failures = new ArrayList<>();
    double worstSpecDb;
    double worstRespRatio;

    /** Samples per time bin of a waveform-mode actual file; 0 compares spectrograms. */
    private int waveformHop;

    public static ExportComparison compare(Path expected, Path actual) throws IOException {
        ExportComparison c = new ExportComparison();
        try (Mat5File e = Mat5.readFromFile(expected.toFile()); Mat5File a = Mat5.readFromFile(actual.toFile())) {
            c.run(e, a);
        }
        return c;
    }

    /**
     * Compares a waveform-mode export with a spectrogram-mode expected file: everything as
     * {@link #compare}, except that stimulus s must be a 1 x (T_s·hop) single row, T_s being the
     * expected spectrogram's frame count (the grid lock), instead of an equal spectrogram.
     */
    public static ExportComparison compareWaveform(Path expectedSpectrogramExport, Path actualWaveformExport, int hop)
            throws IOException {
        ExportComparison c = new ExportComparison();
        c.waveformHop = hop;
        try (Mat5File e = Mat5.readFromFile(expectedSpectrogramExport.toFile());
             Mat5File a = Mat5.readFromFile(actualWaveformExport.toFile())) {
            c.run(e, a);
        }
        return c;
    }

    public List<String> failures() {
        return failures;
    }

    private void fail(String msg) {
        if (failures.size() < 40) {
            failures.add(msg);
        }
    }

    private static String text(Array a) {
        if (a instanceof Cell c && c.getNumElements() == 1) {
            return text(c.get(0));
        }
        return a instanceof Char ch ? (ch.getNumElements() == 0 ? "" : ch.getString()) : null;
    }

    private static Double number(Array a) {
        if (a instanceof Matrix m) {
            return m.getNumElements() == 0 ? Double.NaN : m.getDouble(0);
        }
        return null;
    }

    private static Object meta(Struct s, String name) {
        if (!s.getFieldNames().contains(name)) {
            return null;
        }
        Array v = s.get(name);
        if (name.equals("segment_files")) {
            List<String> out = new ArrayList<>();
            Cell c = (Cell) v;
            for (int i = 0; i < c.getNumElements(); i++) {
                out.add(text(c.get(i)));
            }
            return out;
        }
        if (name.equals("segments")) {
            Matrix m = (Matrix) v;
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < m.getNumElements(); i++) {
                out.add(m.getDouble(i));
            }
            return out;
        }
        String t = text(v);
        return t != null ? t : number(v);
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return (x.isNaN() && y.isNaN()) || Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x));
        }
        return Objects.equals(a, b);
    }

    private static Struct structAt(Cell c, int i) {
        return (Struct) c.get(i);
    }

    private void run(Mat5File e, Mat5File a) {
        for (String v : List.of("freqs", "params", "stims", "responses", "stim_meta", "nrn_meta", "rejections", "signal_type")) {
            try {
                a.getArray(v);
            } catch (RuntimeException ex) {
                fail("variable " + v + " missing");
                return;
            }
        }
        Matrix fe = e.getMatrix("freqs");
        Matrix fa = a.getMatrix("freqs");
        if (fa.getNumRows() != 1) {
            fail("freqs must be 1 x F, is " + fa.getNumRows() + " x " + fa.getNumCols());
        }
        if (fe.getNumElements() != fa.getNumElements()) {
            fail("F differs: expected " + fe.getNumElements() + ", actual " + fa.getNumElements());
        } else {
            for (int i = 0; i < fe.getNumElements(); i++) {
                if (Math.abs(fe.getDouble(i) - fa.getDouble(i)) > 1e-9 * Math.abs(fe.getDouble(i))) {
                    fail("freqs differ at band " + (i + 1));
                    break;
                }
            }
        }
        Struct pe = e.getStruct("params");
        Struct pa = a.getStruct("params");
        for (String name : pe.getFieldNames()) {
            if (!pa.getFieldNames().contains(name)) {
                fail("params." + name + " missing");
            } else if (!same(meta(pe, name), meta(pa, name))) {
                fail("params." + name + ": expected " + meta(pe, name) + ", actual " + meta(pa, name));
            }
        }
        if (!Objects.equals(text(e.getArray("signal_type")), text(a.getArray("signal_type")))) {
            fail("signal_type: expected " + text(e.getArray("signal_type")) + ", actual " + text(a.getArray("signal_type")));
        }
        Struct re = e.getStruct("rejections");
        Struct ra = a.getStruct("rejections");
        for (String c : List.of("kept", "range", "step", "xcorr")) {
            if (!Objects.equals(number(re.get(c)), number(ra.get(c)))) {
                fail("rejections." + c + ": expected " + number(re.get(c)) + ", actual " + number(ra.get(c)));
            }
        }
        Cell se = e.getCell("stims");
        Cell sa = a.getCell("stims");
        Cell rse = e.getCell("responses");
        Cell rsa = a.getCell("responses");
        int nS = se.getNumRows();
        int nN = rse.getNumCols();
        if (sa.getNumRows() != nS || sa.getNumCols() != 1) {
            fail("S differs or stims not S x 1: expected " + nS + " x 1, actual " + sa.getNumRows() + " x " + sa.getNumCols());
            return;
        }
        if (rsa.getNumRows() != nS || rsa.getNumCols() != nN) {
            fail("responses shape: expected " + nS + " x " + nN + ", actual " + rsa.getNumRows() + " x " + rsa.getNumCols());
            return;
        }
        Cell sme = e.getCell("stim_meta");
        Cell sma = a.getCell("stim_meta");
        for (int s = 0; s < nS; s++) {
            Struct x = structAt(sme, s);
            Struct y = structAt(sma, s);
            for (String name : x.getFieldNames()) {
                if (!same(meta(x, name), meta(y, name))) {
                    fail("stim " + (s + 1) + " stim_meta." + name + ": expected " + meta(x, name) + ", actual " + meta(y, name));
                }
            }
        }
        Cell nme = e.getCell("nrn_meta");
        Cell nma = a.getCell("nrn_meta");
        for (int n = 0; n < nN; n++) {
            Struct x = structAt(nme, n);
            Struct y = structAt(nma, n);
            for (String name : x.getFieldNames()) {
                if (!same(meta(x, name), meta(y, name))) {
                    fail("neuron " + (n + 1) + " nrn_meta." + name + ": expected " + meta(x, name) + ", actual " + meta(y, name));
                }
            }
        }
        for (int s = 0; s < nS; s++) {
            Matrix x = se.getMatrix(s);
            Matrix y = sa.getMatrix(s);
            if (y.getType() != MatlabType.Single) {
                fail("stims{" + (s + 1) + "} is " + y.getType() + ", expected single");
            }
            if (waveformHop > 0) {
                if (y.getNumRows() != 1 || y.getNumCols() != (long) x.getNumCols() * waveformHop) {
                    fail("stim " + (s + 1) + " waveform shape: expected 1 x " + x.getNumCols() + "*" + waveformHop
                            + ", actual " + y.getNumRows() + " x " + y.getNumCols());
                }
                continue;
            }
            if (x.getNumRows() != y.getNumRows() || x.getNumCols() != y.getNumCols()) {
                fail("stim " + (s + 1) + " spectrogram shape: expected " + x.getNumRows() + " x " + x.getNumCols()
                        + ", actual " + y.getNumRows() + " x " + y.getNumCols());
                continue;
            }
            for (int i = 0; i < x.getNumElements(); i++) {
                double ev = x.getDouble(i);
                if (ev > FLOOR_DB) {
                    double d = Math.abs(ev - y.getDouble(i));
                    d = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                    worstSpecDb = Math.max(worstSpecDb, d);
                    if (d > SPEC_TOL_DB) {
                        fail("stim " + (s + 1) + " spectrogram differs by " + d + " dB at element " + i);
                        break;
                    }
                }
            }
        }
        for (int s = 0; s < nS; s++) {
            for (int n = 0; n < nN; n++) {
                Matrix x = rse.getMatrix(s, n);
                Matrix y = rsa.getMatrix(s, n);
                String where = "stim " + (s + 1) + " x neuron " + (n + 1);
                if (y.getType() != MatlabType.Double) {
                    fail(where + ": response is " + y.getType() + ", expected double");
                }
                boolean xs = sentinel(x);
                boolean ys = sentinel(y);
                if (xs != ys) {
                    fail(where + ": expected " + (xs ? "the NaN sentinel" : "data") + ", actual " + (ys ? "the NaN sentinel" : "data"));
                    continue;
                }
                if (xs) {
                    continue;
                }
                if (x.getNumRows() != y.getNumRows() || x.getNumCols() != y.getNumCols()) {
                    fail(where + ": response shape expected " + x.getNumRows() + " x " + x.getNumCols()
                            + ", actual " + y.getNumRows() + " x " + y.getNumCols());
                    continue;
                }
                for (int i = 0; i < x.getNumElements(); i++) {
                    double ev = x.getDouble(i);
                    double av = y.getDouble(i);
                    if (Double.isNaN(ev) && Double.isNaN(av)) {
                        continue;
                    }
                    double ratio = Math.abs(ev - av) / (RESP_REL_TOL * Math.max(1, Math.abs(ev)));
                    ratio = Double.isNaN(ratio) ? Double.POSITIVE_INFINITY : ratio;
                    worstRespRatio = Math.max(worstRespRatio, ratio);
                    if (ratio > 1) {
                        fail(where + ": response differs at element " + i + " (expected " + ev + ", actual " + av + ")");
                        break;
                    }
                }
            }
        }
    }

    private static boolean sentinel(Matrix m) {
        return m.getNumRows() == 1 && m.getNumCols() == 1 && Double.isNaN(m.getDouble(0));
    }
}
