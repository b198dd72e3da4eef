package org.ac1explorer.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurationFileTest {

    private static final String ISSUE_EXAMPLE = """
            {"format": "ac1-curation/1",
             "overrides": [{"cell": "20020305-mw-006", "stimulus": "fragment 7: footsteps on gravel",
                            "repeat": 2, "verdict": "reject", "note": "drift at 1.2 s"}],
             "excluded_cells": [{"cell": "20050317-ha1-003", "note": "unstable"}]}
            """;

    @Test
    void readsTheDocumentedFormat() throws Exception {
        Curation c = CurationFile.parse(ISSUE_EXAMPLE, "example.json");
        assertEquals(List.of(new RepeatOverride(new RepeatKey("20020305-mw-006", "fragment 7: footsteps on gravel", 2),
                HandVerdict.REJECT, "drift at 1.2 s")), c.overrides());
        assertEquals(List.of(new CellExclusion("20050317-ha1-003", "unstable")), c.excludedCells());
    }

    @Test
    void writingAndReadingBackGivesTheSameCurationAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Curation c = CurationFile.parse(ISSUE_EXAMPLE, "example.json")
                .with(new RepeatOverride(new RepeatKey("x-cell", "sound \"quoted\" é", 1), HandVerdict.KEEP, ""));
        Path file = dir.resolve("lab.json");
        Files.writeString(file, "old content");
        CurationFile.write(c, file);
        assertEquals(c, CurationFile.read(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        Curation c = CurationFile.parse("""
                {"format": "ac1-curation/1", "author": "lab", "overrides": [
                  {"cell": "a", "stimulus": "s", "repeat": 3, "verdict": "KEEP", "reviewed": true}]}""", "f.json");
        assertEquals(HandVerdict.KEEP, c.overrides().get(0).verdict());
        assertTrue(c.excludedCells().isEmpty());
    }

    @Test
    void malformedFilesAreRefusedNamingTheFileAndTheEntry() {
        assertMessage("{not json", "f.json: not valid JSON");
        assertMessage("[]", "f.json: a curation file is a JSON object");
        assertMessage("{\"format\": \"ac1-curation/2\"}", "\"format\" is \"ac1-curation/2\", expected \"ac1-curation/1\"");
        assertMessage("{\"format\": \"ac1-curation/1\", \"overrides\": [{\"cell\": \"a\", \"stimulus\": \"s\", "
                + "\"repeat\": 0, \"verdict\": \"keep\"}]}", "f.json: overrides[0]: \"repeat\" must be a whole number from 1");
        assertMessage("{\"format\": \"ac1-curation/1\", \"overrides\": [{\"cell\": \"a\", \"stimulus\": \"s\", "
                + "\"repeat\": 2, \"verdict\": \"maybe\"}]}", "overrides[0]: \"verdict\" must be \"keep\" or \"reject\", not \"maybe\"");
        assertMessage("{\"format\": \"ac1-curation/1\", \"excluded_cells\": [{\"note\": \"x\"}]}",
                "f.json: excluded_cells[0]: \"cell\" is missing");
    }

    @Test
    void aMissingFileIsAClearError(@TempDir Path dir) {
        CurationFormatException e = assertThrows(CurationFormatException.class, () -> CurationFile.read(dir.resolve("none.json")));
        assertTrue(e.getMessage().contains("none.json: cannot read the curation file"), e.getMessage());
    }

    private static void assertMessage(String text, String expected) {
        CurationFormatException e = assertThrows(CurationFormatException.class, () -> CurationFile.parse(text, "f.json"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
