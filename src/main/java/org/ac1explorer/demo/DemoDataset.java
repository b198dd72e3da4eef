package org.ac1explorer.demo;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.ac1explorer.dataset.TempFiles;
import org.ac1explorer.demo.DemoPlan.AsariCell;
import org.ac1explorer.demo.DemoPlan.AsariFile;
import org.ac1explorer.demo.DemoPlan.AsariSegment;
import org.ac1explorer.demo.DemoPlan.AsariSequence;
import org.ac1explorer.demo.DemoPlan.Probe;
import org.ac1explorer.demo.DemoPlan.Sound;
import org.ac1explorer.demo.DemoPlan.WehrCell;
import org.ac1explorer.demo.DemoPlan.WehrStimulus;
import org.ac1explorer.demo.DemoPlan.WehrTrial;

/**
 * The demo-dataset generator: synthetic data in the real CRCNS-AC1 archive layout, used as the explorer's built-in
 * default dataset, for tests and (at {@link DemoScale#FULL}) for benchmarks. Nothing in it was recorded from an
 * animal; every file says so in its MAT header and {@code wehr/Summary.mat} in its note.
 *
 * <h2>Layout written into {@code outDir}</h2>
 * <pre>
 * crcns-ac1/wehr/Summary.mat                              summary {cells, note, sf}
 * crcns-ac1/wehr/Results/&lt;yyyymmdd&gt;-mw-&lt;NNN&gt;/&lt;session&gt;-&lt;NNN&gt;.mat
 *     response {trace int16 column, scale mV/count, sf 4000, units}; triggers 1x1 {type, time (1-based onset
 *     sample), param {description, duration ms [, frequency, amplitude]}}
 * crcns-ac1/wehr/Stimuli/{fragments,category1,category2,category3}/&lt;idx&gt;.mat
 *     stimulus {samples, param {sf 44100, description, duration ms, type}}
 * crcns-ac1/asari/Stimuli/class&lt;N&gt;/&lt;k&gt;.mat             stimulus {sample | samples, param {sf 97656, description, ramp}}
 * crcns-ac1-asari-results-{1,2}/asari-results-{1,2}/&lt;yyyymmdd&gt;-ha&lt;k&gt;-&lt;NNN&gt;/&lt;session&gt;-&lt;NNN&gt;.mat
 *     param {stimulus 1xK {file 'class6/3.mat', ramp}, recording {site, type, depth}, ID {description, animal}};
 *     response {trace int16, scale, sf 10000}; triggers 1xM {type, time, param {description, duration [, ...]}}
 * </pre>
 * About 3/4 of the stimulus files and 1/2–2/3 of the trial files are compressed, as the release mixes both.
 *
 * <h2>Content</h2>
 * Stimuli are natural-sound-like: harmonic FM vocalisations (cat, dog, owl, frogs, squeaks), rat 22- and 50-kHz
 * ultrasonic calls, songbird chirp trains, cricket and katydid trills, rain, streams, drips, rustle, wind,
 * footsteps and fire crackle, together spanning 0.1–45 kHz (Wehr stimuli at 44.1 kHz, Asari segments at
 * 97 656 Hz). Each cell has its own linear spectro-temporal receptive field (best frequency, latency, delayed
 * inhibition, broadband onset term) applied to the stimulus' band levels. Whole-cell traces (Wehr, Asari A1) rest
 * near -65 mV with PSP-like depolarisations, synaptic and recording noise, a slow drift and trend, and occasional
 * spikes; cell-attached traces (Asari MGB) are a small baseline with 1-ms spikes whose rate follows the stimulus.
 * Repeats share the driven component and have independent noise. Several cells hear each stimulus; some stimuli
 * only some cells.
 *
 * <h2>Edge cases (all present in SMALL; FULL has them and more at random)</h2>
 * "Wehr cell i" is the i-th session in sorted order; session names depend on the seed.
 * <ul>
 * <li>Wehr trigger types {@code naturalsound}, {@code nauralsound} (the release's typo, Wehr cell 0),
 *     {@code natural} (cell 1) and {@code NaturalSound} (cell 2, case differs); non-natural trials {@code tone},
 *     {@code silence}, {@code whitenoise} to be skipped.</li>
 * <li>Wehr cell 1 has two {@code naturalsound} trials described "fragment 14: creaking door", which no stimulus
 *     file has: warn and skip.</li>
 * <li>{@code category1/1.mat} stores its waveform as a column, the others as rows.</li>
 * <li>Asari segments use {@code sample}, except the second segment of the first class and the fourth of the second
 *     class (SMALL: {@code class1/2.mat}, {@code class6/4.mat}; and
 *     some more in FULL) which use {@code samples}.</li>
 * <li>Asari trigger types {@code naturalsound}, {@code natural sound} and once {@code "Natural Sound "}
 *     (case and trailing space); tones ({@code tone}) in every cell's first file; {@code noise} in some FULL files.</li>
 * <li>Sequence texts with irregular spacing ({@code "Sequence 1: 2  1  3  1  4"}, {@code "Sequence 2:5   1   4"},
 *     trailing spaces); the first results-1 A1 cell has one trigger naming a segment index beyond its
 *     param.stimulus (skip and warn).</li>
 * <li>The second results-1 A1 cell lists param.stimulus in reverse order in its last file (same sequences, other
 *     indices) and has one trigger with a fractional {@code time} (truncated by the loader).</li>
 * <li>Gating artifacts, each caught at the default thresholds: a repeat clipped
 *     at the int16 rail for 12 ms (range: Wehr cell 0, second results-1 A1 cell), 40-ms 50-mV access jumps over
 *     ~1.5 % of a repeat (step: Wehr cell 2, first results-1 A1 cell) and an inverted response (xcorr: Wehr cell 1,
 *     first results-2 A1 cell). A group with an artifact has at least 5 repeats, so the other repeats pass.</li>
 * <li>A stimulus heard by only some cells (NaN sentinels in the export); the first results-2 A1 cell hears a
 *     single sequence.</li>
 * <li>Both asari-results-1 and -2 populated, with A1 whole-cell ({@code auditory cortex}, {@code whole cell}) and
 *     MGB cell-attached ({@code medial geniculate body}, {@code cell attached}) cells.</li>
 * </ul>
 * No file is corrupt: every file loads in the reference pipeline (corrupt-file handling is tested elsewhere).
 *
 * <h2>Determinism</h2>
 * The same seed and scale give byte-identical files: the MAT header text is fixed and each file is rendered from
 * its own derived seed, independent of thread scheduling.
 */
