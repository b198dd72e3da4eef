package org.ac1explorer.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ac1explorer.Fixtures;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export of the shared ac1-mini fixture equals the reference results (docs/processing.md §3 tolerances). */
class FixtureExportTest {
    @TempDir
    Path tmp;

    private ExportComparison exportAndCompare(Path data, Params p, String expected) throws Exception {
        Path out = tmp.resolve("actual.mat");
        try (Ac1Archive archive = Ac1Archive.open(data, ProgressMonitor.NONE)) {
            MatExport.write(DatasetAssembler.assemble(archive, p, ProgressMonitor.NONE), out, true);
        }
        return ExportComparison.compare(Fixtures.file(expected), out);
    }

    @Test
    void defaultParametersMatchReference() throws Exception {
        ExportComparison c = exportAndCompare(Fixtures.mini(), Params.defaults(), "ac1-mini.expected.mat");
        assertEquals(List.of(), c.failures());
    }

    @Test
    void dt2AndFmax25600MatchReference() throws Exception {
        Params p = Params.defaults().withDtMs(2).withFmaxHz(25600);
        ExportComparison c = exportAndCompare(Fixtures.mini(), p, "ac1-mini.expected-dt2-fmax25600.mat");
        assertEquals(List.of(), c.failures());
    }

    @Test
    void comparisonDetectsAChangedGatingThreshold() throws Exception {
        ExportComparison c = exportAndCompare(Fixtures.mini(), Params.defaults().withAbsMvMax(50), "ac1-mini.expected.mat");
        assertTrue(c.failures().stream().anyMatch(f -> f.startsWith("rejections.range")), c.failures().toString());
    }
}
