package org.ac1explorer.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.CellStimulus;
import org.ac1explorer.archive.MatReadException;
import org.ac1explorer.archive.Problem;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.archive.RawRepeats;
import org.ac1explorer.archive.StimulusInfo;
import org.ac1explorer.archive.StimulusKey;
import org.ac1explorer.archive.Waveform;
import org.ac1explorer.dsp.LogBands;
import org.ac1explorer.dsp.LogSpectrogramPlan;
import org.ac1explorer.dsp.RepeatVerdict;

/**
 * Builds the S x N grid from an opened archive exactly as the reference loader does (docs/processing.md §2.7,
 * §2b): cells are processed in parallel, then stimuli are registered in cell order (first cell
 * wins), T is bounded per stimulus and everything cut to it.
 */
public final class DatasetAssembler {
    private DatasetAssembler() {
    }

    /** What one cell contributes: per stimulus of the cell, its verdicts and kept binned block. */
    private record CellOutcome(CellRecord cell, List<StimulusOutcome> stimuli) {
    }

    private record StimulusOutcome(CellStimulus stimulus, List<RepeatVerdict> verdicts, float[][] binned) {
    }

    /** A stimulus as first registered: the registering cell's metadata and the duration bounding T (ms). */
    private record Registration(StimulusInfo info, double durationMs) {
    }

    /** Names the gating threshold(s) that rejected every repeat, largest count first. */
    static String rejectedEverything(RejectionCounts c, Params p) {
        record Reason(long count, String test, String flags) {
        }
        List<Reason> reasons = new ArrayList<>(List.of(
                new Reason(c.range(), "range", "--abs-mv-max " + Params.fmt(p.absMvMax())),
                new Reason(c.step(), "step", "--step-mv " + Params.fmt(p.stepMv()) + " / --max-step-frac " + Params.fmt(p.maxStepFrac())),
                new Reason(c.xcorr(), "xcorr", "--min-xcorr " + Params.fmt(p.minXcorr()))));
        reasons.sort((x, y) -> Long.compare(y.count(), x.count()));
        List<String> why = new ArrayList<>();
        for (Reason r : reasons) {
            if (r.count() > 0) {
                why.add(r.count() + " by " + r.test() + " (" + r.flags() + ")");
            }
        }
        return "gating rejected every repeat: " + String.join(", ", why) + "; relax " + reasons.get(0).flags();
    }

    /** Whether the cell is in the cohort the parameters select. */
    public static boolean selects(Params p, CellRecord c) {
        return p.experimenters().contains(c.experimenter()) && p.sites().contains(c.site());
    }

    /**
     * Assembles the dataset; throws IllegalArgumentException for invalid parameters and
     * IllegalStateException when no cell matches the filters or contributes data.
     */
    public static AssembledDataset assemble(Ac1Archive archive, Params p, ProgressMonitor monitor) {
        return assemble(archive, p, null, monitor);
    }

