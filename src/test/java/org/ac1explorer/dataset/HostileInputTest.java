package org.ac1explorer.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.ac1explorer.Fixtures;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.MatLoader;
import org.ac1explorer.archive.MatReadException;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.archive.StimulusInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Hostile input (issue 6): mutants of the fixture's MAT files and zips — truncations, bit flips,
 * tags declaring absurd sizes, wrong types in struct fields, empty files, deep nesting, broken zip
 * directories, escaping entry names. Each loads within 5 s without throwing, names the broken file
 * when it cannot be parsed, and every cell not touched by the mutation loads unchanged. mvn verify
 * runs a deterministic sample; {@code -Dac1.fuzz=full} (or {@code mvn verify -Pfuzz}) runs all.
 */
class HostileInputTest {
    private static final boolean FULL = "full".equals(System.getProperty("ac1.fuzz"));
    private static final int SAMPLE = 50;
    private static Path work;
    private static Path data;
    private static Path zipData;
    private static Map<String, float[][]> baseline;
    private static Map<String, float[][]> zipBaseline;

    /** One mutated file: which file of the dataset it replaces, its bytes, and which cells it may affect. */
    record Mutant(String name, boolean zipped, String file, byte[] bytes, Predicate<CellRecord> affects, boolean mustReport) {
    }

    @BeforeAll
    static void setUp() throws IOException {
        work = Files.createTempDirectory("ac1-fuzz");
        data = Fixtures.copyTree(Fixtures.mini(), work.resolve("mini"));
        zipData = Files.createDirectories(work.resolve("zips"));
        Fixtures.zippedMini(Fixtures.mini(), zipData);
        baseline = outcome(data);
        zipBaseline = outcome(zipData);
    }

    @AfterAll
    static void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(work)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** (session, stimulus key) → kept binned repeats, for the whole dataset. */
    private static Map<String, float[][]> outcome(Path dir) throws IOException {
        try (Ac1Archive a = Ac1Archive.open(dir, ProgressMonitor.NONE)) {
            return outcome(DatasetAssembler.assemble(a, Params.defaults(), ProgressMonitor.NONE));
        }
    }

    private static Map<String, float[][]> outcome(AssembledDataset d) {
        Map<String, float[][]> m = new HashMap<>();
        for (int s = 0; s < d.stimulusCount(); s++) {
            for (int n = 0; n < d.neuronCount(); n++) {
                if (d.response(s, n) != null) {
                    m.put(d.neurons().get(n).session() + " | " + d.stimuli().get(s).info().key(), d.response(s, n));
                }
            }
        }
        return m;
    }

    // ---- the corpus -------------------------------------------------------------------------

    private static final String WEHR_TRIAL = "crcns-ac1/wehr/Results/20020812-mw-004/20020812-mw-004-002.mat";
    private static final String WEHR_STIM = "crcns-ac1/wehr/Stimuli/fragments/3.mat";
    private static final String ASARI_TRIAL = "crcns-ac1-asari-results-1/asari-results-1/20050614-ha2-008/20050614-ha2-008-002.mat";
    private static final String ASARI_SEGMENT = "crcns-ac1/asari/Stimuli/class3/2.mat";
    private static final String RESULTS1_ZIP = "crcns-ac1-asari-results-1.zip";

    private static Predicate<CellRecord> session(String s) {
        return c -> c.session().equals(s);
    }

    private static Predicate<CellRecord> hearing(Predicate<StimulusInfo> p) {
        return c -> c.stimuli().stream().anyMatch(st -> p.test(st.info()));
    }

