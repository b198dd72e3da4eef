package org.ac1explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ac1explorer.Fixtures;
import org.ac1explorer.dataset.ExportComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --waveform [--audio-fs N]}: grid-locked waveforms, the reference's responses, clear refusals. */
class WaveformCliTest {
    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void waveformExportKeepsTheReferenceResponsesAndLocksTheGrid() throws Exception {
        Path out = tmp.resolve("wave.mat");
        CliRun r = run("export", "--data", Fixtures.mini().toString(), "--out", out.toString(), "--waveform");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("waveforms at 96000 Hz, 480 samples per 5 ms bin"), r.out());
        assertEquals(List.of(), ExportComparison.compareWaveform(Fixtures.file("ac1-mini.expected.mat"), out, 480).failures());

        Path out2 = tmp.resolve("wave-dt2.mat");
        CliRun r2 = run("export", "--data", Fixtures.mini().toString(), "--out", out2.toString(), "--waveform",
                "--audio-fs", "48000", "--dt-ms", "2", "--fmax", "25600");
        assertEquals(0, r2.status(), r2.err());
        assertEquals(List.of(), ExportComparison.compareWaveform(Fixtures.file("ac1-mini.expected-dt2-fmax25600.mat"), out2, 96).failures());
    }

    @Test
    void spectrogramExportSaysSo() {
        Path out = tmp.resolve("spec.mat");
        CliRun r = run("export", "--data", Fixtures.mini().toString(), "--out", out.toString(), "--experimenter", "wehr");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("stims: log-spectrograms, 53 bands"), r.out());
    }

    @Test
    void badGridAndStrayAudioFsAreOneLineUsageErrors() {
        Path out = tmp.resolve("x.mat");
        CliRun r = run("export", "--data", Fixtures.mini().toString(), "--out", out.toString(), "--waveform", "--audio-fs", "97656");
        assertEquals(2, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--audio-fs") && r.err().contains("--dt-ms") && r.err().contains("488.28"), r.err());
        assertFalse(Files.exists(out));

        CliRun stray = run("export", "--data", Fixtures.mini().toString(), "--out", out.toString(), "--audio-fs", "48000");
        assertEquals(2, stray.status());
        assertTrue(stray.err().contains("--audio-fs only applies with --waveform"), stray.err());

        CliRun notInt = run("export", "--data", "x", "--out", out.toString(), "--waveform", "--audio-fs", "96000.5");
        assertEquals(2, notInt.status());
        assertTrue(notInt.err().contains("--audio-fs: \"96000.5\" is not an integer"), notInt.err());

        CliRun zero = run("export", "--data", "x", "--out", out.toString(), "--waveform", "--audio-fs", "0");
        assertEquals(2, zero.status());
        assertTrue(zero.err().contains("--audio-fs"), zero.err());

        assertTrue(run("export", "--help").out().contains("--waveform"));
        assertTrue(run("export", "--data", "x", "--out", out.toString(), "--waveform=yes").err().contains("--waveform takes no value"));
    }
}
