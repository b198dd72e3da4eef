package org.ac1explorer.dataset;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.StimulusInfo;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5Writer;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Sink;
import us.hebi.matlab.mat.types.Sinks;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/**
 * Writes an {@link AssembledDataset} as one MAT v5 file in the export schema (docs/processing.md §4), readable
 * by scipy.io.loadmat and MATLAB. The file is written to a temporary name in the target folder and
 * renamed, so the target is either the previous file or the complete new one. In waveform mode
 * ({@link AssembledDataset#isWaveform()}) each {@code stims} cell is a 1 x T·hop single row at
 * {@code params.audio_fs} Hz and {@code params.waveform} is true.
 */
public final class MatExport {
    private MatExport() {
    }

    /** Writes {@code d} to {@code out}; refuses to replace an existing file unless {@code overwrite}. */
    public static void write(AssembledDataset d, Path out, boolean overwrite) throws IOException {
        write(d, out, overwrite, MatExport::stream);
    }

    /** Writes a dataset's MAT file to a path; a seam for tests of failures half-way (a full disk). */
    interface FileWriter {
        void write(AssembledDataset d, Path file) throws IOException;
    }

    /** Takes one variable; it is not used afterwards. */
    interface VariableSink {
        void put(String name, Array value) throws IOException;
    }

    /**
     * Streams, not memory-maps: a full disk is then an IOException, not an InternalError from a
     * mapped page. Each variable is written and closed before the next is built, so the file's
     * values are never all in memory at once beside the dataset.
     */
    private static void stream(AssembledDataset d, Path file) throws IOException {
        try (Sink sink = Sinks.newStreamingFile(file.toFile())) {
            Mat5Writer writer = Mat5.newWriter(sink).writeMat(Mat5.newMatFile());   // the 128-byte header
            variables(d, (name, value) -> {
                try {
                    writer.writeArray(name, value);
                } finally {
                    value.close();
                }
            });
            writer.flush();
        }
    }

