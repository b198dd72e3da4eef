package org.ac1explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ac1explorer.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --out}: refusals come first, one line each, and leave the data and the target untouched. */
class ExportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void curationFlagAppliesTheFileAndNamesKeysThatMatchNothing() throws Exception {
        Path cur = tmp.resolve("lab-curation.json");
        Files.writeString(cur, """
                {"format": "ac1-curation/1", "overrides": [
                  {"cell": "19990101-xx-001", "stimulus": "no such sound", "repeat": 2, "verdict": "reject"}]}""");
        CliRun r = CliRun.of("export", "--data", Fixtures.mini().toString(), "--out", tmp.resolve("c.mat").toString(),
                "--curation", cur.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("curation: 0 override(s) and 0 exclusion(s) applied"), r.out());
        assertTrue(r.err().contains("19990101-xx-001 · no such sound · #2 (reject) matches no repeat of the cohort"), r.err());
    }

    @Test
    void aMalformedCurationFileIsRefusedNamingIt() throws Exception {
        Path cur = tmp.resolve("bad.json");
        Files.writeString(cur, "{\"format\": \"ac1-curation/1\", \"overrides\": [{\"cell\": \"a\"}]}");
        CliRun r = CliRun.of("export", "--data", Fixtures.mini().toString(), "--out", tmp.resolve("c.mat").toString(),
                "--curation", cur.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("bad.json: overrides[0]: \"stimulus\" is missing"), r.err());
        assertFalse(Files.exists(tmp.resolve("c.mat")));
    }

    @Test
    void anExistingFolderIsSaidToBeAFolderBeforeAnythingAboutForce() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("results"));
        CliRun r = CliRun.of("export", "--data", Fixtures.mini().toString(), "--out", folder.toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("is a folder; give a file name ending in .mat"), r.err());
        assertFalse(r.err().contains("--force"), r.err());
    }

    @Test
    void aRecordingAndTheArchiveZipAreNeverOverwrittenEvenWithForce() throws Exception {
        Path data = Fixtures.copyTree(Fixtures.mini(), tmp.resolve("DATA"));
        Path zips = Fixtures.zippedMini(Fixtures.mini(), Files.createDirectories(tmp.resolve("ZIPS")));
        Map<String, String> before = Fixtures.snapshot(tmp);
        String session;
        try (var s = Files.list(data.resolve("crcns-ac1/wehr/Results"))) {
            session = s.sorted().findFirst().orElseThrow().getFileName().toString();
        }
        String trial;
        try (var s = Files.list(data.resolve("crcns-ac1/wehr/Results").resolve(session))) {
            trial = s.sorted().findFirst().orElseThrow().getFileName().toString();
        }
        String relative = tmp + "/./DATA/crcns-ac1/wehr/Results/" + session + "/" + trial;
        CliRun r1 = CliRun.of("export", "--data", data.toString(), "--out", relative, "--force");
        assertTrue(r1.err().contains("inside the data folder"), r1.err());
        CliRun r2 = CliRun.of("export", "--data", zips.toString(), "--out", tmp + "/ZIPS/../ZIPS/crcns-ac1.zip", "--force");
        assertTrue(r2.err().contains("inside the data folder") || r2.err().contains("is the archive"), r2.err());
        assertEquals(1, r1.status());
        assertEquals(1, r2.status());
        assertEquals(before, Fixtures.snapshot(tmp));
    }

    @Test
    void extremeValuesAreRefusedNamingTheFlagInsteadOfClampedOrExploded() throws Exception {
        String data = Fixtures.mini().toString();
        String out = tmp.resolve("x.mat").toString();
        CliRun fmax = CliRun.of("export", "--data", data, "--out", out, "--fmax", "1e308", "--bins-per-octave", "96");
        assertEquals(2, fmax.status(), fmax.err());
        assertTrue(fmax.err().contains("--fmax") && fmax.err().contains("97656"), fmax.err());
        CliRun tiny = CliRun.of("export", "--data", data, "--out", out, "--dt-ms", "1e-300");
        assertEquals(1, tiny.status(), tiny.err());
        assertTrue(tiny.err().contains("--dt-ms (now 1e-300)") && tiny.err().contains("more than a billion GB"), tiny.err());
        CliRun subSample = CliRun.of("export", "--data", data, "--out", out, "--dt-ms", "0.1");
        assertEquals(1, subSample.status(), subSample.err());
        assertTrue(subSample.err().contains("dt-ms 0.1 is less than half a sample of a recording at 4000 Hz"), subSample.err());
        assertFalse(Files.exists(tmp.resolve("x.mat")));
    }

    @Test
    void aTempFileLeftByAKilledExportIsRemovedAndSaid() throws Exception {
        Path stale = Files.writeString(tmp.resolve(".x.mat.4242.part"), "half an export");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(1))));
        CliRun r = CliRun.of("export", "--data", Fixtures.mini().toString(), "--out", tmp.resolve("x.mat").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("removed " + stale + ", left by an export that was killed"), r.err());
        try (var s = Files.list(tmp)) {
            assertEquals(java.util.List.of(tmp.resolve("x.mat")), s.toList());
        }
    }

    @Test
    void whenGatingRejectsEveryRepeatTheThresholdIsNamed() {
        String data = Fixtures.mini().toString();
        String out = tmp.resolve("x.mat").toString();
        CliRun xcorr = CliRun.of("export", "--data", data, "--out", out, "--min-xcorr", "5");
        assertEquals(1, xcorr.status(), xcorr.err());
        assertTrue(xcorr.err().contains("gating rejected every repeat") && xcorr.err().contains("relax --min-xcorr 5"), xcorr.err());
        CliRun step = CliRun.of("export", "--data", data, "--out", out, "--step-mv", "0");
        assertTrue(step.err().contains("relax --step-mv 0"), step.err());
    }
}
