package org.ac1explorer.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.ac1explorer.Fixtures;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.dataset.AssembledDataset;
import org.ac1explorer.dataset.DatasetAssembler;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dataset.WehrPublishedSubset;
import org.junit.jupiter.api.Test;

/** A cell's STRF inputs read on their own match the exported grid's (up to the grid's cross-cell T bound). */
class CellStrfInputsTest {

    @Test
    void perCellInputsMatchTheAssembledGrid() throws Exception {
        Params p = Params.defaults();
        try (Ac1Archive archive = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            AssembledDataset d = DatasetAssembler.assemble(archive, p, ProgressMonitor.NONE);
            for (int n = 0; n < d.neuronCount(); n++) {
                CellRecord c = d.neurons().get(n);
                StrfInput grid = CellStrfInputs.of(d, n);
                StrfInput own = CellStrfInputs.load(archive, c, p, ProgressMonitor.NONE);
                assertEquals(grid.stimuli().size(), own.stimuli().size(), c.session());
                assertArrayEquals(grid.freqsHz(), own.freqsHz());
                for (int i = 0; i < grid.stimuli().size(); i++) {
                    StrfInput.Stimulus g = grid.stimuli().get(i);
                    StrfInput.Stimulus o = own.stimuli().get(i);
                    assertEquals(g.order(), o.order());
                    assertEquals(g.label(), o.label());
                    assertTrue(o.frames() >= g.frames(), c.session() + " " + g.label());
                    assertEquals(g.repeats().length, o.repeats().length);
                    for (int r = 0; r < g.repeats().length; r++) {
                        assertArrayEquals(g.repeats()[r], java.util.Arrays.copyOf(o.repeats()[r], g.frames()));
                    }
                    for (int f = 0; f < g.spectrogramDb().length; f++) {
                        assertArrayEquals(g.spectrogramDb()[f], java.util.Arrays.copyOf(o.spectrogramDb()[f], g.frames()));
                    }
                }
            }
        }
    }

    @Test
    void fitsAFixtureCellEndToEnd() throws Exception {
        Params p = Params.defaults();
        try (Ac1Archive archive = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            CellRecord wehr = archive.cells().stream().filter(c -> c.experimenter().equals("wehr")).findFirst().orElseThrow();
            StrfInput in = CellStrfInputs.load(archive, wehr, p, ProgressMonitor.NONE);
            StrfResult r = RidgeStrf.fit(in, StrfOptions.defaults(p.binsPerOctave()),
                    WehrPublishedSubset.split(wehr.wehrCellIdx()), ProgressMonitor.NONE);
            assertEquals(18, r.bands());     // 53 bands pooled by 3
            assertEquals(21, r.lags());
            assertTrue(Double.isFinite(r.maxAbsWeight()));
            assertEquals(in.stimuli().size(), r.stimuli().size());
            r.stimuli().forEach(s -> assertEquals(s.measured().length, s.predicted().length));
            assertTrue(r.heldOutR() >= -1 && r.heldOutR() <= 1, "r " + r.heldOutR());
        }
    }
}
