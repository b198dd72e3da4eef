package org.ac1explorer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.CellStimulus;
import org.ac1explorer.archive.MatReadException;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.archive.RawRepeats;
import org.ac1explorer.archive.Waveform;
import org.ac1explorer.dataset.AssembledDataset;
import org.ac1explorer.dataset.CohortDigest;
import org.ac1explorer.dataset.DatasetAssembler;
import org.ac1explorer.dataset.MatExport;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dataset.RepeatAnalysis;
import org.ac1explorer.dataset.ResponseBinning;
import org.ac1explorer.demo.DemoDataset;
import org.ac1explorer.demo.DemoScale;
import org.ac1explorer.dsp.LogSpectrogram;
import org.ac1explorer.explore.Selection;
import org.ac1explorer.explore.SelectionAnalyzer;
import org.ac1explorer.dsp.LogSpectrogramPlan;
import org.ac1explorer.dsp.MedGauss;
import org.ac1explorer.dsp.RepeatVerdict;
import org.ac1explorer.explore.CohortCounts;

/**
 * {@code bench}: times what users wait for on a full-scale archive — opening it, a full export
 * (with its peak heap), a gating-threshold change and a dt change on one cell x stimulus — and
 * the DSP kernels behind them, in this process. Each figure is timed with System.nanoTime after
 * warm-up runs, every result is consumed, and medians (p50) and 95th percentiles are printed.
 */
final class BenchCommand {
    static final String HELP = """
            usage: ac1-explorer bench [--data DIR | --work DIR] [--runs N] [--warmup N] [--no-export]

            Times, in this process: opening the archive (index built), a full export at the
            default parameters (and its peak heap), the explorer's cohort counters (full pass, then
            a gating-threshold change), selecting another cell x stimulus (read,
            detrend, gate, spectrogram, bin), re-gating one cell x stimulus after a threshold
            change, re-computing its spectrogram and responses after a dt change, spectrogram
            throughput, and the detrend / detrend-and-gate kernels on 10 s traces at 10 kHz.
            Medians (p50) and 95th percentiles of wall-clock time over the timed runs, after
            warm-up runs, and the process CPU time per run (all threads: on a machine shared with
            other work it shows what the wall-clock time would be with the cores to itself).

              --data DIR    a CRCNS-AC1 folder to time (default: the full-scale synthetic demo)
              --work DIR    where the full-scale demo is generated, or reused when already complete
                            (default: ac1-bench-full in the temporary folder); export files go
                            there too and are deleted
              --runs N      timed runs of the open and export figures (default 3); the per-stimulus
                            figures run 20·N times
              --warmup N    untimed runs before them (default 1); 20·N for the per-stimulus figures
              --no-export   skip the full-export figure (the longest)

            Give the JVM the heap you want measured, e.g. java -Xmx2g -jar ac1-explorer.jar bench.
            """;

    /** 10 s at 10 kHz: the size of the kernel figures. */
    private static final int TRACE_SAMPLES = 100_000;
    private static final int GATE_REPEATS = 10;
    private static final double STIMULUS_SECONDS = 10.0;
    private static final String COMPLETE_MARK = ".ac1-bench-complete";

    /** Results are folded in here so that no timed work can be optimised away. */
    private static volatile long sink;

    private final PrintStream out;
    private final PrintStream err;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    private interface Body {
        Object run() throws Exception;
    }

    /** Timings of one figure, in ns, sorted, and the process CPU time per run (mean over them, ns; NaN if unknown). */
    private record Stats(long[] ns, double cpuPerRun) {
        Stats(long[] ns) {
            this(ns, Double.NaN);
        }

        double p(double q) {
            int i = (int) Math.ceil(q * ns.length) - 1;
            return ns[Math.max(0, Math.min(ns.length - 1, i))];
        }

        double median() {
            return median(ns);
        }

        static double median(long[] a) {
            int n = a.length;
            return n == 0 ? Double.NaN : n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2.0;
        }
    }