    static void write(AssembledDataset d, Path out, boolean overwrite, FileWriter writer) throws IOException {
        Path target = out.toAbsolutePath();
        OutputTarget.checkReplaceable(target, overwrite);
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException(target + ": the folder " + dir + " does not exist");
        }
        ExportSize size = ExportSize.of(d);
        size.checkFits(d.params(), d.isWaveform(), ExportSize.MAX_VARIABLE_BYTES);
        long bytes = size.fileBytes();
        OutputTarget.checkFreeSpace(target, bytes);
        Path tmp = TempFiles.createBeside(dir, target.getFileName().toString());
        try {
            try {
                writer.write(d, tmp);
            } catch (IOException e) {
                throw new IOException("cannot write " + target + ": " + reason(e) + " (the file needs "
                        + OutputTarget.megabytes(bytes) + "; the previous file, if any, is unchanged)", e);
            }
            OutputTarget.checkReplaceable(target, true); // became a device or folder meanwhile
            if (overwrite) {
                TempFiles.moveReplacing(tmp, target);
            } else {
                placeWithoutReplacing(tmp, target);
            }
        } finally {
            Files.deleteIfExists(tmp);
            TempFiles.release(tmp);
        }
    }

    /**
     * Puts {@code tmp} at {@code target} only if nothing is there: a hard link fails atomically when
     * a file appeared meanwhile; where links are not supported, a move that does not replace.
     */
    private static void placeWithoutReplacing(Path tmp, Path target) throws IOException {
        try {
            Files.createLink(target, tmp);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "appeared while exporting; left untouched (use --force to replace it)");
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "appeared while exporting; left untouched (use --force to replace it)");
            }
            Files.move(tmp, target);
        }
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Hands the export's variables to {@code mat} in file order. */
    private static void variables(AssembledDataset d, VariableSink mat) throws IOException {
        Params p = d.params();
        int nS = d.stimulusCount();
        int nN = d.neuronCount();
        mat.put("freqs", row(d.freqsHz()));
        Struct params = Mat5.newStruct()
                .set("dt_ms", Mat5.newScalar(p.dtMs()))
                .set("fmin", Mat5.newScalar(p.fminHz()))
                .set("fmax", Mat5.newScalar(p.fmaxHz()))
                .set("bins_per_octave", Mat5.newScalar(p.binsPerOctave()))
                .set("window_ms", Mat5.newScalar(p.effectiveWindowMs()))
                .set("detrend_med_ms", Mat5.newScalar(p.detrendMedMs()))
                .set("detrend_gauss_ms", Mat5.newScalar(p.detrendGaussMs()))
                .set("abs_mv_max", Mat5.newScalar(p.absMvMax()))
                .set("step_mv", Mat5.newScalar(p.stepMv()))
                .set("max_step_frac", Mat5.newScalar(p.maxStepFrac()))
                .set("min_xcorr", Mat5.newScalar(p.minXcorr()))
                .set("spike_clip_ms", Mat5.newScalar(p.spikeClipMs()))
                .set("experimenter", Mat5.newString(String.join(",", p.experimenters())))
                .set("sites", Mat5.newString(String.join(",", p.sites())))
                // the loader's return_waveform and audio_fs (None, here [], in spectrogram mode)
                .set("waveform", Mat5.newLogicalScalar(d.isWaveform()))
                .set("audio_fs", d.isWaveform() ? Mat5.newScalar(d.waveformMode().audioFs()) : Mat5.newMatrix(0, 0));
        mat.put("params", params);

        Cell stims = Mat5.newCell(nS, 1);
        Cell stimMeta = Mat5.newCell(nS, 1);
        for (int s = 0; s < nS; s++) {
            StimulusEntry e = d.stimuli().get(s);
            stims.set(s, 0, d.isWaveform() ? singleRow(e.waveform()) : single(e.spectrogramDb()));
            stimMeta.set(s, 0, stimulusMeta(e.info()));
        }
        mat.put("stims", stims);

        Cell responses = Mat5.newCell(nS, nN);
        for (int s = 0; s < nS; s++) {
            for (int n = 0; n < nN; n++) {
                float[][] r = d.response(s, n);
                responses.set(s, n, r == null ? Mat5.newScalar(Double.NaN) : widened(r));
            }
        }
        mat.put("responses", responses);
        mat.put("stim_meta", stimMeta);

        Cell nrnMeta = Mat5.newCell(nN, 1);
        for (int n = 0; n < nN; n++) {
            nrnMeta.set(n, 0, withReliability(neuronMeta(d.neurons().get(n)), d, n));
        }
        mat.put("nrn_meta", nrnMeta);
        RejectionCounts rc = d.rejections();
        CurationOutcome cur = d.curation();
        Struct rejections = Mat5.newStruct()
                .set("kept", Mat5.newScalar(cur == null ? rc.kept() : rc.kept() - cur.manualReject() + cur.manualKeep()))
                .set("range", Mat5.newScalar(rc.range()))
                .set("step", Mat5.newScalar(rc.step()))
                .set("xcorr", Mat5.newScalar(rc.xcorr()));
        if (cur != null) {
            rejections.set("manual_reject", Mat5.newScalar(cur.manualReject()))
                    .set("manual_keep", Mat5.newScalar(cur.manualKeep()));
        }
        mat.put("rejections", rejections);
        if (cur != null) {
            mat.put("curation", curation(cur));
        }
        mat.put("signal_type", Mat5.newString(d.signalType()));
        addLoadReport(mat, d);
    }

    /**
     * The {@code curation} variable: {@code overrides} (K x 1 struct array: cell, stimulus, repeat
     * (1-based), verdict "keep"/"reject", note) and {@code excluded_cells} (E x 1 struct array:
     * cell, note), the entries of the curation file that matched the cohort (0 x 1 with no fields when none did).
     */
    private static Struct curation(CurationOutcome cur) {
        Struct overrides = Mat5.newStruct(cur.applied().size(), 1);
        for (int i = 0; i < cur.applied().size(); i++) {
            var o = cur.applied().get(i);
            overrides.set("cell", i, Mat5.newString(o.key().cell()))
                    .set("stimulus", i, Mat5.newString(o.key().stimulus()))
                    .set("repeat", i, Mat5.newScalar(o.key().repeat()))
                    .set("verdict", i, Mat5.newString(o.verdict().label()))
                    .set("note", i, Mat5.newString(o.note()));
        }
        Struct excluded = Mat5.newStruct(cur.excluded().size(), 1);
        for (int i = 0; i < cur.excluded().size(); i++) {
            excluded.set("cell", i, Mat5.newString(cur.excluded().get(i).cell()))
                    .set("note", i, Mat5.newString(cur.excluded().get(i).note()));
        }
        return Mat5.newStruct().set("overrides", overrides).set("excluded_cells", excluded);
    }

    /** The hearing range of the rat (Hz) that the reference loader declares for this dataset. */
    static final double[] HEARING_RANGE_HZ = {250, 76000};

    /**
     * Variables added after the reference schema (compare.py ignores them): {@code dropped_cells}
     * (struct: {@code count}, and {@code sessions}, D x 1 cell of the dropped cells' session names
     * in cell order), {@code warnings} (W x 1 cell of char: the lines {@code summary} lists, see
     * {@link AssembledDataset#reportLines()}) and {@code hearing_range_hz} (1 x 2 double).
     */
    private static void addLoadReport(VariableSink mat, AssembledDataset d) throws IOException {
        Cell sessions = Mat5.newCell(d.droppedCells(), 1);
        for (int i = 0; i < d.droppedCells(); i++) {
            sessions.set(i, 0, Mat5.newString(d.dropped().get(i).session()));
        }
        mat.put("dropped_cells", Mat5.newStruct()
                .set("count", Mat5.newScalar(d.droppedCells()))
                .set("sessions", sessions));
        List<String> lines = d.reportLines();
        Cell warnings = Mat5.newCell(lines.size(), 1);
        for (int i = 0; i < lines.size(); i++) {
            warnings.set(i, 0, Mat5.newString(lines.get(i)));
        }
        mat.put("warnings", warnings);
        mat.put("hearing_range_hz", row(HEARING_RANGE_HZ));
    }

    private static Matrix row(double[] v) {
        Matrix m = Mat5.newMatrix(1, v.length);
        for (int i = 0; i < v.length; i++) {
            m.setDouble(0, i, v[i]);
        }
        return m;
    }

    private static Matrix single(float[][] a) {
        int rows = a.length;
        int cols = rows == 0 ? 0 : a[0].length;
        Matrix m = Mat5.newMatrix(rows, cols, MatlabType.Single);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m.setFloat(r, c, a[r][c]);
            }
        }
        return m;
    }

    /** A waveform as a 1 x n single row. */
    private static Matrix singleRow(float[] a) {
        Matrix m = Mat5.newMatrix(1, a.length, MatlabType.Single);
        for (int c = 0; c < a.length; c++) {
            m.setFloat(0, c, a[c]);
        }
        return m;
    }

    private static Matrix widened(float[][] a) {
        int rows = a.length;
        int cols = rows == 0 ? 0 : a[0].length;
        Matrix m = Mat5.newMatrix(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m.setDouble(r, c, a[r][c]);
            }
        }
        return m;
    }

    private static Struct stimulusMeta(StimulusInfo info) {
        Struct st = Mat5.newStruct()
                .set("experimenter", Mat5.newString(info.experimenter()))
                .set("category", Mat5.newString(info.category()))
                .set("description", Mat5.newString(info.description()))
                .set("duration_s", Mat5.newScalar(info.durationMs() / 1000.0));
        if (info.isWehr()) {
            st.set("idx", Mat5.newScalar(info.idx()));
        } else {
            st.set("class_n", Mat5.newScalar(info.classN() == null ? Double.NaN : info.classN()));
            double[] segs = info.segments().stream().mapToDouble(Integer::doubleValue).toArray();
            st.set("segments", row(segs));
            Cell files = Mat5.newCell(1, info.segmentFiles().size());
            for (int i = 0; i < info.segmentFiles().size(); i++) {
                files.set(0, i, Mat5.newString(info.segmentFiles().get(i)));
            }
            st.set("segment_files", files);
            // the reference loader's name for the same parsed indices (added after the schema)
            st.set("sequence", row(segs));
        }
        return st;
    }

    private static Struct neuronMeta(CellRecord c) {
        Integer pen = c.penetrationNumber();
        return Mat5.newStruct()
                .set("experimenter", Mat5.newString(c.experimenter()))
                .set("session", Mat5.newString(c.session()))
                .set("animal_id", Mat5.newString(c.animalId()))
                .set("penetration", pen != null ? Mat5.newScalar(pen) : Mat5.newString(c.penetration()))
                .set("date", Mat5.newString(c.date()))
                .set("site", Mat5.newString(c.site()))
                .set("recording_type", Mat5.newString(c.recordingType()))
                .set("signal_type", Mat5.newString(c.signalType()))
                .set("species", Mat5.newString("rat"))
                .set("wehr_cell_idx", Mat5.newScalar(c.wehrCellIdx()));
    }

    /**
     * Fields added after the reference schema (compare.py ignores them): {@code cc_max}, the cell's
     * noise ceiling over its stimuli in this file ({@link Reliability#pooled}: each stimulus' kept
     * repeats, pooled by time bins; NaN when no stimulus has 2 kept repeats); {@code wehr_published},
     * 1 for the Wehr cells of the published models, else 0; {@code split}, the published
     * [train val test] stimulus counts as a 1x3 double for Wehr cells, empty (0x0) for the others.
     */
    private static Struct withReliability(Struct meta, AssembledDataset d, int n) {
        List<float[][]> blocks = new java.util.ArrayList<>();
        for (int s = 0; s < d.stimulusCount(); s++) {
            blocks.add(d.response(s, n));
        }
        CellRecord c = d.neurons().get(n);
        meta.set("cc_max", Mat5.newScalar(Reliability.pooled(blocks).ccMax()));
        boolean wehr = c.experimenter().equals("wehr") && c.wehrCellIdx() >= 0;
        meta.set("wehr_published", Mat5.newScalar(wehr && WehrPublishedSubset.isPublished(c.wehrCellIdx()) ? 1 : 0));
        var split = wehr ? WehrPublishedSubset.split(c.wehrCellIdx()) : java.util.Optional.<WehrPublishedSubset.Split>empty();
        meta.set("split", split.map(sp -> row(new double[] {sp.train(), sp.validation(), sp.test()}))
                .orElseGet(() -> Mat5.newMatrix(0, 0)));
        return meta;
    }
}
