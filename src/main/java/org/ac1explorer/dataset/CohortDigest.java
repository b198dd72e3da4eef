package org.ac1explorer.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.CellStimulus;
import org.ac1explorer.archive.MatReadException;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.archive.StimulusKey;
import org.ac1explorer.curation.CellExclusion;
import org.ac1explorer.curation.Curation;
import org.ac1explorer.curation.HandVerdict;
import org.ac1explorer.curation.RepeatKey;
import org.ac1explorer.curation.RepeatOverride;
import org.ac1explorer.dsp.DecisionScores;
import org.ac1explorer.dsp.GateReason;
import org.ac1explorer.dsp.GatingThresholds;
import org.ac1explorer.dsp.LogBands;
import org.ac1explorer.dsp.RepeatPass;
import org.ac1explorer.dsp.SpectrogramGeometry;

/**
 * The threshold-independent digest of a whole cohort (DESIGN §2.7): every cell's stimuli as
 * {@link StimulusDigest}s, in cohort order, with the duration that bounds each stimulus' T. Built
 * by one pass over the recordings (cells in parallel); a gating-threshold change then only
 * re-decides ({@link #grid}), which takes milliseconds. Immutable once built.
 */
public final class CohortDigest {
    /** What one cell contributes: its stimuli in the cell's order (unreadable stimuli left out). */
    public record CellDigest(CellRecord cell, List<StimulusDigest> stimuli) {
    }

    /** A stimulus as first registered: the registering cell's digest and the duration bounding T (ms, that cell's). */
    public record Registration(StimulusDigest first, double durationMs) {
    }

    /**
     * The S x N grid at one set of thresholds: registered stimuli, contributing cells, each placed
     * kept block (block k at stimulus placedAt[k][0], neuron placedAt[k][1]) and each stimulus'
     * shortest block, before any cut to T.
     */
    public record Grid(List<Registration> stimuli, List<CellRecord> neurons, List<int[]> placedAt,
                       List<float[][]> placedBlock, int[] shortest, RejectionCounts rejections, List<CellRecord> dropped,
                       CurationOutcome curation) {
        /** How many cells of the cohort contributed nothing. */
        public int droppedCells() {
            return dropped.size();
        }

        /** How many cells the cohort has (contributing or dropped). */
        public int cohortSize() {
            return neurons.size() + dropped.size();
        }

    }

    private final Params params;
    private final double stepFracCovered;
    private final List<CellDigest> cells;

    private CohortDigest(Params params, double stepFracCovered, List<CellDigest> cells) {
        this.params = params;
        this.stepFracCovered = stepFracCovered;
        this.cells = cells;
    }

    /**
     * Digests the cohort {@code p} selects, keeping step tails that decide max step fractions up to
     * {@code stepFracCovered} (at least p's). Throws IllegalArgumentException for invalid parameters.
     */
    public static CohortDigest of(Ac1Archive archive, Params p, double stepFracCovered, ProgressMonitor monitor) {
        p.validate();
        double covered = Math.max(stepFracCovered, p.maxStepFrac());
        List<CellRecord> cohort = archive.cells().stream().filter(c -> DatasetAssembler.selects(p, c)).toList();
        AtomicLong done = new AtomicLong();
        CellDigest[] out = new CellDigest[cohort.size()];
        monitor.progress(0, cohort.size(), "Processing cells");
        IntStream.range(0, cohort.size()).parallel().forEach(i -> {
            monitor.checkCancelled();
            out[i] = digestCell(archive, cohort.get(i), p, covered, monitor);
            monitor.progress(done.incrementAndGet(), cohort.size(), "Processing cells: " + cohort.get(i).session());
        });
        return new CohortDigest(p, covered, List.of(out));
    }

    /** The parameters the digest was made with (its thresholds are those it was first decided at). */
    public Params params() {
        return params;
    }

    /** Every cell of the cohort with its stimuli, in cohort order. */
    public List<CellDigest> cells() {
        return cells;
    }

    /** Whether deciding {@code q} from this digest gives what a new pass would: only the gating thresholds differ, within the covered step fractions. */
    public boolean serves(Params q) {
        return q.dtMs() == params.dtMs() && q.detrendMedMs() == params.detrendMedMs()
                && q.detrendGaussMs() == params.detrendGaussMs() && q.spikeClipMs() == params.spikeClipMs()
                && q.experimenters().equals(params.experimenters()) && q.sites().equals(params.sites())
                && q.maxStepFrac() <= stepFracCovered && coversAll(q.maxStepFrac());
    }

