package org.ac1explorer.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.ac1explorer.dsp.Ramps;
import org.ac1explorer.dsp.RepeatPass;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Matrix;

/**
 * An opened CRCNS-AC1 dataset: the index of cells (Wehr sessions sorted, then asari-results-1,
 * then asari-results-2) with their stimuli and repeats, and on-demand reading of repeat traces
 * (mV) and stimulus waveforms. Holds no traces; waveforms are kept in a bounded cache. Nothing is
 * ever written into the data folder. Thread-safe.
 */
public final class Ac1Archive implements Closeable {
    /** Waveform samples kept in memory across calls (about 64 MB of doubles: the explorer's last few stimuli). */
    private static final long WAVEFORM_CACHE_SAMPLES = 8_000_000L;
    private static final double SEGMENT_RAMP_MS = 5.0;

    private final ArchiveParts parts;
    private final List<CellRecord> cells;
    private final Map<String, WehrReader.StimulusFile> wehrStimuli;
    private final ProblemLog problems;
    private final WaveformCache waveforms;
    private final Map<String, WaveformShape> shapes;

    private Ac1Archive(ArchiveParts parts, List<CellRecord> cells, Map<String, WehrReader.StimulusFile> wehrStimuli,
                       ProblemLog problems, WaveformCache waveforms, Map<String, WaveformShape> shapes) {
        this.parts = parts;
        this.cells = List.copyOf(cells);
        this.wehrStimuli = wehrStimuli;
        this.problems = problems;
        this.waveforms = waveforms;
        this.shapes = shapes;
    }

    /**
     * Opens {@code dataDir} and builds the index of cells, reading the trial files' triggers in
     * parallel (traces are not decoded). Throws IOException only when the folder is unusable; bad
     * files are skipped and listed in {@link #problems()}.
     */
    public static Ac1Archive open(Path dataDir, ProgressMonitor monitor) throws IOException {
        ProblemLog problems = new ProblemLog();
        ArchiveParts parts = ArchiveParts.locate(dataDir, problems);
        try {
            return build(parts, problems, monitor);
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
    }

    private record SessionJob(ArchiveTree tree, String part, String session, int wehrIdx) {
    }

    private static Ac1Archive build(ArchiveParts parts, ProblemLog problems, ProgressMonitor monitor) {
        WaveformCache cache = new WaveformCache(WAVEFORM_CACHE_SAMPLES);
        Map<String, WaveformShape> shapes = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, WehrReader.StimulusFile> wehrIndex = new LinkedHashMap<>();
        List<SessionJob> jobs = new ArrayList<>();
        ArchiveTree main = parts.main();
        if (main != null && main.isDirectory("wehr")) {
            monitor.progress(0, 1, "Reading Wehr stimulus index");
            // shapes only: a cohort pass needs no samples until the spectrograms, one stimulus at a time
            wehrIndex = WehrReader.stimulusIndex(main, problems,
                    (f, sound) -> shapes.putIfAbsent(wehrShapeKey(f.description()), new WaveformShape(sound.length(), sound.sampleRateHz())),
                    monitor);
            if (!main.isDirectory(WehrReader.RESULTS)) {
                problems.error(main.describe(WehrReader.RESULTS), "Wehr results folder not found: no Wehr cells");
            }
            List<String> sessions = WehrReader.sessions(main);
            for (int i = 0; i < sessions.size(); i++) {
                jobs.add(new SessionJob(main, "wehr", sessions.get(i), i));
            }
        }
        if (main != null && !main.isDirectory(AsariReader.STIMULI)) {
            problems.error(main.describe(AsariReader.STIMULI), "Asari stimulus folder not found: Asari stimuli cannot be built");
        }
        for (int k = 1; k <= 2; k++) {
            ArchiveTree t = k == 1 ? parts.asariResults1() : parts.asariResults2();
            if (t != null) {
                for (String s : AsariReader.sessions(t)) {
                    jobs.add(new SessionJob(t, "asari-results-" + k, s, -1));
                }
            }
        }
        Map<String, WehrReader.StimulusFile> index = wehrIndex;
        AtomicLong done = new AtomicLong();
        int total = jobs.size();
        monitor.progress(0, total, "Reading cells");
        @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array has no other spelling
        Optional<CellRecord>[] found = new Optional[total];
        ProblemLog[] local = new ProblemLog[total];
        IntStream.range(0, total).parallel().forEach(i -> {
            monitor.checkCancelled();
            SessionJob j = jobs.get(i);
            local[i] = new ProblemLog();
            found[i] = j.part().equals("wehr")
                    ? WehrReader.readCell(j.tree(), j.session(), j.wehrIdx(), index, local[i])
                    : AsariReader.readCell(j.tree(), j.part(), j.session(), local[i]);
            long d = done.incrementAndGet();
            monitor.progress(d, total, "Reading cells: " + j.session());
        });
        List<CellRecord> cells = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            problems.addAll(local[i].snapshot());
            found[i].ifPresent(cells::add);
        }
        return new Ac1Archive(parts, cells, index, problems, cache, shapes);
    }

