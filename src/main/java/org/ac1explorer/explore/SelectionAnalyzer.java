package org.ac1explorer.explore;

import org.ac1explorer.curation.Curation;
import org.ac1explorer.curation.HandVerdict;
import org.ac1explorer.curation.RepeatKey;
import org.ac1explorer.curation.RepeatOverride;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.MatReadException;
import org.ac1explorer.archive.RawRepeats;
import org.ac1explorer.archive.Waveform;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dataset.RepeatAnalysis;
import org.ac1explorer.dataset.ResponseBinning;
import org.ac1explorer.dsp.GateReason;
import org.ac1explorer.dsp.LogSpectrogram;
import org.ac1explorer.dsp.LogSpectrogramPlan;
import org.ac1explorer.dsp.RepeatVerdict;
import org.ac1explorer.dsp.SpikeDetection;
import org.ac1explorer.dsp.SpikeDetector;
import org.ac1explorer.archive.ProgressMonitor;

/**
 * Computes a {@link SelectionData} off the JavaFX thread, reusing what a parameter change leaves
 * valid: the raw repeats (per selection), the detrend analysis (per detrend windows), spike
 * detections, and the spectrogram (per stimulus and spectrogram knobs). A gating-threshold change
 * therefore only re-decides verdicts and re-bins; dt/fmin/fmax/bpo/window recompute the
 * spectrogram and binning. Thread-safe; one instance per opened dataset.
 */
public final class SelectionAnalyzer {
    private final Ac1Archive archive;
    private final Lru<String, Optional<RawRepeats>> raw = new Lru<>(6);
    private final Lru<String, RepeatAnalysis> analyses = new Lru<>(3);
    private final Lru<String, List<SpikeDetection>> spikes = new Lru<>(3);
    private final Lru<String, LogSpectrogram> spectrograms = new Lru<>(8);

    /** A computation started ahead of its request ({@link #prefetch}), which {@link #compute} joins instead of repeating. */
    private record Ahead(Selection selection, Params params, Curation curation, CompletableFuture<SelectionData> result) {
        boolean isFor(Selection s, Params p, Curation c) {
            return selection.id().equals(s.id()) && params.equals(p) && curation.equals(c);
        }
    }

    private volatile Ahead ahead;

    public SelectionAnalyzer(Ac1Archive archive) {
        this.archive = archive;
    }

    /**
     * Starts computing {@code sel} on {@code executor} now, before anyone asks (the selection a
     * window is about to restore): a later {@link #compute} of the same selection, knobs and
     * curation waits for this one instead of starting again. A failure here is forgotten; that
     * later call computes again and reports it.
     */
    public void prefetch(Selection sel, Params p, Curation curation, Executor executor) {
        ahead = new Ahead(sel, p, curation,
                CompletableFuture.supplyAsync(() -> computeNow(sel, p, curation, ProgressMonitor.NONE), executor));
    }

    /**
     * The prefetched result for this selection, knobs and curation when it is already computed (it
     * is then handed over, once); null otherwise, also when the prefetch failed.
     */
    public SelectionData ready(Selection sel, Params p, Curation curation) {
        Ahead a = ahead;
        if (a == null || !a.isFor(sel, p, curation) || !a.result().isDone() || a.result().isCompletedExceptionally()) {
            return null;
        }
        ahead = null;
        return a.result().join();
    }

    public SelectionData compute(Selection sel, Params p, ProgressMonitor ctx) {
        return compute(sel, p, Curation.EMPTY, ctx);
    }

    /** {@link #compute(Selection, Params, ProgressMonitor)} with the hand verdicts of {@code curation} applied after the gating. */
    public SelectionData compute(Selection sel, Params p, Curation curation, ProgressMonitor ctx) {
        Ahead a = ahead;
        if (a != null && a.isFor(sel, p, curation)) {
            ahead = null;
            SelectionData d = ctx.await(a.result());
            if (d != null) {
                return d;
            }
        }
        return computeNow(sel, p, curation, ctx);
    }

