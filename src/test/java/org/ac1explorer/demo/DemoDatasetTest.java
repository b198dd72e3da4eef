package org.ac1explorer.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

class DemoDatasetTest {
    private static final long SEED = 20240611L;
    private static final String WEHR = "crcns-ac1/wehr";
    private static final String R1 = "crcns-ac1-asari-results-1/asari-results-1";
    private static final String R2 = "crcns-ac1-asari-results-2/asari-results-2";

    @TempDir
    static Path shared;
    private static Path small;
    private static DemoSummary summary;
    private static final List<long[]> progressCalls = new ArrayList<>();

    @BeforeAll
    static void writeSmall() throws IOException {
        small = shared.resolve("small");
        summary = DemoDataset.write(small, SEED, DemoScale.SMALL, (d, t) -> {
            synchronized (progressCalls) {
                progressCalls.add(new long[] {d, t});
            }
        });
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static Mat5File read(Path p) throws IOException {
        return Mat5.readFromFile(p.toFile());
    }

    @Test
    void smallDatasetFollowsTheCrcnsAc1ArchiveLayout() throws IOException {
        assertEquals(List.of("crcns-ac1", "crcns-ac1-asari-results-1", "crcns-ac1-asari-results-2"), names(small));
        assertTrue(Files.isRegularFile(small.resolve(WEHR + "/Summary.mat")));
        List<String> sessions = names(small.resolve(WEHR + "/Results"));
        assertEquals(4, sessions.size());
        for (String s : sessions) {
            assertTrue(s.matches("\\d{8}-mw-\\d{3}"), s);
            List<String> trials = names(small.resolve(WEHR + "/Results/" + s));
            assertFalse(trials.isEmpty());
            for (String t : trials) {
                assertTrue(t.matches(Pattern.quote(s) + "-\\d{3}\\.mat"), t);
            }
        }
        assertEquals(List.of("category1", "category2", "category3", "fragments"), names(small.resolve(WEHR + "/Stimuli")));
        for (String sub : names(small.resolve(WEHR + "/Stimuli"))) {
            for (String f : names(small.resolve(WEHR + "/Stimuli/" + sub))) {
                assertTrue(f.matches("\\d+\\.mat"), f);
            }
        }
        for (String cls : names(small.resolve("crcns-ac1/asari/Stimuli"))) {
            assertTrue(cls.matches("class\\d+"), cls);
            for (String f : names(small.resolve("crcns-ac1/asari/Stimuli/" + cls))) {
                assertTrue(f.matches("\\d+\\.mat"), f);
            }
        }
        int asariCells = 0;
        for (String root : List.of(R1, R2)) {
            List<String> cells = names(small.resolve(root));
            assertFalse(cells.isEmpty(), root + " is populated");
            for (String s : cells) {
                assertTrue(s.matches("\\d{8}-ha\\d+-\\d{3}"), s);
                for (String f : names(small.resolve(root + "/" + s))) {
                    assertTrue(f.matches(Pattern.quote(s) + "-\\d{3}\\.mat"), f);
                }
            }
            asariCells += cells.size();
        }
        assertEquals(4, summary.wehrCells());
        assertEquals(asariCells, summary.asariCells());
        assertTrue(asariCells >= 6 && asariCells <= 8, "6-8 Asari cells");
    }

    @Test
    void summaryCountsAndBytesMatchTheFilesWritten() throws IOException {
        List<Path> all = files(small);
        long bytes = 0;
        int stimuli = 0;
        int trials = 0;
        for (Path p : all) {
            bytes += Files.size(p);
            String rel = small.relativize(p).toString().replace('\\', '/');
            if (rel.contains("/Stimuli/")) {
                stimuli++;
            } else if (!rel.endsWith("Summary.mat")) {
                trials++;
            }
            assertTrue(rel.endsWith(".mat"), "only MAT files: " + rel);
        }
        assertEquals(stimuli, summary.stimulusFiles());
        assertEquals(trials, summary.trialFiles());
        assertEquals(bytes, summary.bytes());
        assertTrue(bytes <= 15_000_000L, "SMALL stays under 15 MB, was " + bytes);
    }

    @Test
    void progressReportsEveryFileOnceUpToTheTotal() throws IOException {
        int fileCount = files(small).size();
        long previous = -1;
        for (long[] c : progressCalls) {
            assertEquals(fileCount, c[1]);
            assertTrue(c[0] > previous, "done increases");
            previous = c[0];
        }
        assertEquals(fileCount, previous);
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot(@TempDir Path tmp) throws IOException {
        Path again = tmp.resolve("again");
        DemoDataset.write(again, SEED, DemoScale.SMALL, DemoProgress.NONE);
        List<Path> a = files(small);
        List<Path> b = files(again);
        assertEquals(a.stream().map(small::relativize).collect(Collectors.toList()),
                b.stream().map(again::relativize).collect(Collectors.toList()));
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());
        }
        Path other = tmp.resolve("other");
        DemoDataset.write(other, SEED + 1, DemoScale.SMALL, DemoProgress.NONE);
        Path summaryA = small.resolve(WEHR + "/Summary.mat");
        Path summaryB = other.resolve(WEHR + "/Summary.mat");
        assertNotEquals(Arrays.toString(Files.readAllBytes(summaryA)), Arrays.toString(Files.readAllBytes(summaryB)),
                "another seed gives other sessions");
    }

