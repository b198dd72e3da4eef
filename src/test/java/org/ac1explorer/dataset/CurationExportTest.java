package org.ac1explorer.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ac1explorer.Fixtures;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.curation.CellExclusion;
import org.ac1explorer.curation.Curation;
import org.ac1explorer.curation.CurationFile;
import org.ac1explorer.curation.HandVerdict;
import org.ac1explorer.curation.RepeatKey;
import org.ac1explorer.curation.RepeatOverride;
import org.ac1explorer.dsp.GateReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Char;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/** A curation file changes exactly the rows it names, and the export records what it applied. */
class CurationExportTest {

    /** Gating that rejects some repeats of the mini fixture (leave-one-out r must reach 0.4). */
    private static final Params P = Params.defaults().withMinXcorr(0.4);

    private record Pair(CellRecord cell, StimulusDigest digest, int keptRepeat, int rejectedRepeat) {
    }

    @Test
    void handVerdictsChangeExactlyTheNamedRowsAndAreRecorded(@TempDir Path dir) throws Exception {
        try (Ac1Archive archive = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            CohortDigest digest = CohortDigest.of(archive, P, P.maxStepFrac(), ProgressMonitor.NONE);
            Pair pair = pairWithKeptTwoAndARejectedRepeat(digest);
            String cell = pair.cell().session();
            String stimulus = pair.digest().stimulus().info().description();
            Curation curation = Curation.EMPTY
                    .with(new RepeatOverride(new RepeatKey(cell, stimulus, 2), HandVerdict.REJECT, "drift at 1.2 s"))
                    .with(new RepeatOverride(new RepeatKey(cell, stimulus, pair.rejectedRepeat() + 1), HandVerdict.KEEP, "one spike"));
            Path file = dir.resolve("curation.json");
            CurationFile.write(curation, file);

            AssembledDataset plain = DatasetAssembler.assemble(archive, digest, P, null, ProgressMonitor.NONE);
            AssembledDataset curated = DatasetAssembler.assemble(archive, digest, P, null, CurationFile.read(file),
                    ProgressMonitor.NONE);

            GateReason[] reasons = pair.digest().reasons(P.gating());
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < reasons.length; i++) {
                boolean kept = (reasons[i] == GateReason.KEPT && i != 1) || i == pair.rejectedRepeat();
                if (kept) {
                    expected.add(i);
                }
            }
            int n = curated.neurons().indexOf(pair.cell());
            int s = stimulusIndex(curated, pair.digest());
            float[][] rows = curated.response(s, n);
            assertEquals(expected.size(), rows.length, "kept by gating, minus #2, plus the hand-kept repeat");
            for (int k = 0; k < rows.length; k++) {
                float[] want = pair.digest().rows()[expected.get(k)];
                assertArrayEquals(Arrays.copyOf(want, rows[k].length), rows[k], "row of repeat #" + (expected.get(k) + 1));
            }
            // every other pair is as without the curation
            for (int ss = 0; ss < plain.stimulusCount(); ss++) {
                for (int nn = 0; nn < plain.neuronCount(); nn++) {
                    if (ss == s && nn == n) {
                        continue;
                    }
                    float[][] a = plain.response(ss, nn);
                    float[][] b = curated.response(ss, nn);
                    assertEquals(a == null, b == null);
                    for (int r = 0; a != null && r < a.length; r++) {
                        assertArrayEquals(a[r], b[r]);
                    }
                }
            }
            assertEquals(1, curated.curation().manualKeep());
            assertEquals(1, curated.curation().manualReject());
            assertEquals(plain.rejections(), curated.rejections(), "the automatic counts are unchanged");

            Path out = dir.resolve("curated.mat");
            MatExport.write(curated, out, false);
            try (Mat5File mat = Mat5.readFromFile(out.toFile())) {
                Struct rej = mat.getStruct("rejections");
                assertEquals(plain.rejections().kept(), ((Matrix) rej.get("kept")).getLong(0), "one out, one in");
                assertEquals(1, ((Matrix) rej.get("manual_reject")).getLong(0));
                assertEquals(1, ((Matrix) rej.get("manual_keep")).getLong(0));
                Struct overrides = mat.getStruct("curation").get("overrides");
                assertEquals(2, overrides.getNumElements());
                assertEquals("reject", ((Char) overrides.get("verdict", 0)).getString());
                assertEquals("drift at 1.2 s", ((Char) overrides.get("note", 0)).getString());
                assertEquals(pair.rejectedRepeat() + 1, ((Matrix) overrides.get("repeat", 1)).getLong(0));
                assertEquals(stimulus, ((Char) overrides.get("stimulus", 1)).getString());
            }
        }
    }

    @Test
    void anExcludedCellIsLeftOutAndAKeyMatchingNothingIsReportedAndKept(@TempDir Path dir) throws Exception {
        try (Ac1Archive archive = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            CohortDigest digest = CohortDigest.of(archive, Params.defaults(), 0.02, ProgressMonitor.NONE);
            AssembledDataset plain = DatasetAssembler.assemble(archive, digest, Params.defaults(), null, ProgressMonitor.NONE);
            CellRecord gone = plain.neurons().get(0);
            RepeatOverride nowhere = new RepeatOverride(new RepeatKey("19990101-xx-001", "no such sound", 4), HandVerdict.REJECT, "");
            Curation c = Curation.EMPTY.with(new CellExclusion(gone.session(), "unstable")).with(nowhere);
            AssembledDataset curated = DatasetAssembler.assemble(archive, digest, Params.defaults(), null, c, ProgressMonitor.NONE);
            assertEquals(plain.neuronCount() - 1, curated.neuronCount());
            assertTrue(!curated.neurons().contains(gone) && !curated.dropped().contains(gone));
            assertEquals(List.of(nowhere), curated.curation().unmatched());
            assertTrue(curated.warnings().stream().anyMatch(w -> w.contains("19990101-xx-001") && w.contains("matches no repeat")),
                    curated.warnings().toString());
            Path file = dir.resolve("c.json");
            CurationFile.write(c, file);
            assertTrue(CurationFile.read(file).overrides().contains(nowhere), "an unmatched key stays in the file");
        }
    }

    @Test
    void withoutACurationTheExportIsByteForByteTheUncuratedOne(@TempDir Path dir) throws Exception {
        try (Ac1Archive archive = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            AssembledDataset a = DatasetAssembler.assemble(archive, Params.defaults(), ProgressMonitor.NONE);
            AssembledDataset b = DatasetAssembler.assemble(archive, Params.defaults(), null, null, ProgressMonitor.NONE);
            assertNull(b.curation());
            MatExport.write(a, dir.resolve("a.mat"), false);
            MatExport.write(b, dir.resolve("b.mat"), false);
            try (Mat5File mat = Mat5.readFromFile(dir.resolve("b.mat").toFile())) {
                assertNull(findEntry(mat, "curation"));
            }
            byte[] x = Files.readAllBytes(dir.resolve("a.mat"));
            byte[] y = Files.readAllBytes(dir.resolve("b.mat"));
            // the 116-byte header text holds the creation time; everything after it is identical
            assertArrayEquals(Arrays.copyOfRange(x, 116, x.length), Arrays.copyOfRange(y, 116, y.length));
        }
    }

    private static Object findEntry(Mat5File mat, String name) {
        for (var e : mat.getEntries()) {
            if (e.getName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static Pair pairWithKeptTwoAndARejectedRepeat(CohortDigest digest) {
        for (CohortDigest.CellDigest c : digest.cells()) {
            for (StimulusDigest d : c.stimuli()) {
                GateReason[] reasons = d.reasons(P.gating());
                if (reasons.length < 3 || reasons[1] != GateReason.KEPT) {
                    continue;
                }
                for (int i = 0; i < reasons.length; i++) {
                    if (reasons[i] != GateReason.KEPT) {
                        return new Pair(c.cell(), d, 1, i);
                    }
                }
            }
        }
        throw new AssertionError("the mini fixture has no cell x stimulus with #2 kept and a rejected repeat at " + P);
    }

    private static int stimulusIndex(AssembledDataset d, StimulusDigest digest) {
        for (int s = 0; s < d.stimulusCount(); s++) {
            if (d.stimuli().get(s).info().key().equals(digest.stimulus().key())) {
                return s;
            }
        }
        throw new AssertionError("stimulus " + digest.stimulus().key() + " is not in the export");
    }
}
