package org.ac1explorer.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ac1explorer.Fixtures;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one output-target check: real paths against the data folder and every archive part,
 * folders, non-regular files, unwritable names, free space and stale temp files.
 */
class OutputTargetTest {
    @TempDir
    Path tmp;

    private static List<Path> sourcesOf(Path data) throws Exception {
        try (Ac1Archive a = Ac1Archive.open(data, ProgressMonitor.NONE)) {
            return a.parts().sources();
        }
    }

    @Test
    void aRecordingNamedThroughDotSegmentsIsRefusedEvenWithOverwrite() throws Exception {
        Path data = Fixtures.copyTree(Fixtures.mini(), tmp.resolve("DATA"));
        Map<String, String> before = Fixtures.snapshot(data);
        Path recording;
        try (Stream<Path> s = Files.walk(data.resolve("crcns-ac1/wehr/Results"))) {
            recording = s.filter(p -> p.toString().endsWith(".mat")).findFirst().orElseThrow();
        }
        Path roundabout = tmp.resolve("DATA/./crcns-ac1/../crcns-ac1").resolve(data.resolve("crcns-ac1").relativize(recording));
        OutputTarget.Refused e = assertThrows(OutputTarget.Refused.class,
                () -> OutputTarget.checkExportFile(roundabout, sourcesOf(data), true));
        assertTrue(e.getMessage().contains("inside the data folder"), e.getMessage());
        assertEquals(before, Fixtures.snapshot(data));
    }

    @Test
    void theArchiveZipIsRefusedAlsoWhenTheDataFolderOnlyLinksToIt() throws Exception {
        Path zips = Fixtures.zippedMini(Fixtures.mini(), Files.createDirectories(tmp.resolve("zips")));
        Path data = Files.createDirectories(tmp.resolve("data"));
        for (String z : List.of("crcns-ac1.zip", "crcns-ac1-asari-results-1.zip", "crcns-ac1-asari-results-2.zip")) {
            Files.createSymbolicLink(data.resolve(z), zips.resolve(z));
        }
        Map<String, String> before = Fixtures.snapshot(zips);
        OutputTarget.Refused e = assertThrows(OutputTarget.Refused.class,
                () -> OutputTarget.checkExportFile(zips.resolve("crcns-ac1.zip"), sourcesOf(data), true));
        assertTrue(e.getMessage().contains("is the archive"), e.getMessage());
        Path hardLink = Files.createLink(tmp.resolve("other-name.zip"), zips.resolve("crcns-ac1-asari-results-1.zip"));
        assertThrows(OutputTarget.Refused.class, () -> OutputTarget.checkExportFile(hardLink, sourcesOf(data), true));
        assertEquals(before, Fixtures.snapshot(zips));
    }

    @Test
    void aFolderLinkedToTheDataFolderIsRefused() throws Exception {
        Path data = Fixtures.copyTree(Fixtures.mini(), tmp.resolve("data"));
        Path link = Files.createSymbolicLink(tmp.resolve("LINK"), data);
        assertThrows(OutputTarget.Refused.class,
                () -> OutputTarget.checkExportFile(link.resolve("x.mat"), List.of(data), false));
        assertFalse(Files.exists(data.resolve("x.mat")));
    }

    @Test
    void anExistingFolderIsNamedAsAFolderBeforeAnythingAboutForce() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("out.mat"));
        for (boolean overwrite : new boolean[] {false, true}) {
            OutputTarget.Refused e = assertThrows(OutputTarget.Refused.class,
                    () -> OutputTarget.checkExportFile(folder, List.of(), overwrite));
            assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
            assertFalse(e.getMessage().contains("--force"), e.getMessage());
        }
    }

    @Test
    void aDeviceOrALinkToOneIsNeverReplaced() throws Exception {
        // /dev/null as such (only refused: nothing is written) and a link to it, the stand-in that needs no root
        Path device = Path.of("/dev/null");
        if (Files.exists(device)) {
            assertThrows(OutputTarget.Refused.class, () -> OutputTarget.checkExportFile(device, List.of(), true));
        }
        Path link = Files.createSymbolicLink(tmp.resolve("null.mat"), device);
        OutputTarget.Refused e = assertThrows(OutputTarget.Refused.class,
                () -> OutputTarget.checkExportFile(link, List.of(), true));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void anExistingFileNeedsOverwrite() throws Exception {
        Path f = Files.writeString(tmp.resolve("keep.mat"), "keep");
        assertThrows(FileAlreadyExistsException.class, () -> OutputTarget.checkExportFile(f, List.of(), false));
        assertEquals(f, OutputTarget.checkExportFile(f, List.of(), true).target());
        assertEquals("keep", Files.readString(f));
    }

    @Test
    void aNameTooLongForTheTemporaryFileIsRefusedBeforeAnyWork() throws Exception {
        Path target = tmp.resolve("x".repeat(240) + ".mat"); // fits 255 bytes, its temp name does not
        OutputTarget.Refused e = assertThrows(OutputTarget.Refused.class,
                () -> OutputTarget.checkExportFile(target, List.of(), false));
        assertTrue(e.getMessage().contains("shorter file name"), e.getMessage());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void tooLittleFreeSpaceIsRefusedNamingTheSizeNeeded() {
        OutputTarget.Refused e = assertThrows(OutputTarget.Refused.class,
                () -> OutputTarget.checkFreeSpace(tmp.resolve("big.mat"), Long.MAX_VALUE / 2));
        assertTrue(e.getMessage().contains("needs") && e.getMessage().contains("MB"), e.getMessage());
    }

    @Test
    void staleTempFilesOfAKilledExportAreRemovedAndRecentOnesNamed() throws Exception {
        Path target = tmp.resolve("out.mat");
        Path stale = Files.writeString(tmp.resolve(".out.mat.123456789.part"), "partial");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path recent = Files.writeString(tmp.resolve(".out.mat.987654321.part"), "partial");
        Path other = Files.writeString(tmp.resolve(".other.mat.111.part"), "not ours");
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        OutputTarget.Checked c = OutputTarget.checkExportFile(target, List.of(), false);
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(recent) && Files.exists(other));
        assertEquals(2, c.notes().size(), c.notes().toString());
        assertTrue(c.notes().get(0).contains("removed " + stale), c.notes().toString());
        assertTrue(c.notes().get(1).contains(recent + " may belong to an export still running"), c.notes().toString());
    }
}
