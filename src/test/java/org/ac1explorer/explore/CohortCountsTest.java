package org.ac1explorer.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ac1explorer.Fixtures;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.dataset.AssembledDataset;
import org.ac1explorer.dataset.CohortDigest;
import org.ac1explorer.dataset.DatasetAssembler;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dataset.Reliability;
import org.ac1explorer.explore.DatasetCounts;
import org.junit.jupiter.api.Test;

/** The explorer's counters, re-decided from a digest, are those of the export at the same knobs. */
class CohortCountsTest {

    @Test
    void countersAfterAThresholdChangeEqualTheExportsAtThoseKnobs() throws Exception {
        try (Ac1Archive archive = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            CohortDigest digest = CohortDigest.of(archive, Params.defaults(), 0.02, ProgressMonitor.NONE);
            Params q = Params.defaults().withMinXcorr(0.3).withStepMv(10);
            DatasetCounts c = CohortCounts.of(digest, archive.cells(), q);
            AssembledDataset a = DatasetAssembler.assemble(archive, q, ProgressMonitor.NONE);
            assertEquals(a.rejections(), c.rejections());
            assertEquals(a.neuronCount(), c.neurons());
            assertEquals(a.stimulusCount(), c.stimuli());
            assertEquals(a.droppedCells(), c.droppedCells());
            assertEquals(a.warnings(), c.warnings());
            long kept = 0;
            for (int n = 0; n < a.neuronCount(); n++) {
                String cell = a.neurons().get(n).id();
                for (int s = 0; s < a.stimulusCount(); s++) {
                    float[][] r = a.response(s, n);
                    Object key = a.stimuli().get(s).info().key();
                    // a cell that did not hear the stimulus has no count (-1), one that kept nothing 0
                    assertEquals(r == null ? Math.min(0, c.kept(cell, key)) : r.length, c.kept(cell, key));
                    if (r != null) {
                        kept += r.length;
                        assertEquals(Reliability.ccMax(r), c.ccMax(cell, key), 0.0);
                    }
                }
            }
            assertEquals(a.rejections().kept(), kept);
        }
    }
}
