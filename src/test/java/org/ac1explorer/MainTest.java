package org.ac1explorer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void aLoneDatasetFolderOrZipOpensTheWindowAsTheDesktopsOpenWithPassesIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("CRCNS data"));
        Path zip = Files.createFile(folder.resolve("crcns-ac1.zip"));
        assertTrue(Main.opensWindow(new String[0]), "no argument: the last or the demo dataset");
        assertTrue(Main.opensWindow(new String[] {folder.toString()}));
        assertTrue(Main.opensWindow(new String[] {zip.toString()}), "a zip, its path holding a space");
        assertFalse(Main.opensWindow(new String[] {folder.resolve("missing.zip").toString()}), "the command line says what is wrong");
        assertFalse(Main.opensWindow(new String[] {zip.toString(), zip.toString()}), "two paths are not one dataset");
        assertFalse(Main.opensWindow(new String[] {"summary", "--data", folder.toString()}));
        assertFalse(Main.opensWindow(new String[] {"--version"}));
    }
}