    public Path dataDir() {
        return parts.dataDir();
    }

    public ArchiveParts parts() {
        return parts;
    }

    /** All cells of the index, in the reference order. */
    public List<CellRecord> cells() {
        return cells;
    }

    /** Problems met so far (index building and any later reads), in the order met. */
    public List<Problem> problems() {
        return problems.snapshot();
    }

    public ProblemLog problemLog() {
        return problems;
    }

    private ArchiveTree treeOf(CellRecord cell) {
        return switch (cell.part()) {
            case "wehr" -> parts.main();
            case "asari-results-1" -> parts.asariResults1();
            case "asari-results-2" -> parts.asariResults2();
            default -> throw new IllegalArgumentException("unknown part " + cell.part());
        };
    }

    /**
     * The repeats of every stimulus of a cell, cut from the traces in mV, reading each trial file
     * once. A stimulus whose files all fail is absent (each failure is a problem).
     */
    public Map<StimulusKey, RawRepeats> readRepeats(CellRecord cell) {
        return readRepeats(cell, cell.stimuli());
    }

    /** The repeats of one stimulus of a cell; empty when none of its trial files can be read. */
    public Optional<RawRepeats> readRepeats(CellRecord cell, CellStimulus stimulus) {
        return Optional.ofNullable(readRepeats(cell, List.of(stimulus)).get(stimulus.key()));
    }

    /**
     * A trial's trace as stored (the file's numeric class, often int16: a quarter of the doubles'
     * size while the cell's later stimuli still need it), read as mV sample by sample.
     */
    private record Trace(Mat5File file, Matrix counts, double scale, int length, double sf) {
        /** Gives the file's buffers back for the next files read: nothing may read {@link #counts} afterwards. */
        void release() {
            MatLoader.release(file);
        }

        /** Sample i in mV: the stored count times the scale, as the reference computes it. */
        double mv(int i) {
            return counts.getDouble(i) * scale;
        }

        /** Samples {@code [from, from + dst.length)} in mV written into {@code dst}. */
        void copyMv(int from, double[] dst) {
            for (int i = 0; i < dst.length; i++) {
                dst[i] = mv(from + i);
            }
        }
    }

    /**
     * The repeats of one cell x stimulus as ranges of their trial traces, not yet cut: {@link #fill}
     * writes one repeat (mV) into an array, so a pass that handles one repeat at a time needs no
     * array per repeat. The recordings are held until this is let go.
     */
    public static final class RepeatCuts implements RepeatPass.Source {
        private final double sampleRateHz;
        private final Trace[] traces;
        private final int[] from;
        private final int[] lengths;

        private RepeatCuts(double sampleRateHz, List<Trace> traces, List<long[]> ranges) {
            this.sampleRateHz = sampleRateHz;
            this.traces = traces.toArray(Trace[]::new);
            this.from = ranges.stream().mapToInt(x -> (int) x[0]).toArray();
            this.lengths = ranges.stream().mapToInt(x -> (int) (x[1] - x[0])).toArray();
        }

        /** The sample rate of the first repeat's recording (Hz), which the reference assumes for all. */
        public double sampleRateHz() {
            return sampleRateHz;
        }

        /** Each repeat's length in samples (a copy). */
        public int[] lengths() {
            return lengths.clone();
        }

        @Override
        public void fill(int index, double[] dst) {
            if (dst.length != lengths[index]) {
                throw new IllegalArgumentException("repeat " + index + " has " + lengths[index] + " samples, not " + dst.length);
            }
            traces[index].copyMv(from[index], dst);
        }

        /** Every repeat cut into an array of its own, as {@link RawRepeats}. */
        RawRepeats cut() {
            List<double[]> out = new ArrayList<>(lengths.length);
            for (int i = 0; i < lengths.length; i++) {
                double[] x = new double[lengths[i]];
                fill(i, x);
                out.add(x);
            }
            return new RawRepeats(sampleRateHz, out);
        }
    }