    static List<Mutant> corpus() throws IOException {
        Path mini = Fixtures.mini();
        List<Mutant> all = new ArrayList<>();
        Map<String, Predicate<CellRecord>> sources = new java.util.LinkedHashMap<>();
        sources.put(WEHR_TRIAL, session("20020812-mw-004"));
        sources.put(WEHR_STIM, hearing(i -> i.isWehr() && i.category().equals("fragments") && i.idx() == 3));
        sources.put(ASARI_TRIAL, session("20050614-ha2-008"));
        sources.put(ASARI_SEGMENT, hearing(i -> i.segmentFiles().contains("class3/2.mat")));
        for (var src : sources.entrySet()) {
            byte[] orig = Files.readAllBytes(mini.resolve(src.getKey()));
            String f = src.getKey();
            Predicate<CellRecord> aff = src.getValue();
            String tag = f.substring(f.lastIndexOf('/') + 1);
            all.add(new Mutant(tag + " empty", false, f, new byte[0], aff, true));
            // truncations at many offsets, header and tag boundaries included
            List<Integer> cuts = new ArrayList<>(List.of(1, 64, 116, 127, 128, 129, 132, 135, 136, 137, 144, 160, 200));
            for (int k = 1; k < 60; k++) {
                cuts.add((int) ((long) orig.length * k / 60));
            }
            for (int c : cuts) {
                if (c < orig.length) {
                    all.add(new Mutant(tag + " truncated at " + c, false, f, java.util.Arrays.copyOf(orig, c), aff, false));
                }
            }
            Random rnd = new Random(f.hashCode());
            for (int k = 0; k < 90; k++) {
                byte[] b = orig.clone();
                int pos = k < 50 ? rnd.nextInt(Math.min(orig.length, 400)) : rnd.nextInt(orig.length);
                b[pos] ^= (byte) (1 << rnd.nextInt(8));
                all.add(new Mutant(tag + " bit flip at " + pos, false, f, b, aff, false));
            }
            // absurd sizes written over every 4-byte word of the first 512 bytes after the header
            for (int pos = 128; pos < Math.min(orig.length - 4, 640); pos += 4) {
                for (int v : new int[] {0x7ffffff8, 0xfffffff0}) {
                    byte[] b = orig.clone();
                    ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(pos, v);
                    all.add(new Mutant(tag + " word " + pos + " = " + Integer.toHexString(v), false, f, b, aff, false));
                }
            }
            for (var sem : SemanticMutants.of(orig, f)) {
                all.add(new Mutant(tag + " " + sem.getKey(), false, f, sem.getValue(), aff, true));
            }
            all.add(new Mutant(tag + " nested 20000 deep", false, f, SemanticMutants.deepNesting(20_000), aff, true));
        }
        // zips: the results-1 part, holding two Asari cells
        byte[] zip = Files.readAllBytes(zipPath());
        Predicate<CellRecord> inZip = c -> c.part().equals("asari-results-1");
        for (int k = 1; k < 40; k++) {
            int c = (int) ((long) zip.length * k / 40);
            all.add(new Mutant("zip truncated at " + c, true, RESULTS1_ZIP, java.util.Arrays.copyOf(zip, c), inZip, false));
        }
        int eocd = lastIndexOf(zip, new byte[] {0x50, 0x4b, 0x05, 0x06});
        int cd = ByteBuffer.wrap(zip).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(eocd + 16);
        Random rnd = new Random(7);
        for (int k = 0; k < 60; k++) {
            byte[] b = zip.clone();
            int pos = cd + rnd.nextInt(zip.length - cd);
            b[pos] ^= (byte) (1 << rnd.nextInt(8));
            all.add(new Mutant("zip central directory flip at " + pos, true, RESULTS1_ZIP, b, inZip, false));
        }
        for (int k = 0; k < 30; k++) {
            byte[] b = zip.clone();
            int pos = rnd.nextInt(cd);
            b[pos] ^= (byte) (1 << rnd.nextInt(8));
            all.add(new Mutant("zip entry data flip at " + pos, true, RESULTS1_ZIP, b, inZip, false));
        }
        all.add(new Mutant("zip empty", true, RESULTS1_ZIP, new byte[0], inZip, true));
        all.add(new Mutant("zip with escaping entries", true, RESULTS1_ZIP, SemanticMutants.escapingZip(zip), inZip, true));
        return all;
    }

    private static Path zipPath() throws IOException {
        Path z = Files.createTempDirectory("ac1-zip");
        Fixtures.zippedMini(Fixtures.mini(), z);
        return z.resolve(RESULTS1_ZIP);
    }