    /**
     * Assembles the dataset with waveform stimuli ({@code waveform} non-null, docs/processing.md §2.8) or
     * spectrograms (null); the responses are the same in both modes. Throws
     * IllegalArgumentException naming the parameter when --audio-fs and --dt-ms do not grid-lock.
     */
    public static AssembledDataset assemble(Ac1Archive archive, Params p, WaveformMode waveform, ProgressMonitor monitor) {
        p.validate();
        if (waveform != null) {
            waveform.validate(p.dtMs());
        }
        List<CellRecord> cohort = archive.cells().stream().filter(c -> selects(p, c)).toList();
        AtomicLong done = new AtomicLong();
        CellOutcome[] outcomes = new CellOutcome[cohort.size()];
        monitor.progress(0, cohort.size(), "Processing cells");
        IntStream.range(0, cohort.size()).parallel().forEach(i -> {
            monitor.checkCancelled();
            outcomes[i] = processCell(archive, cohort.get(i), p, monitor);
            monitor.progress(done.incrementAndGet(), cohort.size(), "Processing cells: " + cohort.get(i).session());
        });

        Map<StimulusKey, Integer> keyToS = new HashMap<>();
        List<Registration> registered = new ArrayList<>();
        List<CellRecord> neurons = new ArrayList<>();
        List<int[]> placedAt = new ArrayList<>();
        List<float[][]> placedBlock = new ArrayList<>();
        RejectionCounts counts = RejectionCounts.ZERO;
        List<CellRecord> dropped = new ArrayList<>();
        for (CellOutcome co : outcomes) {
            int n = neurons.size();
            boolean contributed = false;
            for (StimulusOutcome so : co.stimuli()) {
                counts = counts.plus(RejectionCounts.of(so.verdicts()));
                if (so.binned().length == 0 || so.binned()[0].length == 0) {
                    continue;
                }
                StimulusKey key = so.stimulus().key();
                Integer s = keyToS.get(key);
                if (s == null) {
                    s = registered.size();
                    keyToS.put(key, s);
                    registered.add(new Registration(so.stimulus().info(), durationForT(so.stimulus(), archive)));
                }
                placedAt.add(new int[] {s, n});
                placedBlock.add(so.binned());
                contributed = true;
            }
            if (contributed) {
                neurons.add(co.cell());
            } else {
                dropped.add(co.cell());
            }
        }
        if (neurons.isEmpty()) {
            // the reference's "no cells matched" refusal, saying which of the two ways it came about
            // and, when gating rejected every repeat, which threshold to relax
            throw new IllegalStateException("no cells matched experimenter=" + String.join(",", p.experimenters())
                    + " sites=" + String.join(",", p.sites()) + ": " + (cohort.isEmpty()
                    ? "none of the " + archive.cells().size() + " cells of the dataset is in this cohort"
                    : "all " + cohort.size() + " cells of the cohort were dropped, none kept a repeat (" + counts + ")"
                    + (counts.kept() == 0 && counts.range() + counts.step() + counts.xcorr() > 0
                    ? "; " + rejectedEverything(counts, p) : "")));
        }
        int nS = registered.size();
        int[] shortest = new int[nS];
        java.util.Arrays.fill(shortest, Integer.MAX_VALUE);
        for (int k = 0; k < placedAt.size(); k++) {
            int s = placedAt.get(k)[0];
            shortest[s] = Math.min(shortest[s], placedBlock.get(k)[0].length);
        }
        List<StimulusEntry> stimuli = new ArrayList<>();
        int[] tCanon = new int[nS];
        Map<Double, LogSpectrogramPlan> plans = new HashMap<>();
        if (waveform != null) {
            StimulusEntry[] entries = WaveformStimuli.entries(archive, registered.stream().map(Registration::info).toList(),
                    registered.stream().mapToDouble(Registration::durationMs).toArray(), shortest, p, waveform, monitor);
            for (int s = 0; s < nS; s++) {
                stimuli.add(entries[s]);
                tCanon[s] = entries[s].frames();
            }
        }
        for (int s = 0; s < nS && waveform == null; s++) {
            monitor.checkCancelled();
            monitor.progress(s, nS, "Computing spectrograms");
            Registration e = registered.get(s);
            // one stimulus at a time: the plan splits its frames over the pool (no nested blocking waits)
            float[][] spec = spectrogram(archive, e.info(), p, plans);
            int t = canonicalT(e.durationMs(), p.dtMs(), spec.length == 0 ? 0 : spec[0].length, shortest[s]);
            tCanon[s] = t;
            stimuli.add(new StimulusEntry(e.info(), e.durationMs(), cutColumns(spec, t)));
        }
        float[][][][] responses = new float[nS][neurons.size()][][];
        for (int k = 0; k < placedAt.size(); k++) {
            int s = placedAt.get(k)[0];
            int n = placedAt.get(k)[1];
            responses[s][n] = cutColumns(placedBlock.get(k), tCanon[s]);
        }
        Set<String> kinds = new LinkedHashSet<>();
        neurons.forEach(c -> kinds.add(c.signalType()));
        List<String> warnings = new ArrayList<>();
        String signalType = kinds.size() == 1 ? kinds.iterator().next() : "mixed";
        if (kinds.size() > 1) {
            warnings.add("the cohort mixes cell-attached (spikes) and whole-cell (subthreshold Vm) cells: "
                    + "their responses are in different units; filter by site to get one kind");
        }
        plans.keySet().stream().sorted().filter(sf -> sf / 2 < p.fmaxHz()).forEach(sf -> warnings.add(
                "fmax " + Params.fmt(p.fmaxHz()) + " Hz is above the Nyquist frequency (" + Params.fmt(sf / 2)
                        + " Hz) of the stimuli sampled at " + Params.fmt(sf) + " Hz: their bands above it hold "
                        + "aliased energy (the reference loader computes them the same way)"));
        return new AssembledDataset(p, LogBands.centresHz(p.fminHz(), p.fmaxHz(), p.binsPerOctave()), stimuli,
                neurons, responses, counts, signalType, dropped,
                archive.problems().stream().sorted(Problem.ORDER).toList(), warnings, waveform);
    }