    int run(String[] args) throws UsageException, IOException {
        if (Cli.wantsHelp(args)) {
            out.print(HELP);
            return 0;
        }
        CliOptions o = CliOptions.parse("bench", args, Set.of("data", "work", "runs", "warmup"), Set.of("no-export"));
        if (o.has("data") && o.has("work")) {
            throw new UsageException("bench takes --data or --work, not both");
        }
        int runs = o.integer("runs", 3);
        int warmup = o.integer("warmup", 1);
        if (runs < 1) {
            throw new UsageException("--runs must be at least 1 (got " + runs + ")");
        }
        if (warmup < 0) {
            throw new UsageException("--warmup must be at least 0 (got " + warmup + ")");
        }
        Path work = o.has("work") ? o.requiredPath("work")
                : Path.of(System.getProperty("java.io.tmpdir"), "ac1-bench-full");
        Path data = o.has("data") ? DataFolder.required(o) : demo(work);
        Path exportDir = o.has("data") ? Files.createTempDirectory("ac1-bench-") : work;

        machine(data);
        ProgressMonitor none = ProgressMonitor.NONE;
        Stats open = time(warmup, runs, () -> {
            try (Ac1Archive a = Ac1Archive.open(data, none)) {
                return a.cells().size();
            }
        });
        row("open -> cell list (index built)", open, "s");

        try (Ac1Archive archive = Ac1Archive.open(data, none)) {
            Params p = Params.defaults();
            int micro = 20 * runs;
            int microWarm = 20 * warmup;
            Optional<Case> vm = Case.find(archive, false);
            Optional<Case> spiking = Case.find(archive, true);
            Optional<Case> any = vm.isPresent() ? vm : spiking;
            if (any.isEmpty()) {
                out.println("(no Asari stimulus of >= " + STIMULUS_SECONDS + " s with >= " + GATE_REPEATS
                        + " repeats at 10 kHz: kernel and interaction figures skipped)");
            } else {
                Case c = any.get();
                out.println("kernel case: " + c);
                double[] trace = Arrays.copyOf(c.raw.tracesMv().get(0), TRACE_SAMPLES);
                row("detrend one 10 s trace at 10 kHz", time(microWarm, micro,
                        () -> MedGauss.detrend(trace, c.raw.sampleRateHz(), p.detrendMedMs(), p.detrendGaussMs())), "ms");
                List<double[]> ten = new ArrayList<>();
                for (int i = 0; i < GATE_REPEATS; i++) {
                    ten.add(Arrays.copyOf(c.raw.tracesMv().get(i), TRACE_SAMPLES));
                }
                RawRepeats tenRaw = new RawRepeats(c.raw.sampleRateHz(), ten);
                row("detrend + gate 10 repeats of 10 s at 10 kHz", time(microWarm, micro,
                        () -> RepeatAnalysis.of(tenRaw, p.detrendMedMs(), p.detrendGaussMs()).verdicts(p.gating())), "ms");

                int stimSamples = (int) Math.min(c.wave.samples().length, Math.round(STIMULUS_SECONDS * c.wave.sampleRateHz()));
                double[] wave10 = Arrays.copyOf(c.wave.samples(), stimSamples);
                LogSpectrogramPlan plan = LogSpectrogramPlan.of(c.wave.sampleRateHz(), p.dtMs(), p.effectiveWindowMs(),
                        p.fminHz(), p.fmaxHz(), p.binsPerOctave());
                Stats spec = time(microWarm, micro, () -> plan.compute(wave10));
                LogSpectrogram one = plan.compute(wave10);
                int cellsOut = one.db().length * one.db()[0].length;
                row(String.format(Locale.ROOT, "log-spectrogram %.0f s at %.0f Hz, dt %s ms, %d bands",
                        stimSamples / c.wave.sampleRateHz(), c.wave.sampleRateHz(), fmt(p.dtMs()), one.db().length), spec, "ms");
                out.printf(Locale.ROOT, "  %-52s %10.3g frames x bands / s (p50)%n", "spectrogram throughput",
                        cellsOut / (spec.median() / 1e9));

                newSelections(archive, p, microWarm, micro);

                for (Optional<Case> oc : List.of(vm, spiking)) {
                    if (oc.isEmpty()) {
                        continue;
                    }
                    Case k = oc.get();
                    out.println("interaction case: " + k);
                    interactions(k, p, microWarm, micro);
                }
            }
            if (!o.has("no-export")) {
                export(archive, p, exportDir, warmup, runs);
                cohort(archive, p, microWarm, micro);
            }
        }
        out.println("sink " + (sink & 0xff));
        return 0;
    }