public final class DemoDataset {

    private static final System.Logger LOG = System.getLogger(DemoDataset.class.getName());
    /** Seed of the built-in default dataset (the one a newcomer sees first). */
    public static final long DEFAULT_SEED = 2004L;

    /** Name of the staging folder inside {@code outDir} while writing. */
    static final String STAGING = ".ac1-demo-partial";

    private DemoDataset() {
    }

    /**
     * Writes a synthetic dataset in the CRCNS-AC1 layout into {@code outDir} (created; must be empty or absent).
     * Deterministic for a seed. Files are written under a staging folder, each to a temporary name then renamed,
     * and the three archive folders are moved into {@code outDir} at the end: when interrupted or failing, the
     * staging folder is deleted and nothing is left at a final name.
     *
     * @param progress receives (files done, files total); may be {@link DemoProgress#NONE}
     * @throws InterruptedIOException if the calling thread is interrupted (its interrupt flag is set again)
     * @throws IOException            if outDir is not empty or cannot be written
     */
    public static DemoSummary write(Path outDir, long seed, DemoScale scale, DemoProgress progress)
            throws IOException {
        return write(outDir, seed, scale, progress, Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())));
    }

    /** As {@link #write(Path, long, DemoScale, DemoProgress)} with {@code threads} worker threads (at least 1). */
    public static DemoSummary write(Path outDir, long seed, DemoScale scale, DemoProgress progress, int threads)
            throws IOException {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(scale, "scale");
        DemoProgress sink = progress == null ? DemoProgress.NONE : progress;
        prepareEmpty(outDir);
        Path staging = outDir.resolve(STAGING);
        Files.createDirectory(staging);
        TempFiles.own(staging);
        ExecutorService pool = Executors.newFixedThreadPool(threads, workerThreads());
        try {
            Run run = new Run(DemoPlan.build(seed, scale), staging, sink, pool);
            run.execute();
            for (String top : DemoPlan.TOP_FOLDERS) {
                Files.move(staging.resolve(top), outDir.resolve(top), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.delete(staging);
            DemoPlan plan = run.plan;
            return new DemoSummary(plan.wehrCells.size(), plan.asariCells.size(), plan.stimulusFileCount(),
                    plan.trialFileCount(), run.bytes.get());
        } catch (IOException | RuntimeException | Error e) {
            stop(pool);
            TempFiles.deleteTree(staging);
            throw e;
        } finally {
            pool.shutdownNow();
            TempFiles.release(staging);
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "demo-dataset-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void prepareEmpty(Path outDir) throws IOException {
        if (Files.exists(outDir)) {
            if (!Files.isDirectory(outDir)) {
                throw new NotDirectoryException(outDir.toString());
            }
            clearStaleStaging(outDir);
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(outDir)) {
                if (ds.iterator().hasNext()) {
                    throw new DirectoryNotEmptyException(outDir + " (the demo dataset needs an empty or new folder)");
                }
            }
        } else {
            Files.createDirectories(outDir);
        }
    }

    /**
     * A staging folder left by a killed run is removed when it has not changed for
     * {@link TempFiles#STALE_AGE}; a recent one may belong to a run still going, so its path is named.
     */
    private static void clearStaleStaging(Path outDir) throws IOException {
        Path staging = outDir.resolve(STAGING);
        if (!Files.isDirectory(staging, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!TempFiles.isStale(staging, java.time.Instant.now())) {
            throw new DirectoryNotEmptyException(outDir + " holds " + STAGING + ", left by a demo run that was stopped"
                    + " or is still running; if none is running, delete " + staging);
        }
        TempFiles.deleteTree(staging);
    }

    /** Interrupts the workers and waits for them, so nothing writes into the staging folder while it is deleted. */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    if (pool.awaitTermination(60, TimeUnit.SECONDS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One generation: plan, phases, progress and byte count. */
    private static final class Run {
        final DemoPlan plan;
        final Path root;
        final DemoProgress progress;
        final ExecutorService pool;
        final AtomicLong bytes = new AtomicLong();
        final long total;
        private long done;
        private final Object progressLock = new Object();
        final Map<Sound, Cochleagram> heard = new ConcurrentHashMap<>();
        final Map<AsariSegment, double[]> segmentWaves = new ConcurrentHashMap<>();

        Run(DemoPlan plan, Path root, DemoProgress progress, ExecutorService pool) {
            this.plan = plan;
            this.root = root;
            this.progress = progress;
            this.pool = pool;
            this.total = plan.fileCount();
        }

        void execute() throws IOException {
            createFolders();
            progress.update(0, total);
            CompletableFuture<Void> failed = new CompletableFuture<>();
            List<CompletableFuture<Void>> all = new ArrayList<>();
            // stimulus files (and what the cells hear of them), longest first
            Map<Sound, CompletableFuture<Void>> ready = new HashMap<>();
            Map<AsariSegment, CompletableFuture<Void>> segmentReady = new HashMap<>();
            List<WehrStimulus> wehr = new ArrayList<>(plan.wehrStimuli);
            wehr.sort(Comparator.comparingInt(WehrStimulus::samples).reversed());
            List<AsariSegment> segs = new ArrayList<>(plan.segments);
            segs.sort(Comparator.comparingInt(AsariSegment::samples).reversed());
            for (int i = 0; i < Math.max(wehr.size(), segs.size()); i++) {
                if (i < segs.size()) {
                    AsariSegment s = segs.get(i);
                    segmentReady.put(s, track(all, failed, CompletableFuture.runAsync(io(() -> {
                        double[] w = DemoFileContent.waveform(s);
                        save(DemoFileContent.asariSegment(s, w), s.path());
                        segmentWaves.put(s, w);
                    }), pool)));
                }
                if (i < wehr.size()) {
                    WehrStimulus s = wehr.get(i);
                    ready.put(s, track(all, failed, CompletableFuture.runAsync(io(() -> {
                        double[] w = DemoFileContent.waveform(s);
                        if (s.written()) {
                            save(DemoFileContent.wehrStimulus(s, w), s.path());
                        }
                        heard.put(s, Cochleagram.of(w, DemoPlan.WEHR_STIM_SF));
                    }), pool)));
                }
            }
            // what the cells hear of each spliced Asari sequence, once its segments exist
            for (AsariSequence q : plan.sequences) {
                CompletableFuture<?>[] deps = q.segments().stream().distinct().map(segmentReady::get)
                        .toArray(CompletableFuture[]::new);
                ready.put(q, track(all, failed, CompletableFuture.allOf(deps).thenRunAsync(io(() -> {
                    double[] w = DemoFileContent.splice(q, segmentWaves::get);
                    heard.put(q, Cochleagram.of(w, DemoPlan.ASARI_STIM_SF));
                }), pool)));
            }
            // recordings, one task per cell, each once the sounds it hears are ready
            track(all, failed, CompletableFuture.runAsync(io(() -> save(DemoFileContent.wehrSummary(plan.wehrCells),
                    DemoPlan.WEHR_DIR + "/Summary.mat")), pool));
            for (WehrCell c : plan.wehrCells) {
                CompletableFuture<?>[] deps = c.trials().stream().map(t -> ready.get(t.trigger().sound()))
                        .filter(Objects::nonNull).distinct().toArray(CompletableFuture[]::new);
                track(all, failed, CompletableFuture.allOf(deps).thenRunAsync(io(() -> writeWehrCell(c)), pool));
            }
            for (AsariCell c : plan.asariCells) {
                CompletableFuture<?>[] deps = c.files().stream().flatMap(f -> f.triggers().stream())
                        .map(t -> ready.get(t.sound())).filter(Objects::nonNull).distinct()
                        .toArray(CompletableFuture[]::new);
                track(all, failed, CompletableFuture.allOf(deps).thenRunAsync(io(() -> writeAsariCell(c)), pool));
            }
            await(CompletableFuture.anyOf(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)), failed));
        }

        /** Adds f to the list and makes its failure fail the whole run at once. */
        private static CompletableFuture<Void> track(List<CompletableFuture<Void>> all,
                                                     CompletableFuture<Void> failed, CompletableFuture<Void> f) {
            all.add(f);
            f.whenComplete((v, e) -> {
                if (e != null) {
                    failed.completeExceptionally(e);
                }
            });
            return f;
        }

        /** A step that may throw IOException, as a Runnable for the pool. */
        private static Runnable io(IoStep step) {
            return () -> {
                try {
                    checkInterrupt();
                    step.run();
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            };
        }

        private static void await(CompletableFuture<?> f) throws IOException {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("demo dataset generation interrupted");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                while (cause instanceof CompletionException && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                if (cause instanceof IOException) {
                    throw (IOException) cause;
                }
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                if (cause instanceof Error) {
                    throw (Error) cause;
                }
                throw new IOException(cause);
            }
        }

        private void createFolders() throws IOException {
            for (String top : DemoPlan.TOP_FOLDERS) {
                Files.createDirectories(root.resolve(top));
            }
            Files.createDirectories(root.resolve(DemoPlan.WEHR_DIR + "/Results"));
            Files.createDirectories(root.resolve(DemoPlan.RESULTS_1));
            Files.createDirectories(root.resolve(DemoPlan.RESULTS_2));
            for (WehrStimulus s : plan.wehrStimuli) {
                if (s.written()) {
                    Files.createDirectories(root.resolve(s.path()).getParent());
                }
            }
            for (AsariSegment s : plan.segments) {
                Files.createDirectories(root.resolve(s.path()).getParent());
            }
            for (WehrCell c : plan.wehrCells) {
                Files.createDirectories(root.resolve(c.dir()));
            }
            for (AsariCell c : plan.asariCells) {
                Files.createDirectories(root.resolve(c.dir()));
            }
        }

        private Function1 templates(SyntheticNeuron neuron, double sfResp) {
            Map<Sound, double[]> cache = new HashMap<>();
            return sound -> cache.computeIfAbsent(sound, s -> neuron.template(
                    s instanceof Probe ? DemoFileContent.probe((Probe) s) : Objects.requireNonNull(heard.get(s)),
                    sfResp));
        }

        private void writeWehrCell(WehrCell c) throws IOException {
            SyntheticNeuron neuron = SyntheticNeuron.wholeCell(new java.util.SplittableRandom(c.seed()), 800, 12000);
            Function1 tpl = templates(neuron, DemoPlan.WEHR_RESP_SF);
            for (WehrTrial t : c.trials()) {
                checkInterrupt();
                save(DemoFileContent.wehrTrial(c, t, neuron, tpl::apply), c.dir() + "/" + t.fileName());
            }
        }

        private void writeAsariCell(AsariCell c) throws IOException {
            java.util.SplittableRandom r = new java.util.SplittableRandom(c.seed());
            double[] bf = DemoPlan.bestFrequencyRange(c.classN());
            SyntheticNeuron neuron = c.mgb() ? SyntheticNeuron.cellAttached(r, bf[0], bf[1])
                    : SyntheticNeuron.wholeCell(r, bf[0], bf[1]);
            Function1 tpl = templates(neuron, DemoPlan.ASARI_RESP_SF);
            for (AsariFile f : c.files()) {
                checkInterrupt();
                save(DemoFileContent.asariFile(c, f, neuron, tpl::apply), c.dir() + "/" + f.fileName());
            }
        }

        private void save(us.hebi.matlab.mat.types.MatFile mat, String relPath) throws IOException {
            checkInterrupt();
            bytes.addAndGet(DemoMatWriter.write(mat, root.resolve(relPath)));
            synchronized (progressLock) {
                done++;
                progress.update(done, total);
            }
        }

        private static void checkInterrupt() throws InterruptedIOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("demo dataset generation interrupted");
            }
        }
    }

    /** A unit of file work. */
    @FunctionalInterface
    private interface IoStep {
        void run() throws IOException;
    }

    /** Sound to driven template, per neuron (cached). */
    @FunctionalInterface
    private interface Function1 {
        double[] apply(Sound s);
    }
}
