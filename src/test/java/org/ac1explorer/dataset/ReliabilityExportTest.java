package org.ac1explorer.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ac1explorer.Fixtures;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/** nrn_meta.cc_max, wehr_published and split in the export, next to the reference fields. */
class ReliabilityExportTest {
    @TempDir
    Path tmp;

    @Test
    void exportHoldsEachCellsNoiseCeilingAndPublishedSplit() throws Exception {
        Path out = tmp.resolve("x.mat");
        AssembledDataset d;
        try (Ac1Archive archive = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            d = DatasetAssembler.assemble(archive, Params.defaults(), ProgressMonitor.NONE);
            MatExport.write(d, out, true);
        }
        // the extra fields do not disturb the reference comparison
        assertEquals(List.of(), ExportComparison.compare(Fixtures.file("ac1-mini.expected.mat"), out).failures());
        try (Mat5File mat = Mat5.readFromFile(out.toFile())) {
            Cell meta = mat.getCell("nrn_meta");
            int wehr = 0;
            for (int n = 0; n < d.neuronCount(); n++) {
                Struct s = meta.getStruct(n, 0);
                CellRecord c = d.neurons().get(n);
                List<float[][]> blocks = new ArrayList<>();
                for (int st = 0; st < d.stimulusCount(); st++) {
                    blocks.add(d.response(st, n));
                }
                double want = Reliability.pooled(blocks).ccMax();
                double got = ((Matrix) s.get("cc_max")).getDouble(0);
                assertEquals(want, got, 0.0, c.session());
                assertTrue(Double.isNaN(got) || (got >= 0 && got <= 1), c.session() + " cc_max " + got);
                Matrix split = s.get("split");
                Matrix pub = s.get("wehr_published");
                if (c.experimenter().equals("wehr")) {
                    wehr++;
                    var sp = WehrPublishedSubset.split(c.wehrCellIdx()).orElseThrow();
                    assertEquals(1, split.getNumRows());
                    assertEquals(3, split.getNumCols());
                    assertEquals(sp.train(), split.getDouble(0, 0));
                    assertEquals(sp.validation(), split.getDouble(0, 1));
                    assertEquals(sp.test(), split.getDouble(0, 2));
                    assertEquals(WehrPublishedSubset.isPublished(c.wehrCellIdx()) ? 1.0 : 0.0, pub.getDouble(0));
                } else {
                    assertEquals(0, split.getNumElements());
                    assertEquals(0.0, pub.getDouble(0));
                }
            }
            assertTrue(wehr > 0, "the fixture has Wehr cells");
        }
    }
}
