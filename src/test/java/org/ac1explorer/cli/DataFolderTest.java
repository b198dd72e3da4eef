package org.ac1explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.ac1explorer.Fixtures;
import org.junit.jupiter.api.Test;

class DataFolderTest {
    @Test
    void theCrcnsAc1SubfolderIsRefusedNamingItsParent() {
        Path release = Fixtures.mini();
        CliRun r = CliRun.of("summary", "--data", release.resolve("crcns-ac1").toString());
        assertEquals(2, r.status(), r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("is the crcns-ac1 part") && r.err().contains("use " + release.toAbsolutePath()), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aResultsFolderIsRefusedNamingTheReleaseFolder() {
        Path release = Fixtures.mini();
        for (Path part : new Path[] {release.resolve("crcns-ac1-asari-results-1"),
                release.resolve("crcns-ac1-asari-results-2").resolve("asari-results-2")}) {
            CliRun r = CliRun.of("export", "--data", part.toString(), "--out", "never-written.mat");
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().contains("asari-results-") && r.err().contains("part")
                    && r.err().endsWith(": " + release.toAbsolutePath() + System.lineSeparator()), r.err());
        }
    }

    @Test
    void theReleaseFolderItselfIsAccepted() {
        CliRun r = CliRun.of("summary", "--data", Fixtures.mini().toString());
        assertEquals(0, r.status(), r.err());
    }
}
