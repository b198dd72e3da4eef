package org.ac1explorer.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ac1explorer.Fixtures;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.ProgressMonitor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tools/python/load_export.py (the loading recipe of the README) reads a fresh export of ac1-mini
 * into the reference loader's shapes: 1 x F x T stimuli, R x T responses or the 1 x 1 NaN
 * sentinel, the S x N mask, nrn_meta with _wehr_cell_idx, the published Wehr subset. Runs when
 * python3 with numpy and scipy is on the machine; otherwise it is skipped and says so.
 */
class PythonLoaderTest {
    private static final Path SCRIPT = Path.of("tools/python/load_export.py");

    @TempDir
    Path tmp;

    private record Run(int status, String out) {
    }

    private static Run python(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3"));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException noPython) {
            return new Run(-1, noPython.getMessage());
        }
        byte[] out = p.getInputStream().readAllBytes();
        // a guard against a hung interpreter, not a timing check
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Run(-1, "python3 did not finish");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void loaderGivesTheReferenceShapes() throws Exception {
        Run probe = python("-c", "import numpy, scipy.io");
        if (probe.status() != 0) {
            String why = "python3 with numpy and scipy not found (" + probe.out().strip()
                    + "): tools/python/load_export.py was NOT checked";
            System.out.println("PythonLoaderTest: " + why);
            Assumptions.abort(why);
        }
        assertTrue(Files.isRegularFile(SCRIPT), SCRIPT.toAbsolutePath() + " missing");
        Path export = tmp.resolve("mini.mat");
        AssembledDataset d;
        try (Ac1Archive archive = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            d = DatasetAssembler.assemble(archive, Params.defaults(), ProgressMonitor.NONE);
            MatExport.write(d, export, true);
        }
        Run run = python(SCRIPT.toString(), export.toString());
        assertEquals(0, run.status(), run.out());
        List<String> lines = run.out().lines().toList();
        int nS = d.stimulusCount();
        int nN = d.neuronCount();
        assertEquals("S=" + nS + " N=" + nN + " F=" + d.freqsHz().length + " signal_type=" + d.signalType(), lines.get(0));
        assertEquals("stims[0] shape=(1, " + d.freqsHz().length + ", " + d.stimuli().get(0).frames() + ") dtype=float32",
                lines.get(1));
        int present = 0;
        List<String> expected = new ArrayList<>();
        for (int s = 0; s < nS; s++) {
            for (int n = 0; n < nN; n++) {
                float[][] r = d.response(s, n);
                present += r == null ? 0 : 1;
                expected.add("responses[" + s + "][" + n + "] shape="
                        + (r == null ? "(1, 1) dtype=float32 sentinel" : "(" + r.length + ", " + r[0].length + ") dtype=float32"));
            }
        }
        assertEquals("mask present=" + present + " of " + nS * nN, lines.get(2));
        List<Integer> published = new ArrayList<>();
        List<String> splits = new ArrayList<>();
        for (int n = 0; n < nN; n++) {
            CellRecord c = d.neurons().get(n);
            expected.add("nrn_meta[" + n + "] session=" + c.session() + " _wehr_cell_idx=" + c.wehrCellIdx()
                    + " signal_type=" + c.signalType());
            if (c.experimenter().equals("wehr") && WehrPublishedSubset.isPublished(c.wehrCellIdx())) {
                published.add(n);
                var sp = WehrPublishedSubset.split(c.wehrCellIdx()).orElseThrow();
                splits.add("(" + sp.train() + ", " + sp.validation() + ", " + sp.test() + ")");
            }
        }
        assertEquals(expected, lines.subList(3, 3 + expected.size()));
        List<String> rest = lines.subList(3 + expected.size(), lines.size());
        assertTrue(!published.isEmpty(), "ac1-mini holds a published Wehr cell");
        assertTrue(rest.get(0).startsWith("published neurons=" + published + " "), rest.get(0));
        assertTrue(rest.get(0).endsWith(" splits=" + splits), rest.get(0));
        assertEquals("dropped_cells count=" + d.droppedCells() + " sessions=[]", rest.get(1));
        assertEquals("warnings=" + d.reportLines().size(), rest.get(2));
        assertEquals("hearing_range_hz=(250.0, 76000.0)", rest.get(3));
    }
}
