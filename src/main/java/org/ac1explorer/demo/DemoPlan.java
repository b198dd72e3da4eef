package org.ac1explorer.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.ac1explorer.demo.NaturalSoundSynth.Recipe;
import org.ac1explorer.demo.SyntheticNeuron.Artifact;

/**
 * Everything the demo dataset will contain, decided up front from the seed (cheap, single-threaded): stimuli,
 * cells, trials, trigger texts, artifacts and the edge cases. Writing it ({@link DemoDataset}) only renders what is
 * planned here, each file from its own seed, so the output does not depend on thread scheduling.
 */
final class DemoPlan {
    static final double WEHR_STIM_SF = 44100;
    static final double ASARI_STIM_SF = 97656;
    static final double WEHR_RESP_SF = 4000;
    static final double ASARI_RESP_SF = 10000;

    static final String WEHR_DIR = "crcns-ac1/wehr";
    static final String ASARI_STIM_DIR = "crcns-ac1/asari/Stimuli";
    static final String RESULTS_1 = "crcns-ac1-asari-results-1/asari-results-1";
    static final String RESULTS_2 = "crcns-ac1-asari-results-2/asari-results-2";
    /** The top-level folders (one per archive part). */
    static final List<String> TOP_FOLDERS = List.of("crcns-ac1", "crcns-ac1-asari-results-1", "crcns-ac1-asari-results-2");

    /** A sound a trigger refers to. */
    sealed interface Sound permits WehrStimulus, AsariSequence, Probe {
    }

    /** A Wehr stimulus file ({@code written == false}: named by a trigger but missing from the release). */
    record WehrStimulus(String folder, int index, Recipe recipe, String description, int samples, boolean written,
                        boolean column, boolean compressed, long seed) implements Sound {
        String path() {
            return WEHR_DIR + "/Stimuli/" + folder + "/" + index + ".mat";
        }

        double durationMs() {
            return samples / WEHR_STIM_SF * 1000;
        }
    }

    /** An Asari segment file {@code class<N>/<k>.mat}; {@code waveField} is "sample" or "samples". */
    record AsariSegment(int classN, int index, Recipe recipe, String description, int samples, String waveField,
                        boolean compressed, long seed) {
        String file() {
            return "class" + classN + "/" + index + ".mat";
        }

        String path() {
            return ASARI_STIM_DIR + "/" + file();
        }
    }

    /** A spliced Asari stimulus: segments in order (a segment may recur). */
    record AsariSequence(int classN, int id, List<AsariSegment> segments) implements Sound {
        int samples() {
            int n = 0;
            for (AsariSegment s : segments) {
                n += s.samples();
            }
            return n;
        }

        double durationMs() {
            return Math.round(samples() / ASARI_STIM_SF * 10000) / 10.0;
        }
    }

    /** A non-natural sound: tone, white noise or silence, synthesised at {@code sf}. */
    record Probe(String kind, double frequencyHz, double levelDb, double durationMs, double sf) implements Sound {
    }

    /** One trigger as written to {@code triggers}; {@code frequencyHz} is NaN unless a tone. */
    record Trigger(String type, String description, double durationMs, Sound sound, Artifact artifact,
                   boolean fractionalTime, double frequencyHz, double levelDb) {
    }

    record WehrTrial(String fileName, Trigger trigger, double preS, double postS, boolean compressed, long seed) {
    }

    record WehrCell(int index, String session, long seed, double scale, List<WehrTrial> trials) {
        String dir() {
            return WEHR_DIR + "/Results/" + session;
        }
    }

    record AsariFile(String fileName, List<AsariSegment> stimulusList, List<Trigger> triggers, boolean compressed,
                     long seed) {
    }

    record AsariCell(String root, String session, String animal, boolean mgb, String site, String recordingType,
                     double depthUm, int classN, long seed, double scale, List<AsariFile> files) {
        String dir() {
            return root + "/" + session;
        }
    }

    /** Size parameters of a scale. */
    private record Spec(int wehrCells, int[] fragments, int cat1, int cat2, int cat3, int wehrPerCellMin,
                        int wehrPerCellMax, double durMinS, double durMaxS, int repMin, int repMax, int[] classes,
                        int segsPerClass, int seqsPerClass, int seqPerCellMin, int seqPerCellMax, int a1R1, int mgbR1,
                        int a1R2, int mgbR2, int cellsPerAnimalMax, int naturalsPerFileMin, int naturalsPerFileMax,
                        double artifactRate, boolean skewedRepeats) {
    }