    private boolean coversAll(double maxStepFrac) {
        for (CellDigest c : cells) {
            for (StimulusDigest d : c.stimuli()) {
                if (!d.covers(maxStepFrac)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Decides every repeat at {@code t} and registers the stimuli as the reference loader does:
     * in cell order, first cell wins; a cell contributes when one of its stimuli keeps a non-empty block.
     */
    public Grid grid(GatingThresholds t) {
        return grid(t, null);
    }

    /**
     * {@link #grid(GatingThresholds)} with a curation applied after the gating (null: none): an
     * excluded cell contributes nothing (it is neither a neuron nor dropped), a repeat rejected by
     * hand is left out and one kept by hand stays in; {@link Grid#rejections()} keeps the automatic
     * counts, {@link Grid#curation()} says what the curation changed.
     */
    public Grid grid(GatingThresholds t, Curation curation) {
        Set<RepeatOverride> applied = new LinkedHashSet<>();
        Set<CellExclusion> excludedHere = new LinkedHashSet<>();
        long manualKeep = 0;
        long manualReject = 0;
        Map<StimulusKey, Integer> keyToS = new HashMap<>();
        List<Registration> registered = new ArrayList<>();
        List<CellRecord> neurons = new ArrayList<>();
        List<int[]> placedAt = new ArrayList<>();
        List<float[][]> placedBlock = new ArrayList<>();
        RejectionCounts counts = RejectionCounts.ZERO;
        List<CellRecord> dropped = new ArrayList<>();
        for (CellDigest c : cells) {
            int n = neurons.size();
            boolean contributed = false;
            Optional<CellExclusion> exclusion = curation == null ? Optional.empty() : curation.exclusion(c.cell().session());
            for (StimulusDigest d : c.stimuli()) {
                GateReason[] reasons = d.reasons(t);
                counts = counts.plus(RejectionCounts.of(reasons));
                boolean[] kept = new boolean[reasons.length];
                for (int i = 0; i < kept.length; i++) {
                    kept[i] = reasons[i] == GateReason.KEPT;
                }
                if (curation != null) {
                    for (int i = 0; i < kept.length; i++) {
                        Optional<RepeatOverride> o = curation.override(
                                new RepeatKey(c.cell().session(), d.stimulus().info().description(), i + 1));
                        if (o.isPresent()) {
                            applied.add(o.get());
                            boolean keep = o.get().verdict() == HandVerdict.KEEP;
                            manualKeep += keep && !kept[i] ? 1 : 0;
                            manualReject += !keep && kept[i] ? 1 : 0;
                            kept[i] = keep;
                        }
                    }
                }
                if (exclusion.isPresent()) {
                    excludedHere.add(exclusion.get());
                    continue;
                }
                float[][] block = d.keptBlock(kept);
                if (block.length == 0 || block[0].length == 0) {
                    continue;
                }
                StimulusKey key = d.stimulus().key();
                Integer s = keyToS.get(key);
                if (s == null) {
                    s = registered.size();
                    keyToS.put(key, s);
                    registered.add(new Registration(d, d.durationForTMs()));
                }
                placedAt.add(new int[] {s, n});
                placedBlock.add(block);
                contributed = true;
            }
            if (exclusion.isPresent()) {
                excludedHere.add(exclusion.get());
            } else if (contributed) {
                neurons.add(c.cell());
            } else {
                dropped.add(c.cell());
            }
        }
        int[] shortest = new int[registered.size()];
        java.util.Arrays.fill(shortest, Integer.MAX_VALUE);
        for (int k = 0; k < placedAt.size(); k++) {
            int s = placedAt.get(k)[0];
            shortest[s] = Math.min(shortest[s], placedBlock.get(k)[0].length);
        }
        CurationOutcome outcome = curation == null ? null : new CurationOutcome(List.copyOf(applied), List.copyOf(excludedHere),
                curation.overrides().stream().filter(o -> !applied.contains(o)).toList(),
                curation.excludedCells().stream().filter(e -> !excludedHere.contains(e)).toList(), manualKeep, manualReject);
        return new Grid(List.copyOf(registered), List.copyOf(neurons), placedAt, placedBlock, shortest, counts,
                List.copyOf(dropped), outcome);
    }

    /** T of registered stimulus s in spectrogram mode: the spectrogram's frames as {@link DatasetAssembler#canonicalT} takes them. */
    public static int spectrogramT(Grid g, int s, Params p) {
        Registration r = g.stimuli().get(s);
        int bands = LogBands.centresHz(p.fminHz(), p.fmaxHz(), p.binsPerOctave()).length;
        int frames = bands == 0 ? 0 : SpectrogramGeometry.of(r.first().waveformRateHz(), p.dtMs(), p.effectiveWindowMs())
                .frames(r.first().waveformSamples());
        return DatasetAssembler.canonicalT(r.durationMs(), p.dtMs(), frames, g.shortest()[s]);
    }

    /** The cohort's signal type ("mixed" for both kinds) and its warnings, spectrogram-mode Nyquist ones included when asked. */
    public static List<String> warnings(Grid g, Params p, boolean nyquist) {
        Set<String> kinds = kinds(g);
        List<String> warnings = new ArrayList<>();
        if (kinds.size() > 1) {
            warnings.add("the cohort mixes cell-attached (spikes) and whole-cell (subthreshold Vm) cells: "
                    + "their responses are in different units; filter by site to get one kind");
        }
        if (nyquist) {
            Set<Double> rates = new TreeSet<>();
            g.stimuli().forEach(r -> rates.add(r.first().waveformRateHz()));
            rates.stream().filter(sf -> sf / 2 < p.fmaxHz()).forEach(sf -> warnings.add(
                    "fmax " + Params.fmt(p.fmaxHz()) + " Hz is above the Nyquist frequency (" + Params.fmt(sf / 2)
                            + " Hz) of the stimuli sampled at " + Params.fmt(sf) + " Hz: their bands above it hold "
                            + "aliased energy (the reference loader computes them the same way)"));
        }
        return warnings;
    }

    public static String signalType(Grid g) {
        Set<String> kinds = kinds(g);
        return kinds.size() == 1 ? kinds.iterator().next() : "mixed";
    }

    private static Set<String> kinds(Grid g) {
        Set<String> kinds = new LinkedHashSet<>();
        g.neurons().forEach(c -> kinds.add(c.signalType()));
        return kinds;
    }

    private static CellDigest digestCell(Ac1Archive archive, CellRecord cell, Params p, double covered, ProgressMonitor monitor) {
        // stimulus by stimulus: only the current stimulus' traces are held, not the whole cell's
        try (Ac1Archive.CellRepeats reading = archive.repeatsInOrder(cell)) {
            return new CellDigest(cell, digestStimuli(archive, cell, p, covered, monitor, reading));
        }
    }

    private static List<StimulusDigest> digestStimuli(Ac1Archive archive, CellRecord cell, Params p, double covered,
                                                      ProgressMonitor monitor, Ac1Archive.CellRepeats reading) {
        List<StimulusDigest> out = new ArrayList<>();
        for (int i = 0; i < cell.stimuli().size(); i++) {
            CellStimulus st = cell.stimuli().get(i);
            monitor.checkCancelled();
            Ac1Archive.RepeatCuts reps = reading.nextCuts(st).orElse(null);
            Ac1Archive.WaveformShape w;
            try {
                w = archive.waveformShape(st.info());
            } catch (MatReadException e) {
                archive.problemLog().error(archive.describeStimulus(st.info()), e.getMessage()
                        + "; skipped for cell " + cell.session() + " (as referenced by " + st.repeats().get(0).file() + ")");
                continue;
            }
            if (reps == null) {
                continue;
            }
            // the duration bounding T, as DatasetAssembler.durationForT gives it (the waveform is readable here)
            double durationMs = st.info().durationMs() != 0 || !st.info().isWehr() ? st.info().durationMs()
                    : w.samples() / w.sampleRateHz() * 1000.0;
            out.add(digest(st, reps, cell.isSpiking(), p, covered, w, durationMs));
        }
        return List.copyOf(out);
    }

    /**
     * The digest of one cell x stimulus, the values {@link RepeatAnalysis} and {@link ResponseBinning}
     * give, keeping no trace past the call: the repeats are cut, detrended, scored and binned one at
     * a time ({@link RepeatPass}).
     */
    private static StimulusDigest digest(CellStimulus st, Ac1Archive.RepeatCuts reps, boolean spiking, Params p, double covered,
                                         Ac1Archive.WaveformShape w, double durationMs) {
        double sf = reps.sampleRateHz();
        ResponseBinning.requireWholeBins(sf, p.dtMs());
        // one thread per cell: the cells already keep every core busy
        RepeatPass.Result r = RepeatPass.run(reps.lengths(), reps, sf, new RepeatPass.Settings(p.detrendMedMs(),
                p.detrendGaussMs(), covered, p.dtMs(), spiking, p.spikeClipMs()));
        DecisionScores scores = r.scores();
        return new StimulusDigest(st, scores.maxAbsMv(), scores.steps(), scores.xcorr(), r.binned(), w.samples(), w.sampleRateHz(),
                durationMs);
    }
}
