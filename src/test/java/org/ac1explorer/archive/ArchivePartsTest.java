package org.ac1explorer.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchivePartsTest {
    @TempDir
    Path dir;

    @Test
    void aFolderOrAZipOfTheReleaseOpensItsFolderAnythingElseNothing() throws Exception {
        Path zip = Files.createFile(dir.resolve("crcns-ac1.ZIP"));
        Path text = Files.createFile(dir.resolve("notes.txt"));
        assertEquals(dir.toAbsolutePath().normalize(), ArchiveParts.folderToOpen(dir));
        assertEquals(dir.toAbsolutePath().normalize(), ArchiveParts.folderToOpen(zip), "a zip opens the folder holding it");
        assertEquals(dir.toAbsolutePath().normalize(), ArchiveParts.folderToOpen(dir.resolve("sub/..")));
        assertNull(ArchiveParts.folderToOpen(text));
        assertNull(ArchiveParts.folderToOpen(dir.resolve("missing.zip")), "a zip that is not there");
        assertNull(ArchiveParts.folderToOpen(dir.resolve("missing")));
    }
}