    private static final Spec SMALL = new Spec(4, new int[] {3, 7, 12}, 2, 1, 1, 3, 3, 1.5, 4.0, 3, 8,
            new int[] {1, 6}, 5, 2, 2, 2, 2, 1, 2, 2, 2, 3, 5, 0, false);
    private static final Spec FULL = new Spec(25, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 6, 6, 6, 3, 6, 5, 15,
            5, 20, new int[] {1, 2, 3, 4, 5, 6, 7, 8}, 6, 4, 1, 3, 55, 20, 55, 20, 4, 5, 9, 0.1, true);
    /** SMALL: class of each Asari cell in order (results-1 A1, A1, MGB; results-2 A1, A1, MGB, MGB). */
    private static final int[] SMALL_CLASSES = {1, 1, 6, 6, 1, 1, 6};

    private static final Recipe[] FRAGMENT_RECIPES = {Recipe.DRIPPING_TAP, Recipe.RAIN, Recipe.CRICKETS,
        Recipe.SONGBIRD, Recipe.RUSTLING, Recipe.FOOTSTEPS, Recipe.FROGS, Recipe.FIRE, Recipe.BEES, Recipe.OWL,
        Recipe.STREAM, Recipe.DOG};
    private static final Recipe[] CAT1_RECIPES = {Recipe.SONGBIRD, Recipe.CAT, Recipe.FROGS, Recipe.RAT_CALLS,
        Recipe.OWL, Recipe.DOG};
    private static final Recipe[] CAT2_RECIPES = {Recipe.RAIN, Recipe.STREAM, Recipe.WIND, Recipe.FIRE,
        Recipe.FOOTSTEPS, Recipe.RUSTLING};
    private static final Recipe[] CAT3_RECIPES = {Recipe.FOREST_DAWN, Recipe.NIGHT_MEADOW, Recipe.FARMYARD,
        Recipe.RIVERBANK};
    private static final String[] CLASS_NAMES = {"", "rodent vocalisations", "songbirds", "insects", "water",
        "foliage and wind", "footsteps and fire", "amphibians", "mammal calls"};
    private static final Recipe[][] CLASS_RECIPES = {
        {},
        {Recipe.RAT_CALLS},
        {Recipe.SONGBIRD},
        {Recipe.CRICKETS, Recipe.KATYDID, Recipe.BEES},
        {Recipe.RAIN, Recipe.STREAM, Recipe.DRIPPING_TAP},
        {Recipe.RUSTLING, Recipe.WIND},
        {Recipe.FOOTSTEPS, Recipe.FIRE},
        {Recipe.FROGS},
        {Recipe.CAT, Recipe.DOG, Recipe.OWL},
    };
    /** Best-frequency range (Hz) of cells recorded with each Asari class: where that class has its energy. */
    private static final double[][] CLASS_BF_HZ = {{}, {10000, 40000}, {1500, 12000}, {3000, 32000},
        {1000, 16000}, {500, 16000}, {500, 32000}, {300, 4000}, {500, 8000}};
    private static final String[] SEQUENCE_FORMATS = {"Sequence %d: %s", "Sequence %d:  %s", "Sequence %d:%s",
        "Sequence %d: %s "};
    private static final String[] SEQUENCE_SEPARATORS = {"  ", " ", "   ", " "};
    private static final DateTimeFormatter YMD = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    final DemoScale scale;
    final List<WehrStimulus> wehrStimuli = new ArrayList<>();
    final List<AsariSegment> segments = new ArrayList<>();
    final List<AsariSequence> sequences = new ArrayList<>();
    final List<WehrCell> wehrCells = new ArrayList<>();
    final List<AsariCell> asariCells = new ArrayList<>();

    private final long seed;
    private final SplittableRandom rng;
    private final Spec spec;

    private DemoPlan(long seed, DemoScale scale) {
        this.seed = seed;
        this.scale = scale;
        this.spec = scale == DemoScale.SMALL ? SMALL : FULL;
        this.rng = new SplittableRandom(derive(seed, "plan/" + scale));
    }

    static DemoPlan build(long seed, DemoScale scale) {
        DemoPlan p = new DemoPlan(seed, scale);
        p.planWehrStimuli();
        p.planWehrCells();
        p.planAsariStimuli();
        p.planAsariCells();
        return p;
    }

