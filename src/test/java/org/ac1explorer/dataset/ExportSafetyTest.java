package org.ac1explorer.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ac1explorer.Fixtures;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.CellStimulus;
import org.ac1explorer.archive.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports never damage an existing file, and nothing is ever written into the data folder. */
class ExportSafetyTest {
    @TempDir
    Path tmp;

    private static void makeReadOnly(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.forEach(p -> p.toFile().setWritable(false, false));
        }
    }

    private void browseAndExport(Path data, Path out) throws IOException {
        try (Ac1Archive a = Ac1Archive.open(data, ProgressMonitor.NONE)) {
            for (CellRecord c : a.cells()) {
                for (CellStimulus st : c.stimuli()) {
                    a.readRepeats(c, st);
                    try {
                        a.waveform(st.info());
                    } catch (org.ac1explorer.archive.MatReadException e) {
                        throw new AssertionError(e);
                    }
                }
            }
            MatExport.write(DatasetAssembler.assemble(a, Params.defaults(), ProgressMonitor.NONE), out, false);
        }
    }

    @Test
    void readOnlyFolderIsBrowsedAndExportedWithoutAnyChange() throws Exception {
        Path data = Fixtures.copyTree(Fixtures.mini(), tmp.resolve("data"));
        makeReadOnly(data);
        Map<String, String> before = Fixtures.snapshot(data);
        browseAndExport(data, tmp.resolve("out.mat"));
        assertEquals(before, Fixtures.snapshot(data));
        assertTrue(Files.size(tmp.resolve("out.mat")) > 1000);
    }

    @Test
    void zippedReleaseIsReadInPlaceWithoutExtracting() throws Exception {
        Path data = Fixtures.zippedMini(Fixtures.mini(), Files.createDirectories(tmp.resolve("zips")));
        makeReadOnly(data);
        Map<String, String> before = Fixtures.snapshot(data);
        Path out = tmp.resolve("z.mat");
        browseAndExport(data, out);
        assertEquals(before, Fixtures.snapshot(data));
        assertEquals(List.of(), ExportComparison.compare(Fixtures.file("ac1-mini.expected.mat"), out).failures());
    }

    @Test
    void failingExportLeavesThePreviousFileAndNoTemporary() throws Exception {
        Path target = tmp.resolve("old.mat");
        Files.writeString(target, "previous export");
        AssembledDataset d;
        try (Ac1Archive a = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            d = DatasetAssembler.assemble(a, Params.defaults(), ProgressMonitor.NONE);
        }
        // a stimulus without a spectrogram makes the writer fail half-way
        List<StimulusEntry> broken = new java.util.ArrayList<>(d.stimuli());
        broken.set(3, new StimulusEntry(broken.get(3).info(), 1000, null));
        AssembledDataset bad = new AssembledDataset(d.params(), d.freqsHz(), broken, d.neurons(), d.responses(),
                d.rejections(), d.signalType(), d.dropped(), d.problems(), d.warnings());
        assertThrows(RuntimeException.class, () -> MatExport.write(bad, target, true));
        assertEquals("previous export", Files.readString(target));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(target), s.toList());
        }
    }

    @Test
    void existingFileIsNotReplacedWithoutOverwrite() throws Exception {
        Path target = tmp.resolve("keep.mat");
        Files.writeString(target, "keep");
        AssembledDataset d;
        try (Ac1Archive a = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            d = DatasetAssembler.assemble(a, Params.defaults(), ProgressMonitor.NONE);
        }
        assertThrows(FileAlreadyExistsException.class, () -> MatExport.write(d, target, false));
        assertEquals("keep", Files.readString(target));
        MatExport.write(d, target, true);
        assertTrue(Files.size(target) > 1000);
    }
    private static AssembledDataset miniDefaults() throws Exception {
        try (Ac1Archive a = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            return DatasetAssembler.assemble(a, Params.defaults(), ProgressMonitor.NONE);
        }
    }

    @Test
    void aFullDiskGivesOneLineNamingTheTargetAndTheSpaceNeededAndLeavesNoTemporary() throws Exception {
        // stand-in for ENOSPC: a writer that writes part of the file, then fails as a full disk does
        Path target = Files.writeString(tmp.resolve("old.mat"), "previous export");
        IOException e = assertThrows(IOException.class, () -> MatExport.write(miniDefaults(), target, true, (mat, file) -> {
            Files.write(file, new byte[4096]);
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().startsWith("cannot write " + target + ": No space left on device (the file needs "),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals("previous export", Files.readString(target));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(target), s.toList());
        }
    }

    @Test
    void aFileThatAppearsDuringAnExportWithoutOverwriteIsNotReplaced() throws Exception {
        Path target = tmp.resolve("new.mat");
        AssembledDataset d = miniDefaults();
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> MatExport.write(d, target, false, (mat, file) -> {
                    Files.writeString(target, "someone else's file");
                    Files.write(file, new byte[100]);
                }));
        assertTrue(e.getReason().contains("appeared while exporting"), e.getReason());
        assertEquals("someone else's file", Files.readString(target));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(target), s.toList());
        }
    }

    @Test
    void aDeviceTargetIsNotReplacedByTheWriter() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("null.mat"), Path.of("/dev/null"));
        AssembledDataset d = miniDefaults();
        assertThrows(OutputTarget.Refused.class, () -> MatExport.write(d, link, true));
        assertTrue(Files.isSymbolicLink(link));
    }
}
