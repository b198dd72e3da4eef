package org.ac1explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The jpackage option files of packaging/ (read from the project root, where Maven runs the tests). */
class PackagingFilesTest {
    private static final Path PACKAGING = Path.of("packaging");
    private static final String ZIP_ASSOCIATION = "packaging/linux/zip-association.properties";

    /** The option lines of a jpackage @file, comments and blank lines left out. */
    private static List<String> options(String file) throws Exception {
        return Files.readAllLines(PACKAGING.resolve(file)).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    @Test
    void theZipAssociationNamesTheExtensionMimeTypeAndDescription() throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(ZIP_ASSOCIATION))) {
            p.load(r);
        }
        assertEquals("zip", p.getProperty("extension"));
        assertEquals("application/zip", p.getProperty("mime-type"));
        assertEquals("CRCNS AC1 archive", p.getProperty("description"));
        assertEquals(3, p.size(), "no other key: " + p);
    }

    @Test
    void onlyTheDebAssociatesZipsSoTheAppImagesAreUnchanged() throws Exception {
        assertTrue(options("linux/installer.args").contains("--file-associations " + ZIP_ASSOCIATION));
        // the msi's and the dmg's jpackage associations would take the default zip program (README, Install)
        for (String file : List.of("app.args", "about.args", "linux/app-image.args", "windows/app-image.args",
                "windows/installer.args", "macos/app-image.args", "macos/installer.args")) {
            assertFalse(options(file).stream().anyMatch(l -> l.startsWith("--file-associations")), file);
        }
    }

    @Test
    void theDesktopEntryOffersToOpenZipsAndPassesTheFile() throws Exception {
        List<String> entry = Files.readAllLines(PACKAGING.resolve("linux/resources/ac1-explorer.desktop"));
        assertTrue(entry.contains("Exec=APPLICATION_LAUNCHER %f"), "the file manager passes the chosen file");
        assertTrue(entry.contains("DESKTOP_MIMES"), "jpackage writes MimeType=application/zip; there");
        assertFalse(entry.stream().anyMatch(l -> l.startsWith("MimeType=")), "one MimeType line, jpackage's");
    }

    @Test
    void theDebInstallsTheMenuEntryButNoSecondDefinitionOfTheZipType() throws Exception {
        String postinst = Files.readString(PACKAGING.resolve("linux/resources/postinst"));
        assertTrue(postinst.contains("xdg-desktop-menu install /opt/ac1-explorer/lib/ac1-explorer-ac1-explorer.desktop"));
        // jpackage substitutes its placeholders anywhere, comments included
        assertFalse(postinst.contains("DESKTOP_COMMANDS_INSTALL"), "jpackage's commands would install its MimeInfo.xml");
        assertFalse(postinst.lines().anyMatch(l -> l.strip().startsWith("xdg-mime")));
    }
}