    /** A well-mixed seed for a named part of the dataset (SplitMix64 finaliser over FNV-1a of the name). */
    static long derive(long seed, String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        long z = seed ^ h;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    int stimulusFileCount() {
        int n = 0;
        for (WehrStimulus s : wehrStimuli) {
            n += s.written() ? 1 : 0;
        }
        return n + segments.size();
    }

    int trialFileCount() {
        int n = 0;
        for (WehrCell c : wehrCells) {
            n += c.trials().size();
        }
        for (AsariCell c : asariCells) {
            n += c.files().size();
        }
        return n;
    }

    /** All files: stimuli, trial files and {@code wehr/Summary.mat}. */
    int fileCount() {
        return stimulusFileCount() + trialFileCount() + 1;
    }

    private double uni(double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    private int between(int lo, int hi) {
        return lo + rng.nextInt(hi - lo + 1);
    }

    private int repeats() {
        if (spec.skewedRepeats) {
            double u = rng.nextDouble();
            return spec.repMin + (int) Math.floor((spec.repMax - spec.repMin + 1) * u * u);
        }
        return between(spec.repMin, spec.repMax);
    }

    // ------------------------------------------------------------------ Wehr

    private void planWehrStimuli() {
        List<Recipe> frag = new ArrayList<>(List.of(FRAGMENT_RECIPES));
        Collections.shuffle(frag, new java.util.Random(rng.nextLong()));
        for (int i = 0; i < spec.fragments.length; i++) {
            Recipe r = frag.get(i % frag.size());
            int idx = spec.fragments[i];
            addWehrStimulus("fragments", idx, r, "fragment " + idx + ": " + r.label, true, false);
        }
        addCategory("category1", spec.cat1, CAT1_RECIPES, "animal vocalisations");
        addCategory("category2", spec.cat2, CAT2_RECIPES, "environmental sounds");
        addCategory("category3", spec.cat3, CAT3_RECIPES, "mixed scenes");
        // named by trials of one cell but absent from the release: the loader must warn and skip those trials
        addWehrStimulus("fragments", 14, Recipe.WIND, "fragment 14: creaking door", false, false);
    }

    private void addCategory(String folder, int count, Recipe[] recipes, String theme) {
        int offset = rng.nextInt(recipes.length);
        for (int k = 1; k <= count; k++) {
            Recipe r = recipes[(offset + k) % recipes.length];
            // category1/1.mat stores its waveform as a column (as some release files do)
            boolean column = folder.equals("category1") && k == 1;
            addWehrStimulus(folder, k, r, "natural sound stream (" + theme + "), No." + k + ": " + r.label, true,
                    column);
        }
    }

    private void addWehrStimulus(String folder, int idx, Recipe r, String description, boolean written,
                                 boolean column) {
        int samples = (int) Math.round(uni(spec.durMinS, spec.durMaxS) * WEHR_STIM_SF);
        boolean compressed = rng.nextDouble() < 0.75;
        wehrStimuli.add(new WehrStimulus(folder, idx, r, description, samples, written, column, compressed,
                derive(seed, "wehr-stim/" + folder + "/" + idx)));
    }

    private void planWehrCells() {
        List<WehrStimulus> pool = new ArrayList<>();
        for (WehrStimulus s : wehrStimuli) {
            if (s.written()) {
                pool.add(s);
            }
        }
        WehrStimulus missing = wehrStimuli.get(wehrStimuli.size() - 1);
        Collections.shuffle(pool, new java.util.Random(rng.nextLong()));
        LocalDate date = LocalDate.of(2002, 1, 14).plusDays(rng.nextInt(30));
        int nCells = spec.wehrCells;
        for (int c = 0; c < nCells; c++) {
            date = date.plusDays(4 + rng.nextInt(25));
            String session = date.format(YMD) + "-mw-" + String.format(Locale.ROOT, "%03d", 1 + rng.nextInt(9));
            int count = between(spec.wehrPerCellMin, spec.wehrPerCellMax);
            int startAt = (int) Math.floor((double) c * pool.size() / nCells);
            List<WehrStimulus> heard = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                heard.add(pool.get((startAt + k) % pool.size()));
            }
            if (c == 3) {
                // cell 3 hears the column-stored stimulus whatever the shuffle did
                WehrStimulus col = wehrStimuli.stream().filter(WehrStimulus::column).findFirst().orElseThrow();
                if (!heard.contains(col)) {
                    heard.set(heard.size() - 1, col);
                }
            }
            Artifact forced = c == 0 ? Artifact.RANGE : c == 1 ? Artifact.XCORR : c == 2 ? Artifact.STEP : null;
            List<Trigger> natural = new ArrayList<>();
            List<List<Trigger>> byStimulus = new ArrayList<>();
            for (int k = 0; k < heard.size(); k++) {
                WehrStimulus s = heard.get(k);
                int reps = repeats();
                Artifact art = Artifact.NONE;
                if (forced != null && k == (c == 1 ? 1 : 0)) {
                    art = forced;
                } else if (forced == null && rng.nextDouble() < spec.artifactRate) {
                    art = Artifact.values()[1 + rng.nextInt(3)];
                }
                if (art != Artifact.NONE) {
                    reps = Math.max(reps, 5);
                }
                int artRepeat = art == Artifact.NONE ? -1 : 1 + rng.nextInt(reps - 1);
                List<Trigger> group = new ArrayList<>();
                for (int r = 0; r < reps; r++) {
                    group.add(new Trigger(null, s.description(), s.durationMs(), s,
                            r == artRepeat ? art : Artifact.NONE, false, Double.NaN, Double.NaN));
                }
                byStimulus.add(group);
            }
            // interleave: round r presents every stimulus that still has a repeat left, in shuffled order
            int maxReps = byStimulus.stream().mapToInt(List::size).max().orElse(0);
            List<Trigger> order = new ArrayList<>();
            for (int r = 0; r < maxReps; r++) {
                List<Trigger> round = new ArrayList<>();
                for (List<Trigger> g : byStimulus) {
                    if (r < g.size()) {
                        round.add(g.get(r));
                    }
                }
                Collections.shuffle(round, new java.util.Random(rng.nextLong()));
                order.addAll(round);
            }
            natural.addAll(order);
            // type texts of the natural triggers
            int occurrence = 0;
            List<Trigger> typed = new ArrayList<>();
            for (Trigger t : natural) {
                String type;
                if (c == 0) {
                    type = occurrence % 2 == 0 ? "naturalsound" : "nauralsound";
                } else if (c == 1) {
                    type = "natural";
                } else if (c == 2) {
                    type = occurrence % 2 == 0 ? "naturalsound" : "NaturalSound";
                } else {
                    double u = rng.nextDouble();
                    type = u < 0.7 ? "naturalsound" : u < 0.85 ? "nauralsound" : "natural";
                }
                occurrence++;
                typed.add(new Trigger(type, t.description(), t.durationMs(), t.sound(), t.artifact(), false,
                        Double.NaN, Double.NaN));
            }
            // non-natural trials (skipped by the loader) and, for cell 1, trials naming a missing stimulus
            int tones = scale == DemoScale.SMALL ? 2 : between(3, 6);
            for (int k = 0; k < tones; k++) {
                insertRandom(typed, wehrTone());
            }
            insertRandom(typed, new Trigger("silence", "silence", 1000, new Probe("silence", 0, 0, 1000,
                    WEHR_STIM_SF), Artifact.NONE, false, Double.NaN, Double.NaN));
            if (c == 2 || rng.nextDouble() < 0.5) {
                insertRandom(typed, new Trigger("whitenoise", "white noise 70 dB", 200, new Probe("noise", 0, 70,
                        200, WEHR_STIM_SF), Artifact.NONE, false, Double.NaN, 70));
            }
            if (c == 1) {
                for (int k = 0; k < 2; k++) {
                    insertRandom(typed, new Trigger("naturalsound", missing.description(), missing.durationMs(),
                            missing, Artifact.NONE, false, Double.NaN, Double.NaN));
                }
            }
            List<WehrTrial> trials = new ArrayList<>();
            for (int k = 0; k < typed.size(); k++) {
                String name = session + "-" + String.format(Locale.ROOT, "%03d", k + 1) + ".mat";
                trials.add(new WehrTrial(name, typed.get(k), uni(0.25, 0.45), uni(0.3, 0.6),
                        rng.nextDouble() < 0.5, derive(seed, "wehr-trial/" + session + "/" + name)));
            }
            wehrCells.add(new WehrCell(c, session, derive(seed, "wehr-cell/" + session), uni(0.0095, 0.0125),
                    trials));
        }
    }

    private Trigger wehrTone() {
        double[] freqs = {1000, 2000, 4000, 8000, 16000};
        double f = freqs[rng.nextInt(freqs.length)];
        double level = 50 + 10 * rng.nextInt(3);
        String d = String.format(Locale.ROOT, "tone %.0f Hz, %.0f dB", f, level);
        return new Trigger("tone", d, 100, new Probe("tone", f, level, 100, WEHR_STIM_SF), Artifact.NONE, false, f,
                level);
    }

    private void insertRandom(List<Trigger> list, Trigger t) {
        list.add(rng.nextInt(list.size() + 1), t);
    }

    // ------------------------------------------------------------------ Asari

    private void planAsariStimuli() {
        for (int ci = 0; ci < spec.classes.length; ci++) {
            int cls = spec.classes[ci];
            Recipe[] recipes = CLASS_RECIPES[cls];
            List<AsariSegment> classSegs = new ArrayList<>();
            for (int k = 1; k <= spec.segsPerClass; k++) {
                Recipe r = recipes[(k - 1 + rng.nextInt(recipes.length)) % recipes.length];
                int samples = (int) Math.round(uni(spec.durMinS / 5, spec.durMaxS / 5) * ASARI_STIM_SF);
                // the release names the waveform 'sample' in most files and 'samples' in some
                boolean plural = (ci == 0 && k == 2) || (ci == 1 && k == 4)
                        || (ci > 1 && rng.nextDouble() < 0.15);
                AsariSegment s = new AsariSegment(cls, k, r, "class" + cls + " segment " + k + " ("
                        + CLASS_NAMES[cls] + "): " + r.label, samples, plural ? "samples" : "sample",
                        rng.nextDouble() < 0.7, derive(seed, "asari-seg/" + cls + "/" + k));
                classSegs.add(s);
                segments.add(s);
            }
            List<List<Integer>> seen = new ArrayList<>();
            for (int q = 1; q <= spec.seqsPerClass; q++) {
                List<Integer> idx;
                do {
                    idx = new ArrayList<>();
                    for (int j = 0; j < 5; j++) {
                        int v;
                        do {
                            v = 1 + rng.nextInt(spec.segsPerClass);
                        } while (!idx.isEmpty() && idx.get(idx.size() - 1) == v);
                        idx.add(v);
                    }
                } while (seen.contains(idx));
                seen.add(idx);
                List<AsariSegment> segs = new ArrayList<>();
                for (int v : idx) {
                    segs.add(classSegs.get(v - 1));
                }
                sequences.add(new AsariSequence(cls, q, List.copyOf(segs)));
            }
        }
    }

    private List<AsariSegment> classSegments(int cls) {
        List<AsariSegment> out = new ArrayList<>();
        for (AsariSegment s : segments) {
            if (s.classN() == cls) {
                out.add(s);
            }
        }
        return out;
    }

    private List<AsariSequence> classSequences(int cls) {
        List<AsariSequence> out = new ArrayList<>();
        for (AsariSequence s : sequences) {
            if (s.classN() == cls) {
                out.add(s);
            }
        }
        return out;
    }

    private void planAsariCells() {
        int cellNo = 0;
        int animal = 1;
        String[] roots = {RESULTS_1, RESULTS_2};
        int[][] counts = {{spec.a1R1, spec.mgbR1}, {spec.a1R2, spec.mgbR2}};
        LocalDate[] starts = {LocalDate.of(2005, 3, 1), LocalDate.of(2006, 2, 1)};
        for (int part = 0; part < 2; part++) {
            int a1Left = counts[part][0];
            int mgbLeft = counts[part][1];
            LocalDate date = starts[part];
            int a1InPart = 0;
            while (a1Left + mgbLeft > 0) {
                boolean mgb;
                if (scale == DemoScale.SMALL) {
                    mgb = a1Left == 0;
                } else {
                    mgb = rng.nextInt(a1Left + mgbLeft) >= a1Left;
                }
                int left = mgb ? mgbLeft : a1Left;
                int n = Math.min(left, scale == DemoScale.SMALL ? spec.cellsPerAnimalMax
                        : between(1, spec.cellsPerAnimalMax));
                date = date.plusDays(3 + rng.nextInt(20));
                String animalId = "ha" + animal++;
                int penetration = 1 + rng.nextInt(3);
                for (int k = 0; k < n; k++) {
                    String session = date.format(YMD) + "-" + animalId + "-"
                            + String.format(Locale.ROOT, "%03d", penetration);
                    penetration += 1 + rng.nextInt(3);
                    int edge = 0;
                    if (!mgb) {
                        edge = part == 0 ? (a1InPart == 0 ? 1 : a1InPart == 1 ? 2 : 0) : (a1InPart == 0 ? 3 : 0);
                        a1InPart++;
                    }
                    asariCells.add(planAsariCell(roots[part], session, animalId, mgb, cellNo, edge));
                    cellNo++;
                }
                if (mgb) {
                    mgbLeft -= n;
                } else {
                    a1Left -= n;
                }
            }
        }
    }

    /**
     * One Asari cell. Edge sets (A1 cells): 1 = first A1 cell of results-1 ('naturalsound' and 'natural sound'
     * alternating, a trigger naming a segment index missing from param.stimulus, a step artifact); 2 = second
     * results-1 A1 cell ('Natural Sound ' once, a permuted param.stimulus, a fractional trigger time, a range
     * artifact); 3 = first A1 cell of results-2 (one sequence only, an xcorr artifact).
     */
    private AsariCell planAsariCell(String root, String session, String animalId, boolean mgb, int cellNo, int edge) {
        int cls = scale == DemoScale.SMALL ? SMALL_CLASSES[cellNo % SMALL_CLASSES.length]
                : spec.classes[rng.nextInt(spec.classes.length)];
        List<AsariSegment> list = classSegments(cls);
        List<AsariSequence> pool = classSequences(cls);
        List<AsariSequence> mine = new ArrayList<>(pool);
        Collections.shuffle(mine, new java.util.Random(rng.nextLong()));
        int nSeq = edge == 3 ? 1 : Math.min(mine.size(), between(spec.seqPerCellMin, spec.seqPerCellMax));
        mine = new ArrayList<>(mine.subList(0, nSeq));
        int style = rng.nextInt(SEQUENCE_FORMATS.length);
        Artifact forced = edge == 1 ? Artifact.STEP : edge == 2 ? Artifact.RANGE : edge == 3 ? Artifact.XCORR : null;
        // presentations, interleaved in rounds
        List<List<Trigger>> groups = new ArrayList<>();
        for (int q = 0; q < mine.size(); q++) {
            AsariSequence s = mine.get(q);
            int reps = repeats();
            Artifact art = Artifact.NONE;
            if (forced != null && q == 0) {
                art = forced;
            } else if (forced == null && !mgb && rng.nextDouble() < spec.artifactRate) {
                art = Artifact.values()[1 + rng.nextInt(3)];
            }
            if (art != Artifact.NONE) {
                reps = Math.max(reps, 5);
            }
            int artRepeat = art == Artifact.NONE ? -1 : 1 + rng.nextInt(reps - 1);
            List<Trigger> g = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                // sequence number q+1 within this cell; description filled in per file
                g.add(new Trigger(null, Integer.toString(q + 1), s.durationMs(), s,
                        r == artRepeat ? art : Artifact.NONE, false, Double.NaN, Double.NaN));
            }
            groups.add(g);
        }
        int maxReps = groups.stream().mapToInt(List::size).max().orElse(0);
        List<Trigger> order = new ArrayList<>();
        for (int r = 0; r < maxReps; r++) {
            List<Trigger> round = new ArrayList<>();
            for (List<Trigger> g : groups) {
                if (r < g.size()) {
                    round.add(g.get(r));
                }
            }
            Collections.shuffle(round, new java.util.Random(rng.nextLong()));
            order.addAll(round);
        }
        // chunk into recording files
        List<List<Trigger>> chunks = new ArrayList<>();
        for (int i = 0; i < order.size(); ) {
            int k = Math.min(order.size() - i, between(spec.naturalsPerFileMin, spec.naturalsPerFileMax));
            chunks.add(new ArrayList<>(order.subList(i, i + k)));
            i += k;
        }
        List<AsariFile> files = new ArrayList<>();
        int naturalCount = 0;
        boolean capitalised = false;
        for (int f = 0; f < chunks.size(); f++) {
            List<AsariSegment> stimList = list;
            if ((edge == 2 && f == chunks.size() - 1) || (edge == 0 && rng.nextDouble() < 0.1)) {
                stimList = new ArrayList<>(list);
                Collections.reverse(stimList);
                if (edge == 0) {
                    Collections.shuffle(stimList, new java.util.Random(rng.nextLong()));
                }
                stimList = List.copyOf(stimList);
            }
            List<Trigger> triggers = new ArrayList<>();
            for (Trigger t : chunks.get(f)) {
                AsariSequence s = (AsariSequence) t.sound();
                String type;
                if (edge == 1) {
                    type = naturalCount % 2 == 0 ? "naturalsound" : "natural sound";
                } else if (edge == 2 && !capitalised && naturalCount == 2) {
                    type = "Natural Sound ";
                    capitalised = true;
                } else {
                    type = rng.nextDouble() < 0.8 ? "naturalsound" : "natural sound";
                }
                boolean fractional = edge == 2 && naturalCount == 0;
                naturalCount++;
                String description = sequenceText(style, Integer.parseInt(t.description()), positions(s, stimList));
                triggers.add(new Trigger(type, description, t.durationMs(), s, t.artifact(), fractional, Double.NaN,
                        Double.NaN));
            }
            int tones = f == 0 ? 2 : rng.nextInt(2);
            for (int k = 0; k < tones; k++) {
                Trigger tone = asariTone();
                if (f == 0) {
                    triggers.add(k, tone);
                } else {
                    insertRandom(triggers, tone);
                }
            }
            if (scale == DemoScale.FULL && rng.nextDouble() < 0.1) {
                insertRandom(triggers, new Trigger("noise", "broadband noise 60 dB", 500,
                        new Probe("noise", 0, 60, 500, ASARI_STIM_SF), Artifact.NONE, false, Double.NaN, 60));
            }
            if (edge == 1 && f == Math.min(1, chunks.size() - 1)) {
                // refers to segment 7 of a 5- or 6-entry param.stimulus: skipped with a warning
                AsariSequence s = mine.get(0);
                List<Integer> pos = new ArrayList<>(positions(s, stimList));
                pos.set(1, list.size() + 2);
                insertRandom(triggers, new Trigger("naturalsound", sequenceText(0, mine.size() + 1, pos),
                        s.durationMs(), s, Artifact.NONE, false, Double.NaN, Double.NaN));
            }
            String name = session + "-" + String.format(Locale.ROOT, "%03d", f + 1) + ".mat";
            files.add(new AsariFile(name, stimList, List.copyOf(triggers), rng.nextDouble() < 0.65,
                    derive(seed, "asari-file/" + session + "/" + name)));
        }
        String site;
        String type;
        double depth;
        if (mgb) {
            site = rng.nextDouble() < 0.8 ? "medial geniculate body" : "MGB (ventral division)";
            type = "cell attached";
            depth = uni(4500, 6000);
        } else {
            site = rng.nextDouble() < 0.8 ? "auditory cortex" : "primary auditory cortex";
            type = "whole cell";
            depth = uni(400, 1200);
        }
        double scaleMv = mgb ? uni(0.0018, 0.0032) : uni(0.0095, 0.0125);
        return new AsariCell(root, session, animalId, mgb, site, type, Math.round(depth * 10) / 10.0, cls,
                derive(seed, "asari-cell/" + session), scaleMv, files);
    }