    private SelectionData computeNow(Selection sel, Params p, Curation curation, ProgressMonitor ctx) {
        String id = sel.id();
        Optional<RawRepeats> reps = raw.get(id);
        if (reps == null) {
            ctx.progress(0, 3, "Reading repeats of " + sel.cell().session());
            reps = archive.readRepeats(sel.cell(), sel.stimulus());
            raw.put(id, reps);
        }
        ctx.checkCancelled();

        LogSpectrogram spec = null;
        String specError = null;
        String specKey = sel.stimulus().key() + "|" + p.dtMs() + "|" + p.effectiveWindowMs() + "|" + p.fminHz() + "|"
                + p.fmaxHz() + "|" + p.binsPerOctave();
        spec = spectrograms.get(specKey);
        if (spec == null) {
            try {
                Waveform w = archive.waveform(sel.stimulus().info());
                ctx.checkCancelled();
                spec = LogSpectrogramPlan.of(w.sampleRateHz(), p.dtMs(), p.effectiveWindowMs(), p.fminHz(), p.fmaxHz(),
                        p.binsPerOctave()).compute(w.samples());
                spectrograms.put(specKey, spec);
            } catch (MatReadException e) {
                specError = "Stimulus waveform unreadable: " + e.getMessage();
            }
        }
        ctx.checkCancelled();

        if (reps.isEmpty() || reps.get().tracesMv().isEmpty()) {
            return new SelectionData(sel, p, null, List.of(), null, spec, specError, new float[0][], new double[0],
                    new double[0], "No repeat of this stimulus could be read (see Problems)", new RepeatOverride[0],
                    curation.exclusion(sel.cell().session()).orElse(null));
        }
        String aKey = id + "|" + p.detrendMedMs() + "|" + p.detrendGaussMs();
        String spikeKey = aKey + "|" + p.spikeClipMs();
        RepeatAnalysis a = analyses.get(aKey);
        if (a == null) {
            ctx.progress(1, 3, "Detrending " + reps.get().tracesMv().size() + " repeats");
            a = RepeatAnalysis.of(reps.get(), p.detrendMedMs(), p.detrendGaussMs());
            analyses.put(aKey, a);
        }
        ctx.checkCancelled();
        List<RepeatVerdict> verdicts = a.verdicts(p.gating());
        RepeatOverride[] hand = new RepeatOverride[verdicts.size()];
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < hand.length; i++) {
            hand[i] = curation.override(new RepeatKey(sel.cell().session(), sel.stimulus().info().description(), i + 1))
                    .orElse(null);
            boolean keep = hand[i] != null ? hand[i].verdict() == HandVerdict.KEEP : verdicts.get(i).reason() == GateReason.KEPT;
            if (keep) {
                kept.add(i);
            }
        }

        List<SpikeDetection> det = null;
        List<double[]> keptSignals;
        if (sel.cell().isSpiking()) {
            det = spikes.get(spikeKey);
            if (det == null) {
                ctx.progress(2, 3, "Detecting spikes");
                det = new ArrayList<>();
                for (double[] d : a.detrended()) {
                    ctx.checkCancelled();
                    det.add(SpikeDetector.detect(d, a.sfHz(), p.detrendMedMs(), p.detrendGaussMs(), p.spikeClipMs()));
                }
                det = List.copyOf(det);
                spikes.put(spikeKey, det);
            }
            keptSignals = new ArrayList<>();
            for (int i : kept) {
                keptSignals.add(det.get(i).psth());
            }
        } else {
            keptSignals = ResponseBinning.signals(a, kept, false, p);
        }
        ctx.checkCancelled();
        float[][] binned = ResponseBinning.bin(keptSignals, a.sfHz(), p.dtMs());
        int t = binned.length == 0 ? 0 : binned[0].length;
        double[] mean = new double[t];
        double[] sem = new double[t];
        int n = binned.length;
        for (int k = 0; k < t; k++) {
            double s = 0;
            for (float[] row : binned) {
                s += row[k];
            }
            double m = s / n;
            double ss = 0;
            for (float[] row : binned) {
                ss += (row[k] - m) * (row[k] - m);
            }
            mean[k] = m;
            sem[k] = n > 1 ? Math.sqrt(ss / (n - 1)) / Math.sqrt(n) : 0;
        }
        ctx.progress(3, 3, null);
        return new SelectionData(sel, p, a, verdicts, det, spec, specError, binned, mean, sem, null, hand,
                curation.exclusion(sel.cell().session()).orElse(null));
    }
}