    private Map<StimulusKey, RawRepeats> readRepeats(CellRecord cell, List<CellStimulus> stimuli) {
        Map<StimulusKey, RawRepeats> out = new LinkedHashMap<>();
        try (CellRepeats reading = new CellRepeats(cell, stimuli)) {
            for (CellStimulus st : stimuli) {
                reading.next(st).ifPresent(r -> out.put(st.key(), r));
            }
        }
        return out;
    }

    /**
     * Reads a cell's stimuli one after another, in the cell's order, each trial file once: a file's
     * trace is let go as soon as the last stimulus that cuts repeats from it has been read, so a
     * caller that processes stimulus by stimulus holds only what the current one needs.
     */
    public CellRepeats repeatsInOrder(CellRecord cell) {
        return new CellRepeats(cell, cell.stimuli());
    }

    /**
     * The repeats of one cell, stimulus by stimulus ({@link #repeatsInOrder}): each {@link #next} cuts
     * fresh arrays the caller owns; a {@link RepeatCuts} may be filled from until the next call or
     * {@link #close}, which give the recordings no later stimulus needs back to the buffer pool. Not thread-safe.
     */
    public final class CellRepeats implements AutoCloseable {
        private final ArchiveTree tree;
        private final Map<String, Optional<Trace>> traces = new java.util.HashMap<>();
        /** Recordings no later stimulus cuts from, still read by the last cuts handed out. */
        private final List<Trace> letGo = new ArrayList<>();
        private final Map<String, Integer> lastUse = new java.util.HashMap<>();
        private final Map<CellStimulus, Integer> order = new java.util.IdentityHashMap<>();

        private CellRepeats(CellRecord cell, List<CellStimulus> stimuli) {
            this.tree = treeOf(cell);
            for (int i = 0; i < stimuli.size(); i++) {
                order.put(stimuli.get(i), i);
                for (RepeatRef ref : stimuli.get(i).repeats()) {
                    lastUse.put(ref.file(), i);
                }
            }
        }

        /**
         * The repeats of {@code st} (one of the stimuli this reading was opened for, asked in order);
         * empty when none of its trial files can be read.
         */
        public Optional<RawRepeats> next(CellStimulus st) {
            return nextCuts(st).map(RepeatCuts::cut);
        }

        /** {@link #next}, the repeats left in their recordings until {@linkplain RepeatCuts#fill filled} into arrays. */
        public Optional<RepeatCuts> nextCuts(CellStimulus st) {
            Integer at = order.get(st);
            if (at == null) {
                throw new IllegalArgumentException("stimulus " + st.key() + " is not one of this reading's");
            }
            releaseLetGo();
            List<Trace> from = new ArrayList<>();
            List<long[]> ranges = new ArrayList<>();
            for (RepeatRef ref : st.repeats()) {
                Optional<Trace> t = traces.computeIfAbsent(ref.file(), f -> readTrace(tree, f));
                if (t.isEmpty()) {
                    continue;
                }
                from.add(t.get());
                ranges.add(repeatRange(t.get().length(), t.get().sf(), ref.triggerTime(), ref.durationMs()));
            }
            // a file no later stimulus cuts from is let go (a failed one was reported once and is not asked again)
            for (RepeatRef ref : st.repeats()) {
                if (lastUse.get(ref.file()) <= at) {
                    Optional<Trace> t = traces.remove(ref.file());
                    if (t != null) {
                        t.ifPresent(letGo::add);
                    }
                }
            }
            return from.isEmpty() ? Optional.empty() : Optional.of(new RepeatCuts(from.get(0).sf(), from, ranges));
        }

        private void releaseLetGo() {
            letGo.forEach(Trace::release);
            letGo.clear();
        }

        /** Gives every recording still held back to the buffer pool; the cuts handed out must not be filled from afterwards. */
        @Override
        public void close() {
            releaseLetGo();
            traces.values().forEach(t -> t.ifPresent(Trace::release));
            traces.clear();
        }
    }