    @Test
    void matHeaderTextIsFixedAndCarriesNoDate() throws IOException {
        for (Path p : files(small)) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(p), 128);
            String text = new String(head, 0, 116, StandardCharsets.US_ASCII);
            assertTrue(text.startsWith("MATLAB 5.0 MAT-file, synthetic CRCNS-AC1 demo data written by AC1 Explorer"),
                    text);
            assertFalse(text.contains("Created on"), p.toString());
            assertEquals('I', (char) head[126], "little-endian");
            assertEquals('M', (char) head[127], "little-endian");
        }
    }

    @Test
    void refusesANonEmptyOutputFolderAndChangesNothing(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("busy");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "keep me");
        assertThrows(IOException.class, () -> DemoDataset.write(out, SEED, DemoScale.SMALL, DemoProgress.NONE));
        assertEquals(List.of("notes.txt"), names(out));
        assertEquals("keep me", Files.readString(out.resolve("notes.txt")));

        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        assertThrows(IOException.class, () -> DemoDataset.write(file, SEED, DemoScale.SMALL, DemoProgress.NONE));
        assertEquals("x", Files.readString(file));
    }

    @Test
    void aStagingFolderLeftByAKilledRunIsRemovedWhenStaleAndNamedWhenRecent(@TempDir Path tmp) throws IOException {
        Path out = Files.createDirectories(tmp.resolve("demo"));
        Path staging = Files.createDirectories(out.resolve(DemoDataset.STAGING).resolve("crcns-ac1"));
        Files.writeString(staging.resolve("half.mat"), "partial");
        IOException recent = assertThrows(IOException.class, () -> DemoDataset.write(out, SEED, DemoScale.SMALL, DemoProgress.NONE));
        assertTrue(recent.getMessage().contains("delete " + out.resolve(DemoDataset.STAGING)), recent.getMessage());
        assertTrue(Files.exists(staging.resolve("half.mat")), "a recent staging folder may belong to a running demo");
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
        for (Path p : new Path[] {staging.resolve("half.mat"), staging, out.resolve(DemoDataset.STAGING)}) {
            Files.setLastModifiedTime(p, old);
        }
        DemoDataset.write(out, SEED, DemoScale.SMALL, DemoProgress.NONE);
        assertFalse(Files.exists(out.resolve(DemoDataset.STAGING)));
        assertTrue(Files.isDirectory(out.resolve("crcns-ac1")));
    }

    @Test
    void createsAnAbsentOutputFolderAndLeavesNoStagingFolder() {
        // small did not exist before writeSmall
        assertTrue(Files.isDirectory(small));
        assertFalse(Files.exists(small.resolve(DemoDataset.STAGING)), "staging folder removed");
    }

    @Test
    void interruptionStopsGenerationAndLeavesNoFileAtAFinalName(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("interrupted");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicLong seen = new AtomicLong();
        Thread[] generator = new Thread[1];
        generator[0] = new Thread(() -> {
            try {
                DemoDataset.write(out, SEED, DemoScale.SMALL, (d, t) -> {
                    seen.set(d);
                    if (d == 5) {
                        generator[0].interrupt();
                    }
                });
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        generator[0].start();
        generator[0].join(60_000);
        assertFalse(generator[0].isAlive());
        assertTrue(thrown.get() instanceof InterruptedIOException, "got " + thrown.get());
        assertTrue(seen.get() >= 5);
        assertEquals(List.of(), files(out), "no file left behind (neither final nor .part)");
    }

    @Test
    void wehrTrialHasTheReleaseStructures() throws IOException {
        Path cell = small.resolve(WEHR + "/Results/" + names(small.resolve(WEHR + "/Results")).get(0));
        boolean natural = false;
        for (String name : names(cell)) {
            Mat5File mat = read(cell.resolve(name));
            Struct response = mat.getStruct("response");
            Matrix trace = response.getMatrix("trace");
            assertEquals(MatlabType.Int16, trace.getType());
            assertEquals(1, trace.getNumCols(), "trace is a column");
            double scale = response.getMatrix("scale").getDouble(0);
            assertTrue(scale > 0.005 && scale < 0.02);
            assertEquals(4000.0, response.getMatrix("sf").getDouble(0));
            Struct trig = mat.getStruct("triggers");
            assertEquals(1, trig.getNumElements());
            String type = trig.getChar("type").getString();
            double time = trig.getMatrix("time").getDouble(0);
            Struct param = trig.getStruct("param");
            double duration = param.getMatrix("duration").getDouble(0);
            assertFalse(param.getChar("description").getString().isEmpty());
            assertTrue(time >= 1 && time - 1 + duration * 4 <= trace.getNumRows(), "trigger within the trace");
            if (type.trim().toLowerCase().matches("naturalsound|nauralsound|natural")) {
                natural = true;
                // the resting Vm of a whole-cell recording
                double sum = 0;
                for (int i = 0; i < 200; i++) {
                    sum += trace.getDouble(i) * scale;
                }
                double rest = sum / 200;
                assertTrue(rest > -80 && rest < -50, "rest " + rest);
            }
        }
        assertTrue(natural);
        Cell cells = read(small.resolve(WEHR + "/Summary.mat")).getStruct("summary").getCell("cells");
        assertEquals(4, cells.getNumElements());
    }

    @Test
    void stimulusFilesHoldWaveformAndSampleRate() throws IOException {
        Path frag = small.resolve(WEHR + "/Stimuli/fragments");
        Struct stim = read(frag.resolve(names(frag).get(0))).getStruct("stimulus");
        Matrix samples = stim.getMatrix("samples");
        assertEquals(1, samples.getNumRows(), "Wehr waveform is a row");
        assertEquals(44100.0, stim.getStruct("param").getMatrix("sf").getDouble(0));
        double seconds = samples.getNumCols() / 44100.0;
        assertTrue(seconds >= 1.5 && seconds <= 4.0, "duration " + seconds);
        assertEquals(seconds * 1000, stim.getStruct("param").getMatrix("duration").getDouble(0), 1e-6);
        double peak = 0;
        for (int i = 0; i < samples.getNumElements(); i++) {
            peak = Math.max(peak, Math.abs(samples.getDouble(i)));
        }
        assertTrue(peak > 0.3 && peak < 1, "peak " + peak);

        Set<String> fields = new HashSet<>();
        Path asari = small.resolve("crcns-ac1/asari/Stimuli");
        for (String cls : names(asari)) {
            for (String f : names(asari.resolve(cls))) {
                Struct s = read(asari.resolve(cls).resolve(f)).getStruct("stimulus");
                fields.addAll(s.getFieldNames());
                assertEquals(97656.0, s.getStruct("param").getMatrix("sf").getDouble(0));
            }
        }
        assertTrue(fields.containsAll(List.of("sample", "samples")), "both waveform field names occur: " + fields);
    }

    @Test
    void asariRecordingHasStructArraysForStimuliAndTriggers() throws IOException {
        Path cell = small.resolve(R1 + "/" + names(small.resolve(R1)).get(0));
        Mat5File mat = read(cell.resolve(names(cell).get(0)));
        Struct param = mat.getStruct("param");
        Struct stimulus = param.getStruct("stimulus");
        assertEquals(1, stimulus.getNumRows());
        assertTrue(stimulus.getNumCols() >= 5);
        for (int k = 0; k < stimulus.getNumElements(); k++) {
            String file = stimulus.getChar("file", k).getString();
            assertTrue(file.matches("class\\d+/\\d+\\.mat"), file);
            assertTrue(Files.isRegularFile(small.resolve("crcns-ac1/asari/Stimuli/" + file)), file);
        }
        Struct recording = param.getStruct("recording");
        assertTrue(recording.getChar("site").getString().contains("cortex"));
        assertEquals("whole cell", recording.getChar("type").getString());
        Struct response = mat.getStruct("response");
        assertEquals(10000.0, response.getMatrix("sf").getDouble(0));
        assertEquals(MatlabType.Int16, response.getMatrix("trace").getType());
        Struct triggers = mat.getStruct("triggers");
        assertEquals(1, triggers.getNumRows());
        assertTrue(triggers.getNumCols() >= 3, "several triggers per file");
        int naturals = 0;
        for (int i = 0; i < triggers.getNumElements(); i++) {
            String type = triggers.getChar("type", i).getString().trim().toLowerCase();
            if (type.equals("naturalsound") || type.equals("natural sound")) {
                naturals++;
                String d = triggers.getStruct("param", i).getChar("description").getString();
                assertTrue(d.matches("Sequence\\s+\\d+\\s*:\\s*(\\d+\\s+)*\\d+\\s*"), d);
            }
        }
        assertTrue(naturals >= 1);
    }

    /** Every trigger of the dataset: (type, description, time, #param.stimulus or -1 for Wehr). */
    private record TriggerInfo(String type, String description, double time, int stimulusCount) {
    }

    private static List<TriggerInfo> allTriggers(Set<String> sites, Set<String> recordingTypes) throws IOException {
        List<TriggerInfo> out = new ArrayList<>();
        for (Path p : files(small)) {
            String rel = small.relativize(p).toString().replace('\\', '/');
            if (rel.contains("/Stimuli/") || rel.endsWith("Summary.mat")) {
                continue;
            }
            Mat5File mat = read(p);
            int k = -1;
            if (rel.contains("asari-results")) {
                Struct param = mat.getStruct("param");
                k = param.getStruct("stimulus").getNumElements();
                sites.add(param.getStruct("recording").getChar("site").getString());
                recordingTypes.add(param.getStruct("recording").getChar("type").getString());
            }
            Struct t = mat.getStruct("triggers");
            for (int i = 0; i < t.getNumElements(); i++) {
                out.add(new TriggerInfo(t.getChar("type", i).getString(),
                        t.getStruct("param", i).getChar("description").getString(),
                        t.getMatrix("time", i).getDouble(0), k));
            }
        }
        return out;
    }

    @Test
    void smallDatasetContainsTheLoaderEdgeCases() throws IOException {
        Set<String> sites = new HashSet<>();
        Set<String> recTypes = new HashSet<>();
        List<TriggerInfo> triggers = allTriggers(sites, recTypes);
        Set<String> types = triggers.stream().map(TriggerInfo::type).collect(Collectors.toSet());
        assertTrue(types.containsAll(List.of("naturalsound", "nauralsound", "natural", "natural sound",
                "Natural Sound ", "tone", "silence")), types.toString());

        // a Wehr natural trial whose description matches no stimulus file
        Set<String> stimulusDescriptions = new HashSet<>();
        Path wehrStim = small.resolve(WEHR + "/Stimuli");
        for (String sub : names(wehrStim)) {
            for (String f : names(wehrStim.resolve(sub))) {
                stimulusDescriptions.add(read(wehrStim.resolve(sub).resolve(f)).getStruct("stimulus")
                        .getStruct("param").getChar("description").getString());
            }
        }
        assertTrue(triggers.stream().anyMatch(t -> t.stimulusCount() < 0 && t.type().equals("naturalsound")
                && !stimulusDescriptions.contains(t.description())));

        // a sequence naming a segment index beyond param.stimulus; a fractional trigger time
        Pattern seq = Pattern.compile("Sequence\\s+\\d+\\s*:\\s*((?:\\d+\\s+)*\\d+)");
        boolean missingIndex = false;
        boolean irregularSpacing = false;
        for (TriggerInfo t : triggers) {
            Matcher m = seq.matcher(t.description());
            if (t.stimulusCount() > 0 && m.find()) {
                irregularSpacing |= t.description().contains("  ") || t.description().endsWith(" ");
                for (String n : m.group(1).trim().split("\\s+")) {
                    missingIndex |= Integer.parseInt(n) > t.stimulusCount();
                }
            }
        }
        assertTrue(missingIndex);
        assertTrue(irregularSpacing);
        assertTrue(triggers.stream().anyMatch(t -> t.time() != Math.floor(t.time())));

        // A1 whole-cell and MGB cell-attached cells
        assertTrue(sites.stream().anyMatch(s -> s.contains("cortex")));
        assertTrue(sites.stream().anyMatch(s -> !s.contains("cortex")));
        assertEquals(Set.of("whole cell", "cell attached"), recTypes);

        // a Wehr stimulus stored as a column
        Matrix col = read(small.resolve(WEHR + "/Stimuli/category1/1.mat")).getStruct("stimulus")
                .getMatrix("samples");
        assertEquals(1, col.getNumCols());
    }

    @Test
    void stimuliAreSharedBetweenCellsButNotHeardByAll() throws IOException {
        // Wehr: description -> cells that heard it
        TreeMap<String, Set<String>> heardBy = new TreeMap<>();
        Path results = small.resolve(WEHR + "/Results");
        for (String cell : names(results)) {
            for (String f : names(results.resolve(cell))) {
                Struct t = read(results.resolve(cell).resolve(f)).getStruct("triggers");
                String type = t.getChar("type").getString().trim().toLowerCase();
                if (type.matches("naturalsound|nauralsound|natural")) {
                    heardBy.computeIfAbsent(t.getStruct("param").getChar("description").getString(),
                            k -> new HashSet<>()).add(cell);
                }
            }
        }
        assertTrue(heardBy.values().stream().anyMatch(s -> s.size() >= 2), "some stimulus is shared");
        assertTrue(heardBy.values().stream().anyMatch(s -> s.size() < 4), "some stimulus is not heard by all");
    }
}
