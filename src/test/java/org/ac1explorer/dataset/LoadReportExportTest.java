package org.ac1explorer.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ac1explorer.Fixtures;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.Problem;
import org.ac1explorer.archive.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Char;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/**
 * The export's additions to the reference schema on the ac1-edge fixture: dropped_cells,
 * warnings (the lines summary lists), hearing_range_hz and stim_meta.sequence; the reference
 * comparison is undisturbed by them.
 */
class LoadReportExportTest {
    @TempDir
    Path tmp;

    private AssembledDataset export(Path data, Params p, Path out) throws Exception {
        try (Ac1Archive archive = Ac1Archive.open(data, ProgressMonitor.NONE)) {
            AssembledDataset d = DatasetAssembler.assemble(archive, p, ProgressMonitor.NONE);
            MatExport.write(d, out, true);
            return d;
        }
    }

    private static List<String> texts(Cell c) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.getNumElements(); i++) {
            Char ch = c.get(i);
            out.add(ch.getString());
        }
        return out;
    }

    private static List<Double> numbers(Matrix m) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < m.getNumElements(); i++) {
            out.add(m.getDouble(i));
        }
        return out;
    }

    @Test
    void edgeExportNamesDroppedCellsAndListsEveryWarning() throws Exception {
        Path out = tmp.resolve("edge.mat");
        AssembledDataset d = export(Fixtures.file("ac1-edge"), Params.defaults(), out);
        assertEquals(List.of(), ExportComparison.compare(Path.of(LoadReportExportTest.class.getResource("/reference/edge.mat").toURI()), out).failures());
        try (Mat5File mat = Mat5.readFromFile(out.toFile())) {
            Struct dropped = mat.getStruct("dropped_cells");
            assertEquals(2.0, ((Matrix) dropped.get("count")).getDouble(0));
            Cell sessions = dropped.get("sessions");
            assertEquals(1, sessions.getNumCols());
            assertEquals(List.of("20030103-mw-003", "20060201-ha2-003"), texts(sessions));

            Cell warnings = mat.getCell("warnings");
            assertEquals(1, warnings.getNumCols());
            List<String> lines = texts(warnings);
            assertEquals(d.reportLines(), lines);
            assertTrue(lines.get(0).startsWith("warning: the cohort mixes cell-attached (spikes) and whole-cell"), lines.get(0));
            for (String expected : List.of("fragments/10.mat: duplicate Wehr stimulus description \"fragment 1: creek\"",
                    "category2/1.mat: duplicate Wehr stimulus description \"fragment 2: birds\"",
                    "\"fragment 99: not in the index\" is not in the stimulus index",
                    "\"fragment 3: wind\" is not in the stimulus index",
                    "\"Sequence 4: 1 5\" refers to a segment index missing from param.stimulus")) {
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("warning: ") && l.contains(expected)), expected + " not in " + lines);
            }

            assertEquals(List.of(250.0, 76000.0), numbers(mat.getMatrix("hearing_range_hz")));
            assertEquals(1, mat.getMatrix("hearing_range_hz").getNumRows());

            Cell stimMeta = mat.getCell("stim_meta");
            int asari = 0;
            for (int s = 0; s < stimMeta.getNumElements(); s++) {
                Struct m = stimMeta.getStruct(s, 0);
                if (((Char) m.get("experimenter")).getString().equals("asari")) {
                    asari++;
                    assertEquals(numbers(m.get("segments")), numbers(m.get("sequence")));
                    assertEquals(d.stimuli().get(s).info().segments().stream().map(Integer::doubleValue).toList(),
                            numbers(m.get("sequence")));
                } else {
                    assertFalse(m.getFieldNames().contains("sequence"));
                }
            }
            assertEquals(4, asari);
        }
    }

    @Test
    void noDroppedCellAndNoWarningGiveEmptyCells() throws Exception {
        AssembledDataset d = export(Fixtures.file("ac1-edge"), Params.defaults().withSites(List.of("MGB")), tmp.resolve("mgb.mat"));
        assertEquals(0, d.droppedCells());
        AssembledDataset quiet = new AssembledDataset(d.params(), d.freqsHz(), d.stimuli(), d.neurons(), d.responses(),
                d.rejections(), d.signalType(), d.dropped(), List.of(), List.of());
        Path out = tmp.resolve("quiet.mat");
        MatExport.write(quiet, out, true);
        try (Mat5File mat = Mat5.readFromFile(out.toFile())) {
            Struct dropped = mat.getStruct("dropped_cells");
            assertEquals(0.0, ((Matrix) dropped.get("count")).getDouble(0));
            assertEquals(0, ((Cell) dropped.get("sessions")).getNumElements());
            assertEquals(0, mat.getCell("warnings").getNumElements());
        }
    }

    @Test
    void problemsComeInAFixedOrder() throws Exception {
        AssembledDataset d = export(Fixtures.file("ac1-edge"), Params.defaults(), tmp.resolve("x.mat"));
        assertEquals(5, d.problems().size());
        assertEquals(d.problems().stream().sorted(Problem.ORDER).toList(), d.problems());
    }
}
