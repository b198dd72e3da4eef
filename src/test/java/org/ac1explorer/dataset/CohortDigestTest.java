package org.ac1explorer.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ac1explorer.Fixtures;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.ProgressMonitor;
import org.junit.jupiter.api.Test;

/** Re-deciding a kept digest at new gating thresholds gives exactly what a fresh pass gives. */
class CohortDigestTest {

    @Test
    void thresholdChangesReDecideToTheFreshAssembly() throws Exception {
        try (Ac1Archive archive = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            CohortDigest digest = CohortDigest.of(archive, Params.defaults(), 0.02, ProgressMonitor.NONE);
            List<Params> changes = List.of(Params.defaults(), Params.defaults().withAbsMvMax(40),
                    Params.defaults().withStepMv(3).withMaxStepFrac(0.01), Params.defaults().withMinXcorr(0.4),
                    Params.defaults().withStepMv(1).withMaxStepFrac(0.0));
            boolean rejecting = false;
            for (Params q : changes) {
                assertTrue(digest.serves(q), q.toString());
                CohortDigest.Grid grid = digest.grid(q.gating());
                if (grid.neurons().isEmpty()) {
                    // everything rejected: both ways refuse to assemble
                    assertThrows(IllegalStateException.class, () -> DatasetAssembler.assemble(archive, q, ProgressMonitor.NONE));
                    assertTrue(grid.rejections().kept() == 0 && grid.rejections().total() > 0);
                    continue;
                }
                rejecting |= grid.rejections().kept() < grid.rejections().total();
                AssembledDataset fresh = DatasetAssembler.assemble(archive, q, ProgressMonitor.NONE);
                AssembledDataset quick = DatasetAssembler.assemble(archive, digest, q, null, ProgressMonitor.NONE);
                assertEquals(fresh.rejections(), quick.rejections(), q.toString());
                assertEquals(fresh.neurons().stream().map(CellRecord::id).toList(),
                        quick.neurons().stream().map(CellRecord::id).toList());
                assertEquals(fresh.stimulusCount(), quick.stimulusCount());
                for (int s = 0; s < fresh.stimulusCount(); s++) {
                    for (int n = 0; n < fresh.neuronCount(); n++) {
                        float[][] a = fresh.response(s, n);
                        float[][] b = quick.response(s, n);
                        assertEquals(a == null, b == null);
                        for (int r = 0; a != null && r < a.length; r++) {
                            assertArrayEquals(a[r], b[r]);
                        }
                    }
                }
            }
            assertTrue(rejecting, "some change rejects repeats and still leaves a grid");
        }
    }

    @Test
    void aDigestDoesNotServeOtherProcessingOrUncoveredStepFractions() throws Exception {
        try (Ac1Archive archive = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            CohortDigest digest = CohortDigest.of(archive, Params.defaults(), 0.02, ProgressMonitor.NONE);
            assertFalse(digest.serves(Params.defaults().withDtMs(2)));
            assertFalse(digest.serves(Params.defaults().withDetrendMedMs(50)));
            assertFalse(digest.serves(Params.defaults().withSites(List.of("A1"))));
            assertFalse(digest.serves(Params.defaults().withMaxStepFrac(0.08)));
        }
    }
}