    /**
     * Selecting another cell x stimulus with nothing cached but the archive's waveforms, as the
     * explorer does on a click: read the repeats, detrend and gate them, compute the stimulus
     * spectrogram, bin the kept repeats. Cycles through every Asari cell x stimulus.
     */
    private void newSelections(Ac1Archive archive, Params p, int warm, int runs) throws UsageException {
        List<CellRecord> cells = new ArrayList<>();
        List<CellStimulus> stimuli = new ArrayList<>();
        for (CellRecord cell : archive.cells()) {
            if (!cell.experimenter().equals("wehr")) {
                for (CellStimulus st : cell.stimuli()) {
                    cells.add(cell);
                    stimuli.add(st);
                }
            }
        }
        if (cells.isEmpty()) {
            return;
        }
        int[] next = {0};
        // the window's own pipeline (explore.SelectionAnalyzer); cycling through the cells defeats its small caches
        SelectionAnalyzer analyzer = new SelectionAnalyzer(archive);
        row("new selection -> read, detrend, gate, spectrogram, bin", time(warm, runs, () -> {
            int i = next[0]++ % cells.size();
            return analyzer.compute(new Selection(cells.get(i), stimuli.get(i)), p, ProgressMonitor.NONE);
        }), "ms");
    }

    /** Threshold change and dt change on one cell x stimulus, with what a UI caches kept between calls. */
    private void interactions(Case k, Params p, int warm, int runs) throws UsageException {
        RepeatAnalysis a = RepeatAnalysis.of(k.raw, p.detrendMedMs(), p.detrendGaussMs());
        // alternate two thresholds per knob so every call sees a change
        Params[] gates = {p, p.withMinXcorr(0.2).withStepMv(20)};
        int[] flip = {0};
        row("threshold change -> verdicts + binned kept", time(warm, runs, () -> {
            Params q = gates[flip[0]++ & 1];
            List<RepeatVerdict> v = a.verdicts(q.gating());
            return ResponseBinning.binKept(a, v, k.spiking, q);
        }), "ms");
        List<RepeatVerdict> v = a.verdicts(p.gating());
        Params[] dts = {p.withDtMs(4), p.withDtMs(5)};
        int[] flip2 = {0};
        row("dt change -> spectrogram + binned responses", time(warm, runs, () -> {
            Params q = dts[flip2[0]++ & 1];
            LogSpectrogram s = LogSpectrogramPlan.of(k.wave.sampleRateHz(), q.dtMs(), q.effectiveWindowMs(),
                    q.fminHz(), q.fmaxHz(), q.binsPerOctave()).compute(k.wave.samples());
            float[][] b = ResponseBinning.binKept(a, v, k.spiking, q);
            return new Object[] {s, b};
        }), "ms");
    }

    /**
     * The explorer's cohort counters: the full pass after a detrend or dt change (one run: it is an
     * export without spectrograms), then a gating-threshold change, which re-decides the kept digest.
     */
    private void cohort(Ac1Archive archive, Params p, int warm, int runs) throws UsageException {
        long t0 = System.nanoTime();
        CohortDigest digest = CohortDigest.of(archive, p, Math.max(0.02, 2 * p.maxStepFrac()), ProgressMonitor.NONE);
        row("cohort counters after a detrend or dt change (full pass)", new Stats(new long[] {System.nanoTime() - t0}), "s");
        Params[] gates = {p, p.withMinXcorr(0.2).withStepMv(20).withAbsMvMax(100)};
        int[] flip = {0};
        row("cohort counters after a gating-threshold change", time(warm, runs, () -> {
            Params q = gates[flip[0]++ & 1];
            return CohortCounts.of(digest, archive.cells(), q);
        }), "ms");
    }