    /** T = min(round(duration/dt), spectrogram frames, shortest response) over the positive ones; 0 when none is (bins). */
    public static int canonicalT(double durationMs, double dtMs, int specFrames, int shortestResponse) {
        double tDur = Math.rint(durationMs / dtMs);
        long t = Long.MAX_VALUE;
        if (tDur > 0) {
            t = Math.min(t, (long) Math.min(tDur, Integer.MAX_VALUE));
        }
        if (specFrames > 0) {
            t = Math.min(t, specFrames);
        }
        if (shortestResponse > 0) {
            t = Math.min(t, shortestResponse);
        }
        return t == Long.MAX_VALUE ? 0 : (int) t;
    }

    /**
     * The duration that bounds T: the first registering cell's trigger duration; for a Wehr trial
     * without one, the waveform's own length (ms; 0 when that waveform is unreadable).
     */
    public static double durationForT(CellStimulus st, Ac1Archive archive) {
        double d = st.info().durationMs();
        if (d != 0 || !st.info().isWehr()) {
            return d;
        }
        try {
            return archive.waveform(st.info()).durationMs();
        } catch (MatReadException e) {
            return 0;
        }
    }

    /** The first {@code t} columns of every row (rows already that short are kept as they are). */
    public static float[][] cutColumns(float[][] block, int t) {
        float[][] out = new float[block.length][];
        for (int r = 0; r < block.length; r++) {
            out[r] = block[r].length == t ? block[r] : java.util.Arrays.copyOf(block[r], Math.min(t, block[r].length));
        }
        return out;
    }

    private static float[][] spectrogram(Ac1Archive archive, StimulusInfo info, Params p, Map<Double, LogSpectrogramPlan> plans) {
        Waveform w;
        try {
            w = archive.waveform(info);
        } catch (MatReadException e) {
            // it was read moments ago while the cells were processed: the file changed under us
            throw new IllegalStateException(archive.describeStimulus(info) + ": " + e.getMessage(), e);
        }
        return plans.computeIfAbsent(w.sampleRateHz(), sf -> LogSpectrogramPlan.of(sf, p.dtMs(), p.effectiveWindowMs(),
                p.fminHz(), p.fmaxHz(), p.binsPerOctave())).compute(w.samples()).db();
    }

    private static CellOutcome processCell(Ac1Archive archive, CellRecord cell, Params p, ProgressMonitor monitor) {
        // a copy we may empty: each stimulus' traces are released as soon as it is processed
        Map<StimulusKey, RawRepeats> raw = new HashMap<>(archive.readRepeats(cell));
        Map<StimulusKey, Integer> lastUse = new HashMap<>();
        for (int i = 0; i < cell.stimuli().size(); i++) {
            lastUse.put(cell.stimuli().get(i).key(), i);
        }
        List<StimulusOutcome> out = new ArrayList<>();
        for (int i = 0; i < cell.stimuli().size(); i++) {
            CellStimulus st = cell.stimuli().get(i);
            monitor.checkCancelled();
            RawRepeats reps = lastUse.get(st.key()) == i ? raw.remove(st.key()) : raw.get(st.key());
            try {
                archive.waveform(st.info());
            } catch (MatReadException e) {
                archive.problemLog().error(archive.describeStimulus(st.info()), e.getMessage()
                        + "; skipped for cell " + cell.session() + " (as referenced by " + st.repeats().get(0).file() + ")");
                continue;
            }
            if (reps == null) {
                continue;
            }
            RepeatAnalysis a = RepeatAnalysis.of(reps, p.detrendMedMs(), p.detrendGaussMs());
            List<RepeatVerdict> verdicts = a.verdicts(p.gating());
            float[][] binned = ResponseBinning.binKept(a, verdicts, cell.isSpiking(), p);
            out.add(new StimulusOutcome(st, verdicts, binned));
        }
        return new CellOutcome(cell, out);
    }
}