    private Optional<Trace> readTrace(ArchiveTree tree, String path) {
        try {
            Mat5File mat = MatLoader.load(tree, path, Set.of("response"));
            MatStruct resp = MatStruct.of(WehrReader.first(mat, "response"))
                    .orElseThrow(() -> new MatReadException("no 'response' struct"));
            Matrix counts = resp.get("trace").map(MatValues::unwrap).filter(Matrix.class::isInstance).map(Matrix.class::cast)
                    .orElseThrow(() -> new MatReadException("response.trace is missing or not numeric"));
            if (!MatValues.isVector(counts)) {
                // never in the release: read it in numpy's ravel order, as the reference does
                counts = MatValues.columnOf(MatValues.doubles(counts).orElseThrow());
            }
            OptionalDouble scale = resp.number("scale");
            OptionalDouble sf = resp.number("sf");
            if (scale.isEmpty()) {
                throw new MatReadException("response.scale is missing or not numeric");
            }
            if (sf.isEmpty() || !(sf.getAsDouble() > 0) || Double.isInfinite(sf.getAsDouble())) {
                throw new MatReadException("response.sf is missing or not a positive number");
            }
            return Optional.of(new Trace(mat, counts, scale.getAsDouble(), counts.getNumElements(), sf.getAsDouble()));
        } catch (MatReadException e) {
            problems.error(tree.describe(path), e.getMessage() + "; its repeats are skipped");
            return Optional.empty();
        }
    }

    /**
     * The repeat slice {@code [time-1, time-1+round(duration*sf/1000))} clipped to the trace; the
     * trigger time is truncated toward zero first, as Python's int() does.
     */
    static double[] cutRepeat(double[] trace, double sf, double triggerTime, double durationMs) {
        long[] range = repeatRange(trace.length, sf, triggerTime, durationMs);
        return java.util.Arrays.copyOfRange(trace, (int) range[0], (int) range[1]);
    }

    /** The bounds {@code [lo, hi)} of {@link #cutRepeat} in a trace of {@code length} samples (lo == hi when empty). */
    private static long[] repeatRange(int length, double sf, double triggerTime, double durationMs) {
        long onset = (long) triggerTime - 1;
        double n = Math.rint(durationMs * sf / 1000.0);
        long lo = Math.max(0, onset);
        long hi = (long) Math.min(length, lo + n);
        if (hi <= lo || lo >= length) {
            return new long[] {0, 0};
        }
        return new long[] {lo, hi};
    }

    /**
     * The stimulus waveform: the Wehr file, or the Asari segments each given a 5 ms sin² ramp and
     * concatenated. Throws when a file is missing or unreadable, or segments mix sample rates.
     */
    public Waveform waveform(StimulusInfo info) throws MatReadException {
        return waveform(info, true);
    }

    /**
     * {@link #waveform}, not kept for later (one already kept is returned): for a pass that needs
     * each stimulus once, so its samples do not displace those the explorer is showing.
     */
    public Waveform waveformOnce(StimulusInfo info) throws MatReadException {
        return waveform(info, false);
    }

    private Waveform waveform(StimulusInfo info, boolean keep) throws MatReadException {
        if (info.isWehr()) {
            WehrReader.StimulusFile f = wehrFile(info);
            return waveforms.get(wehrKey(f), () -> converted(wehrSound(f)), parts.main().describe(f.path()), keep);
        }
        return waveforms.get(asariKey(info), () -> splice(info.segmentFiles()), "sequence " + info.segmentFiles(), keep);
    }

    private static String wehrShapeKey(String description) {
        return "wehr:" + description;
    }

    private static String wehrKey(WehrReader.StimulusFile f) {
        return "wehr:" + f.path();
    }

    private static String asariKey(StimulusInfo info) {
        return "asari:" + info.segmentFiles();
    }

    private WehrReader.StimulusFile wehrFile(StimulusInfo info) throws MatReadException {
        WehrReader.StimulusFile f = wehrStimuli.get(info.description());
        if (f == null || parts.main() == null) {
            throw new MatReadException("stimulus \"" + info.description() + "\" is not in the Wehr stimulus index");
        }
        return f;
    }

    /** The sound's samples as doubles; its file's buffers then go back to the pool. */
    private static Waveform converted(WehrReader.StoredSound s) {
        try {
            return s.waveform();
        } finally {
            s.release();
        }
    }

    private WehrReader.StoredSound wehrSound(WehrReader.StimulusFile f) throws MatReadException {
        return readSound(parts.main(), f.path(), "samples");
    }

