package org.ac1explorer.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ac1explorer.Fixtures;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.ProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/**
 * Waveform mode on the ac1-mini fixture: the grid lock (T·hop samples, T as in spectrogram mode),
 * responses identical to the reference's spectrogram-mode export, and the waveform samples equal
 * to the documented algorithm (make_waveform_expected.py).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaveformExportTest {
    @TempDir
    Path tmp;

    private Ac1Archive archive;

    @BeforeAll
    void open() throws Exception {
        archive = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE);
    }

    @org.junit.jupiter.api.AfterAll
    void close() throws Exception {
        archive.close();
    }

    private Path export(Params p, WaveformMode mode, String name) throws Exception {
        Path out = tmp.resolve(name);
        MatExport.write(DatasetAssembler.assemble(archive, p, mode, ProgressMonitor.NONE), out, true);
        return out;
    }

    @Test
    void defaultsGridLockAndKeepTheReferenceResponses() throws Exception {
        Path out = export(Params.defaults(), WaveformMode.defaults(), "wave.mat");
        ExportComparison c = ExportComparison.compareWaveform(Fixtures.file("ac1-mini.expected.mat"), out, 480);
        assertEquals(List.of(), c.failures());
        try (Mat5File m = Mat5.readFromFile(out.toFile())) {
            Struct params = m.getStruct("params");
            assertTrue(((Matrix) params.get("waveform")).getBoolean(0));
            assertEquals(96000.0, ((Matrix) params.get("audio_fs")).getDouble(0));
        }
    }

    @Test
    void dt2GridLocksAndKeepsTheReferenceResponses() throws Exception {
        Params p = Params.defaults().withDtMs(2).withFmaxHz(25600);
        Path out = export(p, WaveformMode.defaults(), "wave-dt2.mat");
        ExportComparison c = ExportComparison.compareWaveform(Fixtures.file("ac1-mini.expected-dt2-fmax25600.mat"), out, 192);
        assertEquals(List.of(), c.failures());
    }

    @Test
    void responsesAndTAreThoseOfSpectrogramMode() {
        for (Params p : List.of(Params.defaults(), Params.defaults().withDtMs(7.5), Params.defaults().withSites(List.of("MGB")))) {
            AssembledDataset spec = DatasetAssembler.assemble(archive, p, ProgressMonitor.NONE);
            AssembledDataset wave = DatasetAssembler.assemble(archive, p, new WaveformMode(48000), ProgressMonitor.NONE);
            assertFalse(spec.isWaveform());
            assertTrue(wave.isWaveform());
            int hop = new WaveformMode(48000).hop(p.dtMs());
            assertEquals(spec.stimulusCount(), wave.stimulusCount());
            assertEquals(spec.neurons(), wave.neurons());
            assertEquals(spec.rejections(), wave.rejections());
            for (int s = 0; s < spec.stimulusCount(); s++) {
                StimulusEntry e = wave.stimuli().get(s);
                assertEquals(spec.stimuli().get(s).info(), e.info());
                assertEquals(spec.stimuli().get(s).frames(), e.frames(), "T of stimulus " + s);
                assertEquals((long) e.frames() * hop, e.waveform().length, "T x hop samples, stimulus " + s);
                for (int n = 0; n < spec.neuronCount(); n++) {
                    float[][] a = spec.response(s, n);
                    float[][] b = wave.response(s, n);
                    if (a == null) {
                        assertSame(null, b);
                    } else {
                        assertTrue(Arrays.deepEquals(a, b), "response " + s + " x " + n);
                    }
                }
            }
        }
    }

    @Test
    void waveformsAreTheDocumentedAlgorithms() throws Exception {
        Path ref = Path.of(WaveformExportTest.class.getResource("/reference/mini-waveform.mat").toURI());
        double worst = 0;
        try (Mat5File m = Mat5.readFromFile(ref.toFile())) {
            int cases = (int) m.getMatrix("case_count").getDouble(0);
            for (int c = 0; c < cases; c++) {
                double dt = m.getMatrix("c" + c + "_dt_ms").getDouble(0);
                int fs = (int) m.getMatrix("c" + c + "_audio_fs").getDouble(0);
                AssembledDataset d = DatasetAssembler.assemble(archive, Params.defaults().withDtMs(dt), new WaveformMode(fs),
                        ProgressMonitor.NONE);
                int count = (int) m.getMatrix("c" + c + "_count").getDouble(0);
                assertEquals(count, d.stimulusCount());
                for (int s = 0; s < count; s++) {
                    String key = "c" + c + "_s" + s;
                    String what = "dt " + dt + " ms, " + fs + " Hz, stimulus " + s;
                    float[] w = d.stimuli().get(s).waveform();
                    assertEquals((int) m.getMatrix(key + "_len").getDouble(0), w.length, what + ": length");
                    double peak = 0;
                    for (float v : w) {
                        peak = Math.max(peak, Math.abs(v));
                    }
                    double ulp = Math.ulp((float) peak);
                    int mid = (int) m.getMatrix(key + "_mid_at").getDouble(0);
                    worst = Math.max(worst, window(m.getMatrix(key + "_head"), w, 0, ulp, what + " head"));
                    worst = Math.max(worst, window(m.getMatrix(key + "_mid"), w, mid, ulp, what + " middle"));
                    worst = Math.max(worst, window(m.getMatrix(key + "_tail"), w, w.length - 1024, ulp, what + " tail"));
                }
            }
        }
        System.out.println("waveform mode vs documented algorithm: worst " + worst + " float32 ulp of the peak");
    }

    private static double window(Matrix expected, float[] actual, int at, double ulp, String what) {
        double worst = 0;
        for (int i = 0; i < expected.getNumElements(); i++) {
            double d = Math.abs(expected.getDouble(i) - actual[at + i]) / ulp;
            worst = Math.max(worst, d);
            assertTrue(d <= 1.0, what + " [" + (at + i) + "]: expected " + expected.getDouble(i) + ", actual " + actual[at + i]);
        }
        return worst;
    }

    @Test
    void exportWritesSingleRowsAndModeParameters() throws Exception {
        Path out = export(Params.defaults().withExperimenters(List.of("wehr")).withDtMs(10), new WaveformMode(44100), "wehr.mat");
        try (Mat5File m = Mat5.readFromFile(out.toFile())) {
            for (int s = 0; s < m.getCell("stims").getNumElements(); s++) {
                Matrix row = m.getCell("stims").getMatrix(s);
                assertEquals(MatlabType.Single, row.getType());
                assertEquals(1, row.getNumRows());
                assertEquals(0, row.getNumCols() % 441);
            }
            assertEquals(44100.0, ((Matrix) m.getStruct("params").get("audio_fs")).getDouble(0));
        }
        Path spec = tmp.resolve("spec.mat");
        MatExport.write(DatasetAssembler.assemble(archive, Params.defaults(), ProgressMonitor.NONE), spec, true);
        try (Mat5File m = Mat5.readFromFile(spec.toFile())) {
            assertFalse(((Matrix) m.getStruct("params").get("waveform")).getBoolean(0));
            assertEquals(0, ((Matrix) m.getStruct("params").get("audio_fs")).getNumElements());
        }
    }

    @Test
    void waveformsTooLargeForAMatVariableAreRefusedBeforeWriting() throws Exception {
        AssembledDataset d = DatasetAssembler.assemble(archive, Params.defaults(), WaveformMode.defaults(), ProgressMonitor.NONE);
        java.io.IOException e = assertThrows(java.io.IOException.class,
                () -> ExportSize.of(d).checkFits(d.params(), true, 1_000_000));
        assertTrue(e.getMessage().contains("--audio-fs"), e.getMessage());
        ExportSize.of(d).checkFits(d.params(), true, ExportSize.MAX_VARIABLE_BYTES);
    }

    @Test
    void aGridThatDoesNotLockIsRefusedNamingTheParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetAssembler.assemble(archive, Params.defaults(), new WaveformMode(97656), ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("audio-fs") && e.getMessage().contains("dt-ms"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DatasetAssembler.assemble(archive, Params.defaults().withDtMs(2.5), new WaveformMode(44100), ProgressMonitor.NONE));
        assertThrows(IllegalArgumentException.class, () -> new WaveformMode(0).validate(5));
        assertEquals(List.of(), new WaveformMode(44100).errors(10));
        assertEquals(441, new WaveformMode(44100).hop(10));
        // the loader's tolerance: |ratio - round(ratio)| < 1e-6 (30000 x 0.1 / 1000 = 3.0000000000000004)
        assertEquals(List.of(), new WaveformMode(30000).errors(0.1));
        assertEquals(3, new WaveformMode(30000).hop(0.1));
    }
}
