package org.ac1explorer.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ac1explorer.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ac1ArchiveTest {
    @TempDir
    Path tmp;

    private static List<String> sessions(Ac1Archive a) {
        return a.cells().stream().map(CellRecord::session).toList();
    }

    @Test
    void indexListsCellsInReferenceOrder() throws IOException {
        try (Ac1Archive a = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            assertEquals(List.of("20020101-mw-001", "20020812-mw-004", "20050101-ha1-001", "20050614-ha2-008",
                    "20051127-ha3-015"), sessions(a));
            CellRecord wehr = a.cells().get(0);
            assertEquals("A1", wehr.site());
            assertEquals(0, wehr.wehrCellIdx());
            assertEquals("subthresh", wehr.signalType());
        }
    }

    @Test
    void waveformShapeIsTheWaveformsLengthAndRate() throws IOException, MatReadException {
        int checked = shapesChecked(Fixtures.mini()) + shapesChecked(Fixtures.file("ac1-edge"));
        assertTrue(checked >= 5, "stimuli checked: " + checked);
    }

    /** Compares every stimulus' shape with its waveform (a failing shape must fail the waveform too); returns the count compared. */
    private static int shapesChecked(Path data) throws IOException, MatReadException {
        int checked = 0;
        try (Ac1Archive a = Ac1Archive.open(data, ProgressMonitor.NONE)) {
            for (CellRecord c : a.cells()) {
                for (CellStimulus st : c.stimuli()) {
                    Ac1Archive.WaveformShape shape;
                    try {
                        shape = a.waveformShape(st.info());
                    } catch (MatReadException e) {
                        assertThrows(MatReadException.class, () -> a.waveform(st.info()), "shape failed, so must the waveform");
                        continue;
                    }
                    Waveform w = a.waveform(st.info());
                    assertEquals(w.samples().length, shape.samples(), st.key().toString());
                    assertEquals(w.sampleRateHz(), shape.sampleRateHz(), st.key().toString());
                    checked++;
                }
            }
        }
        return checked;
    }

    @Test
    void aWaveformReadOnceIsNotKeptButOneKeptIsServed() throws IOException, MatReadException {
        try (Ac1Archive a = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            int checked = 0;
            java.util.Map<Object, CellStimulus> distinct = new java.util.LinkedHashMap<>();
            a.cells().forEach(c -> c.stimuli().forEach(st -> distinct.putIfAbsent(st.key(), st)));
            for (CellStimulus st : distinct.values()) {
                Waveform once;
                try {
                    once = a.waveformOnce(st.info());
                } catch (MatReadException e) {
                    continue;
                }
                Waveform again = a.waveformOnce(st.info());
                assertNotSame(once.samples(), again.samples(), "read once: not kept, " + st.key());
                assertArrayEquals(once.samples(), again.samples(), 0.0, st.key().toString());
                Waveform kept = a.waveform(st.info());
                assertArrayEquals(once.samples(), kept.samples(), 0.0, st.key().toString());
                assertSame(kept.samples(), a.waveformOnce(st.info()).samples(), "a kept waveform is served, " + st.key());
                checked++;
            }
            assertTrue(checked >= 2, "stimuli checked: " + checked);
        }
    }

    @Test
    void unknownDescriptionIsReportedWithItsFile() throws IOException {
        try (Ac1Archive a = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            assertTrue(a.problems().stream().anyMatch(p -> p.location().endsWith("20020101-mw-001-017.mat")
                    && p.message().contains("silence")), a.problems().toString());
        }
    }

    @Test
    void zippedReleaseGivesTheSameIndexAndTraces() throws IOException {
        Path zips = Files.createDirectories(tmp.resolve("zips"));
        Fixtures.zippedMini(Fixtures.mini(), zips);
        try (Ac1Archive folder = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE);
             Ac1Archive zipped = Ac1Archive.open(zips, ProgressMonitor.NONE)) {
            assertEquals(sessions(folder), sessions(zipped));
            for (int i = 0; i < folder.cells().size(); i++) {
                Map<StimulusKey, RawRepeats> x = folder.readRepeats(folder.cells().get(i));
                Map<StimulusKey, RawRepeats> y = zipped.readRepeats(zipped.cells().get(i));
                assertEquals(x.keySet(), y.keySet());
                for (StimulusKey k : x.keySet()) {
                    for (int r = 0; r < x.get(k).tracesMv().size(); r++) {
                        assertTrue(java.util.Arrays.equals(x.get(k).tracesMv().get(r), y.get(k).tracesMv().get(r)));
                    }
                }
            }
        }
    }

    @Test
    void corruptTrialFileIsSkippedAndNamedWhileTheRestLoads() throws IOException {
        Path copy = Fixtures.copyTree(Fixtures.mini(), tmp.resolve("mini"));
        Path bad = copy.resolve("crcns-ac1/wehr/Results/20020812-mw-004/20020812-mw-004-002.mat");
        byte[] bytes = Files.readAllBytes(bad);
        Files.write(bad, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        try (Ac1Archive a = Ac1Archive.open(copy, ProgressMonitor.NONE)) {
            assertEquals(5, a.cells().size());
            assertTrue(a.problems().stream().anyMatch(p -> p.location().endsWith("20020812-mw-004-002.mat")
                    && p.severity() == Problem.Severity.ERROR), a.problems().toString());
        }
    }

    @Test
    void missingResultsPartIsReportedAndTheOthersLoad() throws IOException {
        Path copy = Fixtures.copyTree(Fixtures.mini(), tmp.resolve("mini"));
        try (var s = Files.walk(copy.resolve("crcns-ac1-asari-results-2"))) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (Ac1Archive a = Ac1Archive.open(copy, ProgressMonitor.NONE)) {
            assertEquals(4, a.cells().size());
            assertTrue(a.problems().stream().anyMatch(p -> p.message().contains("crcns-ac1-asari-results-2")));
        }
    }

    @Test
    void folderWithoutAnyPartIsAClearError() throws IOException {
        IOException e = assertThrows(IOException.class, () -> Ac1Archive.open(tmp, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("no CRCNS-AC1 data found"), e.getMessage());
        assertThrows(IOException.class, () -> Ac1Archive.open(tmp.resolve("absent"), ProgressMonitor.NONE));
    }

    @Test
    void repeatSliceIsClippedToTheTrace() {
        double[] trace = {0, 1, 2, 3, 4, 5};
        assertTrue(java.util.Arrays.equals(new double[] {1, 2, 3}, Ac1Archive.cutRepeat(trace, 1000, 2.9, 3)));
        assertTrue(java.util.Arrays.equals(new double[] {4, 5}, Ac1Archive.cutRepeat(trace, 1000, 5, 10)));
        assertEquals(0, Ac1Archive.cutRepeat(trace, 1000, 50, 10).length);
        assertEquals(0, Ac1Archive.cutRepeat(trace, 1000, 1, -5).length);
        // Python round() ties to even: 2.5 samples -> 2
        assertEquals(2, Ac1Archive.cutRepeat(trace, 1000, 1, 2.5).length);
    }

    @Test
    void escapingZipEntriesAreIgnored() throws IOException {
        Path z = tmp.resolve("x.zip");
        try (var zo = new java.util.zip.ZipOutputStream(Files.newOutputStream(z))) {
            zo.putNextEntry(new java.util.zip.ZipEntry("../evil.mat"));
            zo.write(1);
            zo.closeEntry();
            zo.putNextEntry(new java.util.zip.ZipEntry("wehr/Summary.mat"));
            zo.write(1);
            zo.closeEntry();
        }
        ProblemLog log = new ProblemLog();
        try (ZipTree t = ZipTree.open(z, log)) {
            assertEquals(List.of("wehr"), t.list(""));
            assertFalse(t.isFile("../evil.mat"));
        }
        assertTrue(log.snapshot().stream().anyMatch(p -> p.location().contains("../evil.mat")));
    }
}
