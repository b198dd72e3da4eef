package org.ac1explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ac1explorer.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Char;

class CliTest {
    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : new String[] {"summary", "export", "demo"}) {
            CliRun r = run(c, "--help");
            assertEquals(0, r.status());
            assertTrue(r.out().startsWith("usage: ac1-explorer " + c), r.out());
        }
        assertTrue(run("--help").out().contains("commands:"));
    }

    @Test
    void badFlagValueIsOneLineNamingTheFlag() {
        CliRun r = run("export", "--data", "x", "--out", tmp.resolve("a.mat").toString(), "--dt-ms", "-3");
        assertEquals(2, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--dt-ms"), r.err());
        assertTrue(run("export", "--data", "x", "--out", "y.mat", "--fmin", "abc").err().contains("--fmin: \"abc\" is not a number"));
        assertTrue(run("summary", "--data", "x", "--bogus", "1").err().contains("unknown option --bogus"));
        assertTrue(run("export", "--data", "x", "--out", "y.mat", "--fmin", "500", "--fmax", "400").err().contains("--fmax"));
    }

    @Test
    void missingDataFolderIsNamed() {
        Path absent = tmp.resolve("nowhere");
        CliRun r = run("summary", "--data", absent.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains(absent.toString()) && r.err().contains("does not exist"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void summaryReportsCountersAndProblems() {
        CliRun r = run("summary", "--data", Fixtures.mini().toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Repeats: 41 gated, 37 kept; rejected: range 2, step 1, xcorr 1"), r.out());
        assertTrue(r.out().contains("20020101-mw-001-017.mat"), r.out());
        assertTrue(r.out().contains("above the Nyquist frequency (22050 Hz)"), r.out());
        assertFalse(run("summary", "--data", Fixtures.mini().toString(), "--fmax", "20000").out().contains("Nyquist"));
    }

    @Test
    void summaryNamesDroppedCellsAndListsWhatTheExportRecordsAsWarnings() throws Exception {
        Path edge = Fixtures.file("ac1-edge");
        CliRun summary = run("summary", "--data", edge.toString());
        assertEquals(0, summary.status(), summary.err());
        assertTrue(summary.out().contains("2 cell(s) dropped (no repeat survived): 20030103-mw-003, 20060201-ha2-003"),
                summary.out());
        Path out = tmp.resolve("edge.mat");
        assertEquals(0, run("export", "--data", edge.toString(), "--out", out.toString()).status());
        List<String> lines = new ArrayList<>();
        try (var mat = Mat5.readFromFile(out.toFile())) {
            var cell = mat.getCell("warnings");
            for (int i = 0; i < cell.getNumElements(); i++) {
                lines.add(((Char) cell.get(i)).getString());
            }
        }
        assertEquals(7, lines.size(), lines.toString());
        for (String line : lines) {
            String text = line.replaceFirst("^(warning|error): ", "");
            assertTrue(summary.out().contains(text), "summary does not list: " + text);
        }
    }

    @Test
    void exportRefusesToOverwriteWithoutForce() throws Exception {
        Path out = tmp.resolve("a.mat");
        Files.writeString(out, "keep me");
        CliRun r = run("export", "--data", Fixtures.mini().toString(), "--out", out.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("--force"), r.err());
        assertEquals("keep me", Files.readString(out));
        assertEquals(0, run("export", "--data", Fixtures.mini().toString(), "--out", out.toString(), "--force").status());
        assertTrue(Files.size(out) > 1000);
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }

    @Test
    void demoThenSummaryWorks() {
        Path demo = tmp.resolve("demo");
        assertEquals(0, run("demo", "--out", demo.toString()).status());
        CliRun r = run("summary", "--data", demo.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("asari MGB spikes"), r.out());
    }
}