    private void export(Ac1Archive archive, Params p, Path dir, int warmup, int runs) throws IOException {
        Path target = dir.resolve("ac1-bench-export.mat");
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) {
            if (m.getType() == MemoryType.HEAP && m.isValid()) {
                heap.add(m);
            }
        }
        long[] ns = new long[runs];
        long peak = 0;
        long oldPeak = 0;
        double cpu = 0;
        java.util.concurrent.atomic.AtomicLong liveAfterGc = new java.util.concurrent.atomic.AtomicLong();
        boolean[] timed = {false};
        List<Runnable> unlisten = listenAfterGc(used -> {
            if (timed[0]) {
                liveAfterGc.accumulateAndGet(used, Math::max);
            }
        });
        try {
            for (int i = -warmup; i < runs; i++) {
                System.gc();
                heap.forEach(MemoryPoolMXBean::resetPeakUsage);
                timed[0] = i >= 0;
                long cpu0 = processCpuNs();
                long t0 = System.nanoTime();
                AssembledDataset d = DatasetAssembler.assemble(archive, p, ProgressMonitor.NONE);
                MatExport.write(d, target, true);
                long t = System.nanoTime() - t0;
                long cpuUsed = processCpuNs() - cpu0;
                long sum = 0;
                long old = 0;
                for (MemoryPoolMXBean m : heap) {
                    long used = m.getPeakUsage().getUsed();
                    sum += used;
                    if (m.getName().contains("Old") || m.getName().contains("Tenured")) {
                        old = used;
                    }
                }
                sink += d.stimulusCount() + Files.size(target);
                if (i >= 0) {
                    ns[i] = t;
                    peak = Math.max(peak, sum);
                    oldPeak = Math.max(oldPeak, old);
                    cpu = Math.max(cpu, cpuUsed / 1e9);
                }
            }
        } finally {
            timed[0] = false;
            unlisten.forEach(Runnable::run);
            Files.deleteIfExists(target);
        }
        Arrays.sort(ns);
        row("full export, default parameters", new Stats(ns), "s");
        out.printf(Locale.ROOT, "  %-52s %7.0f MB (sum of the heap pools' peaks; old gen %.0f MB), max heap %.0f MB%n",
                "export peak heap", peak / 1e6, oldPeak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        out.printf(Locale.ROOT, "  %-52s %7.0f MB (largest heap in use right after a collection)%n",
                "export peak live heap", liveAfterGc.get() / 1e6);
        if (cpu > 0) {
            out.printf(Locale.ROOT, "  %-52s %7.1f s (process CPU, worst run)%n", "export CPU time", cpu);
        }
    }

