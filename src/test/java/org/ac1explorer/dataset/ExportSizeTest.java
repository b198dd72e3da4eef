package org.ac1explorer.dataset;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ac1explorer.Fixtures;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.ProgressMonitor;
import org.junit.jupiter.api.Test;

/** The size estimate made before computing bounds the real export and refuses naming the flag to change. */
class ExportSizeTest {
    @Test
    void theEstimateFromTheIndexIsAnUpperBoundOfTheAssembledVariables() throws Exception {
        try (Ac1Archive a = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            for (Params p : new Params[] {Params.defaults(), Params.defaults().withDtMs(1)}) {
                ExportSize estimate = ExportSize.estimate(a.cells(), p, null);
                ExportSize exact = ExportSize.of(DatasetAssembler.assemble(a, p, ProgressMonitor.NONE));
                assertTrue(estimate.stimsBytes() >= exact.stimsBytes(), estimate + " vs " + exact);
                assertTrue(estimate.responsesBytes() >= exact.responsesBytes(), estimate + " vs " + exact);
                assertTrue(exact.stimsBytes() > 0 && exact.responsesBytes() > 0);
            }
        }
    }

    @Test
    void aVariableTooLargeForMatV5IsRefusedBeforeComputingNamingDt() throws Exception {
        try (Ac1Archive a = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            Params fine = Params.defaults().withDtMs(0.1);
            ExportSize estimate = ExportSize.estimate(a.cells(), fine, null);
            long limit = Math.min(estimate.stimsBytes(), estimate.responsesBytes()) - 1; // the mini dataset at a 1 MB scale
            OutputTarget.Refused e = assertThrows(OutputTarget.Refused.class, () -> estimate.checkFits(fine, false, limit));
            assertTrue(e.getMessage().contains("--dt-ms (now 0.1)"), e.getMessage());
            ExportSize.estimate(a.cells(), Params.defaults(), null).checkFits(Params.defaults(), false, ExportSize.MAX_VARIABLE_BYTES);
        }
    }
}
