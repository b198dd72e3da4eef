package org.ac1explorer.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ac1explorer.Fixtures;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.Problem;
import org.ac1explorer.archive.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/** Where the reference aborts, the export skips the bad piece, names it, and keeps the rest. */
class RobustnessTest {
    @TempDir
    Path tmp;

    private Path copy() throws IOException {
        return Fixtures.copyTree(Fixtures.mini(), tmp.resolve("mini"));
    }

    private static AssembledDataset assemble(Path data) throws IOException {
        try (Ac1Archive a = Ac1Archive.open(data, ProgressMonitor.NONE)) {
            return DatasetAssembler.assemble(a, Params.defaults(), ProgressMonitor.NONE);
        }
    }

    private static boolean reported(AssembledDataset d, String fileEnd, String words) {
        return d.problems().stream().anyMatch(p -> p.location().contains(fileEnd) && p.message().contains(words));
    }

    @Test
    void corruptSegmentFileDropsOnlyItsSequencesAndIsNamed() throws IOException {
        Path data = copy();
        Path seg = data.resolve("crcns-ac1/asari/Stimuli/class6/3.mat");
        byte[] b = Files.readAllBytes(seg);
        Files.write(seg, java.util.Arrays.copyOf(b, 200));
        AssembledDataset d = assemble(data);
        assertTrue(d.problems().stream().anyMatch(p -> p.message().contains("class6/3.mat")), d.problems().toString());
        assertTrue(d.stimuli().stream().noneMatch(s -> s.info().segmentFiles().contains("class6/3.mat")));
        assertTrue(d.stimuli().stream().anyMatch(s -> s.info().isWehr()));
        assertTrue(d.neuronCount() >= 3);
    }

    @Test
    void wehrSessionNameWithoutThreePartsIsSkippedAndNamed() throws IOException {
        Path data = copy();
        Path results = data.resolve("crcns-ac1/wehr/Results");
        Files.move(results.resolve("20020812-mw-004"), results.resolve("20020812-mw-004-b"));
        AssembledDataset d = assemble(data);
        assertTrue(reported(d, "20020812-mw-004-b", "three"), d.problems().toString());
        assertEquals(4, d.neuronCount());
        assertEquals(List.of("20020101-mw-001", "20050101-ha1-001"),
                d.neurons().subList(0, 2).stream().map(c -> c.session()).toList());
    }

    @Test
    void missingResponseSkipsThatTrialOnly() throws IOException {
        Path data = copy();
        Path trial = data.resolve("crcns-ac1/wehr/Results/20020101-mw-001/20020101-mw-001-001.mat");
        Mat5File m = Mat5.readFromFile(trial.toFile());
        MatFile out = Mat5.newMatFile().addArray("triggers", m.getArray("triggers"));
        Mat5.writeToFile(out, trial.toFile());
        AssembledDataset d = assemble(data);
        assertTrue(reported(d, "20020101-mw-001-001.mat", "response"), d.problems().toString());
        assertEquals(5, d.neuronCount());
        assertEquals(40, d.rejections().total());
    }

    @Test
    void emptyDescriptionSkipsTheTrialWithAProblem() throws IOException {
        Path data = copy();
        Path trial = data.resolve("crcns-ac1/wehr/Results/20020101-mw-001/20020101-mw-001-002.mat");
        Mat5File m = Mat5.readFromFile(trial.toFile());
        Struct trig = m.getStruct("triggers");
        Struct param = trig.getStruct("param");
        param.set("description", Mat5.newString(""));
        Mat5.writeToFile(m, trial.toFile());
        AssembledDataset d = assemble(data);
        assertTrue(reported(d, "20020101-mw-001-002.mat", "description is empty"), d.problems().toString());
        assertEquals(40, d.rejections().total());
    }

    /** MATLAB may store the same values as other classes, orientations and wrappings: the results must not change. */
    @Test
    void storageVariantsGiveTheReferenceResults() throws Exception {
        Path data = copy();
        for (String dir : List.of("crcns-ac1/wehr/Results/20020101-mw-001", "crcns-ac1-asari-results-1/asari-results-1/20050101-ha1-001")) {
            try (var files = Files.list(data.resolve(dir))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    rewriteWithOtherStorage(f);
                }
            }
        }
        Path out = tmp.resolve("variants.mat");
        try (Ac1Archive a = Ac1Archive.open(data, ProgressMonitor.NONE)) {
            MatExport.write(DatasetAssembler.assemble(a, Params.defaults(), ProgressMonitor.NONE), out, false);
        }
        assertEquals(List.of(), ExportComparison.compare(Fixtures.file("ac1-mini.expected.mat"), out).failures());
    }

    /** trace int16 column -> int32 (or double) row, sf -> int32, triggers wrapped in a 1x1 cell, descriptions as cells of char. */
    private static void rewriteWithOtherStorage(Path f) throws IOException {
        Mat5File m = Mat5.readFromFile(f.toFile());
        MatFile out = Mat5.newMatFile();
        for (MatFile.Entry e : m.getEntries()) {
            Array v = e.getValue();
            if (e.getName().equals("response")) {
                Struct r = (Struct) v;
                Matrix trace = r.getMatrix("trace");
                int n = trace.getNumElements();
                Matrix row = Mat5.newMatrix(1, n, n % 2 == 0 ? MatlabType.Int32 : MatlabType.Double);
                for (int i = 0; i < n; i++) {
                    row.setDouble(0, i, trace.getDouble(i));
                }
                r.set("trace", row);
                Matrix sf = Mat5.newMatrix(1, 1, MatlabType.Int32);
                sf.setDouble(0, r.getMatrix("sf").getDouble(0));
                r.set("sf", sf);
            } else if (e.getName().equals("triggers")) {
                Struct t = (Struct) v;
                for (int i = 0; i < t.getNumElements(); i++) {
                    Struct p = t.getStruct("param", i);
                    if (!p.getFieldNames().contains("description")) {
                        continue;
                    }
                    Cell c = Mat5.newCell(1, 1);
                    c.set(0, Mat5.newString(p.getChar("description").getString()));
                    p.set("description", c);
                }
                Cell wrapped = Mat5.newCell(1, 1);
                wrapped.set(0, t);
                v = wrapped;
            }
            out.addArray(e.getName(), v);
        }
        Mat5.writeToFile(out, f.toFile());
    }

    @Test
    void everyProblemNamesAFileOrFolder() throws IOException {
        Path data = copy();
        Files.write(data.resolve("crcns-ac1-asari-results-2/asari-results-2/20051127-ha3-015/20051127-ha3-015-002.mat"), new byte[0]);
        AssembledDataset d = assemble(data);
        for (Problem p : d.problems()) {
            assertTrue(p.location().startsWith(data.toString()), p.toString());
        }
        assertTrue(reported(d, "20051127-ha3-015-002.mat", "empty"), d.problems().toString());
    }
}