    /**
     * Calls {@code sink} with the heap in use (bytes, all heap pools) after every garbage collection
     * that is not a full System.gc; returns what removes the listeners.
     */
    private static List<Runnable> listenAfterGc(java.util.function.LongConsumer sink) {
        List<Runnable> removers = new ArrayList<>();
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof javax.management.NotificationEmitter emitter)) {
                continue;
            }
            javax.management.NotificationListener l = (n, hb) -> {
                if (!n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                        (javax.management.openmbean.CompositeData) n.getUserData());
                if ("System.gc()".equals(info.getGcCause())) {
                    return;
                }
                long used = 0;
                for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (isHeapPool(e.getKey())) {
                        used += e.getValue().getUsed();
                    }
                }
                sink.accept(used);
            };
            emitter.addNotificationListener(l, null, null);
            removers.add(() -> {
                try {
                    emitter.removeNotificationListener(l);
                } catch (javax.management.ListenerNotFoundException e) {
                    // already gone
                }
            });
        }
        return removers;
    }

    private static boolean isHeapPool(String name) {
        for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) {
            if (m.getName().equals(name)) {
                return m.getType() == MemoryType.HEAP;
            }
        }
        return false;
    }

    private static long processCpuNs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private Stats time(int warmup, int runs, Body body) throws UsageException {
        long[] ns = new long[runs];
        long cpu0 = 0;
        try {
            for (int i = -warmup; i < runs; i++) {
                if (i == 0) {
                    cpu0 = processCpuNs();      // the clock is coarse: total over the timed runs
                }
                long t0 = System.nanoTime();
                Object r = body.run();
                long t = System.nanoTime() - t0;
                sink += System.identityHashCode(r);
                if (i >= 0) {
                    ns[i] = t;
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        double cpu = (processCpuNs() - cpu0) / (double) runs;
        Arrays.sort(ns);
        return new Stats(ns, cpu0 > 0 ? cpu : Double.NaN);
    }

    private void row(String label, Stats s, String unit) {
        double div = unit.equals("s") ? 1e9 : 1e6;
        String cpu = Double.isNaN(s.cpuPerRun()) ? "" : String.format(Locale.ROOT, "  cpu %8.3f %s/run", s.cpuPerRun() / div, unit);
        out.printf(Locale.ROOT, "  %-52s %9.3f %s p50  %9.3f %s p95%s  (%d runs)%n", label, s.median() / div, unit,
                s.p(0.95) / div, unit, cpu, s.ns().length);
    }

    private void machine(Path data) {
        Runtime rt = Runtime.getRuntime();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.printf(Locale.ROOT, "AC1 Explorer %s bench: %d cores (common pool parallelism %d), max heap %.0f MB, Java %s (%s), %s %s, load average %.2f%n",
                org.ac1explorer.Version.current(), rt.availableProcessors(), ForkJoinPool.getCommonPoolParallelism(), rt.maxMemory() / 1e6,
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch"), load);
        cpuModel().ifPresent(m -> out.println("cpu: " + m));
        out.println("data: " + data.toAbsolutePath());
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The full-scale demo under {@code work}, generated unless a complete one is there. */
    private Path demo(Path work) throws IOException {
        Path dir = work.resolve("data");
        Path mark = work.resolve(COMPLETE_MARK);
        if (Files.isRegularFile(mark) && Files.isDirectory(dir)) {
            return dir;
        }
        if (Files.exists(dir)) {
            deleteTree(dir);
        }
        Files.createDirectories(work);
        err.println("Generating the full-scale demo archive in " + dir + " (once; reused by later runs)");
        ConsoleProgress progress = new ConsoleProgress(err);
        try {
            DemoDataset.write(dir, DemoDataset.DEFAULT_SEED, DemoScale.FULL,
                    (done, total) -> progress.progress(done, total, "Writing demo files"));
        } finally {
            progress.finish();
        }
        Files.writeString(mark, "seed " + DemoDataset.DEFAULT_SEED + " scale full\n");
        return dir;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** One Asari cell x stimulus of at least 10 s with at least 10 repeats at 10 kHz, with its waveform. */
    private record Case(CellRecord cell, CellStimulus stimulus, RawRepeats raw, Waveform wave, boolean spiking) {
        static Optional<Case> find(Ac1Archive archive, boolean spiking) {
            Case best = null;
            for (CellRecord cell : archive.cells()) {
                if (cell.experimenter().equals("wehr") || cell.isSpiking() != spiking) {
                    continue;
                }
                for (CellStimulus st : cell.stimuli()) {
                    double ms = st.info().durationMs();
                    if (st.repeats().size() < GATE_REPEATS || ms < STIMULUS_SECONDS * 1000
                            || (best != null && ms >= best.stimulus.info().durationMs())) {
                        continue;
                    }
                    Optional<RawRepeats> raw = archive.readRepeats(cell, st);
                    if (raw.isEmpty() || raw.get().sampleRateHz() != 10_000 || raw.get().tracesMv().size() < GATE_REPEATS
                            || raw.get().tracesMv().stream().anyMatch(t -> t.length < TRACE_SAMPLES)) {
                        continue;
                    }
                    try {
                        best = new Case(cell, st, raw.get(), archive.waveform(st.info()), spiking);
                    } catch (MatReadException e) {
                        // not usable: look further
                    }
                }
            }
            return Optional.ofNullable(best);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s \"%s\", %d repeats x %.2f s at %.0f Hz (%s), stimulus %.2f s at %.0f Hz",
                    cell.session(), stimulus.info().description(), raw.tracesMv().size(),
                    raw.tracesMv().get(0).length / raw.sampleRateHz(), raw.sampleRateHz(),
                    spiking ? "cell-attached, spikes" : "whole-cell, Vm", wave.samples().length / wave.sampleRateHz(),
                    wave.sampleRateHz());
        }
    }
}