    private static int lastIndexOf(byte[] b, byte[] pat) {
        for (int i = b.length - pat.length; i >= 0; i--) {
            if (java.util.Arrays.equals(b, i, i + pat.length, pat, 0, pat.length)) {
                return i;
            }
        }
        throw new IllegalStateException("pattern not found");
    }

    // ---- the checks -------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> mutantsLoadSafely() throws IOException {
        List<Mutant> all = corpus();
        assertTrue(all.size() >= 1000, "the full corpus must hold at least 1000 mutants, has " + all.size());
        List<Mutant> run = FULL ? all : sample(all);
        return run.stream().map(m -> DynamicTest.dynamicTest(m.name(), () -> check(m)));
    }

    private static List<Mutant> sample(List<Mutant> all) {
        List<Mutant> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += Math.max(1, all.size() / SAMPLE)) {
            out.add(all.get(i));
        }
        List<Mutant> reported = all.stream().filter(Mutant::mustReport).filter(m -> !out.contains(m)).toList();
        for (int i = 0; i < reported.size(); i += 2) {
            out.add(reported.get(i));
        }
        return out;
    }

    private static void check(Mutant m) throws Exception {
        Path dir = m.zipped() ? zipData : data;
        Path target = dir.resolve(m.file());
        byte[] original = Files.readAllBytes(target);
        Files.write(target, m.bytes());
        try {
            AssembledDataset d = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                try (Ac1Archive a = Ac1Archive.open(dir, ProgressMonitor.NONE)) {
                    return DatasetAssembler.assemble(a, Params.defaults(), ProgressMonitor.NONE);
                }
            }, m.name() + ": load took longer than 5 s");
            assertNotNull(d);
            Map<String, float[][]> got = outcome(d);
            Map<String, float[][]> base = m.zipped() ? zipBaseline : baseline;
            Set<String> affected = new java.util.HashSet<>();
            for (CellRecord c : intactIndex(m.zipped())) {
                if (m.affects().test(c)) {
                    affected.add(c.session());
                }
            }
            for (var e : base.entrySet()) {
                String session = e.getKey().substring(0, e.getKey().indexOf(" | "));
                if (affected.contains(session)) {
                    continue;
                }
                float[][] now = got.get(e.getKey());
                assertNotNull(now, m.name() + ": intact " + e.getKey() + " no longer loads");
                assertEquals(e.getValue().length, now.length, m.name() + ": repeats of " + e.getKey());
                for (int r = 0; r < now.length; r++) {
                    int t = now[r].length;
                    assertTrue(t > 0 && t <= e.getValue()[r].length, m.name() + ": length of " + e.getKey());
                    assertArrayEquals(java.util.Arrays.copyOf(e.getValue()[r], t), now[r], m.name() + ": values of " + e.getKey());
                }
            }
            String fileName = m.file().substring(m.file().lastIndexOf('/') + 1);
            boolean unreadable = m.zipped() ? unreadableZip(m.bytes()) : unreadableMat(m.bytes());
            if (m.mustReport() || unreadable) {
                assertTrue(d.problems().stream().anyMatch(p -> p.location().contains(fileName) || p.message().contains(fileName)),
                        m.name() + ": no problem names " + fileName + "; problems: " + d.problems());
            }
        } finally {
            Files.write(target, original);
        }
    }

    private static List<CellRecord> intactCells;
    private static List<CellRecord> intactZipCells;

    private static synchronized List<CellRecord> intactIndex(boolean zipped) throws IOException {
        if (intactCells == null) {
            try (Ac1Archive a = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
                intactCells = a.cells();
            }
            intactZipCells = intactCells;
        }
        return zipped ? intactZipCells : intactCells;
    }

    private static boolean unreadableMat(byte[] b) {
        try {
            MatLoader.parse(ByteBuffer.wrap(b), null);
            return false;
        } catch (MatReadException e) {
            return true;
        }
    }

    private static boolean unreadableZip(byte[] b) {
        try {
            Path z = Files.createTempFile("probe", ".zip");
            try {
                Files.write(z, b);
                try (java.util.zip.ZipFile zf = new java.util.zip.ZipFile(z.toFile())) {
                    return zf.size() == 0;
                }
            } finally {
                Files.delete(z);
            }
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }
}