    /** {low, high} best frequency (Hz) for a cell recorded with Asari class {@code classN}. */
    static double[] bestFrequencyRange(int classN) {
        return CLASS_BF_HZ[classN].clone();
    }

    private static List<Integer> positions(AsariSequence s, List<AsariSegment> stimList) {
        List<Integer> pos = new ArrayList<>();
        for (AsariSegment seg : s.segments()) {
            pos.add(stimList.indexOf(seg) + 1);
        }
        return pos;
    }

    private static String sequenceText(int style, int number, List<Integer> positions) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < positions.size(); i++) {
            if (i > 0) {
                sb.append(SEQUENCE_SEPARATORS[style]);
            }
            sb.append(positions.get(i));
        }
        return String.format(Locale.ROOT, SEQUENCE_FORMATS[style], number, sb);
    }

    private Trigger asariTone() {
        double[] freqs = {2000, 4000, 8000, 16000, 32000};
        double f = freqs[rng.nextInt(freqs.length)];
        double level = 60 + 10 * rng.nextInt(2);
        String d = String.format(Locale.ROOT, "tone %.0f kHz %.0f dB", f / 1000, level);
        return new Trigger("tone", d, 100, new Probe("tone", f, level, 100, ASARI_STIM_SF), Artifact.NONE, false, f,
                level);
    }
}