    /** The stimulus struct of {@code path}: its samples field ({@code field}, or "sample" when null and present) and rate. */
    private static WehrReader.StoredSound readSound(ArchiveTree tree, String path, String field) throws MatReadException {
        Mat5File mat = MatLoader.load(tree, path, Set.of("stimulus"));
        MatStruct stim = MatStruct.of(WehrReader.first(mat, "stimulus"))
                .orElseThrow(() -> new MatReadException("no 'stimulus' struct"));
        MatStruct param = stim.struct("param").orElseThrow(() -> new MatReadException("stimulus has no 'param' struct"));
        return WehrReader.soundOf(stim, param, field != null ? field : stim.has("sample") ? "sample" : "samples").heldBy(mat);
    }

    /** A stimulus waveform's size without its samples: length (samples) and rate (Hz). */
    public record WaveformShape(int samples, double sampleRateHz) {
    }

    /**
     * The shape of {@link #waveform}'s result, remembered after the first read (a whole-cohort pass
     * asks for every cell's stimuli, and keeping their samples would pin hundreds of MB); throws as
     * {@code waveform} does.
     */
    public WaveformShape waveformShape(StimulusInfo info) throws MatReadException {
        String key = info.isWehr() ? wehrShapeKey(info.description()) : asariKey(info);
        WaveformShape known = shapes.get(key);
        if (known != null) {
            return known;
        }
        // the samples stay unconverted: the pass that asks for shapes reads every stimulus once and needs none of them
        WaveformShape shape;
        WehrReader.StimulusFile wehr = info.isWehr() ? wehrFile(info) : null;
        Waveform kept = waveforms.cached(wehr != null ? wehrKey(wehr) : asariKey(info));
        if (kept != null) {
            shape = new WaveformShape(kept.samples().length, kept.sampleRateHz());
        } else if (wehr != null) {
            WehrReader.StoredSound s = wehrSound(wehr);
            shape = new WaveformShape(s.length(), s.sampleRateHz());
            s.release();
        } else {
            List<WehrReader.StoredSound> segments = segments(info.segmentFiles());
            shape = new WaveformShape(segments.stream().mapToInt(WehrReader.StoredSound::length).sum(), rateOf(segments));
            segments.forEach(WehrReader.StoredSound::release);
        }
        shapes.putIfAbsent(key, shape);
        return shape;
    }

    /** Where a stimulus comes from, for messages. */
    public String describeStimulus(StimulusInfo info) {
        if (info.isWehr()) {
            WehrReader.StimulusFile f = wehrStimuli.get(info.description());
            return f == null || parts.main() == null ? info.description() : parts.main().describe(f.path());
        }
        return "Asari sequence " + String.join(" + ", info.segmentFiles());
    }

    private Waveform splice(List<String> files) throws MatReadException {
        List<WehrReader.StoredSound> segments = segments(files);
        int total = segments.stream().mapToInt(WehrReader.StoredSound::length).sum();
        double[] out = new double[total];
        int pos = 0;
        for (WehrReader.StoredSound seg : segments) {
            int n = seg.length();
            seg.copyInto(out, pos);
            seg.release();
            Ramps.sin2InPlace(out, pos, n, seg.sampleRateHz(), SEGMENT_RAMP_MS);
            pos += n;
        }
        return new Waveform(out, rateOf(segments));
    }

    /** The segments' common rate (Hz); NaN for a sequence of none. */
    private static double rateOf(List<WehrReader.StoredSound> segments) {
        return segments.isEmpty() ? Double.NaN : segments.get(0).sampleRateHz();
    }

    /** The segments of an Asari sequence as stored; throws when one is missing or unreadable, or they mix sample rates. */
    private List<WehrReader.StoredSound> segments(List<String> files) throws MatReadException {
        ArchiveTree main = parts.main();
        if (main == null) {
            throw new MatReadException("crcns-ac1 part (with asari/Stimuli) is missing");
        }
        List<WehrReader.StoredSound> out = new ArrayList<>();
        for (String file : files) {
            String path = AsariReader.segmentPath(file);
            if (path == null || !main.isFile(path)) {
                throw new MatReadException("segment file " + (path == null ? file : main.describe(path)) + " not found");
            }
            WehrReader.StoredSound w;
            try {
                w = readSound(main, path, null);
            } catch (MatReadException e) {
                throw new MatReadException("segment " + main.describe(path) + ": " + e.getMessage(), e);
            }
            if (!out.isEmpty() && Math.abs(w.sampleRateHz() - out.get(0).sampleRateHz()) > 1.0) {
                throw new MatReadException("segments mix sample rates " + w.sampleRateHz() + " and "
                        + out.get(0).sampleRateHz() + " Hz (" + main.describe(path) + ")");
            }
            out.add(w);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        parts.close();
    }
}
